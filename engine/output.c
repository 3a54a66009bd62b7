/* CSV outputs (summary.csv, replications.csv, params.csv), RFC 4180, UTF-8.
 *
 * Each file is written to a temporary name in the same folder and renamed
 * into place once complete, so an interrupted run never leaves a
 * half-written file. Fields are escaped by libcsv (csv_fwrite) when they
 * need quotes; plain names and numbers are written as they are. */
#define _GNU_SOURCE                 /* syncfs (Linux) */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "binding.h"
#include "csv_out.h"
#include "outset.h"
#include "results.h"
#include "targets.h"

int rm_output_replaceable(const char *path, char *err, size_t errlen) {
    struct stat st;
    if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return 0;                                /* nothing there yet (or a dangling link), or a file */
    snprintf(err, errlen, "%s is %s, not a file: give the name of a file to write", path,
             S_ISDIR(st.st_mode) ? "a folder" : "a device, a pipe or a socket");
    return -1;
}

int rm_csv_open(rm_csv *o, const char *dir, const char *name, char *err, size_t errlen) {
    snprintf(o->path, sizeof o->path, "%s/%s", dir, name);
    o->f = NULL;
    if (rm_output_replaceable(o->path, err, errlen) < 0)
        return -1;
    snprintf(o->tmp, sizeof o->tmp, "%s/.%s.tmp.%ld", dir, name, (long)getpid());
    o->first = 1;
    o->failed = 0;
    o->f = fopen(o->tmp, "w");
    if (!o->f) {
        snprintf(err, errlen, "cannot write %s: %s", o->path, strerror(errno));
        return -1;
    }
    return 0;
}

/* A field as it is, or quoted by libcsv when it holds a comma, a quote or
 * a line break, or begins or ends with a space. One pass over it: a large
 * output (replications.csv, a sweep's points) is mostly fields, written by
 * the one thread that owns the file (hence the unlocked stdio). */
void rm_csv_field(rm_csv *o, const char *s) {
    if (!o->first && putc_unlocked(',', o->f) == EOF)
        o->failed = 1;
    o->first = 0;
    size_t n = strcspn(s, ",\"\r\n");
    int quoted = s[n] != '\0';
    if (quoted)
        n += strlen(s + n);
    else if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
        quoted = 1;
    if (quoted) {
        if (csv_fwrite(o->f, s, n) != 0)
            o->failed = 1;
    } else if (n > 0 && fwrite_unlocked(s, 1, n, o->f) != n) {
        o->failed = 1;
    }
}

/* The exact powers of ten a double holds (10^22 is the last). */
static const double exact_pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The digits of u (below 10^20) ending at end, written backwards; the first. */
static char *digits_before(char *end, unsigned long long u) {
    do
        *--end = (char)('0' + u % 10);
    while (u /= 10);
    return end;
}

void rm_format_g10(char buf[RM_G10_LEN], double v) {
    char *p = buf;
    if (v > -1e10 && v < 1e10 && v == (double)(long long)v && !(v == 0 && signbit(v))) {
        long long k = (long long)v;                 /* a whole number (most figures are counts) */
        char tmp[24], *end = tmp + sizeof tmp;
        if (k < 0)
            *p++ = '-';
        char *d = digits_before(end, k < 0 ? 0ULL - (unsigned long long)k : (unsigned long long)k);
        memcpy(p, d, (size_t)(end - d));
        p[end - d] = '\0';
        return;
    }
    double a = fabs(v);
    int e = 0;
    frexp(a, &e);
    int x = (int)floor((e - 1) * 0.30102999566398120);   /* the decimal exponent, or one below it */
    if (isfinite(a) && x >= -12 && x <= 21) {
        /* a scaled to ten digits before the point by an exact power of
         * ten: one correctly rounded operation, monotonic, so m is on the
         * same side of any double (a tie n + 0.5, 10^9, 10^10 - 0.5) as
         * the exact product, or on it. Values on or near those go to
         * printf, whose rounding of the exact value is right; the rest
         * round here as printf would. */
        for (int tries = 0; tries < 2; tries++) {
            int k = 9 - x;
            double m = k >= 0 ? a * exact_pow10[k] : a / exact_pow10[-k];
            if (m >= 1e10) {
                x++;
                continue;
            }
            if (m < 1e9 + 1e-4 || m >= 1e10 - 0.5 - 1e-4)
                break;
            double whole = floor(m), frac = m - whole;
            if (fabs(frac - 0.5) < 1e-4)
                break;
            unsigned long long r = (unsigned long long)whole + (frac > 0.5);
            char dig[24], *end = dig + sizeof dig;
            char *d = digits_before(end, r);           /* ten digits */
            int n = 10;
            while (n > 1 && d[n - 1] == '0')
                n--;                                   /* "%g" drops trailing zeros */
            if (v < 0)
                *p++ = '-';
            if (x < -4 || x >= 10) {                   /* d.ddde+XX */
                *p++ = d[0];
                if (n > 1) {
                    *p++ = '.';
                    memcpy(p, d + 1, (size_t)(n - 1));
                    p += n - 1;
                }
                *p++ = 'e';
                *p++ = x < 0 ? '-' : '+';
                int ax = x < 0 ? -x : x;
                if (ax < 10)
                    *p++ = '0';
                char *q = digits_before(end, (unsigned long long)ax);
                memcpy(p, q, (size_t)(end - q));
                p += end - q;
            } else if (x >= 0) {                       /* ddd.ddd */
                memcpy(p, d, (size_t)(x + 1));
                p += x + 1;
                if (n > x + 1) {
                    *p++ = '.';
                    memcpy(p, d + x + 1, (size_t)(n - x - 1));
                    p += n - x - 1;
                }
            } else {                                   /* 0.000ddd */
                *p++ = '0';
                *p++ = '.';
                for (int z = 0; z < -x - 1; z++)
                    *p++ = '0';
                memcpy(p, d, (size_t)n);
                p += n;
            }
            *p = '\0';
            return;
        }
    }
    snprintf(buf, RM_G10_LEN, "%.10g", v);
}

/* A number as "%.10g" writes it; NaN (undefined) as an empty field. */
void rm_csv_number(rm_csv *o, double v) {
    char buf[RM_G10_LEN] = "";
    if (!isnan(v))
        rm_format_g10(buf, v);
    rm_csv_field(o, buf);
}

void rm_csv_integer(rm_csv *o, long v) {
    char buf[24], *end = buf + sizeof buf - 1;
    *end = '\0';
    char *p = digits_before(end, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
    if (v < 0)
        *--p = '-';
    rm_csv_field(o, p);
}

void rm_csv_end_row(rm_csv *o) {
    if (fwrite_unlocked("\r\n", 1, 2, o->f) != 2)
        o->failed = 1;
    o->first = 1;
}

void rm_csv_row(rm_csv *o, const char *const *fields) {
    for (; *fields; fields++)
        rm_csv_field(o, *fields);
    rm_csv_end_row(o);
}

/* Finishes the file: flush, close, rename into place; removes the
 * temporary file on any error. */
/* The header `fields`, with the grid's names before the column `before`. */
static void header_with_grid(rm_csv *o, const char *const *fields, const char *before, const remous_results *res) {
    for (; *fields; fields++) {
        if (strcmp(*fields, before) == 0)
            for (int g = 0; g < res->ngrid; g++)
                rm_csv_field(o, res->grid_names[g]);
        rm_csv_field(o, *fields);
    }
    rm_csv_end_row(o);
}

static void grid_values(rm_csv *o, const remous_results *res) {
    for (int g = 0; g < res->ngrid; g++)
        rm_csv_field(o, res->grid_values[g]);
}

/* Whether rm_csv_close waits for the file to reach the disk (see csv_out.h). */
static int durable = 1;

void rm_csv_set_durable(int on) { durable = on; }

int rm_csv_sync_batch(const char *dir, int now) {
    static double last;                          /* this process's last sync */
    double t = rm_monotonic_seconds();
    if (!now && t - last < 1.0)
        return 0;
    last = t;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = syncfs(fd);
    close(fd);
    return rc;
}

int rm_csv_close(rm_csv *o, char *err, size_t errlen) {
    int bad = o->failed || fflush(o->f) != 0 || (durable && fsync(fileno(o->f)) != 0);
    int saved = errno;
    if (fclose(o->f) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    if (!bad && rename(o->tmp, o->path) != 0) {
        bad = 1;
        saved = errno;
    }
    if (bad) {
        unlink(o->tmp);
        snprintf(err, errlen, "cannot write %s: %s", o->path, strerror(saved ? saved : EIO));
        return -1;
    }
    return 0;
}

int rm_make_dirs(const char *dir, char *err, size_t errlen) {
    char path[4096];
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                snprintf(err, errlen, "cannot create the folder %s: %s", path, strerror(errno));
                return -1;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s is not a folder", dir);
        return -1;
    }
    return 0;
}

static int write_summary(const remous_results *const *all, int nres, const char *dir, char *err, size_t errlen) {
    rm_csv o;
    if (rm_csv_open(&o, dir, "summary.csv", err, errlen) < 0)
        return -1;
    static const char *header[] = {"variant", "element", "name", "metric", "mean", "ci95_low",
                                   "ci95_high", "stdev", "n", NULL};
    header_with_grid(&o, header, "metric", all[0]);
    for (int v = 0; v < nres; v++)
    for (int i = 0; i < all[v]->cat.n; i++) {
        const remous_results *res = all[v];
        remous_summary_row r;
        remous_results_row(res, i, &r);
        if (r.n == 0)
            continue;                           /* never observed: no row */
        rm_csv_field(&o, r.variant);
        rm_csv_field(&o, r.element);
        rm_csv_field(&o, r.name);
        grid_values(&o, res);
        rm_csv_field(&o, r.metric);
        rm_csv_number(&o, r.mean);
        rm_csv_number(&o, r.ci95_low);
        rm_csv_number(&o, r.ci95_high);
        rm_csv_number(&o, r.stdev);
        rm_csv_integer(&o, r.n);
        rm_csv_end_row(&o);
    }
    return rm_csv_close(&o, err, errlen);
}

/* Fields as rm_csv_field writes them, joined by commas, into a string of
 * their own (malloc'd; NULL when out of memory): the part of a row that
 * many rows share. */
static char *fields_as_written(const char *const *fields, int n, const remous_results *grid_of, int grid_at) {
    rm_csv o = {.first = 1};
    char *text = NULL;
    size_t len = 0;
    if (!(o.f = open_memstream(&text, &len)))
        return NULL;
    for (int k = 0; k < n; k++) {
        if (k == grid_at && grid_of)
            grid_values(&o, grid_of);
        rm_csv_field(&o, fields[k]);
    }
    if (fclose(o.f) != 0 || o.failed) {
        free(text);
        return NULL;
    }
    return text;
}

/* Most of an output's rows: one row a replication and metric (61,000 for
 * a comparison of 200). Each row is its variant's and its metric's fields,
 * rendered once (fields_as_written), around its replication and value. */
static int write_replications(const remous_results *const *all, int nres, const char *dir, char *err, size_t errlen) {
    rm_csv o;
    if (rm_csv_open(&o, dir, "replications.csv", err, errlen) < 0)
        return -1;
    static const char *header[] = {"variant", "replication", "element", "name", "metric", "value", NULL};
    header_with_grid(&o, header, "metric", all[0]);
    for (int v = 0; v < nres && !o.failed; v++) {
        const remous_results *res = all[v];
        char *variant = fields_as_written(&res->variant, 1, NULL, -1);
        char **keys = calloc((size_t)res->cat.n + 1, sizeof *keys);   /* element,name,grid...,metric */
        size_t vlen = variant ? strlen(variant) : 0;
        for (int i = 0; variant && keys && i < res->cat.n && !o.failed; i++) {
            const rm_metric *e = &res->cat.m[i];
            const char *f[] = {rm_element_name(e->element), e->name, e->metric};
            if (!(keys[i] = fields_as_written(f, 3, res, 2)))
                o.failed = 1;
        }
        if (!variant || !keys)
            o.failed = 1;
        for (int r = 0; r < res->reps && !o.failed; r++)
            for (int i = 0; i < res->cat.n; i++) {
                double x = res->values[(size_t)r * (size_t)res->cat.n + (size_t)i];
                if (isnan(x))
                    continue;
                char row[4096], *p = row, num[24], *num_end = num + sizeof num;
                size_t klen = strlen(keys[i]);
                if (vlen + klen + 64 > sizeof row) {  /* a long name: in pieces */
                    if (fputs(variant, o.f) == EOF || fputc(',', o.f) == EOF)
                        o.failed = 1;
                    o.first = 1;
                    rm_csv_integer(&o, r + 1);
                    if (fputc(',', o.f) == EOF || fputs(keys[i], o.f) == EOF)
                        o.failed = 1;
                    rm_csv_number(&o, x);
                    rm_csv_end_row(&o);
                    continue;
                }
                memcpy(p, variant, vlen);
                p += vlen;
                *p++ = ',';
                char *d = digits_before(num_end, (unsigned long long)r + 1);
                memcpy(p, d, (size_t)(num_end - d));
                p += num_end - d;
                *p++ = ',';
                memcpy(p, keys[i], klen);
                p += klen;
                *p++ = ',';
                rm_format_g10(p, x);
                p += strlen(p);
                *p++ = '\r';
                *p++ = '\n';
                if (fwrite_unlocked(row, 1, (size_t)(p - row), o.f) != (size_t)(p - row))
                    o.failed = 1;
            }
        for (int i = 0; keys && i < res->cat.n; i++)
            free(keys[i]);
        free(keys);
        free(variant);
    }
    return rm_csv_close(&o, err, errlen);
}

static int write_timeseries(const remous_results *const *all, int nres, const char *dir, char *err, size_t errlen) {
    rm_csv o;
    if (rm_csv_open(&o, dir, "timeseries.csv", err, errlen) < 0)
        return -1;
    static const char *header[] = {"variant", "period_start", "element", "name", "metric", "mean",
                                   "ci95_low", "ci95_high", NULL};
    header_with_grid(&o, header, "metric", all[0]);
    for (int v = 0; v < nres; v++)
    for (int k = 0; k < all[v]->nperiods; k++)
        for (int i = 0; i < all[v]->tcat.n; i++) {
            const remous_results *res = all[v];
            const rm_welford *w = &res->ts[(size_t)k * (size_t)res->tcat.n + (size_t)i];
            if (w->n == 0)
                continue;
            double mean, half, sd;
            rm_interval(w, &mean, &half, &sd);
            const rm_metric *e = &res->tcat.m[i];
            rm_csv_field(&o, res->variant);
            rm_csv_number(&o, k * res->period);
            rm_csv_field(&o, rm_element_name(e->element));
            rm_csv_field(&o, e->name);
            grid_values(&o, res);
            rm_csv_field(&o, e->metric);
            rm_csv_number(&o, mean);
            rm_csv_number(&o, mean - half);
            rm_csv_number(&o, mean + half);
            rm_csv_end_row(&o);
        }
    return rm_csv_close(&o, err, errlen);
}

/* A row of params.csv: variant, the grid point, name, value, source. */
static void param_row(rm_csv *o, const remous_results *res, const char *name, const char *value,
                      const char *source) {
    rm_csv_field(o, res->variant);
    grid_values(o, res);
    rm_csv_field(o, name);
    rm_csv_field(o, value);
    rm_csv_field(o, source);
    rm_csv_end_row(o);
}

static int write_params(const remous_results *const *all, int nres, const char *dir, char *err, size_t errlen) {
    rm_csv o;
    if (rm_csv_open(&o, dir, "params.csv", err, errlen) < 0)
        return -1;
    static const char *header[] = {"variant", "name", "value", "source", NULL};
    header_with_grid(&o, header, "name", all[0]);
    for (int v = 0; v < nres; v++) {
        const remous_results *res = all[v];
        const rm_model *m = res->model;
        char buf[64];
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)res->sc->seed);
        param_row(&o, res, "seed", buf, "run");
        snprintf(buf, sizeof buf, "%d", res->reps);
        param_row(&o, res, "replications", buf, "run");
        param_row(&o, res, "unit", m->unit, "scenario");
        snprintf(buf, sizeof buf, "%.10g", m->horizon);
        param_row(&o, res, "horizon", buf, "scenario");
        snprintf(buf, sizeof buf, "%.10g", m->warmup);
        param_row(&o, res, "warmup", buf, "scenario");
        snprintf(buf, sizeof buf, "%.10g", res->period);
        param_row(&o, res, "period", buf, "run");
        for (int i = 0; i < m->nparams; i++)
            param_row(&o, res, m->params[i].name, m->params[i].value, m->params[i].source);
    }
    return rm_csv_close(&o, err, errlen);
}

static int write_compare(const rm_comparison *cmp, const char *dir, char *err, size_t errlen) {
    rm_csv o;
    if (rm_csv_open(&o, dir, "compare.csv", err, errlen) < 0)
        return -1;
    static const char *header[] = {"variant", "element", "name", "metric", "baseline_mean", "variant_mean",
                                   "delta", "delta_ci95_low", "delta_ci95_high", "relative_change",
                                   "significant", "listed", NULL};
    rm_csv_row(&o, header);
    for (int k = 0; k < cmp->nrows; k++) {
        const rm_delta *d = &cmp->rows[k];
        rm_csv_field(&o, d->variant);
        rm_csv_field(&o, d->element);
        rm_csv_field(&o, d->name);
        rm_csv_field(&o, d->metric);
        rm_csv_number(&o, d->baseline_mean);
        rm_csv_number(&o, d->variant_mean);
        rm_csv_number(&o, d->delta);
        rm_csv_number(&o, d->delta - d->half);
        rm_csv_number(&o, d->delta + d->half);
        rm_csv_number(&o, d->relative);
        rm_csv_field(&o, d->significant ? "true" : "false");
        rm_csv_field(&o, d->listed ? "true" : "false");
        rm_csv_end_row(&o);
    }
    return rm_csv_close(&o, err, errlen);
}

/* The four files of one or several runs (the baseline and variants),
 * targets.csv when the scenario has targets, and compare.csv, into a fresh
 * folder put into place as one. */
int rm_write_results(const remous_results *const *all, int n, const rm_comparison *cmp, const char *dir,
                     char *err, size_t errlen) {
    rm_outset set;
    if (rm_outset_begin(&set, dir, err, errlen) < 0)
        return REMOUS_ERR_RUN;
    const char *into = set.work;
    if (write_summary(all, n, into, err, errlen) < 0 || write_replications(all, n, into, err, errlen) < 0 ||
        write_timeseries(all, n, into, err, errlen) < 0 || write_params(all, n, into, err, errlen) < 0 ||
        rm_write_targets(all, n, into, err, errlen) < 0 || (cmp && write_compare(cmp, into, err, errlen) < 0)) {
        rm_outset_abort(&set);
        size_t w = strlen(set.work);             /* the message names the folder asked for */
        char *at = strstr(err, set.work);
        if (!set.in_place && at && at[w] == '/') {
            char rest[1024];
            snprintf(rest, sizeof rest, "%s", at + w);
            snprintf(at, errlen - (size_t)(at - err), "%s%s", set.dir, rest);
        }
        return REMOUS_ERR_RUN;
    }
    return rm_outset_commit(&set, err, errlen) < 0 ? REMOUS_ERR_RUN : REMOUS_OK;
}

int remous_write_csv(const remous_results *res, const char *dir, char *err, size_t errlen) {
    return rm_write_results(&res, 1, NULL, dir, err, errlen);
}
