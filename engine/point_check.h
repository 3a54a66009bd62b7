/* A sweep point's CSV file checked before it joins the final files (a
 * sweep's own, or merge's from shards): what output.c writes, else one line
 * naming the file and the line (point_check.c). */
#ifndef RM_POINT_CHECK_H
#define RM_POINT_CHECK_H

#include <stddef.h>

/* The point's values of the grid, and the sweep's variant, that its rows repeat. */
typedef struct rm_point_key {
    const char *variant;
    int ngrid;
    const char *const *grid_names, *const *grid_values;
} rm_point_key;

/* Checks text (len bytes), the contents of file `name` (summary.csv,
 * replications.csv, timeseries.csv or params.csv) at `path`: the header
 * with the grid's columns, at least one row, each row as many fields as the
 * header, numbers where numbers go, the point's variant and grid values,
 * the last line whole. Returns 0, or -1 with "PATH:LINE: what is wrong" in err. */
int rm_point_check(const char *path, const char *name, const char *text, size_t len, const rm_point_key *key,
                   char *err, size_t errlen);

#endif
