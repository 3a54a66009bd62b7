/* The simulation loop on small models whose results are known exactly:
 * counts, waits and utilizations worked out by hand. */
#include "testing.h"
#include "scenario.h"
#include "sim.h"

/* Runs a one-replication scenario text and returns its results. */
static remous_results *run_text(const char *text, remous_scenario **sc) {
    *sc = open_text(text, NULL);
    return run_ok(*sc);
}

#define VALUE(res, el, name, m) (metric(res, el, name, m).mean)

static void constant_arrivals_and_service(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'exact' { horizon = 1000, replications = 1 }\n"
        "role 'clerk' {}\n"
        "arrivals 'a' { interarrival = 10, to = 'serve' }\n"
        "activity 'serve' { role = 'clerk', duration = 5, kind = 'core' }\n", &sc);
    /* arrivals at 10, 20, ..., 990 (the one at 1000 meets the horizon) */
    assert_near(VALUE(res, "arrivals", "a", "arrived"), 99, 0);
    assert_near(VALUE(res, "arrivals", "a", "completed"), 99, 0);
    assert_near(VALUE(res, "queue", "serve", "wait_mean"), 0, 0);
    assert_near(VALUE(res, "queue", "serve", "length_max"), 0, 0);
    assert_near(VALUE(res, "role", "clerk", "utilization"), 0.495, 1e-12);
    assert_near(VALUE(res, "role", "clerk", "share_core"), 0.495, 1e-12);
    assert_near(VALUE(res, "role", "clerk", "share_idle"), 0.505, 1e-12);
    assert_near(VALUE(res, "person", "clerk#1", "utilization"), 0.495, 1e-12);
    assert_near(VALUE(res, "activity", "serve", "duration_mean"), 5, 1e-12);
    assert_near(VALUE(res, "activity", "serve", "top_person_share"), 1, 0);
    assert_near(VALUE(res, "arrivals", "a", "cycle_time_mean"), 5, 1e-12);
    /* 99 arrivals + 99 service ends + the horizon */
    assert_near(VALUE(res, "scenario", "exact", "events"), 199, 0);
    remous_results_free(res);
    remous_close(sc);
}

static void warmup_is_left_out(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'exact' { horizon = 1000, warmup = 102, replications = 1 }\n"
        "role 'clerk' {}\n"
        "arrivals 'a' { interarrival = 10, to = 'serve' }\n"
        "activity 'serve' { role = 'clerk', duration = 5 }\n", &sc);
    /* arrivals 110..990 count; busy from 102: 103..105 (3) + 89 full services */
    assert_near(VALUE(res, "arrivals", "a", "arrived"), 89, 0);
    assert_near(VALUE(res, "activity", "serve", "completed"), 90, 0);
    assert_near(VALUE(res, "role", "clerk", "utilization"), (3 + 89 * 5) / 898.0, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

static void initial_list_and_limit(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'exact' { horizon = 1000, replications = 1 }\n"
        "role 'clerk' {}\n"
        "arrivals 'a' { interarrival = 10, to = 'serve', initial = 3, limit = 2 }\n"
        "activity 'serve' { role = 'clerk', duration = 5 }\n", &sc);
    /* three waiting at 0 (served 0-5, 5-10, 10-15), arrivals at 10 and 20:
     * waits 0, 5, 10, 5, 0 */
    assert_near(VALUE(res, "arrivals", "a", "arrived"), 5, 0);
    assert_near(VALUE(res, "arrivals", "a", "completed"), 5, 0);
    assert_near(VALUE(res, "queue", "serve", "wait_mean"), 4, 1e-12);
    assert_near(VALUE(res, "queue", "serve", "wait_max"), 10, 1e-12);
    assert_near(VALUE(res, "queue", "serve", "length_max"), 2, 0);
    /* length: 2 over [0,5), 1 over [5,10), 1 over [10,15) */
    assert_near(VALUE(res, "queue", "serve", "length_mean"), 20 / 1000.0, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

/* Mean wait of three items waiting at t = 0, item k served for k minutes,
 * under a queue discipline (and an optional priority hook). */
static double wait_under(const char *discipline, const char *priority) {
    char text[1024];
    snprintf(text, sizeof text,
             "scenario 'order' { horizon = 100, replications = 1 }\n"
             "role 'clerk' {}\n"
             "queue 'line' { discipline = '%s' }\n"
             "arrivals 'a' { initial = 3, to = 'serve', priority = %s }\n"
             "activity 'serve' { role = 'clerk', queue = 'line',\n"
             "                   duration = function(item) return item.id end }\n",
             discipline, priority);
    remous_scenario *sc = open_text(text, NULL);
    remous_results *res = run_ok(sc);
    double w = VALUE(res, "queue", "line", "wait_mean");
    remous_results_free(res);
    remous_close(sc);
    return w;
}

static void queue_disciplines(void **state) {
    (void)state;
    /* item 1 is served at once; FIFO then serves 2 (waits 1) and 3 (waits 3);
     * LIFO serves 3 (waits 1) then 2 (waits 4) */
    assert_near(wait_under("fifo", "0"), 4 / 3.0, 1e-12);
    assert_near(wait_under("lifo", "0"), 5 / 3.0, 1e-12);
    assert_near(wait_under("priority", "function(item) return -item.id end"), 5 / 3.0, 1e-12);
    assert_near(wait_under("priority", "function(item) return item.id end"), 4 / 3.0, 1e-12);
}

static void capacity_balks_and_patience_abandons(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'full' { horizon = 100, replications = 1 }\n"
        "role 'clerk' {}\n"
        "queue 'line' { capacity = 1 }\n"
        "arrivals 'a' { initial = 5, to = 'serve' }\n"
        "activity 'serve' { role = 'clerk', queue = 'line', duration = 10 }\n", &sc);
    assert_near(VALUE(res, "queue", "line", "balked"), 3, 0);
    assert_near(VALUE(res, "arrivals", "a", "balked"), 3, 0);
    assert_near(VALUE(res, "arrivals", "a", "completed"), 2, 0);
    remous_results_free(res);
    remous_close(sc);

    res = run_text(
        "scenario 'impatient' { horizon = 100, replications = 1 }\n"
        "role 'clerk' {}\n"
        "arrivals 'a' { initial = 3, to = 'serve', patience = 5, deadline = 12 }\n"
        "activity 'serve' { role = 'clerk', duration = 10 }\n", &sc);
    assert_near(VALUE(res, "queue", "serve", "abandoned"), 2, 0);
    assert_near(VALUE(res, "arrivals", "a", "abandoned"), 2, 0);
    assert_near(VALUE(res, "arrivals", "a", "completed"), 1, 0);
    /* the one served finished at 10 < 12; the two who left never were done */
    assert_near(VALUE(res, "arrivals", "a", "deadline_missed"), 2, 0);
    assert_near(VALUE(res, "queue", "serve", "wait_mean"), 0, 0);
    remous_results_free(res);
    remous_close(sc);
}

static void pure_delays_and_routing_by_name(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'flow' { horizon = 1000, replications = 1 }\n"
        "arrivals 'a' { interarrival = 50, to = 'first' }\n"
        "activity 'first' { duration = 3, next = 'second' }\n"
        "activity 'second' { duration = 4 }\n", &sc);
    assert_near(VALUE(res, "arrivals", "a", "completed"), 19, 0);
    assert_near(VALUE(res, "arrivals", "a", "cycle_time_mean"), 7, 1e-12);
    assert_near(VALUE(res, "arrivals", "a", "wait_mean"), 0, 0);
    assert_near(VALUE(res, "activity", "second", "duration_mean"), 4, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

static void alternative_roles_first_free_in_order(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'alt' { horizon = 100, replications = 1 }\n"
        "role 'bookseller' {}\n"
        "role 'clerk' {}\n"
        "arrivals 'a' { initial = 1, to = 'handover', interarrival = 1000 }\n"
        "activity 'handover' { role = { 'clerk', 'bookseller' }, duration = 10 }\n", &sc);
    assert_near(VALUE(res, "role", "clerk", "utilization"), 0.1, 1e-12);
    assert_near(VALUE(res, "role", "bookseller", "utilization"), 0, 0);
    remous_results_free(res);
    remous_close(sc);

    res = run_text(
        "scenario 'alt' { horizon = 100, replications = 1 }\n"
        "role 'bookseller' {}\n"
        "role 'clerk' {}\n"
        "arrivals 'a' { initial = 2, to = 'handover', interarrival = 1000 }\n"
        "activity 'handover' { role = { 'clerk', 'bookseller' }, duration = 10 }\n", &sc);
    assert_near(VALUE(res, "role", "clerk", "utilization"), 0.1, 1e-12);
    assert_near(VALUE(res, "role", "bookseller", "utilization"), 0.1, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

static void work_is_shared_by_the_person_idle_longest(void **state) {
    (void)state;
    remous_scenario *sc;
    /* arrivals every 10, service 15, two people: they alternate */
    remous_results *res = run_text(
        "scenario 'share' { horizon = 1000, replications = 1 }\n"
        "role 'clerk' { count = 2 }\n"
        "arrivals 'a' { interarrival = 10, to = 'serve' }\n"
        "activity 'serve' { role = 'clerk', duration = 15 }\n", &sc);
    double done = VALUE(res, "activity", "serve", "completed");
    assert_near(done, 98, 0);       /* the one at 990 ends at 1005 */
    assert_near(VALUE(res, "activity", "serve", "top_person_share"), 49 / 98.0, 1e-12);
    /* clerk#1 takes the odd arrivals: 49 full services, and the one at 990
     * up to the horizon (10); clerk#2 the even ones: 49 full services */
    assert_near(VALUE(res, "person", "clerk#1", "utilization"), (49 * 15 + 10) / 1000.0, 1e-12);
    assert_near(VALUE(res, "person", "clerk#2", "utilization"), (49 * 15) / 1000.0, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

/* A line shared by two roles serves its head first; when the head leaves,
 * the next one goes to whoever is free, of any role. */
static void a_shared_line_moves_on_when_its_head_leaves(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'shared' { horizon = 100, replications = 1 }\n"
        "role 'A' {}\n"
        "role 'B' {}\n"
        "queue 'line' {}\n"
        "arrivals 'x' { initial = 2, to = 'X' }\n"
        "arrivals 'y' { initial = 1, to = 'Y' }\n"
        "activity 'X' { role = 'A', queue = 'line', duration = 10 }\n"
        "activity 'Y' { role = 'B', queue = 'line', duration = 5 }\n", &sc);
    /* x1 is served at 0; x2 heads the line until A is free at 10, y behind
     * it; then y goes to B at once */
    assert_near(VALUE(res, "activity", "Y", "completed"), 1, 0);
    assert_near(VALUE(res, "arrivals", "y", "wait_mean"), 10, 1e-12);
    assert_near(VALUE(res, "arrivals", "x", "wait_mean"), 5, 1e-12);
    assert_near(VALUE(res, "role", "B", "utilization"), 0.05, 1e-12);
    remous_results_free(res);

    /* the same when the head leaves by running out of patience */
    remous_close(sc);
    res = run_text(
        "scenario 'shared' { horizon = 100, replications = 1 }\n"
        "role 'A' {}\n"
        "role 'B' {}\n"
        "queue 'line' {}\n"
        "arrivals 'x' { initial = 2, to = 'X', patience = 3 }\n"
        "arrivals 'y' { initial = 1, to = 'Y' }\n"
        "activity 'X' { role = 'A', queue = 'line', duration = 10 }\n"
        "activity 'Y' { role = 'B', queue = 'line', duration = 5 }\n", &sc);
    assert_near(VALUE(res, "arrivals", "x", "abandoned"), 1, 0);
    assert_near(VALUE(res, "arrivals", "y", "wait_mean"), 3, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

static void hooks_see_the_item(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'hooks' { horizon = 1000, replications = 1 }\n"
        "arrivals 'a' { interarrival = 10, to = 'sort', attributes = { paid = bernoulli(1), size = 3 } }\n"
        "activity 'sort' { duration = function(item) return item.attributes.size end,\n"
        "  next = function(item)\n"
        "    assert(item.arrivals == 'a' and item.priority == 0 and now() > 0)\n"
        "    if item.attributes.paid == true then return 'paid' end\n"
        "    return 'exit'\n"
        "  end }\n"
        "activity 'paid' { duration = 2 }\n", &sc);
    assert_near(VALUE(res, "activity", "paid", "completed"), 99, 0);
    assert_near(VALUE(res, "arrivals", "a", "cycle_time_mean"), 5, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

static void hook_errors_name_the_hook(void **state) {
    (void)state;
    struct { const char *hook, *expected; } cases[] = {
        {"next = function(item) return 42 end",
         "scenario.lua:3: activity \"b\": next function returned number, not a step name"},
        {"next = function(item) return 'nowhere' end",
         "scenario.lua:3: activity \"b\": next function returned \"nowhere\", which is not a step"},
        {"duration = function(item) return 'long' end",
         "scenario.lua:3: activity \"b\": duration function returned string, not a number"},
        {"duration = function(item) return -1 end",
         "scenario.lua:3: activity \"b\": duration function returned -1, a negative duration"},
        {"duration = function(item) return 1 / 0 end",
         "scenario.lua:3: activity \"b\": duration function returned inf, not a finite number"},
        {"duration = function(item) return 0 / 0 end",
         "scenario.lua:3: activity \"b\": duration function returned nan, not a finite number"},
        {"duration = function(item) error('no luck') end",
         "scenario.lua:3: no luck"},
        {"duration = function(item) while true do end end",
         "scenario.lua:3: stopped after 10 million Lua instructions: an endless loop?"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "scenario 'bad hook' { horizon = 100, replications = 1 }\n"
                 "arrivals 'a' { interarrival = 10, to = 'b' }\n"
                 "activity 'b' { duration = 1, %s }\n", cases[i].hook);
        remous_scenario *sc = open_text(text, NULL);
        remous_results *res = NULL;
        char err[1024];
        assert_int_equal(remous_run(sc, &res, err, sizeof err), REMOUS_ERR_RUN);
        assert_null(res);
        const char *got = short_error(err);
        if (strcmp(got, cases[i].expected) != 0)
            fail_msg("error was:\n  %s\nexpected:\n  %s", got, cases[i].expected);
        remous_close(sc);
    }
}

/* The stuck-time guard counts events per stretch of simulated time: a loop
 * of 1e-300 minutes is stuck like one of 0; a pure delay of 1e-6 in a loop
 * over a horizon of 1 takes 10^6 events and finishes. */
static void a_clock_that_barely_moves_is_stuck(void **state) {
    (void)state;
    struct { const char *duration, *expected; } cases[] = {
        {"0", "simulated time is stuck at 0: over 10000000 events at that instant "
              "(a loop of steps with zero duration?)"},
        {"1e-300", "simulated time is stuck near 1.00164e-293: over 10000000 events between 0 and "
                   "1.0016385e-293 (steps in a loop, arrivals, absences or downtimes with tiny durations?)"},
        {"function() return 1e-300 end",
         "simulated time is stuck near 1.00164e-293: over 10000000 events between 0 and "
         "1.0016385e-293 (steps in a loop, arrivals, absences or downtimes with tiny durations?)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "scenario 'loop' { horizon = 1000, replications = 1 }\n"
                 "arrivals 'a' { initial = 1, to = 'b' }\n"
                 "activity 'b' { duration = %s, next = 'b' }\n", cases[i].duration);
        remous_scenario *sc = open_text(text, NULL);
        remous_results *res = NULL;
        char err[1024];
        assert_int_equal(remous_run(sc, &res, err, sizeof err), REMOUS_ERR_RUN);
        const char *got = short_error(err);
        if (strcmp(got, cases[i].expected) != 0)
            fail_msg("error was:\n  %s\nexpected:\n  %s", got, cases[i].expected);
        remous_close(sc);
    }
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'fast' { horizon = 1, replications = 1 }\n"
        "arrivals 'a' { initial = 1, to = 'b' }\n"
        "activity 'b' { duration = 1e-6, next = 'c' }\n"
        "activity 'c' { duration = 0, next = 'b' }\n", &sc);
    assert_near(VALUE(res, "activity", "b", "completed"), 999999, 1);   /* 2 million events */
    remous_results_free(res);
    remous_close(sc);
}

static void a_negative_priority_is_fine(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'p' { horizon = 100, replications = 1 }\n"
        "arrivals 'short_duration_calls' { interarrival = 10, to = 'exit', priority = function() return -1 end }\n", &sc);
    assert_near(VALUE(res, "arrivals", "short_duration_calls", "completed"), 9, 0);
    remous_results_free(res);
    remous_close(sc);
}

static void same_seed_same_numbers(void **state) {
    (void)state;
    const char *text =
        "scenario 'mm2' { horizon = 5000, replications = 3 }\n"
        "role 'clerk' { count = 2 }\n"
        "arrivals 'a' { interarrival = exponential(1), to = 'serve', patience = exponential(5) }\n"
        "activity 'serve' { role = 'clerk', duration = exponential(1.8),\n"
        "                   next = function(item) if math.random() < 0.1 then return 'serve' end return 'exit' end }\n";
    remous_scenario *a = open_text(text, NULL), *b = open_text(text, NULL);
    remous_results *ra = run_ok(a), *rb = run_ok(b);
    assert_int_equal(remous_results_rows(ra), remous_results_rows(rb));
    for (int i = 0; i < remous_results_rows(ra); i++) {
        remous_summary_row x, y;
        remous_results_row(ra, i, &x);
        remous_results_row(rb, i, &y);
        assert_memory_equal(&x.mean, &y.mean, sizeof x.mean);
    }
    remous_options other = remous_default_options();
    other.seed = 2;
    remous_scenario *c = open_text(text, &other);
    remous_results *rc = run_ok(c);
    assert_true(metric(ra, "queue", "serve", "wait_mean").mean != metric(rc, "queue", "serve", "wait_mean").mean);
    remous_results_free(ra); remous_results_free(rb); remous_results_free(rc);
    remous_close(a); remous_close(b); remous_close(c);
}

/* Common random numbers by name: an element added elsewhere in the model
 * does not shift the random numbers of the others. */
static void streams_are_keyed_by_element_name(void **state) {
    (void)state;
    const char *line_a =
        "scenario 'crn' { horizon = 5000, replications = 3 }\n"
        "role 'clerk' {}\n"
        "arrivals 'a' { interarrival = exponential(2), to = 'serve_a' }\n"
        "activity 'serve_a' { role = 'clerk', duration = exponential(1.5) }\n";
    char both[2048];
    snprintf(both, sizeof both,
             "role 'other' { count = 3 }\n"
             "arrivals 'b' { interarrival = exponential(1), to = 'serve_b' }\n"
             "activity 'serve_b' { role = 'other', duration = exponential(2) }\n%s", line_a);
    remous_scenario *a = open_text(line_a, NULL), *b = open_text(both, NULL);
    remous_results *ra = run_ok(a), *rb = run_ok(b);
    const char *metrics[] = {"wait_mean", "wait_p90", "length_mean", NULL};
    for (const char **m = metrics; *m; m++) {
        double x = metric(ra, "queue", "serve_a", *m).mean, y = metric(rb, "queue", "serve_a", *m).mean;
        assert_memory_equal(&x, &y, sizeof x);     /* bit for bit */
    }
    remous_results_free(ra); remous_results_free(rb);
    remous_close(a); remous_close(b);
}

static int ignore_step(void *ctx, const rm_item_view *item, int activity, int person, double start, double end) {
    (void)ctx, (void)item, (void)activity, (void)person, (void)start, (void)end;
    return 0;
}

/* A model with no tool, calendar, absence, interruption or shared line
 * takes the lean path (sim.c); an observer sends the same run down the
 * generic one. Every statistic must be the same bit for bit, with all that
 * the lean path leaves to the generic one on the way: patience, a full
 * line, a LIFO line (a heap) and a priority line of three priorities (three
 * rings), a pure delay, a table of routes, a warm-up and periods. */
static void the_lean_path_gives_the_generic_paths_numbers(void **state) {
    (void)state;
    remous_scenario *sc = open_text(
        "scenario 'lean' { horizon = 20000, warmup = 500, replications = 1 }\n"
        "role 'clerk' { count = 2 }\n"
        "role 'expert' {}\n"
        "queue 'desk' { discipline = 'lifo', capacity = 6 }\n"
        "queue 'back' { discipline = 'priority' }\n"
        "arrivals 'walk_in' { interarrival = exponential(1.2), to = 'desk', patience = uniform(2, 8), deadline = 30,\n"
        "                     priority = 2 }\n"
        "arrivals 'vip' { interarrival = exponential(5), to = 'desk', priority = 0 }\n"
        "arrivals 'call' { interarrival = exponential(8), to = 'phone', priority = 1, patience = exponential(2) }\n"
        "activity 'desk' { role = 'clerk', queue = 'desk', duration = exponential(2),\n"
        "                  next = { think = 0.3, back = 0.5, exit = 0.2 } }\n"
        "activity 'think' { duration = uniform(1, 3), next = 'back' }\n"
        "activity 'back' { role = 'expert', queue = 'back', duration = exponential(1.1), patience = false }\n"
        "activity 'phone' { role = 'expert', queue = 'back', duration = exponential(0.5) }\n", NULL);
    const rm_model *m = sc->models[0];
    rm_sim *lean = rm_sim_new(m, &sc->hooks, 1000), *generic = rm_sim_new(m, &sc->hooks, 1000);
    assert_non_null(lean);
    assert_non_null(generic);
    rm_sim_observe(generic, ignore_step, NULL);
    for (int rep = 1; rep <= 2; rep++) {
        assert_int_equal(rm_sim_run(lean, 7, rep), 0);
        assert_int_equal(rm_sim_run(generic, 7, rep), 0);
        const rm_rep_stats *a = rm_sim_stats(lean), *b = rm_sim_stats(generic);
        size_t n = a->lay.n;
        assert_true(a->events > 20000);
        assert_int_equal(a->events, b->events);
        assert_memory_equal(a->counters, b->counters, n * sizeof(double));
        assert_memory_equal(a->warm, b->warm, n * sizeof(double));
        assert_memory_equal(a->periods, b->periods, n * ((size_t)a->nperiods + 1) * sizeof(double));
        for (int q = 0; q < m->nqueues; q++) {
            assert_memory_equal(a->sketch[q], b->sketch[q], sizeof(rm_sketch));
            assert_memory_equal(&a->wait_max[q], &b->wait_max[q], sizeof(double));
            assert_memory_equal(&a->length_max[q], &b->length_max[q], sizeof(double));
        }
        for (int k = 0; k < m->nactivities; k++)
            assert_memory_equal(a->by_person[k], b->by_person[k], (size_t)m->npeople * sizeof(uint64_t));
        assert_true(a->counters[rm_cq(&a->lay, 0, RM_Q_ABANDONED)] > 0);   /* what it is meant to cover */
        assert_true(a->counters[rm_cq(&a->lay, 0, RM_Q_BALKED)] > 0);
        assert_true(a->counters[rm_cq(&a->lay, 1, RM_Q_ABANDONED)] > 0);   /* from a ring of three */
    }
    rm_sim_free(lean);
    rm_sim_free(generic);
    remous_close(sc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(constant_arrivals_and_service),
        cmocka_unit_test(warmup_is_left_out),
        cmocka_unit_test(initial_list_and_limit),
        cmocka_unit_test(queue_disciplines),
        cmocka_unit_test(capacity_balks_and_patience_abandons),
        cmocka_unit_test(pure_delays_and_routing_by_name),
        cmocka_unit_test(alternative_roles_first_free_in_order),
        cmocka_unit_test(work_is_shared_by_the_person_idle_longest),
        cmocka_unit_test(a_shared_line_moves_on_when_its_head_leaves),
        cmocka_unit_test(hooks_see_the_item),
        cmocka_unit_test(hook_errors_name_the_hook),
        cmocka_unit_test(a_clock_that_barely_moves_is_stuck),
        cmocka_unit_test(a_negative_priority_is_fine),
        cmocka_unit_test(same_seed_same_numbers),
        cmocka_unit_test(streams_are_keyed_by_element_name),
        cmocka_unit_test(the_lean_path_gives_the_generic_paths_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
