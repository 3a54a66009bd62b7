/* The report's section on which assumption matters most (compare
 * --sensitivity): per metric, one tornado chart (SVG) with a bar for each
 * run (the baseline and each variant) under each param, "not significant"
 * said where it is. */
#ifndef RM_REPORT_SENSITIVITY_H
#define RM_REPORT_SENSITIVITY_H

#include <stdio.h>

#include "results.h"

/* The section into f in lang; nothing when cmp->sensitivity is NULL. */
void rm_report_sensitivity(FILE *f, const rm_comparison *cmp, const char *lang);

#endif
