/* Tools, variants and the paired comparison: an untouched part of the model
 * gives a delta of exactly 0; adoption, downtime, learning and training move
 * the numbers by amounts worked out by hand. */
#include "testing.h"

static remous_comparison *compare_text(const char *text, remous_scenario **sc) {
    *sc = open_text(text, NULL);
    remous_comparison *cmp = NULL;
    char err[1024];
    if (remous_compare(*sc, &cmp, err, sizeof err) != REMOUS_OK)
        fail_msg("compare failed: %s", err);
    return cmp;
}

static remous_delta_row delta(const remous_comparison *cmp, const char *variant, const char *element,
                              const char *name, const char *metric) {
    remous_delta_row d;
    if (remous_comparison_find(cmp, variant, element, name, metric, &d) < 0)
        fail_msg("no comparison for %s %s %s %s", variant, element, name, metric);
    return d;
}

/* The variant's summary value of a metric. */
static double variant_value(remous_scenario *sc, const char *variant, const char *element,
                            const char *name, const char *m) {
    remous_results *res;
    char err[512];
    if (remous_run_variant(sc, variant, &res, err, sizeof err) != REMOUS_OK)
        fail_msg("%s", err);
    double v = metric(res, element, name, m).mean;
    remous_results_free(res);
    return v;
}

static void an_untouched_line_has_exactly_zero_delta(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_comparison *cmp = compare_text(
        "scenario 'two lines' { horizon = days(5), replications = 10 }\n"
        "role 'a_staff' {}\n"
        "role 'b_staff' {}\n"
        "arrivals 'a_jobs' { interarrival = exponential(10), to = 'a_work' }\n"
        "arrivals 'b_jobs' { interarrival = exponential(10), to = 'b_work' }\n"
        "activity 'a_work' { role = 'a_staff', duration = exponential(6), kind = 'core' }\n"
        "activity 'b_work' { role = 'b_staff', duration = exponential(6), kind = 'core' }\n"
        "variant 'faster B' { apply = function() activity 'b_work' { duration = exponential(4) } end }\n", &sc);
    const char *a_metrics[][3] = {{"queue", "a_work", "wait_mean"}, {"queue", "a_work", "wait_p90"},
                                  {"role", "a_staff", "utilization"}, {"arrivals", "a_jobs", "cycle_time_mean"},
                                  {"activity", "a_work", "completed"}};
    for (size_t i = 0; i < sizeof a_metrics / sizeof a_metrics[0]; i++) {
        remous_delta_row d = delta(cmp, "faster B", a_metrics[i][0], a_metrics[i][1], a_metrics[i][2]);
        assert_true(d.delta == 0 && d.ci95_low == 0 && d.ci95_high == 0);
        assert_false(d.significant);
    }
    remous_delta_row b = delta(cmp, "faster B", "queue", "b_work", "wait_mean");
    assert_true(b.significant);
    assert_true(b.delta < 0 && b.ci95_high < 0);
    b = delta(cmp, "faster B", "role", "b_staff", "utilization");
    assert_true(b.significant && b.delta < 0);
    /* utilization falls by a third: service 6 -> 4 */
    assert_near(b.relative_change, -1.0 / 3, 0.03);
    remous_comparison_free(cmp);
    remous_close(sc);
}

/* A shop where customers pay at the counter, and a tool for paying online
 * handled by the same clerks; an independent back office. */
#define SHOP                                                                          \
    "scenario 'shop' { horizon = 1000, replications = 3 }\n"                          \
    "role 'clerk' { count = 2 }\n"                                                    \
    "role 'office' {}\n"                                                              \
    "arrivals 'customers' { interarrival = exponential(10), to = 'checkout' }\n"      \
    "arrivals 'letters' { interarrival = exponential(30), to = 'file' }\n"            \
    "activity 'checkout' { role = 'clerk', duration = exponential(8), kind = 'sales' }\n" \
    "activity 'file' { role = 'office', duration = exponential(20) }\n"

static void adoption_zero_and_one(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_comparison *cmp = compare_text(SHOP
        "tool 'online' { adoption = 0, fallback = 'checkout', apply = function()\n"
        "  activity 'pay' { role = 'clerk', duration = 1, kind = 'tool' }\n"
        "  arrivals 'customers' { to = 'pay' }\n"
        "end }\n"
        "variant 'nobody uses it' { tools = { 'online' } }\n", &sc);
    /* everyone falls back to the counter: customers and clerks as in the
     * baseline (a customer's wait is split between the two lines), the back
     * office untouched */
    const char *same[][3] = {{"arrivals", "customers", "wait_mean"}, {"arrivals", "customers", "cycle_time_mean"},
                             {"role", "clerk", "utilization"}, {"role", "clerk", "share_sales"},
                             {"activity", "checkout", "completed"},
                             {"queue", "file", "wait_mean"}, {"role", "office", "utilization"}};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        remous_delta_row d = delta(cmp, "nobody uses it", same[i][0], same[i][1], same[i][2]);
        if (d.delta != 0)
            fail_msg("%s %s %s: delta %g, expected exactly 0", same[i][0], same[i][1], same[i][2], d.delta);
    }
    assert_near(variant_value(sc, "nobody uses it", "activity", "pay", "completed"), 0, 0);
    remous_comparison_free(cmp);
    remous_close(sc);

    cmp = compare_text(SHOP
        "tool 'online' { adoption = 1, fallback = 'checkout', apply = function()\n"
        "  activity 'pay' { role = 'clerk', duration = 1, kind = 'tool' }\n"
        "  arrivals 'customers' { to = 'pay' }\n"
        "end }\n"
        "variant 'everyone uses it' { tools = { 'online' } }\n", &sc);
    /* the fallback is never used; the back office does not move */
    assert_near(variant_value(sc, "everyone uses it", "activity", "checkout", "completed"), 0, 0);
    remous_delta_row d = delta(cmp, "everyone uses it", "queue", "file", "wait_mean");
    assert_true(d.delta == 0);
    d = delta(cmp, "everyone uses it", "role", "clerk", "share_sales");
    assert_true(d.significant && d.variant_mean == 0);
    d = delta(cmp, "everyone uses it", "role", "clerk", "share_tool");
    assert_true(d.significant && d.baseline_mean == 0);
    remous_comparison_free(cmp);
    remous_close(sc);
}

/* Down 50 minutes after every 100 up: [100,150), [250,300), ... Arrivals
 * every 10 reaching the tool step while it is down go to the fallback: 5
 * per downtime, 6 downtimes before the horizon. */
static void downtime_sends_to_the_fallback(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_comparison *cmp = compare_text(
        "scenario 'down' { horizon = 1000, replications = 1 }\n"
        "role 'clerk' {}\n"
        "arrivals 'customers' { interarrival = 10, to = 'checkout' }\n"
        "activity 'checkout' { role = 'clerk', duration = 1 }\n"
        "tool 'online' { downtime = { every = 100, lasts = 50 }, fallback = 'checkout', apply = function()\n"
        "  activity 'pay' { role = 'clerk', duration = 1 }\n"
        "  arrivals 'customers' { to = 'pay' }\n"
        "end }\n"
        "variant 'online' { tools = { 'online' } }\n", &sc);
    assert_near(variant_value(sc, "online", "activity", "checkout", "completed"), 30, 0);
    assert_near(variant_value(sc, "online", "activity", "pay", "completed"), 69, 0);
    remous_comparison_free(cmp);
    remous_close(sc);
}

/* Learning: tool steps take start times longer at first, the excess halving
 * every half_life: 10 minutes at t = 100, 200, 300, 400 with start 2 and a
 * half-life of 100 take 15, 12.5, 11.25, 10.625. Training: the clerk spends
 * its first 60 minutes learning, out of working time. */
static void learning_and_training(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_comparison *cmp = compare_text(
        "scenario 'learn' { horizon = 450, replications = 1 }\n"
        "role 'clerk' {}\n"
        "arrivals 'files' { interarrival = 100, to = 'paper' }\n"
        "activity 'paper' { role = 'clerk', duration = 10 }\n"
        "tool 'software' { learning = { start = 2, half_life = 100 }, training = 60, apply = function()\n"
        "  activity 'typing' { role = 'clerk', duration = 10 }\n"
        "  arrivals 'files' { to = 'typing' }\n"
        "end }\n"
        "variant 'software' { tools = { 'software' } }\n", &sc);
    assert_near(variant_value(sc, "software", "activity", "typing", "duration_mean"),
                (15 + 12.5 + 11.25 + 10.625) / 4, 1e-12);
    assert_near(variant_value(sc, "software", "role", "clerk", "utilization"),
                (15 + 12.5 + 11.25 + 10.625) / (450 - 60), 1e-12);
    remous_comparison_free(cmp);
    remous_close(sc);

    /* training before anything can be done: the first file waits for it */
    remous_scenario *sc2 = open_text(
        "scenario 'train' { horizon = 1000, replications = 1 }\n"
        "role 'clerk' {}\n"
        "arrivals 'files' { initial = 1, to = 'paper' }\n"
        "activity 'paper' { role = 'clerk', duration = 10 }\n"
        "tool 't' { training = 60, apply = function() activity 'other' { role = 'clerk', duration = 1 } end }\n"
        "variant 'v' { tools = { 't' } }\n", NULL);
    assert_near(variant_value(sc2, "v", "queue", "paper", "wait_mean"), 60, 1e-12);
    assert_near(variant_value(sc2, "v", "role", "clerk", "utilization"), 10 / 940.0, 1e-12);
    assert_near(variant_value(sc2, "baseline", "queue", "paper", "wait_mean"), 0, 0);
    remous_close(sc2);
}

/* Each run's hooks see that run's steps; one variant's changes stay in it. */
static void variants_do_not_leak_into_each_other(void **state) {
    (void)state;
    remous_scenario *sc = open_text(
        "scenario 's' { horizon = days(2), replications = 2 }\n"
        "arrivals 'jobs' { interarrival = exponential(5), to = 'a' }\n"
        "activity 'a' { duration = 1 }\n"
        "variant 'A' { apply = function()\n"
        "  activity 'x' { duration = 1 }\n"
        "  activity 'a' { next = function(item) return 'x' end }\n"
        "end }\n"
        "variant 'B' { apply = function() activity 'y' { duration = 1 } end }\n"
        "variant 'longer' { apply = function() scenario 's' { horizon = days(4) } end }\n"
        "variant 'same' {}\n", NULL);
    assert_true(variant_value(sc, "A", "activity", "x", "completed") > 0);
    remous_comparison *cmp = NULL;
    char err[512];
    assert_int_equal(remous_compare(sc, &cmp, err, sizeof err), REMOUS_OK);
    remous_delta_row d = delta(cmp, "same", "arrivals", "jobs", "arrived");
    assert_true(d.delta == 0);
    d = delta(cmp, "longer", "arrivals", "jobs", "arrived");
    assert_true(d.significant && d.delta > 0);
    remous_comparison_free(cmp);
    remous_close(sc);

    /* a baseline hook naming a step only a variant has: an error, no crash */
    sc = open_text(
        "scenario 's' { horizon = 100, replications = 1 }\n"
        "arrivals 'jobs' { interarrival = 10, to = 'a' }\n"
        "activity 'a' { duration = 1, next = function(item) return 'z' end }\n"
        "variant 'V' { apply = function() activity 'z' { duration = 1 } end }\n", NULL);
    remous_results *res = NULL;
    assert_int_equal(remous_run(sc, &res, err, sizeof err), REMOUS_ERR_RUN);
    assert_string_equal(short_error(err), "scenario.lua:3: activity \"a\": next function returned \"z\", which is not a step");
    assert_true(variant_value(sc, "V", "activity", "z", "completed") > 0);
    remous_close(sc);
}

/* A tool step with no role (a delay) also follows its tool's downtime and
 * learning. */
static void a_tool_delay_follows_its_tool(void **state) {
    (void)state;
    remous_scenario *sc = open_text(
        "scenario 'd' { horizon = 1000, replications = 1 }\n"
        "arrivals 'jobs' { interarrival = 10, to = 'paper' }\n"
        "activity 'paper' { duration = 10 }\n"
        "tool 'online' { learning = { start = 3, half_life = 100 }, downtime = { every = 100, lasts = 50 },\n"
        "  fallback = 'paper', apply = function()\n"
        "    activity 'wait_online' { duration = 10 }\n"
        "    arrivals 'jobs' { to = 'wait_online' }\n"
        "  end }\n"
        "variant 'v' { tools = { 'online' } }\n", NULL);
    assert_near(variant_value(sc, "v", "activity", "paper", "completed"), 30, 0);
    assert_true(variant_value(sc, "v", "activity", "wait_online", "duration_mean") > 10);
    remous_close(sc);
}

static void malformed_tools_and_variants(void **state) {
    (void)state;
    assert_load_error("scenario 'x' { horizon = 10 }\nvariant 'v' { tools = { 'onlin' } }\n"
                      "tool 'online' { }\n",
                      "bad.lua:2: variant \"v\": no tool called \"onlin\" (did you mean \"online\"?)");
    assert_load_error("scenario 'x' { horizon = 10 }\nrole 'r' {}\n"
                      "tool 'online' { adoption = 0.5, apply = function() activity 'pay' { role = 'r', duration = 1 } end }\n"
                      "variant 'v' { tools = { 'online' } }\n",
                      "bad.lua:3: tool \"online\": set its fallback, the step where items go when the tool is "
                      "down or not used, e.g. fallback = \"checkout\"");
    assert_load_error("scenario 'x' { horizon = 10 }\nrole 'r' {}\n"
                      "tool 'online' { adoption = 0.5, fallback = 'pay',\n"
                      "  apply = function() activity 'pay' { role = 'r', duration = 1 } end }\n"
                      "variant 'v' { tools = { 'online' } }\n",
                      "bad.lua:3: tool \"online\": its fallback \"pay\" is a step of a tool; choose a step outside the tools");
    assert_load_error("scenario 'x' { horizon = 10 }\ntool 'online' { adoptoin = 0.5 }\n",
                      "bad.lua:2: tool \"online\": unknown field \"adoptoin\" (did you mean \"adoption\"?)");
    assert_load_error("scenario 'x' { horizon = 10 }\ntool 'online' { adoption = 1.5 }\n",
                      "bad.lua:2: tool \"online\": adoption must be a share between 0 and 1, or a share per role "
                      "such as { bookseller = 0.8, pickup_clerk = 1 }, got 1.5");
    assert_load_error("scenario 'x' { horizon = 10 }\n"
                      "variant 'v' { apply = function() tool 't' {} end }\n",
                      "bad.lua:2: tool \"t\": declare tools and variants at the top of the file, not inside an apply");
    assert_load_error("scenario 'x' { horizon = 10 }\n"
                      "variant 'v' { apply = function() activity 'a' { duration = 1, next = 'nowhere' } end }\n",
                      "bad.lua:2: activity \"a\": next: no step called \"nowhere\"");
    assert_load_error("scenario 'x' { horizon = 10 }\nvariant 'baseline' {}\n",
                      "bad.lua:2: variant: \"baseline\" is the file itself; give the variant another name");
    assert_load_error("scenario 'x' { horizon = 10 }\ntool 't' {}\nvariant 'v' { tools = { 't', 't' } }\n",
                      "bad.lua:3: variant \"v\": tool \"t\" is listed twice");
    remous_scenario *sc = open_text("scenario 'x' { horizon = 10 }\nvariant 'v' {}\n", NULL);
    remous_results *res = NULL;
    char err[512];
    assert_int_equal(remous_run_variant(sc, "w", &res, err, sizeof err), REMOUS_ERR_INPUT);
    assert_string_equal(short_error(err), "scenario.lua: no variant called \"w\" (the variants: \"v\")");
    remous_close(sc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_untouched_line_has_exactly_zero_delta),
        cmocka_unit_test(adoption_zero_and_one),
        cmocka_unit_test(downtime_sends_to_the_fallback),
        cmocka_unit_test(learning_and_training),
        cmocka_unit_test(variants_do_not_leak_into_each_other),
        cmocka_unit_test(a_tool_delay_follows_its_tool),
        cmocka_unit_test(malformed_tools_and_variants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
