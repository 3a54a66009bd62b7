/* Probability distributions, parameterised the way a person thinks of them
 * (means and standard deviations, not rates). Every value drawn is >= 0:
 * distributions describe durations, gaps between arrivals and amounts. */
#ifndef RM_DIST_H
#define RM_DIST_H

#include <stddef.h>

#include "rng.h"

typedef enum rm_dist_kind {
    RM_CONSTANT,     /* constant(x) */
    RM_UNIFORM,      /* uniform(a, b) */
    RM_EXPONENTIAL,  /* exponential(mean) */
    RM_NORMAL,       /* normal(mean, sd), truncated at 0 */
    RM_LOGNORMAL,    /* lognormal(mean, sd) of the value itself */
    RM_TRIANGULAR,   /* triangular(min, mode, max) */
    RM_ERLANG,       /* erlang(k, mean) */
    RM_GAMMA,        /* gamma(mean, sd) */
    RM_WEIBULL,      /* weibull(shape, scale) */
    RM_BERNOULLI,    /* bernoulli(p): 1 with probability p, else 0 */
    RM_CHOICE,       /* choice{...}: an index 0..n-1, by cumulative weights */
    RM_EMPIRICAL,    /* empirical(file, column): resampled values */
    RM_DIST_KINDS
} rm_dist_kind;

typedef struct rm_dist {
    rm_dist_kind kind;
    double p[3];          /* the parameters as written */
    double q[3];          /* derived constants for sampling */
    double *values;       /* RM_EMPIRICAL: the sample; RM_CHOICE: cumulative
                             weights. Owned by whoever owns the model. */
    size_t nvalues;
} rm_dist;

/* The kind called name ("exponential", ...), or -1. */
int rm_dist_kind_from_name(const char *name);
const char *rm_dist_kind_name(rm_dist_kind kind);
/* How many numeric parameters the kind takes (choice and empirical: 0). */
int rm_dist_nparams(rm_dist_kind kind);

/* Checks the parameters p[0..nparams-1] of kind and fills *d (values are
 * attached by the caller for choice and empirical). Returns 0, or -1 with a
 * sentence in err such as
 * "exponential: the mean must be > 0 (got exponential(-2))". */
int rm_dist_init(rm_dist *d, rm_dist_kind kind, const double *p, char *err, size_t errlen);

/* One draw from d using stream r: a finite number >= 0 for every d that
 * rm_dist_init accepted (it refuses parameters whose derived constants or
 * largest draws overflow). The rejection samplers (normal, gamma) give up
 * after RM_DIST_MAX_TRIES rejections in a row and return NaN; with accepted
 * parameters each try succeeds with probability >= 1/2, so that never
 * happens, but no draw can loop forever. */
#define RM_DIST_MAX_TRIES 1000
double rm_dist_sample(const rm_dist *d, rm_rng *r);

/* rm_dist_sample, with the commonest laws inline (the event loop's path). */
static inline double rm_dist_draw(const rm_dist *d, rm_rng *r) {
    if (d->kind == RM_EXPONENTIAL)
        return d->p[0] * rm_rng_exp1(r);
    if (d->kind == RM_CONSTANT)
        return d->p[0];
    return rm_dist_sample(d, r);
}

/* Whether every draw of d is 0 (constant(0), uniform(0, 0), normal(0, 0),
 * triangular(0, 0, 0), bernoulli(0), an empirical sample of zeros). */
int rm_dist_always_zero(const rm_dist *d);

/* The exact mean of d (truncation of the normal ignored). */
double rm_dist_mean(const rm_dist *d);

#endif
