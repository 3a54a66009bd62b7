/* The event calendar: order by time, ties first-in-first-out. */
#include "testing.h"
#include "heap.h"
#include "rng.h"

static void pops_in_time_order(void **state) {
    (void)state;
    rm_heap h;
    rm_heap_init(&h);
    double times[] = {5, 1, 4, 2, 3};
    for (int i = 0; i < 5; i++)
        assert_int_equal(rm_heap_push(&h, times[i], 0, (uint32_t)i, 0), 0);
    rm_event e;
    for (int i = 1; i <= 5; i++) {
        assert_int_equal(rm_heap_pop(&h, &e), 0);
        assert_true(e.time == i);
    }
    assert_int_equal(rm_heap_pop(&h, &e), -1);
    rm_heap_free(&h);
}

static void equal_times_run_in_insertion_order(void **state) {
    (void)state;
    rm_heap h;
    rm_heap_init(&h);
    for (uint32_t i = 0; i < 1000; i++)
        rm_heap_push(&h, i % 3 == 0 ? 1.0 : 2.0, 0, i, 0);
    rm_event e;
    uint32_t last = 0;
    int first = 1;
    double last_time = 0;
    while (rm_heap_pop(&h, &e) == 0) {
        if (!first && e.time == last_time)
            assert_true(e.a > last);     /* FIFO among equal times */
        assert_true(first || e.time >= last_time);
        first = 0;
        last = e.a;
        last_time = e.time;
    }
    rm_heap_free(&h);
}

static void random_stress_matches_sorted_order(void **state) {
    (void)state;
    rm_heap h;
    rm_heap_init(&h);
    rm_rng r;
    rm_rng_seed(&r, 3);
    double now = 0;
    int popped = 0;
    /* interleaved pushes and pops, as a simulation does */
    for (int i = 0; i < 200000; i++) {
        rm_heap_push(&h, now + (double)(rm_rng_next(&r) % 100), 0, 0, 0);
        if (i % 3 == 2) {
            rm_event e;
            assert_int_equal(rm_heap_pop(&h, &e), 0);
            assert_true(e.time >= now);
            now = e.time;
            popped++;
        }
    }
    rm_event e;
    uint64_t seq_at_time = 0;
    double t = now;
    while (rm_heap_pop(&h, &e) == 0) {
        assert_true(e.time >= t);
        if (e.time == t)
            assert_true(e.seq >= seq_at_time);
        t = e.time;
        seq_at_time = e.seq;
    }
    assert_int_equal(popped, 66666);
    rm_heap_free(&h);
}

/* pop_before: only events not at or after the limit; one at NaN too (to
 * be refused by the loop), never left to sit at the bottom. */
static void pop_before_stops_at_the_limit(void **state) {
    (void)state;
    rm_heap h;
    rm_heap_init(&h);
    double times[] = {3, 1, 2, 2};
    for (int i = 0; i < 4; i++)
        assert_int_equal(rm_heap_push(&h, times[i], 0, (uint32_t)i, 0), 0);
    rm_event e = {0, 0, 0, 0, 0};
    assert_int_equal(rm_heap_pop_before(&h, 2, &e), 0);
    assert_true(e.time == 1);
    assert_int_equal(rm_heap_pop_before(&h, 2, &e), -1);     /* 2 is at the limit */
    assert_int_equal(rm_heap_pop_before(&h, 2.5, &e), 0);
    assert_true(e.time == 2 && e.a == 2);                      /* ties: first pushed first */
    assert_int_equal(rm_heap_pop_before(&h, 2.5, &e), 0);
    assert_true(e.time == 2 && e.a == 3);
    assert_int_equal(rm_heap_pop_before(&h, 2.5, &e), -1);
    assert_int_equal(rm_heap_pop(&h, &e), 0);
    assert_true(e.time == 3);
    assert_int_equal(rm_heap_pop_before(&h, INFINITY, &e), -1);   /* empty */
    assert_int_equal(rm_heap_push(&h, NAN, 0, 9, 0), 0);
    assert_int_equal(rm_heap_pop_before(&h, 5, &e), 0);
    assert_true(isnan(e.time) && e.a == 9);
    rm_heap_free(&h);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pops_in_time_order),
        cmocka_unit_test(equal_times_run_in_insertion_order),
        cmocka_unit_test(random_stress_matches_sorted_order),
        cmocka_unit_test(pop_before_stops_at_the_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
