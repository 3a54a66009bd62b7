/* Slips a model should not hide: what the numbers of a run say about the
 * model itself rather than about the organization. Items left waiting when
 * a line closes (they wait until the next opening), a run in which nothing
 * arrives (a horizon written in the wrong unit), a tool step nobody
 * reaches, a role nobody keeps busy, a step that takes no time but needs a
 * person (a routing step written with a role: it makes a line and a share
 * of time out of nothing). They are told, never fatal: a warning changes no
 * exit code. A variant's warning already true of the baseline is said once. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fragility.h"
#include "labels.h"
#include "results.h"
#include "words.h"

/* Fewer people left per closing than this (one every other day) are not
 * told: a line that now and then keeps someone past closing is no slip. */
#define LEFT_AT_CLOSING_MIN 0.5

typedef enum { W_NOTHING_ARRIVES, W_LEFT_AT_CLOSING, W_TOOL_STEP_UNREACHED, W_ROLE_NEVER_BUSY, W_ZERO_STEP_WITH_ROLE,
               W_VARIANT } wkind;

/* The words of each kind, in the catalogs (scripts/lang/): printf formats
 * of the element's name (and a figure). */
static const char *const word_key[] = {
    [W_NOTHING_ARRIVES] = RM_WORD_KEY("warnings.nothing_arrives"),
    [W_LEFT_AT_CLOSING] = RM_WORD_KEY("warnings.left_at_closing"),
    [W_TOOL_STEP_UNREACHED] = RM_WORD_KEY("warnings.tool_step_unreached"),
    [W_ROLE_NEVER_BUSY] = RM_WORD_KEY("warnings.role_never_busy"),
    [W_ZERO_STEP_WITH_ROLE] = RM_WORD_KEY("warnings.zero_step_with_role"),
    [W_VARIANT] = RM_WORD_KEY("warnings.with_variant"),
};

typedef struct wlist {
    char **lines;
    int n, cap;
    int oom;
} wlist;

static void add(wlist *w, const char *text) {
    if (w->oom)
        return;
    if (w->n == w->cap) {
        int cap = w->cap ? 2 * w->cap : 8;
        char **l = realloc(w->lines, (size_t)cap * sizeof *l);
        if (!l) {
            w->oom = 1;
            return;
        }
        w->lines = l;
        w->cap = cap;
    }
    if (!(w->lines[w->n] = strdup(text)))
        w->oom = 1;
    else
        w->n++;
}

/* The summary mean of a metric, NaN when absent or never observed. */
static double mean_of(const remous_results *res, const char *element, const char *name, const char *metric) {
    remous_summary_row r;
    if (remous_results_find(res, element, name, metric, &r) < 0 || r.n == 0)
        return NAN;
    return r.mean;
}

/* A step that always takes no time (a hook's duration is not known here). */
static int takes_no_time(const rm_activity *a) {
    return a->duration.hook == RM_NO_HOOK && rm_dist_always_zero(&a->duration.dist);
}

/* Whether warning (kind, name) holds for run res; *figure for the closings. */
static int holds(const remous_results *res, wkind kind, const char *name, double *figure) {
    const rm_model *m = res->model;
    switch (kind) {
    case W_NOTHING_ARRIVES: {                    /* (a horizon of 12 minutes meant as 12 weeks) */
        int streams = 0;
        for (int s = 0; s < m->narrivals; s++) {
            if (m->arrivals[s].hidden)
                continue;
            streams++;
            if (!(mean_of(res, "arrivals", m->arrivals[s].name, "arrived") == 0))
                return 0;
        }
        return streams > 0;
    }
    case W_LEFT_AT_CLOSING:
        *figure = mean_of(res, "queue", name, "waiting_at_closing");
        return *figure >= LEFT_AT_CLOSING_MIN;
    case W_TOOL_STEP_UNREACHED:
        for (int a = 0; a < m->nactivities; a++)
            if (m->activities[a].tool >= 0 && strcmp(m->activities[a].name, name) == 0)
                return mean_of(res, "activity", name, "reached") == 0;
        return 0;
    case W_ROLE_NEVER_BUSY:
        for (int r = 0; r < m->nroles; r++) {
            if (strcmp(m->roles[r].name, name) != 0 || m->roles[r].count == 0)
                continue;
            double u = mean_of(res, "role", name, "utilization");   /* NaN: no working time at all */
            if (!((u == 0 || isnan(u)) && !(mean_of(res, "role", name, "overtime") > 0)))
                return 0;
            for (int a = 0; a < m->nactivities; a++)      /* its steps done, in no time: the step's slip */
                for (int k = 0; k < m->activities[a].nroles; k++)
                    if (m->activities[a].roles[k] == r && mean_of(res, "activity", m->activities[a].name, "completed") > 0)
                        return 0;
            return 1;
        }
        return 0;
    case W_ZERO_STEP_WITH_ROLE:
        for (int a = 0; a < m->nactivities; a++)
            if (strcmp(m->activities[a].name, name) == 0)
                return m->activities[a].nroles > 0 && takes_no_time(&m->activities[a]);
        return 0;
    case W_VARIANT:
        break;
    }
    return 0;
}

/* The warnings of run v of cmp (0: the baseline) into w, naming elements by
 * their labels when `labelled` (for people reading a report), else by the
 * names the scenario file uses (for the facilitator who edits it). */
static void warn_run(const rm_comparison *cmp, int v, const char *lang, int labelled, wlist *w) {
    const remous_results *res = cmp->results[v], *base = cmp->results[0];
    const rm_model *m = res->model;
    char text[1024], figure[32], line[1200];
    for (int kind = 0; kind < W_VARIANT; kind++) {
        int count = kind == W_NOTHING_ARRIVES ? 1 : kind == W_LEFT_AT_CLOSING ? m->nqueues
                  : kind == W_ROLE_NEVER_BUSY ? m->nroles : m->nactivities;
        for (int i = 0; i < count; i++) {
            const char *name = kind == W_NOTHING_ARRIVES ? m->name : kind == W_LEFT_AT_CLOSING ? m->queues[i].name
                             : kind == W_ROLE_NEVER_BUSY ? m->roles[i].name : m->activities[i].name;
            double f = NAN, fb = NAN;
            if (!holds(res, (wkind)kind, name, &f))
                continue;
            if (v > 0 && holds(base, (wkind)kind, name, &fb))
                continue;                        /* said of the baseline already */
            snprintf(figure, sizeof figure, f >= 10 ? "%.0f" : "%.1f", f);
            rm_decimal_in(figure, sizeof figure, lang);
            const char *format = rm_word(lang, word_key[kind]);
            const char *element = kind == W_LEFT_AT_CLOSING ? "queue" : kind == W_ROLE_NEVER_BUSY ? "role" : "activity";
            char shown[512], run[512];
            if (labelled)
                name = rm_label_of(m, element, name, lang, shown, sizeof shown);
            if (kind == W_NOTHING_ARRIVES) {         /* the horizon, in words: "12 minutes" */
                char horizon[64];
                if (m->horizon * m->unit_seconds >= 86400)  /* a day or more: not a unit's slip */
                    format = rm_word(lang, "warnings.nothing_arrives_check");
                snprintf(text, sizeof text, format, rm_fragility_duration(m, m->horizon, lang, horizon, sizeof horizon));
            } else if (kind == W_LEFT_AT_CLOSING)
                snprintf(text, sizeof text, format, name, figure);
            else
                snprintf(text, sizeof text, format, name);
            const char *variant = labelled ? rm_variant_label(m, res->variant, lang, run, sizeof run)
                                           : res->variant;
            if (v > 0)
                snprintf(line, sizeof line, rm_word(lang, word_key[W_VARIANT]), variant, text);
            else
                snprintf(line, sizeof line, "%s", text);
            add(w, line);
        }
    }
}

int rm_warnings(const rm_comparison *cmp, const char *lang, int labelled, char ***out) {
    wlist w = {NULL, 0, 0, 0};
    for (int v = 0; v < cmp->n; v++)
        warn_run(cmp, v, lang, labelled, &w);
    if (w.oom) {
        for (int i = 0; i < w.n; i++)
            free(w.lines[i]);
        free(w.lines);
        return -1;
    }
    *out = w.lines;
    return w.n;
}

void remous_print_warnings(const remous_comparison *cmp, FILE *out) {
    char **lines = NULL;
    int n = rm_warnings(cmp, cmp->sc->lang, 0, &lines);   /* in the language of --lang */
    for (int i = 0; i < n; i++) {
        fprintf(out, rm_word(cmp->sc->lang, "warnings.line"), cmp->sc->path, lines[i]);
        free(lines[i]);
    }
    free(lines);
}

int remous_check(remous_scenario *sc, FILE *out, char *err, size_t errlen) {
    int reps = sc->replications, progress = sc->show_progress;
    sc->replications = 1;
    sc->show_progress = 0;
    int rc;
    if (sc->nmodels > 1) {
        remous_comparison *cmp = NULL;
        if ((rc = remous_compare(sc, &cmp, err, errlen)) == REMOUS_OK)
            remous_print_warnings(cmp, out);
        remous_comparison_free(cmp);
    } else {
        remous_results *res = NULL;
        if ((rc = remous_run(sc, &res, err, errlen)) == REMOUS_OK)
            remous_print_run_warnings(res, out);
        remous_results_free(res);
    }
    sc->replications = reps;
    sc->show_progress = progress;
    return rc;
}

void remous_print_run_warnings(const remous_results *res, FILE *out) {
    remous_results *one = (remous_results *)res;
    rm_comparison cmp = {.sc = res->sc, .results = &one, .n = 1};
    remous_print_warnings(&cmp, out);
}
