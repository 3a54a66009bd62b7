/* A loaded scenario as the engine's modules see it (the Lua state stays
 * hidden in binding.c: only it and main.c include Lua headers). */
#ifndef RM_SCENARIO_H
#define RM_SCENARIO_H

#include "remous.h"
#include "model.h"
#include "sim.h"

struct remous_scenario {
    char *path;
    rm_model **models;        /* [0] the baseline, then each variant, as declared */
    char **variants;          /* their names: "baseline", then the variants' */
    int nmodels;
    /* per variant, why it could not be compiled (only with
     * remous_options.keep_failed_variants; its model is then NULL), one
     * line in English and in French (NULL where the prelude has no French
     * for it); NULL for a variant that compiled */
    char **errors, **errors_fr;
    rm_hooks hooks;           /* bound to the Lua state */
    uint64_t seed;
    int replications;
    double period;            /* of the time series, in the scenario's unit */
    int jobs;                 /* processes for the replications */
    int show_progress;
    struct rm_progress *progress;   /* of the run or comparison under way */
    int (*tick)(void *ctx, long done, long total);   /* see rm_progress; NULL: none */
    void *tick_ctx;
    void *binding;            /* binding.c's private state */
};

#endif
