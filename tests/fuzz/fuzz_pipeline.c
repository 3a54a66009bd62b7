/* libFuzzer target: the whole pipeline on any text as a scenario: loaded
 * through the sandbox, the prelude and the model compiler, then one short
 * replication of the baseline and of each variant (at most three), hooks
 * and all. As in fuzz_scenario.c, the same bytes are also d.csv, for
 * empirical("d.csv", ...).
 *
 * Bounded, so that what runs too long is a hang and not a long model: the
 * fuzz build caps a replication's events (-DRM_EVENT_BUDGET, sim.c) and the
 * load's Lua instructions (-DRM_LOAD_BUDGET); hooks keep their own budget
 * and, with the load, a wall clock of 3 s ($REMOUS_HOOK_TIMEOUT,
 * $REMOUS_LOAD_TIMEOUT); libFuzzer's -timeout catches the rest. A
 * replication with hooks runs in a worker process: a sanitizer's report
 * there aborts it, and the target aborts in turn, so that libFuzzer keeps
 * the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "remous.h"
#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);
const char *__asan_default_options(void);
const char *__ubsan_default_options(void);

/* A worker's sanitizer report ends it by SIGABRT (not exit 1), which its
 * parent reports as a worker that died. */
const char *__asan_default_options(void) {
    return "abort_on_error=1";
}
const char *__ubsan_default_options(void) {
    return "abort_on_error=1:print_stacktrace=1";
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    setenv("REMOUS_LOAD_TIMEOUT", "3", 1);
    setenv("REMOUS_HOOK_TIMEOUT", "3", 1);
    return 0;
}

static void write_file(const char *path, const uint8_t *data, size_t size) {
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, size, f);
        fclose(f);
    }
}

/* A failure that is a crash in a worker, not a message for the user. */
static void crash_in_worker(const char *err) {
    if (strstr(err, "a worker process died") || strstr(err, "ended without results") ||
        strstr(err, "a worker stopped without saying why") || strstr(err, "internal error")) {
        fprintf(stderr, "fuzz_pipeline: %s\n", err);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char dir[64], path[128], csv[128];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/remous-fuzz-pipeline-%ld", (long)getpid());
        mkdir(dir, 0700);
        snprintf(path, sizeof path, "%s/s.lua", dir);
        snprintf(csv, sizeof csv, "%s/d.csv", dir);
    }
    write_file(path, data, size);
    write_file(csv, data, size);
    remous_options opt = remous_default_options();
    opt.replications = 1;
    opt.jobs = 1;
    char err[1024];
    remous_scenario *sc = remous_open(path, &opt, err, sizeof err);
    for (int v = 0; sc && v < sc->nmodels && v < 3; v++) {
        remous_results *res = NULL;
        err[0] = '\0';
        if (remous_run_variant(sc, sc->variants[v], &res, err, sizeof err) != REMOUS_OK)
            crash_in_worker(err);
        remous_results_free(res);
    }
    remous_close(sc);
    return 0;
}
