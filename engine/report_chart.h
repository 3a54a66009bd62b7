/* The report's chart helpers (report.c) for the charts drawn in files of
 * their own (cost_chart.c): the same wrapping, colours and kinds' order,
 * so that every chart of the page reads alike. */
#ifndef RM_REPORT_CHART_H
#define RM_REPORT_CHART_H

#include <stddef.h>
#include <stdio.h>

#include "results.h"

/* How many lines of at most `width` characters s takes, wrapped at its spaces. */
int rm_chart_wrapped_lines(const char *s, size_t width);

/* s as SVG text at (x, y), wrapped so, lines `step` apart, escaped: never cut. */
void rm_chart_wrapped(FILE *f, const char *lang, int x, int y, int size, int step, const char *s, size_t width,
                      int bold);

/* The smallest of 1, 2, 2.5, 5 times a power of ten that is at least v > 0. */
double rm_chart_round_top(double v);

/* The colour of the k-th run, or of the k-th kind of rm_chart_kinds. */
const char *rm_chart_colour(int k);

/* The kinds of all runs in the order of the time chart (a group's kinds
 * side by side), at most min(cap, 64); returns how many. */
int rm_chart_kinds(const rm_comparison *cmp, const char **kinds, int cap);

/* A kind's words: the first label a run gives it. */
const char *rm_chart_kind_words(const rm_comparison *cmp, const char *kind, const char *lang, char *buf, size_t len);

#endif
