/* Random streams: known-answer vectors and stream independence. */
#include "testing.h"
#include "rng.h"

static void splitmix64_known_answers(void **state) {
    (void)state;
    uint64_t x = 0;       /* Steele, Lea and Flood's SplitMix64 from seed 0 */
    assert_int_equal(rm_splitmix64(&x), 0xe220a8397b1dcdafULL);
    assert_int_equal(rm_splitmix64(&x), 0x6e789e6aa1b965f4ULL);
    assert_int_equal(rm_splitmix64(&x), 0x06c45d188009454fULL);
}

static void xoshiro256ss_known_answers(void **state) {
    (void)state;
    rm_rng r = {{1, 2, 3, 4}};
    /* The first three worked out by hand from the reference algorithm. */
    assert_int_equal(rm_rng_next(&r), 11520);
    assert_int_equal(rm_rng_next(&r), 0);
    assert_int_equal(rm_rng_next(&r), 1509978240);
    assert_int_equal(rm_rng_next(&r), 1215971899390074240ULL);
}

static void uniform_is_in_unit_interval(void **state) {
    (void)state;
    rm_rng r;
    rm_rng_seed(&r, 42);
    double sum = 0;
    for (int i = 0; i < 100000; i++) {
        double u = rm_rng_uniform(&r);
        assert_true(u >= 0 && u < 1);
        sum += u;
    }
    assert_near(sum / 100000, 0.5, 0.005);
}

static void streams_are_keyed_by_seed_replication_and_name(void **state) {
    (void)state;
    rm_rng a, b, c, d, e;
    rm_rng_stream(&a, 7, 1, "activity/advise/duration");
    rm_rng_stream(&b, 7, 1, "activity/advise/duration");
    rm_rng_stream(&c, 7, 1, "activity/checkout/duration");
    rm_rng_stream(&d, 7, 2, "activity/advise/duration");
    rm_rng_stream(&e, 8, 1, "activity/advise/duration");
    uint64_t xa = rm_rng_next(&a);
    assert_int_equal(xa, rm_rng_next(&b));
    assert_int_not_equal(xa, rm_rng_next(&c));
    assert_int_not_equal(xa, rm_rng_next(&d));
    assert_int_not_equal(xa, rm_rng_next(&e));
}

static void fnv1a_known_answers(void **state) {
    (void)state;
    assert_int_equal(rm_hash_name(""), 0xcbf29ce484222325ULL);
    assert_int_equal(rm_hash_name("a"), 0xaf63dc4c8601ec8cULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splitmix64_known_answers),
        cmocka_unit_test(xoshiro256ss_known_answers),
        cmocka_unit_test(uniform_is_in_unit_interval),
        cmocka_unit_test(streams_are_keyed_by_seed_replication_and_name),
        cmocka_unit_test(fnv1a_known_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
