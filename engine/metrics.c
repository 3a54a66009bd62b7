/* The metrics of a model, see metrics.h. One visitor walks the model in
 * catalog order, so that names and values can never drift apart. */
#include "metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *element_names[] = {"queue", "role", "person", "activity", "arrivals", "tool", "scenario", "metric"};

const char *rm_element_name(rm_element e) { return element_names[e]; }

typedef struct visitor {
    rm_catalog *cat;          /* building the catalog, or NULL */
    double *values;           /* filling values, or NULL */
    int i, oom;
    int periodic;             /* the time series' subset */
    const rm_layout *lay;
    const double *c0, *c1;    /* the window's counters at its start and end */
    const rm_rep_stats *st;   /* the summary's extras (after warm-up) */
    double span;              /* the window's length */
    double t0, t1;            /* the window (the summary's: the costs are measured there only) */
} visitor;

static char *dup2(const char *a, const char *b) {
    size_t la = strlen(a), lb = b ? strlen(b) : 0;
    char *s = malloc(la + lb + 1);
    if (s) {
        memcpy(s, a, la);
        if (lb) memcpy(s + la, b, lb);
        s[la + lb] = '\0';
    }
    return s;
}

/* One metric: `metric` (with `suffix` appended, if any) of element `name`. */
static void emit(visitor *v, rm_element el, const char *name, const char *metric,
                 const char *suffix, double value) {
    if (v->cat && !v->oom) {
        rm_metric *e = &v->cat->m[v->i];
        e->element = el;
        e->name = dup2(name, NULL);
        e->metric = dup2(metric, suffix);
        v->cat->n = v->i + 1;
        if (!e->name || !e->metric)
            v->oom = 1;
    }
    if (v->values)
        v->values[v->i] = value;
    v->i++;
}

static double ratio(double a, double b) { return b > 0 ? a / b : NAN; }

/* The change of counter k over the window (0 while building the catalog). */
static double delta(const visitor *v, size_t k) { return v->c1 ? v->c1[k] - v->c0[k] : 0; }

/* Where the time of people p0..p1-1 went: utilization, shares, overtime. */
static void time_use(visitor *v, const rm_model *m, rm_element el, const char *name, int p0, int p1) {
    const rm_layout *l = v->lay;
    double working = 0, busy = 0, overtime = 0;
    for (int p = p0; p < p1; p++) {
        working += delta(v, rm_cp(l, p, RM_P_WORKING));
        overtime += delta(v, rm_cp(l, p, RM_P_OVERTIME));
        for (int k = 0; k < m->nkinds; k++)
            busy += delta(v, rm_cp(l, p, RM_P_KIND0 + k));
    }
    emit(v, el, name, "utilization", NULL, ratio(busy, working));
    for (int k = 0; k < m->nkinds; k++) {
        double t = 0;
        for (int p = p0; p < p1; p++)
            t += delta(v, rm_cp(l, p, RM_P_KIND0 + k));
        emit(v, el, name, "share_", m->kinds[k], ratio(t, working));
    }
    emit(v, el, name, "share_idle", NULL, working > 0 ? 1 - busy / working : NAN);
    emit(v, el, name, "overtime", NULL, overtime);
}

double rm_measured_months(const rm_model *m) {
    return (m->horizon - m->warmup) * m->unit_seconds / 86400 / RM_DAYS_PER_MONTH;
}

/* Hours in the scenario's time t. */
static double hours(const rm_model *m, double t) { return t * m->unit_seconds / 3600; }

/* The time role's people are paid for inside their calendar over the
 * window: all its open time, absences and training included. */
static double calendar_time(const visitor *v, const rm_model *m, const rm_role *role) {
    if (!v->c1)
        return 0;                                /* building the catalog */
    double open = role->calendar < 0 ? v->t1 - v->t0
                                     : rm_profile_integral(&m->calendars[role->calendar], v->t0, v->t1);
    return role->count * open;
}

/* What role r's people cost: their paid time (the hours of their calendar,
 * absences and training included, plus overtime) x its rate, split into
 * time on each kind, idle, away and overtime. */
static void role_cost(visitor *v, const rm_model *m, int r) {
    const rm_role *role = &m->roles[r];
    const rm_layout *l = v->lay;
    int p0 = role->first_person, p1 = p0 + role->count;
    double rate = role->cost_per_hour, working = 0, busy = 0, overtime = 0;
    for (int p = p0; p < p1; p++) {
        working += delta(v, rm_cp(l, p, RM_P_WORKING));
        overtime += delta(v, rm_cp(l, p, RM_P_OVERTIME));
        for (int k = 0; k < m->nkinds; k++)
            busy += delta(v, rm_cp(l, p, RM_P_KIND0 + k));
    }
    double open = calendar_time(v, m, role);
    emit(v, RM_EL_ROLE, role->name, "cost", NULL, rate * hours(m, open + overtime));
    for (int k = 0; k < m->nkinds; k++) {
        double t = 0;
        for (int p = p0; p < p1; p++)
            t += delta(v, rm_cp(l, p, RM_P_KIND0 + k));
        emit(v, RM_EL_ROLE, role->name, "cost_", m->kinds[k], rate * hours(m, t));
    }
    emit(v, RM_EL_ROLE, role->name, "cost_idle", NULL, rate * hours(m, working - busy));
    emit(v, RM_EL_ROLE, role->name, "cost_away", NULL, rate * hours(m, open - working));
    emit(v, RM_EL_ROLE, role->name, "cost_overtime", NULL, rate * hours(m, overtime));
}

/* What tool t costs over the window: its subscription prorated, its fees
 * on the items that used it (RM_T_USED), its setup once. Returns the total. */
static double tool_cost(visitor *v, const rm_model *m, int t) {
    const rm_tool *tool = &m->tools[t];
    double used = delta(v, rm_ct(v->lay, t, RM_T_USED));
    double subscription = tool->cost_per_month * rm_measured_months(m);
    double fees = tool->cost_per_item * used + tool->cost_share_of_value * delta(v, rm_ct(v->lay, t, RM_T_USED_VALUE));
    double all = subscription + fees + tool->cost_setup;
    emit(v, RM_EL_TOOL, tool->name, "cost", NULL, all);
    emit(v, RM_EL_TOOL, tool->name, "cost_subscription", NULL, subscription);
    emit(v, RM_EL_TOOL, tool->name, "cost_fees", NULL, fees);
    emit(v, RM_EL_TOOL, tool->name, "cost_setup", NULL, tool->cost_setup);
    emit(v, RM_EL_TOOL, tool->name, "used", NULL, used);
    return all;
}

/* The value a stream's completed items brought, and that of those that
 * left without completing (abandoned or turned away). */
static void stream_value(const visitor *v, const rm_model *m, int s, double *completed, double *lost) {
    const rm_layout *l = v->lay;
    double value = m->arrivals[s].value;
    *completed = value * delta(v, rm_cs(l, s, RM_S_COMPLETED));
    *lost = value * (delta(v, rm_cs(l, s, RM_S_ABANDONED)) + delta(v, rm_cs(l, s, RM_S_BALKED)));
}

/* The scenario's totals: staff, tools, both; the value completed and lost. */
static void scenario_costs(visitor *v, const rm_model *m, double tools) {
    double staff = 0, completed = 0, lost = 0;
    for (int r = 0; r < m->nroles; r++) {
        const rm_role *role = &m->roles[r];
        if (role->cost_per_hour < 0)
            continue;
        double open = calendar_time(v, m, role);
        for (int p = role->first_person; p < role->first_person + role->count; p++)
            open += delta(v, rm_cp(v->lay, p, RM_P_OVERTIME));
        staff += role->cost_per_hour * hours(m, open);
    }
    for (int s = 0; s < m->narrivals; s++)
        if (m->arrivals[s].value >= 0 && !m->arrivals[s].hidden) {
            double c, l;
            stream_value(v, m, s, &c, &l);
            completed += c;
            lost += l;
        }
    emit(v, RM_EL_SCENARIO, m->name, "cost_staff", NULL, staff);
    emit(v, RM_EL_SCENARIO, m->name, "cost_tool", NULL, tools);
    emit(v, RM_EL_SCENARIO, m->name, "cost_total", NULL, staff + tools);
    emit(v, RM_EL_SCENARIO, m->name, "value_completed", NULL, completed);
    emit(v, RM_EL_SCENARIO, m->name, "value_lost", NULL, lost);
}

static void visit(const rm_model *m, visitor *v) {
    const rm_layout *l = v->lay;
    const rm_rep_stats *st = v->st;
    for (int q = 0; q < m->nqueues; q++) {
        const char *n = m->queues[q].name;
        double served = delta(v, rm_cq(l, q, RM_Q_SERVED));
        emit(v, RM_EL_QUEUE, n, "wait_mean", NULL, ratio(delta(v, rm_cq(l, q, RM_Q_WAIT)), served));
        if (!v->periodic) {
            int any = st && served > 0;
            emit(v, RM_EL_QUEUE, n, "wait_p50", NULL, any ? rm_sketch_quantile(st->sketch[q], 0.50) : NAN);
            emit(v, RM_EL_QUEUE, n, "wait_p90", NULL, any ? rm_sketch_quantile(st->sketch[q], 0.90) : NAN);
            emit(v, RM_EL_QUEUE, n, "wait_p95", NULL, any ? rm_sketch_quantile(st->sketch[q], 0.95) : NAN);
            emit(v, RM_EL_QUEUE, n, "wait_max", NULL, any ? st->wait_max[q] : NAN);
        }
        emit(v, RM_EL_QUEUE, n, "length_mean", NULL, ratio(delta(v, rm_cq(l, q, RM_Q_AREA)), v->span));
        /* the same over the hours its step can be served: a week's nights
         * and Sundays would dilute it */
        emit(v, RM_EL_QUEUE, n, "length_mean_open", NULL,
             ratio(delta(v, rm_cq(l, q, RM_Q_OPEN_AREA)), delta(v, rm_cq(l, q, RM_Q_OPEN_TIME))));
        if (!v->periodic)
            emit(v, RM_EL_QUEUE, n, "length_max", NULL, st ? st->length_max[q] : 0);
        emit(v, RM_EL_QUEUE, n, "abandoned", NULL, delta(v, rm_cq(l, q, RM_Q_ABANDONED)));
        emit(v, RM_EL_QUEUE, n, "balked", NULL, delta(v, rm_cq(l, q, RM_Q_BALKED)));
        if (m->queues[q].closes)                 /* left waiting when the last of its people go home */
            emit(v, RM_EL_QUEUE, n, "waiting_at_closing", NULL,
                 ratio(delta(v, rm_cq(l, q, RM_Q_AT_CLOSING)), delta(v, rm_cq(l, q, RM_Q_CLOSINGS))));
    }
    int costs = m->costed && !v->periodic;      /* the cost figures: the summary's only */
    for (int r = 0; r < m->nroles; r++) {
        time_use(v, m, RM_EL_ROLE, m->roles[r].name, m->roles[r].first_person,
                 m->roles[r].first_person + m->roles[r].count);
        if (costs && m->roles[r].cost_per_hour >= 0)
            role_cost(v, m, r);
    }
    for (int r = 0; r < m->nroles; r++)
        for (int i = 0; i < m->roles[r].count; i++) {
            char name[512];
            snprintf(name, sizeof name, "%s#%d", m->roles[r].name, i + 1);
            int p = m->roles[r].first_person + i;
            time_use(v, m, RM_EL_PERSON, name, p, p + 1);
        }
    for (int a = 0; a < m->nactivities; a++) {
        const rm_activity *act = &m->activities[a];
        double done = delta(v, rm_ca(l, a, RM_A_COMPLETED));
        emit(v, RM_EL_ACTIVITY, act->name, "completed", NULL, done);
        emit(v, RM_EL_ACTIVITY, act->name, "duration_mean", NULL, ratio(delta(v, rm_ca(l, a, RM_A_DURATION)), done));
        if (act->tool >= 0)                      /* items that came to a tool's step */
            emit(v, RM_EL_ACTIVITY, act->name, "reached", NULL, delta(v, rm_ca(l, a, RM_A_REACHED)));
        if (act->nroles > 0 && !v->periodic) {
            uint64_t top = 0, all = 0;
            if (st)
                for (int p = 0; p < m->npeople; p++) {
                    all += st->by_person[a][p];
                    if (st->by_person[a][p] > top)
                        top = st->by_person[a][p];
                }
            emit(v, RM_EL_ACTIVITY, act->name, "top_person_share", NULL, ratio((double)top, (double)all));
        }
    }
    int routes = 0;                              /* the model has tool routes */
    for (int t = 0; t < m->ntools; t++)
        routes += m->tools[t].routes;
    int trays = 0;                               /* the model has steps with patience = false */
    for (int a = 0; a < m->nactivities; a++)
        trays += m->activities[a].no_patience;
    for (int s = 0; s < m->narrivals; s++) {
        if (m->arrivals[s].hidden)
            continue;                            /* a task: reported as its step */
        const char *n = m->arrivals[s].name;
        double done = delta(v, rm_cs(l, s, RM_S_COMPLETED));
        emit(v, RM_EL_ARRIVALS, n, "arrived", NULL, delta(v, rm_cs(l, s, RM_S_ARRIVED)));
        emit(v, RM_EL_ARRIVALS, n, "completed", NULL, done);
        emit(v, RM_EL_ARRIVALS, n, "abandoned", NULL, delta(v, rm_cs(l, s, RM_S_ABANDONED)));
        emit(v, RM_EL_ARRIVALS, n, "balked", NULL, delta(v, rm_cs(l, s, RM_S_BALKED)));
        emit(v, RM_EL_ARRIVALS, n, "wait_mean", NULL, ratio(delta(v, rm_cs(l, s, RM_S_WAIT)), done));
        emit(v, RM_EL_ARRIVALS, n, "cycle_time_mean", NULL, ratio(delta(v, rm_cs(l, s, RM_S_CYCLE)), done));
        if (trays)                               /* the wait in person, forms in a tray left out */
            emit(v, RM_EL_ARRIVALS, n, "wait_in_person_mean", NULL,
                 ratio(delta(v, rm_cs(l, s, RM_S_WAIT_IN_PERSON)), done));
        if (m->arrivals[s].deadline >= 0)
            emit(v, RM_EL_ARRIVALS, n, "deadline_missed", NULL, delta(v, rm_cs(l, s, RM_S_MISSED)));
        if (routes)                              /* of its items at a tool's route, those who took one */
            emit(v, RM_EL_ARRIVALS, n, "uptake", NULL,
                 ratio(delta(v, rm_cs(l, s, RM_S_TOOL_ROUTE)), delta(v, rm_cs(l, s, RM_S_TOOL_MET))));
        if (costs && m->arrivals[s].value >= 0) {
            double completed, lost;
            stream_value(v, m, s, &completed, &lost);
            emit(v, RM_EL_ARRIVALS, n, "value_completed", NULL, completed);
            emit(v, RM_EL_ARRIVALS, n, "value_lost", NULL, lost);
        }
    }
    double tools = 0;
    for (int t = 0; t < m->ntools; t++) {
        const rm_tool *tool = &m->tools[t];
        if (tool->routes)                        /* of the items at its routes, those who took them */
            emit(v, RM_EL_TOOL, tool->name, "uptake", NULL,
                 ratio(delta(v, rm_ct(l, t, RM_T_TOOK)), delta(v, rm_ct(l, t, RM_T_MET))));
        if (tool->staffed && !v->periodic)       /* of the people concerned, those who use it */
            emit(v, RM_EL_TOOL, tool->name, "adoption", NULL, st ? st->adoption[t] : NAN);
        if (costs && tool->has_cost)
            tools += tool_cost(v, m, t);
    }
    if (!v->periodic)
        emit(v, RM_EL_SCENARIO, m->name, "events", NULL, st ? (double)st->events : 0);
    if (costs)
        scenario_costs(v, m, tools);
    for (int k = 0; k < m->nderived; k++)        /* computed by the host from the above */
        emit(v, RM_EL_METRIC, m->derived[k].name, "value", NULL, NAN);
}

int rm_catalog_build(const rm_model *m, int periodic, rm_catalog *cat) {
    rm_layout lay = rm_layout_of(m);
    visitor count = {NULL, NULL, 0, 0, periodic, &lay, NULL, NULL, NULL, 0, 0, 0};
    visit(m, &count);
    cat->n = 0;
    cat->m = calloc((size_t)count.i + 1, sizeof *cat->m);
    if (!cat->m)
        return -1;
    visitor v = {cat, NULL, 0, 0, periodic, &lay, NULL, NULL, NULL, 0, 0, 0};
    visit(m, &v);
    if (v.oom) {
        rm_catalog_free(cat);
        return -1;
    }
    return 0;
}

void rm_catalog_free(rm_catalog *cat) {
    for (int i = 0; i < cat->n; i++) {
        free(cat->m[i].name);
        free(cat->m[i].metric);
    }
    free(cat->m);
    cat->m = NULL;
    cat->n = 0;
}

void rm_metrics_values(const rm_model *m, const rm_rep_stats *st, double *values) {
    visitor v = {NULL, values, 0, 0, 0, &st->lay, st->warm, st->counters, st, m->horizon - m->warmup,
                 m->warmup, m->horizon};
    visit(m, &v);
}

void rm_metrics_period_values(const rm_model *m, const rm_rep_stats *st, int k, double *values) {
    const double *c0 = st->periods + (size_t)k * st->lay.n;
    double start = k * st->period, end = k + 1 < st->nperiods ? (k + 1) * st->period : m->horizon;
    visitor v = {NULL, values, 0, 0, 1, &st->lay, c0, c0 + st->lay.n, NULL, end - start, start, end};
    visit(m, &v);
}
