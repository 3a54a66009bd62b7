/* Which assumption matters most, see sensitivity.h.
 *
 * Each run is the scenario loaded again with one more --set (the param at
 * one of its values), as a sweep loads each point, and its replications
 * run on every core (remous_run_variant, --jobs). Every run uses the same
 * seed and replications: the run at a param's max and the run at its min
 * are paired replication by replication, as compare pairs a variant with
 * the baseline, so a param the model never reads has an effect of exactly
 * 0. The figures depend only on the seed and the replication, never on
 * --jobs: the outputs are byte-identical whatever it is. When a run has
 * fewer replications than there are --jobs, the runs themselves are spread
 * over the processes instead (each on one), as a sweep spreads its points;
 * they write their values into memory shared with the parent. */
#define _GNU_SOURCE                 /* MAP_ANONYMOUS: not in POSIX 2008 */
#include "sensitivity.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_out.h"
#include "headline.h"
#include "labels.h"
#include "stats.h"
#include "words.h"

#define TOP 3                       /* the params a response curve shows, per metric */
#define MAX_POINTS 1000

static char *copy(const char *s) {
    char *c = malloc(strlen(s ? s : "") + 1);
    if (c)
        strcpy(c, s ? s : "");
    return c;
}

/* The index of (element, name, metric) in cat, or -1. */
static int find(const rm_catalog *cat, const char *element, const char *name, const char *metric) {
    for (int i = 0; i < cat->n; i++)
        if (strcmp(rm_element_name(cat->m[i].element), element) == 0 && strcmp(cat->m[i].name, name) == 0 &&
            strcmp(cat->m[i].metric, metric) == 0)
            return i;
    return -1;
}

static int is_lost(const rm_sens_metric *x) {
    return strcmp(x->element, "arrivals") == 0 && strcmp(x->metric, "lost") == 0;
}

static int is_mission(const rm_sens_metric *x) {
    return strcmp(x->element, "role") == 0 && strcmp(x->metric, "mission_share") == 0;
}

/* Whether a model (its catalog cat) has metric x. */
static int has_metric(const rm_model *m, const rm_catalog *cat, const rm_sens_metric *x) {
    if (is_lost(x))
        return find(cat, "arrivals", x->name, "abandoned") >= 0;
    if (is_mission(x))
        return m->nmission > 0 && find(cat, "role", x->name, "utilization") >= 0;
    return find(cat, x->element, x->name, x->metric) >= 0;
}

/* The value of metric x in replication r of res: NaN where it has none. */
static double value_of(const remous_results *res, const rm_sens_metric *x, int r) {
    const double *row = res->values + (size_t)r * (size_t)res->cat.n;
    if (is_lost(x)) {
        int a = find(&res->cat, "arrivals", x->name, "abandoned"), b = find(&res->cat, "arrivals", x->name, "balked");
        if (a < 0 && b < 0)
            return NAN;
        double va = a < 0 || isnan(row[a]) ? 0 : row[a], vb = b < 0 || isnan(row[b]) ? 0 : row[b];
        return va + vb;
    }
    if (is_mission(x)) {
        if (find(&res->cat, "role", x->name, "utilization") < 0)
            return NAN;
        double sum = 0;
        for (int k = 0; k < res->model->nmission; k++) {
            char metric[300];
            snprintf(metric, sizeof metric, "share_%s", res->model->mission[k]);
            int i = find(&res->cat, "role", x->name, metric);
            if (i >= 0 && !isnan(row[i]))
                sum += row[i];
        }
        return sum;
    }
    int i = find(&res->cat, x->element, x->name, x->metric);
    return i < 0 ? NAN : row[i];
}

static int add_metric(remous_sensitivity *s, const char *element, const char *name, const char *metric) {
    rm_sens_metric *grown = realloc(s->metrics, (size_t)(s->nmetrics + 1) * sizeof *grown);
    if (!grown)
        return -1;
    s->metrics = grown;
    rm_sens_metric *x = &s->metrics[s->nmetrics];
    x->element = copy(element);
    x->name = copy(name);
    x->metric = copy(metric);
    if (!x->element || !x->name || !x->metric) {
        free(x->element), free(x->name), free(x->metric);
        return -1;
    }
    s->nmetrics++;
    return 0;
}

/* The metrics the headline speaks of: per stream its wait (in person when
 * it has one) and, where items can be lost, those lost; per role its busy
 * share and, with a mission, its share of time on it. */
static int default_metrics(remous_sensitivity *s, const rm_model *m, const rm_catalog *cat) {
    int bounded = 0;
    for (int q = 0; q < m->nqueues; q++)
        bounded |= m->queues[q].capacity >= 0;
    for (int a = 0; a < m->narrivals; a++) {
        const rm_arrivals *ar = &m->arrivals[a];
        if (ar->hidden)
            continue;
        int in_person = find(cat, "arrivals", ar->name, "wait_in_person_mean") >= 0;
        if (add_metric(s, "arrivals", ar->name, in_person ? "wait_in_person_mean" : "wait_mean") < 0)
            return -1;
        if ((ar->has_patience || bounded) && add_metric(s, "arrivals", ar->name, "lost") < 0)
            return -1;
    }
    for (int r = 0; r < m->nroles; r++) {
        if (add_metric(s, "role", m->roles[r].name, "utilization") < 0)
            return -1;
        int does_mission = 0;
        for (int k = 0; k < m->nmission; k++) {
            char metric[300];
            snprintf(metric, sizeof metric, "share_%s", m->mission[k]);
            does_mission |= find(cat, "role", m->roles[r].name, metric) >= 0;
        }
        if (does_mission && add_metric(s, "role", m->roles[r].name, "mission_share") < 0)
            return -1;
    }
    return 0;
}

/* --metric ELEMENT:NAME:METRIC, checked against the model. */
static int given_metric(remous_sensitivity *s, const rm_model *m, const rm_catalog *cat, const char *spec,
                        char *err, size_t errlen) {
    const char *a = strchr(spec, ':'), *b = strrchr(spec, ':');
    if (!a || a == b || a == spec || !b[1]) {
        snprintf(err, errlen, "--metric: expected ELEMENT:NAME:METRIC such as arrivals:customers:wait_mean, "
                 "got \"%s\"", spec);
        return REMOUS_ERR_INPUT;
    }
    char element[64], name[512], metric[512];
    snprintf(element, sizeof element, "%.*s", (int)(a - spec), spec);
    snprintf(name, sizeof name, "%.*s", (int)(b - a - 1), a + 1);
    snprintf(metric, sizeof metric, "%s", b + 1);
    rm_sens_metric x = {element, name, metric};
    if (!has_metric(m, cat, &x)) {
        int w = snprintf(err, errlen, "--metric %s: %s has no such metric (the names are those of summary.csv, "
                         "ELEMENT:NAME:METRIC, with arrivals:NAME:lost and role:NAME:mission_share)", spec, s->sc->path);
        if (cat->n > 0 && w > 0 && (size_t)w < errlen)
            snprintf(err + w, errlen - (size_t)w, "; e.g. %s:%s:%s", rm_element_name(cat->m[0].element),
                     cat->m[0].name, cat->m[0].metric);
        return REMOUS_ERR_INPUT;
    }
    for (int k = 0; k < s->nmetrics; k++)
        if (strcmp(s->metrics[k].element, element) == 0 && strcmp(s->metrics[k].name, name) == 0 &&
            strcmp(s->metrics[k].metric, metric) == 0) {
            snprintf(err, errlen, "--metric %s is given twice: give it once", spec);
            return REMOUS_ERR_INPUT;
        }
    if (add_metric(s, element, name, metric) < 0) {
        snprintf(err, errlen, "out of memory");
        return REMOUS_ERR_RUN;
    }
    return REMOUS_OK;
}

/* v with 12 significant digits: what the evenly spaced values are, so that
 * 0.1 + 0.2 is written 0.3; text is what --set is given. */
static double tidy(double v, char *text, size_t len) {
    snprintf(text, len, "%.12g", v == 0 ? 0.0 : v);
    return strtod(text, NULL);
}

/* A param's end as it is, in the fewest digits that read back the same
 * (a range's ends are never rounded: the value must stay inside it). */
static double exact(double v, char *text, size_t len) {
    for (int digits = 12; digits <= 17; digits++) {
        snprintf(text, len, "%.*g", digits, v == 0 ? 0.0 : v);
        if (strtod(text, NULL) == v)
            break;
    }
    return v;
}

static int add_run(remous_sensitivity *s, int p, double value, int end) {
    rm_sens_run *grown = realloc(s->runs, (size_t)(s->nruns + 1) * sizeof *grown);
    if (!grown)
        return -1;
    s->runs = grown;
    rm_sens_param *prm = &s->params[p];
    int *mine = realloc(prm->runs, (size_t)(prm->nruns + 1) * sizeof *mine);
    if (!mine)
        return -1;
    prm->runs = mine;
    rm_sens_run *r = &s->runs[s->nruns];
    r->param = p;
    r->value = end ? exact(value, r->text, sizeof r->text) : tidy(value, r->text, sizeof r->text);
    r->values = malloc(((size_t)s->reps * (size_t)s->nmetrics + 1) * sizeof(double));
    if (!r->values)
        return -1;
    /* kept in increasing value: the run at min first */
    int at = prm->nruns;
    while (at > 0 && s->runs[prm->runs[at - 1]].value > r->value)
        at--;
    memmove(prm->runs + at + 1, prm->runs + at, (size_t)(prm->nruns - at) * sizeof *prm->runs);
    prm->runs[at] = s->nruns;
    prm->nruns++;
    s->nruns++;
    return 0;
}

const remous_options *rm_sensitivity_point(rm_sens_point *pt, const remous_options *opt, const char *name,
                                           const char *value) {
    int n = 0;
    for (int i = 0; i < opt->nsets && n < RM_SENS_SETS; i++) {
        if (strcmp(opt->set_names[i], name) == 0)
            continue;
        pt->names[n] = opt->set_names[i];
        pt->values[n] = opt->set_values[i];
        pt->origins[n++] = opt->set_origins ? opt->set_origins[i] : NULL;
    }
    pt->names[n] = name;
    pt->values[n] = value;
    pt->origins[n++] = "sensitivity";
    pt->o = *opt;
    pt->o.set_names = pt->names;
    pt->o.set_values = pt->values;
    pt->o.set_origins = pt->origins;
    pt->o.nsets = n;
    return &pt->o;
}

/* Runs run k: the scenario loaded with the param at its value (besides the
 * --set values given, which it replaces for that param). */
static int do_run(remous_sensitivity *s, const char *path, const remous_options *opt, int k, double *into,
                  rm_progress *progress, char *err, size_t errlen) {
    rm_sens_run *run = &s->runs[k];
    const rm_sens_param *prm = &s->params[run->param];
    rm_sens_point pt;
    rm_sensitivity_point(&pt, opt, prm->name, run->text);
    pt.o.progress = 0;
    char message[1024];
    remous_scenario *sc = remous_open(path, &pt.o, message, sizeof message);
    if (!sc) {
        const char *which = run->value == prm->min ? "its min" : run->value == prm->max ? "its max" : "on its curve";
        snprintf(err, errlen, "%s = %s (%s): %s", prm->name, run->text, which, message);
        return REMOUS_ERR_INPUT;
    }
    sc->progress = progress;
    remous_results *res = NULL;
    int rc = remous_run_variant(sc, s->variant, &res, err, errlen);
    if (rc == REMOUS_OK)
        for (int r = 0; r < s->reps; r++)
            for (int x = 0; x < s->nmetrics; x++)
                into[(size_t)r * (size_t)s->nmetrics + (size_t)x] =
                    r < res->reps ? value_of(res, &s->metrics[x], r) : NAN;
    remous_results_free(res);
    remous_close(sc);
    return rc;
}

/* What each of do_runs's units needs. */
typedef struct {
    remous_sensitivity *s;
    const char *path;
    const remous_options *opt;
    int first;
} runs_job;

/* Unit i of rm_spread: run first + i on `jobs` processes. */
static int run_unit(void *ctx, long i, int jobs, double *into, rm_progress *progress, char *err, size_t errlen) {
    const runs_job *rj = ctx;
    remous_options o = *rj->opt;
    o.jobs = jobs;
    return do_run(rj->s, rj->path, &o, rj->first + (int)i, into, progress, err, errlen);
}

/* Runs [first, s->nruns) (rm_spread): the values are the same whatever
 * --jobs. */
static int do_runs(remous_sensitivity *s, const char *path, const remous_options *opt, int first,
                   rm_progress *progress, char *err, size_t errlen) {
    int nruns = s->nruns - first;
    double **into = malloc(((size_t)nruns + 1) * sizeof *into);
    if (!into) {
        snprintf(err, errlen, "out of memory");
        return REMOUS_ERR_RUN;
    }
    for (int i = 0; i < nruns; i++)
        into[i] = s->runs[first + i].values;
    runs_job rj = {s, path, opt, first};
    int rc = rm_spread(nruns, opt->jobs, s->reps, (size_t)s->reps * (size_t)s->nmetrics, into, run_unit, &rj,
                       progress, err, errlen);
    free(into);
    return rc;
}

void rm_sensitivity_cell(const remous_sensitivity *s, int k, int r, rm_sens_cell *cell) {
    const rm_sens_run *run = &s->runs[r], *low = &s->runs[s->params[run->param].runs[0]];
    rm_welford all, diff;
    rm_welford_reset(&all);
    rm_welford_reset(&diff);
    for (int i = 0; i < s->reps; i++) {
        double x = run->values[(size_t)i * (size_t)s->nmetrics + (size_t)k];
        double y = low->values[(size_t)i * (size_t)s->nmetrics + (size_t)k];
        if (!isnan(x))
            rm_welford_add(&all, x);
        if (!isnan(x) && !isnan(y))
            rm_welford_add(&diff, x - y);
    }
    double sd;
    rm_interval(&all, &cell->mean, &cell->half, &sd);
    rm_interval(&diff, &cell->effect, &cell->effect_half, &sd);
    if (all.n == 0)
        cell->mean = NAN;
    if (diff.n == 0)
        cell->effect = NAN;
    cell->n = (int)diff.n;
    cell->significant = diff.n >= 2 && cell->effect_half < INFINITY &&
                        (cell->effect - cell->effect_half > 0 || cell->effect + cell->effect_half < 0);
}

void rm_sensitivity_effect(const remous_sensitivity *s, int k, int p, rm_sens_cell *cell) {
    const rm_sens_param *prm = &s->params[p];
    rm_sensitivity_cell(s, k, prm->runs[prm->nruns - 1], cell);
}

int rm_sensitivity_tornado(const remous_sensitivity *s, int k, int *order, rm_sens_cell *bars) {
    for (int i = 0; i < s->nparams; i++) {
        order[i] = s->order[(size_t)k * (size_t)s->nparams + (size_t)i];
        rm_sensitivity_effect(s, k, order[i], &bars[i]);
    }
    return s->nparams;
}

int rm_sensitivity_curved(const remous_sensitivity *s, int k, int p) {
    if (s->points <= 2)
        return 0;
    for (int i = 0; i < s->nparams && i < TOP; i++)
        if (s->order[(size_t)k * (size_t)s->nparams + (size_t)i] == p)
            return 1;
    return 0;
}

/* Ranks the params of every metric by |effect|, largest first; an effect
 * that cannot be computed last; ties keep the declared order. */
static void rank(remous_sensitivity *s) {
    rm_sens_cell *cells = malloc(((size_t)s->nparams + 1) * sizeof *cells);
    for (int k = 0; cells && k < s->nmetrics; k++) {
        int *o = s->order + (size_t)k * (size_t)s->nparams;
        for (int p = 0; p < s->nparams; p++)
            rm_sensitivity_effect(s, k, p, &cells[p]);
        for (int p = 0; p < s->nparams; p++) {
            int i = p;
            double a = isnan(cells[p].effect) ? -1 : fabs(cells[p].effect);
            while (i > 0) {
                double b = isnan(cells[o[i - 1]].effect) ? -1 : fabs(cells[o[i - 1]].effect);
                if (!(a > b))
                    break;
                o[i] = o[i - 1];
                i--;
            }
            o[i] = p;
        }
    }
    free(cells);
}

/* The values of a response curve: `points` evenly spaced from min to max,
 * each a whole number of steps from min when the param has a step (max
 * itself last), the same value once. Returns how many, into v. */
static int curve_values(const rm_sens_param *p, int points, double *v) {
    int n = 0;
    v[n++] = p->min;
    for (int i = 1; i < points - 1; i++) {
        double t = (double)i / (points - 1);   /* (never max - min: it may overflow) */
        double x = p->min * (1 - t) + p->max * t;
        if (p->step > 0)
            x = p->min + round((x - p->min) / p->step) * p->step;
        char text[48];
        x = tidy(x, text, sizeof text);
        if (x > v[n - 1] && x < p->max)        /* each once, strictly inside the range */
            v[n++] = x;
    }
    v[n++] = p->max;
    return n;
}

void remous_sensitivity_free(remous_sensitivity *s) {
    if (!s)
        return;
    for (int p = 0; p < s->nparams; p++) {
        free(s->params[p].name);
        free(s->params[p].label);
        free(s->params[p].runs);
    }
    free(s->params);
    for (int i = 0; i < s->nleft_out; i++)
        free(s->left_out[i]);
    free(s->left_out);
    for (int k = 0; k < s->nmetrics; k++) {
        free(s->metrics[k].element);
        free(s->metrics[k].name);
        free(s->metrics[k].metric);
    }
    free(s->metrics);
    for (int r = 0; r < s->nruns; r++)
        free(s->runs[r].values);
    free(s->runs);
    free(s->order);
    free(s->variant);
    remous_close(s->sc);
    free(s);
}

/* The params of m: those with a min below their max vary, the others are
 * left out (and said so). */
static int list_params(remous_sensitivity *s, const rm_model *m) {
    s->params = calloc((size_t)m->nparams + 1, sizeof *s->params);
    s->left_out = calloc((size_t)m->nparams + 1, sizeof *s->left_out);
    if (!s->params || !s->left_out)
        return -1;
    for (int i = 0; i < m->nparams; i++) {
        const rm_param *p = &m->params[i];
        if (p->numeric && !isnan(p->min) && !isnan(p->max) && p->min < p->max) {
            rm_sens_param *x = &s->params[s->nparams++];
            x->name = copy(p->name);
            x->label = copy(p->label);
            x->min = p->min;
            x->max = p->max;
            x->step = p->step;
            if (!x->name || !x->label)
                return -1;
        } else if (!(s->left_out[s->nleft_out++] = copy(p->name)))
            return -1;
    }
    return 0;
}

int remous_sensitivity_run(const char *path, const remous_options *opt, const remous_sensitivity_options *so,
                           remous_sensitivity **out, char *err, size_t errlen) {
    *out = NULL;
    int points = so && so->points ? so->points : 2;
    if (points < 2 || points > MAX_POINTS) {
        snprintf(err, errlen, "--points: expected a whole number from 2 to %d (2: each param at its min and its "
                 "max), got %d", MAX_POINTS, points);
        return REMOUS_ERR_INPUT;
    }
    remous_sensitivity *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return REMOUS_ERR_RUN;
    }
    s->points = points;
    remous_options quiet = *opt;
    quiet.progress = 0;
    if (!(s->sc = remous_open(path, &quiet, err, errlen))) {
        free(s);
        return REMOUS_ERR_INPUT;
    }
    remous_scenario *sc = s->sc;
    const char *variant = so && so->variant ? so->variant : "baseline";
    int v = 0;
    while (v < sc->nmodels && strcmp(sc->variants[v], variant) != 0)
        v++;
    int status = REMOUS_ERR_INPUT;
    rm_catalog cat = {NULL, 0};
    if (v == sc->nmodels) {
        int w = snprintf(err, errlen, "%s: no variant called \"%s\" (the variants:", sc->path, variant);
        for (int k = 1; k < sc->nmodels && w > 0 && (size_t)w < errlen; k++)
            w += snprintf(err + w, errlen - (size_t)w, "%s \"%s\"", k > 1 ? "," : "", sc->variants[k]);
        if (w > 0 && (size_t)w < errlen)
            snprintf(err + w, errlen - (size_t)w, "%s)", sc->nmodels == 1 ? " none" : "");
        goto done;
    }
    if (!sc->models[v]) {
        snprintf(err, errlen, "%s", sc->errors[v]);
        goto done;
    }
    const rm_model *m = s->model = sc->models[v];
    s->reps = sc->replications;
    status = REMOUS_ERR_RUN;
    if (!(s->variant = copy(variant)) || list_params(s, m) < 0 || rm_catalog_build(m, 0, &cat) < 0)
        goto oom;
    status = REMOUS_ERR_INPUT;
    if (s->nparams == 0) {
        snprintf(err, errlen, "%s: no param has a min and a max, so there is nothing to vary; give the params to "
                 "try a range, e.g. param(\"clerks\", 2, { min = 1, max = 4 })", sc->path);
        goto done;
    }
    if (so && so->nmetrics > 0) {
        for (int k = 0; k < so->nmetrics; k++)
            if ((status = given_metric(s, m, &cat, so->metrics[k], err, errlen)) != REMOUS_OK)
                goto done;
    } else if (default_metrics(s, m, &cat) < 0)
        goto oom;
    if (s->nmetrics == 0) {
        snprintf(err, errlen, "%s: nothing to follow (no arrivals, no role); name the metrics with --metric "
                 "ELEMENT:NAME:METRIC", sc->path);
        status = REMOUS_ERR_INPUT;
        goto done;
    }
    if (!(s->order = calloc((size_t)s->nmetrics * (size_t)s->nparams + 1, sizeof *s->order)))
        goto oom;

    /* round 1: every param at its min and at its max */
    for (int p = 0; p < s->nparams; p++)
        if (add_run(s, p, s->params[p].min, 1) < 0 || add_run(s, p, s->params[p].max, 1) < 0)
            goto oom;
    rm_progress progress;
    rm_progress_start(&progress, opt->progress, (long)s->nruns * s->reps);
    progress.tick = so ? so->tick : NULL;
    progress.tick_ctx = so ? so->tick_ctx : NULL;
    if ((status = do_runs(s, path, opt, 0, &progress, err, errlen)) != REMOUS_OK)
        goto done;
    rank(s);

    /* round 2: the values between for the top params of each metric */
    if (points > 2) {
        int first = s->nruns;
        double *values = malloc((size_t)points * sizeof *values);
        if (!values)
            goto oom;
        for (int p = 0; p < s->nparams; p++) {
            int curved = 0;
            for (int k = 0; k < s->nmetrics; k++)
                curved |= rm_sensitivity_curved(s, k, p);
            if (!curved)
                continue;
            int n = curve_values(&s->params[p], points, values);
            for (int i = 1; i < n - 1; i++)
                if (add_run(s, p, values[i], 0) < 0) {
                    free(values);
                    goto oom;
                }
        }
        free(values);
        progress.total += (long)(s->nruns - first) * s->reps;
        if ((status = do_runs(s, path, opt, first, &progress, err, errlen)) != REMOUS_OK)
            goto done;
    }
    rm_progress_show(&progress, progress.done, 1);
    status = REMOUS_OK;
    *out = s;
    s = NULL;
    goto done;
oom:
    snprintf(err, errlen, "out of memory");
    status = REMOUS_ERR_RUN;
done:
    rm_catalog_free(&cat);
    remous_sensitivity_free(s);
    return status;
}

/* ---------------------------------------------------------- outputs ---- */

int remous_write_sensitivity(const remous_sensitivity *s, const char *dir, char *err, size_t errlen) {
    if (rm_make_dirs(dir, err, errlen) < 0)
        return REMOUS_ERR_RUN;
    rm_csv o;
    if (rm_csv_open(&o, dir, "sensitivity.csv", err, errlen) < 0)
        return REMOUS_ERR_RUN;
    static const char *const header[] = {"variant", "element", "name", "metric", "rank", "param", "value", "mean",
                                         "ci95_low", "ci95_high", "effect", "effect_ci95_low", "effect_ci95_high",
                                         "significant", "n", NULL};
    rm_csv_row(&o, header);
    for (int k = 0; k < s->nmetrics; k++) {
        const rm_sens_metric *x = &s->metrics[k];
        for (int i = 0; i < s->nparams; i++) {
            int p = s->order[(size_t)k * (size_t)s->nparams + (size_t)i];
            const rm_sens_param *prm = &s->params[p];
            int curved = rm_sensitivity_curved(s, k, p);
            for (int j = 0; j < prm->nruns; j++) {
                if (!curved && j > 0 && j < prm->nruns - 1)
                    continue;            /* a point of another metric's curve */
                const rm_sens_run *run = &s->runs[prm->runs[j]];
                rm_sens_cell c;
                rm_sensitivity_cell(s, k, prm->runs[j], &c);
                rm_csv_field(&o, s->variant);
                rm_csv_field(&o, x->element);
                rm_csv_field(&o, x->name);
                rm_csv_field(&o, x->metric);
                rm_csv_integer(&o, i + 1);
                rm_csv_field(&o, prm->name);
                rm_csv_field(&o, run->text);
                rm_csv_number(&o, c.mean);
                rm_csv_number(&o, c.mean - c.half);
                rm_csv_number(&o, c.mean + c.half);
                rm_csv_number(&o, c.effect);
                rm_csv_number(&o, c.effect - c.effect_half);
                rm_csv_number(&o, c.effect + c.effect_half);
                rm_csv_field(&o, c.significant ? "true" : "false");
                rm_csv_integer(&o, c.n);
                rm_csv_end_row(&o);
            }
        }
    }
    return rm_csv_close(&o, err, errlen) < 0 ? REMOUS_ERR_RUN : REMOUS_OK;
}

/* The characters of UTF-8 text s (its width on a terminal, near enough). */
static int width(const char *s) {
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

const char *rm_sensitivity_signed(double v, const char *lang, char *buf, size_t len) {
    char n[48];
    rm_say_number(v, lang, n, sizeof n);
    if (len < sizeof n + 2)
        return rm_say_number(v, lang, buf, len);
    snprintf(buf, len, "%s%s", v > 0 && strcmp(n, "0") != 0 ? "+" : "", n);
    return buf;
}

const char *rm_sensitivity_metric_title(const remous_sensitivity *s, const rm_sens_metric *x, const char *lang,
                                        char *buf, size_t len) {
    char who[300], what[300];
    rm_label_of(s->model, x->element, x->name, lang, who, sizeof who);
    if (is_lost(x))
        snprintf(what, sizeof what, "%s", rm_word(lang, "sensitivity.lost"));
    else if (is_mission(x))
        snprintf(what, sizeof what, "%s", rm_word(lang, "sensitivity.mission_share"));
    else
        rm_metric_words(s->model, x->element, x->name, x->metric, lang, what, sizeof what);
    if (x->name[0])
        snprintf(buf, len, rm_word(lang, "sensitivity.metric"), who, what);
    else
        snprintf(buf, len, "%s", what);
    return buf;
}

const char *rm_sensitivity_param_words(const remous_sensitivity *s, int p, const char *lang, char *buf, size_t len) {
    const rm_sens_param *prm = &s->params[p];
    char label[256], lo[48], hi[48];
    rm_shown(prm->label, prm->name, label, sizeof label);
    snprintf(lo, sizeof lo, "%s", s->runs[prm->runs[0]].text);
    snprintf(hi, sizeof hi, "%s", s->runs[prm->runs[prm->nruns - 1]].text);
    rm_decimal_in(lo, sizeof lo, lang);
    rm_decimal_in(hi, sizeof hi, lang);
    snprintf(buf, len, rm_word(lang, "sensitivity.range"), label, lo, hi);
    return buf;
}

const char *rm_sensitivity_effect_words(const rm_sens_cell *c, const char *lang, char *buf, size_t len) {
    char e[64], lo[64], hi[64];
    if (isnan(c->effect)) {
        snprintf(buf, len, "%s", rm_word(lang, "sensitivity.no_value"));
        return buf;
    }
    rm_sensitivity_signed(c->effect, lang, e, sizeof e);
    if (!isfinite(c->effect_half)) {
        snprintf(buf, len, "%s, %s", e, rm_word(lang, "sensitivity.not_significant"));
        return buf;
    }
    int n = snprintf(buf, len, rm_word(lang, "sensitivity.effect"), e,
                     rm_sensitivity_signed(c->effect - c->effect_half, lang, lo, sizeof lo),
                     rm_sensitivity_signed(c->effect + c->effect_half, lang, hi, sizeof hi));
    if (!c->significant && n > 0 && (size_t)n < len)
        snprintf(buf + n, len - (size_t)n, ", %s", rm_word(lang, "sensitivity.not_significant"));
    return buf;
}

const char *rm_sensitivity_left_out_words(const remous_sensitivity *s, const char *lang, char *buf, size_t len) {
    char list[2048] = "";
    for (int i = 0; i < s->nleft_out; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", s->left_out[i]);
    }
    snprintf(buf, len, rm_word(lang, "sensitivity.left_out"), list);
    return buf;
}

#define HALF_BAR 12

void remous_print_sensitivity(const remous_sensitivity *s, FILE *out, const char *lang) {
    char run[256], line[1024];
    rm_variant_label(s->model, s->variant, lang, run, sizeof run);
    if (s->nparams == 1)
        fprintf(out, rm_word(lang, "sensitivity.title_one"), run, s->reps, rm_replications_word(s->reps, lang));
    else
        fprintf(out, rm_word(lang, "sensitivity.title"), run, s->nparams, s->reps,
                rm_replications_word(s->reps, lang));
    fputc('\n', out);
    /* each param's words: its label and its range, padded to the widest */
    char (*names)[300] = calloc((size_t)s->nparams + 1, sizeof *names);
    int *order = calloc((size_t)s->nparams + 1, sizeof *order);
    rm_sens_cell *bars = calloc((size_t)s->nparams + 1, sizeof *bars);
    if (!names || !order || !bars) {
        free(names), free(order), free(bars);
        return;
    }
    int wide = 0;
    for (int p = 0; p < s->nparams; p++) {
        rm_sensitivity_param_words(s, p, lang, names[p], sizeof names[p]);
        if (width(names[p]) > wide)
            wide = width(names[p]);
    }
    for (int k = 0; k < s->nmetrics; k++) {
        fprintf(out, "\n%s\n", rm_sensitivity_metric_title(s, &s->metrics[k], lang, line, sizeof line));
        rm_sensitivity_tornado(s, k, order, bars);
        double top = 0;
        for (int i = 0; i < s->nparams; i++)
            if (!isnan(bars[i].effect) && fabs(bars[i].effect) > top)
                top = fabs(bars[i].effect);
        for (int i = 0; i < s->nparams; i++) {
            const rm_sens_cell *c = &bars[i];
            int len = top > 0 && !isnan(c->effect) ? (int)lround(HALF_BAR * fabs(c->effect) / top) : 0;
            if (len == 0 && !isnan(c->effect) && c->effect != 0)
                len = 1;
            const char *mark = c->significant ? "█" : "░";
            fprintf(out, "  %s%*s  ", names[order[i]], wide - width(names[order[i]]), "");
            for (int b = HALF_BAR; b > 0; b--)
                fputs(c->effect < 0 && b <= len ? mark : " ", out);
            fputs("|", out);
            for (int b = 1; b <= HALF_BAR; b++)
                fputs(c->effect > 0 && b <= len ? mark : " ", out);
            fprintf(out, "  %s\n", rm_sensitivity_effect_words(c, lang, line, sizeof line));
        }
        /* the response curves: each value and the metric there */
        for (int i = 0; i < s->nparams; i++) {
            const rm_sens_param *prm = &s->params[order[i]];
            if (!rm_sensitivity_curved(s, k, order[i]))
                continue;
            char curve[2048] = "", label[256];
            for (int j = 0; j < prm->nruns; j++) {
                rm_sens_cell c;
                rm_sensitivity_cell(s, k, prm->runs[j], &c);
                char v[48], n[64], pair[160];
                snprintf(v, sizeof v, "%s", s->runs[prm->runs[j]].text);
                rm_decimal_in(v, sizeof v, lang);
                rm_say_number(c.mean, lang, n, sizeof n);
                snprintf(pair, sizeof pair, rm_word(lang, "sensitivity.curve_point"), v, n);
                size_t used = strlen(curve);
                snprintf(curve + used, sizeof curve - used, "%s%s", j ? ", " : "", pair);
            }
            rm_shown(prm->label, prm->name, label, sizeof label);
            fprintf(out, rm_word(lang, "sensitivity.curve"), label, curve);
            fputc('\n', out);
        }
    }
    if (s->nleft_out > 0)
        fprintf(out, "\n%s\n", rm_sensitivity_left_out_words(s, lang, line, sizeof line));
    free(names);
    free(order);
    free(bars);
}
