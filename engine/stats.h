/* Streaming statistics: memory independent of the number of observations. */
#ifndef RM_STATS_H
#define RM_STATS_H

#include <stdint.h>

/* Mean and variance by Welford's update. */
typedef struct rm_welford {
    uint64_t n;
    double mean, m2, max;
} rm_welford;

void rm_welford_reset(rm_welford *w);
void rm_welford_add(rm_welford *w, double x);
/* Sample variance (divisor n - 1); 0 when n < 2. */
double rm_welford_var(const rm_welford *w);

/* Count, sum and maximum: the mean of one replication's observations (a
 * replication needs no variance; Welford is for the spread across them). */
typedef struct rm_mean {
    uint64_t n;
    double sum, max;
} rm_mean;

static inline void rm_mean_add(rm_mean *m, double x) {
    if (m->n++ == 0 || x > m->max)
        m->max = x;
    m->sum += x;
}

/* Time-weighted average of a piecewise-constant level (a queue length). */
typedef struct rm_timeavg {
    double t0;        /* start of the measured period */
    double last_t;    /* time of the last change */
    double level;     /* current level */
    double area;      /* integral of the level over [t0, last_t] */
    double max;       /* largest level seen since t0 */
} rm_timeavg;

/* Starts measuring at time t with the current level. */
void rm_timeavg_start(rm_timeavg *a, double t, double level);
/* The level becomes `level` at time t (t never decreases). */
void rm_timeavg_set(rm_timeavg *a, double t, double level);
/* The average over [t0, t]; the current level if t == t0. */
double rm_timeavg_mean(const rm_timeavg *a, double t);

/* A bounded quantile sketch with relative accuracy (DDSketch, Masson et al.
 * 2019): values fall into logarithmic bins of ratio RM_SKETCH_GAMMA, so a
 * quantile is returned within about 1% of the exact order statistic,
 * whatever the number of values, in fixed memory. Zero is counted apart. */
#define RM_SKETCH_BINS 2400
#define RM_SKETCH_MIN 1e-6          /* values below count as zero */
typedef struct rm_sketch {
    uint64_t n, zeros;
    uint32_t bins[RM_SKETCH_BINS];
} rm_sketch;

void rm_sketch_reset(rm_sketch *s);
/* Adds x > RM_SKETCH_MIN (rm_sketch_add's bin search, out of line). */
void rm_sketch_add_above_min(rm_sketch *s, double x);
/* Adds x; inline, since a wait is often zero. */
static inline void rm_sketch_add(rm_sketch *s, double x) {
    if (!(x > RM_SKETCH_MIN)) {          /* also catches NaN */
        s->n++;
        s->zeros++;
        return;
    }
    rm_sketch_add_above_min(s, x);
}
/* The q-quantile (0 <= q <= 1) as the value of rank ceil(q * n) (the
 * smallest value with at least q of the values at or below it); 0 when empty. */
double rm_sketch_quantile(const rm_sketch *s, double q);

/* Student's t quantile: the value t with P(T <= t) = p for df degrees of
 * freedom (df >= 1, 0.5 <= p < 1). */
double rm_student_t(double p, double df);

/* The two-sided p-value of a t statistic for df degrees of freedom (df >
 * 0): P(|T| >= |t|) = I_{df/(df+t^2)}(df/2, 1/2), the regularized
 * incomplete beta. 1 at t = 0, 0 for an infinite t, NaN for a NaN t. */
double rm_student_p(double t, double df);

/* Holm's step-down correction of n p-values for testing them together:
 * adjusted[i] is the smallest family-wise level at which hypothesis i is
 * rejected (max over the smaller p-values of min(1, (m - rank) p)), with m
 * the number of p-values that are not NaN; NaN stays NaN (not a test).
 * Rejecting where adjusted <= 0.05 keeps the chance of even one false
 * rejection at most 5%, whatever the dependence between the tests.
 * Returns 0, or -1 when out of memory. */
int rm_holm(const double *p, int n, double *adjusted);

#endif
