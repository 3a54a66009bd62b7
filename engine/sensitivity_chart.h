/* The tornado chart of remous sensitivity, one drawing for every page
 * that shows it: the report of compare --sensitivity (a bar per run under
 * each param: the baseline and each variant) and the workshop's "what
 * matters most" panel (one run). */
#ifndef RM_SENSITIVITY_CHART_H
#define RM_SENSITIVITY_CHART_H

#include <stdio.h>

#include "sensitivity.h"

/* The tornado of metric x into f, in lang: its title (an h3), then an SVG
 * chart (class "chart chart-tornado"). The params in the order of their
 * effect in the first of runs[0..n) that follows x; under each, a bar per
 * run in the run's colour (report_chart.h), from 0 to the effect, with its
 * 95% interval and the figure on the right; a bar whose effect is not
 * significant says so, pale in its run's colour (grey with one run). With more than one run, each param's
 * words head its bars, which carry the run's name; with one, the param's
 * words are beside its bar, wrapped. A run that does not follow x, or has
 * not the param, says so in place of its bar. The axis: ± a round top. */
void rm_sensitivity_chart(FILE *f, const remous_sensitivity *const *runs, int n, const rm_sens_metric *x,
                          const char *lang);

#endif
