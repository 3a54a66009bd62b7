/* points.csv and the Pareto front, see points.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "csv_out.h"
#include "points.h"
#include "targets.h"

int rm_rank_split(const char *spec, char *buf, size_t len, char *parts[3], int *max, char *err, size_t errlen) {
    snprintf(buf, len, "%s", spec);
    char *p4[4] = {0};
    int np = 0;
    for (char *s = buf; np < 4 && s; np++) {
        p4[np] = s;
        s = strchr(s, ':');
        if (s)
            *s++ = '\0';
    }
    *max = np == 4 && strcmp(p4[3], "max") == 0;
    if (np < 3 || (np == 4 && !*max && strcmp(p4[3], "min") != 0)) {
        snprintf(err, errlen, "--rank: expected ELEMENT:NAME:METRIC[:min|max], e.g. queue:counter:wait_mean, got \"%s\"",
                 spec);
        return -1;
    }
    for (int i = 0; i < 3; i++)
        parts[i] = p4[i];
    return 0;
}

/* Appends a metric unless it is there; returns its index, or -1 (memory). */
static int add_metric(rm_points *p, const char *element, const char *name, const char *metric) {
    for (int i = 0; i < p->nm; i++)
        if (!strcmp(p->m[i].element, element) && !strcmp(p->m[i].name, name) && !strcmp(p->m[i].metric, metric))
            return i;
    rm_swept_metric *m = realloc(p->m, (size_t)(p->nm + 1) * sizeof *m);
    if (!m)
        return -1;
    p->m = m;
    m[p->nm] = (rm_swept_metric){strdup(element), strdup(name), strdup(metric), 0, 0};
    if (!m[p->nm].element || !m[p->nm].name || !m[p->nm].metric)
        return -1;
    return p->nm++;
}

/* A CSV file's rows, field by field: the fields of the row so far. */
typedef struct rows {
    char field[16][512];
    int wanted[16];           /* column index of each kept field */
    int nwanted;
    int col;
    long row;
    void (*on_row)(struct rows *r, void *ctx);
    void *ctx;
} rows;

static void on_field(void *data, size_t len, void *ctx) {
    rows *r = ctx;
    for (int i = 0; i < r->nwanted; i++)
        if (r->wanted[i] == r->col)
            snprintf(r->field[i], sizeof r->field[i], "%.*s", (int)len, data ? (const char *)data : "");
    r->col++;
}

static void on_end(int c, void *ctx) {
    rows *r = ctx;
    (void)c;
    if (r->row++ > 0 && r->col > r->wanted[r->nwanted - 1])
        r->on_row(r, r->ctx);
    r->col = 0;
    for (int i = 0; i < r->nwanted; i++)
        r->field[i][0] = '\0';
}

/* Reads dir/name, calling r->on_row for each row after the header; -1 when
 * it cannot be read (0 when absent and `optional`). */
static int read_rows(const char *dir, const char *name, rows *r, int optional) {
    char path[4400], buf[65536];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return optional ? 0 : -1;
    struct csv_parser cp;
    csv_init(&cp, CSV_APPEND_NULL);
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        csv_parse(&cp, buf, got, on_field, on_end, r);
    csv_fini(&cp, on_field, on_end, r);
    csv_free(&cp);
    fclose(f);
    return 0;
}

typedef struct collect {
    rm_points *p;
    long k;
    int oom;
} collect;

/* Targets' and declared metrics, in the order first seen. */
static void target_row(rows *r, void *ctx) {
    collect *c = ctx;
    if (add_metric(c->p, r->field[0], r->field[1], r->field[2]) < 0)
        c->oom = 1;
}

static void declared_row(rows *r, void *ctx) {
    collect *c = ctx;
    if (strcmp(r->field[0], "metric") == 0 && add_metric(c->p, r->field[0], r->field[1], r->field[2]) < 0)
        c->oom = 1;
}

/* A summary row: its figures go to the metric's cells at point c->k. */
static void value_row(rows *r, void *ctx) {
    collect *c = ctx;
    rm_points *p = c->p;
    for (int i = 0; i < p->nm; i++) {
        const rm_swept_metric *m = &p->m[i];
        if (strcmp(m->element, r->field[0]) || strcmp(m->name, r->field[1]) || strcmp(m->metric, r->field[2]))
            continue;
        for (int j = 0; j < 3; j++) {
            char **cell = &p->text[((size_t)c->k * (size_t)p->nm + (size_t)i) * 3 + (size_t)j];
            free(*cell);
            if (!(*cell = strdup(r->field[3 + j])))
                c->oom = 1;
        }
        int n = atoi(r->field[6]);
        if (n > p->reps)
            p->reps = n;
    }
}

static rows columns(int a, int b, int c, int d, int e, int f, int g, int n) {
    rows r;
    memset(&r, 0, sizeof r);
    int w[] = {a, b, c, d, e, f, g};
    for (int i = 0; i < n; i++)
        r.wanted[i] = w[i];
    r.nwanted = n;
    return r;
}

int rm_points_read(const char *const *owners, long n, int ngrid, const char *const *ranks, int nranks, rm_points *p,
                   char *err, size_t errlen) {
    memset(p, 0, sizeof *p);
    p->n = n;
    for (int r = 0; r < nranks; r++) {
        char buf[1024], *parts[3];
        int max;
        if (rm_rank_split(ranks[r], buf, sizeof buf, parts, &max, err, errlen) < 0)
            return -1;
        int before = p->nm, i = add_metric(p, parts[0], parts[1], parts[2]);
        if (i < 0)
            goto oom;
        if (i < before) {
            snprintf(err, errlen, "--rank %s %s %s is given twice: rank on each metric once", parts[0], parts[1],
                     parts[2]);
            rm_points_free(p);
            return -1;
        }
        p->m[i].ranked = 1;
        p->m[i].max = max;
        p->nranked++;
    }
    collect c = {p, 0, 0};
    char dir[4300];
    for (long k = 0; k < n && !c.oom; k++) {     /* the targets' metrics, then the declared ones */
        snprintf(dir, sizeof dir, "%s/points/%06ld", owners[k], k);
        rows t = columns(2 + ngrid, 3 + ngrid, 4 + ngrid, 0, 0, 0, 0, 3);
        t.on_row = target_row;
        t.ctx = &c;
        if (k == 0 && read_rows(dir, "targets.csv", &t, 1) < 0)
            goto unreadable;
    }
    for (long k = 0; k < n && !c.oom; k++) {
        snprintf(dir, sizeof dir, "%s/points/%06ld", owners[k], k);
        rows d = columns(1, 2, 3 + ngrid, 0, 0, 0, 0, 3);
        d.on_row = declared_row;
        d.ctx = &c;
        if (read_rows(dir, "summary.csv", &d, 0) < 0)
            goto unreadable;
    }
    if (c.oom)
        goto oom;
    size_t cells = (size_t)n * (size_t)(p->nm ? p->nm : 1) * 3;
    p->text = calloc(cells, sizeof *p->text);
    p->value = calloc(cells, sizeof *p->value);
    if (!p->text || !p->value)
        goto oom;
    for (long k = 0; k < n && !c.oom; k++) {
        snprintf(dir, sizeof dir, "%s/points/%06ld", owners[k], k);
        rows v = columns(1, 2, 3 + ngrid, 4 + ngrid, 5 + ngrid, 6 + ngrid, 8 + ngrid, 7);
        v.on_row = value_row;
        v.ctx = &c;
        c.k = k;
        if (read_rows(dir, "summary.csv", &v, 0) < 0)
            goto unreadable;
    }
    if (c.oom)
        goto oom;
    for (size_t i = 0; i < cells / 3; i++) {
        for (size_t j = 0; j < 3; j++) {
            const char *t = p->text[i * 3 + j];
            char *end;
            double x = t && *t ? strtod(t, &end) : NAN;
            p->value[i * 3 + j] = t && *t && !*end ? x : NAN;
        }
        for (size_t j = 1; j < 3; j++)           /* one replication: no interval, the mean */
            if (isnan(p->value[i * 3 + j]))
                p->value[i * 3 + j] = p->value[i * 3];
    }
    return 0;
unreadable:
    snprintf(err, errlen, "cannot read the files of %s", dir);
    rm_points_free(p);
    return -1;
oom:
    snprintf(err, errlen, "out of memory");
    rm_points_free(p);
    return -1;
}

void rm_points_free(rm_points *p) {
    for (int i = 0; i < p->nm; i++) {
        free(p->m[i].element);
        free(p->m[i].name);
        free(p->m[i].metric);
    }
    for (size_t i = 0; p->text && i < (size_t)p->n * (size_t)(p->nm ? p->nm : 1) * 3; i++)
        free(p->text[i]);
    free(p->m);
    free(p->text);
    free(p->value);
    memset(p, 0, sizeof *p);
}

double rm_points_mean(const rm_points *p, long k, int i) { return p->value[((size_t)k * (size_t)p->nm + (size_t)i) * 3]; }
double rm_points_low(const rm_points *p, long k, int i) { return p->value[((size_t)k * (size_t)p->nm + (size_t)i) * 3 + 1]; }
double rm_points_high(const rm_points *p, long k, int i) { return p->value[((size_t)k * (size_t)p->nm + (size_t)i) * 3 + 2]; }

int rm_points_write(const rm_points *p, const remous_sweep_options *sw, const char *out, char *err, size_t errlen) {
    rm_csv o;
    if (rm_csv_open(&o, out, "points.csv", err, errlen) < 0)
        return -1;
    for (int g = 0; g < sw->ngrid; g++)
        rm_csv_field(&o, sw->grid[g].name);
    static const char *const ends[] = {"mean", "ci95_low", "ci95_high"};
    for (int i = 0; i < p->nm; i++)
        for (int j = 0; j < 3; j++) {
            char name[1600];
            snprintf(name, sizeof name, "%s:%s:%s:%s", p->m[i].element, p->m[i].name, p->m[i].metric, ends[j]);
            rm_csv_field(&o, name);
        }
    rm_csv_end_row(&o);
    for (long k = 0; k < p->n; k++) {
        const char *values[64];
        rm_point_values(sw, k, values);
        for (int g = 0; g < sw->ngrid; g++)
            rm_csv_field(&o, values[g]);
        for (int i = 0; i < p->nm; i++)
            for (int j = 0; j < 3; j++) {
                const char *t = p->text[((size_t)k * (size_t)p->nm + (size_t)i) * 3 + (size_t)j];
                rm_csv_field(&o, t ? t : "");
            }
        rm_csv_end_row(&o);
    }
    return rm_csv_close(&o, err, errlen);
}

/* Whether a is at least as good as b on metric i (a larger when max). */
static int no_worse(const rm_points *p, long a, long b, int i) {
    double x = rm_points_mean(p, a, i), y = rm_points_mean(p, b, i);
    return p->m[i].max ? x >= y : x <= y;
}

static int has_values(const rm_points *p, long k) {
    for (int i = 0; i < p->nranked; i++)
        if (isnan(rm_points_mean(p, k, i)))
            return 0;
    return 1;
}

/* The order of the front's sweep: qsort has no context argument, and the
 * sweep runs on one thread. */
static const rm_points *sorting;

/* Lexicographic, best first: metric 0, then 1, ... (then grid order). */
static int lexicographic(const void *x, const void *y) {
    long a = *(const long *)x, b = *(const long *)y;
    for (int i = 0; i < sorting->nranked; i++) {
        double u = rm_points_mean(sorting, a, i), v = rm_points_mean(sorting, b, i);
        if (u != v)
            return (sorting->m[i].max ? u > v : u < v) ? -1 : 1;
    }
    return a < b ? -1 : a > b;
}

/* Whether o beats k: at least as good on every ranked metric, better on one. */
static int beats(const rm_points *p, long o, long k) {
    int better = 0;
    for (int i = 0; i < p->nranked; i++) {
        if (!no_worse(p, o, k, i))
            return 0;
        better |= rm_points_mean(p, o, i) != rm_points_mean(p, k, i);
    }
    return better;
}

long rm_pareto(const rm_points *p, char *front, char *near) {
    /* In lexicographic order a point can only be beaten by one before it,
     * and then by one of the front before it (beating is transitive): each
     * point is compared with the front found so far, not with every point. */
    long *order = malloc(((size_t)p->n + 1) * sizeof *order), *kept = malloc(((size_t)p->n + 1) * sizeof *kept);
    long n = 0, size = 0;
    for (long k = 0; k < p->n; k++) {
        front[k] = near[k] = 0;
        if (has_values(p, k) && order)
            order[n++] = k;
    }
    if (!order || !kept) {
        free(order);
        free(kept);
        return 0;
    }
    sorting = p;
    qsort(order, (size_t)n, sizeof *order, lexicographic);
    for (long j = 0; j < n; j++) {
        long k = order[j];
        int beaten = 0;
        for (long f = 0; f < size && !beaten; f++)
            beaten = beats(p, kept[f], k);
        if (!beaten) {
            front[k] = 1;
            kept[size++] = k;
        }
    }
    for (long j = 0; j < n; j++) {
        long k = order[j];
        for (long f = 0; f < size && !front[k] && !near[k]; f++) {
            int meet = 1;
            for (int i = 0; i < p->nranked; i++)
                meet &= rm_points_low(p, k, i) <= rm_points_high(p, kept[f], i) &&
                        rm_points_low(p, kept[f], i) <= rm_points_high(p, k, i);
            near[k] = (char)meet;
        }
    }
    free(order);
    free(kept);
    return size;
}

typedef struct stated {
    rm_stated_target *v;
    int n, oom;
} stated;

static void stated_row(rows *r, void *ctx) {
    stated *s = ctx;
    for (int i = 0; i < s->n; i++)               /* a variant's rows repeat the targets */
        if (strcmp(s->v[i].name, r->field[0]) == 0)
            return;
    rm_stated_target *v = realloc(s->v, (size_t)(s->n + 1) * sizeof *v);
    if (!v) {
        s->oom = 1;
        return;
    }
    s->v = v;
    rm_stated_target *t = &v[s->n++];
    snprintf(t->name, sizeof t->name, "%s", r->field[0]);
    snprintf(t->element, sizeof t->element, "%s", r->field[1]);
    snprintf(t->ename, sizeof t->ename, "%s", r->field[2]);
    snprintf(t->metric, sizeof t->metric, "%s", r->field[3]);
    snprintf(t->op, sizeof t->op, "%s", r->field[4]);
    snprintf(t->level, sizeof t->level, "%s", r->field[5]);
}

int rm_points_targets(const char *point_dir, int ngrid, rm_stated_target **out, int *n) {
    rows r = columns(1 + ngrid, 2 + ngrid, 3 + ngrid, 4 + ngrid, 5 + ngrid, 6 + ngrid, 0, 6);
    stated s = {NULL, 0, 0};
    r.on_row = stated_row;
    r.ctx = &s;
    if (read_rows(point_dir, "targets.csv", &r, 0) < 0 || s.oom || s.n == 0) {
        free(s.v);
        return -1;
    }
    *out = s.v;
    *n = s.n;
    return 0;
}
