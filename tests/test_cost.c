/* Money as people read it (cost.c): the symbol of each currency, where it
 * goes in English and in French, thousands, cents, negative amounts, no
 * currency; which figures are cost figures; and the breakdown of a
 * comparison that the headline and the report read, on a model whose
 * costs are worked out by hand. */
#include "testing.h"
#include "cost.h"
#include "scenario.h"

static const char *money(const char *currency, double amount, const char *lang) {
    static char buf[128];
    rm_model m = {0};
    m.currency = (char *)currency;
    return rm_money(&m, amount, lang, buf, sizeof buf);
}

static void symbols_by_code(void **state) {
    (void)state;
    assert_string_equal(money("EUR", 410, "en"), "€410");
    assert_string_equal(money("USD", 410, "en"), "$410");
    assert_string_equal(money("GBP", 410, "en"), "£410");
    assert_string_equal(money("CHF", 410, "en"), "CHF 410");
    assert_string_equal(money("CAD", 410, "en"), "CA$410");
    assert_string_equal(money("JPY", 410, "en"), "JPY 410");
    assert_string_equal(money("EUR", 410, "fr"), "410 €");
    assert_string_equal(money("CHF", 410, "fr"), "410 CHF");
    assert_string_equal(money("CAD", 410, "fr"), "410 $ CA");
    assert_string_equal(money("JPY", 410, "fr"), "410 JPY");
    assert_string_equal(rm_currency_symbol("EUR", "fr"), "€");
    assert_string_equal(rm_currency_symbol("", "en"), "");
}

static void figures_thousands_cents_signs(void **state) {
    (void)state;
    assert_string_equal(money("EUR", 1234567.4, "en"), "€1,234,567");
    assert_string_equal(money("EUR", 1234567.4, "fr"), "1 234 567 €");
    assert_string_equal(money("EUR", 999.5, "en"), "€1,000");
    assert_string_equal(money("EUR", 10, "en"), "€10");
    assert_string_equal(money("EUR", 9.999, "en"), "€10");
    assert_string_equal(money("EUR", 0.25, "en"), "€0.25");
    assert_string_equal(money("EUR", 0.25, "fr"), "0,25 €");
    assert_string_equal(money("EUR", 4.5, "en"), "€4.50");
    assert_string_equal(money("EUR", 5, "en"), "€5");
    assert_string_equal(money("EUR", 0, "en"), "€0");
    assert_string_equal(money("EUR", -90.2, "en"), "-€90");
    assert_string_equal(money("EUR", -90.2, "fr"), "-90 €");
    assert_string_equal(money("EUR", -0.001, "en"), "€0");        /* no "-€0" */
    assert_string_equal(money("", 1250, "en"), "1,250");          /* no currency: the figure */
    assert_string_equal(money(NULL, 1250, "fr"), "1 250");
    assert_string_equal(money("EUR", NAN, "en"), "-");
}

static void cost_figures(void **state) {
    (void)state;
    assert_true(rm_cost_metric("scenario", "cost_total"));
    assert_true(rm_cost_metric("scenario", "value_lost"));
    assert_true(rm_cost_metric("role", "cost"));
    assert_true(rm_cost_metric("role", "cost_core"));
    assert_true(rm_cost_metric("role", "cost_idle"));
    assert_true(rm_cost_metric("tool", "cost_fees"));
    assert_true(rm_cost_metric("tool", "used"));
    assert_true(rm_cost_metric("arrivals", "value_completed"));
    assert_false(rm_cost_metric("role", "share_core"));
    assert_false(rm_cost_metric("scenario", "events"));
    assert_false(rm_cost_metric("person", "cost"));
    assert_false(rm_cost_metric("tool", "uptake"));
}

/* One clerk (20 an hour) always at work, an item every 60 minutes taking
 * 30: over the measured 2 days, 48 hours paid, 24 of them busy. The tool
 * adds a free 0-minute step every item passes (49 a month, 0.5 an item,
 * 10% of a value of 30, 100 to set up) and a helper (20 an hour, always
 * at work: paid 48 hours whatever they do); nobody waits, no value is lost. */
static const char *two_days =
    "scenario 'Two days' { horizon = days(3), warmup = days(1), replications = 3, currency = 'EUR' }\n"
    "role 'clerk' { cost_per_hour = 20 }\n"
    "arrivals 'jobs' { interarrival = 60, to = 'work', value = 30 }\n"
    "activity 'work' { role = 'clerk', duration = 30 }\n"
    "tool 'app' { cost = { per_month = 49, per_item = 0.5, share_of_value = 0.1, setup = 100 },\n"
    "  apply = function()\n"
    "    activity 'log' { duration = 0, next = 'work' }\n"
    "    arrivals 'jobs' { to = 'log' }\n"
    "  end }\n"
    "variant 'app' { tools = { 'app' }, apply = function() role 'helper' { cost_per_hour = 20 }\n"
    "  activity 'work' { role = { 'clerk', 'helper' } } end }\n";

static void a_comparison_s_breakdown(void **state) {
    (void)state;
    remous_scenario *sc = open_text(two_days, NULL);
    remous_comparison *cmp = NULL;
    char err[512];
    assert_int_equal(remous_compare(sc, &cmp, err, sizeof err), REMOUS_OK);
    rm_cost_breakdown b;
    assert_int_equal(rm_cost_breakdown_of(cmp, 1, &b), 0);
    double months = 2 / (365.25 / 12);
    assert_near(b.months, months, 1e-12);
    assert_near(b.staff.baseline, 48 * 20, 1e-9);
    assert_near(b.staff.variant, 2 * 48 * 20, 1e-9);
    assert_near(b.staff.delta, 48 * 20, 1e-9);
    assert_true(b.staff.significant);
    assert_near(b.subscriptions.variant, 49 * months, 1e-9);
    assert_near(b.subscriptions.baseline, 0, 0);
    assert_near(b.fees.variant, 48 * 0.5 + 0.1 * 48 * 30, 1e-9);
    assert_near(b.setup.delta, 100, 1e-9);
    assert_near(b.tools.delta, 49 * months + 24 + 144 + 100, 1e-9);
    assert_near(b.total.delta, b.staff.delta + b.tools.delta, 1e-9);
    assert_near(b.value_completed.baseline, 48 * 30, 1e-9);
    assert_near(b.value_lost.delta, 0, 0);
    assert_near(b.total.half, 0, 0);           /* the same in every replication */
    rm_amount clerk, helper;
    assert_int_equal(rm_cost_of_role(cmp, 1, "clerk", &clerk), 0);
    assert_near(clerk.delta, 0, 1e-9);
    assert_int_equal(rm_cost_of_role(cmp, 1, "helper", &helper), 0);   /* new in the variant: 0 before */
    assert_near(helper.baseline, 0, 0);
    assert_near(helper.variant, 48 * 20, 1e-9);
    assert_int_equal(rm_cost_of_role(cmp, 1, "nobody", &helper), -1);
    remous_comparison_free(cmp);
    remous_close(sc);
}

static void no_breakdown_without_costs(void **state) {
    (void)state;
    remous_scenario *sc = open_text("scenario 'Free' { horizon = days(2), replications = 2 }\n"
                                    "arrivals 'a' { interarrival = 60, to = 'exit' }\n"
                                    "variant 'v' {}\n", NULL);
    remous_comparison *cmp = NULL;
    char err[512];
    assert_int_equal(remous_compare(sc, &cmp, err, sizeof err), REMOUS_OK);
    rm_cost_breakdown b;
    assert_int_equal(rm_cost_breakdown_of(cmp, 1, &b), -1);
    remous_comparison_free(cmp);
    remous_close(sc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(symbols_by_code),
        cmocka_unit_test(figures_thousands_cents_signs),
        cmocka_unit_test(cost_figures),
        cmocka_unit_test(a_comparison_s_breakdown),
        cmocka_unit_test(no_breakdown_without_costs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
