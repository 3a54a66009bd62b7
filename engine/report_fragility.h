/* The report's section on dependence on one person (compare --fragility):
 * the knock-outs of the baseline and of each variant side by side, who can
 * do each step in each, and whether each variant makes the organization
 * more or less dependent on one person. */
#ifndef RM_REPORT_FRAGILITY_H
#define RM_REPORT_FRAGILITY_H

#include <stdio.h>

#include "results.h"

/* The section into f in lang; nothing when cmp->fragility is NULL. */
void rm_report_fragility(FILE *f, const rm_comparison *cmp, const char *lang);

#endif
