/* Targets: the levels a decision asks of metrics ("readers wait under 5
 * minutes"), declared in the scenario (target "..." { metric = ..., below =
 * 5 }) or given with --target, each judged on the 95% interval of its
 * metric's mean over the replications: met when the whole interval is on
 * the right side of the level, not met when it is all on the wrong side,
 * undecided otherwise (or without an interval). */
#ifndef RM_TARGETS_H
#define RM_TARGETS_H

#include <stdio.h>

#include "results.h"

typedef enum { RM_BELOW, RM_AT_MOST, RM_ABOVE, RM_AT_LEAST } rm_target_op;   /* <, <=, >, >= */

typedef struct rm_target {
    char *name;               /* the declaration's name, or the --target text as given */
    char *label;              /* "" when none */
    char *element, *ename, *metric;   /* the metric as the CSV files name it */
    rm_target_op op;
    double value;
    char *where;              /* "FILE:LINE" of its metric field, or "--target" */
} rm_target;

typedef enum { RM_MET, RM_NOT_MET, RM_UNDECIDED } rm_verdict_kind;

/* A target judged on one run (a variant, a grid point). */
typedef struct rm_verdict {
    const rm_target *target;
    double mean, lo, hi;      /* the metric's mean and 95% interval; NaN: no value, no interval */
    rm_verdict_kind kind;
} rm_verdict;

/* "<", "<=", ">", ">=". */
const char *rm_target_op_text(rm_target_op op);

/* "met", "not met", "undecided": as targets.csv writes them. */
const char *rm_verdict_text(rm_verdict_kind k);

/* The verdict of a mean and its interval [lo, hi] against t. */
rm_verdict_kind rm_judge(const rm_target *t, double mean, double lo, double hi);

/* Appends a target to (*list, *n): `metric` is "ELEMENT:NAME:METRIC" or a
 * declared metric's name (metric:NAME:value). Returns 0, or -1 with one
 * line in err (naming `where`) when metric is not of that shape or memory
 * runs out. */
int rm_target_add(rm_target **list, int *n, const char *name, const char *label, const char *metric,
                  rm_target_op op, double value, const char *where, char *err, size_t errlen);

/* Parses a --target spec ("arrivals:walk_in:wait_mean<5"; the level may
 * end in % for a share: 60% is 0.6) and appends it. Returns 0 or -1. */
int rm_target_add_option(rm_target **list, int *n, const char *spec, char *err, size_t errlen);

/* Whether every target of sc names a metric of its baseline or of one of
 * its variants; else -1 with one line naming what exists. */
int rm_targets_check(const remous_scenario *sc, char *err, size_t errlen);

void rm_targets_free(rm_target *list, int n);

/* The verdicts of the scenario's targets on one run: out[res->sc->ntargets],
 * in the targets' order (the declared ones, then --target). What a page
 * shows; a metric the run does not have is undecided, with NaN values. */
void rm_target_verdicts(const remous_results *res, rm_verdict *out);

/* Whether each of the n verdicts is met (n > 0). */
int rm_verdicts_all_met(const rm_verdict *v, int n);

/* One item of compare's --prefer: a metric (t's element, ename, metric;
 * t.name the item as given) and the way it is preferred. */
typedef struct rm_preference {
    rm_target t;
    int max;                  /* 1: the largest first; 0: the smallest */
} rm_preference;

/* Parses compare's --prefer ("METRIC:min|max,...", each METRIC as
 * --target names it) into sc->prefers, checking each metric exists and
 * that there is a target to order by. Returns 0, or -1 with one line. */
int rm_preferences_load(remous_scenario *sc, const char *spec, char *err, size_t errlen);
void rm_preferences_free(rm_preference *list, int n);

/* The options among runs[0..n) (a comparison's: the baseline, then the
 * variants) that meet every target into order[] (n of room), in the order
 * of sc->prefers (on their metrics' means; one without a value after those
 * with one; ties and no --prefer: the order given). Returns how many. */
int rm_options_meeting(const remous_results *const *runs, int n, int *order);

/* An option's words in a sentence: "the baseline", "“two counters”" (its
 * label), in lang. Returns buf. */
const char *rm_option_words(const remous_results *res, const char *lang, char *buf, size_t len);

/* The answer in one sentence, as the terminal and the report say it:
 * "Only “two counters” meets every target.", "2 of the 3 options meet
 * every target; the cheapest is “b”." (with --prefer), "No option meets
 * every target: the closest, “a”, meets 1 of 2." Returns buf. */
const char *rm_options_answer(const remous_results *const *runs, int n, const char *lang, char *buf, size_t len);

/* "The cheapest first, in this order: booksellers — time on advising
 * readers, largest first." of the preferences of runs' scenario ("" without),
 * in lang, each in the words of the first run that measures it. Returns buf. */
const char *rm_preference_said(const remous_results *const *runs, int n, const char *lang, char *buf, size_t len);

/* The model whose words say (element, name, metric): the first of runs
 * that measures it (a queue only a variant has), else the baseline's. */
const rm_model *rm_model_measuring(const remous_results *const *runs, int n, const rm_target *t);

/* A target's words on a page: its label, else its name; a --target: its
 * metric's words ("readers walking in — mean wait"), m giving them. */
const char *rm_target_said(const rm_target *t, const rm_model *m, const char *lang, char *buf, size_t len);

/* "wanted below 5 minutes": the level in the metric's unit, in lang. */
const char *rm_target_wanted(const rm_target *t, const rm_model *m, const char *lang, char *buf, size_t len);

/* targets.csv into dir, for the runs all[0..n): one row per run and target
 * (nothing when the scenario has no target). Returns 0 or -1. */
int rm_write_targets(const remous_results *const *all, int n, const char *dir, char *err, size_t errlen);

/* Checks --prefer against the grid ("NAME:min|max,..."); 0, or -1 with one line. */
int rm_prefer_check(const remous_sweep_options *sw, char *err, size_t errlen);

/* The verdicts at one grid point, read back from its targets.csv. */
typedef struct rm_point_verdicts {
    int n;                    /* its targets, in order */
    char **names;             /* each target's name (targets.csv's `target`) */
    rm_verdict_kind *kinds;
    int all_met;              /* every one met (and there is one) */
} rm_point_verdicts;

/* The verdicts of points 0..n-1 (owners[k]: the folder holding point k;
 * ngrid: the grid's parameters) into *out[n], for the terminal and the
 * pages; free with rm_point_verdicts_free. Returns 0, or -1 with one line. */
int rm_sweep_verdicts(const char *const *owners, long n, int ngrid, rm_point_verdicts **out, char *err,
                      size_t errlen);
void rm_point_verdicts_free(rm_point_verdicts *v, long n);

/* The points that meet every target into order[], in the order of
 * --prefer (sw->prefer; grid order without), the cheapest first; returns
 * how many, or -1 with one line in err (a bad --prefer). */
long rm_sweep_order(const remous_sweep_options *sw, const rm_point_verdicts *v, long n, long *order, char *err,
                    size_t errlen);

/* A sweep's decision, once its points are done (owners[k] is the folder
 * that holds point k, each with its targets.csv): for each point the
 * targets met, not met and undecided, then the points that meet every
 * target, in the order of --prefer, the first named the cheapest; into
 * table, in sw->lang. Returns 0, or -1 with one line in err. */
int rm_sweep_decision(const char *const *owners, long n, const remous_sweep_options *sw, FILE *table,
                      char *err, size_t errlen);

/* The values of grid point k (first grid slowest), and its label
 * "name=value, name=value" (sweep.c). */
void rm_point_values(const remous_sweep_options *sw, long k, const char **values);
void rm_point_label(const remous_sweep_options *sw, long k, char *buf, size_t len);

#endif
