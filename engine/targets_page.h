/* The targets on the report and the workshop page: a table of the verdicts
 * (rows: the baseline and each variant; columns: the targets, each cell
 * met, not met or undecided with the mean and its 95% interval in the
 * metric's unit) and which options meet every target, in one sentence (the
 * terminal's, targets.c), the cheapest first by compare's --prefer. */
#ifndef RM_TARGETS_PAGE_H
#define RM_TARGETS_PAGE_H

#include <stdio.h>

#include "results.h"

/* The section into f, in lang; nothing when the scenario has no target. */
void rm_targets_html(FILE *f, const rm_comparison *cmp, const char *lang);

#endif
