/* The metrics of a model, as the output contract names them: one entry per
 * (element, name, metric), in a fixed order (queues, roles, people,
 * activities, arrival streams, tools, scenario, then the metrics the scenario
 * declares; declaration order within each). */
#ifndef RM_METRICS_H
#define RM_METRICS_H

#include "model.h"
#include "sim.h"

typedef enum { RM_EL_QUEUE, RM_EL_ROLE, RM_EL_PERSON, RM_EL_ACTIVITY, RM_EL_ARRIVALS,
               RM_EL_TOOL, RM_EL_SCENARIO, RM_EL_METRIC } rm_element;

typedef struct rm_metric {
    rm_element element;
    char *name;               /* the element's name, e.g. "bookseller#2" */
    char *metric;             /* e.g. "wait_p90", "share_core" */
} rm_metric;

typedef struct rm_catalog {
    rm_metric *m;
    int n;
} rm_catalog;

/* "queue", "role", ... as written in the CSV files. */
const char *rm_element_name(rm_element e);

/* Lists the metrics of m into *cat: all of them for the summary, or
 * (periodic) those the time series has, without quantiles, maxima and
 * top_person_share. Returns 0, or -1 when out of memory (cat then empty). */
int rm_catalog_build(const rm_model *m, int periodic, rm_catalog *cat);
void rm_catalog_free(rm_catalog *cat);

/* Fills values[0..cat->n-1] from one replication's statistics over
 * [warm-up, horizon], in the summary catalog's order. A metric with no
 * observation this replication (the mean wait of a queue nobody left) is NaN;
 * so are the declared metrics, the last m->nderived, which the host computes
 * from the others (rm_hooks.derive). */
void rm_metrics_values(const rm_model *m, const rm_rep_stats *st, double *values);

/* The same over period k (0 <= k < st->nperiods), in the periodic
 * catalog's order. */
void rm_metrics_period_values(const rm_model *m, const rm_rep_stats *st, int k, double *values);

/* The length of model m's measured period (horizon minus warm-up) in
 * months of RM_DAYS_PER_MONTH days: what a tool's per_month is prorated by. */
#define RM_DAYS_PER_MONTH (365.25 / 12)
double rm_measured_months(const rm_model *m);

#endif
