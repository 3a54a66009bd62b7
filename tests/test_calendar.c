/* Calendars: parsing, and the two questions profiles answer (how much open
 * time between two instants; when a given amount of it has gone by). Times
 * in minutes: a day is 1440, a week 10080, t = 0 on Monday 00:00. */
#include "testing.h"
#include "calendar.h"

#define WEEK 10080.0
#define DAY 1440.0

static rm_profile parsed(const char *spec) {
    rm_profile p;
    char err[256];
    rm_profile_init(&p, WEEK, 0);
    if (rm_calendar_parse(&p, spec, err, sizeof err) < 0)
        fail_msg("%s", err);
    return p;
}

static const char *parse_error(const char *spec) {
    static char err[256];
    rm_profile p;
    rm_profile_init(&p, WEEK, 0);
    err[0] = '\0';
    rm_calendar_parse(&p, spec, err, sizeof err);
    rm_profile_free(&p);
    return err;
}

static void office_hours(void **state) {
    (void)state;
    rm_profile p = parsed("mon-fri 09:00-17:00");
    assert_int_equal(p.n, 5);
    assert_near(p.per_week, 5 * 480, 0);
    assert_false(rm_profile_open(&p, 9 * 60 - 1));
    assert_true(rm_profile_open(&p, 9 * 60));
    assert_true(rm_profile_open(&p, 17 * 60 - 0.001));
    assert_false(rm_profile_open(&p, 17 * 60));            /* half-open: closed at 17:00 */
    assert_false(rm_profile_open(&p, 5 * DAY + 600));      /* saturday */
    /* a whole week, and the working time of 3 weeks from any instant */
    assert_near(rm_profile_integral(&p, 0, WEEK), 2400, 1e-9);
    assert_near(rm_profile_integral(&p, 1234.5, 1234.5 + 3 * WEEK), 7200, 1e-9);
    assert_near(rm_profile_integral(&p, 600, 700), 100, 1e-9);
    assert_near(rm_profile_integral(&p, 1000, DAY + 600), 20 + 60, 1e-9);   /* 16:40-17:00, 09:00-10:00 */
    /* changes: opens at 09:00, closes at 17:00, Friday's close to Monday's open */
    assert_near(rm_profile_next_change(&p, 0), 540, 1e-9);
    assert_near(rm_profile_next_change(&p, 540), 1020, 1e-9);
    assert_near(rm_profile_next_change(&p, 4 * DAY + 1020), WEEK + 540, 1e-9);
    rm_profile_free(&p);
}

static void open_time_advances(void **state) {
    (void)state;
    rm_profile p = parsed("mon-fri 09:00-17:00");
    /* 10 open minutes from Monday 00:00 is 09:10 */
    assert_near(rm_profile_advance(&p, 0, 10), 550, 1e-9);
    /* from 16:55, 10 open minutes: 5 today, 5 tomorrow */
    assert_near(rm_profile_advance(&p, 1015, 10), DAY + 545, 1e-9);
    /* due exactly at closing time: at closing time (time stands still after) */
    assert_near(rm_profile_advance(&p, 1010, 10), 1020, 1e-9);
    assert_near(rm_profile_advance(&p, 1020, 10), DAY + 550, 1e-9);
    /* Friday afternoon to Monday morning */
    assert_near(rm_profile_advance(&p, 4 * DAY + 1000, 30), WEEK + 550, 1e-9);
    /* an arrival every 10 open minutes: exactly 48 a day, 09:10 to 17:00 */
    double t = 0;
    int per_day[7] = {0};
    for (;;) {
        t = rm_profile_advance(&p, t, 10);
        if (t >= WEEK)
            break;
        assert_true(rm_profile_open(&p, t) || fmod(t, DAY) == 1020);   /* or at 17:00 */
        per_day[(int)(t / DAY)]++;
    }
    assert_int_equal(per_day[0], 48);
    assert_int_equal(per_day[1], 48);
    assert_int_equal(per_day[4], 48);
    assert_int_equal(per_day[5] + per_day[6], 0);
    rm_profile_free(&p);
}

static void several_strings_nights_and_wrapping(void **state) {
    (void)state;
    rm_profile p = parsed("mon-fri 09:00-12:30");
    char err[256];
    assert_int_equal(rm_calendar_parse(&p, "mon-fri 13:30-17:00, 18:00-19:00", err, sizeof err), 0);
    assert_near(p.per_week, 5 * (210 + 210 + 60), 1e-9);
    rm_profile_free(&p);

    p = parsed("sat-mon 22:00-06:00");                    /* wraps the week and the days */
    assert_near(p.per_week, 3 * 480, 1e-9);
    assert_true(rm_profile_open(&p, 60));                 /* monday 01:00: sunday's night */
    assert_true(rm_profile_open(&p, 23 * 60));            /* monday 23:00 */
    assert_false(rm_profile_open(&p, DAY + 7 * 60));      /* tuesday 07:00 */
    rm_profile_free(&p);

    p = parsed("sat");
    assert_near(p.per_week, DAY, 0);
    assert_true(rm_profile_open(&p, 5 * DAY));
    rm_profile_free(&p);

    p = parsed("always");
    assert_true(p.always);
    assert_near(rm_profile_integral(&p, 3, 10), 7, 0);
    assert_near(rm_profile_advance(&p, 3, 10), 13, 0);
    rm_profile_free(&p);

    p = parsed("Tue,THU 10:00-11:00");
    assert_near(p.per_week, 120, 0);
    rm_profile_free(&p);
}

static void the_start_shifts_the_week(void **state) {
    (void)state;
    double offset;
    char err[256];
    assert_int_equal(rm_calendar_parse_start("tue 10:00", WEEK, &offset, err, sizeof err), 0);
    assert_near(offset, DAY + 600, 0);
    rm_profile p;
    rm_profile_init(&p, WEEK, offset);
    assert_int_equal(rm_calendar_parse(&p, "tue-sat 10:00-19:00", err, sizeof err), 0);
    assert_true(rm_profile_open(&p, 0));                  /* t = 0 is tuesday 10:00 */
    assert_near(rm_profile_next_change(&p, 0), 540, 1e-9);
    assert_near(rm_profile_integral(&p, 0, DAY), 540, 1e-9);
    rm_profile_free(&p);
    assert_int_equal(rm_calendar_parse_start("mon", WEEK, &offset, err, sizeof err), 0);
    assert_near(offset, 0, 0);
    assert_int_equal(rm_calendar_parse_start("monday 8:00", WEEK, &offset, err, sizeof err), -1);
    assert_string_equal(err, "\"monday 8:00\": \"monday\" is not a day (mon, tue, wed, thu, fri, sat, sun)");
}

static void points_in_the_week(void **state) {
    (void)state;
    double *t;
    int n;
    char err[256];
    assert_int_equal(rm_calendar_parse_points("mon-sat 18:30", WEEK, &t, &n, err, sizeof err), 0);
    assert_int_equal(n, 6);
    assert_near(t[0], 1110, 0);
    assert_near(t[5], 5 * DAY + 1110, 0);
    free(t);
    assert_int_equal(rm_calendar_parse_points("fri,mon 14:00, 09:00", WEEK, &t, &n, err, sizeof err), 0);
    assert_int_equal(n, 4);
    assert_near(t[0], 540, 0);
    assert_near(t[3], 4 * DAY + 840, 0);
    free(t);
    assert_int_equal(rm_calendar_parse_points("mon-fri", WEEK, &t, &n, err, sizeof err), -1);
    assert_string_equal(err, "\"mon-fri\": give the time of day, e.g. \"mon-fri 18:30\"");
}

static void malformed_calendars(void **state) {
    (void)state;
    assert_string_equal(parse_error("tue-sta 10:00-19:00"),
                        "\"tue-sta 10:00-19:00\": \"sta\" is not a day (mon, tue, wed, thu, fri, sat, sun)");
    assert_string_equal(parse_error("tue-sat 10:00-19:0"),
                        "\"tue-sat 10:00-19:0\": \"19:0\" is not a time of day (write HH:MM, e.g. 09:30)");
    assert_string_equal(parse_error("mon 25:00-26:00"),
                        "\"mon 25:00-26:00\": \"25:00\" is not a time of day (write HH:MM, e.g. 09:30)");
    assert_string_equal(parse_error("mon 10:00-10:00"), "\"mon 10:00-10:00\": 10:00-10:00 is empty");
    assert_string_equal(parse_error("mon 10:00"),
                        "\"mon 10:00\": write opening hours as a range, e.g. 09:00-17:00");
    assert_string_equal(parse_error("mon 10:00-12:00 x"), "\"mon 10:00-12:00 x\": unexpected \"x\"");
    assert_string_equal(parse_error("10:00-12:00"),
                        "\"10:00-12:00\": expected a day (mon, tue, wed, thu, fri, sat, sun) at \"10:00-12:00\"");
    assert_string_equal(parse_error(""),
                        "\"\": expected a day (mon, tue, wed, thu, fri, sat, sun) at \"\"");
}

static void rates_times_openness(void **state) {
    (void)state;
    rm_profile open = parsed("mon-fri 09:00-17:00"), rate, both;
    rm_profile_init(&rate, WEEK, 0);
    /* 0.1 an hour-minute from 10:00, 0.25 from 12:00, 0.05 from 14:00 to 10:00 */
    for (int d = 0; d < 7; d++) {
        rm_profile_add(&rate, d * DAY + 600, d * DAY + 720, 0.1);
        rm_profile_add(&rate, d * DAY + 720, d * DAY + 840, 0.25);
        rm_profile_add(&rate, d * DAY + 840, d * DAY + 1440 + 600, 0.05);
    }
    assert_int_equal(rm_profile_multiply(&open, &rate, &both), 0);
    /* per open day: 09-10 at 0.05, 10-12 at 0.1, 12-14 at 0.25, 14-17 at 0.05 */
    assert_near(rm_profile_integral(&both, 0, DAY), 3 + 12 + 30 + 9, 1e-9);
    assert_near(both.per_week, 5 * 54, 1e-9);
    /* 3 units of intensity from 09:00 take the hour to 10:00 */
    assert_near(rm_profile_advance(&both, 540, 3), 600, 1e-9);
    assert_near(rm_profile_advance(&both, 540, 3 + 12 + 15), 780, 1e-9);
    rm_profile_free(&open);
    rm_profile_free(&rate);
    rm_profile_free(&both);
}

/* In hours, 09:10 and a start at 10:10 are not exact in binary: a boundary
 * must still be found, from one to the next, week after week. */
static void inexact_times_in_hours(void **state) {
    (void)state;
    double week = 168, offset;
    char err[256];
    assert_int_equal(rm_calendar_parse_start("mon 10:10", week, &offset, err, sizeof err), 0);
    rm_profile p;
    rm_profile_init(&p, week, offset);
    assert_int_equal(rm_calendar_parse(&p, "mon-fri 09:10-17:20", err, sizeof err), 0);
    double t = 0;
    int changes = 0;
    for (;;) {
        double next = rm_profile_next_change(&p, t);
        assert_true(next > t);
        assert_true(rm_profile_open(&p, next) != rm_profile_open(&p, t));
        if (next >= 52 * week)
            break;
        t = next;
        changes++;
    }
    assert_int_equal(changes, 52 * 10);                  /* 5 openings, 5 closings a week */
    rm_profile_free(&p);
}

/* Overlapping hours are open once, not twice. */
static void overlaps_are_a_union(void **state) {
    (void)state;
    rm_profile p = parsed("mon 09:00-17:00");
    char err[256];
    assert_int_equal(rm_calendar_parse(&p, "mon 09:00-17:00", err, sizeof err), 0);
    assert_int_equal(rm_calendar_parse(&p, "mon 16:00-18:00", err, sizeof err), 0);
    assert_near(p.per_week, 540, 0);
    rm_profile_free(&p);
}

static void never_open(void **state) {
    (void)state;
    rm_profile p;
    rm_profile_init(&p, WEEK, 0);
    assert_true(isinf(rm_profile_advance(&p, 0, 1)));
    assert_true(isinf(rm_profile_next_change(&p, 0)));
    assert_false(rm_profile_open(&p, 5));
    assert_near(rm_profile_integral(&p, 0, 1e6), 0, 0);
    rm_profile_free(&p);
}

/* per_day(n) under a calendar: n on every open day, whatever its hours. */
static void per_open_day(void **state) {
    (void)state;
    rm_profile cal = parsed("mon 09:00-12:00"), rate;
    char err[256];
    if (rm_calendar_parse(&cal, "thu 14:00-20:00", err, sizeof err) < 0)
        fail_msg("%s", err);
    assert_int_equal(rm_profile_per_open_day(&cal, 20, &rate), 0);
    assert_near(rm_profile_integral(&rate, 0, DAY), 20, 1e-9);                /* Monday, 3 hours */
    assert_near(rm_profile_integral(&rate, DAY, 3 * DAY), 0, 1e-9);
    assert_near(rm_profile_integral(&rate, 3 * DAY, 4 * DAY), 20, 1e-9);      /* Thursday, 6 hours */
    assert_near(rm_profile_integral(&rate, 0, WEEK), 40, 1e-9);
    assert_true(rm_profile_open(&rate, 600) && !rm_profile_open(&rate, 800));
    rm_profile_free(&rate);
    rm_profile_free(&cal);
    /* a night shift counts in the day it starts; around the clock, each day */
    cal = parsed("mon-fri 22:00-06:00");
    assert_int_equal(rm_profile_per_open_day(&cal, 8, &rate), 0);
    assert_near(rm_profile_integral(&rate, 22 * 60, DAY + 6 * 60), 8, 1e-9);   /* Monday night */
    assert_near(rm_profile_integral(&rate, 0, WEEK), 40, 1e-9);
    rm_profile_free(&rate);
    rm_profile_free(&cal);
    cal = parsed("mon-sun 00:00-24:00");
    assert_int_equal(rm_profile_per_open_day(&cal, 30, &rate), 0);
    assert_near(rm_profile_integral(&rate, 2 * DAY, 3 * DAY), 30, 1e-9);
    assert_near(rm_profile_integral(&rate, 0, WEEK), 210, 1e-9);
    rm_profile_free(&rate);
    rm_profile_free(&cal);
    /* a 24-hour stretch is one day, like one of 23 h 59; longer ones are cut
     * every 24 hours from their start */
    static const struct { const char *specs[4]; double per_week; } long_days[] = {
        {{"mon 06:00-24:00", "tue 00:00-06:00"}, 10},
        {{"mon 06:00-24:00", "tue 00:00-05:59"}, 10},
        {{"mon-fri 06:00-22:00", "mon-fri 22:00-06:00"}, 50},          /* Monday 06:00 to Saturday 06:00 */
        {{"sun 12:00-24:00", "mon 00:00-23:00", "mon 23:00-24:00", "tue 00:00-01:00"}, 20},   /* 37 hours */
    };
    for (size_t c = 0; c < sizeof long_days / sizeof long_days[0]; c++) {
        rm_profile_init(&cal, WEEK, 0);
        for (int i = 0; i < 4 && long_days[c].specs[i]; i++)
            if (rm_calendar_parse(&cal, long_days[c].specs[i], err, sizeof err) < 0)
                fail_msg("%s", err);
        assert_int_equal(rm_profile_per_open_day(&cal, 10, &rate), 0);
        assert_near(rm_profile_integral(&rate, 0, WEEK), long_days[c].per_week, 1e-9);
        rm_profile_free(&rate);
        rm_profile_free(&cal);
    }
    /* per_week(n): n a week over the open hours, shared by their length */
    cal = parsed("tue-sat 10:00-19:00");
    assert_int_equal(rm_profile_per_open_week(&cal, 90, &rate), 0);
    assert_near(rm_profile_integral(&rate, 0, WEEK), 90, 1e-9);
    assert_near(rm_profile_integral(&rate, DAY, 2 * DAY), 18, 1e-9);
    rm_profile_free(&rate);
    rm_profile_free(&cal);
}

/* A rate by the hour over the whole week (168 segments, found by
 * bisection): the integral and the advance agree with the segments summed
 * one by one, to the last bit where the sum is exact (whole weights). */
static void hourly_rates_over_a_week(void **state) {
    (void)state;
    rm_profile p;
    rm_profile_init(&p, WEEK, 0);
    for (int h = 0; h < 168; h++)
        assert_int_equal(rm_profile_add(&p, h * 60.0, (h + 1) * 60.0, 1 + h % 5), 0);
    assert_int_equal(p.n, 168);
    assert_true(p.per_week == 60.0 * (34 * (1 + 2 + 3 + 4 + 5) - 5 - 4));   /* 33 whole cycles of 5, then 1, 2, 3 */
    for (int k = 0; k <= 2 * 168 * 4; k++) {
        double t = k * 15.0;                     /* every quarter of an hour, over two weeks */
        double by_hand = 0;
        for (int h = 0; h * 60.0 < t; h++)
            by_hand += (1 + (h % 168) % 5) * fmin(60.0, t - h * 60.0);
        assert_true(rm_profile_integral(&p, 0, t) == by_hand);
        if (k > 0)                               /* the instant that much open time takes from 0 */
            assert_true(fabs(rm_profile_advance(&p, 0, by_hand) - t) < 1e-9);
    }
    rm_profile_free(&p);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(office_hours),
        cmocka_unit_test(open_time_advances),
        cmocka_unit_test(several_strings_nights_and_wrapping),
        cmocka_unit_test(the_start_shifts_the_week),
        cmocka_unit_test(points_in_the_week),
        cmocka_unit_test(malformed_calendars),
        cmocka_unit_test(rates_times_openness),
        cmocka_unit_test(inexact_times_in_hours),
        cmocka_unit_test(overlaps_are_a_union),
        cmocka_unit_test(never_open),
        cmocka_unit_test(per_open_day),
        cmocka_unit_test(hourly_rates_over_a_week),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
