/* Dependence on one person (remous fragility): for every person, and every
 * role of two people as a whole, a knock-out run (them away for a while)
 * paired with the same run without the absence, replication by replication
 * (common random numbers: the absence draws no random number). What the
 * report and the workshop read once they show it: the knock-outs, ranked
 * worst first, and the words of each. */
#ifndef RM_FRAGILITY_H
#define RM_FRAGILITY_H

#include "results.h"

/* One figure of a knock-out: the run with the absence against the run
 * without, paired. element is "queue", "arrivals" or "knockout" (the
 * figures of the absence itself: backlog_at_return, clearance_time,
 * not_cleared, items_failed, extra_wait). */
typedef struct rm_fragility_row {
    const char *element, *name, *metric;
    double without, with;          /* means over the replications */
    double delta, half;            /* mean paired difference, half-width of its 95% interval */
    int n;
} rm_fragility_row;

typedef struct rm_knockout {
    char *name;                    /* "director#1", or a role's name (whole_role) */
    int whole_role;                /* every person of a role of two */
    int role;                      /* their role */
    int npeople;
    int first;                     /* the first person away (model index); npeople from it */
    double from, until;            /* the absence kept (the worst start with --at worst) */
    /* the figures that rank, paired means over the replications */
    double failed;                 /* items more that miss their deadline, or are lost where
                                      there is no deadline (abandoned, balked) */
    double extra_wait;             /* more total waiting of the items completed */
    double backlog;                /* more items waiting in the role's queues at the return */
    double clearance;              /* time after the return until that backlog is back to
                                      the level without the absence (the end of the run
                                      where it never is) */
    int not_cleared;               /* replications where it never is */
    rm_fragility_row *rows;
    int nrows;
} rm_knockout;

struct remous_fragility {
    const remous_scenario *sc;
    const rm_model *model;
    const char *variant;
    double away;                   /* in the scenario's unit */
    int at_worst;                  /* each week tried, the worst kept */
    int nstarts;                   /* starts tried */
    double at;                     /* the start (the first one tried with at_worst) */
    int reps;
    rm_knockout *ko;               /* ranked, worst first */
    int nko;
    int *able;                     /* per activity: the people who can do it */
    double *top_share;             /* per activity: top_person_share without absence (NaN: none) */
};

/* The sentence of knock-out k of f (0: the worst) in lang, into buf. */
const char *rm_fragility_sentence(const remous_fragility *f, int k, const char *lang, char *buf, size_t len);

/* A count or an amount as people read it (whole from 10 on or when nearly
 * so, else one decimal) in lang, into buf; returns buf. */
const char *rm_fragility_amount(double x, const char *lang, char *buf, size_t len);

/* A length of time t (m's unit) in words, in weeks, days, hours or minutes,
 * whichever reads best, into buf; returns buf. */
const char *rm_fragility_duration(const rm_model *m, double t, const char *lang, char *buf, size_t len);

#endif
