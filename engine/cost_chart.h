/* The report's chart of what each run costs a month (compare --html, and
 * the workshop's page): a stacked bar per run, the baseline and each
 * variant: its staff's paid time by kind of work, then free, away and
 * overtime; its tools' subscriptions and fees; then, hatched, the value
 * lost with those who give up or are turned away. After each bar, what is
 * paid a month, a tool's setup (once), the value lost, in the scenario's
 * currency as the page's language writes it. Means over the replications,
 * a month being the measured period over 365.25/12 days. */
#ifndef RM_COST_CHART_H
#define RM_COST_CHART_H

#include <stdio.h>

#include "results.h"

/* The chart, with its title and legend, into f in lang; nothing when no
 * run gives a cost or a value, or when all are zero. */
void rm_cost_chart(FILE *f, const rm_comparison *cmp, const char *lang);

#endif
