/* Which assumption matters most (remous sensitivity): every param with a
 * min and a max run at each end, the others as they are, paired
 * replication by replication (common random numbers: the same seeds at
 * both ends), and for each metric followed the params ranked by the size
 * of their effect (value at max − value at min): a tornado. With more
 * points, the response curve of the top three params of each metric.
 *
 * What the report and the workshop read once they show it: the struct
 * below, rm_sensitivity_tornado (the bars of one metric, ranked) and the
 * words of its params and bars; sensitivity_chart.h draws it. */
#ifndef RM_SENSITIVITY_H
#define RM_SENSITIVITY_H

#include <stdio.h>

#include "results.h"

/* A param varied: its name and words, its ends, the runs at its values. */
typedef struct rm_sens_param {
    char *name, *label;            /* label: "" when none */
    double min, max, step;         /* step: NaN when not given */
    int *runs, nruns;              /* indices into runs[], in increasing value */
} rm_sens_param;

/* A metric followed: "arrivals", "customers", "wait_mean"; the metrics
 * of no element of their own are arrivals "lost" (abandoned + balked) and
 * role "mission_share" (the sum of its shares of the mission's kinds). */
typedef struct rm_sens_metric {
    char *element, *name, *metric;
} rm_sens_metric;

/* One run: a param at one value; its values per replication and metric. */
typedef struct rm_sens_run {
    int param;
    double value;
    char text[48];                 /* the value as given to --set */
    double *values;                /* reps x nmetrics; NaN where none */
} rm_sens_run;

/* The figure of a run for a metric, against the same param at its min. */
typedef struct rm_sens_cell {
    double mean, half;             /* over the replications; half: of its 95% interval */
    double effect, effect_half;    /* mean paired difference with the run at min, half-width */
    int significant;               /* the effect's interval excludes 0 */
    int n;                         /* replications paired */
} rm_sens_cell;

struct remous_sensitivity {
    remous_scenario *sc;           /* the scenario as given (its labels), closed by free */
    const rm_model *model;         /* the variant's model, for words */
    char *variant;
    int reps;
    rm_sens_param *params;
    int nparams;
    char **left_out;               /* params with no min and max (or min = max), declared order */
    int nleft_out;
    rm_sens_metric *metrics;
    int nmetrics;
    rm_sens_run *runs;
    int nruns;
    int points;                    /* values per curve (2: the ends only) */
    int *order;                    /* nmetrics x nparams: per metric, the params ranked,
                                      largest |effect| first (ties: declared order) */
};

/* The options of one run: o's, with one param set to a value in place of
 * any --set of that name (its origin "sensitivity"). The struct holds the
 * --set lists that its o points into: it is not to be copied. */
#define RM_SENS_SETS 256           /* the --set values kept at the most */
typedef struct rm_sens_point {
    remous_options o;
    const char *names[RM_SENS_SETS + 1], *values[RM_SENS_SETS + 1], *origins[RM_SENS_SETS + 1];
} rm_sens_point;

/* Fills *pt from opt with `name` = `value`; returns &pt->o. */
const remous_options *rm_sensitivity_point(rm_sens_point *pt, const remous_options *opt, const char *name,
                                           const char *value);

/* The bar of param p for metric k: the run at max against the run at min. */
void rm_sensitivity_effect(const remous_sensitivity *s, int k, int p, rm_sens_cell *cell);

/* The figure of run r for metric k, against its param's run at min. */
void rm_sensitivity_cell(const remous_sensitivity *s, int k, int r, rm_sens_cell *cell);

/* The tornado of metric k: the params ranked (order[0] the largest
 * effect), into bars[0..nparams) with their cells; returns nparams. */
int rm_sensitivity_tornado(const remous_sensitivity *s, int k, int *order, rm_sens_cell *bars);

/* Whether the response curve of metric k shows param p (one of its top
 * three when points > 2). */
int rm_sensitivity_curved(const remous_sensitivity *s, int k, int p);

/* What metric x of s is, in words (its element's label and the metric's),
 * in lang, into buf; returns buf. */
const char *rm_sensitivity_metric_title(const remous_sensitivity *s, const rm_sens_metric *x, const char *lang,
                                        char *buf, size_t len);

/* A figure said aloud (rm_say_number) with its sign when above 0, into
 * buf; returns buf. */
const char *rm_sensitivity_signed(double v, const char *lang, char *buf, size_t len);

/* A param's words and range, "mean service time (0.5 → 0.8)", in lang,
 * into buf; returns buf. */
const char *rm_sensitivity_param_words(const remous_sensitivity *s, int p, const char *lang, char *buf, size_t len);

/* A bar's figure: the effect and its 95% interval, "+2.2 (95%: +1.4 to
 * +3.1)", "not significant" said where it is, in lang, into buf; returns buf. */
const char *rm_sensitivity_effect_words(const rm_sens_cell *c, const char *lang, char *buf, size_t len);

/* The sentence naming the params left out (s->nleft_out > 0), in lang,
 * into buf; returns buf. */
const char *rm_sensitivity_left_out_words(const remous_sensitivity *s, const char *lang, char *buf, size_t len);

#endif
