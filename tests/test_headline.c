/* The headline: numbers rounded as a person says them, in English and
 * French; nothing said when nothing changes for real, except the mission's
 * "no real change"; a real change said in plain words; at most five. */
#include "testing.h"
#include "headline.h"

static void numbers_are_said_with_two_significant_digits(void **state) {
    (void)state;
    const struct { double v; const char *en, *fr; } cases[] = {
        {3.24, "3.2", "3,2"},   {3.25, "3.3", "3,3"},      {1.96, "2", "2"},        {0.354, "0.35", "0,35"},
        {46.4, "46", "46"},     {9.96, "10", "10"},        {99.6, "100", "100"},    {1234.5, "1,200", "1 200"},
        {15500, "16,000", "16 000"}, {-2.46, "-2.5", "-2,5"}, {0.0004, "0", "0"}, {-0.0004, "0", "0"},
        {0, "0", "0"},          {12.5, "13", "13"},        {1e6, "1,000,000", "1 000 000"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_string_equal(rm_say_number(cases[i].v, "en", buf, sizeof buf), cases[i].en);
        assert_string_equal(rm_say_number(cases[i].v, "fr", buf, sizeof buf), cases[i].fr);
    }
    assert_string_equal(rm_say_number(NAN, "en", buf, sizeof buf), "nan");
    char small[4];                               /* cut, never overrun */
    rm_say_number(1234.5, "en", small, sizeof small);
    assert_true(strlen(small) < sizeof small);
}

/* A unit after a figure: singular for 1 only in English, below 2 in French
 * (number.singular_below_two), read from the figure as the language writes it. */
static void units_agree_with_their_figure(void **state) {
    (void)state;
    const struct { const char *said, *lang; int one; } cases[] = {
        {"1", "en", 1},      {"1.0", "en", 1},    {"1.5", "en", 0},  {"0", "en", 0},     {"2", "en", 0},
        {"\xe2\x88\x92" "1", "en", 1},     {"+1", "en", 1},     {"1,200", "en", 0}, {"1 minute", "en", 1},
        {"1", "fr", 1},      {"1,5", "fr", 1},    {"1,99", "fr", 1}, {"0", "fr", 1},     {"2", "fr", 0},
        {"1 200", "fr", 0},  {"0,5 %", "fr", 1},  {"", "en", 0},     {"none", "en", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (rm_said_singular(cases[i].said, cases[i].lang) != cases[i].one)
            fail_msg("\"%s\" in %s: singular %d, expected %d", cases[i].said, cases[i].lang,
                     rm_said_singular(cases[i].said, cases[i].lang), cases[i].one);
    assert_true(rm_say_singular(1, "en") && !rm_say_singular(1.5, "en") && rm_say_singular(1.5, "fr"));
    assert_true(!rm_say_singular(2, "fr") && rm_say_singular(-1, "en"));
}

/* Two lines; the variant touches only line B, the mission is line A's. */
static const char two_lines[] =
    "scenario 'two lines' { horizon = days(14), replications = 10, mission = { 'core' },\n"
    "  kinds = { core = 'serving A', other = 'serving B' } }\n"
    "role 'a_staff' { label = 'A staff', count = 2 }\n"
    "role 'b_staff' { label = 'B staff', count = 2 }\n"
    "arrivals 'a_jobs' { label = 'A people', interarrival = exponential(10), to = 'a_work' }\n"
    "arrivals 'b_jobs' { label = 'B people', interarrival = exponential(10), to = 'b_work' }\n"
    "activity 'a_work' { role = 'a_staff', duration = exponential(12), kind = 'core' }\n"
    "activity 'b_work' { role = 'b_staff', duration = exponential(12), kind = 'other' }\n"
    "variant 'faster B' { apply = function() activity 'b_work' { duration = exponential(6) } end }\n";

static void a_variant_that_misses_the_mission_says_so(void **state) {
    (void)state;
    remous_scenario *sc = open_text(two_lines, NULL);
    remous_comparison *cmp = NULL;
    char err[512];
    assert_int_equal(remous_compare(sc, &cmp, err, sizeof err), REMOUS_OK);
    rm_headline *h;
    int n = rm_headline_of(cmp, 1, "en", &h);
    assert_true(n >= 2 && n <= 5);
    int mission = -1, staff = -1;
    for (int i = 0; i < n; i++) {
        if (h[i].concern == RM_HL_MISSION)
            mission = i;
        if (h[i].concern == RM_HL_STAFF)
            staff = i;
    }
    assert_true(mission >= 0 && staff >= 0);
    /* A's staff: not one number moved (paired runs), so "no real change";
     * a horizon of two weeks: per week */
    assert_non_null(strstr(h[mission].sentence, "A staff: no real change in the time on serving A (about "));
    assert_non_null(strstr(h[mission].sentence, " hours a week, "));
    /* B's staff are the ones whose busy share moves: down, in points */
    assert_non_null(strstr(h[staff].sentence, "B staff are busy "));
    assert_non_null(strstr(h[staff].sentence, " points)"));
    assert_non_null(strstr(h[staff].sentence, "\xe2\x88\x92"));
    for (int i = 0; i < n; i++)
        assert_null(strstr(h[i].sentence, "A people"));   /* line A did not move */
    rm_headline_free(h, n);
    n = rm_headline_of(cmp, 1, "fr", &h);
    for (int i = 0; i < n; i++)
        if (h[i].concern == RM_HL_MISSION)
            assert_non_null(strstr(h[i].sentence, "A staff : pas de changement réel du temps consacré à « serving A »"));
    rm_headline_free(h, n);
    remous_comparison_free(cmp);
    remous_close(sc);
}

static void nothing_real_nothing_said(void **state) {
    (void)state;
    /* the variant changes nothing (no mission declared): no sentence */
    remous_scenario *sc = open_text(
        "scenario 's' { horizon = days(5), replications = 5 }\n"
        "role 'staff' {}\n"
        "arrivals 'jobs' { interarrival = exponential(10), to = 'work' }\n"
        "activity 'work' { role = 'staff', duration = exponential(6) }\n"
        "variant 'same' { apply = function() activity 'work' { duration = exponential(6) } end }\n", NULL);
    remous_comparison *cmp = NULL;
    char err[512];
    assert_int_equal(remous_compare(sc, &cmp, err, sizeof err), REMOUS_OK);
    rm_headline *h;
    assert_int_equal(rm_headline_of(cmp, 1, "en", &h), 0);
    rm_headline_free(h, 0);
    remous_comparison_free(cmp);
    remous_close(sc);
}

/* An expert listed first takes most of a step two people shared: the
 * busiest person's share rises above 80%; the waits fall under a second. */
static void one_person_and_less_than_a_second(void **state) {
    (void)state;
    remous_options opt = remous_default_options();
    opt.min_change = "0";                        /* a wait under a second is below the default floor */
    remous_scenario *sc = open_text(
        "scenario 'one' { horizon = days(14), replications = 10 }\n"
        "role 'staff' { label = 'staff', count = 2 }\n"
        "arrivals 'jobs' { label = 'people', interarrival = exponential(30), to = 'work' }\n"
        "activity 'work' { label = 'the work', role = 'staff', duration = exponential(5) }\n"
        "variant 'expert' { apply = function()\n"
        "  role 'expert' { label = 'the expert', count = 1 }\n"
        "  activity 'work' { role = { 'expert', 'staff' } } end }\n", &opt);
    remous_comparison *cmp = NULL;
    char err[512];
    assert_int_equal(remous_compare(sc, &cmp, err, sizeof err), REMOUS_OK);
    remous_delta_row d;
    assert_int_equal(remous_comparison_find(cmp, "expert", "activity", "work", "top_person_share", &d), 0);
    assert_true(d.significant && d.variant_mean > 0.8 && d.baseline_mean <= 0.8);
    char a[32], b[32], want[256];
    snprintf(want, sizeof want, "One person now does %s%% of \xe2\x80\x9cthe work\xe2\x80\x9d, instead of %s%%.",
             rm_say_number(round(100 * d.variant_mean), "en", a, sizeof a),
             rm_say_number(round(100 * d.baseline_mean), "en", b, sizeof b));
    remous_delta_row w;
    assert_int_equal(remous_comparison_find(cmp, "expert", "arrivals", "jobs", "wait_mean", &w), 0);
    assert_true(w.significant && w.variant_mean * 60 < 0.95 && w.baseline_mean * 60 >= 1.5);
    rm_headline *h;
    int n = rm_headline_of(cmp, 1, "en", &h), found = 0;
    for (int i = 0; i < n; i++) {
        if (h[i].concern == RM_HL_ONE_PERSON)
            assert_string_equal(h[i].sentence, want), found++;
        if (h[i].concern == RM_HL_PUBLIC) {
            assert_non_null(strstr(h[i].sentence, "People wait less than a second instead of "));
            assert_non_null(strstr(h[i].sentence, " seconds."));
            found++;
        }
    }
    assert_int_equal(found, 2);
    rm_headline_free(h, n);
    remous_comparison_free(cmp);
    remous_close(sc);
}

/* All six concerns speak: five sentences. Two futures alike but for the
 * expert's rate: with it, the cost is news and the new work gives way;
 * without it (a volunteer), the cost's "no real change" gives way and the
 * new work (the same step, the same figures) is said. */
static void six_concerns_five_sentences(void **state) {
    (void)state;
    remous_options opt = remous_default_options();
    opt.min_change = "0";
    const char *future = "  activity 'work' { role = { 'expert', 'staff' }, next = 'log' }\n"
                         "  activity 'log' { label = 'logging', role = 'staff', duration = 1, kind = 'admin' } end }\n";
    char text[2048];
    snprintf(text, sizeof text,
             "scenario 'one' { horizon = days(14), replications = 10, mission = { 'core' }, currency = 'EUR' }\n"
             "role 'staff' { label = 'staff', count = 2, cost_per_hour = 20 }\n"
             "arrivals 'jobs' { label = 'people', interarrival = exponential(20), to = 'work' }\n"
             "activity 'work' { label = 'the work', role = 'staff', duration = exponential(5), kind = 'core' }\n"
             "variant 'expert' { apply = function()\n"
             "  role 'expert' { label = 'the expert', count = 1, cost_per_hour = 30 }\n%s"
             "variant 'volunteer' { apply = function()\n"
             "  role 'expert' { label = 'the expert', count = 1 }\n%s",
             future, future);
    remous_scenario *sc = open_text(text, &opt);
    remous_comparison *cmp = NULL;
    char err[512];
    assert_int_equal(remous_compare(sc, &cmp, err, sizeof err), REMOUS_OK);
    static const rm_hl_concern paid[] = {RM_HL_PUBLIC, RM_HL_STAFF, RM_HL_MISSION, RM_HL_ONE_PERSON, RM_HL_COST};
    static const rm_hl_concern unpaid[] = {RM_HL_PUBLIC, RM_HL_STAFF, RM_HL_MISSION, RM_HL_NEW_WORK, RM_HL_ONE_PERSON};
    for (int v = 1; v <= 2; v++) {
        rm_headline *h;
        int n = rm_headline_of(cmp, v, "en", &h);
        assert_int_equal(n, 5);
        for (int i = 0; i < n; i++)
            if (h[i].concern != (v == 1 ? paid : unpaid)[i])
                fail_msg("variant %d, sentence %d: concern %d (%s)", v, i, h[i].concern, h[i].sentence);
        if (v == 1)
            assert_non_null(strstr(h[4].sentence, "All in, this variant costs about "));
        rm_headline_free(h, n);
    }
    remous_comparison_free(cmp);
    remous_close(sc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_are_said_with_two_significant_digits),
        cmocka_unit_test(units_agree_with_their_figure),
        cmocka_unit_test(a_variant_that_misses_the_mission_says_so),
        cmocka_unit_test(nothing_real_nothing_said),
        cmocka_unit_test(one_person_and_less_than_a_second),
        cmocka_unit_test(six_concerns_five_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
