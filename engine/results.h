/* The results of a scenario's replications, shared by the runner and the
 * writers (CSV, terminal table). */
#ifndef RM_RESULTS_H
#define RM_RESULTS_H

#include <sys/types.h>

#include "metrics.h"
#include "scenario.h"

struct remous_results {
    const remous_scenario *sc;     /* must stay open while the results are used */
    const rm_model *model;         /* the baseline's or a variant's */
    const char *variant;           /* "baseline" or the variant's name */
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
    /* a sweep's grid point: columns written before `metric` (before `name`
     * in params.csv) */
    int ngrid;
    const char *const *grid_names, *const *grid_values;
};

/* One row of compare.csv: a metric of a variant against the baseline's,
 * paired replication by replication. */
typedef struct rm_delta {
    const char *variant, *element, *name, *metric;
    double baseline_mean, variant_mean;
    double delta, half;            /* mean paired difference, half-width of its 95% interval */
    double relative;               /* delta / baseline_mean; NaN when that is 0 */
    int significant;               /* the interval excludes 0 (raw, uncorrected) */
    int n;                         /* replications paired */
    double p;                      /* two-sided paired t p-value; 0 for a change that is the
                                      same in every replication, NaN when the two sides are
                                      equal in every one (no test) */
    double p_holm;                 /* p after Holm's correction over the variant's rows */
    int listed;                    /* the digest says it (rm_digest_mark) */
    int ib, iv;                    /* the metric's index in the baseline's and the variant's
                                      catalog; -1: 0 there (a share of a missing kind) */
} rm_delta;

struct remous_comparison {
    const remous_scenario *sc;
    remous_results **results;      /* [0] the baseline, then each variant */
    int n;
    rm_delta *rows;
    int nrows;
    /* the variants left out because they did not compile (with
     * keep_failed_variants): their indices in sc->variants and sc->errors */
    int *failed;
    int nfailed;
    /* asked for the report (compare --fragility, --sensitivity): per run,
     * as results[], its knock-outs and its tornado; NULL: not asked */
    remous_fragility **fragility;
    remous_sensitivity **sensitivity;
};
typedef struct remous_comparison rm_comparison;

/* Sets `listed` on the rows of variant v (1 <= v < cmp->n): the rows its
 * digest states, under thresholds t (digest.c). */
void rm_digest_mark(rm_comparison *cmp, int v, const rm_thresholds *t);

/* The four CSV files of several runs, and compare.csv when cmp is not
 * NULL, put into dir as one set (outset.h): an interrupted write leaves the
 * old set or the new one (output.c). */
int rm_write_results(const remous_results *const *all, int n, const rm_comparison *cmp, const char *dir,
                     char *err, size_t errlen);

/* The digest of variant v (1 <= v < cmp->n): its lines, largest change
 * first, in lang ("en" or "fr"); returns how many (the caller frees each
 * line and the array), -1 when out of memory (digest.c). */
int rm_digest(const rm_comparison *cmp, int v, const char *lang, char ***lines);

/* The sentence that says what the digest lists (the correction, the
 * thresholds) in lang; returns buf (digest.c). */
const char *rm_digest_rule(const rm_comparison *cmp, const char *lang, char *buf, size_t len);

/* The warnings of every run of cmp, in lang, naming elements by their
 * labels when `labelled` (a report), else by their names (the terminal);
 * returns how many (the caller frees each line and the array), -1 when out
 * of memory (warnings.c). */
int rm_warnings(const rm_comparison *cmp, const char *lang, int labelled, char ***lines);

/* The report page into f, with `controls` (HTML) under its title, or NULL
 * (report.c). */
void rm_html_page(FILE *f, const rm_comparison *cmp, const char *lang, const char *controls);

/* Text escaped for HTML, in element content or a quoted attribute (report.c). */
void rm_html_escape(FILE *f, const char *s);

/* A param's value as lang writes it (a number with its decimal comma in
 * French) into buf, for people to read; the value itself stays as given
 * in the addresses and files (report.c). */
const char *rm_param_value_in(const rm_param *p, const char *lang, char *buf, size_t len);

/* Text in an SVG chart's margin (inside <text>), escaped: at most max
 * characters (max >= 2), cut with "…" and the whole text in a tooltip, so
 * that a long label never runs into the bars (report.c). */
void rm_svg_text(FILE *f, const char *s, size_t max);

/* What people read for a metric of element `name`: the digest's words
 * ("mean wait", "time on advising readers" with the kind's label in m; a
 * queue's in the words of what waits there, rm_queue.holds), else the
 * metric's name; lang "en" or "fr". Returns buf (digest.c). */
const char *rm_metric_words(const rm_model *m, const char *element, const char *name, const char *metric,
                            const char *lang, char *buf, size_t len);

/* A figure v of (element, metric) as people read it: "46%", "4.9 minutes",
 * "120 a week"; m NULL (no scenario): shares in percent, the rest plain.
 * metric is the declared metric's name for element "metric". Returns buf
 * (digest.c). */
const char *rm_metric_said(const rm_model *m, const char *element, const char *metric, double v, const char *lang,
                           char *buf, size_t len);

/* The HTML report of a comparison (report.c). */
int rm_write_html(const rm_comparison *cmp, const char *path, const char *lang, char *err, size_t errlen);

/* The progress bar on stderr (parallel.c). */
typedef struct rm_progress {
    int enabled;
    int procs;                /* the processes running them, shown when > 0 */
    long total, done;
    double start, shown;
    /* Told how far the runs are (the workshop's progress); returns nonzero
     * to cancel them. NULL: none. */
    int (*tick)(void *ctx, long done, long total);
    void *tick_ctx;
    /* Without the bar (stderr is not a terminal): a line "WHAT: 120/800
     * runs done, 2:30 left" into log every `every` seconds; NULL: none. */
    FILE *log;
    const char *what;
    int every;
} rm_progress;

/* Starts counting; the tick comes from the scenario (NULL: none). */
void rm_progress_start(rm_progress *p, int enabled, long total);
/* Where the bar is off, lines into log instead (rm_progress.log), every
 * $REMOUS_PROGRESS_SECONDS (default 10); log NULL: none. */
void rm_progress_lines(rm_progress *p, FILE *log, const char *what);
/* Redraws the bar, tells the tick; returns -1 when the tick cancels. */
int rm_progress_show(rm_progress *p, long done, int last);

/* The replications of one model to run (parallel.c). */
typedef struct rm_reps_job {
    const rm_model *model;
    const rm_hooks *hooks;
    uint64_t seed;
    int reps, jobs;
    double period;
    int n, tn, nperiods;      /* summary metrics, time-series metrics, periods */
    /* NULL: each unit is replication r + 1 of the model. Else unit r (0 <=
     * r < reps) is what this fills: values[n] (nperiods = 0), on a simulator
     * of the model; returns 0, or -1 with the message in rm_sim_error(sim)
     * or in the sim's stead in err_of(ctx) (fragility.c) */
    int (*unit)(void *ctx, rm_sim *sim, int r, double *values);
    void *unit_ctx;
    const char *(*unit_error)(void *ctx, rm_sim *sim);
} rm_reps_job;

/* Arms (on) or disarms the watchdog of one hook call in this process: a
 * hook call running longer than $REMOUS_HOOK_TIMEOUT seconds ends it with
 * one line on stderr naming the hook, and exit code 1, after removing the
 * file `remove` (NULL: none). rm_run_reps arms it in its workers. */
void rm_hook_watchdog(int on, const char *remove);

/* fork() for a worker process: the child is bound to the life of the
 * parent (on Linux, killed by SIGKILL when the parent dies, and it ends at
 * once should the parent have died before the binding), so that no worker
 * outlives a remous killed with SIGKILL. Returns as fork() does. */
pid_t rm_fork_worker(void);

/* Runs replications 1..reps on job->jobs processes; fills values[reps * n]
 * and pvalues[reps * nperiods * tn] in replication order. Returns 0, or -1
 * with the message of the lowest replication that failed in err (whatever
 * --jobs, and whichever failed first in time). */
int rm_run_reps(const rm_reps_job *job, double *values, double *pvalues, rm_progress *progress,
                char *err, size_t errlen);
/* rm_run_reps for several jobs on one pool of job[0].jobs processes (a
 * comparison's baseline and variants): job k's arrays are values[k] and
 * pvalues[k]; the figures are the same as job by job. On a failure, the
 * message of the lowest failing replication of the first job that fails. */
int rm_run_reps_all(const rm_reps_job *job, int njobs, double *const *values, double *const *pvalues,
                    rm_progress *progress, char *err, size_t errlen);

/* Unit i of a piece of work spread by rm_spread: it runs with `jobs`
 * processes for its replications, puts its `width` figures in `into` (NULL
 * when width is 0), and returns REMOUS_OK, or a REMOUS_ERR_* with its
 * message in err. */
typedef int (*rm_spread_unit)(void *ctx, long i, int jobs, double *into, rm_progress *progress, char *err,
                              size_t errlen);

/* Runs units 0..n (sweep's points, sensitivity's runs) of `reps`
 * replications each: one after the other, each on `jobs` processes, when
 * there are fewer than 4 units a process and each has a replication for
 * every process; otherwise the units themselves spread over `jobs` forked
 * workers (each takes the next unit not taken), each unit on one process,
 * its figures coming back through shared memory into into[i]. The figures
 * are the same either way. A failing unit stops the units after it; returns
 * REMOUS_OK or the status of the lowest unit that failed, its message in
 * err (the same whatever jobs). */
int rm_spread(long n, int jobs, int reps, size_t width, double *const *into, rm_spread_unit unit, void *ctx,
              rm_progress *progress, char *err, size_t errlen);

/* The mean of w and the half-width of its 95% interval (Student's t);
 * NaN when there are not two values. */
void rm_interval(const rm_welford *w, double *mean, double *half, double *sd);

#endif
