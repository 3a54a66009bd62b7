/* Organizational time: calendars, overtime, rates by time of day, where
 * people's time goes. Results worked out by hand; t = 0 is Monday 00:00
 * unless the scenario says otherwise; times in minutes. */
#include "testing.h"

#define VALUE(res, el, name, m) (metric(res, el, name, m).mean)

static remous_results *run_text(const char *text, remous_scenario **sc, const remous_options *opt) {
    *sc = open_text(text, opt);
    return run_ok(*sc);
}

/* An office open mon-fri 09:00-17:00, an arrival every 10 open minutes: 48
 * a day, from 09:10 to 17:00. The one at 17:00 finds the office closed and
 * is served at 09:00 the next morning. Measured from Tuesday on, a clerk
 * doing 5 minutes each works 240 of 480 minutes a day. */
static const char *office =
    "scenario 'office' { horizon = weeks(1), warmup = days(1), replications = 1 }\n"
    "calendar 'office' { 'mon-fri 09:00-17:00' }\n"
    "role 'clerk' { calendar = 'office' }\n"
    "arrivals 'visitors' { interarrival = 10, calendar = 'office', to = 'serve' }\n"
    "activity 'serve' { role = 'clerk', duration = 5, kind = 'core' }\n";

static void office_hours_exact_counts(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(office, &sc, NULL);
    assert_near(VALUE(res, "arrivals", "visitors", "arrived"), 4 * 48, 0);
    assert_near(VALUE(res, "activity", "serve", "completed"), 4 * 48, 0);
    assert_near(VALUE(res, "role", "clerk", "utilization"), 0.5, 1e-12);
    assert_near(VALUE(res, "role", "clerk", "share_core"), 0.5, 1e-12);
    assert_near(VALUE(res, "role", "clerk", "share_idle"), 0.5, 1e-12);
    assert_near(VALUE(res, "role", "clerk", "overtime"), 0, 0);
    /* waits: 47 a day at once, the 17:00 one 16 hours (960 minutes) */
    assert_near(VALUE(res, "queue", "serve", "wait_mean"), 960.0 / 48, 1e-9);
    assert_near(VALUE(res, "queue", "serve", "wait_max"), 960, 1e-6);
    remous_results_free(res);
    remous_close(sc);

    /* day by day: 48 arrivals on each weekday, none at the weekend */
    remous_options opt = remous_default_options();
    opt.period = "1d";
    res = run_text(office, &sc, &opt);
    char dir[] = "/tmp/remous-time-XXXXXX", err[512], path[300], cmd[400];
    assert_non_null(mkdtemp(dir));
    assert_int_equal(remous_write_csv(res, dir, err, sizeof err), REMOUS_OK);
    snprintf(path, sizeof path, "%s/timeseries.csv", dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    int weekdays = 0, weekend = 0;
    while (fgets(line, sizeof line, f)) {
        double start, mean;
        if (sscanf(line, "baseline,%lf,arrivals,visitors,arrived,%lf,", &start, &mean) == 2) {
            if (start < 5 * 1440) {
                assert_near(mean, 48, 0);
                weekdays++;
            } else {
                assert_near(mean, 0, 0);
                weekend++;
            }
        }
    }
    fclose(f);
    assert_int_equal(weekdays, 5);
    assert_int_equal(weekend, 2);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    remous_results_free(res);
    remous_close(sc);
}

/* A queue's length over its open hours: two people arrive at midnight
 * (two streams, a day apart each), the clerk comes at 09:00 every day and
 * takes an hour with each. Per day: both wait 540 closed minutes, the
 * second 60 open minutes more. Over the 480 open minutes, 60 / 480 waiting
 * on average; over the whole day, (2 x 540 + 60) / 1440. */
static void queue_length_over_open_hours(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'night' { horizon = weeks(1), warmup = days(1), replications = 1 }\n"
        "calendar 'day' { 'mon-sun 09:00-17:00' }\n"
        "role 'clerk' { calendar = 'day' }\n"
        "arrivals 'a' { interarrival = days(1), to = 'serve' }\n"
        "arrivals 'b' { interarrival = days(1), to = 'serve' }\n"
        "activity 'serve' { role = 'clerk', duration = 60 }\n", &sc, NULL);
    assert_near(VALUE(res, "queue", "serve", "length_mean_open"), 60.0 / 480, 1e-12);
    assert_near(VALUE(res, "queue", "serve", "length_mean"), 1140.0 / 1440, 1e-12);
    remous_results_free(res);
    remous_close(sc);
    /* the office: only the 17:00 visitor waits, all night, never in open hours */
    res = run_text(office, &sc, NULL);
    assert_near(VALUE(res, "queue", "serve", "length_mean_open"), 0, 0);
    assert_true(VALUE(res, "queue", "serve", "length_mean") > 0.5);
    remous_results_free(res);
    remous_close(sc);
}

/* Nobody is there when people come: an evening role, daytime visitors who
 * wait 30 minutes at most. */
static void a_calendar_that_never_meets_the_arrivals(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'mismatch' { horizon = weeks(1), replications = 1 }\n"
        "calendar 'office' { 'mon-fri 09:00-17:00' }\n"
        "calendar 'evening' { 'mon-fri 20:00-23:00' }\n"
        "role 'volunteer' { calendar = 'evening' }\n"
        "arrivals 'calls' { interarrival = 10, calendar = 'office', to = 'answer', patience = 30 }\n"
        "activity 'answer' { role = 'volunteer', duration = 5 }\n", &sc, NULL);
    assert_near(VALUE(res, "role", "volunteer", "utilization"), 0, 0);
    assert_near(VALUE(res, "arrivals", "calls", "abandoned"), 5 * 48, 0);
    assert_near(VALUE(res, "arrivals", "calls", "completed"), 0, 0);
    /* the volunteer's working time: 3 hours on 5 evenings */
    assert_near(VALUE(res, "role", "volunteer", "share_idle"), 1, 0);
    remous_results_free(res);
    remous_close(sc);
}

/* A step under way at closing time is finished, in overtime. */
static void closing_time_overtime(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'late' { horizon = days(1), replications = 1 }\n"
        "calendar 'morning' { 'mon 09:00-10:00' }\n"
        "role 'clerk' { calendar = 'morning' }\n"
        "arrivals 'files' { initial = 2, to = 'process' }\n"
        "activity 'process' { role = 'clerk', duration = 90, kind = 'admin' }\n", &sc, NULL);
    /* the first file waits for 09:00 and takes until 10:30; the second waits
     * for a morning that does not come within the day */
    assert_near(VALUE(res, "activity", "process", "completed"), 1, 0);
    assert_near(VALUE(res, "queue", "process", "wait_mean"), 540, 1e-9);
    assert_near(VALUE(res, "role", "clerk", "overtime"), 30, 1e-9);
    assert_near(VALUE(res, "role", "clerk", "utilization"), 1, 1e-12);
    assert_near(VALUE(res, "person", "clerk#1", "share_admin"), 1, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

/* The scenario may start on another day: open at t = 0 on Tuesday 10:00. */
static void the_week_starts_where_the_scenario_says(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'shop' { horizon = days(1), start = 'tue 10:00', replications = 1 }\n"
        "calendar 'shop' { 'tue-sat 10:00-19:00' }\n"
        "role 'bookseller' { calendar = 'shop' }\n"
        "arrivals 'readers' { interarrival = 30, calendar = 'shop', to = 'advise' }\n"
        "activity 'advise' { role = 'bookseller', duration = 15 }\n", &sc, NULL);
    /* 9 open hours: arrivals at 10:30 ... 19:00, 18 of them; the last one
     * waits for the next morning, beyond the horizon */
    assert_near(VALUE(res, "arrivals", "readers", "arrived"), 18, 0);
    assert_near(VALUE(res, "activity", "advise", "completed"), 17, 0);
    assert_near(VALUE(res, "role", "bookseller", "utilization"), 17 * 15 / 540.0, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

/* A rate that varies by time of day: 6 an hour from 10:00, 15 from 12:00,
 * 8 from 14:00 until 10:00 the next day: 12 + 30 + 160 = 202 a day; within
 * a calendar open 10:00-14:00, 42 a day. */
static void rates_by_time_of_day(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'rush' { unit = 'hour', horizon = days(100), replications = 10 }\n"
        "calendar 'midday' { 'mon-sun 10:00-14:00' }\n"
        "arrivals 'all_day' { rate = { ['10:00'] = per_hour(6), ['12:00'] = per_hour(15),\n"
        "                               ['14:00'] = per_hour(8) }, to = 'exit' }\n"
        "arrivals 'midday' { rate = { ['10:00'] = per_hour(6), ['12:00'] = per_hour(15),\n"
        "                             ['14:00'] = per_hour(8) }, calendar = 'midday', to = 'exit' }\n", &sc, NULL);
    remous_summary_row r = metric(res, "arrivals", "all_day", "arrived");
    print_message("    all day: %.1f a day (theory 202)\n", r.mean / 100);
    assert_near(r.mean / 100, 202, 202 * 0.01);
    assert_true((r.ci95_high - r.mean) / 100 < 2);
    r = metric(res, "arrivals", "midday", "arrived");
    print_message("    midday: %.2f a day (theory 42)\n", r.mean / 100);
    assert_near(r.mean / 100, 42, 42 * 0.015);
    remous_results_free(res);
    remous_close(sc);
}

/* One person alone can do the step, away 50 minutes after every 100 at work
 * (absences [100,150), [250,300), ..., [1450,1500)). Arrivals every 10,
 * served in 5. Each cycle of 150 from t = 100: the 5 arrivals of the absence
 * wait 50, 45, 40, 35, 30, then the next 5 wait 25, 20, 15, 10, 5: 275 in
 * all; the last absence leaves 5 unserved at the horizon. */
static const char *director_alone =
    "scenario 'grants' { horizon = 1500, replications = 1 }\n"
    "role 'director' { absence = { every = 100, lasts = 50 } }\n"
    "arrivals 'files' { interarrival = 10, to = 'file' }\n"
    "activity 'file' { role = 'director', duration = 5 }\n";

static void absences_of_the_only_person(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(director_alone, &sc, NULL);
    assert_near(VALUE(res, "arrivals", "files", "arrived"), 149, 0);
    assert_near(VALUE(res, "activity", "file", "completed"), 144, 0);
    assert_near(VALUE(res, "queue", "file", "wait_mean"), 9 * 275 / 144.0, 1e-9);
    assert_near(VALUE(res, "queue", "file", "wait_max"), 50, 1e-6);
    /* working time: 1500 less 10 absences of 50 */
    assert_near(VALUE(res, "role", "director", "utilization"), 144 * 5 / 1000.0, 1e-12);
    assert_near(VALUE(res, "activity", "file", "top_person_share"), 1, 0);
    remous_results_free(res);
    remous_close(sc);
}

/* The same with a deputy who steps in (director first, deputy when the
 * director is away): the deputy takes the 5 arrivals of each absence. */
static void a_deputy_takes_over(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'grants' { horizon = 1500, replications = 1 }\n"
        "role 'director' { absence = { every = 100, lasts = 50 } }\n"
        "role 'deputy' {}\n"
        "arrivals 'files' { interarrival = 10, to = 'file' }\n"
        "activity 'file' { role = { 'director', 'deputy' }, duration = 5 }\n", &sc, NULL);
    assert_near(VALUE(res, "activity", "file", "completed"), 149, 0);
    assert_near(VALUE(res, "queue", "file", "wait_mean"), 0, 0);
    /* the director: 9 before the first absence, 10 a cycle for 9 cycles */
    assert_near(VALUE(res, "activity", "file", "top_person_share"), 99 / 149.0, 1e-12);
    assert_near(VALUE(res, "role", "deputy", "utilization"), 50 * 5 / 1500.0, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

/* An absence that falls during a step starts when the step ends; working
 * time is lost only inside the calendar. */
static void absences_wait_for_the_step_and_count_in_working_time(void **state) {
    (void)state;
    remous_scenario *sc;
    /* the file takes 0-30; the absence is due at 10, starts at 30, lasts 40 */
    remous_results *res = run_text(
        "scenario 'busy' { horizon = 100, replications = 1 }\n"
        "role 'clerk' { absence = { every = 10, lasts = 40 } }\n"
        "arrivals 'files' { initial = 2, to = 'file' }\n"
        "activity 'file' { role = 'clerk', duration = 30 }\n", &sc, NULL);
    /* the second file waits 30 + 40 and is under way from 70 to the horizon
     * (the absence due at 80 waits for it) */
    assert_near(VALUE(res, "queue", "file", "wait_max"), 70, 1e-9);
    assert_near(VALUE(res, "activity", "file", "completed"), 1, 0);
    /* working time: 100 less [30,70); busy 0-30 and 70-100 */
    assert_near(VALUE(res, "person", "clerk#1", "share_work"), 60 / 60.0, 1e-12);
    assert_near(VALUE(res, "person", "clerk#1", "share_idle"), 0, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

/* Recurring work: a manager closes the till every day but Sunday at 18:30,
 * for 20 minutes, inside a calendar that ends at 18:40. */
static void a_task_at_set_times(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'till' { horizon = weeks(1), replications = 1 }\n"
        "calendar 'shop' { 'mon-sat 09:00-18:40' }\n"
        "role 'manager' { calendar = 'shop' }\n"
        "task 'reconcile' { every = 'mon-sat 18:30', role = 'manager', duration = 20, kind = 'admin' }\n", &sc, NULL);
    assert_near(VALUE(res, "activity", "reconcile", "completed"), 6, 0);
    /* 10 minutes a day inside the calendar, 10 after it */
    assert_near(VALUE(res, "role", "manager", "share_admin"), 60 / (6 * 580.0), 1e-12);
    assert_near(VALUE(res, "role", "manager", "overtime"), 60, 1e-9);
    assert_near(VALUE(res, "queue", "reconcile", "wait_mean"), 0, 0);
    remous_summary_row none;
    assert_int_equal(remous_results_find(res, "arrivals", "reconcile", "arrived", &none), -1);
    remous_results_free(res);
    remous_close(sc);

    /* a task due before opening waits for it; one with a gap in plain time */
    res = run_text(
        "scenario 'early' { horizon = days(1), replications = 1 }\n"
        "calendar 'office' { 'mon-fri 09:00-17:00' }\n"
        "role 'clerk' { calendar = 'office' }\n"
        "task 'mail' { every = 'mon-fri 07:00', role = 'clerk', duration = 15 }\n"
        "task 'backup' { every = 120, role = 'clerk', duration = 1 }\n", &sc, NULL);
    /* backups due at 120, 240, ..., 1320; at 09:00 the clerk takes whatever
     * waited longest: the backups of 02:00, 04:00, 06:00 (a minute each),
     * then the mail of 07:00, then the backup of 08:00 */
    assert_near(VALUE(res, "queue", "mail", "wait_mean"), 123, 1e-9);
    /* those of 18:00, 20:00 and 22:00 wait for the next day */
    assert_near(VALUE(res, "activity", "backup", "completed"), 8, 0);
    remous_results_free(res);
    remous_close(sc);
}

/* A handover (interruptible, priority 1) interrupted by a reader asking for
 * advice (priority 0): the bookseller advises, then resumes the handover,
 * paying 2 minutes to get back into it. */
static void an_interrupted_step_resumes(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'counter' { horizon = 100, replications = 1 }\n"
        "role 'bookseller' {}\n"
        "arrivals 'orders' { initial = 1, to = 'handover', priority = 1 }\n"
        "arrivals 'readers' { interarrival = 4, limit = 1, to = 'advise', priority = 0 }\n"
        "activity 'handover' { role = 'bookseller', duration = 10, kind = 'tool',\n"
        "                      interruptible = true, switch_cost = 2 }\n"
        "activity 'advise' { role = 'bookseller', duration = 5, kind = 'core' }\n", &sc, NULL);
    /* handover 0-4, advice 4-9 (at once), handover again 9-17 (6 left + 2) */
    assert_near(VALUE(res, "arrivals", "readers", "cycle_time_mean"), 5, 1e-12);
    assert_near(VALUE(res, "queue", "advise", "wait_mean"), 0, 0);
    assert_near(VALUE(res, "arrivals", "orders", "cycle_time_mean"), 17, 1e-12);
    assert_near(VALUE(res, "activity", "handover", "duration_mean"), 12, 1e-12);
    assert_near(VALUE(res, "role", "bookseller", "share_tool"), 12 / 100.0, 1e-12);
    assert_near(VALUE(res, "role", "bookseller", "share_core"), 5 / 100.0, 1e-12);
    remous_results_free(res);
    remous_close(sc);

    /* not interruptible: the reader waits for the end of the handover */
    res = run_text(
        "scenario 'counter' { horizon = 100, replications = 1 }\n"
        "role 'bookseller' {}\n"
        "arrivals 'orders' { initial = 1, to = 'handover', priority = 1 }\n"
        "arrivals 'readers' { interarrival = 4, limit = 1, to = 'advise', priority = 0 }\n"
        "activity 'handover' { role = 'bookseller', duration = 10 }\n"
        "activity 'advise' { role = 'bookseller', duration = 5 }\n", &sc, NULL);
    assert_near(VALUE(res, "queue", "advise", "wait_mean"), 6, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

/* resume = "anyone": the handover interrupted at 4 goes back to its queue,
 * and the colleague free at 6 takes it up (6 left + 2 to get into it);
 * with the default, it waits for the bookseller who left it, free at 9. */
static void an_interrupted_step_resumed_by_anyone(void **state) {
    (void)state;
    const char *text =
        "scenario 'counter' { horizon = 100, replications = 1 }\n"
        "role 'bookseller' { count = 2 }\n"
        "arrivals 'orders' { initial = 1, to = 'handover', priority = 1 }\n"
        "arrivals 'calls' { initial = 1, to = 'phone', priority = 1 }\n"
        "arrivals 'readers' { interarrival = 4, limit = 1, to = 'advise', priority = 0 }\n"
        "activity 'handover' { role = 'bookseller', duration = 10, kind = 'tool',\n"
        "                      interruptible = true, switch_cost = 2%s }\n"
        "activity 'phone' { role = 'bookseller', duration = 6, kind = 'core' }\n"
        "activity 'advise' { role = 'bookseller', duration = 5, kind = 'core' }\n";
    char buf[1024];
    remous_scenario *sc;
    snprintf(buf, sizeof buf, text, ", resume = 'anyone'");
    remous_results *res = run_text(buf, &sc, NULL);
    /* handover 0-4 (#1), advice 4-9 (#1), phone 0-6 (#2), handover 6-14 (#2) */
    assert_near(VALUE(res, "arrivals", "orders", "cycle_time_mean"), 14, 1e-12);
    assert_near(VALUE(res, "arrivals", "orders", "wait_mean"), 2, 1e-12);     /* 4-6, in its queue */
    assert_near(VALUE(res, "queue", "handover", "wait_mean"), 2, 1e-12);
    assert_near(VALUE(res, "queue", "handover", "length_mean"), 2 / 100.0, 1e-12);
    assert_near(VALUE(res, "activity", "handover", "duration_mean"), 12, 1e-12);
    assert_near(VALUE(res, "activity", "handover", "completed"), 1, 0);
    assert_near(VALUE(res, "role", "bookseller", "share_tool"), 12 / 200.0, 1e-12);
    assert_near(VALUE(res, "role", "bookseller", "share_core"), 11 / 200.0, 1e-12);
    assert_near(VALUE(res, "arrivals", "readers", "cycle_time_mean"), 5, 1e-12);
    remous_results_free(res);
    remous_close(sc);

    /* an order that never started, come at 5, waits behind the one left at 4
     * (its place is by when it reached the step): 6-14 then 9-19 */
    snprintf(buf, sizeof buf, "%s%s", text,
             "arrivals 'late' { interarrival = 5, limit = 1, to = 'handover', priority = 1 }\n");
    char buf2[1200];
    snprintf(buf2, sizeof buf2, buf, ", resume = 'anyone'");
    res = run_text(buf2, &sc, NULL);
    assert_near(VALUE(res, "arrivals", "orders", "cycle_time_mean"), 14, 1e-12);
    assert_near(VALUE(res, "arrivals", "late", "cycle_time_mean"), 14, 1e-12);
    assert_near(VALUE(res, "arrivals", "late", "wait_mean"), 4, 1e-12);
    remous_results_free(res);
    remous_close(sc);

    snprintf(buf, sizeof buf, text, "");                     /* "same": #2 idles from 6 to the end */
    res = run_text(buf, &sc, NULL);
    assert_near(VALUE(res, "arrivals", "orders", "cycle_time_mean"), 17, 1e-12);
    assert_near(VALUE(res, "arrivals", "orders", "wait_mean"), 0, 0);
    assert_near(VALUE(res, "queue", "handover", "length_mean"), 0, 0);
    assert_near(VALUE(res, "activity", "handover", "duration_mean"), 12, 1e-12);
    assert_near(VALUE(res, "role", "bookseller", "share_tool"), 12 / 200.0, 1e-12);
    remous_results_free(res);
    remous_close(sc);
}

/* The same in hours, with times that are not exact in binary. */
static void hours_and_inexact_times(void **state) {
    (void)state;
    remous_scenario *sc;
    remous_results *res = run_text(
        "scenario 'h' { unit = 'hour', horizon = weeks(4), start = 'mon 10:10', replications = 1 }\n"
        "calendar 'c' { 'mon-fri 09:10-17:20' }\n"
        "role 'r' { calendar = 'c' }\n"
        "task 't' { every = 'mon-fri 09:10', role = 'r', duration = minutes(5) }\n", &sc, NULL);
    /* from Tuesday to the fifth Monday: 20 times, each at opening time */
    assert_near(VALUE(res, "activity", "t", "completed"), 20, 0);
    assert_near(VALUE(res, "queue", "t", "wait_max"), 0, 1e-9);
    remous_results_free(res);
    remous_close(sc);
}

/* A step that ends exactly at closing time ends the day, whether the
 * calendar has one stretch or two: no new work is started after it. */
static void closing_time_is_the_same_with_a_lunch_break(void **state) {
    (void)state;
    const char *calendars[] = {"'mon-fri 09:00-17:30'", "'mon-fri 09:00-12:30', 'mon-fri 13:30-17:30'"};
    for (int c = 0; c < 2; c++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "scenario 'day' { horizon = days(1), replications = 1 }\n"
                 "calendar 'office' { %s }\n"
                 "role 'clerk' { calendar = 'office' }\n"
                 "task 'long' { every = 'mon-fri 13:30', role = 'clerk', duration = hours(4) }\n"
                 "task 'late' { every = 'mon-fri 17:00', role = 'clerk', duration = 30 }\n", calendars[c]);
        remous_scenario *sc;
        remous_results *res = run_text(text, &sc, NULL);
        assert_near(VALUE(res, "activity", "long", "completed"), 1, 0);
        assert_near(VALUE(res, "activity", "late", "completed"), 0, 0);
        assert_near(VALUE(res, "role", "clerk", "overtime"), 0, 0);
        remous_results_free(res);
        remous_close(sc);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(office_hours_exact_counts),
        cmocka_unit_test(queue_length_over_open_hours),
        cmocka_unit_test(a_calendar_that_never_meets_the_arrivals),
        cmocka_unit_test(closing_time_overtime),
        cmocka_unit_test(the_week_starts_where_the_scenario_says),
        cmocka_unit_test(rates_by_time_of_day),
        cmocka_unit_test(absences_of_the_only_person),
        cmocka_unit_test(a_deputy_takes_over),
        cmocka_unit_test(absences_wait_for_the_step_and_count_in_working_time),
        cmocka_unit_test(a_task_at_set_times),
        cmocka_unit_test(an_interrupted_step_resumes),
        cmocka_unit_test(an_interrupted_step_resumed_by_anyone),
        cmocka_unit_test(hours_and_inexact_times),
        cmocka_unit_test(closing_time_is_the_same_with_a_lunch_break),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
