/* Dependence on one person, see fragility.h.
 *
 * Two rounds of runs, each on every core (rm_run_reps with units of its
 * own). First the replications without any absence, each watching the
 * length of every queue every hour from the first return on. Then each
 * knock-out at each start tried, replication by replication, with the
 * forced absence of rm_sim_knock_out; each unit compares its own watch with
 * the first round's (the workers are forked after it, so they read it) and
 * sends back only its figures. Everything is put back in unit order before
 * it is summed: the same whatever --jobs. */
#include "fragility.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_out.h"
#include "labels.h"
#include "stats.h"
#include "headline.h"
#include "words.h"

/* The figures a knock-out is paired on, among the summary's. */
static int selected(const rm_metric *e) {
    static const char *const queue[] = {"wait_mean", "abandoned", "balked", NULL};
    static const char *const arrivals[] = {"completed", "abandoned", "balked", "wait_mean", "deadline_missed", NULL};
    const char *const *list = e->element == RM_EL_QUEUE ? queue : e->element == RM_EL_ARRIVALS ? arrivals : NULL;
    for (int k = 0; list && list[k]; k++)
        if (strcmp(e->metric, list[k]) == 0)
            return 1;
    return 0;
}

enum { K_BACKLOG_WITH, K_BACKLOG_WITHOUT, K_CLEARANCE, K_CLEARED, K_FIELDS };

typedef struct plan {
    const rm_model *m;
    uint64_t seed;
    int reps, n;                   /* replications, summary metrics */
    int *sel, ns;                  /* the selected metrics' indices */
    double step;                   /* of the watch: an hour */
    double first_return;           /* where the watch starts */
    int nsamples, per_week;        /* samples in all; in a week */
    double *starts;                /* of the absence */
    int nstarts;
    double away;
    rm_knockout *ko;
    int nko;
    double *without;               /* round 1: reps x (n + nsamples * nroles): the metrics,
                                      then per sample the items waiting in each role's queues */
    double *scratch_values, *scratch_watch;   /* a unit's, in each process */
    unsigned char *who;            /* per person of the model: away in the unit running */
} plan;

static size_t round1_width(const plan *p) {
    return (size_t)p->n + (size_t)p->nsamples * (size_t)p->m->nroles;
}

static double waiting(const rm_model *m, int role, const double *row);

/* Round 1, unit r: replication r + 1 without absence. */
static int unit_without(void *ctx, rm_sim *sim, int r, double *values) {
    plan *p = ctx;
    rm_sim_knock_out(sim, NULL, 0, 0);
    rm_sim_watch(sim, p->first_return, p->step, p->nsamples, p->scratch_watch);
    int rc = rm_sim_run(sim, p->seed, r + 1);
    rm_sim_watch(sim, 0, 0, 0, NULL);
    if (rc < 0)
        return -1;
    rm_metrics_values(p->m, rm_sim_stats(sim), values);
    size_t nq = (size_t)p->m->nqueues, nr = (size_t)p->m->nroles;
    for (size_t i = 0; i < (size_t)p->nsamples; i++)
        for (size_t role = 0; role < nr; role++)
            values[(size_t)p->n + i * nr + role] = waiting(p->m, (int)role, p->scratch_watch + i * nq);
    return 0;
}

/* Items waiting in the queues of role `role` in sample row `row`. */
static double waiting(const rm_model *m, int role, const double *row) {
    double n = 0;
    for (int k = 0; k < m->roles[role].nqueues; k++)
        n += row[m->roles[role].queues[k]];
    return n;
}

/* Round 2, unit u = (knock-out * nstarts + start) * reps + replication. */
static int unit_with(void *ctx, rm_sim *sim, int u, double *values) {
    plan *p = ctx;
    int r = u % p->reps, j = (u / p->reps) % p->nstarts, k = u / p->reps / p->nstarts;
    const rm_knockout *ko = &p->ko[k];
    const rm_model *m = p->m;
    size_t nq = (size_t)m->nqueues;
    int offset = j * p->per_week, n = p->nsamples - offset;
    /* who is away, in the one mask of the process (a mask per knock-out was
     * people squared: 10 GB for a role of 100000) */
    memset(p->who + ko->first, 1, (size_t)ko->npeople);
    rm_sim_knock_out(sim, p->who, p->starts[j], p->starts[j] + p->away);
    rm_sim_watch(sim, p->first_return + offset * p->step, p->step, n, p->scratch_watch);
    int rc = rm_sim_run(sim, p->seed, r + 1);
    rm_sim_knock_out(sim, NULL, 0, 0);
    memset(p->who + ko->first, 0, (size_t)ko->npeople);
    rm_sim_watch(sim, 0, 0, 0, NULL);
    if (rc < 0)
        return -1;
    rm_metrics_values(m, rm_sim_stats(sim), p->scratch_values);
    for (int i = 0; i < p->ns; i++)
        values[i] = p->scratch_values[p->sel[i]];
    size_t nr = (size_t)m->nroles;
    const double *base = p->without + (size_t)r * round1_width(p) + p->n + (size_t)offset * nr + (size_t)ko->role;
    double *out = values + p->ns;
    out[K_BACKLOG_WITH] = waiting(m, ko->role, p->scratch_watch);
    out[K_BACKLOG_WITHOUT] = base[0];
    out[K_CLEARANCE] = m->horizon - p->starts[j] - p->away;
    out[K_CLEARED] = 0;
    for (int i = 0; i < n; i++)
        if (waiting(m, ko->role, p->scratch_watch + (size_t)i * nq) <= base[(size_t)i * nr]) {
            out[K_CLEARANCE] = i * p->step;
            out[K_CLEARED] = 1;
            break;
        }
    return 0;
}

/* The knock-outs: every person, and every role of two people as a whole
 * (a role of one is its person). */
static int list_knockouts(const rm_model *m, rm_knockout **out) {
    int n = 0;
    for (int r = 0; r < m->nroles; r++)
        n += m->roles[r].count + (m->roles[r].count == 2);
    rm_knockout *ko = calloc((size_t)n + 1, sizeof *ko);
    if (!ko)
        return -1;
    int k = 0;
    for (int r = 0; r < m->nroles; r++) {
        const rm_role *role = &m->roles[r];
        for (int i = 0; i <= role->count; i++) {
            int whole = i == role->count;
            if (whole && role->count != 2)
                continue;
            rm_knockout *x = &ko[k++];
            size_t len = strlen(role->name) + 16;
            x->name = malloc(len);
            if (!x->name) {
                *out = ko;
                return -1;
            }
            if (whole)
                snprintf(x->name, len, "%s", role->name);
            else
                snprintf(x->name, len, "%s#%d", role->name, i + 1);
            x->whole_role = whole;
            x->role = r;
            x->npeople = whole ? role->count : 1;
            x->first = role->first_person + (whole ? 0 : i);
        }
    }
    *out = ko;
    return k;
}

static void pair_add(rm_welford *w, rm_welford *wa, rm_welford *wb, double without, double with) {
    if (isnan(without) || isnan(with))
        return;
    rm_welford_add(w, with - without);
    rm_welford_add(wa, without);
    rm_welford_add(wb, with);
}

static rm_fragility_row row_of(const char *element, const char *name, const char *metric, const rm_welford *w,
                               const rm_welford *wa, const rm_welford *wb) {
    rm_fragility_row row = {element, name, metric, wa->n ? wa->mean : NAN, wb->n ? wb->mean : NAN, 0, 0, (int)w->n};
    double sd;
    rm_interval(w, &row.delta, &row.half, &sd);
    return row;
}

/* The figures of one knock-out at one start, paired over the replications. */
typedef struct summary {
    rm_fragility_row *rows;
    int nrows;
    double failed, extra_wait, backlog, clearance;
    int not_cleared;
} summary;

/* Knock-out k at start j, from round 2's values `with`. Returns 0, or -1
 * when out of memory. */
static int summarise(const plan *p, const rm_catalog *cat, const double *with, int k, int j, summary *s) {
    const rm_model *m = p->m;
    size_t w2 = (size_t)p->ns + K_FIELDS, w1 = round1_width(p);
    s->rows = calloc((size_t)p->ns + 8, sizeof *s->rows);
    if (!s->rows)
        return -1;
    s->nrows = 0;
    for (int i = 0; i < p->ns; i++) {
        const rm_metric *e = &cat->m[p->sel[i]];
        rm_welford w, wa, wb;
        rm_welford_reset(&w), rm_welford_reset(&wa), rm_welford_reset(&wb);
        for (int r = 0; r < p->reps; r++) {
            size_t u = ((size_t)k * (size_t)p->nstarts + (size_t)j) * (size_t)p->reps + (size_t)r;
            pair_add(&w, &wa, &wb, p->without[(size_t)r * w1 + (size_t)p->sel[i]], with[u * w2 + (size_t)i]);
        }
        s->rows[s->nrows++] = row_of(rm_element_name(e->element), e->name, e->metric, &w, &wa, &wb);
    }
    /* the figures of the absence itself, per replication */
    rm_welford fw, fa, fb, ew, ea, eb, bw, ba, bb, cw, ca, cb;
    rm_welford_reset(&fw), rm_welford_reset(&fa), rm_welford_reset(&fb);
    rm_welford_reset(&ew), rm_welford_reset(&ea), rm_welford_reset(&eb);
    rm_welford_reset(&bw), rm_welford_reset(&ba), rm_welford_reset(&bb);
    rm_welford_reset(&cw), rm_welford_reset(&ca), rm_welford_reset(&cb);
    int not_cleared = 0;
    for (int r = 0; r < p->reps; r++) {
        size_t u = ((size_t)k * (size_t)p->nstarts + (size_t)j) * (size_t)p->reps + (size_t)r;
        const double *x = with + u * w2, *o = p->without + (size_t)r * w1;
        double f0 = 0, f1 = 0, e0 = 0, e1 = 0;
        for (int s0 = 0; s0 < m->narrivals; s0++) {
            const rm_arrivals *ar = &m->arrivals[s0];
            if (ar->hidden)
                continue;
            double v0[5] = {0, 0, 0, 0, 0}, v1[5] = {0, 0, 0, 0, 0};   /* completed, abandoned, balked, wait, missed */
            static const char *const names[5] = {"completed", "abandoned", "balked", "wait_mean", "deadline_missed"};
            for (int i = 0; i < p->ns; i++) {
                const rm_metric *e = &cat->m[p->sel[i]];
                if (e->element != RM_EL_ARRIVALS || strcmp(e->name, ar->name) != 0)
                    continue;
                for (int q = 0; q < 5; q++)
                    if (strcmp(e->metric, names[q]) == 0) {
                        double a = o[p->sel[i]], b = x[i];
                        v0[q] = isnan(a) ? 0 : a;
                        v1[q] = isnan(b) ? 0 : b;
                    }
            }
            if (ar->deadline >= 0)
                f0 += v0[4], f1 += v1[4];
            else
                f0 += v0[1] + v0[2], f1 += v1[1] + v1[2];
            e0 += v0[0] * v0[3], e1 += v1[0] * v1[3];
        }
        pair_add(&fw, &fa, &fb, f0, f1);
        pair_add(&ew, &ea, &eb, e0, e1);
        pair_add(&bw, &ba, &bb, x[p->ns + K_BACKLOG_WITHOUT], x[p->ns + K_BACKLOG_WITH]);
        pair_add(&cw, &ca, &cb, 0, x[p->ns + K_CLEARANCE]);
        not_cleared += x[p->ns + K_CLEARED] == 0;
    }
    rm_fragility_row f = row_of("knockout", "", "items_failed", &fw, &fa, &fb);
    rm_fragility_row e = row_of("knockout", "", "extra_wait", &ew, &ea, &eb);
    rm_fragility_row b = row_of("knockout", "", "backlog_at_return", &bw, &ba, &bb);
    rm_fragility_row c = row_of("knockout", "", "clearance_time", &cw, &ca, &cb);
    rm_fragility_row nc = {"knockout", "", "not_cleared", 0, not_cleared, not_cleared, NAN, p->reps};
    s->rows[s->nrows++] = f;
    s->rows[s->nrows++] = e;
    s->rows[s->nrows++] = b;
    s->rows[s->nrows++] = c;
    s->rows[s->nrows++] = nc;
    s->failed = f.delta;
    s->extra_wait = e.delta;
    s->backlog = b.delta;
    s->clearance = c.delta;
    s->not_cleared = not_cleared;
    return 0;
}

/* Whether a hurts more than b: more items late or lost, then more extra
 * waiting, then a longer clearance. */
static int worse(double fa, double ea, double ca, double fb, double eb, double cb) {
    double eps = 1e-9;
    if (fabs(fa - fb) > eps * fmax(1, fabs(fb)))
        return fa > fb;
    if (fabs(ea - eb) > eps * fmax(1, fabs(eb)))
        return ea > eb;
    return ca > cb + eps * fmax(1, fabs(cb));
}

static int ko_worse(const rm_knockout *a, const rm_knockout *b) {
    return worse(a->failed, a->extra_wait, a->clearance, b->failed, b->extra_wait, b->clearance);
}

/* When the absence starts: given, the start of the measured period, or
 * each week of it (worst). */
static int plan_starts(plan *p, const rm_model *m, const char *at, const char *away, int *worst, char *err,
                       size_t errlen) {
    double week = m->week;
    *worst = at && strcmp(at, "worst") == 0;
    p->starts = malloc(((size_t)((m->horizon - m->warmup) / week) + 2) * sizeof(double));
    if (!p->starts) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    p->nstarts = 0;
    if (*worst) {
        for (double t = m->warmup; t + p->away <= m->horizon; t = m->warmup + p->nstarts * week)
            p->starts[p->nstarts++] = t;
        if (p->nstarts == 0) {
            snprintf(err, errlen, "--at worst with --away %s: the absence is longer than the measured period "
                     "(%g %ss); choose a shorter --away", away, m->horizon - m->warmup, m->unit);
            return -1;
        }
        return 0;
    }
    double t = m->warmup;
    if (at) {
        if (strcmp(at, "0") == 0)
            t = 0;
        else if (rm_parse_length(at, m->unit_seconds, &t) < 0) {
            snprintf(err, errlen, "--at: expected worst, or a time from the start such as 3w, 10d, 36h, 90min or a "
                     "number in the scenario's unit, got \"%s\"", at);
            return -1;
        }
        if (t < m->warmup) {
            snprintf(err, errlen, "--at %s falls in the warm-up (the first %g %ss), which is not measured; "
                     "choose --at %g or later", at, m->warmup, m->unit, m->warmup);
            return -1;
        }
    }
    if (t + p->away > m->horizon) {
        snprintf(err, errlen, "--at %s with --away %s: the absence would end at %g, after the horizon (%g %ss); "
                 "choose an earlier --at or a shorter --away", at ? at : "(the end of the warm-up)", away,
                 t + p->away, m->horizon, m->unit);
        return -1;
    }
    p->starts[p->nstarts++] = t;
    return 0;
}

static void free_knockouts(rm_knockout *ko, int n) {
    for (int k = 0; ko && k < n; k++) {
        free(ko[k].name);
        free(ko[k].rows);
    }
    free(ko);
}

void remous_fragility_free(remous_fragility *f) {
    if (!f)
        return;
    free_knockouts(f->ko, f->nko);
    free(f->able);
    free(f->top_share);
    free(f);
}

int remous_fragility_run(remous_scenario *sc, const remous_fragility_options *o, remous_fragility **out,
                     char *err, size_t errlen) {
    const char *variant = o && o->variant ? o->variant : "baseline";
    int v = rm_variant_index(sc, variant, err, errlen);
    if (v < 0)
        return REMOUS_ERR_INPUT;
    const rm_model *m = sc->models[v];
    plan p;
    memset(&p, 0, sizeof p);
    p.m = m;
    p.seed = sc->seed;
    p.reps = sc->replications;
    p.away = 2 * m->week;
    if (o && o->away && rm_parse_length(o->away, m->unit_seconds, &p.away) < 0) {
        snprintf(err, errlen, "--away: expected a length such as 2w, 10d, 36h, 90min or a number in the "
                 "scenario's unit, got \"%s\"", o->away);
        return REMOUS_ERR_INPUT;
    }
    /* The backlog is read every hour of the measured period, per role and
     * queue and replication (and --at worst tries each of its weeks): a
     * horizon of a million weeks took gigabytes. Refused beyond 500 MB. */
    double hours = (m->horizon - m->warmup) * m->unit_seconds / 3600;
    double to_keep = (hours + 1) * (double)(m->nroles + m->nqueues) * (double)(p.reps + 1);
    if (!(to_keep <= 6.25e7)) {
        snprintf(err, errlen, "%s: fragility reads the queues every hour of the measured period: %.0f hours, "
                 "%d roles and queues, %d replications are too many to keep (more than 500 MB); shorten the "
                 "horizon or give fewer --reps", sc->path, hours, m->nroles + m->nqueues, p.reps);
        return REMOUS_ERR_INPUT;
    }
    int worst = 0;
    if (plan_starts(&p, m, o ? o->at : NULL, o && o->away ? o->away : "2w", &worst, err, errlen) < 0) {
        free(p.starts);
        return REMOUS_ERR_INPUT;
    }
    remous_fragility *f = calloc(1, sizeof *f);
    rm_catalog cat = {NULL, 0};
    double *with = NULL, dummy = 0;
    int status = REMOUS_ERR_RUN;
    if (!f || rm_catalog_build(m, 0, &cat) < 0)
        goto oom;
    f->sc = sc;
    f->model = m;
    f->variant = sc->variants[v];
    f->away = p.away;
    f->at_worst = worst;
    f->at = p.starts[0];
    f->nstarts = p.nstarts;
    f->reps = p.reps;
    p.n = cat.n;
    p.nstarts = f->nstarts;
    if (!(p.sel = malloc(((size_t)cat.n + 1) * sizeof(int))))
        goto oom;
    for (int i = 0; i < cat.n; i++)
        if (selected(&cat.m[i]))
            p.sel[p.ns++] = i;
    if ((f->nko = list_knockouts(m, &f->ko)) < 0) {
        f->nko = 0;
        goto oom;
    }
    p.ko = f->ko;
    p.nko = f->nko;
    p.step = 3600 / m->unit_seconds;
    p.per_week = (int)lround(m->week / p.step);
    p.first_return = p.starts[0] + p.away;
    p.nsamples = (int)floor((m->horizon - p.first_return) / p.step + 1e-9) + 1;
    size_t nq = (size_t)m->nqueues, w1 = round1_width(&p), w2 = (size_t)p.ns + K_FIELDS;
    size_t units = (size_t)p.nko * (size_t)p.nstarts * (size_t)p.reps;
    /* what the knock-outs keep: refused beyond 500 MB, as the backlog is */
    char size[160];                              /* "12 knock-outs × 23 weeks × 40 replications" */
    snprintf(size, sizeof size, "%d knock-out%s", p.nko, p.nko == 1 ? "" : "s");
    if (worst)
        snprintf(size + strlen(size), sizeof size - strlen(size), " × %d week%s", p.nstarts,
                 p.nstarts == 1 ? "" : "s");
    snprintf(size + strlen(size), sizeof size - strlen(size), " × %d replication%s", p.reps, p.reps == 1 ? "" : "s");
    if (!((double)units * (double)w2 <= 6.25e7)) {
        snprintf(err, errlen, "%s: fragility keeps %zu figures for each of %s: too many to keep (more than "
                 "500 MB); give fewer --reps%s", sc->path, w2, size, worst ? " or a fixed --at" : "");
        status = REMOUS_ERR_INPUT;
        goto done;
    }
    FILE *log = o ? o->log : NULL;
    if (log) {
        fprintf(log, "fragility: %s: %zu runs, and %d without the absence\n", size, units, p.reps);
        fflush(log);
    }
    p.without = malloc(((size_t)p.reps * w1 + 1) * sizeof(double));
    with = malloc((units * w2 + 1) * sizeof(double));
    p.scratch_values = malloc(((size_t)cat.n + 1) * sizeof(double));
    p.scratch_watch = malloc(((size_t)p.nsamples * nq + 1) * sizeof(double));
    p.who = calloc((size_t)m->npeople + 1, 1);
    f->able = calloc((size_t)m->nactivities + 1, sizeof(int));
    f->top_share = malloc(((size_t)m->nactivities + 1) * sizeof(double));
    if (!p.without || !with || !p.scratch_values || !p.scratch_watch || !p.who || !f->able || !f->top_share)
        goto oom;

    rm_progress progress;
    rm_progress_start(&progress, sc->show_progress, (long)p.reps + (long)units);
    progress.tick = sc->tick;
    progress.tick_ctx = sc->tick_ctx;
    rm_progress_lines(&progress, log, "fragility");
    rm_reps_job job1 = {m, &sc->hooks, sc->seed, p.reps, sc->jobs, sc->period, (int)w1, 0, 0,
                        unit_without, &p, NULL};
    if (rm_run_reps(&job1, p.without, &dummy, &progress, err, errlen) < 0)
        goto fail;
    rm_reps_job job2 = {m, &sc->hooks, sc->seed, (int)units, sc->jobs, sc->period, (int)w2, 0, 0,
                        unit_with, &p, NULL};
    if (units > 0 && rm_run_reps(&job2, with, &dummy, &progress, err, errlen) < 0)
        goto fail;
    rm_progress_show(&progress, progress.done, 1);

    /* per knock-out, the start that hurts most */
    for (int k = 0; k < f->nko; k++) {
        summary best = {NULL, 0, 0, 0, 0, 0, 0};
        int kept = -1;
        for (int j = 0; j < p.nstarts; j++) {
            summary s;
            if (summarise(&p, &cat, with, k, j, &s) < 0) {
                free(best.rows);
                goto oom;
            }
            if (kept < 0 || worse(s.failed, s.extra_wait, s.clearance, best.failed, best.extra_wait, best.clearance)) {
                free(best.rows);
                best = s;
                kept = j;
            } else
                free(s.rows);
        }
        rm_knockout *x = &f->ko[k];
        x->from = p.starts[kept];
        x->until = x->from + p.away;
        x->rows = best.rows;
        x->nrows = best.nrows;
        x->failed = best.failed;
        x->extra_wait = best.extra_wait;
        x->backlog = best.backlog;
        x->clearance = best.clearance;
        x->not_cleared = best.not_cleared;
    }
    /* ranked, worst first; ties keep the declaration order (insertion sort: stable) */
    for (int k = 1; k < f->nko; k++) {
        rm_knockout x = f->ko[k];
        int i = k;
        while (i > 0 && ko_worse(&x, &f->ko[i - 1])) {
            f->ko[i] = f->ko[i - 1];
            i--;
        }
        f->ko[i] = x;
    }
    /* who can do each step, and the share of its busiest without absence */
    for (int a = 0; a < m->nactivities; a++) {
        const rm_activity *act = &m->activities[a];
        for (int k = 0; k < act->nroles; k++)
            f->able[a] += m->roles[act->roles[k]].count;
        f->top_share[a] = NAN;
        for (int i = 0; i < cat.n; i++)
            if (cat.m[i].element == RM_EL_ACTIVITY && strcmp(cat.m[i].name, act->name) == 0 &&
                strcmp(cat.m[i].metric, "top_person_share") == 0) {
                rm_welford w;
                rm_welford_reset(&w);
                for (int r = 0; r < p.reps; r++) {
                    double x = p.without[(size_t)r * w1 + (size_t)i];
                    if (!isnan(x))
                        rm_welford_add(&w, x);
                }
                if (w.n)
                    f->top_share[a] = w.mean;
            }
    }
    /* the rows' names point into the catalog, which goes: into the model's */
    for (int k = 0; k < f->nko; k++)
        for (int i = 0; i < f->ko[k].nrows; i++) {
            rm_fragility_row *row = &f->ko[k].rows[i];
            if (strcmp(row->element, "queue") == 0) {
                for (int q = 0; q < m->nqueues; q++)
                    if (strcmp(m->queues[q].name, row->name) == 0)
                        row->name = m->queues[q].name;
            } else if (strcmp(row->element, "arrivals") == 0) {
                for (int s = 0; s < m->narrivals; s++)
                    if (strcmp(m->arrivals[s].name, row->name) == 0)
                        row->name = m->arrivals[s].name;
            }
            static const char *const metrics[] = {"wait_mean", "abandoned", "balked", "completed",
                                                  "deadline_missed", NULL};
            for (int q = 0; metrics[q]; q++)
                if (strcmp(row->metric, metrics[q]) == 0)
                    row->metric = metrics[q];
        }
    status = REMOUS_OK;
    *out = f;
    f = NULL;
    goto done;
oom:
    snprintf(err, errlen, "out of memory");
fail:
    status = REMOUS_ERR_RUN;
done:
    rm_catalog_free(&cat);
    free(p.sel);
    free(p.starts);
    free(p.without);
    free(with);
    free(p.scratch_values);
    free(p.scratch_watch);
    free(p.who);
    remous_fragility_free(f);
    return status;
}

/* ---------------------------------------------------------- outputs ---- */

int remous_write_fragility(const remous_fragility *f, const char *dir, char *err, size_t errlen) {
    if (rm_make_dirs(dir, err, errlen) < 0)
        return REMOUS_ERR_RUN;
    rm_csv o;
    if (rm_csv_open(&o, dir, "fragility.csv", err, errlen) < 0)
        return REMOUS_ERR_RUN;
    static const char *const header[] = {"variant", "rank", "knockout", "people", "away_from", "away_until",
                                         "element", "name", "metric", "without_mean", "with_mean", "delta",
                                         "delta_ci95_low", "delta_ci95_high", "n", NULL};
    rm_csv_row(&o, header);
    for (int k = 0; k < f->nko; k++) {
        const rm_knockout *x = &f->ko[k];
        for (int i = 0; i < x->nrows; i++) {
            const rm_fragility_row *r = &x->rows[i];
            rm_csv_field(&o, f->variant);
            rm_csv_integer(&o, k + 1);
            rm_csv_field(&o, x->name);
            rm_csv_integer(&o, x->npeople);
            rm_csv_number(&o, x->from);
            rm_csv_number(&o, x->until);
            rm_csv_field(&o, r->element);
            rm_csv_field(&o, r->name[0] ? r->name : x->name);
            rm_csv_field(&o, r->metric);
            rm_csv_number(&o, r->without);
            rm_csv_number(&o, r->with);
            rm_csv_number(&o, r->delta);
            rm_csv_number(&o, r->delta - r->half);
            rm_csv_number(&o, r->delta + r->half);
            rm_csv_integer(&o, r->n);
            rm_csv_end_row(&o);
        }
    }
    return rm_csv_close(&o, err, errlen) < 0 ? REMOUS_ERR_RUN : REMOUS_OK;
}

/* A count or an amount as people read it: whole from 10 on or when it is
 * nearly so, else with one decimal, in lang's way. */
const char *rm_fragility_amount(double x, const char *lang, char *buf, size_t len) {
    if (fabs(x) >= 10 || fabs(x - round(x)) < 0.05)
        rm_whole_number(buf, len, round(x) == 0 ? 0.0 : round(x));
    else
        snprintf(buf, len, "%.1f", x);
    return rm_decimal_in(buf, len, lang);
}

/* A length of time t (the model's unit) in words: weeks, days, hours or
 * minutes, whichever reads best. */
const char *rm_fragility_duration(const rm_model *m, double t, const char *lang, char *buf, size_t len) {
    double s = t * m->unit_seconds;
    static const struct { double seconds; const char *one, *many; } units[] = {
        {604800, RM_WORD_KEY("fragility.week"), RM_WORD_KEY("fragility.weeks")},
        {86400, RM_WORD_KEY("fragility.day"), RM_WORD_KEY("fragility.days")},
        {3600, RM_WORD_KEY("fragility.hour"), RM_WORD_KEY("fragility.hours")},
        {60, RM_WORD_KEY("fragility.minute"), RM_WORD_KEY("fragility.minutes")},
    };
    int u = 0;
    while (u < 3 && s < 2 * units[u].seconds * 0.999)
        u++;
    char n[64];
    rm_fragility_amount(s / units[u].seconds, lang, n, sizeof n);
    const char *key = rm_said_singular(n, lang) ? units[u].one : units[u].many;   /* "0,5 minute" in French */
    snprintf(buf, len, rm_word(lang, key), n);
    return buf;
}

/* Appends text to buf (len bytes). */
static void add(char *buf, size_t len, const char *text) {
    size_t used = strlen(buf);
    if (used + 1 < len)
        snprintf(buf + used, len - used, "%s", text);
}

/* Who is away, in words. */
static const char *who_words(const remous_fragility *f, const rm_knockout *x, const char *lang, char *buf,
                             size_t len) {
    const rm_role *role = &f->model->roles[x->role];
    char shown[256];
    rm_shown(role->label, role->name, shown, sizeof shown);
    /* the role's label may be a group's ("booksellers") or one person's
     * ("the clerk"): said of people either way, "person #2 of booksellers" */
    const char *hash = strrchr(x->name, '#');
    if (x->whole_role && x->npeople == 2)
        snprintf(buf, len, rm_word(lang, "fragility.whole_role_two"), shown);
    else if (x->whole_role)
        snprintf(buf, len, rm_word(lang, "fragility.whole_role"), shown, x->npeople);
    else if (role->count == 1 || !hash)
        snprintf(buf, len, "%s", shown);
    else
        snprintf(buf, len, rm_word(lang, "fragility.person_of"), shown, hash + 1);
    return buf;
}

static const rm_fragility_row *find_row(const rm_knockout *x, const char *element, const char *name,
                                        const char *metric) {
    for (int i = 0; i < x->nrows; i++)
        if (strcmp(x->rows[i].element, element) == 0 && strcmp(x->rows[i].name, name) == 0 &&
            strcmp(x->rows[i].metric, metric) == 0)
            return &x->rows[i];
    return NULL;
}

/* Whether the people of x are all who can do activity a. */
static int only_them(const remous_fragility *f, const rm_knockout *x, int a) {
    const rm_activity *act = &f->model->activities[a];
    if (act->nroles == 0)
        return 0;
    for (int k = 0; k < act->nroles; k++) {
        const rm_role *role = &f->model->roles[act->roles[k]];
        for (int p = role->first_person; p < role->first_person + role->count; p++)
            if (p < x->first || p >= x->first + x->npeople)
                return 0;
    }
    return 1;
}

const char *rm_fragility_sentence(const remous_fragility *f, int k, const char *lang, char *buf, size_t len) {
    const rm_model *m = f->model;
    const rm_knockout *x = &f->ko[k];
    char who[300], away[64], when[64], n[64], label[256], part[700];
    const char *parts[64];
    char store[64][700];
    int np = 0;
    who_words(f, x, lang, who, sizeof who);
    rm_fragility_duration(m, f->away, lang, away, sizeof away);
    if (f->at_worst) {
        snprintf(n, sizeof n, "%d", (int)floor(x->from / m->week + 1e-9) + 1);
        snprintf(when, sizeof when, rm_word(lang, "fragility.week_number"), n);
        const char *key = x->whole_role ? RM_WORD_KEY("fragility.if_away_all_in_week")
                                        : RM_WORD_KEY("fragility.if_away_in_week");
        snprintf(buf, len, rm_word(lang, key), who, away, when);
    } else
        snprintf(buf, len, rm_word(lang, x->whole_role ? RM_WORD_KEY("fragility.if_away_all")
                                                       : RM_WORD_KEY("fragility.if_away")), who, away);
    /* items late or lost, stream by stream */
    for (int s = 0; s < m->narrivals && np < 60; s++) {
        const rm_arrivals *ar = &m->arrivals[s];
        if (ar->hidden)
            continue;
        rm_shown(ar->label, ar->name, label, sizeof label);
        const rm_fragility_row *r =
            find_row(x, "arrivals", ar->name, ar->deadline >= 0 ? "deadline_missed" : "abandoned");
        double lost = r ? r->delta : 0;
        if (ar->deadline < 0) {
            const rm_fragility_row *b = find_row(x, "arrivals", ar->name, "balked");
            lost += b ? b->delta : 0;
        }
        if (!(lost >= 0.05))
            continue;
        const char *key = ar->deadline >= 0 ? RM_WORD_KEY("fragility.missed") : RM_WORD_KEY("fragility.lost");
        snprintf(store[np], sizeof store[np], rm_word(lang, key), rm_fragility_amount(lost, lang, n, sizeof n), label);
        parts[np] = store[np];
        np++;
    }
    /* the lines that wait longer (significantly), at most two, longest first */
    int shown_queues = 0;
    unsigned char *done = calloc((size_t)m->nqueues + 1, 1);
    while (done && shown_queues < 2 && np < 60) {
        const rm_fragility_row *best = NULL;
        int bq = -1;
        for (int q = 0; q < m->nqueues; q++) {
            const rm_fragility_row *r = find_row(x, "queue", m->queues[q].name, "wait_mean");
            if (done[q] || !r || !(r->delta > 0) || !(r->delta - r->half > 0))
                continue;
            if (!best || r->delta > best->delta)
                best = r, bq = q;
        }
        if (!best)
            break;
        done[bq] = 1;
        char d[64];
        rm_shown(m->queues[bq].label, m->queues[bq].name, label, sizeof label);
        snprintf(store[np], sizeof store[np],
                 rm_word(lang, m->queues[bq].holds == RM_HOLDS_TASKS ? RM_WORD_KEY("fragility.starts_later")
                                                                   : RM_WORD_KEY("fragility.waits")),
                 label, rm_fragility_duration(m, best->delta, lang, d, sizeof d));
        parts[np] = store[np];
        np++;
        shown_queues++;
    }
    free(done);
    /* the backlog at the return */
    if (x->backlog >= 0.05 && np < 60) {
        char d[64];
        rm_fragility_amount(x->backlog, lang, n, sizeof n);
        int one = rm_said_singular(n, lang);     /* "1 more item", "0,5 dossier" */
        if (x->not_cleared > 0 && 2 * x->not_cleared >= f->reps)
            snprintf(store[np], sizeof store[np],
                     rm_word(lang, one ? RM_WORD_KEY("fragility.backlog_stays_one") : RM_WORD_KEY("fragility.backlog_stays")), n);
        else
            snprintf(store[np], sizeof store[np], rm_word(lang, one ? RM_WORD_KEY("fragility.backlog_one") : RM_WORD_KEY("fragility.backlog")),
                     n, rm_fragility_duration(m, x->clearance, lang, d, sizeof d));
        parts[np] = store[np];
        np++;
    }
    add(buf, len, ", ");
    if (np == 0)
        add(buf, len, rm_word(lang, "fragility.nothing"));
    for (int i = 0; i < np; i++) {
        if (i > 0)
            add(buf, len, i + 1 == np ? rm_word(lang, "fragility.and") : ", ");
        add(buf, len, parts[i]);
    }
    /* what nobody else can do */
    part[0] = '\0';
    int nonly = 0;
    for (int a = 0; a < m->nactivities; a++)
        if (only_them(f, x, a)) {
            rm_shown(m->activities[a].label, m->activities[a].name, label, sizeof label);
            if (nonly++)
                add(part, sizeof part, ", ");
            add(part, sizeof part, label);
        }
    if (nonly) {
        char tail[800];
        const char *key = x->npeople > 1 ? RM_WORD_KEY("fragility.nobody_else_them")
                                         : RM_WORD_KEY("fragility.nobody_else");
        snprintf(tail, sizeof tail, rm_word(lang, key), part);
        add(buf, len, rm_word(lang, "fragility.semicolon"));
        add(buf, len, tail);
    }
    add(buf, len, ".");
    return buf;
}

void remous_print_fragility(const remous_fragility *f, FILE *out, const char *lang) {
    const rm_model *m = f->model;
    char run[256], away[64], at[64], line[4096];
    rm_variant_label(m, f->variant, lang, run, sizeof run);
    rm_fragility_duration(m, f->away, lang, away, sizeof away);
    const char *reps = rm_replications_word(f->reps, lang);
    if (f->at_worst) {
        char worst[160];
        snprintf(worst, sizeof worst, "%s", rm_word(lang, "fragility.worst_of_one"));
        if (f->nstarts > 1)
            snprintf(worst, sizeof worst, rm_word(lang, "fragility.worst_of"), f->nstarts);
        fprintf(out, rm_word(lang, "fragility.title_worst"), run, away, worst, f->reps, reps);
    } else if (f->at == m->warmup) {
        fprintf(out, rm_word(lang, "fragility.title"), run, away, f->reps, reps);
    } else {
        fprintf(out, rm_word(lang, "fragility.title_at"), run, away, rm_fragility_duration(m, f->at, lang, at, sizeof at), f->reps,
                reps);
    }
    fputs("\n\n", out);
    for (int k = 0; k < f->nko; k++)
        fprintf(out, "%d. %s\n", k + 1, rm_fragility_sentence(f, k, lang, line, sizeof line));
    int any = 0;
    for (int a = 0; a < m->nactivities; a++) {
        const rm_activity *act = &m->activities[a];
        if (act->nroles == 0)
            continue;
        if (!any++)
            fprintf(out, "\n%s\n", rm_word(lang, "fragility.who_can"));
        char label[256], people[64], share[64];
        rm_shown(act->label, act->name, label, sizeof label);
        snprintf(people, sizeof people, "%d", f->able[a]);
        const char *key = f->able[a] == 1 ? RM_WORD_KEY("fragility.one_person") : RM_WORD_KEY("fragility.people");
        snprintf(line, sizeof line, rm_word(lang, key), people);
        if (isnan(f->top_share[a]))
            fprintf(out, rm_word(lang, "fragility.able_never"), label, line);
        else {
            snprintf(share, sizeof share, "%.0f", 100 * f->top_share[a]);
            fprintf(out, rm_word(lang, "fragility.able"), label, line, share);
        }
        fputc('\n', out);
    }
}
