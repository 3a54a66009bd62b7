/* The grid points side by side (points.csv) and the Pareto front of
 * several ranked metrics. Everything is read back from the points' own
 * files (summary.csv, targets.csv), so a merge of shards, which has no
 * scenario, gives the same table as one machine. */
#ifndef RM_POINTS_H
#define RM_POINTS_H

#include <stddef.h>

#include "remous.h"

/* One metric of the table, as summary.csv names it (a declared metric is
 * element "metric", its name, metric "value"). */
typedef struct rm_swept_metric {
    char *element, *name, *metric;
    int ranked;               /* one of --rank, in their order first */
    int max;                  /* ranked :max: the largest is best */
} rm_swept_metric;

typedef struct rm_points {
    long n;                   /* the grid's points */
    int nm;                   /* its metrics: the ranked, then the targeted, then the declared */
    int nranked;
    rm_swept_metric *m;
    char **text;              /* [(k * nm + i) * 3 + j]: mean, ci95_low, ci95_high as summary.csv wrote them ("": none) */
    double *value;            /* the same as numbers (NaN: none; an interval's end missing: the mean) */
    int reps;                 /* the replications of a point (summary.csv's n, the largest seen) */
} rm_points;

/* Splits "ELEMENT:NAME:METRIC[:min|max]" (max: 1 for :max). Returns 0, or
 * -1 with one line in err. */
int rm_rank_split(const char *spec, char *buf, size_t len, char *parts[3], int *max, char *err, size_t errlen);

/* Reads the metrics of points 0..n-1 (owners[k]: the folder holding point
 * k) into *p: the ranked ones (ranks[0..nranks)), then those the targets
 * are about, then the declared ones, each once. Returns 0, or -1 with one
 * line (a --rank given twice, a file that cannot be read). */
int rm_points_read(const char *const *owners, long n, int ngrid, const char *const *ranks, int nranks, rm_points *p,
                   char *err, size_t errlen);
void rm_points_free(rm_points *p);

/* The mean, low and high of metric i at point k. */
double rm_points_mean(const rm_points *p, long k, int i);
double rm_points_low(const rm_points *p, long k, int i);
double rm_points_high(const rm_points *p, long k, int i);

/* points.csv into out: one row per grid point, its grid values, then for
 * each metric NAME:mean, NAME:ci95_low, NAME:ci95_high with NAME
 * "element:name:metric". Returns 0 or -1. */
int rm_points_write(const rm_points *p, const remous_sweep_options *sw, const char *out, char *err, size_t errlen);

/* The Pareto front of the ranked metrics (two or more), judged on the
 * means: front[k] = 1 when no other point is at least as good on every
 * ranked metric and better on one (equal means: neither beats the other,
 * both stay); a point without a value is never on it. near[k] = 1 for a
 * point off the front whose 95% intervals meet those of one front point
 * on every ranked metric: the replications cannot tell it from the front.
 * Returns the front's size. */
long rm_pareto(const rm_points *p, char *front, char *near);


/* A target as a point's targets.csv states it. */
typedef struct rm_stated_target {
    char name[512], element[512], ename[512], metric[512], op[512], level[512];
} rm_stated_target;

/* The targets of point_dir/targets.csv (its first point's rows) into
 * *out[*n] (free it); 0, or -1 when there is none or it cannot be read. */
int rm_points_targets(const char *point_dir, int ngrid, rm_stated_target **out, int *n);

#endif
