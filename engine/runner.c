/* Runs the replications of a scenario and summarises them: means and 95%
 * confidence intervals with Student's t over the replications. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "stats.h"

/* The mean of w and the half-width of its 95% interval (Student's t);
 * NaN when there are not two values. */
void rm_interval(const rm_welford *w, double *mean, double *half, double *sd) {
    *mean = w->n ? w->mean : NAN;
    if (w->n < 2) {
        *half = *sd = NAN;
        return;
    }
    *sd = sqrt(rm_welford_var(w));
    *half = rm_student_t(0.975, (double)(w->n - 1)) * *sd / sqrt((double)w->n);
}

/* Fills the summary arrays from the values matrix. */
static void summarise(remous_results *res) {
    int n = res->cat.n;
    for (int i = 0; i < n; i++) {
        rm_welford w;
        rm_welford_reset(&w);
        for (int r = 0; r < res->reps; r++) {
            double v = res->values[(size_t)r * (size_t)n + (size_t)i];
            if (!isnan(v))
                rm_welford_add(&w, v);
        }
        double half;
        res->n[i] = (int)w.n;
        rm_interval(&w, &res->mean[i], &half, &res->sd[i]);
        res->lo[i] = res->mean[i] - half;
        res->hi[i] = res->mean[i] + half;
    }
}

int remous_run(remous_scenario *sc, remous_results **out, char *err, size_t errlen) {
    return remous_run_variant(sc, "baseline", out, err, errlen);
}

int rm_variant_index(const remous_scenario *sc, const char *variant, char *err, size_t errlen) {
    int v = 0;
    while (v < sc->nmodels && strcmp(sc->variants[v], variant) != 0)
        v++;
    if (v == sc->nmodels) {
        int w = snprintf(err, errlen, "%s: no variant called \"%s\" (the variants:", sc->path, variant);
        for (int k = 1; k < sc->nmodels && w > 0 && (size_t)w < errlen; k++)
            w += snprintf(err + w, errlen - (size_t)w, "%s \"%s\"", k > 1 ? "," : "", sc->variants[k]);
        if (w > 0 && (size_t)w < errlen)
            snprintf(err + w, errlen - (size_t)w, "%s)", sc->nmodels == 1 ? " none" : "");
        return -1;
    }
    if (!sc->models[v]) {                       /* kept by keep_failed_variants */
        snprintf(err, errlen, "%s", sc->errors[v]);
        return -1;
    }
    return v;
}

/* The results of model v, their arrays ready for its replications, and
 * *pvalues for its time series; NULL when out of memory. */
static remous_results *results_new(remous_scenario *sc, int v, double **pvalues) {
    const rm_model *m = sc->models[v];
    remous_results *res = calloc(1, sizeof *res);
    *pvalues = NULL;
    if (!res || rm_catalog_build(m, 0, &res->cat) < 0 || rm_catalog_build(m, 1, &res->tcat) < 0) {
        remous_results_free(res);
        return NULL;
    }
    res->sc = sc;
    res->model = m;
    res->variant = sc->variants[v];
    res->reps = sc->replications;
    res->period = sc->period;
    res->nperiods = rm_period_count(m, sc->period);
    size_t n = (size_t)res->cat.n, tn = (size_t)res->tcat.n, np = (size_t)res->nperiods;
    res->values = malloc((size_t)res->reps * n * sizeof(double));
    res->mean = malloc(n * sizeof(double));
    res->lo = malloc(n * sizeof(double));
    res->hi = malloc(n * sizeof(double));
    res->sd = malloc(n * sizeof(double));
    res->n = malloc(n * sizeof(int));
    res->ts = calloc(np * tn + 1, sizeof(rm_welford));
    *pvalues = malloc(((size_t)res->reps * np * tn + 1) * sizeof(double));
    if (!res->values || !res->mean || !res->lo || !res->hi || !res->sd || !res->n || !res->ts || !*pvalues) {
        free(*pvalues);
        *pvalues = NULL;
        remous_results_free(res);
        return NULL;
    }
    return res;
}

/* The time series, summed in replication order (the same whatever
 * --jobs), and the summaries, once the replications are in. */
static void results_finish(remous_results *res, const double *pvalues) {
    size_t np = (size_t)res->nperiods, tn = (size_t)res->tcat.n;
    for (int r = 0; r < res->reps; r++)
        for (size_t k = 0; k < np * tn; k++) {
            double x = pvalues[(size_t)r * np * tn + k];
            if (!isnan(x))
                rm_welford_add(&res->ts[k], x);
        }
    summarise(res);
}

int rm_run_models(remous_scenario *sc, const int *v, int n, remous_results **out, char *err, size_t errlen) {
    rm_reps_job *jobs = calloc((size_t)n + 1, sizeof *jobs);
    double **values = calloc((size_t)n + 1, sizeof *values), **pvalues = calloc((size_t)n + 1, sizeof *pvalues);
    int k = 0, rc = REMOUS_OK;
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    if (!jobs || !values || !pvalues) {
        snprintf(err, errlen, "out of memory");
        rc = REMOUS_ERR_RUN;
        goto done;
    }
    for (; k < n; k++) {
        remous_results *res = results_new(sc, v[k], &pvalues[k]);
        if (!res) {
            snprintf(err, errlen, "out of memory");
            rc = REMOUS_ERR_RUN;
            goto done;
        }
        out[k] = res;
        values[k] = res->values;
        jobs[k] = (rm_reps_job){res->model, &sc->hooks, sc->seed, res->reps, sc->jobs, sc->period,
                                res->cat.n, res->tcat.n, res->nperiods, NULL, NULL, NULL};
    }
    rm_progress own;
    rm_progress *progress = sc->progress;
    if (!progress) {                             /* a run of its own */
        progress = &own;
        rm_progress_start(progress, sc->show_progress, (long)n * sc->replications);
        progress->tick = sc->tick;
        progress->tick_ctx = sc->tick_ctx;
    }
    int ran = rm_run_reps_all(jobs, n, values, pvalues, progress, err, errlen);
    if (progress == &own)
        rm_progress_show(progress, progress->done, 1);
    if (ran < 0)
        rc = REMOUS_ERR_RUN;
    for (int i = 0; i < n && rc == REMOUS_OK; i++)
        results_finish(out[i], pvalues[i]);
done:
    for (int i = 0; i < k; i++) {
        free(pvalues[i]);
        if (rc != REMOUS_OK) {
            remous_results_free(out[i]);
            out[i] = NULL;
        }
    }
    free(jobs);
    free(values);
    free(pvalues);
    return rc;
}

int remous_run_variant(remous_scenario *sc, const char *variant, remous_results **out,
                       char *err, size_t errlen) {
    int v = rm_variant_index(sc, variant, err, errlen);
    if (v < 0)
        return REMOUS_ERR_INPUT;
    return rm_run_models(sc, &v, 1, out, err, errlen);
}

void remous_results_free(remous_results *res) {
    if (!res)
        return;
    rm_catalog_free(&res->cat);
    rm_catalog_free(&res->tcat);
    free(res->ts);
    free(res->values);
    free(res->mean);
    free(res->lo);
    free(res->hi);
    free(res->sd);
    free(res->n);
    free(res);
}

int remous_results_rows(const remous_results *res) { return res->cat.n; }

int remous_results_row(const remous_results *res, int i, remous_summary_row *row) {
    if (i < 0 || i >= res->cat.n)
        return -1;
    const rm_metric *e = &res->cat.m[i];
    row->variant = res->variant;
    row->element = rm_element_name(e->element);
    row->name = e->name;
    row->metric = e->metric;
    row->mean = res->mean[i];
    row->ci95_low = res->lo[i];
    row->ci95_high = res->hi[i];
    row->stdev = res->sd[i];
    row->n = res->n[i];
    return 0;
}

int remous_results_find(const remous_results *res, const char *element, const char *name,
                        const char *metric, remous_summary_row *row) {
    for (int i = 0; i < res->cat.n; i++) {
        const rm_metric *e = &res->cat.m[i];
        if (strcmp(rm_element_name(e->element), element) == 0 && strcmp(e->name, name) == 0 &&
            strcmp(e->metric, metric) == 0)
            return remous_results_row(res, i, row);
    }
    return -1;
}
