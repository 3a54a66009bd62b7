/* The results of a scenario's replications, shared by the runner and the
 * writers (CSV, terminal table). */
#ifndef RM_RESULTS_H
#define RM_RESULTS_H

#include "metrics.h"
#include "scenario.h"

struct remous_results {
    const remous_scenario *sc;     /* must stay open while the results are used */
    const char *variant;           /* "baseline" */
    rm_catalog cat;
    int reps;
    double *values;                /* reps x cat.n; NaN where no value */
    double *mean, *lo, *hi, *sd;   /* per metric, over replications */
    int *n;
    /* the time series: per period and metric of tcat, over replications */
    rm_catalog tcat;
    int nperiods;
    double period;
    rm_welford *ts;                /* nperiods x tcat.n */
};

/* The mean of w and the half-width of its 95% interval (Student's t);
 * NaN when there are not two values. */
void rm_interval(const rm_welford *w, double *mean, double *half, double *sd);

#endif
