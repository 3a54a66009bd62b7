/* Streaming statistics: Welford against two passes, the time-weighted
 * average by hand, the quantile sketch against sorting, Student's t table. */
#include "testing.h"
#include "stats.h"
#include "rng.h"

static void welford_matches_two_passes(void **state) {
    (void)state;
    enum { n = 10000 };
    static double x[n];
    rm_rng r;
    rm_rng_seed(&r, 7);
    rm_welford w;
    rm_welford_reset(&w);
    double max = -INFINITY;
    for (int i = 0; i < n; i++) {
        /* a large offset makes a naive sum-of-squares lose digits */
        x[i] = 1e6 + 50 * rm_rng_uniform(&r) - 40 * rm_rng_uniform(&r) * rm_rng_uniform(&r);
        rm_welford_add(&w, x[i]);
        if (x[i] > max)
            max = x[i];
    }
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += x[i];
    double mean = sum / n, ss = 0;
    for (int i = 0; i < n; i++)
        ss += (x[i] - mean) * (x[i] - mean);
    double var = ss / (n - 1);
    assert_int_equal(w.n, n);
    assert_near(w.mean, mean, 1e-9 * fabs(mean));
    assert_near(rm_welford_var(&w), var, 1e-9 * var);
    assert_true(w.max == max);
}

static void welford_small_cases(void **state) {
    (void)state;
    rm_welford w;
    rm_welford_reset(&w);
    assert_true(rm_welford_var(&w) == 0);
    rm_welford_add(&w, 3.5);
    assert_true(w.mean == 3.5);
    assert_true(w.max == 3.5);
    assert_true(rm_welford_var(&w) == 0);            /* n < 2 */
    /* {2, 4, 4, 4, 5, 5, 7, 9}: mean 5, squares about it 32, var 32/7 */
    double xs[] = {2, 4, 4, 4, 5, 5, 7, 9};
    rm_welford_reset(&w);
    for (int i = 0; i < 8; i++)
        rm_welford_add(&w, xs[i]);
    assert_near(w.mean, 5, 1e-15);
    assert_near(rm_welford_var(&w), 32.0 / 7, 1e-14);
    assert_true(w.max == 9);
    /* The maximum of negative values is not 0. */
    rm_welford_reset(&w);
    rm_welford_add(&w, -5);
    rm_welford_add(&w, -3);
    rm_welford_add(&w, -7);
    assert_true(w.max == -3);
    assert_near(w.mean, -5, 1e-15);
    assert_near(rm_welford_var(&w), 4, 1e-14);
}

static void timeavg_by_hand(void **state) {
    (void)state;
    rm_timeavg a;
    rm_timeavg_start(&a, 10, 0);
    rm_timeavg_set(&a, 12, 2);
    assert_near(rm_timeavg_mean(&a, 14), (0 * 2 + 2 * 2) / 4.0, 1e-15);
    rm_timeavg_set(&a, 15, 1);
    /* (0*2 + 2*3 + 1*5) / 10 */
    assert_near(rm_timeavg_mean(&a, 20), 1.1, 1e-15);
    assert_true(a.max == 2);
    /* Asking does not change the state. */
    assert_near(rm_timeavg_mean(&a, 20), 1.1, 1e-15);
    assert_near(rm_timeavg_mean(&a, 15), 6.0 / 5, 1e-15);
}

static void timeavg_at_start(void **state) {
    (void)state;
    rm_timeavg a;
    rm_timeavg_start(&a, 5, 3);
    assert_true(rm_timeavg_mean(&a, 5) == 3);
    assert_true(a.max == 3);
    rm_timeavg_set(&a, 5, 4);                         /* a change at t0 itself */
    assert_true(rm_timeavg_mean(&a, 5) == 4);
    assert_near(rm_timeavg_mean(&a, 7), 4, 1e-15);
    /* Starting again forgets the past. */
    rm_timeavg_start(&a, 7, 1);
    assert_true(a.max == 1);
    assert_near(rm_timeavg_mean(&a, 9), 1, 1e-15);
}

static int cmp_double(const void *pa, const void *pb) {
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

static void sketch_against_sorting(void **state) {
    (void)state;
    enum { nexp = 100000, nzero = 20000, n = nexp + nzero };
    static double x[n];
    static rm_sketch s;                               /* 9.6 kB: keep it off the stack */
    rm_sketch_reset(&s);
    rm_rng r;
    rm_rng_seed(&r, 11);
    for (int i = 0; i < n; i++) {
        x[i] = i < nexp ? -4 * log1p(-rm_rng_uniform(&r)) : 0;   /* exponential(4), zeros */
        rm_sketch_add(&s, x[i]);
    }
    assert_int_equal(s.n, n);
    qsort(x, n, sizeof x[0], cmp_double);
    double qs[] = {0.5, 0.9, 0.95, 0.99, 0.999, 1};
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        size_t rank = (size_t)ceil(qs[i] * n);
        double exact = x[rank - 1], got = rm_sketch_quantile(&s, qs[i]);
        if (!(fabs(got - exact) <= 0.015 * exact))
            fail_msg("q%g: sketch %.6g, exact order statistic %.6g", qs[i], got, exact);
    }
    /* Ranks within the zeros (1/6 of the values) give 0. */
    assert_true(rm_sketch_quantile(&s, 0) == 0);
    assert_true(rm_sketch_quantile(&s, 0.1) == 0);
    assert_true(rm_sketch_quantile(&s, (double)nzero / n) == 0);
    assert_true(rm_sketch_quantile(&s, (double)(nzero + 1) / n) > 0);
}

static void sketch_wide_range(void **state) {
    (void)state;
    /* Values 1e-5 .. 1e7, log-uniform: the relative error stays near 1%. */
    enum { n = 50000 };
    static double x[n];
    static rm_sketch s;
    rm_sketch_reset(&s);
    rm_rng r;
    rm_rng_seed(&r, 12);
    for (int i = 0; i < n; i++) {
        x[i] = pow(10, -5 + 12 * rm_rng_uniform(&r));
        rm_sketch_add(&s, x[i]);
    }
    qsort(x, n, sizeof x[0], cmp_double);
    for (int k = 1; k <= 99; k++) {
        double q = k / 100.0;
        double exact = x[(size_t)ceil(q * n) - 1], got = rm_sketch_quantile(&s, q);
        if (!(fabs(got - exact) <= 0.0101 * exact))
            fail_msg("q%g: sketch %.6g, exact order statistic %.6g", q, got, exact);
    }
}

static void sketch_rank_is_the_ceiling(void **state) {
    (void)state;
    /* Values 1..10, each far from the others: the q-quantile is the value of
     * rank ceil(10 q), within 1%. */
    static rm_sketch s;
    rm_sketch_reset(&s);
    for (int v = 10; v >= 1; v--)
        rm_sketch_add(&s, v);
    double qs[] = {0.01, 0.05, 0.1, 0.25, 0.5, 0.61, 0.95, 0.99, 1};
    int ranks[] = {1, 1, 1, 3, 5, 7, 10, 10, 10};
    for (int i = 0; i < 9; i++)
        assert_near(rm_sketch_quantile(&s, qs[i]), ranks[i], 0.0101 * ranks[i]);
}

static void sketch_empty_and_zeros(void **state) {
    (void)state;
    static rm_sketch s;
    rm_sketch_reset(&s);
    assert_true(rm_sketch_quantile(&s, 0.5) == 0);
    assert_true(rm_sketch_quantile(&s, 1) == 0);
    for (int i = 0; i < 1000; i++)
        rm_sketch_add(&s, 0);
    rm_sketch_add(&s, 1e-7);                          /* below RM_SKETCH_MIN: a zero */
    rm_sketch_add(&s, NAN);                           /* counted apart, as a zero */
    assert_int_equal(s.n, 1002);
    assert_int_equal(s.zeros, 1002);
    assert_true(rm_sketch_quantile(&s, 0.5) == 0);
    assert_true(rm_sketch_quantile(&s, 1) == 0);
    /* One value: every quantile is that value within 1%. */
    rm_sketch_reset(&s);
    rm_sketch_add(&s, 42);
    assert_near(rm_sketch_quantile(&s, 0), 42, 0.42);
    assert_near(rm_sketch_quantile(&s, 0.5), 42, 0.42);
    assert_near(rm_sketch_quantile(&s, 1), 42, 0.42);
}

static void sketch_memory_is_fixed(void **state) {
    (void)state;
    rm_sketch s;
    _Static_assert(sizeof s.bins / sizeof s.bins[0] == RM_SKETCH_BINS, "bins are the bound");
    _Static_assert(sizeof(rm_sketch) == offsetof(rm_sketch, bins) + RM_SKETCH_BINS * sizeof(uint32_t),
                   "no other storage");
    assert_int_equal(sizeof s.bins / sizeof s.bins[0], RM_SKETCH_BINS);
    assert_int_equal(sizeof s, 2 * sizeof(uint64_t) + RM_SKETCH_BINS * sizeof(uint32_t));
}

static void student_t_table(void **state) {
    (void)state;
    assert_near(rm_student_t(0.975, 1), 12.7062, 1e-4);
    assert_near(rm_student_t(0.975, 2), 4.3027, 1e-4);
    assert_near(rm_student_t(0.975, 4), 2.7764, 1e-4);
    assert_near(rm_student_t(0.975, 9), 2.2622, 1e-4);
    assert_near(rm_student_t(0.975, 19), 2.0930, 1e-4);
    assert_near(rm_student_t(0.975, 29), 2.0452, 1e-4);
    assert_near(rm_student_t(0.975, 1000), 1.9623, 1e-4);
    assert_near(rm_student_t(0.95, 10), 1.8125, 1e-4);
}

static void student_t_closed_forms(void **state) {
    (void)state;
    const double pi = 3.14159265358979323846;
    double ps[] = {0.6, 0.75, 0.9, 0.95, 0.975, 0.995};
    for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++) {
        double p = ps[i];
        /* df = 1 is Cauchy: tan(pi (p - 1/2)); df = 2: (2p-1) / sqrt(2p(1-p)) */
        double t1 = tan(pi * (p - 0.5)), t2 = (2 * p - 1) / sqrt(2 * p * (1 - p));
        assert_near(rm_student_t(p, 1), t1, 1e-9 * t1);
        assert_near(rm_student_t(p, 2), t2, 1e-9 * t2);
    }
    assert_near(rm_student_t(0.5, 5), 0, 1e-9);
    /* Large df tends to the normal quantile 1.959964. */
    assert_near(rm_student_t(0.975, 1e7), 1.959964, 1e-6);
}

/* Two-sided p-values: the closed forms of df = 1, 2, 3 and table values. */
static void student_p_values(void **state) {
    (void)state;
    const double pi = 3.14159265358979323846;
    double ts[] = {0.1, 0.5, 1, 2, 3.5, 10, 100};
    for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++) {
        double t = ts[i], r3 = t / sqrt(3);
        double p1 = 1 - 2 / pi * atan(t);                         /* Cauchy */
        double p2 = 1 - t / sqrt(2 + t * t);
        double p3 = 1 - 2 / pi * (r3 / (1 + r3 * r3) + atan(r3));
        assert_near(rm_student_p(t, 1), p1, 1e-10 * p1 + 1e-15);
        assert_near(rm_student_p(-t, 1), p1, 1e-10 * p1 + 1e-15);   /* two-sided */
        assert_near(rm_student_p(t, 2), p2, 1e-8 * p2);
        assert_near(rm_student_p(t, 3), p3, 1e-8 * p3 + 1e-15);
    }
    assert_near(rm_student_p(1, 1), 0.5, 1e-12);
    assert_near(rm_student_p(0, 7), 1, 1e-12);
    assert_near(rm_student_p(2.228138852, 10), 0.05, 1e-8);       /* t(0.975, 10) */
    assert_near(rm_student_p(2.860934606, 19), 0.01, 1e-8);       /* t(0.995, 19) */
    assert_near(rm_student_p(8.610301581, 4), 0.001, 1e-8);       /* t(0.9995, 4) */
    assert_near(rm_student_p(1000, 2), 1 - 1000 / sqrt(1000002.0), 1e-6 * 1e-6);   /* a tiny p, no cancellation */
    assert_near(rm_student_p(1.959963985, 1e7), 0.05, 1e-6);      /* the normal's limit */
    assert_true(rm_student_p(INFINITY, 5) == 0);
    assert_true(isnan(rm_student_p(NAN, 5)));
    /* The inverse of rm_student_t, on the other tail too. */
    for (int df = 1; df <= 40; df += 13)
        assert_near(rm_student_p(rm_student_t(0.9995, df), df), 0.001, 1e-9);
}

/* Holm: sorted 0.005, 0.01, 0.03, 0.04 (m = 4, the NaN is no test) give
 * 4 x 0.005, 3 x 0.01, 2 x 0.03, then 0.04 raised to the running maximum. */
static void holm_by_hand(void **state) {
    (void)state;
    double p[] = {0.01, 0.04, 0.03, NAN, 0.005}, adj[5];
    assert_int_equal(rm_holm(p, 5, adj), 0);
    assert_near(adj[0], 0.03, 1e-15);
    assert_near(adj[1], 0.06, 1e-15);
    assert_near(adj[2], 0.06, 1e-15);
    assert_true(isnan(adj[3]));
    assert_near(adj[4], 0.02, 1e-15);
    double big[] = {0.5, 0.9}, adj2[2];                 /* capped at 1 */
    assert_int_equal(rm_holm(big, 2, adj2), 0);
    assert_near(adj2[0], 1, 1e-15);
    assert_near(adj2[1], 1, 1e-15);
    assert_int_equal(rm_holm(p, 0, adj), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(welford_matches_two_passes),
        cmocka_unit_test(welford_small_cases),
        cmocka_unit_test(timeavg_by_hand),
        cmocka_unit_test(timeavg_at_start),
        cmocka_unit_test(sketch_against_sorting),
        cmocka_unit_test(sketch_wide_range),
        cmocka_unit_test(sketch_rank_is_the_ceiling),
        cmocka_unit_test(sketch_empty_and_zeros),
        cmocka_unit_test(sketch_memory_is_fixed),
        cmocka_unit_test(student_t_table),
        cmocka_unit_test(student_t_closed_forms),
        cmocka_unit_test(student_p_values),
        cmocka_unit_test(holm_by_hand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
