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
};

#endif
