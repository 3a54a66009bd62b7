/* Probability distributions: parameter checks and sampling, see dist.h. */
#include "dist.h"
#include "words.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    int nparams;
} kinds[RM_DIST_KINDS] = {
    [RM_CONSTANT] = {"constant", 1},     [RM_UNIFORM] = {"uniform", 2},
    [RM_EXPONENTIAL] = {"exponential", 1}, [RM_NORMAL] = {"normal", 2},
    [RM_LOGNORMAL] = {"lognormal", 2},   [RM_TRIANGULAR] = {"triangular", 3},
    [RM_ERLANG] = {"erlang", 2},         [RM_GAMMA] = {"gamma", 2},
    [RM_WEIBULL] = {"weibull", 2},       [RM_BERNOULLI] = {"bernoulli", 1},
    [RM_CHOICE] = {"choice", 0},         [RM_EMPIRICAL] = {"empirical", 0},
};

int rm_dist_kind_from_name(const char *name) {
    for (int k = 0; k < RM_DIST_KINDS; k++)
        if (strcmp(kinds[k].name, name) == 0)
            return k;
    return -1;
}

const char *rm_dist_kind_name(rm_dist_kind kind) { return kinds[kind].name; }
int rm_dist_nparams(rm_dist_kind kind) { return kinds[kind].nparams; }

/* Writes "<kind>: <what> (got ...)" into err and returns -1. */
static int bad(char *err, size_t errlen, rm_dist_kind kind, const char *what, const double *p) {
    int n = kinds[kind].nparams;
    int w = snprintf(err, errlen, rm_word(rm_message_lang(), "dist.bad"), kinds[kind].name, what, kinds[kind].name);
    for (int i = 0; i < n && w > 0 && (size_t)w < errlen; i++)
        w += snprintf(err + w, errlen - (size_t)w, "%s%g", i ? ", " : "", p[i]);
    if (w > 0 && (size_t)w < errlen)
        snprintf(err + w, errlen - (size_t)w, "))");
    return -1;
}

/* The largest values the samplers can compute from a 53-bit uniform draw:
 * -log(2^-53) for an exponential stage, sqrt(-2 log(2^-53)) for Box-Muller's
 * standard normal (rounded up). A distribution whose largest draw would
 * overflow is refused at load, so no draw is ever inf or NaN. */
#define EXP_TAIL 36.8
#define NORMAL_TAIL 8.6

/* A derived constant that must be a finite positive number (not 0 by underflow). */
static int usable(double x) { return isfinite(x) && x >= DBL_MIN; }

/* Marsaglia and Tsang's largest draw of Gamma(shape, 1), see std_gamma. */
static double gamma_top(double shape) {
    double dd = (shape < 1 ? shape + 1 : shape) - 1.0 / 3, v = 1 + NORMAL_TAIL / sqrt(9 * dd);
    return dd * v * v * v;
}

#define TOO_FAR rm_word(rm_message_lang(), "dist.too_far")
#define TOO_LARGE rm_word(rm_message_lang(), "dist.too_large")

int rm_dist_init(rm_dist *d, rm_dist_kind kind, const double *p, char *err, size_t errlen) {
    memset(d, 0, sizeof *d);
    d->kind = kind;
    for (int i = 0; i < kinds[kind].nparams; i++) {
        if (!isfinite(p[i]))
            return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.finite"), p);
        d->p[i] = p[i];
    }
    switch (kind) {
    case RM_CONSTANT:
        if (p[0] < 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.value_nonneg"), p);
        break;
    case RM_UNIFORM:
        if (p[0] < 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.lower_nonneg"), p);
        if (p[0] > p[1]) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.lower_upper"), p);
        break;
    case RM_EXPONENTIAL:
        if (p[0] <= 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.mean_positive"), p);
        if (!isfinite(p[0] * EXP_TAIL)) return bad(err, errlen, kind, TOO_LARGE, p);
        break;
    case RM_NORMAL:
        if (p[0] < 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.mean_nonneg"), p);
        if (p[1] < 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.sd_nonneg"), p);
        if (!isfinite(p[0] + NORMAL_TAIL * p[1])) return bad(err, errlen, kind, TOO_LARGE, p);
        break;
    case RM_LOGNORMAL:
        if (p[0] <= 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.mean_positive"), p);
        if (p[1] < 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.sd_nonneg"), p);
        d->q[1] = sqrt(log1p((p[1] * p[1]) / (p[0] * p[0])));   /* sigma */
        if (!isfinite(d->q[1]))                  /* the squares overflowed: from the ratio */
            d->q[1] = sqrt(log1p((p[1] / p[0]) * (p[1] / p[0])));
        d->q[0] = log(p[0]) - d->q[1] * d->q[1] / 2;            /* mu */
        if (!isfinite(d->q[0]) || !isfinite(d->q[1])) return bad(err, errlen, kind, TOO_FAR, p);
        if (!isfinite(exp(d->q[0] + NORMAL_TAIL * d->q[1]))) return bad(err, errlen, kind, TOO_LARGE, p);
        break;
    case RM_TRIANGULAR:
        if (p[0] < 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.min_nonneg"), p);
        if (!(p[0] <= p[1] && p[1] <= p[2]))
            return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.min_mode_max"), p);
        if (!isfinite((p[2] - p[0]) * (p[2] - p[0])))        /* the sampler's products */
            return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.span_too_large"), p);
        d->q[0] = p[2] > p[0] ? (p[1] - p[0]) / (p[2] - p[0]) : 0;   /* CDF at the mode */
        break;
    case RM_ERLANG:
        if (p[0] < 1 || p[0] != floor(p[0]) || p[0] > 1000)
            return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.k_whole"), p);
        if (p[1] <= 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.mean_positive"), p);
        if (!isfinite(p[1] * EXP_TAIL)) return bad(err, errlen, kind, TOO_LARGE, p);
        d->q[0] = p[1] / p[0];                                    /* stage mean */
        break;
    case RM_GAMMA:
        if (p[0] <= 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.mean_positive"), p);
        if (p[1] <= 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.sd_positive"), p);
        d->q[0] = (p[0] * p[0]) / (p[1] * p[1]);                  /* shape */
        d->q[1] = (p[1] * p[1]) / p[0];                           /* scale */
        if (!usable(d->q[0]) || !usable(d->q[1])) {  /* the squares overflowed: from the ratio */
            double cv = p[1] / p[0];
            d->q[0] = 1 / (cv * cv);
            d->q[1] = p[1] * cv;
        }
        if (!usable(d->q[0]) || !usable(d->q[1])) return bad(err, errlen, kind, TOO_FAR, p);
        if (!isfinite(gamma_top(d->q[0]) * d->q[1])) return bad(err, errlen, kind, TOO_LARGE, p);
        break;
    case RM_WEIBULL:
        if (p[0] <= 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.shape_positive"), p);
        if (p[1] <= 0) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.scale_positive"), p);
        if (!isfinite(p[1] * pow(EXP_TAIL, 1.0 / p[0])) || !isfinite(p[1] * tgamma(1 + 1.0 / p[0])))
            return bad(err, errlen, kind, TOO_LARGE, p);               /* its draws, its mean */
        break;
    case RM_BERNOULLI:
        if (p[0] < 0 || p[0] > 1) return bad(err, errlen, kind, rm_word(rm_message_lang(), "dist.p_share"), p);
        break;
    case RM_CHOICE:
    case RM_EMPIRICAL:
    case RM_DIST_KINDS:
        break;
    }
    return 0;
}

/* A standard normal draw (Box-Muller, one value per call: no hidden state). */
static double std_normal(rm_rng *r) {
    double u1 = 1.0 - rm_rng_uniform(r);                /* in (0, 1] */
    double u2 = rm_rng_uniform(r);
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

/* Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 by boosting.
 * It accepts over 95% of the time for any shape rm_dist_init lets through:
 * RM_DIST_MAX_TRIES rejections in a row mean the arithmetic broke down, and
 * give NaN, which the simulation reports rather than looping forever. */
static double std_gamma(double shape, rm_rng *r) {
    if (shape < 1) {
        double u = 1.0 - rm_rng_uniform(r);
        return std_gamma(shape + 1, r) * pow(u, 1.0 / shape);
    }
    double dd = shape - 1.0 / 3, c = 1.0 / sqrt(9 * dd);
    for (int tries = 0; tries < RM_DIST_MAX_TRIES; tries++) {
        double x = std_normal(r), v = 1 + c * x;
        if (v <= 0)
            continue;
        v = v * v * v;
        double u = 1.0 - rm_rng_uniform(r);
        if (log(u) < 0.5 * x * x + dd - dd * v + dd * log(v))
            return dd * v;
    }
    return NAN;
}

double rm_dist_sample(const rm_dist *d, rm_rng *r) {
    const double *p = d->p;
    switch (d->kind) {
    case RM_CONSTANT:
        return p[0];
    case RM_UNIFORM:
        return p[0] + (p[1] - p[0]) * rm_rng_uniform(r);
    case RM_EXPONENTIAL:
        return p[0] * rm_rng_exp1(r);
    case RM_NORMAL:
        for (int tries = 0; tries < RM_DIST_MAX_TRIES; tries++) {
            double x = p[0] + p[1] * std_normal(r);   /* mean >= 0: accepted half the time or more */
            if (x >= 0)
                return x;
        }
        return NAN;
    case RM_LOGNORMAL:
        return exp(d->q[0] + d->q[1] * std_normal(r));
    case RM_TRIANGULAR: {
        double u = rm_rng_uniform(r), a = p[0], c = p[1], b = p[2];
        if (u < d->q[0])
            return a + sqrt(u * (b - a) * (c - a));
        return b - sqrt((1 - u) * (b - a) * (b - c));
    }
    case RM_ERLANG: {
        double sum = 0;
        for (int i = 0; i < (int)p[0]; i++)
            sum += rm_rng_exp1(r);
        return sum * d->q[0];
    }
    case RM_GAMMA:
        return std_gamma(d->q[0], r) * d->q[1];
    case RM_WEIBULL:
        return p[1] * pow(rm_rng_exp1(r), 1.0 / p[0]);
    case RM_BERNOULLI:
        return rm_rng_uniform(r) < p[0] ? 1.0 : 0.0;
    case RM_CHOICE: {
        double u = rm_rng_uniform(r) * d->values[d->nvalues - 1];
        size_t i = 0;
        while (i + 1 < d->nvalues && u >= d->values[i])
            i++;
        return (double)i;
    }
    case RM_EMPIRICAL:
        return d->values[(size_t)(rm_rng_uniform(r) * (double)d->nvalues)];
    case RM_DIST_KINDS:
        break;
    }
    return 0;
}

double rm_dist_mean(const rm_dist *d) {
    const double *p = d->p;
    switch (d->kind) {
    case RM_CONSTANT: case RM_EXPONENTIAL: case RM_NORMAL: case RM_LOGNORMAL: case RM_GAMMA:
        return p[0];
    case RM_UNIFORM:
        return (p[0] + p[1]) / 2;
    case RM_TRIANGULAR:
        return (p[0] + p[1] + p[2]) / 3;
    case RM_ERLANG:
        return p[1];
    case RM_WEIBULL:
        return p[1] * tgamma(1 + 1 / p[0]);
    case RM_BERNOULLI:
        return p[0];
    case RM_EMPIRICAL: {
        double s = 0;
        for (size_t i = 0; i < d->nvalues; i++)
            s += d->values[i];
        return d->nvalues ? s / (double)d->nvalues : 0;
    }
    case RM_CHOICE: case RM_DIST_KINDS:
        break;
    }
    return 0;
}

int rm_dist_always_zero(const rm_dist *d) {
    switch (d->kind) {
    case RM_CONSTANT: case RM_BERNOULLI: return d->p[0] == 0;
    case RM_UNIFORM: return d->p[1] == 0;
    case RM_NORMAL: return d->p[0] == 0 && d->p[1] == 0;
    case RM_TRIANGULAR: return d->p[2] == 0;
    case RM_EMPIRICAL:
        for (size_t i = 0; i < d->nvalues; i++)
            if (d->values[i] != 0)
                return 0;
        return d->nvalues > 0;
    default: return 0;                            /* their means are > 0 */
    }
}
