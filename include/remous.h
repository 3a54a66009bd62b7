/* remous: a change-impact simulator for small organizations.
 *
 * The engine as a library (libremous.a). A C program loads a scenario (a
 * Lua 5.4 file in the scenario language), runs its replications and writes
 * or reads the results:
 *
 *     char err[512];
 *     remous_options opt = remous_default_options();
 *     remous_scenario *sc = remous_open("bookstore.lua", &opt, err, sizeof err);
 *     if (!sc) { fprintf(stderr, "remous: %s\n", err); exit(2); }
 *     remous_results *res;
 *     if (remous_run(sc, &res, err, sizeof err) != REMOUS_OK) ...
 *     remous_write_csv(res, "out", err, sizeof err);
 *     remous_results_free(res);
 *     remous_close(sc);
 *
 * Errors are returned as a status plus one line in the caller's buffer,
 * "FILE:LINE: message" where a line is known. Nothing here exits. */
#ifndef REMOUS_H
#define REMOUS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define REMOUS_VERSION "0.1.0"

/* Statuses, also the command line's exit codes. */
enum {
    REMOUS_OK = 0,
    REMOUS_ERR_RUN = 1,       /* a run failed (a hook's error, out of memory, a write error) */
    REMOUS_ERR_INPUT = 2      /* the scenario, a data file or an option is wrong */
};

typedef struct remous_options {
    uint64_t seed;                    /* the run's seed (default 1) */
    int replications;                 /* 0: the scenario's own number */
    int unsafe;                       /* 1: lift the sandbox (trusted scenarios only) */
    int jobs;                         /* processes for the replications (default 1) */
    int progress;                     /* 1: a progress bar on stderr */
    const char *period;               /* time-series period: "1w", "8h", "30min", "1d", or
                                         a number in the scenario's unit; NULL: a week
                                         (a day when the horizon is under two weeks) */
    int nsets;                        /* --set NAME=VALUE pairs */
    const char *const *set_names;
    const char *const *set_values;
    const char *const *set_origins;   /* per pair, where its value came from, as messages
                                         say it: "--set", "--grid" or "page" (the workshop's
                                         controls); NULL: "--set" for all */
    int keep_failed_variants;         /* 1: a variant that fails to compile (an error in its
                                         tools' apply, its own apply or its declarations)
                                         does not fail remous_open: running it returns
                                         REMOUS_ERR_INPUT with its message, and
                                         remous_compare leaves it out (the workshop shows
                                         it apart). A baseline error still fails the open. */
    const char *min_change;           /* --min-change: what the digest lists, e.g. "10%" or
                                         "10%,time=2,share=2,count=5,people=1"; NULL: 5%, half
                                         a minute, 1 point, 1 a week, half a person */
    const char *const *targets;       /* --target specs, "ELEMENT:NAME:METRIC<V" (or <=, >, >=;
                                         a declared metric's name alone for metric:NAME:value),
                                         judged with the scenario's own targets */
    int ntargets;
    const char *lang;                 /* --lang: the language of the messages of the load (its
                                         errors), of the warnings and of the terminal's lines;
                                         NULL: English */
    const char *prefer;               /* compare's --prefer, "METRIC:min|max,...": metrics (as
                                         --target names them) ordering the options that meet
                                         every target, the first the cheapest; NULL: the
                                         declared order (a sweep's --prefer is in
                                         remous_sweep_options) */
} remous_options;

remous_options remous_default_options(void);

/* The CPUs this process may use: its affinity (taskset, a cpuset, a Slurm
 * allocation), and at most $SLURM_CPUS_PER_TASK when set; at least 1. The
 * command line's default --jobs. */
int remous_available_cpus(void);

/* With on, every later load (remous_open) and batch script of this process
 * is also bounded inside one call of Lua's library, which the instruction
 * budget cannot see: a SIGALRM watchdog ends the process with one line and
 * REMOUS_ERR_INPUT after $REMOUS_LOAD_TIMEOUT + 1 seconds. For a command
 * line program; remous_workshop turns it off once its server has started
 * (its first load is still watched). */
void remous_watch_loads(int on);

/* A loaded scenario: its Lua state and its compiled model. */
typedef struct remous_scenario remous_scenario;

/* Loads and checks the scenario at path. Returns NULL with a message in err
 * (status REMOUS_ERR_INPUT) when it is malformed. */
remous_scenario *remous_open(const char *path, const remous_options *opt, char *err, size_t errlen);
void remous_close(remous_scenario *sc);

/* The results of all replications of one scenario. */
typedef struct remous_results remous_results;

/* Runs every replication of the baseline. Returns REMOUS_OK and sets *out,
 * or REMOUS_ERR_RUN with a message in err. */
int remous_run(remous_scenario *sc, remous_results **out, char *err, size_t errlen);
/* The same for a variant ("baseline" is the file itself); an unknown name
 * is REMOUS_ERR_INPUT. */
int remous_run_variant(remous_scenario *sc, const char *variant, remous_results **out,
                       char *err, size_t errlen);
void remous_results_free(remous_results *res);

/* One row of summary.csv. */
typedef struct remous_summary_row {
    const char *variant, *element, *name, *metric;
    double mean, ci95_low, ci95_high, stdev;   /* NaN where undefined (n < 2 for intervals) */
    int n;                                     /* replications with a value */
} remous_summary_row;

int remous_results_rows(const remous_results *res);
/* Row i (0 <= i < remous_results_rows); returns 0, or -1 when out of range. */
int remous_results_row(const remous_results *res, int i, remous_summary_row *row);
/* The summary row of (element, name, metric); -1 when there is none. */
int remous_results_find(const remous_results *res, const char *element, const char *name,
                        const char *metric, remous_summary_row *row);

/* Writes summary.csv, replications.csv, timeseries.csv and params.csv into
 * dir (created if missing), as one set: written into a fresh folder next to
 * dir that then takes its place, so an interrupted write leaves the old set
 * or the new one (README, "CSV files"). */
int remous_write_csv(const remous_results *res, const char *dir, char *err, size_t errlen);

/* Every variant against the baseline, with the same seeds replication by
 * replication (common random numbers): differences paired, with 95%
 * intervals (paired t). */
typedef struct remous_comparison remous_comparison;

int remous_compare(remous_scenario *sc, remous_comparison **out, char *err, size_t errlen);
void remous_comparison_free(remous_comparison *cmp);

/* One row of compare.csv. */
typedef struct remous_delta_row {
    const char *variant, *element, *name, *metric;
    double baseline_mean, variant_mean, delta, ci95_low, ci95_high;
    double relative_change;        /* delta / baseline_mean; NaN when that is 0 */
    int significant;               /* the interval excludes 0 (no correction) */
    double p, p_holm;              /* the paired t test's p-value, and after Holm's correction
                                      over the variant's metrics; NaN: no test (equal sides) */
    int listed;                    /* the digest says it: significant after the correction
                                      and at least --min-change */
} remous_delta_row;

/* The row of (variant, element, name, metric); -1 when there is none. */
int remous_comparison_find(const remous_comparison *cmp, const char *variant, const char *element,
                           const char *name, const char *metric, remous_delta_row *row);

/* Writes summary.csv, replications.csv, timeseries.csv, params.csv (every
 * variant) and compare.csv into dir, as one set (see remous_write_csv). */
int remous_write_comparison(const remous_comparison *cmp, const char *dir, char *err, size_t errlen);

/* The headline of each variant: at most five sentences, one per concern
 * (the people who come, the people who work, the mission, new work,
 * dependence on one person), lang "en" or "fr"; printed before the digest. */
void remous_print_headline(const remous_comparison *cmp, FILE *out, const char *lang);

/* The side-effect digest: every change that is significant after Holm's
 * correction over the variant's metrics and at least as large as
 * remous_options.min_change, largest relative change first, in plain
 * words, lang "en" or "fr". */
void remous_print_digest(const remous_comparison *cmp, FILE *out, const char *lang);

/* Slips the numbers show in the model itself (items left waiting when a
 * line closes, a tool step never reached, a role never busy, a step that
 * takes no time but needs a person), one line each:
 * "remous: warning: FILE: ...". Nothing when there is none. */
void remous_print_warnings(const remous_comparison *cmp, FILE *out);
void remous_print_run_warnings(const remous_results *res, FILE *out);

/* What `remous check` does once the scenario is open: one replication of
 * the baseline and of each variant, and their warnings into out. Returns
 * REMOUS_OK, or the run's error (with its message in err). */
int remous_check(remous_scenario *sc, FILE *out, char *err, size_t errlen);

/* The event log of replication 1 of a variant ("baseline" for the file
 * itself) into path: one row per step completed, with columns
 * case_id,activity,resource,start,end,arrivals and one per item attribute;
 * start and end as ISO 8601 times from Monday 2024-01-01 00:00 at the
 * scenario's start (importable as-is by process-mining tools). */
int remous_trace(remous_scenario *sc, const char *variant, const char *path, char *err, size_t errlen);

/* The HTML report (one self-contained page) of a comparison, or of a single
 * run, in lang "en" or "fr"; written through a temporary file. */
int remous_write_html(const remous_comparison *cmp, const char *path, const char *lang, char *err, size_t errlen);
int remous_write_html_run(const remous_results *res, const char *path, const char *lang, char *err, size_t errlen);

/* A sweep: the scenario run at every point of a grid of param() values
 * (the first grid varying slowest), each point with its replications. */
typedef struct remous_grid {
    const char *name;
    int nvalues;
    const char *const *values;
} remous_grid;

typedef struct remous_sweep_options {
    const remous_grid *grid;
    int ngrid;
    const char *variant;      /* NULL: the baseline */
    int shard, nshards;       /* run shard `shard` (1..nshards) only; nshards <= 1: all */
    int resume;               /* skip the points an earlier run finished */
    const char *rank;         /* "element:name:metric[:min|max]": print the points ranked, or NULL */
    const char *html;         /* with rank: a page drawing that metric across the grid, or NULL */
    const char *lang;         /* the page's language, "en" or "fr"; NULL: en */
    const char *prefer;       /* "NAME:min|max,...": grid parameters ordering the points that meet
                                 every target, the first the cheapest; NULL: grid order */
    const char *const *ranks; /* every --rank, in order (ranks[0] is rank); NULL: rank alone */
    int nranks;
} remous_sweep_options;

/* Runs the sweep into out_dir: per point OUT/points/K/, then (unless
 * sharded) summary.csv, replications.csv, timeseries.csv, params.csv with
 * one column per grid parameter; the ranking goes to `table` (NULL: none). */
int remous_sweep(const char *path, const remous_options *opt, const remous_sweep_options *sw,
                 const char *out_dir, FILE *table, char *err, size_t errlen);

/* Gathers the shards' folders into out: checks every point is there exactly
 * once and writes what one machine would have written; with rank, prints
 * the ranking to `table` (NULL: none) and, with html, draws the page in
 * lang (NULL: en), as remous_sweep does. html without rank is refused. */
int remous_merge(const char *const *dirs, int ndirs, const char *out, const char *rank, const char *html,
                 const char *lang, FILE *table, char *err, size_t errlen);

/* The same with several --rank (ranks[0..nranks)): with two or more, the
 * Pareto front is listed and drawn. */
int remous_merge_ranked(const char *const *dirs, int ndirs, const char *out, const char *const *ranks, int nranks,
                        const char *html, const char *lang, FILE *table, char *err, size_t errlen);

/* Runs a batch script: Lua (the scenario sandbox) with run(), compare()
 * and sweep() returning their results as tables, arg() reading opt's
 * --set values (one the script never asks for is an error), stats helpers,
 * and write_csv() writing into out (NULL: refused). opt's replications and
 * seed are the defaults of its runs. */
int remous_batch(const char *script, const remous_options *opt, const char *out, char *err, size_t errlen);

/* Serves the workshop page for the scenario on listen:port (port 0: any
 * free one) until SIGINT or SIGTERM; prints the address (and, beyond
 * loopback, the token every request needs) to `out`. */
int remous_workshop(const char *path, const remous_options *opt, const char *listen, int port, FILE *out,
                    char *err, size_t errlen);

/* The targets (the scenario's and --target), each judged on the 95%
 * interval of its metric: met (the whole interval on the right side), not
 * met (the whole interval on the wrong side), undecided; for each run, then
 * the order of compare's --prefer and the answer in one sentence (the
 * report's and the workshop page's), in lang. Nothing when there is none. */
void remous_print_targets(const remous_comparison *cmp, FILE *out, const char *lang);
void remous_print_run_targets(const remous_results *res, FILE *out, const char *lang);

/* Dependence on one person (remous fragility): for every person, and every
 * role of two people as a whole, a knock-out run (them away for `away`
 * from `at`) paired with the same run without the absence, replication by
 * replication; ranked worst first. */
typedef struct remous_fragility remous_fragility;

typedef struct remous_fragility_options {
    const char *variant;      /* NULL: the baseline */
    const char *away;         /* how long: "2w", "10d", "36h", or a number in the scenario's unit; NULL: 2w */
    const char *at;           /* when, from the start: "3w" ...; "worst": each week of the measured
                                 period, the worst kept per knock-out; NULL: the end of the warm-up */
    FILE *log;                /* its size before it starts ("12 knock-outs × 40 replications: 520 runs")
                                 and, without the progress bar, a progress line now and then; NULL: none */
} remous_fragility_options;

/* Runs the knock-outs (on sc's --jobs). REMOUS_ERR_INPUT for a bad option
 * or variant (one line in err), REMOUS_ERR_RUN when a run fails. */
int remous_fragility_run(remous_scenario *sc, const remous_fragility_options *o, remous_fragility **out,
                     char *err, size_t errlen);
/* fragility.csv into dir (created if missing), through a temporary file. */
int remous_write_fragility(const remous_fragility *f, const char *dir, char *err, size_t errlen);
/* The knock-outs ranked, in plain words, and who can do each step. */
void remous_print_fragility(const remous_fragility *f, FILE *out, const char *lang);
void remous_fragility_free(remous_fragility *f);

/* Which assumption matters most (remous sensitivity): every param with a
 * min and a max (others left out and named), run at its min and at its max
 * with the others as they are, the two runs paired replication by
 * replication (the same seeds); for each metric followed, the params ranked
 * by the size of their effect (value at max - value at min, with its paired
 * 95% interval): a tornado. With points > 2, also that many evenly spaced
 * values (whole steps from min when the param has a step) for the top three
 * params of each metric: the response curve. The runs reload the scenario
 * at path with opt (as a sweep loads each point), each on opt's --jobs. */
typedef struct remous_sensitivity remous_sensitivity;

typedef struct remous_sensitivity_options {
    const char *variant;              /* NULL: the baseline */
    const char *const *metrics;       /* "ELEMENT:NAME:METRIC" (also arrivals:NAME:lost, abandoned +
                                         balked, and role:NAME:mission_share); none: each stream's
                                         wait (in person when it has one) and lost, each role's
                                         utilization and mission_share */
    int nmetrics;
    int points;                       /* values per response curve; 0 or 2: the ends only */
    int (*tick)(void *ctx, long done, long total);   /* progress; nonzero cancels; NULL: none */
    void *tick_ctx;
} remous_sensitivity_options;

/* REMOUS_ERR_INPUT for a bad option, variant, metric or a scenario with no
 * param to vary (one line in err), REMOUS_ERR_RUN when a run fails. */
int remous_sensitivity_run(const char *path, const remous_options *opt, const remous_sensitivity_options *o,
                           remous_sensitivity **out, char *err, size_t errlen);
/* sensitivity.csv into dir (created if missing), through a temporary file. */
int remous_write_sensitivity(const remous_sensitivity *s, const char *dir, char *err, size_t errlen);
/* Per metric, the tornado as text bars, "not significant" said; lang "en" or "fr". */
void remous_print_sensitivity(const remous_sensitivity *s, FILE *out, const char *lang);
void remous_sensitivity_free(remous_sensitivity *s);

/* The report of a comparison with the knock-outs of every run (its
 * baseline and each variant, o->variant ignored), side by side
 * (compare --fragility); errors as remous_fragility_run's. The comparison
 * keeps them (remous_comparison_free frees them). */
int remous_compare_fragility(remous_comparison *cmp, remous_scenario *sc, const remous_fragility_options *o,
                             char *err, size_t errlen);
/* The same with the tornado of every run (compare --sensitivity), the
 * scenario reloaded from path with opt; errors as remous_sensitivity_run's. */
int remous_compare_sensitivity(remous_comparison *cmp, const char *path, const remous_options *opt,
                               const remous_sensitivity_options *o, char *err, size_t errlen);

/* A readable table of the main figures, for a terminal. */
void remous_print_table(const remous_results *res, FILE *out, const char *lang);

#endif
