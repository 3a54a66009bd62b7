/* The pieces of the report's charts (report.c) that other charts share:
 * the runs' colours, the round top of an axis, and text wrapped at its
 * spaces in SVG. */
#ifndef RM_REPORT_CHART_H
#define RM_REPORT_CHART_H

#include <stddef.h>
#include <stdio.h>

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

#endif
