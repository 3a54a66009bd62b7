/* Replications and units spread over worker processes (parallel.c:
 * rm_run_reps, rm_spread): when several
 * fail, the error said is the lowest failing one's, whatever --jobs and
 * whichever worker fails first. */
#include <time.h>
#include "testing.h"
#include "results.h"
#include "scenario.h"

static int failed_unit;                          /* in the worker that failed */

/* Units 0 and 1 fail: unit 1 at once (the second worker's first), unit 0
 * a while later (the first worker's first); the others pass. */
static int late_and_early_failures(void *ctx, rm_sim *sim, int r, double *values) {
    (void)ctx, (void)sim;
    values[0] = r;
    if (r == 0)
        nanosleep(&(struct timespec){0, 300000000}, NULL);
    failed_unit = r;
    return r <= 1 ? -1 : 0;
}

static const char *unit_message(void *ctx, rm_sim *sim) {
    (void)ctx, (void)sim;
    static char msg[64];
    snprintf(msg, sizeof msg, "unit %d failed", failed_unit);
    return msg;
}

static int run_units(int jobs, int (*unit)(void *, rm_sim *, int, double *), char *err, size_t errlen,
                     double *values) {
    remous_scenario *sc = open_text("scenario 's' { horizon = 10 }\n"
                                    "arrivals 'a' { interarrival = 1, to = 'exit' }\n", NULL);
    rm_reps_job job = {.model = sc->models[0], .seed = 1, .reps = 6, .jobs = jobs, .n = 1, .unit = unit,
                       .unit_error = unit_message};
    rm_progress p;
    rm_progress_start(&p, 0, job.reps);
    double pvalues[1];
    int rc = rm_run_reps(&job, values, pvalues, &p, err, errlen);
    remous_close(sc);
    return rc;
}

static void the_lowest_failure_is_said(void **state) {
    (void)state;
    for (int jobs = 1; jobs <= 3; jobs++) {
        char err[256] = "";
        double values[6];
        assert_int_equal(run_units(jobs, late_and_early_failures, err, sizeof err, values), -1);
        assert_string_equal(err, "unit 0 failed");
    }
}

static int every_unit_passes(void *ctx, rm_sim *sim, int r, double *values) {
    (void)ctx, (void)sim;
    values[0] = 10 * r;
    return 0;
}

static void units_come_back_in_order(void **state) {
    (void)state;
    for (int jobs = 1; jobs <= 4; jobs++) {
        char err[256] = "";
        double values[6];
        assert_int_equal(run_units(jobs, every_unit_passes, err, sizeof err, values), 0);
        for (int r = 0; r < 6; r++)
            assert_true(values[r] == 10 * r);
    }
}

/* Job ctx's unit r: its number and the job's, 100 * job + r. The second
 * job (ctx 1) fails at its units 3 and 4, the third at once at its unit 0;
 * the first never. */
static int job_and_unit(void *ctx, rm_sim *sim, int r, double *values) {
    (void)sim;
    int job = (int)(intptr_t)ctx;
    values[0] = 100 * job + r;
    failed_unit = 100 * job + r;
    if (job == 1 && r == 3)
        nanosleep(&(struct timespec){0, 200000000}, NULL);
    return (job == 1 && r >= 3) || (job == 2 && r == 0) ? -1 : 0;
}

/* Three jobs of 5, 6 and 4 units on one pool (a comparison's baseline and
 * variants): each job's units come back into its own array, in order; when
 * some fail, the error said is the first failing job's lowest unit's,
 * whatever --jobs. */
static void several_jobs_share_one_pool(void **state) {
    (void)state;
    remous_scenario *sc = open_text("scenario 's' { horizon = 10 }\n"
                                    "arrivals 'a' { interarrival = 1, to = 'exit' }\n", NULL);
    for (int failing = 0; failing <= 1; failing++)
        for (int jobs = 1; jobs <= 3; jobs++) {
            rm_reps_job job[3];
            int reps[3] = {5, 6, 4};
            double a[6], b[6], c[6], pv[1], *values[3] = {a, b, c}, *pvalues[3] = {pv, pv, pv};
            for (int k = 0; k < 3; k++)
                job[k] = (rm_reps_job){.model = sc->models[0], .seed = 1, .reps = reps[k], .jobs = jobs, .n = 1,
                                       .unit = failing || k == 0 ? job_and_unit : every_unit_passes,
                                       .unit_ctx = (void *)(intptr_t)k, .unit_error = unit_message};
            rm_progress p;
            rm_progress_start(&p, 0, 15);
            char err[256] = "";
            int rc = rm_run_reps_all(job, 3, values, pvalues, &p, err, sizeof err);
            if (failing) {
                assert_int_equal(rc, -1);
                assert_string_equal(err, "unit 103 failed");
                continue;
            }
            assert_int_equal(rc, 0);
            assert_int_equal(p.done, 15);
            for (int r = 0; r < 6; r++) {
                if (r < 5)
                    assert_true(a[r] == r);
                assert_true(b[r] == 10 * r);
                if (r < 4)
                    assert_true(c[r] == 10 * r);
            }
        }
    remous_close(sc);
}

/* Points 0 and 1 of a spread fail, 1 at once, 0 a while later. */
static int late_and_early_points(void *ctx, long i, int jobs, double *into, rm_progress *progress, char *err,
                                 size_t errlen) {
    (void)ctx, (void)jobs, (void)progress;
    into[0] = (double)i;
    if (i == 0)
        nanosleep(&(struct timespec){0, 300000000}, NULL);
    snprintf(err, errlen, "point %ld failed", i);
    return i <= 1 ? REMOUS_ERR_INPUT : REMOUS_OK;
}

static void a_spread_says_its_lowest_failure(void **state) {
    (void)state;
    double cells[6], *into[6];
    for (int i = 0; i < 6; i++)
        into[i] = &cells[i];
    for (int jobs = 1; jobs <= 3; jobs++) {
        char err[256] = "";
        rm_progress p;
        rm_progress_start(&p, 0, 6);
        assert_int_equal(rm_spread(6, jobs, 1, 1, into, late_and_early_points, NULL, &p, err, sizeof err),
                         REMOUS_ERR_INPUT);
        assert_string_equal(err, "point 0 failed");
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_lowest_failure_is_said),
        cmocka_unit_test(units_come_back_in_order),
        cmocka_unit_test(several_jobs_share_one_pool),
        cmocka_unit_test(a_spread_says_its_lowest_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
