/* Shared helpers of the cmocka tests. */
#ifndef RM_TESTING_H
#define RM_TESTING_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "remous.h"

/* |a - b| <= tol, with both values in the failure message. */
#define assert_near(a, b, tol)                                                         \
    do {                                                                               \
        double a_ = (a), b_ = (b), t_ = (tol);                                         \
        if (!(fabs(a_ - b_) <= t_))                                                    \
            fail_msg("%s = %.6g, expected %.6g ± %.3g", #a, a_, b_, t_);               \
    } while (0)

/* Writes text to a fresh file in a temporary folder; returns its path
 * (static storage, valid until the next call). */
static inline const char *scenario_file(const char *name, const char *text) {
    static char dir[64], path[256];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/remous-test-XXXXXX");
        if (!mkdtemp(dir))
            fail_msg("mkdtemp failed");
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Opens a scenario given as text; fails the test if it does not load. */
static inline remous_scenario *open_text(const char *text, const remous_options *opt) {
    remous_options def = remous_default_options();
    char err[1024];
    remous_scenario *sc = remous_open(scenario_file("scenario.lua", text), opt ? opt : &def, err, sizeof err);
    if (!sc)
        fail_msg("scenario did not load: %s", err);
    return sc;
}

/* Runs a scenario; fails the test if the run fails. */
static inline remous_results *run_ok(remous_scenario *sc) {
    char err[1024];
    remous_results *res = NULL;
    if (remous_run(sc, &res, err, sizeof err) != REMOUS_OK)
        fail_msg("run failed: %s", err);
    return res;
}

/* The summary row of a metric; fails the test if it is missing. */
static inline remous_summary_row metric(const remous_results *res, const char *element,
                                        const char *name, const char *m) {
    remous_summary_row row;
    if (remous_results_find(res, element, name, m, &row) < 0)
        fail_msg("no metric %s %s %s", element, name, m);
    return row;
}

/* The error a scenario text gives when loaded (empty if it loads). */
static inline const char *load_error(const char *text, const remous_options *opt) {
    static char err[1024];
    remous_options def = remous_default_options();
    err[0] = '\0';
    remous_scenario *sc = remous_open(scenario_file("bad.lua", text), opt ? opt : &def, err, sizeof err);
    if (sc) {
        remous_close(sc);
        err[0] = '\0';
    }
    return err;
}

/* The error message without its "/tmp/remous-test-XXXXXX/" folder. */
static inline const char *short_error(const char *err) {
    const char *s = strstr(err, "/tmp/remous-test-");
    if (!s)
        return err;
    const char *slash = strchr(s + 17, '/');
    return slash ? slash + 1 : err;
}

#define assert_load_error(text, expected)                                              \
    do {                                                                               \
        const char *e_ = short_error(load_error(text, NULL));                          \
        if (strcmp(e_, expected) != 0)                                                 \
            fail_msg("error was:\n  %s\nexpected:\n  %s", e_, expected);               \
    } while (0)

#endif
