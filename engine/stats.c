/* Streaming statistics, see stats.h. */
#include "stats.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void rm_welford_reset(rm_welford *w) { memset(w, 0, sizeof *w); }

void rm_welford_add(rm_welford *w, double x) {
    w->n++;
    double delta = x - w->mean;
    w->mean += delta / (double)w->n;
    w->m2 += delta * (x - w->mean);
    if (w->n == 1 || x > w->max)
        w->max = x;
}

double rm_welford_var(const rm_welford *w) {
    return w->n < 2 ? 0.0 : w->m2 / (double)(w->n - 1);
}

void rm_timeavg_start(rm_timeavg *a, double t, double level) {
    a->t0 = a->last_t = t;
    a->level = a->max = level;
    a->area = 0;
}

void rm_timeavg_set(rm_timeavg *a, double t, double level) {
    a->area += a->level * (t - a->last_t);
    a->last_t = t;
    a->level = level;
    if (level > a->max)
        a->max = level;
}

double rm_timeavg_mean(const rm_timeavg *a, double t) {
    double span = t - a->t0;
    if (span <= 0)
        return a->level;
    return (a->area + a->level * (t - a->last_t)) / span;
}

/* Bin i holds values in (MIN * GAMMA^(i-1), MIN * GAMMA^i]; alpha = 0.01. */
#define RM_SKETCH_GAMMA (1.01 / 0.99)

/* The bins' upper bounds, MIN * GAMMA^i, and log2 of 1 + k/256, so that a
 * value's bin is found from its exponent and first mantissa bits, then one
 * comparison or two, without a log() per value (it was an eighth of the
 * time of a simple model). Filled once. */
static double bound[RM_SKETCH_BINS];
static double log2_mantissa[257];
static double log2_min, bins_per_log2;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void fill_tables(void) {
    for (int i = 0; i < RM_SKETCH_BINS; i++)
        bound[i] = RM_SKETCH_MIN * pow(RM_SKETCH_GAMMA, i);
    for (int k = 0; k <= 256; k++)
        log2_mantissa[k] = log2(1 + k / 256.0);
    log2_min = log2(RM_SKETCH_MIN);
    bins_per_log2 = 1 / log2(RM_SKETCH_GAMMA);
}

void rm_sketch_reset(rm_sketch *s) {
    pthread_once(&tables_once, fill_tables);
    memset(s, 0, sizeof *s);
}

void rm_sketch_add_above_min(rm_sketch *s, double x) {
    s->n++;
    if (!(x <= bound[RM_SKETCH_BINS - 1])) {
        s->bins[RM_SKETCH_BINS - 1]++;   /* (also infinity) */
        return;
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int e = (int)(bits >> 52) - 1023;    /* x is normal here: MIN < x < 1e300 */
    double l2 = e + log2_mantissa[(bits >> 44) & 0xff];   /* log2(x), rounded down, to 0.006 */
    long i = (long)((l2 - log2_min) * bins_per_log2);   /* within a bin of the answer */
    if (i < 1)
        i = 1;
    if (i > RM_SKETCH_BINS - 1)
        i = RM_SKETCH_BINS - 1;
    while (x > bound[i])                 /* bin i: (bound[i - 1], bound[i]] */
        i++;
    while (i > 1 && x <= bound[i - 1])
        i--;
    s->bins[i]++;
}

double rm_sketch_quantile(const rm_sketch *s, double q) {
    if (s->n == 0)
        return 0;
    uint64_t rank = (uint64_t)ceil(q * (double)s->n);
    if (rank < 1)
        rank = 1;
    uint64_t seen = s->zeros;
    if (seen >= rank)
        return 0;
    for (size_t i = 0; i < RM_SKETCH_BINS; i++) {
        seen += s->bins[i];
        if (seen >= rank)    /* the bin's midpoint in relative terms */
            return RM_SKETCH_MIN * pow(RM_SKETCH_GAMMA, (double)i) * 2 / (1 + RM_SKETCH_GAMMA);
    }
    return RM_SKETCH_MIN * pow(RM_SKETCH_GAMMA, RM_SKETCH_BINS - 1);
}

/* Regularized incomplete beta I_x(a, b) by its continued fraction (modified
 * Lentz), the classic way; accurate to about 1e-12 here. */
static double betacf(double a, double b, double x) {
    const double tiny = 1e-300;
    double c = 1, d = 1 - (a + b) * x / (a + 1);
    if (fabs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 300; m++) {
        double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d; if (fabs(d) < tiny) d = tiny;
        c = 1 + aa / c; if (fabs(c) < tiny) c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d; if (fabs(d) < tiny) d = tiny;
        c = 1 + aa / c; if (fabs(c) < tiny) c = tiny;
        d = 1 / d;
        double del = d * c;
        h *= del;
        if (fabs(del - 1) < 1e-15)
            break;
    }
    return h;
}

static double inc_beta(double a, double b, double x) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
    if (x < (a + 1) / (a + b + 2))
        return front * betacf(a, b, x) / a;
    return 1 - front * betacf(b, a, 1 - x) / b;
}

/* P(T <= t) for t >= 0. */
static double student_cdf(double t, double df) {
    return 1 - 0.5 * inc_beta(df / 2, 0.5, df / (df + t * t));
}

double rm_student_t(double p, double df) {
    /* the same (p, df) for every metric of a run: a bisection of ~40 steps
     * of inc_beta each time made a million metrics take a minute */
    static _Thread_local double last_p = NAN, last_df = NAN, last_t;
    if (p == last_p && df == last_df)
        return last_t;
    double lo = 0, hi = 1;
    while (student_cdf(hi, df) < p)
        hi *= 2;
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
        double mid = (lo + hi) / 2;
        if (student_cdf(mid, df) < p) lo = mid; else hi = mid;
    }
    last_p = p;
    last_df = df;
    last_t = (lo + hi) / 2;
    return last_t;
}

double rm_student_p(double t, double df) {
    if (isnan(t))
        return NAN;
    if (isinf(t))
        return 0;
    return inc_beta(df / 2, 0.5, df / (df + t * t));
}

typedef struct ranked { double p; int i; } ranked;

static int by_p(const void *a, const void *b) {
    const ranked *x = a, *y = b;
    if (x->p != y->p)
        return x->p < y->p ? -1 : 1;
    return x->i - y->i;
}

int rm_holm(const double *p, int n, double *adjusted) {
    ranked *order = malloc((size_t)(n > 0 ? n : 1) * sizeof *order);
    if (!order)
        return -1;
    int m = 0;
    for (int i = 0; i < n; i++) {
        adjusted[i] = NAN;
        if (!isnan(p[i]))
            order[m++] = (ranked){p[i], i};
    }
    qsort(order, (size_t)m, sizeof *order, by_p);
    double running = 0;                          /* adjusted values never decrease with p */
    for (int k = 0; k < m; k++) {
        running = fmax(running, fmin(1, (double)(m - k) * order[k].p));
        adjusted[order[k].i] = running;
    }
    free(order);
    return 0;
}
