/* A loaded scenario as the engine's modules see it (the Lua state stays
 * hidden in binding.c: only it and main.c include Lua headers). */
#ifndef RM_SCENARIO_H
#define RM_SCENARIO_H

#include "remous.h"
#include "inputs.h"
#include "model.h"
#include "sim.h"

/* What a change must reach to be listed, besides being significant after
 * Holm's correction: a relative size (of the baseline's mean) and an
 * absolute floor per kind of figure. */
typedef struct rm_thresholds {
    double relative;               /* 0.05: 5% */
    double minutes;                /* times (waits, durations; overtime per week): 0.5 */
    double points;                 /* shares, in percentage points: 1 */
    double per_week;               /* counts, per week: 1 */
    double people;                 /* people waiting on average: 0.5 */
} rm_thresholds;

/* The default thresholds. */
rm_thresholds rm_default_thresholds(void);

/* Parses --min-change: a comma-separated list of "N%" (the relative
 * size), "time=MINUTES" (also "30s", "2min", "1h"), "share=POINTS",
 * "count=PER_WEEK", "people=N", or "0" (every change the correction keeps);
 * what it does not name keeps its default. NULL or "": the defaults.
 * Returns 0, or -1 with one line in err (compare.c). */
int rm_parse_thresholds(const char *spec, rm_thresholds *t, char *err, size_t errlen);

/* The index of `variant` ("baseline": 0) among sc's models, or -1 with the
 * line to show: no such variant (the list of those there are), or the
 * error that kept it from compiling. */
int rm_variant_index(const remous_scenario *sc, const char *variant, char *err, size_t errlen);

/* Runs models v[0..n) of sc (their replications on one pool of --jobs
 * processes) into out[0..n). Returns REMOUS_OK, or REMOUS_ERR_RUN with the
 * message of the first that fails, and every out[i] NULL (runner.c). */
int rm_run_models(remous_scenario *sc, const int *v, int n, remous_results **out, char *err, size_t errlen);

/* A length as the command line writes it ("2w", "10d", "36h", "30min",
 * "90s", or a bare number in the scenario's unit) into *out, in the unit
 * of unit_seconds; it must be > 0. Returns 0, or -1 (binding.c). */
int rm_parse_length(const char *text, double unit_seconds, double *out);

/* Why variant v did not compile, in language lang when the load said it
 * in that language too, else in the load's own (sc->errors[v]); NULL for a
 * variant that compiled. */
const char *rm_variant_error(const struct remous_scenario *sc, int v, const char *lang);

struct remous_scenario {
    char *path;
    rm_model **models;        /* [0] the baseline, then each variant, as declared */
    char **variants;          /* their names: "baseline", then the variants' */
    uint64_t *signatures;     /* per model, its compiled table's signature (0: unknown) */
    int nmodels;
    /* per variant, why it could not be compiled (only with
     * remous_options.keep_failed_variants; its model is then NULL), one
     * line in the load's language, and in every language the prelude
     * said it in (see rm_variant_error); NULL for a variant that compiled */
    char **errors, **errors_in;   /* errors_in[v * rm_lang_count() + i]: in rm_lang_code(i) */
    const char *lang;         /* the language of its messages (remous_options.lang): a code */
    rm_hooks hooks;           /* bound to the Lua state */
    uint64_t seed;
    int replications;
    double period;            /* of the time series, in the scenario's unit */
    int jobs;                 /* processes for the replications */
    int show_progress;
    rm_thresholds min_change; /* --min-change: what the digest lists */
    struct rm_progress *progress;   /* of the run or comparison under way */
    int (*tick)(void *ctx, long done, long total);   /* see rm_progress; NULL: none */
    void *tick_ctx;
    rm_inputs inputs;         /* the files it read as it loaded, besides itself */
    void *binding;            /* binding.c's private state */
    struct rm_target *targets;   /* the declared targets, then --target's (targets.h) */
    int ntargets;
    struct rm_preference *prefers;   /* compare's --prefer, in order (targets.h) */
    int nprefers;
};

#endif
