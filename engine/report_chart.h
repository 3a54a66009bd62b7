/* The pieces of the report's charts (report.c) that other charts share
 * (cost_chart.c, sensitivity_chart.c): the runs' colours, the round top of
 * an axis, text wrapped at its spaces in SVG, the kinds in the time
 * chart's order; so that every chart of the page reads alike. */
#ifndef RM_REPORT_CHART_H
#define RM_REPORT_CHART_H

#include <stddef.h>
#include <stdio.h>

#include "results.h"

/* The colour of run v (0: the baseline), Okabe and Ito's palette: told
 * apart by most colour-blind readers; the same run, the same colour on
 * every chart of a page. */
const char *rm_run_colour(int v);

/* The smallest of 1, 2, 2.5, 5 times a power of ten that is at least v
 * (v > 0): the top of an axis, so that its numbers are round. */
double rm_round_top(double v);

/* How many lines of at most `width` characters s takes when wrapped at its
 * spaces (a word longer than a line has a line of its own). */
int rm_wrapped_lines(const char *s, size_t width);

/* s as SVG text at (x, y) into f, font-size `size` (bold when asked),
 * wrapped as rm_wrapped_lines counts, lines `step` apart: never cut. */
void rm_svg_wrapped(FILE *f, int x, int y, int size, int step, const char *s, size_t width, int bold);

/* The kinds of all runs in the order of the time chart (a group's kinds
 * side by side), at most min(cap, 64); returns how many. rm_run_colour(k)
 * is the k-th one's colour, as on the time chart. */
int rm_chart_kinds(const rm_comparison *cmp, const char **kinds, int cap);

/* A kind's words: the first label a run gives it. */
const char *rm_chart_kind_words(const rm_comparison *cmp, const char *kind, const char *lang, char *buf, size_t len);

#endif
