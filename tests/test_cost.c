/* Money as people read it (cost.c): the symbol of each currency, where it
 * goes in English and in French, thousands, cents, negative amounts, no
 * currency; and which figures are cost figures. */
#include "testing.h"
#include "cost.h"

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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(symbols_by_code),
        cmocka_unit_test(figures_thousands_cents_signs),
        cmocka_unit_test(cost_figures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
