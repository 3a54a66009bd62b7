/* Distributions: sample moments against the exact ones for every kind, exact
 * means, parameter checks and their messages, names, determinism. */
#include "testing.h"
#include "dist.h"

#define N 200000
#define SQRT_PI_2 0.88622692545275801365   /* Gamma(3/2) = sqrt(pi) / 2 */

/* Draws N values of d from a stream seeded with seed; checks they are all
 * >= 0 and that the sample mean and sample variance agree with the exact
 * ones. The tolerances are 5 standard errors: sqrt(var / N) for the mean and
 * var * sqrt((kurt - 1) / N) for the variance, where kurt = E[(X-m)^4]/var^2. */
static void check_moments(const rm_dist *d, uint64_t seed, double mean, double var, double kurt) {
    rm_rng r;
    rm_rng_seed(&r, seed);
    double m = 0, m2 = 0;
    for (int i = 1; i <= N; i++) {
        double x = rm_dist_sample(d, &r);
        if (!(x >= 0))
            fail_msg("%s: sample %d is %g < 0", rm_dist_kind_name(d->kind), i, x);
        double delta = x - m;
        m += delta / i;
        m2 += delta * (x - m);
    }
    double v = m2 / (N - 1);
    double tol_mean = 5 * sqrt(var / N) + 1e-12 * fabs(mean);
    double tol_var = 5 * var * sqrt((kurt - 1) / N) + 1e-12;
    if (!(fabs(m - mean) <= tol_mean))
        fail_msg("%s: sample mean %.6g, expected %.6g ± %.3g", rm_dist_kind_name(d->kind), m, mean,
                 tol_mean);
    if (!(fabs(v - var) <= tol_var))
        fail_msg("%s: sample variance %.6g, expected %.6g ± %.3g", rm_dist_kind_name(d->kind), v,
                 var, tol_var);
}

/* Inits d as kind(p...), failing the test if the parameters are refused. */
static rm_dist make(rm_dist_kind kind, double a, double b, double c) {
    rm_dist d;
    double p[3] = {a, b, c};
    char err[256] = "";
    if (rm_dist_init(&d, kind, p, err, sizeof err) != 0)
        fail_msg("rm_dist_init refused %s: %s", rm_dist_kind_name(kind), err);
    return d;
}

static void constant_moments(void **state) {
    (void)state;
    rm_dist d = make(RM_CONSTANT, 2.5, 0, 0);
    check_moments(&d, 1, 2.5, 0, 1);
    rm_rng r;
    rm_rng_seed(&r, 1);
    for (int i = 0; i < 100; i++)
        assert_true(rm_dist_sample(&d, &r) == 2.5);
}

static void uniform_moments(void **state) {
    (void)state;
    rm_dist d = make(RM_UNIFORM, 2, 8, 0);
    check_moments(&d, 2, 5, 36.0 / 12, 1.8);
    rm_rng r;
    rm_rng_seed(&r, 2);
    for (int i = 0; i < 10000; i++) {
        double x = rm_dist_sample(&d, &r);
        assert_true(x >= 2 && x < 8);
    }
}

static void exponential_moments(void **state) {
    (void)state;
    rm_dist d = make(RM_EXPONENTIAL, 4, 0, 0);
    check_moments(&d, 3, 4, 16, 9);
}

static void normal_moments(void **state) {
    (void)state;
    /* mean = 5 sd: the truncation at 0 removes 2.9e-7 of the mass. */
    rm_dist d = make(RM_NORMAL, 10, 2, 0);
    check_moments(&d, 4, 10, 4, 3);
}

static void lognormal_moments(void **state) {
    (void)state;
    /* Mean and sd of the value itself; s2 = log(1 + cv^2) is the variance of
     * the log, and the kurtosis is e^{4 s2} + 2 e^{3 s2} + 3 e^{2 s2} - 3. */
    rm_dist d = make(RM_LOGNORMAL, 4, 2, 0);
    double s2 = log(1.25);
    double kurt = exp(4 * s2) + 2 * exp(3 * s2) + 3 * exp(2 * s2) - 3;
    check_moments(&d, 5, 4, 4, kurt);
}

static void triangular_moments(void **state) {
    (void)state;
    /* mean (a+b+c)/3, var (a²+b²+c²-ab-ac-bc)/18, kurtosis 2.4 */
    rm_dist d = make(RM_TRIANGULAR, 1, 2, 6);
    check_moments(&d, 6, 3, (1 + 4 + 36 - 2 - 6 - 12) / 18.0, 2.4);
    /* The mode at either end. */
    d = make(RM_TRIANGULAR, 0, 0, 3);
    check_moments(&d, 7, 1, 9 / 18.0, 2.4);
    d = make(RM_TRIANGULAR, 2, 5, 5);
    check_moments(&d, 8, 4, (4 + 25 + 25 - 10 - 10 - 25) / 18.0, 2.4);
    rm_rng r;
    rm_rng_seed(&r, 9);
    for (int i = 0; i < 10000; i++) {
        double x = rm_dist_sample(&d, &r);
        assert_true(x >= 2 && x <= 5);
    }
}

static void erlang_moments(void **state) {
    (void)state;
    /* erlang(k, mean): var mean²/k, kurtosis 3 + 6/k */
    rm_dist d = make(RM_ERLANG, 3, 6, 0);
    check_moments(&d, 10, 6, 36.0 / 3, 3 + 6.0 / 3);
}

static void gamma_moments(void **state) {
    (void)state;
    /* gamma(mean, sd): shape (mean/sd)², kurtosis 3 + 6/shape */
    rm_dist d = make(RM_GAMMA, 3, 1.5, 0);
    check_moments(&d, 11, 3, 2.25, 3 + 6.0 / 4);
}

static void gamma_shape_below_one(void **state) {
    (void)state;
    /* mean < sd: shape 0.25, sampled through the boost. */
    rm_dist d = make(RM_GAMMA, 1, 2, 0);
    assert_near(d.q[0], 0.25, 1e-15);
    check_moments(&d, 12, 1, 4, 3 + 6 / 0.25);
}

static void weibull_moments(void **state) {
    (void)state;
    /* weibull(2, 3): mean 3 Γ(3/2), var 9 (Γ(2) - Γ(3/2)²) */
    rm_dist d = make(RM_WEIBULL, 2, 3, 0);
    double g1 = SQRT_PI_2, g2 = 1, g3 = 3 * SQRT_PI_2 / 2, g4 = 2;   /* Γ(1 + i/2) */
    double var = 9 * (g2 - g1 * g1);
    double mu4 = 81 * (g4 - 4 * g3 * g1 + 6 * g2 * g1 * g1 - 3 * g1 * g1 * g1 * g1);
    check_moments(&d, 13, 3 * g1, var, mu4 / (var * var));
    /* weibull(0.5, 1.5): Γ(1 + i/0.5) = (2i)!, mean 1.5 * 2, var 1.5² (24 - 4) */
    d = make(RM_WEIBULL, 0.5, 1.5, 0);
    double mu4b = 40320 - 4 * 720 * 2 + 6 * 24 * 4 - 3 * 16;     /* per scale^4 */
    check_moments(&d, 14, 3, 2.25 * 20, mu4b / 400);
}

static void bernoulli_moments(void **state) {
    (void)state;
    /* bernoulli(p): mean p, var p(1-p), kurtosis (1 - 3p + 3p²) / (p(1-p)) */
    rm_dist d = make(RM_BERNOULLI, 0.3, 0, 0);
    check_moments(&d, 15, 0.3, 0.21, (1 - 0.9 + 0.27) / 0.21);
    rm_rng r;
    rm_rng_seed(&r, 15);
    for (int i = 0; i < 10000; i++) {
        double x = rm_dist_sample(&d, &r);
        assert_true(x == 0 || x == 1);
    }
}

/* Draws N values of d and checks each is an index 0..n-1 drawn with
 * probability prob[i], within 5 standard errors. */
static void check_frequencies(const rm_dist *d, uint64_t seed, const double *values,
                              const double *prob, size_t n) {
    long count[8] = {0};
    rm_rng r;
    rm_rng_seed(&r, seed);
    for (int i = 0; i < N; i++) {
        double x = rm_dist_sample(d, &r);
        size_t j = 0;
        while (j < n && x != values[j])
            j++;
        if (j == n)
            fail_msg("%s: drew %g, not one of the values", rm_dist_kind_name(d->kind), x);
        count[j]++;
    }
    for (size_t j = 0; j < n; j++) {
        double f = (double)count[j] / N;
        assert_near(f, prob[j], 5 * sqrt(prob[j] * (1 - prob[j]) / N));
    }
}

static void choice_frequencies(void **state) {
    (void)state;
    rm_dist d = make(RM_CHOICE, 0, 0, 0);
    double cum[] = {0.2, 0.5, 1.0};
    d.values = cum;
    d.nvalues = 3;
    double idx[] = {0, 1, 2}, prob[] = {0.2, 0.3, 0.5};
    check_frequencies(&d, 16, idx, prob, 3);
    /* index mean 1.3, E[i²] = 0.3 + 2.0, var 0.61; E[(i-1.3)^4] below */
    double mu4 = 0.2 * pow(1.3, 4) + 0.3 * pow(0.3, 4) + 0.5 * pow(0.7, 4);
    check_moments(&d, 17, 1.3, 0.61, mu4 / (0.61 * 0.61));
    /* Weights need not add up to 1: cumulative {1, 4} is 1/4, 3/4. */
    double cum2[] = {1, 4}, prob2[] = {0.25, 0.75};
    d.values = cum2;
    d.nvalues = 2;
    check_frequencies(&d, 18, idx, prob2, 2);
}

static void empirical_frequencies(void **state) {
    (void)state;
    rm_dist d = make(RM_EMPIRICAL, 0, 0, 0);
    double values[] = {1.5, 3, 7, 10}, prob[] = {0.25, 0.25, 0.25, 0.25};
    d.values = values;
    d.nvalues = 4;
    check_frequencies(&d, 19, values, prob, 4);
    double mean = (1.5 + 3 + 7 + 10) / 4, var = 0, mu4 = 0;
    for (int i = 0; i < 4; i++) {
        var += pow(values[i] - mean, 2) / 4;
        mu4 += pow(values[i] - mean, 4) / 4;
    }
    check_moments(&d, 20, mean, var, mu4 / (var * var));
}

static void exact_means(void **state) {
    (void)state;
    rm_dist d;
    d = make(RM_CONSTANT, 2.5, 0, 0);
    assert_true(rm_dist_mean(&d) == 2.5);
    d = make(RM_UNIFORM, 2, 8, 0);
    assert_true(rm_dist_mean(&d) == 5);
    d = make(RM_EXPONENTIAL, 4, 0, 0);
    assert_true(rm_dist_mean(&d) == 4);
    d = make(RM_NORMAL, 10, 2, 0);
    assert_true(rm_dist_mean(&d) == 10);
    d = make(RM_LOGNORMAL, 4, 2, 0);
    assert_true(rm_dist_mean(&d) == 4);
    d = make(RM_TRIANGULAR, 1, 2, 6);
    assert_true(rm_dist_mean(&d) == 3);
    d = make(RM_ERLANG, 3, 6, 0);
    assert_true(rm_dist_mean(&d) == 6);
    d = make(RM_GAMMA, 1, 2, 0);
    assert_true(rm_dist_mean(&d) == 1);
    d = make(RM_WEIBULL, 2, 3, 0);
    assert_near(rm_dist_mean(&d), 3 * SQRT_PI_2, 1e-14);
    d = make(RM_WEIBULL, 0.5, 1.5, 0);
    assert_near(rm_dist_mean(&d), 3, 1e-14);
    d = make(RM_WEIBULL, 1, 7, 0);                     /* the exponential */
    assert_near(rm_dist_mean(&d), 7, 1e-14);
    d = make(RM_BERNOULLI, 0.3, 0, 0);
    assert_true(rm_dist_mean(&d) == 0.3);
    d = make(RM_EMPIRICAL, 0, 0, 0);
    double values[] = {1.5, 3, 7, 10};
    d.values = values;
    d.nvalues = 4;
    assert_true(rm_dist_mean(&d) == 5.375);
}

/* rm_dist_init(kind, a, b, c) must fail with exactly the message expected. */
static void assert_refused(rm_dist_kind kind, double a, double b, double c, const char *expected) {
    rm_dist d;
    double p[3] = {a, b, c};
    char err[256] = "";
    assert_int_equal(rm_dist_init(&d, kind, p, err, sizeof err), -1);
    if (strcmp(err, expected) != 0)
        fail_msg("error was:\n  %s\nexpected:\n  %s", err, expected);
}

static void parameter_errors(void **state) {
    (void)state;
    assert_refused(RM_EXPONENTIAL, -2, 0, 0, "exponential: the mean must be > 0 (got exponential(-2))");
    assert_refused(RM_EXPONENTIAL, 0, 0, 0, "exponential: the mean must be > 0 (got exponential(0))");
    assert_refused(RM_UNIFORM, 5, 1, 0,
                   "uniform: the lower bound must not exceed the upper bound (got uniform(5, 1))");
    assert_refused(RM_UNIFORM, -1, 1, 0, "uniform: the lower bound must be >= 0 (got uniform(-1, 1))");
    assert_refused(RM_TRIANGULAR, 1, 5, 3,
                   "triangular: it needs min <= mode <= max (got triangular(1, 5, 3))");
    assert_refused(RM_NORMAL, 1, -1, 0,
                   "normal: the standard deviation must be >= 0 (got normal(1, -1))");
    assert_refused(RM_BERNOULLI, 1.5, 0, 0, "bernoulli: p must be between 0 and 1 (got bernoulli(1.5))");
    assert_refused(RM_ERLANG, 2.5, 1, 0,
                   "erlang: k must be a whole number from 1 to 1000 (got erlang(2.5, 1))");
    assert_refused(RM_ERLANG, 1001, 1, 0,
                   "erlang: k must be a whole number from 1 to 1000 (got erlang(1001, 1))");
    assert_refused(RM_GAMMA, 2, 0, 0,
                   "gamma: the standard deviation must be > 0 (got gamma(2, 0))");
    assert_refused(RM_WEIBULL, 0, 1, 0, "weibull: the shape must be > 0 (got weibull(0, 1))");
    assert_refused(RM_GAMMA, NAN, 1, 0, "gamma: parameters must be finite numbers (got gamma(nan, 1))");
    assert_refused(RM_WEIBULL, 2, INFINITY, 0,
                   "weibull: parameters must be finite numbers (got weibull(2, inf))");
    assert_refused(RM_CONSTANT, -INFINITY, 0, 0,
                   "constant: parameters must be finite numbers (got constant(-inf))");
}

/* Parameters that are finite but whose derived constants or largest draws
 * overflow (issue 13): refused at load, never a sampler that loops or a NaN. */
static void extreme_parameters_are_refused(void **state) {
    (void)state;
    const char *far = "the standard deviation is too far from the mean to compute with";
    const char *large = "its largest values would be too large to compute with";
    char want[256];
#define REFUSED(kind, a, b, c, what, got) \
    (snprintf(want, sizeof want, "%s: %s (got %s)", rm_dist_kind_name(kind), what, got), \
     assert_refused(kind, a, b, c, want))
    REFUSED(RM_GAMMA, 1, 1e-200, 0, far, "gamma(1, 1e-200)");          /* shape overflows */
    REFUSED(RM_GAMMA, 1e200, 1, 0, far, "gamma(1e+200, 1)");
    REFUSED(RM_GAMMA, 1e-300, 1e300, 0, far, "gamma(1e-300, 1e+300)");  /* shape 0, scale inf */
    REFUSED(RM_GAMMA, 1e307, 1e307, 0, large, "gamma(1e+307, 1e+307)");
    REFUSED(RM_GAMMA, 10, 1.3e154, 0, large, "gamma(10, 1.3e+154)");
    REFUSED(RM_LOGNORMAL, 1e-308, 1, 0, far, "lognormal(1e-308, 1)");
    REFUSED(RM_LOGNORMAL, 1, 1e308, 0, far, "lognormal(1, 1e+308)");
    REFUSED(RM_LOGNORMAL, 1e300, 1e302, 0, large, "lognormal(1e+300, 1e+302)");
    REFUSED(RM_TRIANGULAR, 0, 0, 1.79e308, "max - min is too large to compute with",
            "triangular(0, 0, 1.79e+308)");
    REFUSED(RM_TRIANGULAR, 0, 1e200, 1e200, "max - min is too large to compute with",
            "triangular(0, 1e+200, 1e+200)");
    REFUSED(RM_EXPONENTIAL, 1e308, 0, 0, large, "exponential(1e+308)");
    REFUSED(RM_ERLANG, 3, 1e308, 0, large, "erlang(3, 1e+308)");
    REFUSED(RM_NORMAL, 1e308, 1e308, 0, large, "normal(1e+308, 1e+308)");
    REFUSED(RM_NORMAL, 0, 1e308, 0, large, "normal(0, 1e+308)");
    REFUSED(RM_WEIBULL, 0.001, 1, 0, large, "weibull(0.001, 1)");
    REFUSED(RM_WEIBULL, 1, 1e307, 0, large, "weibull(1, 1e+307)");
    REFUSED(RM_WEIBULL, 0.0052, 1, 0, large, "weibull(0.0052, 1)");   /* draws fit, the mean 192! not */
#undef REFUSED
}

/* Extreme but computable parameters: accepted, and every draw is finite
 * and >= 0 (the largest draw of each is below the bound rm_dist_init checks). */
static void extreme_but_computable_draws_are_finite(void **state) {
    (void)state;
    rm_dist ds[] = {
        make(RM_GAMMA, 1, 1e-7, 0),        make(RM_GAMMA, 1e-150, 1e-76, 0), make(RM_GAMMA, 1, 1e7, 0),
        make(RM_LOGNORMAL, 1e-300, 1e-300, 0), make(RM_LOGNORMAL, 1, 1e30, 0),
        make(RM_TRIANGULAR, 0, 1e150, 1e154), make(RM_EXPONENTIAL, 1e306, 0, 0),
        make(RM_NORMAL, 0, 1e306, 0),      make(RM_WEIBULL, 0.01, 1, 0),     make(RM_ERLANG, 1000, 1e306, 0),
        make(RM_EXPONENTIAL, 5e-324, 0, 0),
        make(RM_GAMMA, 1e-200, 1e-200, 0), make(RM_GAMMA, 1e300, 1e300, 0), /* squares under/overflow */
    };
    rm_rng r;
    rm_rng_seed(&r, 7);
    for (size_t k = 0; k < sizeof ds / sizeof ds[0]; k++)
        for (int i = 0; i < 20000; i++) {
            double x = rm_dist_sample(&ds[k], &r);
            if (!(x >= 0 && isfinite(x)))
                fail_msg("case %zu (%s): draw %d is %g", k, rm_dist_kind_name(ds[k].kind), i, x);
        }
}

/* The rejection samplers are bounded: a normal whose parameters were set by
 * hand to reject every try (a negative mean rm_dist_init would refuse) gives
 * NaN after RM_DIST_MAX_TRIES tries instead of looping. */
static void rejection_samplers_are_bounded(void **state) {
    (void)state;
    rm_dist d = make(RM_NORMAL, 1, 1, 0);
    d.p[0] = -1e300;                                  /* every try is < 0 */
    rm_rng r, count;
    rm_rng_seed(&r, 3);
    assert_true(isnan(rm_dist_sample(&d, &r)));
    rm_rng_seed(&count, 3);                           /* it used exactly 2 uniforms per try */
    for (int i = 0; i < 2 * RM_DIST_MAX_TRIES; i++)
        rm_rng_next(&count);
    assert_true(rm_rng_next(&count) == rm_rng_next(&r));
    rm_dist g = make(RM_GAMMA, 2, 1, 0);
    g.q[0] = INFINITY;                                /* what gamma(1, 1e-200) used to run with */
    assert_true(isnan(rm_dist_sample(&g, &r)));
}

static void boundary_parameters_are_accepted(void **state) {
    (void)state;
    rm_dist d;
    char err[256];
    double ok[][3] = {{0, 0, 0}, {3, 3, 0}, {1000, 1, 0}, {1, 0.5, 0}, {0, 0, 0}, {1, 0, 0}};
    rm_dist_kind kinds[] = {RM_CONSTANT, RM_UNIFORM, RM_ERLANG, RM_ERLANG, RM_BERNOULLI, RM_BERNOULLI};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        err[0] = '\0';
        if (rm_dist_init(&d, kinds[i], ok[i], err, sizeof err) != 0)
            fail_msg("case %zu (%s) refused: %s", i, rm_dist_kind_name(kinds[i]), err);
    }
    double normal0[] = {0, 0};
    assert_int_equal(rm_dist_init(&d, RM_NORMAL, normal0, err, sizeof err), 0);
    rm_rng r;
    rm_rng_seed(&r, 1);
    assert_true(rm_dist_sample(&d, &r) == 0);
    double tri[] = {4, 4, 4};                           /* degenerate: always 4 */
    assert_int_equal(rm_dist_init(&d, RM_TRIANGULAR, tri, err, sizeof err), 0);
    for (int i = 0; i < 100; i++)
        assert_true(rm_dist_sample(&d, &r) == 4);
}

static void short_error_buffer_truncates(void **state) {
    (void)state;
    const char *full = "uniform: the lower bound must not exceed the upper bound (got uniform(5, 1))";
    size_t len = strlen(full);
    double p[] = {5, 1};
    rm_dist d;
    for (size_t n = 1; n <= len + 1; n++) {
        char err[128];
        memset(err, 'X', sizeof err);
        assert_int_equal(rm_dist_init(&d, RM_UNIFORM, p, err, n), -1);
        assert_int_equal(strlen(err), n - 1);
        assert_memory_equal(err, full, n - 1);
        assert_true(err[n] == 'X');                     /* nothing written past n */
    }
}

static void names_round_trip(void **state) {
    (void)state;
    const char *names[] = {"constant", "uniform", "exponential", "normal", "lognormal", "triangular",
                           "erlang", "gamma", "weibull", "bernoulli", "choice", "empirical"};
    int nparams[] = {1, 2, 1, 2, 2, 3, 2, 2, 2, 1, 0, 0};
    assert_int_equal(sizeof names / sizeof names[0], RM_DIST_KINDS);
    for (int k = 0; k < RM_DIST_KINDS; k++) {
        assert_string_equal(rm_dist_kind_name((rm_dist_kind)k), names[k]);
        assert_int_equal(rm_dist_kind_from_name(rm_dist_kind_name((rm_dist_kind)k)), k);
        assert_int_equal(rm_dist_nparams((rm_dist_kind)k), nparams[k]);
    }
    assert_int_equal(rm_dist_kind_from_name("poisson"), -1);
    assert_int_equal(rm_dist_kind_from_name(""), -1);
    assert_int_equal(rm_dist_kind_from_name("Exponential"), -1);
}

static void same_seed_same_samples(void **state) {
    (void)state;
    double cum[] = {0.2, 0.5, 1.0}, values[] = {1.5, 3, 7, 10};
    rm_dist ds[RM_DIST_KINDS] = {
        make(RM_CONSTANT, 2.5, 0, 0),  make(RM_UNIFORM, 2, 8, 0),     make(RM_EXPONENTIAL, 4, 0, 0),
        make(RM_NORMAL, 1, 2, 0),      make(RM_LOGNORMAL, 4, 2, 0),   make(RM_TRIANGULAR, 1, 2, 6),
        make(RM_ERLANG, 3, 6, 0),      make(RM_GAMMA, 1, 2, 0),       make(RM_WEIBULL, 2, 3, 0),
        make(RM_BERNOULLI, 0.3, 0, 0), make(RM_CHOICE, 0, 0, 0),      make(RM_EMPIRICAL, 0, 0, 0),
    };
    ds[RM_CHOICE].values = cum;
    ds[RM_CHOICE].nvalues = 3;
    ds[RM_EMPIRICAL].values = values;
    ds[RM_EMPIRICAL].nvalues = 4;
    for (int k = 0; k < RM_DIST_KINDS; k++) {
        rm_rng a, b, c;
        rm_rng_seed(&a, 99);
        rm_rng_seed(&b, 99);
        rm_rng_seed(&c, 100);
        int differ = 0;
        for (int i = 0; i < 1000; i++) {
            double x = rm_dist_sample(&ds[k], &a);
            if (x != rm_dist_sample(&ds[k], &b))
                fail_msg("%s: sample %d differs between equal seeds", rm_dist_kind_name((rm_dist_kind)k), i);
            differ += x != rm_dist_sample(&ds[k], &c);
        }
        if (k != RM_CONSTANT && differ == 0)
            fail_msg("%s: seeds 99 and 100 gave the same samples", rm_dist_kind_name((rm_dist_kind)k));
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(constant_moments),
        cmocka_unit_test(uniform_moments),
        cmocka_unit_test(exponential_moments),
        cmocka_unit_test(normal_moments),
        cmocka_unit_test(lognormal_moments),
        cmocka_unit_test(triangular_moments),
        cmocka_unit_test(erlang_moments),
        cmocka_unit_test(gamma_moments),
        cmocka_unit_test(gamma_shape_below_one),
        cmocka_unit_test(weibull_moments),
        cmocka_unit_test(bernoulli_moments),
        cmocka_unit_test(choice_frequencies),
        cmocka_unit_test(empirical_frequencies),
        cmocka_unit_test(exact_means),
        cmocka_unit_test(parameter_errors),
        cmocka_unit_test(extreme_parameters_are_refused),
        cmocka_unit_test(extreme_but_computable_draws_are_finite),
        cmocka_unit_test(rejection_samplers_are_bounded),
        cmocka_unit_test(boundary_parameters_are_accepted),
        cmocka_unit_test(short_error_buffer_truncates),
        cmocka_unit_test(names_round_trip),
        cmocka_unit_test(same_seed_same_samples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
