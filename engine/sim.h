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
    /* Called before each replication of model m: reseed what the hooks
     * draw from; the hooks that follow see items of m. */
    void (*replication)(void *ctx, const rm_model *m, uint64_t seed, int rep);
    /* Runs body(arg), the replication's events, inside one protected call
     * of the host, so that each hook call in it is a plain one. Returns
     * what body returns, or -1 after writing one line in err (a hook's
     * error). NULL: body runs as it is. */
    int (*protect)(void *ctx, int (*body)(void *arg), void *arg, char *err, size_t errlen);
    /* Not called by the simulation: after replication rep (1-based) of model
     * m, computes the metrics the scenario declares into the last
     * m->nderived of values, the others filled (the summary's catalog, or
     * period `period` >= 0 of the time series' with `periodic`). Returns 0,
     * or -1 after writing one line in err. NULL when the model has none. */
    int (*derive)(void *ctx, const rm_model *m, int periodic, int period, int rep, double *values,
                  char *err, size_t errlen);
} rm_hooks;

/* Raw statistics of one replication.
 *
 * Additive figures are cumulative counters from t = 0 in one flat array, so
 * that a snapshot is a copy and a window is a difference: the summary is
 * (horizon - warm-up), each period of the time series (end - start). The
 * layout: for each queue RM_Q_FIELDS counters, then each activity, each
 * arrival stream, each person (RM_P_KIND0 + one per kind), each tool. */
enum { RM_Q_SERVED, RM_Q_WAIT, RM_Q_AREA, RM_Q_ABANDONED, RM_Q_BALKED,
       RM_Q_AT_CLOSING, RM_Q_CLOSINGS,           /* items waiting at its closings; closings */
       RM_Q_OPEN_AREA, RM_Q_OPEN_TIME,           /* the area and the time while it can be served */
       RM_Q_FIELDS };
enum { RM_A_COMPLETED, RM_A_DURATION, RM_A_REACHED, RM_A_FIELDS };
enum { RM_S_ARRIVED, RM_S_COMPLETED, RM_S_ABANDONED, RM_S_BALKED, RM_S_MISSED, RM_S_WAIT,
       RM_S_WAIT_IN_PERSON,                      /* RM_S_WAIT less the time at steps with patience = false */
       RM_S_CYCLE, RM_S_TOOL_MET, RM_S_TOOL_ROUTE, RM_S_FIELDS };  /* items at a tool's route; that took one */
enum { RM_T_MET, RM_T_TOOK,                  /* items at a route of the tool; those that took it */
       RM_T_USED, RM_T_USED_VALUE,           /* items of arrival streams (not tasks) that took one of its
                                                routes or started one of its steps, once per item; their
                                                streams' value */
       RM_T_FIELDS };
enum { RM_P_WORKING, RM_P_OVERTIME, RM_P_KIND0 };   /* then busy time by kind */

typedef struct rm_layout {
    size_t activities, arrivals, people, tools;   /* where each block starts */
    size_t person_stride;                  /* RM_P_KIND0 + nkinds */
    size_t n;                              /* counters in all */
} rm_layout;

rm_layout rm_layout_of(const rm_model *m);

static inline size_t rm_cq(const rm_layout *l, int q, int f) { (void)l; return (size_t)q * RM_Q_FIELDS + (size_t)f; }
static inline size_t rm_ca(const rm_layout *l, int a, int f) { return l->activities + (size_t)a * RM_A_FIELDS + (size_t)f; }
static inline size_t rm_cs(const rm_layout *l, int s, int f) { return l->arrivals + (size_t)s * RM_S_FIELDS + (size_t)f; }
static inline size_t rm_cp(const rm_layout *l, int p, int f) { return l->people + (size_t)p * l->person_stride + (size_t)f; }
static inline size_t rm_ct(const rm_layout *l, int t, int f) { return l->tools + (size_t)t * RM_T_FIELDS + (size_t)f; }

typedef struct rm_rep_stats {
    rm_layout lay;
    double *counters;         /* at the horizon, once the run is over */
    double *warm;             /* at the end of the warm-up (zeros without one) */
    double *periods;          /* at each period boundary, row 0 at t = 0, last at the horizon */
    int nperiods;             /* rows of periods minus one */
    double period;            /* length of a period */
    uint64_t events;          /* events processed in the whole replication */
    /* measured after the warm-up only, for the summary */
    rm_sketch **sketch;       /* per queue: its waits' quantiles */
    double *wait_max, *length_max;          /* per queue */
    uint64_t **by_person;     /* per activity: completions by each person */
    double *adoption;         /* per tool: the share of the people concerned who use it */
} rm_rep_stats;

typedef struct rm_sim rm_sim;

/* Told of every step an item completes (for the event log): the person who
 * did it (-1 for a pure delay), when it started and ended. Returns 0, or -1
 * to stop the run (a write error, say). */
typedef int (*rm_step_observer)(void *ctx, const rm_item_view *item, int activity, int person,
                                double start, double end);

/* The number of time-series periods of model m for a period length. */
int rm_period_count(const rm_model *m, double period);

/* A simulator for model m (which must outlive it). hooks may be NULL when
 * the model has none. period > 0 is the length of the time series' periods.
 * Returns NULL when out of memory. */
rm_sim *rm_sim_new(const rm_model *m, const rm_hooks *hooks, double period);
void rm_sim_free(rm_sim *s);

/* Runs replication rep with the given seed. Returns 0, or -1 with a message
 * in rm_sim_error(). The statistics stay valid until the next run. */
int rm_sim_run(rm_sim *s, uint64_t seed, int rep);
/* Calls fn for every step completed from now on (NULL: no more). */
void rm_sim_observe(rm_sim *s, rm_step_observer fn, void *ctx);
const char *rm_sim_error(const rm_sim *s);

/* A forced absence in the runs that follow (fragility.c): every person p
 * with who[p] != 0 stops taking work at `from` and is back at `until`
 * (who NULL: none; the array must outlive the runs). It follows the rules
 * of a role's drawn absences: a person busy at `from` finishes the step in
 * hand first; the items a person interrupted stay with them; a drawn
 * absence that falls inside goes on as drawn, and keeps them away after
 * `until` if it lasts longer. It draws no random number, so that every
 * stream (the absences' too) gives the same numbers as without it. */
void rm_sim_knock_out(rm_sim *s, const unsigned char *who, double from, double until);

/* In the runs that follow, the length of every queue at from, from + step,
 * ..., n instants before the horizon at most, into out[k * nqueues + q]
 * (out NULL: no watch): the state at each instant before any event of that
 * instant, so that two runs are read at the same point. */
void rm_sim_watch(rm_sim *s, double from, double step, int n, double *out);
const rm_rep_stats *rm_sim_stats(const rm_sim *s);

#endif
