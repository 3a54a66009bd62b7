/* The values of a sweep's grid: ranges written FROM:TO:STEP, and the
 * check that the swept model reads each grid parameter (grid.c). */
#ifndef RM_GRID_H
#define RM_GRID_H

#include <stddef.h>
#include <stdio.h>

#include "remous.h"

/* Values a single --grid may have: beyond, a range is a slip of its step. */
#define RM_GRID_MAX_VALUES 100000L

/* Expands a range "FROM:TO:STEP" (decimal numbers, STEP > 0, FROM <= TO)
 * into the values FROM + i*STEP up to TO, computed in whole units of the
 * finest decimal written (0.2:1.0:0.2 gives 0.2, 0.4, 0.6, 0.8, 1, never
 * 0.6000000000000001), each printed with no trailing zeros. Sets *values
 * (one malloc'd block, the strings inside it: free(*values) frees all)
 * and *n. Returns 0, or -1 with one line in err about `name`. */
int rm_grid_range(const char *name, const char *range, const char ***values, int *n, char *err, size_t errlen);

/* Warns on out, one line per grid parameter, when the swept variant's
 * compiled model is the same whatever the parameter's value (the first
 * point of the grid, then that parameter at each of its other values, up
 * to ten): every point along it would give the same results. Opening
 * failures are left to the sweep itself. */
void rm_grid_warn_unread(const char *path, const remous_options *opt, const remous_sweep_options *sw, FILE *out);

#endif
