/* The decision page of a sweep (sweep --html, merge --html): the question
 * (targets, preference, ranked metrics), the answer in one sentence, each
 * ranked metric as a heat map over the grid, the Pareto front, every
 * target's verdict at every point, the bars with their intervals, and what
 * was run; in the words of the scenario (its labels; names in a merge,
 * which has no scenario) and in sw->lang. */
#ifndef RM_DECISION_PAGE_H
#define RM_DECISION_PAGE_H

#include <stddef.h>

#include "points.h"
#include "targets.h"

typedef struct rm_decision {
    const remous_sweep_options *sw;
    const rm_model *m;                /* the swept model; NULL in a merge */
    const rm_target *targets;         /* the scenario's (for their labels); NULL in a merge */
    int ntargets;
    const rm_points *p;
    const long *best;                 /* per ranked metric, its best point (-1: none) */
    const char *front, *near;         /* two ranked metrics or more (rm_pareto); else NULL */
    long nfront;
    const rm_point_verdicts *v;       /* per point; NULL without targets */
    const rm_stated_target *stated;   /* the targets as targets.csv states them */
    int nstated;
    const long *good;                 /* the points meeting every target, cheapest first */
    long ngood;
    const char *manifest;             /* sweep.txt: scenario, variant, seed */
} rm_decision;

/* Writes the page into path (through a temporary file). Returns 0 or -1. */
int rm_decision_page(const char *path, const rm_decision *d, char *err, size_t errlen);

/* The answer in one sentence, as the page says it, into buf. */
const char *rm_decision_answer(const rm_decision *d, char *buf, size_t len);

/* Point k in words, "Booksellers = 2, Readers per hour = 12" (the params'
 * labels in m, names where m is NULL; numbers in lang's decimals) (sweep.c). */
void rm_point_words(const remous_sweep_options *sw, const rm_model *m, long k, char *buf, size_t len);

#endif
