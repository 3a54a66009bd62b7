/* The workshop page's "what matters most" panel: remous sensitivity at the
 * page's point (the sliders' values held, each param with a range run at
 * its min and at its max), computed on request by the workshop's computing
 * thread like a comparison (workshop.c keeps the job: its queue, progress,
 * cancellation and cache). Here: the computation's checks and run, and the
 * panel's HTML in its states (the question, the progress, the tornadoes,
 * an error). */
#ifndef RM_WORKSHOP_SENSITIVITY_H
#define RM_WORKSHOP_SENSITIVITY_H

#include <stdio.h>

#include "sensitivity.h"

/* How the workshop loads a scenario once it serves (in a child first,
 * under the load watchdog: an edit that never ends gives its line). */
typedef remous_scenario *(*rm_ws_loader)(const char *path, const remous_options *o, char *err, size_t errlen);

/* Whether the scenario as written has a param to vary (one numeric param
 * with min < max, in its baseline or a variant): else no panel. */
int rm_ws_sensitivity_offered(const remous_scenario *plain);

/* Runs the sensitivity of `variant` at the point o (its --set values, the
 * page's), after loading with `load` every run it will make (the point,
 * and each param at each end): a load that fails gives its error, a
 * horizon above max_days gives REMOUS_ERR_INPUT with *too_long its days
 * and `at` the value that makes it ("days = 2000"; "" at the point). */
int rm_ws_sensitivity_compute(const char *path, const remous_options *o, const char *variant, double max_days,
                              rm_ws_loader load, int (*tick)(void *ctx, long done, long total), void *tick_ctx,
                              remous_sensitivity **out, double *too_long, char *at, size_t atlen, char *err,
                              size_t errlen);

/* The panel's top and its question: a link per run (the baseline and each
 * variant that compiles), each the page's address (keys and values given,
 * `sensitivity` left out, `token` kept) with sensitivity=RUN; the link of
 * `chosen` (NULL: none) marked. The panel is closed by rm_ws_sensitivity_end. */
void rm_ws_sensitivity_begin(FILE *f, const remous_scenario *plain, const char *const *keys,
                             const char *const *values, int n, const char *chosen, const char *lang);
/* The tornadoes of the headline's metrics, ranked, "not significant" said. */
void rm_ws_sensitivity_result(FILE *f, const remous_sensitivity *s, const char *lang);
/* Computing: done of total runs; the page polls /sensitivity/progress and
 * reloads when it is over, and tells /sensitivity/abandon when left. */
void rm_ws_sensitivity_progress(FILE *f, long done, long total, const char *lang);
/* Why there is no tornado (a message in the page's words, or remous's line). */
void rm_ws_sensitivity_message(FILE *f, const char *cls, const char *message);
void rm_ws_sensitivity_end(FILE *f);

#endif
