/* What a future costs, as people read it: money in the scenario's currency,
 * the digest's words and sentences for the cost figures, and the breakdown
 * of a comparison (staff, tools, value) for the headline and the report.
 *
 * The figures themselves are measured in metrics.c, per replication over
 * the measured period [warm-up, horizon], when the scenario gives any cost
 * or value (rm_model.costed):
 *   role      cost        its people's paid time x cost_per_hour: the hours
 *                         of their calendar (absences and training
 *                         included: they are paid) plus their overtime
 *             cost_KIND   the part on steps of each kind (inside the calendar)
 *             cost_idle   the part at work, free
 *             cost_away   the part away (absences, a tool's training)
 *             cost_overtime  the part after closing
 *   tool      cost        cost_subscription + cost_fees + cost_setup
 *             cost_subscription  per_month x the measured period in months
 *                         (365.25/12 days a month)
 *             cost_fees   per_item x used + share_of_value x the value of
 *                         those items (their stream's value)
 *             cost_setup  setup, once
 *             used        items of arrival streams (not tasks) that, in the
 *                         period, took one of its routes or started one of
 *                         its steps (counted once per item, at the first)
 *   arrivals  value_completed, value_lost   value x completed, value x
 *                         (abandoned + balked)
 *   scenario  cost_staff (every role with a rate), cost_tool (every tool),
 *             cost_total (both), value_completed, value_lost (every stream
 *             with a value). */
#ifndef RM_COST_H
#define RM_COST_H

#include <stddef.h>

#include "results.h"

/* Whether (element, metric) is one of the cost figures above. */
int rm_cost_metric(const char *element, const char *metric);

/* The currency's symbol in lang: "€", "$", "£", "CHF", "CA$" for EUR, USD,
 * GBP, CHF, CAD; any other code as itself; "" for "" or NULL. */
const char *rm_currency_symbol(const char *code, const char *lang);

/* amount in model m's currency as lang writes it into buf: "€410",
 * "€1,250", "€0.25", "CHF 410" in English; "410 €", "1 250 €" in French.
 * Whole from 10 on (rounded), cents below (none when whole); without a
 * currency, the figure alone. Returns buf. */
const char *rm_money(const rm_model *m, double amount, const char *lang, char *buf, size_t len);

/* What people read for a cost figure of element ("role", "tool",
 * "arrivals", "scenario") in lang: "staff cost", "cost of time on
 * advising readers" (the kind's label in m). Returns buf. */
const char *rm_cost_words(const rm_model *m, const char *element, const char *metric, const char *lang,
                          char *buf, size_t len);

/* For the digest (digest.c). Whether it states row d of variant var: a
 * cost figure it speaks of (the scenario's five, a role's cost),
 * significant after Holm's correction, at least the relative threshold of
 * t, and not the same figures as a row said before it (a role that is the
 * only one with a rate is the staff cost; a total that is the staff cost). */
int rm_cost_worth_saying(const rm_comparison *cmp, const remous_results *var, const rm_delta *d,
                         const rm_thresholds *t);

/* The digest's sentence for row d, a cost figure, in lang: "staff cost: up
 * 12% (€2,870 → €3,210 over 7 days, ±€40)". NULL when out of memory; the
 * caller frees it. */
char *rm_cost_sentence(const rm_comparison *cmp, const rm_delta *d, const char *lang);

/* A sum of money in a comparison: over the measured period, means over the
 * replications, and the paired change. */
typedef struct rm_amount {
    double baseline, variant;      /* 0 where the run has no such figure (a tool it lacks) */
    double delta, half;            /* variant - baseline; the half-width of its 95% interval
                                      (NaN under two replications) */
    int significant;               /* the interval excludes 0 */
} rm_amount;

/* What variant v costs against the baseline. */
typedef struct rm_cost_breakdown {
    double months;                 /* the measured period in months: amount / months is a month's */
    rm_amount staff;               /* every role with a cost_per_hour */
    rm_amount tools;               /* every tool: subscriptions + fees + setup */
    rm_amount subscriptions, fees, setup;
    rm_amount total;               /* staff + tools */
    rm_amount value_completed, value_lost;
} rm_cost_breakdown;

/* Fills *out for variant v (1 <= v < cmp->n) of cmp, for the headline and
 * the report. Returns 0, or -1 when the scenario gives no cost or value. */
int rm_cost_breakdown_of(const rm_comparison *cmp, int v, rm_cost_breakdown *out);

/* The cost of role `role`'s time (role:cost) in variant v against the
 * baseline; 0 there where a run lacks the role or its rate. Returns 0, or
 * -1 when neither run has that figure. */
int rm_cost_of_role(const rm_comparison *cmp, int v, const char *role, rm_amount *out);

#endif
