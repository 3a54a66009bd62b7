/* The metrics of a model, see metrics.h. One visitor walks the model in
 * catalog order, so that names and values can never drift apart. */
#include "metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *element_names[] = {"queue", "role", "person", "activity", "arrivals", "scenario"};

const char *rm_element_name(rm_element e) { return element_names[e]; }

typedef struct visitor {
    rm_catalog *cat;          /* building the catalog, or NULL */
    double *values;           /* filling values, or NULL */
    int i, oom;
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
static double mean_of(const rm_mean *m) { return m->n ? m->sum / (double)m->n : NAN; }

/* Where the time of people p0..p1-1 went: utilization, shares, overtime. */
static void time_use(visitor *v, const rm_model *m, const rm_rep_stats *st, rm_element el,
                     const char *name, int p0, int p1) {
    double working = 0, busy = 0;
    if (st)
        for (int p = p0; p < p1; p++) {
            working += st->person_working[p];
            for (int k = 0; k < m->nkinds; k++)
                busy += st->person_kind_time[(size_t)p * (size_t)m->nkinds + (size_t)k];
        }
    emit(v, el, name, "utilization", NULL, ratio(busy, working));
    for (int k = 0; k < m->nkinds; k++) {
        double t = 0;
        if (st)
            for (int p = p0; p < p1; p++)
                t += st->person_kind_time[(size_t)p * (size_t)m->nkinds + (size_t)k];
        emit(v, el, name, "share_", m->kinds[k], ratio(t, working));
    }
    emit(v, el, name, "share_idle", NULL, working > 0 ? 1 - busy / working : NAN);
    emit(v, el, name, "overtime", NULL, 0);   /* no calendars yet: nobody works outside them */
}

static void visit(const rm_model *m, const rm_rep_stats *st, visitor *v) {
    for (int q = 0; q < m->nqueues; q++) {
        const char *n = m->queues[q].name;
        const rm_queue_stats *qs = st ? &st->queues[q] : NULL;
        int served = qs && qs->wait.n > 0;
        emit(v, RM_EL_QUEUE, n, "wait_mean", NULL, qs ? mean_of(&qs->wait) : 0);
        emit(v, RM_EL_QUEUE, n, "wait_p50", NULL, served ? rm_sketch_quantile(qs->sketch, 0.50) : NAN);
        emit(v, RM_EL_QUEUE, n, "wait_p90", NULL, served ? rm_sketch_quantile(qs->sketch, 0.90) : NAN);
        emit(v, RM_EL_QUEUE, n, "wait_p95", NULL, served ? rm_sketch_quantile(qs->sketch, 0.95) : NAN);
        emit(v, RM_EL_QUEUE, n, "wait_max", NULL, served ? qs->wait.max : NAN);
        emit(v, RM_EL_QUEUE, n, "length_mean", NULL, qs ? rm_timeavg_mean(&qs->length, m->horizon) : 0);
        emit(v, RM_EL_QUEUE, n, "length_max", NULL, qs ? qs->length.max : 0);
        emit(v, RM_EL_QUEUE, n, "abandoned", NULL, qs ? (double)qs->abandoned : 0);
        emit(v, RM_EL_QUEUE, n, "balked", NULL, qs ? (double)qs->balked : 0);
    }
    for (int r = 0; r < m->nroles; r++)
        time_use(v, m, st, RM_EL_ROLE, m->roles[r].name, m->roles[r].first_person,
                 m->roles[r].first_person + m->roles[r].count);
    for (int r = 0; r < m->nroles; r++)
        for (int i = 0; i < m->roles[r].count; i++) {
            char name[512];
            snprintf(name, sizeof name, "%s#%d", m->roles[r].name, i + 1);
            int p = m->roles[r].first_person + i;
            time_use(v, m, st, RM_EL_PERSON, name, p, p + 1);
        }
    for (int a = 0; a < m->nactivities; a++) {
        const rm_activity *act = &m->activities[a];
        const rm_activity_stats *as = st ? &st->activities[a] : NULL;
        emit(v, RM_EL_ACTIVITY, act->name, "completed", NULL, as ? (double)as->completed : 0);
        emit(v, RM_EL_ACTIVITY, act->name, "duration_mean", NULL, as ? mean_of(&as->duration) : 0);
        if (act->nroles > 0) {
            uint64_t top = 0;
            if (as)
                for (int p = 0; p < m->npeople; p++)
                    if (as->by_person[p] > top)
                        top = as->by_person[p];
            emit(v, RM_EL_ACTIVITY, act->name, "top_person_share", NULL,
                 as ? ratio((double)top, (double)as->completed) : 0);
        }
    }
    for (int s = 0; s < m->narrivals; s++) {
        const char *n = m->arrivals[s].name;
        const rm_arrivals_stats *as = st ? &st->arrivals[s] : NULL;
        emit(v, RM_EL_ARRIVALS, n, "arrived", NULL, as ? (double)as->arrived : 0);
        emit(v, RM_EL_ARRIVALS, n, "completed", NULL, as ? (double)as->completed : 0);
        emit(v, RM_EL_ARRIVALS, n, "abandoned", NULL, as ? (double)as->abandoned : 0);
        emit(v, RM_EL_ARRIVALS, n, "balked", NULL, as ? (double)as->balked : 0);
        emit(v, RM_EL_ARRIVALS, n, "wait_mean", NULL, as ? mean_of(&as->wait) : 0);
        emit(v, RM_EL_ARRIVALS, n, "cycle_time_mean", NULL, as ? mean_of(&as->cycle) : 0);
        if (m->arrivals[s].deadline >= 0)
            emit(v, RM_EL_ARRIVALS, n, "deadline_missed", NULL, as ? (double)as->deadline_missed : 0);
    }
    emit(v, RM_EL_SCENARIO, m->name, "events", NULL, st ? (double)st->events : 0);
}

int rm_catalog_build(const rm_model *m, rm_catalog *cat) {
    visitor count = {NULL, NULL, 0, 0};
    visit(m, NULL, &count);
    cat->n = 0;
    cat->m = calloc((size_t)count.i, sizeof *cat->m);
    if (!cat->m)
        return -1;
    visitor v = {cat, NULL, 0, 0};
    visit(m, NULL, &v);
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
    visitor v = {NULL, values, 0, 0};
    visit(m, st, &v);
}
