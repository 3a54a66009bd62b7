/* Sweeps: a scenario run at every point of a grid of parameter values.
 *
 * Point k of the grid (the first --grid varying slowest) is run on its own:
 * the scenario loaded with those values, its replications run, its four CSV
 * files written into OUT/points/K/ (each through a rename), then a file
 * `done` last. So an interrupted sweep resumes from the points done
 * (--resume), a shard I/N runs the points with K mod N = I - 1, and the
 * final files are the points' rows in point order, whether one machine ran
 * them all or `remous merge` gathers them from shards. */
#define _DEFAULT_SOURCE             /* MAP_ANONYMOUS (Linux, the BSDs): not in POSIX 2008 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "binding.h"
#include "csv_out.h"
#include "decision_page.h"
#include "labels.h"
#include "grid.h"
#include "point_check.h"
#include "points.h"
#include "results.h"
#include "scenario.h"
#include "targets.h"
#include "words.h"

static const char *files[] = {"summary.csv", "replications.csv", "timeseries.csv", "params.csv"};
#define NFILES 4

static int exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

/* Grid points at most: their folders are numbered on six digits, and a
 * grid beyond this is a typo more often than a plan. */
#define RM_MAX_POINTS 100000L

/* The grid's points (RM_MAX_POINTS + 1 when there are more). */
static long npoints(const remous_sweep_options *sw) {
    long n = 1;
    for (int g = 0; g < sw->ngrid; g++) {
        n *= sw->grid[g].nvalues;
        if (n > RM_MAX_POINTS)
            return RM_MAX_POINTS + 1;
    }
    return n;
}

/* Whether the model has the metric --rank names, before anything runs. */
static int check_rank(const char *spec, const rm_model *m, char *err, size_t errlen) {
    char buf[1024], *parts[3] = {0};
    int max;
    if (rm_rank_split(spec, buf, sizeof buf, parts, &max, err, errlen) < 0)
        return -1;
    rm_catalog cat;
    if (rm_catalog_build(m, 0, &cat) < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int found = 0;
    for (int i = 0; i < cat.n && !found; i++)
        found = strcmp(rm_element_name(cat.m[i].element), parts[0]) == 0 && strcmp(cat.m[i].name, parts[1]) == 0 &&
                strcmp(cat.m[i].metric, parts[2]) == 0;
    rm_catalog_free(&cat);
    if (!found)
        snprintf(err, errlen, "--rank: the scenario has no metric %s %s %s (see summary.csv for the names)",
                 parts[0], parts[1], parts[2]);
    return found ? 0 : -1;
}

/* The values of point k, first grid slowest. */
static void point_values(const remous_sweep_options *sw, long k, const char **values) {
    for (int g = sw->ngrid - 1; g >= 0; g--) {
        values[g] = sw->grid[g].values[k % sw->grid[g].nvalues];
        k /= sw->grid[g].nvalues;
    }
}

void rm_point_values(const remous_sweep_options *sw, long k, const char **values) { point_values(sw, k, values); }

/* "name=value, name=value" of point k, for messages and the ranking. */
static void point_label(const remous_sweep_options *sw, long k, char *buf, size_t len) {
    const char *values[64];
    point_values(sw, k, values);
    size_t w = 0;
    buf[0] = '\0';
    for (int g = 0; g < sw->ngrid && w < len; g++)
        w += (size_t)snprintf(buf + w, len - w, "%s%s=%s", g ? ", " : "", sw->grid[g].name, values[g]);
}

void rm_point_label(const remous_sweep_options *sw, long k, char *buf, size_t len) { point_label(sw, k, buf, len); }

/* The same in words for the page: "Readers per hour = 12, Booksellers = 2"
 * (each param's label in m; its name where m is NULL or has no label). */
void rm_point_words(const remous_sweep_options *sw, const rm_model *m, long k, char *buf, size_t len) {
    const char *lang = sw->lang;
    const char *values[64];
    point_values(sw, k, values);
    size_t w = 0;
    buf[0] = '\0';
    for (int g = 0; g < sw->ngrid && w < len; g++) {
        char words[256];
        rm_shown(NULL, sw->grid[g].name, words, sizeof words);
        for (int i = 0; m && i < m->nparams; i++)
            if (strcmp(m->params[i].name, sw->grid[g].name) == 0)
                rm_param_label(&m->params[i], words, sizeof words);
        char value[128];
        snprintf(value, sizeof value, "%s", values[g]);
        char *end;
        strtod(value, &end);
        if (end != value && !*end)
            rm_decimal_in(value, sizeof value, lang);   /* a number, as the page's language writes it */
        w += (size_t)snprintf(buf + w, len - w, rm_word(lang, "sweep.point"), g ? rm_word(lang, "sweep.between") : "",
                              words, value);
    }
    rm_utf8_cut(buf, len - 1);
}

/* A manifest's lines, without its shard line (file: a sweep.txt). */
static char *manifest_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *all = malloc(cap);
    for (size_t got; all && (got = fread(all + len, 1, cap - len - 1, f)) > 0; ) {
        len += got;
        if (len + 1 == cap) {
            char *bigger = realloc(all, cap *= 2);
            if (!bigger)
                free(all);
            all = bigger;
        }
    }
    fclose(f);
    if (!all)
        return NULL;
    all[len] = '\0';
    size_t w = 0;                                /* in place: the kept lines */
    for (char *line = all; *line; ) {
        char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) + 1 : strlen(line);
        if (strncmp(line, "shard ", 6) != 0) {
            memmove(all + w, line, n);
            w += n;
        }
        line += n;
    }
    all[w] = '\0';
    return all;
}

static char *manifest(const char *dir, char *err, size_t errlen) {
    char path[4200];
    snprintf(path, sizeof path, "%s/sweep.txt", dir);
    char *text = manifest_file(path);
    if (!text)
        snprintf(err, errlen, "%s is not the output of a sweep (no sweep.txt)", dir);
    return text;
}

/* FNV-1a of the scenario's bytes: shards of other contents do not merge. */
static unsigned long long file_hash(const char *path) {
    unsigned long long h = 14695981039346656037ULL;
    FILE *f = fopen(path, "rb");
    int c;
    while (f && (c = fgetc(f)) != EOF)
        h = (h ^ (unsigned char)c) * 1099511628211ULL;
    if (f)
        fclose(f);
    return h;
}

/* Whether a manifest line is about contents: the scenario's hash, or a
 * file it read ("input HASH NAME", "input absent NAME"). */
static int contents_line(const char *line) {
    return strncmp(line, "scenario_fnv1a ", 15) == 0 || strncmp(line, "input ", 6) == 0;
}

/* The next line of a manifest from *at, as [start, *at) without its '\n';
 * NULL at the end. */
static const char *next_line(const char **at, size_t *len) {
    const char *s = *at;
    if (!*s)
        return NULL;
    const char *end = strchr(s, '\n');
    *len = end ? (size_t)(end - s) : strlen(s);
    *at = s + *len + (end != NULL);
    return s;
}

/* The next line of a manifest that is (contents 1) or is not (contents 0)
 * about contents. */
static const char *next_of(const char **at, size_t *len, int contents) {
    const char *line;
    while ((line = next_line(at, len)) && contents_line(line) != contents)
        ;
    return line;
}

/* When manifests a and b tell the same sweep but for the contents of a file
 * (the scenario, a CSV file it reads, a module it requires), that file's
 * name into name (the first by name) and 1 (2 when it is the scenario
 * itself); else 0. */
static int changed_input(const char *a, const char *b, char *name, size_t len) {
    const char *pa = a, *pb = b, *la, *lb;
    size_t na, nb;
    for (;;) {                                   /* everything else the same */
        la = next_of(&pa, &na, 0);
        lb = next_of(&pb, &nb, 0);
        if (!la || !lb)
            break;
        if (na != nb || memcmp(la, lb, na) != 0)
            return 0;
    }
    if (la || lb)
        return 0;
    pa = a, pb = b;
    la = next_of(&pa, &na, 1);
    lb = next_of(&pb, &nb, 1);
    while (la || lb) {                           /* both sorted by name: a merge */
        if (la && lb && na == nb && memcmp(la, lb, na) == 0) {
            la = next_of(&pa, &na, 1);
            lb = next_of(&pb, &nb, 1);
            continue;
        }
        const char *line = la, *other = lb;
        size_t n = na, on = nb;
        if (strncmp(line ? line : other, "scenario_fnv1a ", 15) == 0) {
            const char *sc = strstr(a, "scenario ");    /* its name: the first line */
            size_t sn = sc ? strcspn(sc + 9, "\n") : 0;
            snprintf(name, len, "%.*s", (int)sn, sc ? sc + 9 : "");
            return 2;
        }
        /* "input HASH NAME": the name after the second space */
        const char *an = line ? memchr(line + 6, ' ', n - 6) : NULL, *bn = other ? memchr(other + 6, ' ', on - 6) : NULL;
        size_t alen = an ? (size_t)(line + n - an - 1) : 0, blen = bn ? (size_t)(other + on - bn - 1) : 0;
        int cmp = !an ? 1 : !bn ? -1 : strncmp(an + 1, bn + 1, alen < blen ? alen : blen);
        if (cmp == 0 && alen != blen)
            cmp = alen < blen ? -1 : 1;
        if (cmp <= 0)
            snprintf(name, len, "%.*s", (int)alen, an ? an + 1 : "");
        else
            snprintf(name, len, "%.*s", (int)blen, bn + 1);
        return 1;
    }
    return 0;
}

/* The lines "input HASH NAME" (or "input absent NAME") of the files a load
 * read, by name. */
static void write_inputs(FILE *f, rm_inputs *inputs) {
    rm_inputs_sort(inputs);
    for (int i = 0; i < inputs->n; i++) {
        char name[4200];                         /* one line each, whatever the name holds */
        snprintf(name, sizeof name, "%s", inputs->v[i].name);
        for (char *c = name; *c; c++)
            if ((unsigned char)*c < ' ')
                *c = '?';
        if (inputs->v[i].found)
            fprintf(f, "input %016llx %s\n", (unsigned long long)inputs->v[i].fnv1a, name);
        else
            fprintf(f, "input absent %s\n", name);
    }
}

/* Parses an "input ..." line (without its newline) into found, hash and
 * name; returns 0, or -1 when it is not one. */
static int parse_input(const char *line, int *found, uint64_t *hash, const char **name) {
    if (strncmp(line, "input ", 6) != 0)
        return -1;
    const char *rest = line + 6, *space = strchr(rest, ' ');
    if (!space)
        return -1;
    *found = strncmp(rest, "absent ", 7) != 0;
    *hash = *found ? strtoull(rest, NULL, 16) : 0;
    *name = space + 1;
    return 0;
}

/* A point's done file: the inputs its load read (an earlier version's is
 * empty). Returns its text (the caller frees it), or NULL. */
static char *read_done(const char *done) {
    return manifest_file(done);
}

/* The first input of a point's done file whose file has other contents now
 * (or appeared, or went), into name: 1; else 0. `checked` holds the inputs
 * found unchanged so far (each file is read once for all the points). */
static int point_input_changed(const char *done, const char *scenario_dir, const char *scripts_dir, rm_inputs *checked,
                               char *name, size_t len) {
    char *text = read_done(done);
    int changed = 0;
    for (char *line = text; line && *line && !changed; ) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        int found;
        uint64_t hash;
        const char *file;
        int known = 0;
        if (parse_input(line, &found, &hash, &file) == 0) {
            for (int i = 0; i < checked->n && !known; i++)
                known = strcmp(checked->v[i].name, file) == 0 && checked->v[i].found == found &&
                        checked->v[i].fnv1a == hash;
            if (!known && !rm_input_unchanged(file, found, hash, scenario_dir, scripts_dir)) {
                snprintf(name, len, "%s", file);
                changed = 1;
            } else if (!known && checked->n < 1000) {   /* (a name listed with another hash is checked again) */
                rm_input *in = realloc(checked->v, (size_t)(checked->n + 1) * sizeof *in);
                char *copy = in ? strdup(file) : NULL;
                if (in)
                    checked->v = in;
                if (copy)
                    checked->v[checked->n++] = (rm_input){copy, found, hash};
            }
        }
        line = next;
    }
    free(text);
    return changed;
}

/* The manifest: what a sweep is, to tell its shards belong together (and
 * a resumed sweep is the same sweep: `same`); `inputs`, the files the
 * scenario read as it loaded, each with a hash of its bytes. */
static int write_manifest(const char *dir, const char *path, const remous_options *opt,
                          const remous_sweep_options *sw, rm_inputs *inputs, int with_shard, int same,
                          char *err, size_t errlen) {
    char file[4200], tmp[4300];
    snprintf(file, sizeof file, "%s/sweep.txt", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", file);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(err, errlen, "cannot write %s: %s", file, strerror(errno));
        return -1;
    }
    const char *slash = strrchr(path, '/');
    fprintf(f, "scenario %s\nvariant %s\nseed %llu\nreplications %d\npoints %ld\n", slash ? slash + 1 : path,
            sw->variant ? sw->variant : "baseline", (unsigned long long)opt->seed, opt->replications, npoints(sw));
    fprintf(f, "scenario_fnv1a %016llx\n", file_hash(path));
    write_inputs(f, inputs);
    fprintf(f, "period %s\nunsafe %d\n", opt->period ? opt->period : "default", opt->unsafe);
    for (int g = 0; g < sw->ngrid; g++) {
        fprintf(f, "grid %s=", sw->grid[g].name);
        for (int i = 0; i < sw->grid[g].nvalues; i++)
            fprintf(f, "%s%s", i ? "," : "", sw->grid[g].values[i]);
        fputc('\n', f);
    }
    for (int i = 0; i < opt->nsets; i++)
        fprintf(f, "set %s=%s\n", opt->set_names[i], opt->set_values[i]);
    for (int i = 0; i < opt->ntargets; i++)        /* each point's targets.csv judges them */
        fprintf(f, "target %s\n", opt->targets[i]);
    if (with_shard && sw->nshards > 1)
        fprintf(f, "shard %d/%d\n", sw->shard, sw->nshards);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        remove(tmp);
        snprintf(err, errlen, "cannot write %s", file);
        return -1;
    }
    if (same) {                                  /* --resume: the folder holds this sweep, or nothing */
        char *before = manifest_file(file), *now = before ? manifest_file(tmp) : NULL;
        int differ = before && (!now || strcmp(before, now) != 0);
        char changed[1024];
        int input = differ && now ? changed_input(before, now, changed, sizeof changed) : 0;
        free(before);
        free(now);
        if (input) {
            remove(tmp);
            snprintf(err, errlen, "--resume: %s has changed since the sweep in %s began (the scenario %s); "
                     "give another --out, or drop --resume to start again", changed, dir,
                     input == 2 ? "itself" : "reads it");
            return -1;
        }
        if (differ) {
            remove(tmp);
            snprintf(err, errlen, "--resume: %s holds another sweep (its sweep.txt differs: scenario, grid, "
                     "options or the scenario's contents); give another --out, or drop --resume to start again", dir);
            return -1;
        }
    }
    if (rename(tmp, file) != 0) {
        remove(tmp);
        snprintf(err, errlen, "cannot write %s", file);
        return -1;
    }
    return 0;
}

static int check_point(const char *owner, long k, const remous_sweep_options *sw, const char *variant, char *err,
                       size_t errlen);

/* Runs point k into OUT/points/K/. */
static int run_point(const char *path, const remous_options *opt, const remous_sweep_options *sw, long k,
                     const char *out, rm_progress *progress, char *err, size_t errlen) {
    const char *values[64], *names[512], *vals[512], *origins[512];
    point_values(sw, k, values);
    remous_options o = *opt;
    int n = 0;
    for (int i = 0; i < opt->nsets && n < 448; i++, n++) {
        names[n] = opt->set_names[i];
        vals[n] = opt->set_values[i];
        origins[n] = opt->set_origins ? opt->set_origins[i] : NULL;
    }
    for (int g = 0; g < sw->ngrid; g++, n++) {
        names[n] = sw->grid[g].name;
        vals[n] = values[g];
        origins[n] = "--grid";                   /* for messages that name where a value came from */
    }
    o.set_names = names;
    o.set_values = vals;
    o.set_origins = origins;
    o.nsets = n;
    o.progress = 0;
    char stale[4300];                            /* an earlier run's mark: this point is redone */
    snprintf(stale, sizeof stale, "%s/points/%06ld/done", out, k);
    remove(stale);
    remous_scenario *sc = remous_open(path, &o, err, errlen);
    if (!sc) {                                   /* "--set NAME" is a grid's here: say so */
        for (int g = 0; g < sw->ngrid; g++) {
            size_t len = strlen(sw->grid[g].name);
            if (strncmp(err, "--set ", 6) == 0 && strncmp(err + 6, sw->grid[g].name, len) == 0 &&
                (err[6 + len] == ':' || err[6 + len] == '\0')) {
                char rest[1024];
                snprintf(rest, sizeof rest, "%s", err + 6);
                snprintf(err, errlen, "--grid %s", rest);
                break;
            }
        }
        return REMOUS_ERR_INPUT;
    }
    sc->progress = progress;
    remous_results *res = NULL;
    int rc = remous_run_variant(sc, sw->variant ? sw->variant : "baseline", &res, err, errlen);
    if (rc == REMOUS_OK) {
        const char *gnames[64];
        for (int g = 0; g < sw->ngrid; g++)
            gnames[g] = sw->grid[g].name;
        res->ngrid = sw->ngrid;
        res->grid_names = gnames;
        res->grid_values = values;
        char dir[4200];
        snprintf(dir, sizeof dir, "%s/points/%06ld", out, k);
        rm_csv_set_durable(0);                   /* see csv_out.h */
        rc = rm_write_results((const remous_results *const *)&res, 1, NULL, dir, err, errlen);
        rm_csv_set_durable(1);
        if (rc == REMOUS_OK && check_point(out, k, sw, sw->variant ? sw->variant : "baseline", err, errlen) < 0)
            rc = REMOUS_ERR_RUN;                 /* (read back as the final files will read it) */
        if (rc == REMOUS_OK) {                   /* last: the point is complete, from these inputs */
            char done[4300];
            snprintf(done, sizeof done, "%s/done", dir);
            FILE *f = fopen(done, "w");
            if (f)
                write_inputs(f, &sc->inputs);
            int bad = !f || ferror(f);
            if ((f && fclose(f) != 0) || bad) {
                snprintf(err, errlen, "cannot write %s", done);
                rc = REMOUS_ERR_RUN;
            } else if (rm_csv_sync_batch(out, 0) < 0) {   /* see csv_out.h */
                snprintf(err, errlen, "cannot write %s to the disk: %s", dir, strerror(errno));
                rc = REMOUS_ERR_RUN;
            }
        }
    }
    remous_results_free(res);
    remous_close(sc);
    return rc;
}

/* What each of run_points's units needs. */
typedef struct {
    const char *path, *out;
    const remous_options *opt;
    const remous_sweep_options *sw;
    const long *todo;
} points_job;

/* Unit i of rm_spread: point todo[i] on `jobs` processes. */
static int point_unit(void *ctx, long i, int jobs, double *into, rm_progress *progress, char *err, size_t errlen) {
    (void)into;
    const points_job *pj = ctx;
    remous_options o = *pj->opt;
    o.jobs = jobs;
    return run_point(pj->path, &o, pj->sw, pj->todo[i], pj->out, progress, err, errlen);
}

/* Runs the points todo[0..ntodo) (rm_spread). Points are independent and
 * each writes its own folder: the files are the same whatever --jobs. */
static int run_points(const char *path, const remous_options *opt, const remous_sweep_options *sw, const long *todo,
                      long ntodo, int reps, const char *out, rm_progress *progress, char *err, size_t errlen) {
    points_job pj = {path, out, opt, sw, todo};
    return rm_spread(ntodo, opt->jobs, reps, 0, NULL, point_unit, &pj, progress, err, errlen);
}

/* Appends file `name` of a point (without its header unless `header`). */
static int append(FILE *to, const char *point_dir, const char *name, int header, char *err, size_t errlen) {
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", point_dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    char buf[1 << 16];
    size_t got;
    int in_header = !header;                     /* still skipping the first line */
    while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
        const char *p = buf;
        if (in_header) {
            const char *nl = memchr(buf, '\n', got);
            if (!nl)
                continue;
            in_header = 0;
            p = nl + 1;
        }
        fwrite(p, 1, got - (size_t)(p - buf), to);   /* (the caller checks ferror) */
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        snprintf(err, errlen, "cannot read %s", path);
        return -1;
    }
    return 0;
}

/* The files of point k in owner checked (point_check.h): a damaged point
 * stops the sweep or the merge with its file and line. */
static int check_point(const char *owner, long k, const remous_sweep_options *sw, const char *variant, char *err,
                       size_t errlen) {
    const char *names[64], *values[64];
    for (int g = 0; g < sw->ngrid; g++)
        names[g] = sw->grid[g].name;
    rm_point_key key = {variant, sw->ngrid, names, values};
    point_values(sw, k, values);
    for (int fi = 0; fi < NFILES; fi++) {
        char path[4400];
        snprintf(path, sizeof path, "%s/points/%06ld/%s", owner, k, files[fi]);
        FILE *f = fopen(path, "rb");
        if (!f) {
            snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
            return -1;
        }
        size_t cap = 1 << 16, len = 0, got;
        char *text = malloc(cap);
        while (text && (got = fread(text + len, 1, cap - len, f)) > 0)
            if ((len += got) == cap) {
                char *bigger = realloc(text, cap *= 2);
                if (!bigger)
                    free(text);
                text = bigger;
            }
        int bad = ferror(f);
        fclose(f);
        if (!text || bad) {
            free(text);
            snprintf(err, errlen, bad ? "cannot read %s" : "out of memory reading %s", path);
            return -1;
        }
        int rc = rm_point_check(path, files[fi], text, len, &key, err, errlen);
        free(text);
        if (rc < 0) {                            /* what to do about it */
            size_t used = strlen(err);
            snprintf(err + used, errlen - used, ": the point is damaged; delete %s/points/%06ld and run "
                     "its sweep or shard again with --resume", owner, k);
            return -1;
        }
    }
    return 0;
}

/* Every point's files checked before anything is written (owners[k] is
 * the folder that has point k), but those of `checked` (NULL: none): the
 * points this sweep made, each checked by the process that wrote it, so
 * that the checking too is spread over the processes. */
static int check_points(const char *const *owners, long n, const unsigned char *checked,
                        const remous_sweep_options *sw, const char *variant, char *err, size_t errlen) {
    for (long k = 0; k < n; k++)
        if ((!checked || !checked[k]) && check_point(owners[k], k, sw, variant, err, errlen) < 0)
            return -1;
    return 0;
}

/* The final files of OUT from the points, in order; owners[k] is the folder
 * that has point k. All are written to temporary names first, then
 * renamed: an interruption while they are written leaves the earlier ones.
 * targets.csv comes with them when the points have targets. */
static int assemble(const char *out, const char *const *owners, long n, char *err, size_t errlen) {
    char path[NFILES + 1][4200], tmp[NFILES + 1][4300], point[4250];
    int written = 0, rc = 0;
    for (int fi = 0; fi <= NFILES && rc == 0; fi++) {
        const char *name = fi < NFILES ? files[fi] : "targets.csv";   /* with targets only */
        snprintf(point, sizeof point, "%s/points/%06ld/%s", owners[0], 0L, name);
        if (fi == NFILES && (n == 0 || !exists(point)))
            break;
        snprintf(path[fi], sizeof path[fi], "%.4150s/%s", out, name);
        snprintf(tmp[fi], sizeof tmp[fi], "%.4150s/%s.tmp", out, name);
        FILE *f = fopen(tmp[fi], "wb");
        if (!f) {
            snprintf(err, errlen, "cannot write %s: %s", path[fi], strerror(errno));
            rc = -1;
            break;
        }
        written++;
        for (long k = 0; k < n && rc == 0; k++) {
            snprintf(point, sizeof point, "%s/points/%06ld", owners[k], k);
            rc = append(f, point, name, k == 0, err, errlen);
        }
        int bad = ferror(f);
        if ((fclose(f) != 0 || bad) && rc == 0) {
            snprintf(err, errlen, "cannot write %s", path[fi]);
            rc = -1;
        }
    }
    for (int fi = 0; fi < written && rc == 0; fi++)
        if (rename(tmp[fi], path[fi]) != 0) {
            snprintf(err, errlen, "cannot write %s: %s", path[fi], strerror(errno));
            rc = -1;
        }
    if (rc < 0)
        for (int fi = 0; fi < written; fi++)
            remove(tmp[fi]);
    return rc;
}

/* ------------------------------------------------------------ ranking -- */

/* The --rank specs of sw: every --rank, or the one rank, or none. */
static const char *const *rank_specs(const remous_sweep_options *sw, int *n) {
    if (sw->nranks > 0) {
        *n = sw->nranks;
        return sw->ranks;
    }
    *n = sw->rank ? 1 : 0;
    return sw->rank ? &sw->rank : NULL;
}

/* x as the ranking prints it (4 significant digits), in lang's decimals. */
static const char *number_in(double x, const char *lang, char *buf, size_t size) {
    snprintf(buf, size, "%.4g", x);
    return rm_decimal_in(buf, size, lang);
}

/* Prints the points ranked on metric i of p, best first, "~ best" those
 * whose interval meets the best's; *best gets the best point (-1: none). */
static void print_ranking(const rm_points *p, int i, const remous_sweep_options *sw, long *order, long *best,
                          FILE *table) {
    long n = p->n;
    int max = p->m[i].max;
    for (long k = 0; k < n; k++)
        order[k] = k;
    for (long a = 1; a < n; a++)                 /* insertion sort: stable, best first, no value last */
        for (long j = a; j > 0; j--) {
            double x = rm_points_mean(p, order[j], i), y = rm_points_mean(p, order[j - 1], i);
            if ((!isnan(x) && isnan(y)) || (!isnan(x) && !isnan(y) && (max ? x > y : x < y))) {
                long t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            } else {
                break;
            }
        }
    *best = n > 0 && !isnan(rm_points_mean(p, order[0], i)) ? order[0] : -1;
    if (!table)
        return;                                  /* --quiet */
    const char *lang = sw->lang;
    fprintf(table, rm_word(lang, "sweep.ranked_on"), p->m[i].element, p->m[i].name, p->m[i].metric,
            max ? rm_word(lang, "sweep.largest") : rm_word(lang, "sweep.smallest"));
    long b = order[0];
    for (long r = 0; r < n; r++) {
        long k = order[r];
        char label[1024];
        point_label(sw, k, label, sizeof label);
        double mean = rm_points_mean(p, k, i), lo = rm_points_low(p, k, i), hi = rm_points_high(p, k, i);
        if (isnan(mean)) {
            fprintf(table, rm_word(lang, "sweep.ranked_no_value"), r + 1, label);
            continue;
        }
        int close = r > 0 && (max ? hi >= rm_points_low(p, b, i) : lo <= rm_points_high(p, b, i));
        char mean_s[64], lo_s[64], hi_s[64];
        fprintf(table, rm_word(lang, "sweep.ranked_point"), r + 1, label, number_in(mean, lang, mean_s, sizeof mean_s),
                number_in(lo, lang, lo_s, sizeof lo_s), number_in(hi, lang, hi_s, sizeof hi_s),
                r == 0 ? rm_word(lang, "sweep.best") : close ? rm_word(lang, "sweep.near_best") : "");
    }
}

/* The Pareto front of the ranked metrics on the terminal. */
static void print_front(const rm_points *p, const remous_sweep_options *sw, const char *front, const char *near,
                        long nfront, FILE *table) {
    const char *lang = sw->lang;
    fputs(rm_word(lang, "sweep.front_on"), table);
    for (int i = 0; i < p->nranked; i++)
        fprintf(table, rm_word(lang, "sweep.front_metric"),
                i ? (i + 1 == p->nranked ? rm_word(lang, "sweep.list_and") : ", ") : "", p->m[i].element,
                p->m[i].name, p->m[i].metric, p->m[i].max ? rm_word(lang, "sweep.largest") : rm_word(lang, "sweep.smallest"));
    fprintf(table, rm_word(lang, nfront == 1 ? RM_WORD_KEY("sweep.front_count_one") : RM_WORD_KEY("sweep.front_count")), nfront, p->n);
    for (int pass = 0; pass < 2; pass++)
        for (long k = 0; k < p->n; k++) {
            if (!(pass == 0 ? front[k] : near[k]))
                continue;
            char label[1024];
            point_label(sw, k, label, sizeof label);
            fprintf(table, "  %-40s", label);
            for (int i = 0; i < p->nranked; i++) {
                char mean_s[64];
                fprintf(table, " %10s", number_in(rm_points_mean(p, k, i), lang, mean_s, sizeof mean_s));
            }
            fputs(pass == 0 ? rm_word(lang, "sweep.front") : rm_word(lang, "sweep.near_front"), table);
        }
}

/* Once the points are done (owners[k]: the folder holding point k):
 * points.csv into out, the ranking of each --rank and the Pareto front of
 * two or more, the targets' decision, and the decision page (sw->html);
 * m and targets are the scenario's words (NULL in a merge). */
static int decide(const remous_sweep_options *sw, const rm_model *m, const rm_target *targets, int ntargets,
                  const char *const *owners, long n, const char *out, FILE *table, char *err, size_t errlen) {
    int nranks;
    const char *const *ranks = rank_specs(sw, &nranks);
    rm_points p;
    if (nranks > 64) {
        snprintf(err, errlen, "at most 64 --rank");
        return REMOUS_ERR_INPUT;
    }
    if (rm_points_read(owners, n, sw->ngrid, ranks, nranks, &p, err, errlen) < 0)
        return REMOUS_ERR_INPUT;
    int rc = REMOUS_OK;
    for (int i = 0; i < p.nranked && rc == REMOUS_OK; i++) {
        long found = 0;
        for (long k = 0; k < n; k++)
            found += !isnan(rm_points_mean(&p, k, i));
        if (found == 0) {
            snprintf(err, errlen, "--rank: no metric %s %s %s in the sweep's summary", p.m[i].element, p.m[i].name,
                     p.m[i].metric);
            rc = REMOUS_ERR_INPUT;
        }
    }
    if (rc == REMOUS_OK && rm_points_write(&p, sw, out, err, errlen) < 0)
        rc = REMOUS_ERR_RUN;
    long *order = calloc((size_t)n + 1, sizeof *order), best[64];
    char *front = p.nranked >= 2 ? calloc((size_t)n + 1, 1) : NULL, *near = front ? calloc((size_t)n + 1, 1) : NULL;
    if (rc == REMOUS_OK && (!order || (p.nranked >= 2 && (!front || !near)))) {
        snprintf(err, errlen, "out of memory");
        rc = REMOUS_ERR_RUN;
    }
    for (int i = 0; i < p.nranked && rc == REMOUS_OK; i++) {
        if (i > 0 && table)
            fputc('\n', table);
        print_ranking(&p, i, sw, order, &best[i], table);
    }
    long nfront = front && rc == REMOUS_OK ? rm_pareto(&p, front, near) : 0;
    if (front && rc == REMOUS_OK && table)
        print_front(&p, sw, front, near, nfront, table);
    char first_targets[4300];
    snprintf(first_targets, sizeof first_targets, "%s/points/%06ld/targets.csv", n ? owners[0] : "", 0L);
    int with_targets = n > 0 && exists(first_targets);
    if (rc == REMOUS_OK && with_targets && rm_sweep_decision(owners, n, sw, table, err, errlen) < 0)
        rc = REMOUS_ERR_RUN;
    if (rc == REMOUS_OK && sw->html) {
        rm_point_verdicts *v = NULL;
        rm_stated_target *stated = NULL;
        int nstated = 0;
        long *good = calloc((size_t)n + 1, sizeof *good), ngood = 0;
        char point0[4300], mpath[4300];
        snprintf(point0, sizeof point0, "%s/points/%06ld", owners[0], 0L);
        snprintf(mpath, sizeof mpath, "%s/sweep.txt", out);
        char *text = manifest_file(mpath);
        if (!good || !text) {
            snprintf(err, errlen, good ? "cannot read %s" : "out of memory", mpath);
            rc = REMOUS_ERR_RUN;
        }
        if (rc == REMOUS_OK && with_targets) {
            if (rm_sweep_verdicts(owners, n, sw->ngrid, &v, err, errlen) < 0 ||
                (ngood = rm_sweep_order(sw, v, n, good, err, errlen)) < 0)
                rc = REMOUS_ERR_RUN;
            else if (rm_points_targets(point0, sw->ngrid, &stated, &nstated) < 0)
                nstated = 0;
        }
        if (rc == REMOUS_OK) {
            rm_decision d = {sw, m, targets, ntargets, &p, best, front, near, nfront, v, stated, nstated, good, ngood,
                             text};
            if (rm_decision_page(sw->html, &d, err, errlen) < 0)
                rc = REMOUS_ERR_RUN;
        }
        rm_point_verdicts_free(v, n);
        free(stated);
        free(good);
        free(text);
    }
    free(order);
    free(front);
    free(near);
    rm_points_free(&p);
    return rc;
}
/* -------------------------------------------------------------- sweep -- */

int remous_sweep(const char *path, const remous_options *opt, const remous_sweep_options *sw,
                 const char *out, FILE *table, char *err, size_t errlen) {
    if (sw->ngrid < 1 || sw->ngrid > 64) {
        snprintf(err, errlen, "sweep needs at least one --grid NAME=V1,V2,... (and at most 64)");
        return REMOUS_ERR_INPUT;
    }
    for (int g = 0; g < sw->ngrid; g++)
        for (int h = 0; h < g; h++)
            if (strcmp(sw->grid[h].name, sw->grid[g].name) == 0) {
                snprintf(err, errlen, "--grid %s is given twice: put all its values in one, e.g. --grid %s=1,2,3",
                         sw->grid[g].name, sw->grid[g].name);
                return REMOUS_ERR_INPUT;
            }
    if (npoints(sw) > RM_MAX_POINTS) {
        snprintf(err, errlen, "the grid has more than %ld points (the product of the numbers of values): "
                 "give fewer values", RM_MAX_POINTS);
        return REMOUS_ERR_INPUT;
    }
    for (int g = 0; g < sw->ngrid; g++)
        for (int i = 0; i < opt->nsets; i++)
            if (strcmp(opt->set_names[i], sw->grid[g].name) == 0) {
                snprintf(err, errlen, "--grid %s and --set %s: give one or the other", sw->grid[g].name,
                         sw->grid[g].name);
                return REMOUS_ERR_INPUT;
            }
    /* check the scenario once, with the first point, before anything runs */
    long n = npoints(sw);
    remous_scenario *probe = remous_open(path, opt, err, errlen);   /* replications for the bar */
    if (!probe)
        return REMOUS_ERR_INPUT;
    int reps = probe->replications;
    const rm_model *m = probe->models[0];      /* the words of the page */
    for (int v = 1; v < probe->nmodels; v++)
        if (sw->variant && strcmp(probe->variants[v], sw->variant) == 0)
            m = probe->models[v];
    int nranks;
    const char *const *ranks = rank_specs(sw, &nranks);
    for (int r = 0; r < nranks; r++) {
        int twice = 0;
        for (int q = 0; q < r; q++)
            twice |= strcmp(ranks[q], ranks[r]) == 0;
        if (check_rank(ranks[r], m, err, errlen) < 0 || twice) {   /* before anything is written */
            if (twice)
                snprintf(err, errlen, "--rank %s is given twice: rank on each metric once", ranks[r]);
            remous_close(probe);
            return REMOUS_ERR_INPUT;
        }
    }
    if (sw->html && !sw->rank && probe->ntargets == 0) {
        snprintf(err, errlen, "--html on a sweep draws the metric given by --rank, or the targets: add --rank "
                 "ELEMENT:NAME:METRIC or --target SPEC");
        remous_close(probe);
        return REMOUS_ERR_INPUT;
    }
    if (sw->prefer && (probe->ntargets == 0 || rm_prefer_check(sw, err, errlen) < 0)) {
        if (probe->ntargets == 0)
            snprintf(err, errlen, "--prefer orders the grid points that meet every target: give one with "
                     "--target, e.g. --target \"arrivals:walk_in:wait_mean<5\", or declare one in the scenario");
        remous_close(probe);
        return REMOUS_ERR_INPUT;
    }
    rm_grid_warn_unread(path, opt, sw, stderr);  /* a param the swept model never reads */
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/points", out);
    if (rm_make_dirs(dir, err, errlen) < 0 || write_manifest(out, path, opt, sw, &probe->inputs, 1, sw->resume, err, errlen) < 0) {
        remous_close(probe);
        return sw->resume && strncmp(err, "--resume", 8) == 0 ? REMOUS_ERR_INPUT : REMOUS_ERR_RUN;
    }
    if (sw->resume) {                            /* a point done: from the inputs there are now */
        char scenario_dir[4096], changed[1024];
        const char *slash = strrchr(path, '/');
        snprintf(scenario_dir, sizeof scenario_dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1,
                 slash ? path : ".");
        char *scripts = rm_scripts_dir();
        rm_inputs checked = {0};
        for (long k = 0; k < n; k++) {
            char done[4300];
            snprintf(done, sizeof done, "%s/points/%06ld/done", out, k);
            if ((sw->nshards > 1 && k % sw->nshards != sw->shard - 1) || !exists(done))
                continue;
            if (point_input_changed(done, scenario_dir, scripts, &checked, changed, sizeof changed)) {
                snprintf(err, errlen, "--resume: %s has changed since point %ld of the sweep in %s was run (the "
                         "scenario reads it there); give another --out, or drop --resume to start again",
                         changed, k, out);
                free(scripts);
                rm_inputs_clear(&checked);
                remous_close(probe);
                return REMOUS_ERR_INPUT;
            }
        }
        free(scripts);
        rm_inputs_clear(&checked);
    }
    long todo = 0;
    for (long k = 0; k < n; k++) {
        char done[4300];
        snprintf(done, sizeof done, "%s/points/%06ld/done", out, k);
        if ((sw->nshards <= 1 || k % sw->nshards == sw->shard - 1) && !(sw->resume && exists(done)))
            todo++;
    }

    long *points = malloc(((size_t)todo + 1) * sizeof *points), ntodo = 0;
    if (!points) {
        remous_close(probe);
        snprintf(err, errlen, "out of memory");
        return REMOUS_ERR_RUN;
    }
    for (long k = 0; k < n; k++) {
        char done[4300];
        snprintf(done, sizeof done, "%s/points/%06ld/done", out, k);
        if (sw->nshards > 1 && k % sw->nshards != sw->shard - 1)
            continue;                            /* another shard's */
        if (sw->resume && exists(done))
            continue;                            /* done before the interruption */
        points[ntodo++] = k;
    }
    rm_progress progress;
    rm_progress_start(&progress, opt->progress, todo * reps);
    int ran = run_points(path, opt, sw, points, ntodo, reps, out, &progress, err, errlen);
    unsigned char *made = calloc((size_t)n + 1, 1);  /* checked as they were written (NULL: check all) */
    for (long i = 0; made && i < ntodo; i++)
        made[points[i]] = 1;
    free(points);
    if (ran == REMOUS_OK && rm_csv_sync_batch(out, 1) < 0) {   /* the last batch */
        snprintf(err, errlen, "cannot write the points of %s to the disk: %s", out, strerror(errno));
        ran = REMOUS_ERR_RUN;
    }
    if (ran != REMOUS_OK) {
        free(made);
        remous_close(probe);
        rm_progress_show(&progress, progress.done, 1);
        return ran;
    }
    rm_progress_show(&progress, progress.done, 1);
    if (sw->nshards > 1) {
        free(made);
        remous_close(probe);
        if (table)
            fprintf(table, "shard %d/%d done in %s: gather the shards with remous merge\n", sw->shard, sw->nshards, out);
        return REMOUS_OK;
    }
    const char **owners = malloc((size_t)n * sizeof *owners);
    if (!owners) {
        free(made);
        remous_close(probe);
        snprintf(err, errlen, "out of memory");
        return REMOUS_ERR_RUN;
    }
    for (long k = 0; k < n; k++)
        owners[k] = out;
    int rc = check_points(owners, n, made, sw, sw->variant ? sw->variant : "baseline", err, errlen) < 0
                 ? REMOUS_ERR_INPUT                  /* a damaged point, as merge says it */
                 : assemble(out, owners, n, err, errlen) < 0 ? REMOUS_ERR_RUN : REMOUS_OK;
    if (rc == REMOUS_OK)
        rc = decide(sw, m, probe->targets, probe->ntargets, owners, n, out, table, err, errlen);
    free(owners);
    free(made);
    remous_close(probe);
    return rc;
}

/* --------------------------------------------------------------- merge -- */

/* Whether every point read the same contents of each file it read (its done
 * file says): a shard run after a data file changed does not merge. */
static int same_point_inputs(const char *const *owners, long n, char *err, size_t errlen) {
    struct seen { char *name; int found; uint64_t hash; long point; const char *owner; } *seen = NULL;
    int nseen = 0, cap = 0, rc = 0;
    for (long k = 0; k < n && rc == 0; k++) {
        char done[4300];
        snprintf(done, sizeof done, "%s/points/%06ld/done", owners[k], k);
        char *text = read_done(done);
        for (char *line = text; line && *line && rc == 0; ) {
            char *next = strchr(line, '\n');
            if (next)
                *next++ = '\0';
            int found, i;
            uint64_t hash;
            const char *name;
            if (parse_input(line, &found, &hash, &name) == 0) {
                for (i = 0; i < nseen && strcmp(seen[i].name, name) != 0; i++)
                    ;
                if (i < nseen && (seen[i].found != found || seen[i].hash != hash) && seen[i].owner == owners[k]) {
                    snprintf(err, errlen, "points %ld and %ld of %s were made from different contents of %s (it "
                             "changed while the sweep ran): run that sweep or shard again", seen[i].point, k,
                             owners[k], name);
                    rc = -1;
                } else if (i < nseen && (seen[i].found != found || seen[i].hash != hash)) {
                    snprintf(err, errlen, "%s and %s are not shards of the same sweep: their points %ld and %ld "
                             "were made from different contents of %s", seen[i].owner, owners[k], seen[i].point, k,
                             name);
                    rc = -1;
                } else if (i == nseen) {
                    if (nseen == cap) {
                        cap = cap ? cap * 2 : 16;
                        void *bigger = realloc(seen, (size_t)cap * sizeof *seen);
                        if (!bigger) {
                            snprintf(err, errlen, "out of memory");
                            rc = -1;
                            break;
                        }
                        seen = bigger;
                    }
                    seen[nseen] = (struct seen){strdup(name), found, hash, k, owners[k]};
                    if (!seen[nseen].name) {
                        snprintf(err, errlen, "out of memory");
                        rc = -1;
                        break;
                    }
                    nseen++;
                }
            }
            line = next;
        }
        free(text);
    }
    for (int i = 0; i < nseen; i++)
        free(seen[i].name);
    free(seen);
    return rc;
}

int remous_merge(const char *const *dirs, int ndirs, const char *out, const char *rank_spec, const char *html,
                 const char *lang, FILE *table, char *err, size_t errlen) {
    return remous_merge_ranked(dirs, ndirs, out, rank_spec ? &rank_spec : NULL, rank_spec ? 1 : 0, html, lang, table,
                               err, errlen);
}

int remous_merge_ranked(const char *const *dirs, int ndirs, const char *out, const char *const *ranks, int nranks,
                        const char *html, const char *lang, FILE *table, char *err, size_t errlen) {
    for (int r = 0; r < nranks; r++) {           /* before anything is read */
        char buf[1024], *parts[3];
        int max;
        if (rm_rank_split(ranks[r], buf, sizeof buf, parts, &max, err, errlen) < 0)
            return REMOUS_ERR_INPUT;
        for (int q = 0; q < r; q++)
            if (strcmp(ranks[q], ranks[r]) == 0) {
                snprintf(err, errlen, "--rank %s is given twice: rank on each metric once", ranks[r]);
                return REMOUS_ERR_INPUT;
            }
    }
    char *first = manifest(dirs[0], err, errlen);
    if (!first)
        return REMOUS_ERR_INPUT;
    for (int d = 1; d < ndirs; d++) {
        char *other = manifest(dirs[d], err, errlen);
        if (!other || strcmp(first, other) != 0) {
            char changed[1024];
            if (other && changed_input(first, other, changed, sizeof changed))
                snprintf(err, errlen, "%s and %s are not shards of the same sweep: they were made from different "
                         "contents of %s (their sweep.txt differ)", dirs[0], dirs[d], changed);
            else if (other)
                snprintf(err, errlen, "%s and %s are not shards of the same sweep (their sweep.txt differ)",
                         dirs[0], dirs[d]);
            free(other);
            free(first);
            return REMOUS_ERR_INPUT;
        }
        free(other);
    }
    long n = 0;
    const char *p = strstr(first, "\npoints ");
    if (p)
        n = strtol(p + 8, NULL, 10);
    /* the grid and the variant, read back from the manifest */
    remous_grid grid[64];
    const char **values[64];
    char *copy = strdup(first), variant[256] = "baseline";
    int ng = 0, oom = !copy;
    for (char *line = copy; line && *line && ng < 64; ) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (strncmp(line, "variant ", 8) == 0)
            snprintf(variant, sizeof variant, "%s", line + 8);
        char *eq = strncmp(line, "grid ", 5) == 0 ? strchr(line + 5, '=') : NULL;
        if (eq) {
            *eq = '\0';
            grid[ng].name = line + 5;
            grid[ng].nvalues = 0;
            size_t count = 1;
            for (const char *c = eq + 1; *c; c++)
                count += *c == ',';
            if (!(values[ng] = malloc(count * sizeof *values[ng]))) {
                oom = 1;
                break;
            }
            for (char *v = eq + 1; v; ) {
                values[ng][grid[ng].nvalues++] = v;
                v = strchr(v, ',');
                if (v)
                    *v++ = '\0';
            }
            grid[ng].values = values[ng];
            ng++;
        }
        line = next;
    }
    remous_sweep_options sw = {grid, ng, NULL, 0, 0, 0, nranks ? ranks[0] : NULL, html, lang, NULL, ranks, nranks};
    int rc = REMOUS_OK;
    if (oom) {
        snprintf(err, errlen, "out of memory");
        rc = REMOUS_ERR_RUN;
    } else if (ng < 1 || n < 1 || n > RM_MAX_POINTS || npoints(&sw) != n) {
        snprintf(err, errlen, "%s/sweep.txt: its grid and its number of points do not agree (the file is damaged)",
                 dirs[0]);
        rc = REMOUS_ERR_INPUT;
    }
    const char **owners = rc == REMOUS_OK ? calloc((size_t)n + 1, sizeof *owners) : NULL;
    for (long k = 0; k < n && owners && rc == REMOUS_OK; k++) {
        for (int d = 0; d < ndirs; d++) {
            char done[4300];
            snprintf(done, sizeof done, "%s/points/%06ld/done", dirs[d], k);
            if (!exists(done))
                continue;
            if (owners[k]) {
                snprintf(err, errlen, "point %ld is in both %s and %s: the shards overlap", k, owners[k], dirs[d]);
                rc = REMOUS_ERR_INPUT;
                break;
            }
            owners[k] = dirs[d];
        }
        if (rc == REMOUS_OK && !owners[k]) {
            snprintf(err, errlen, "point %ld is missing from every folder: a shard did not finish or is not given", k);
            rc = REMOUS_ERR_INPUT;
        }
    }
    if (rc == REMOUS_OK && !owners) {
        snprintf(err, errlen, "out of memory");
        rc = REMOUS_ERR_RUN;
    }
    if (rc == REMOUS_OK && check_points(owners, n, NULL, &sw, variant, err, errlen) < 0)
        rc = REMOUS_ERR_INPUT;                   /* before anything is written */
    if (rc == REMOUS_OK && same_point_inputs(owners, n, err, errlen) < 0)
        rc = REMOUS_ERR_INPUT;
    char first_targets[4300];                   /* the points have targets: the page can say the decision */
    snprintf(first_targets, sizeof first_targets, "%s/points/%06ld/targets.csv", owners && n ? owners[0] : "", 0L);
    int targets = rc == REMOUS_OK && owners && n > 0 && exists(first_targets);
    if (rc == REMOUS_OK && html && nranks == 0 && !targets) {
        snprintf(err, errlen, "--html on a merge draws the metric given by --rank: add --rank ELEMENT:NAME:METRIC");
        rc = REMOUS_ERR_INPUT;
    }
    if (rc == REMOUS_OK && rm_make_dirs(out, err, errlen) < 0)
        rc = REMOUS_ERR_RUN;
    if (rc == REMOUS_OK && assemble(out, owners, n, err, errlen) < 0)
        rc = REMOUS_ERR_RUN;
    if (rc == REMOUS_OK) {                       /* the manifest, as one machine writes it */
        char path[4200], tmp[4300];
        snprintf(path, sizeof path, "%s/sweep.txt", out);
        snprintf(tmp, sizeof tmp, "%s.tmp", path);
        FILE *f = fopen(tmp, "w");
        int bad = !f || fputs(first, f) < 0;
        if (f && fclose(f) != 0)
            bad = 1;
        if (bad || rename(tmp, path) != 0) {
            remove(tmp);
            snprintf(err, errlen, "cannot write %s", path);
            rc = REMOUS_ERR_RUN;
        }
    }
    if (rc == REMOUS_OK)
        rc = decide(&sw, NULL, NULL, 0, owners, n, out, table, err, errlen);
    for (int g = 0; g < ng; g++)
        free(values[g]);
    free(copy);
    free(owners);
    free(first);
    return rc;
}
