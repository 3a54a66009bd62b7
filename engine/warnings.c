/* Slips a model should not hide: what the numbers of a run say about the
 * model itself rather than about the organization. Items left waiting when
 * a line closes (they wait until the next opening), a tool step nobody
 * reaches, a role nobody keeps busy, a step that takes no time but needs a
 * person (a routing step written with a role: it makes a line and a share
 * of time out of nothing). They are told, never fatal: a warning changes no
 * exit code. A variant's warning already true of the baseline is said once. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "results.h"

/* Fewer people left per closing than this (one every other day) are not
 * told: a line that now and then keeps someone past closing is no slip. */
#define LEFT_AT_CLOSING_MIN 0.5

typedef enum { W_LEFT_AT_CLOSING, W_TOOL_STEP_UNREACHED, W_ROLE_NEVER_BUSY, W_ZERO_STEP_WITH_ROLE, W_VARIANT } wkind;

/* The words, per language (0 English, 1 French): printf formats of the
 * element's name (and a figure). */
static const struct { const char *in[2]; } words[] = {
    [W_LEFT_AT_CLOSING] = {{
        "queue \"%s\": when it closes, %s on average are still waiting there, and their patience runs out "
        "before it opens again (give its people the hours to finish, or stop arrivals earlier)",
        "file « %s » : à la fermeture, %s en moyenne y attendent encore, et leur patience s'épuise avant la "
        "réouverture (donnez à son équipe le temps de finir, ou arrêtez les arrivées plus tôt)"}},
    [W_TOOL_STEP_UNREACHED] = {{
        "step \"%s\" of a tool is never reached in the run: check the routes that lead to it",
        "l'étape « %s » d'un outil n'est jamais atteinte : vérifiez les chemins qui y mènent"}},
    [W_ROLE_NEVER_BUSY] = {{
        "role \"%s\" is never busy in the run: no step it does is reached, or it never works",
        "le rôle « %s » n'est jamais occupé : aucune étape qu'il fait n'est atteinte, ou il ne travaille jamais"}},
    [W_ZERO_STEP_WITH_ROLE] = {{
        "step \"%s\" takes no time but needs a person: what reaches it waits for someone free, for nothing, and its "
        "kind shows as a share of time; to route items, remove its role (a step without a role is a pure delay)",
        "l'étape « %s » ne prend aucun temps mais demande une personne : ce qui y arrive attend quelqu'un de libre, "
        "pour rien, et son type de travail apparaît comme une part du temps ; pour orienter, retirez son rôle (une "
        "étape sans rôle est un simple délai)"}},
    [W_VARIANT] = {{"with \"%s\": %s", "avec « %s » : %s"}},
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
            if (!(mean_of(res, "role", name, "utilization") == 0 && mean_of(res, "role", name, "overtime") == 0))
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
static void warn_run(const rm_comparison *cmp, int v, int fr, int labelled, wlist *w) {
    const remous_results *res = cmp->results[v], *base = cmp->results[0];
    const rm_model *m = res->model;
    char text[1024], figure[32], line[1200];
    for (int kind = 0; kind < W_VARIANT; kind++) {
        int count = kind == W_LEFT_AT_CLOSING ? m->nqueues : kind == W_ROLE_NEVER_BUSY ? m->nroles : m->nactivities;
        for (int i = 0; i < count; i++) {
            const char *name = kind == W_LEFT_AT_CLOSING ? m->queues[i].name
                             : kind == W_ROLE_NEVER_BUSY ? m->roles[i].name : m->activities[i].name;
            double f = NAN, fb = NAN;
            if (!holds(res, (wkind)kind, name, &f))
                continue;
            if (v > 0 && holds(base, (wkind)kind, name, &fb))
                continue;                        /* said of the baseline already */
            snprintf(figure, sizeof figure, f >= 10 ? "%.0f" : "%.1f", f);
            if (fr)
                for (char *c = figure; *c; c++)
                    if (*c == '.')
                        *c = ',';
            const char *format = words[kind].in[fr];
            const char *element = kind == W_LEFT_AT_CLOSING ? "queue" : kind == W_ROLE_NEVER_BUSY ? "role" : "activity";
            char shown[512], run[512];
            if (labelled)
                name = rm_label_of(m, element, name, fr ? "fr" : "en", shown, sizeof shown);
            if (kind == W_LEFT_AT_CLOSING)
                snprintf(text, sizeof text, format, name, figure);
            else
                snprintf(text, sizeof text, format, name);
            const char *variant = labelled ? rm_variant_label(m, res->variant, fr ? "fr" : "en", run, sizeof run)
                                           : res->variant;
            if (v > 0)
                snprintf(line, sizeof line, words[W_VARIANT].in[fr], variant, text);
            else
                snprintf(line, sizeof line, "%s", text);
            add(w, line);
        }
    }
}

int rm_warnings(const rm_comparison *cmp, const char *lang, int labelled, char ***out) {
    int fr = lang && strcmp(lang, "fr") == 0;
    wlist w = {NULL, 0, 0, 0};
    for (int v = 0; v < cmp->n; v++)
        warn_run(cmp, v, fr, labelled, &w);
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
    int n = rm_warnings(cmp, "en", 0, &lines);
    for (int i = 0; i < n; i++) {
        fprintf(out, "remous: warning: %s: %s\n", cmp->sc->path, lines[i]);
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
    rm_comparison cmp = {res->sc, &one, 1, NULL, 0, NULL, 0};
    remous_print_warnings(&cmp, out);
}
