/* Runs the replications of a scenario and summarises them: means and 95%
 * confidence intervals with Student's t over the replications. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "stats.h"

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
        res->n[i] = (int)w.n;
        res->mean[i] = w.n ? w.mean : NAN;
        if (w.n >= 2) {
            double sd = sqrt(rm_welford_var(&w));
            double half = rm_student_t(0.975, (double)(w.n - 1)) * sd / sqrt((double)w.n);
            res->sd[i] = sd;
            res->lo[i] = w.mean - half;
            res->hi[i] = w.mean + half;
        } else {
            res->sd[i] = res->lo[i] = res->hi[i] = NAN;
        }
    }
}

int remous_run(remous_scenario *sc, remous_results **out, char *err, size_t errlen) {
    const rm_model *m = sc->model;
    remous_results *res = calloc(1, sizeof *res);
    rm_sim *sim = rm_sim_new(m, &sc->hooks);
    if (!res || !sim || rm_catalog_build(m, &res->cat) < 0)
        goto oom;
    res->sc = sc;
    res->variant = "baseline";
    res->reps = sc->replications;
    size_t n = (size_t)res->cat.n;
    res->values = malloc((size_t)res->reps * n * sizeof(double));
    res->mean = malloc(n * sizeof(double));
    res->lo = malloc(n * sizeof(double));
    res->hi = malloc(n * sizeof(double));
    res->sd = malloc(n * sizeof(double));
    res->n = malloc(n * sizeof(int));
    if (!res->values || !res->mean || !res->lo || !res->hi || !res->sd || !res->n)
        goto oom;
    for (int r = 0; r < res->reps; r++) {
        if (rm_sim_run(sim, sc->seed, r + 1) < 0) {
            snprintf(err, errlen, "%s", rm_sim_error(sim));
            rm_sim_free(sim);
            remous_results_free(res);
            return REMOUS_ERR_RUN;
        }
        rm_metrics_values(m, rm_sim_stats(sim), res->values + (size_t)r * n);
    }
    rm_sim_free(sim);
    summarise(res);
    *out = res;
    return REMOUS_OK;
oom:
    snprintf(err, errlen, "out of memory");
    rm_sim_free(sim);
    remous_results_free(res);
    return REMOUS_ERR_RUN;
}

void remous_results_free(remous_results *res) {
    if (!res)
        return;
    rm_catalog_free(&res->cat);
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
