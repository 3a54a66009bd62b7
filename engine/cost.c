/* What a future costs, as people read it: see cost.h. The figures come
 * from metrics.c; this file reads them out of a comparison. */
#include "cost.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "words.h"

/* ------------------------------------------------------------ figures -- */

/* The cost figures the digest speaks of: the scenario's, and a role's
 * cost; of two with the same figures, it says the first. */
static const struct {
    const char *element, *metric, *key;
} spoken[] = {
    {"scenario", "cost_staff", RM_WORD_KEY("cost.staff")},
    {"scenario", "cost_tool", RM_WORD_KEY("cost.tools")},
    {"scenario", "cost_total", RM_WORD_KEY("cost.total")},
    {"scenario", "value_completed", RM_WORD_KEY("cost.value_completed")},
    {"scenario", "value_lost", RM_WORD_KEY("cost.value_lost")},
    {"role", "cost", RM_WORD_KEY("cost.role")},
};

/* The other figures' words (a report's or a table's), by exact metric. */
static const struct {
    const char *element, *metric, *key;
} unspoken[] = {
    {"role", "cost_idle", RM_WORD_KEY("cost.role_idle")},
    {"role", "cost_away", RM_WORD_KEY("cost.role_away")},
    {"role", "cost_overtime", RM_WORD_KEY("cost.role_overtime")},
    {"tool", "cost", RM_WORD_KEY("cost.tool_cost")},
    {"tool", "cost_subscription", RM_WORD_KEY("cost.tool_subscription")},
    {"tool", "cost_fees", RM_WORD_KEY("cost.tool_fees")},
    {"tool", "cost_setup", RM_WORD_KEY("cost.tool_setup")},
    {"tool", "used", RM_WORD_KEY("cost.tool_used")},
    {"arrivals", "value_completed", RM_WORD_KEY("cost.stream_value_completed")},
    {"arrivals", "value_lost", RM_WORD_KEY("cost.stream_value_lost")},
};

static int spoken_index(const char *element, const char *metric) {
    for (size_t i = 0; i < sizeof spoken / sizeof spoken[0]; i++)
        if (strcmp(spoken[i].element, element) == 0 && strcmp(spoken[i].metric, metric) == 0)
            return (int)i;
    return -1;
}

static int unspoken_index(const char *element, const char *metric) {
    for (size_t i = 0; i < sizeof unspoken / sizeof unspoken[0]; i++)
        if (strcmp(unspoken[i].element, element) == 0 && strcmp(unspoken[i].metric, metric) == 0)
            return (int)i;
    return -1;
}

/* A role's cost on a kind: cost_KIND, other than its idle, away, overtime. */
static int role_kind_cost(const char *element, const char *metric) {
    return strcmp(element, "role") == 0 && strncmp(metric, "cost_", 5) == 0 && unspoken_index(element, metric) < 0;
}

int rm_cost_metric(const char *element, const char *metric) {
    return spoken_index(element, metric) >= 0 || unspoken_index(element, metric) >= 0 ||
           role_kind_cost(element, metric);
}

/* -------------------------------------------------------------- money -- */

static const struct {
    const char *code, *key;
} symbols[] = {
    {"EUR", RM_WORD_KEY("cost.eur")}, {"USD", RM_WORD_KEY("cost.usd")}, {"GBP", RM_WORD_KEY("cost.gbp")},
    {"CHF", RM_WORD_KEY("cost.chf")}, {"CAD", RM_WORD_KEY("cost.cad")},
};

const char *rm_currency_symbol(const char *code, const char *lang) {
    if (!code)
        return "";
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++)
        if (strcmp(symbols[i].code, code) == 0)
            return rm_word(lang, symbols[i].key);
    return code;
}

/* digits (a whole number, no sign) with lang's thousands separator every
 * three digits from the right, into out. */
static void grouped(const char *digits, const char *lang, char *out, size_t len) {
    const char *sep = rm_word(lang, "number.thousands");
    size_t n = strcspn(digits, "e"), used = 0, ls = strlen(sep);   /* "1e+20": no separator */
    for (size_t i = 0; digits[i] && used + ls + 2 < len; i++) {
        if (i > 0 && i < n && (n - i) % 3 == 0) {
            memcpy(out + used, sep, ls);
            used += ls;
        }
        out[used++] = digits[i];
    }
    out[used] = '\0';
}

const char *rm_money(const rm_model *m, double amount, const char *lang, char *buf, size_t len) {
    char figure[64], number[96];
    double a = fabs(amount);
    if (!isfinite(amount)) {
        snprintf(buf, len, "-");
        return buf;
    }
    if (a >= 9.995 || round(a * 100) == round(a) * 100) {   /* whole: from 10 on, or no cents */
        rm_whole_number(figure, sizeof figure, round(a));
        grouped(figure, lang, number, sizeof number);
    } else {
        snprintf(number, sizeof number, "%.2f", a);
        rm_decimal_in(number, sizeof number, lang);
    }
    int negative = amount < 0 && strcmp(number, "0") != 0;
    const char *symbol = rm_currency_symbol(m && m->currency && m->currency[0] ? m->currency : NULL, lang);
    char money[192];
    if (!*symbol) {
        snprintf(money, sizeof money, "%s", number);
    } else {
        /* a symbol sticks to the figure in English ("€410"), a code takes a
         * space ("CHF 410"); each language places them its way */
        char last = symbol[strlen(symbol) - 1];
        int letters = (last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z');
        const char *format = letters ? RM_WORD_KEY("cost.money_spaced") : RM_WORD_KEY("cost.money_tight");
        snprintf(money, sizeof money, rm_word(lang, format), symbol, number);
    }
    snprintf(buf, len, "%s%s", negative ? rm_word(lang, "cost.minus") : "", money);
    return buf;
}

/* -------------------------------------------------------------- words -- */

const char *rm_cost_words(const rm_model *m, const char *element, const char *metric, const char *lang,
                          char *buf, size_t len) {
    int i = spoken_index(element, metric);
    if (i >= 0 && strcmp(element, "role") == 0)
        snprintf(buf, len, "%s", rm_word(lang, "cost.role_cost"));
    else if (i >= 0)
        snprintf(buf, len, "%s", rm_word(lang, spoken[i].key));
    else if ((i = unspoken_index(element, metric)) >= 0)
        snprintf(buf, len, "%s", rm_word(lang, unspoken[i].key));
    else if (role_kind_cost(element, metric)) {
        char kind[256];
        rm_kind_label(m, metric + 5, lang, kind, sizeof kind);
        snprintf(buf, len, rm_word(lang, "cost.role_kind"), kind);
    } else
        rm_shown(NULL, metric, buf, len);
    return buf;
}

/* ------------------------------------------------------------- digest -- */

/* The value of metric i of res in replication r; NaN where absent (-1). */
static double value_at(const remous_results *res, int i, int r) {
    return i < 0 ? NAN : res->values[(size_t)r * (size_t)res->cat.n + (size_t)i];
}

static int same(double a, double b) { return a == b || (isnan(a) && isnan(b)); }

/* Whether rows d and e are the same figures replication by replication, in
 * the baseline and in the variant. */
static int same_figures(const remous_results *base, const remous_results *var, const rm_delta *d, const rm_delta *e) {
    for (int r = 0; r < base->reps && r < var->reps; r++)
        if (!same(value_at(base, d->ib, r), value_at(base, e->ib, r)) ||
            !same(value_at(var, d->iv, r), value_at(var, e->iv, r)))
            return 0;
    return 1;
}

/* The test of rm_cost_worth_saying without the "said before" part. */
static int big_enough(const rm_delta *d, const rm_thresholds *t) {
    return spoken_index(d->element, d->metric) >= 0 && d->p_holm <= 0.05 &&
           (isnan(d->relative) || fabs(d->relative) >= t->relative);
}

int rm_cost_worth_saying(const rm_comparison *cmp, const remous_results *var, const rm_delta *d,
                         const rm_thresholds *t) {
    int mine = spoken_index(d->element, d->metric);
    if (!big_enough(d, t))
        return 0;
    /* a row said before it (the order of `spoken`) with the same figures */
    for (int k = 0; k < cmp->nrows; k++) {
        const rm_delta *e = &cmp->rows[k];
        int theirs = e->variant == d->variant && e != d ? spoken_index(e->element, e->metric) : -1;
        if (theirs < 0 || theirs >= mine || !big_enough(e, t))
            continue;
        if (same_figures(cmp->results[0], var, d, e))
            return 0;
    }
    return 1;
}

/* A figure with 2 significant digits (whole from 100 on), as lang writes it. */
static void figure(char *buf, size_t len, double v, const char *lang) {
    if (fabs(v) >= 99.5)
        rm_whole_number(buf, len, v);
    else
        snprintf(buf, len, "%.2g", v);
    rm_decimal_in(buf, len, lang);
}

char *rm_cost_sentence(const rm_comparison *cmp, const rm_delta *d, const char *lang) {
    const remous_results *var = NULL;
    for (int v = 1; v < cmp->n; v++)
        if (cmp->results[v]->variant == d->variant)
            var = cmp->results[v];
    const rm_model *m = var ? var->model : cmp->results[0]->model;
    int i = spoken_index(d->element, d->metric);
    char what[512], before[96], after[96], half[96], pct[32], days[32], out[1024];
    if (i >= 0 && strcmp(d->element, "role") == 0) {
        char label[256];
        rm_label_of(m, "role", d->name, lang, label, sizeof label);
        snprintf(what, sizeof what, rm_word(lang, "cost.role"), label);
    } else {
        rm_cost_words(m, d->element, d->metric, lang, what, sizeof what);
    }
    figure(days, sizeof days, (m->horizon - m->warmup) * m->unit_seconds / 86400, lang);
    rm_money(m, d->baseline_mean, lang, before, sizeof before);
    rm_money(m, d->variant_mean, lang, after, sizeof after);
    rm_money(m, d->half, lang, half, sizeof half);
    if (isnan(d->relative)) {
        snprintf(out, sizeof out, rm_word(lang, "cost.from_none"), what, after, days, half);
    } else {
        figure(pct, sizeof pct, 100 * fabs(d->relative), lang);
        const char *way = d->delta > 0 ? RM_WORD_KEY("cost.up") : RM_WORD_KEY("cost.down");
        snprintf(out, sizeof out, rm_word(lang, "cost.change"), what, rm_word(lang, way), pct, before, after, days,
                 half);
    }
    return strdup(out);
}

/* ---------------------------------------------------------- breakdown -- */

/* The sum of the figures (element, metric) of res in replication r (of
 * element `name` only, unless NULL); *found tells whether res has any. */
static double sum_of(const remous_results *res, rm_element el, const char *name, const char *metric, int r,
                     int *found) {
    double s = 0;
    for (int i = 0; i < res->cat.n; i++) {
        const rm_metric *e = &res->cat.m[i];
        if (e->element != el || strcmp(e->metric, metric) != 0 || (name && strcmp(e->name, name) != 0))
            continue;
        *found = 1;
        double x = value_at(res, i, r);
        if (!isnan(x))
            s += x;
    }
    return s;
}

/* The paired change of that sum in variant v; -1 when neither run has it. */
static int paired(const rm_comparison *cmp, int v, rm_element el, const char *name, const char *metric,
                  rm_amount *out) {
    const remous_results *base = cmp->results[0], *var = cmp->results[v];
    rm_welford w, wb, wv;
    rm_welford_reset(&w);
    rm_welford_reset(&wb);
    rm_welford_reset(&wv);
    int found = 0;
    for (int r = 0; r < base->reps && r < var->reps; r++) {
        double b = sum_of(base, el, name, metric, r, &found), x = sum_of(var, el, name, metric, r, &found);
        rm_welford_add(&w, x - b);
        rm_welford_add(&wb, b);
        rm_welford_add(&wv, x);
    }
    double sd;
    memset(out, 0, sizeof *out);
    if (!found)
        return -1;
    rm_interval(&w, &out->delta, &out->half, &sd);
    out->baseline = wb.mean;
    out->variant = wv.mean;
    out->significant = w.n >= 2 && out->half < INFINITY && (out->delta - out->half > 0 || out->delta + out->half < 0);
    return 0;
}

int rm_cost_breakdown_of(const rm_comparison *cmp, int v, rm_cost_breakdown *out) {
    memset(out, 0, sizeof *out);
    const rm_model *m = cmp->results[v]->model;
    if (!m->costed)
        return -1;
    out->months = rm_measured_months(m);
    paired(cmp, v, RM_EL_SCENARIO, NULL, "cost_staff", &out->staff);
    paired(cmp, v, RM_EL_SCENARIO, NULL, "cost_tool", &out->tools);
    paired(cmp, v, RM_EL_TOOL, NULL, "cost_subscription", &out->subscriptions);
    paired(cmp, v, RM_EL_TOOL, NULL, "cost_fees", &out->fees);
    paired(cmp, v, RM_EL_TOOL, NULL, "cost_setup", &out->setup);
    paired(cmp, v, RM_EL_SCENARIO, NULL, "cost_total", &out->total);
    paired(cmp, v, RM_EL_SCENARIO, NULL, "value_completed", &out->value_completed);
    paired(cmp, v, RM_EL_SCENARIO, NULL, "value_lost", &out->value_lost);
    return 0;
}

int rm_cost_of_role(const rm_comparison *cmp, int v, const char *role, rm_amount *out) {
    return paired(cmp, v, RM_EL_ROLE, role, "cost", out);
}
