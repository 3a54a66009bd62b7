/* Paired comparison of every variant with the baseline. The replications
 * of all runs use the same seeds and streams keyed by element name, so a
 * variant's replication r and the baseline's differ only through what the
 * variant changes: the differences are paired, their intervals tight, and
 * exactly 0 for a part of the model the variant does not touch. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"

/* A catalog sorted by (element, name, metric), to find a metric in
 * O(log n): a variant of a role of 100000 people has a million metrics, and
 * a linear search for each of them took hours. */
typedef struct {
    const remous_results *res;
    int *order;               /* the catalog's indices, sorted */
} cat_index;

static int compare_entries(const rm_metric *a, rm_element el, const char *name, const char *metric) {
    if (a->element != el)
        return a->element < el ? -1 : 1;
    int c = strcmp(a->name, name);
    return c ? c : strcmp(a->metric, metric);
}

static const rm_metric *sorting;              /* qsort's context (one comparison is built at a time) */
static int by_entry(const void *x, const void *y) {
    const rm_metric *b = &sorting[*(const int *)y];
    return compare_entries(&sorting[*(const int *)x], b->element, b->name, b->metric);
}

static int index_catalog(cat_index *ix, const remous_results *res) {
    ix->res = res;
    ix->order = malloc(((size_t)res->cat.n + 1) * sizeof *ix->order);
    if (!ix->order)
        return -1;
    for (int i = 0; i < res->cat.n; i++)
        ix->order[i] = i;
    sorting = res->cat.m;
    qsort(ix->order, (size_t)res->cat.n, sizeof *ix->order, by_entry);
    return 0;
}

/* The index of (element, name, metric) in the catalog, or -1. */
static int find_metric(const cat_index *ix, rm_element el, const char *name, const char *metric) {
    int lo = 0, hi = ix->res->cat.n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2, c = compare_entries(&ix->res->cat.m[ix->order[mid]], el, name, metric);
        if (c == 0)
            return ix->order[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* A share of time on a kind that one of the two models does not have is 0
 * there, as long as the role or person exists in it. */
static int zero_if_missing(const cat_index *ix, const rm_metric *e) {
    return (e->element == RM_EL_ROLE || e->element == RM_EL_PERSON) &&
           strncmp(e->metric, "share_", 6) == 0 && find_metric(ix, e->element, e->name, "utilization") >= 0;
}

/* A stream's wait in person (forms in a tray left out) in a model with no
 * tray is its whole wait: where only one side has trays, the other side's
 * wait_mean is its wait in person (otherwise the headline of a tool that
 * brings a tray would compare the tray's wait with the baseline's). */
static int in_person_from_wait(const cat_index *ix, const rm_metric *e) {
    if (e->element != RM_EL_ARRIVALS || strcmp(e->metric, "wait_in_person_mean") != 0)
        return -1;
    return find_metric(ix, e->element, e->name, "wait_mean");
}

/* The value of metric i in replication r: NaN if absent; 0 for i == -1 when
 * the metric is a share that does not exist there. */
static double value(const remous_results *res, int i, int r) {
    return i < 0 ? 0 : res->values[(size_t)r * (size_t)res->cat.n + (size_t)i];
}

/* Pairs metric (ib of the baseline, iv of variant v); -1 means "0 there". */
static void pair(rm_delta *d, const remous_results *base, int ib, const remous_results *var, int iv) {
    rm_welford w, wb, wv;
    rm_welford_reset(&w);
    rm_welford_reset(&wb);
    rm_welford_reset(&wv);
    for (int r = 0; r < base->reps && r < var->reps; r++) {
        double b = value(base, ib, r), x = value(var, iv, r);
        if (isnan(b) || isnan(x))
            continue;
        rm_welford_add(&w, x - b);
        rm_welford_add(&wb, b);
        rm_welford_add(&wv, x);
    }
    double sd;
    rm_interval(&w, &d->delta, &d->half, &sd);
    d->ib = ib;
    d->iv = iv;
    /* the paired t test; a difference the same in every replication is
     * certain (p = 0) unless it is none at all (no test: NaN) */
    d->p = NAN;
    if (w.n >= 2 && sd > 0)
        d->p = rm_student_p(d->delta / (sd / sqrt((double)w.n)), (double)(w.n - 1));
    else if (w.n >= 2 && d->delta != 0)
        d->p = 0;
    d->n = (int)w.n;
    d->baseline_mean = wb.n ? wb.mean : NAN;
    d->variant_mean = wv.n ? wv.mean : NAN;
    d->relative = d->baseline_mean != 0 && !isnan(d->baseline_mean) ? d->delta / fabs(d->baseline_mean) : NAN;
    d->significant = w.n >= 2 && d->half < INFINITY && (d->delta - d->half > 0 || d->delta + d->half < 0);
}

/* Holm's correction over the rows [from, cmp->nrows) of one variant: the
 * family is every metric of that variant that was tested. */
static int correct(rm_comparison *cmp, int from) {
    int n = cmp->nrows - from;
    double *p = malloc((size_t)(n > 0 ? n : 1) * sizeof *p), *adj = malloc((size_t)(n > 0 ? n : 1) * sizeof *adj);
    int rc = p && adj ? 0 : -1;
    for (int k = 0; rc == 0 && k < n; k++)
        p[k] = cmp->rows[from + k].p;
    if (rc == 0)
        rc = rm_holm(p, n, adj);
    for (int k = 0; rc == 0 && k < n; k++)
        cmp->rows[from + k].p_holm = adj[k];
    free(p);
    free(adj);
    return rc;
}

/* Adds the rows of variant v (results[v]) against the baseline. */
static int compare_variant(rm_comparison *cmp, int v) {
    const remous_results *base = cmp->results[0], *var = cmp->results[v];
    int cap = var->cat.n + base->cat.n;
    rm_delta *rows = realloc(cmp->rows, (size_t)(cmp->nrows + cap + 1) * sizeof *rows);
    if (!rows)
        return -1;
    cmp->rows = rows;
    cat_index ib_of, iv_of;                      /* the baseline's and the variant's */
    if (index_catalog(&ib_of, base) < 0)
        return -1;
    if (index_catalog(&iv_of, var) < 0) {
        free(ib_of.order);
        return -1;
    }
    int from = cmp->nrows;
    for (int iv = 0; iv < var->cat.n; iv++) {
        const rm_metric *e = &var->cat.m[iv];
        int ib = find_metric(&ib_of, e->element, e->name, e->metric);
        if (ib < 0)
            ib = in_person_from_wait(&ib_of, e);
        if (ib < 0 && !zero_if_missing(&ib_of, e))
            continue;                            /* a new element: in the digest, not here */
        rm_delta *d = &cmp->rows[cmp->nrows];
        *d = (rm_delta){.variant = var->variant, .element = rm_element_name(e->element), .name = e->name,
                        .metric = e->metric};
        pair(d, base, ib, var, iv);
        if (d->n > 0)
            cmp->nrows++;
    }
    for (int ib = 0; ib < base->cat.n; ib++) {   /* shares the variant no longer has, trays it lost */
        const rm_metric *e = &base->cat.m[ib];
        if (find_metric(&iv_of, e->element, e->name, e->metric) >= 0)
            continue;
        int iv = in_person_from_wait(&iv_of, e);
        if (iv < 0 && !zero_if_missing(&iv_of, e))
            continue;
        rm_delta *d = &cmp->rows[cmp->nrows];
        *d = (rm_delta){.variant = var->variant, .element = rm_element_name(e->element), .name = e->name,
                        .metric = e->metric};
        pair(d, base, ib, var, iv);
        if (d->n > 0)
            cmp->nrows++;
    }
    free(ib_of.order);
    free(iv_of.order);
    if (correct(cmp, from) < 0)
        return -1;
    rm_digest_mark(cmp, v, &cmp->sc->min_change);
    return 0;
}

int remous_compare(remous_scenario *sc, remous_comparison **out, char *err, size_t errlen) {
    if (sc->nmodels < 2) {
        snprintf(err, errlen, "%s has no variant to compare with the baseline: declare one, e.g. "
                 "variant \"online payment\" { tools = { \"online_payment\" } }", sc->path);
        return REMOUS_ERR_INPUT;
    }
    rm_comparison *cmp = calloc(1, sizeof *cmp);
    if (!cmp || !(cmp->results = calloc((size_t)sc->nmodels, sizeof *cmp->results)) ||
        !(cmp->failed = calloc((size_t)sc->nmodels, sizeof *cmp->failed))) {
        remous_comparison_free(cmp);
        snprintf(err, errlen, "out of memory");
        return REMOUS_ERR_RUN;
    }
    cmp->sc = sc;
    for (int v = 1; v < sc->nmodels; v++)        /* kept by keep_failed_variants: not run */
        if (!sc->models[v])
            cmp->failed[cmp->nfailed++] = v;
    rm_progress progress;                        /* one bar for all the runs */
    rm_progress_start(&progress, sc->show_progress, (long)(sc->nmodels - cmp->nfailed) * sc->replications);
    progress.tick = sc->tick;
    progress.tick_ctx = sc->tick_ctx;
    sc->progress = &progress;
    int *run = malloc((size_t)sc->nmodels * sizeof *run), nrun = 0;   /* the models that compiled */
    for (int v = 0; run && v < sc->nmodels; v++)
        if (sc->models[v])
            run[nrun++] = v;
    int rc = run ? rm_run_models(sc, run, nrun, cmp->results, err, errlen) : REMOUS_ERR_RUN;
    if (!run)
        snprintf(err, errlen, "out of memory");
    free(run);
    sc->progress = NULL;
    rm_progress_show(&progress, progress.done, 1);
    if (rc != REMOUS_OK) {
        remous_comparison_free(cmp);
        return rc;
    }
    cmp->n = nrun;
    for (int v = 1; v < cmp->n; v++)
        if (compare_variant(cmp, v) < 0) {
            remous_comparison_free(cmp);
            snprintf(err, errlen, "out of memory");
            return REMOUS_ERR_RUN;
        }
    *out = cmp;
    return REMOUS_OK;
}

void remous_comparison_free(remous_comparison *cmp) {
    if (!cmp)
        return;
    for (int v = 0; v < cmp->n; v++) {
        remous_results_free(cmp->results[v]);
        if (cmp->fragility)
            remous_fragility_free(cmp->fragility[v]);
        if (cmp->sensitivity)
            remous_sensitivity_free(cmp->sensitivity[v]);
    }
    free(cmp->fragility);
    free(cmp->sensitivity);
    free(cmp->results);
    free(cmp->rows);
    free(cmp->failed);
    free(cmp);
}

int remous_comparison_find(const remous_comparison *cmp, const char *variant, const char *element,
                           const char *name, const char *metric, remous_delta_row *row) {
    for (int k = 0; k < cmp->nrows; k++) {
        const rm_delta *d = &cmp->rows[k];
        if (strcmp(d->variant, variant) || strcmp(d->element, element) || strcmp(d->name, name) ||
            strcmp(d->metric, metric))
            continue;
        *row = (remous_delta_row){d->variant, d->element, d->name, d->metric, d->baseline_mean,
                                  d->variant_mean, d->delta, d->delta - d->half, d->delta + d->half,
                                  d->relative, d->significant, d->p, d->p_holm, d->listed};
        return 0;
    }
    return -1;
}

int remous_write_comparison(const remous_comparison *cmp, const char *dir, char *err, size_t errlen) {
    return rm_write_results((const remous_results *const *)cmp->results, cmp->n, cmp, dir, err, errlen);
}

rm_thresholds rm_default_thresholds(void) {
    return (rm_thresholds){0.05, 0.5, 1, 1, 0.5};
}

/* One item of --min-change into t; returns 0 or -1. */
static int threshold_item(const char *item, rm_thresholds *t) {
    static const struct { const char *name; size_t at; } kinds[] = {
        {"time", offsetof(rm_thresholds, minutes)}, {"share", offsetof(rm_thresholds, points)},
        {"count", offsetof(rm_thresholds, per_week)}, {"people", offsetof(rm_thresholds, people)},
    };
    char *end;
    const char *eq = strchr(item, '=');
    if (!eq) {                                   /* "10%", or "0": nothing but the correction */
        double v = strtod(item, &end);
        if (end == item || !(v >= 0 && v < 1e9))
            return -1;
        if (strcmp(end, "%") == 0) {
            t->relative = v / 100;
            return 0;
        }
        if (*end || v != 0)
            return -1;
        *t = (rm_thresholds){0, 0, 0, 0, 0};
        return 0;
    }
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        if (strlen(kinds[k].name) != (size_t)(eq - item) || strncmp(item, kinds[k].name, (size_t)(eq - item)) != 0)
            continue;
        double v = strtod(eq + 1, &end);
        if (end == eq + 1 || !(v >= 0 && v < 1e9))
            return -1;
        if (strcmp(kinds[k].name, "time") == 0 && *end) {   /* minutes, or with a unit */
            if (strcmp(end, "s") == 0) v /= 60;
            else if (strcmp(end, "h") == 0) v *= 60;
            else if (strcmp(end, "min") != 0) return -1;
        } else if (*end) {
            return -1;
        }
        *(double *)((char *)t + kinds[k].at) = v;
        return 0;
    }
    return -1;
}

int rm_parse_thresholds(const char *spec, rm_thresholds *t, char *err, size_t errlen) {
    *t = rm_default_thresholds();
    if (!spec || !*spec)
        return 0;
    char copy[256];
    if (strlen(spec) >= sizeof copy)
        goto bad;
    snprintf(copy, sizeof copy, "%s", spec);
    for (char *item = copy; item; ) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma++ = '\0';
        if (threshold_item(item, t) < 0)
            goto bad;
        item = comma;
    }
    return 0;
bad:
    snprintf(err, errlen, "--min-change: expected N%% (relative), time=MINUTES, share=POINTS, count=PER_WEEK "
             "or people=N, separated by commas (e.g. 10%%,time=2), or 0 (every change the correction keeps); "
             "got \"%.100s\"", spec);
    return -1;
}
