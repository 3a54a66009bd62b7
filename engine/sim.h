/* The simulation loop: one replication of a compiled model, single-threaded,
 * over its own random streams. No Lua here: hooks are reached through the
 * rm_hooks table, and only for fields the scenario wrote as functions. */
#ifndef RM_SIM_H
#define RM_SIM_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "stats.h"

/* What a hook may read of an item while it runs. */
typedef struct rm_item_view {
    uint64_t id;              /* 1, 2, ... within the replication */
    int arrivals;             /* index of its arrival stream */
    double priority;
    const double *attrs;      /* one value per attribute of its stream */
} rm_item_view;

/* The host's hooks. Each returns 0, or -1 after writing one line in err. */
typedef struct rm_hooks {
    void *ctx;
    /* A number from hook `hook` (a duration or a priority). */
    int (*number)(void *ctx, int hook, const rm_item_view *item, double now,
                  double *out, char *err, size_t errlen);
    /* A step (an activity index or RM_EXIT) from a `next` hook. */
    int (*step)(void *ctx, int hook, const rm_item_view *item, double now,
                int *out, char *err, size_t errlen);
    /* Called before each replication: reseed what the hooks draw from. */
    void (*replication)(void *ctx, uint64_t seed, int rep);
} rm_hooks;

/* Raw statistics of one replication, measured over [warmup, horizon]. */
typedef struct rm_queue_stats {
    rm_mean wait;             /* waits of the items that left for service */
    rm_sketch *sketch;        /* their quantiles */
    rm_timeavg length;
    uint64_t abandoned, balked;
} rm_queue_stats;

typedef struct rm_activity_stats {
    uint64_t completed;
    rm_mean duration;
    uint64_t *by_person;      /* completions by each person (npeople) */
} rm_activity_stats;

typedef struct rm_arrivals_stats {
    uint64_t arrived, completed, abandoned, balked, deadline_missed;
    rm_mean wait, cycle;
} rm_arrivals_stats;

typedef struct rm_rep_stats {
    double measured;          /* horizon - warmup */
    uint64_t events;          /* events processed in the whole replication */
    rm_queue_stats *queues;
    rm_activity_stats *activities;
    rm_arrivals_stats *arrivals;
    double *person_kind_time; /* busy time by person and kind: [p * nkinds + k] */
    double *person_working;   /* working time of each person */
} rm_rep_stats;

typedef struct rm_sim rm_sim;

/* A simulator for model m (which must outlive it). hooks may be NULL when
 * the model has none. Returns NULL when out of memory. */
rm_sim *rm_sim_new(const rm_model *m, const rm_hooks *hooks);
void rm_sim_free(rm_sim *s);

/* Runs replication rep with the given seed. Returns 0, or -1 with a message
 * in rm_sim_error(). The statistics stay valid until the next run. */
int rm_sim_run(rm_sim *s, uint64_t seed, int rep);
const char *rm_sim_error(const rm_sim *s);
const rm_rep_stats *rm_sim_stats(const rm_sim *s);

#endif
