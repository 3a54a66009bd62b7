/* The side-effect digest: the changes of a variant against the baseline
 * that are real and matter, largest relative change first, as sentences a
 * team can read aloud, in English or French. New elements (a queue the
 * tool creates) come first, with their level.
 *
 * Real: significant after Holm's correction over all the variant's
 * metrics (so that a variant with no effect lists nothing 95 times in 100).
 * Matters: at least rm_thresholds' relative size and its floor for the
 * kind of figure. Shares speak in points, counts per week (per day under a
 * two-week horizon), a change from a tiny base without a percentage, and a
 * fact once (a queue's count that is its stream's, replication by
 * replication, is said as the stream's). rm_digest_mark decides, once,
 * and compare.csv's `listed` shows it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "labels.h"
#include "results.h"
#include "scenario.h"

/* TIME: a mean duration; TOTAL: time summed over the period (overtime),
 * said per week; COUNT: items over the period, said per week; LEVEL: people
 * at a time, on average; SHARE: a fraction, said in points. */
typedef enum { TIME, TOTAL, COUNT, LEVEL, SHARE } quantity;

/* What the digest says of each metric: its words and how it is measured. */
static const struct {
    const char *element, *metric, *en, *fr;
    quantity q;
} words[] = {
    {"queue", "wait_mean", "mean wait", "attente moyenne", TIME},
    {"queue", "wait_p90", "wait of 9 people in 10", "attente de 9 personnes sur 10", TIME},
    {"queue", "length_mean_open", "people waiting while it is open, on average",
     "personnes en attente pendant les heures d'ouverture, en moyenne", LEVEL},
    {"queue", "abandoned", "people who gave up waiting", "personnes parties avant leur tour", COUNT},
    {"queue", "balked", "people turned away (line full)", "personnes refoulées (file pleine)", COUNT},
    {"queue", "waiting_at_closing", "people still waiting at closing time who give up before it opens",
     "personnes encore en attente à la fermeture, qui renoncent avant la réouverture", LEVEL},
    {"role", "utilization", "busy share of working time", "part du temps de travail occupée", SHARE},
    {"role", "share_", "time on ", "temps consacré à ", SHARE},
    {"role", "overtime", "overtime", "heures supplémentaires", TOTAL},
    {"activity", "completed", "times done", "réalisations", COUNT},
    {"activity", "duration_mean", "mean duration", "durée moyenne", TIME},
    {"activity", "top_person_share", "share done by its busiest person", "part faite par la personne la plus sollicitée", SHARE},
    {"arrivals", "completed", "journeys completed", "parcours terminés", COUNT},
    {"arrivals", "abandoned", "people who gave up", "abandons", COUNT},
    {"arrivals", "balked", "people turned away", "personnes refoulées", COUNT},
    {"arrivals", "wait_mean", "total wait per person", "attente totale par personne", TIME},
    {"arrivals", "cycle_time_mean", "time from arrival to exit", "temps de l'arrivée à la sortie", TIME},
    {"arrivals", "deadline_missed", "deadlines missed", "échéances manquées", COUNT},
    {"arrivals", "uptake", "share who take a tool's way", "part qui passe par un outil", SHARE},
    {"tool", "uptake", "share of the public who use it", "part du public qui l'utilise", SHARE},
    {"tool", "adoption", "share of the staff who use it", "part de l'équipe qui l'utilise", SHARE},
};

static const struct { const char *element, *en, *fr, *fr_new; } subjects[] = {
    {"queue", "queue", "file", "nouvelle"}, {"role", "role", "rôle", "nouveau"},
    {"activity", "step", "étape", "nouvelle"}, {"arrivals", "arrivals", "arrivées", "nouvelles"},
    {"tool", "tool", "outil", "nouvel"},
};

/* The words of (element, metric), or -1 when the digest leaves it out. */
static int words_of(const char *element, const char *metric) {
    if (strcmp(metric, "share_idle") == 0)
        return -1;                               /* the mirror of utilization */
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i].metric);
        int prefix = words[i].metric[n - 1] == '_';
        if (strcmp(words[i].element, element) == 0 &&
            (prefix ? strncmp(metric, words[i].metric, n) == 0 : strcmp(metric, words[i].metric) == 0))
            return (int)i;
    }
    return -1;
}

static const char *unit_words(const char *unit, int fr) {
    if (strcmp(unit, "second") == 0) return fr ? " secondes" : " seconds";
    if (strcmp(unit, "hour") == 0) return fr ? " heures" : " hours";
    return " minutes";
}

/* A figure with 2 significant digits (whole from 100 on); French uses a
 * decimal comma. */
static void figure(char *buf, size_t len, double v, int fr) {
    if (fabs(v) >= 99.5)                         /* (%.2g would write 1e+02) */
        snprintf(buf, len, "%.0f", v);
    else
        snprintf(buf, len, "%.2g", v);
    if (fr)
        for (char *c = buf; *c; c++)
            if (*c == '.')
                *c = ',';
}

/* The words of a sentence that are not a metric's, per language. */
static const struct {
    const char *up, *down, *rate_week, *rate_day, *percent, *points;
    const char *none_before, *from_to, *in_points, *in_percent;
} say[2] = {
    {"up", "down", " a week", " a day", "%", " points",
     "%s: %s: %s, none before (±%s%s)",
     "%s: %s: from %s to %s (±%s%s)",
     "%s: %s: %s %s points (%s → %s, ±%s points)",
     "%s: %s: %s %s%% (%s → %s, ±%s%s)"},
    {"en hausse", "en baisse", " par semaine", " par jour", " %", " points",
     "%s : %s : %s, contre zéro avant (±%s%s)",
     "%s : %s : de %s à %s (±%s%s)",
     "%s : %s : %s de %s points (%s → %s, ±%s points)",
     "%s : %s : %s de %s %% (%s → %s, ±%s%s)"},
};

/* Counts and totals over the measured period are said per week, per day
 * when the horizon is under two weeks, as they are under a day: returns the
 * factor; *rate (unless NULL) gets the rate's words ("" under a day). */
static double rate_factor(const rm_model *m, const char **rate, int fr) {
    double span = m->horizon - m->warmup, day = 86400 / m->unit_seconds;
    int per = m->horizon >= 14 * day ? 7 : m->horizon >= day ? 1 : 0;
    if (rate)
        *rate = per == 7 ? say[fr].rate_week : per == 1 ? say[fr].rate_day : "";
    return per && span > 0 ? per * day / span : 1;
}

/* The factor that turns a count over the measured period into a count per week. */
static double week_factor(const rm_model *m) {
    double span = m->horizon - m->warmup;
    return span > 0 ? 7 * 86400 / m->unit_seconds / span : 1;
}

/* A value of quantity q in the unit it is said in: a share in percent, a
 * count or total per week (or day). */
static double spoken(double v, quantity q, const rm_model *m) {
    if (q == SHARE)
        return 100 * v;
    return q == COUNT || q == TOTAL ? v * rate_factor(m, NULL, 0) : v;
}

/* What follows a figure of quantity q: "%", " minutes", " minutes a week",
 * " a week"; `rate` 0 leaves out the rate. */
static void unit_of(char *buf, size_t len, quantity q, const rm_model *m, int rate, int fr) {
    const char *r;
    rate_factor(m, &r, fr);
    if (!rate || (q != COUNT && q != TOTAL))
        r = "";
    snprintf(buf, len, "%s%s", q == SHARE ? say[fr].percent : q == TIME || q == TOTAL ? unit_words(m->unit, fr) : "", r);
}

/* The value as it is said, with its unit (and its rate when `rate`). */
static void shown(char *buf, size_t len, double v, quantity q, const rm_model *m, int rate, int fr) {
    char f[32], u[64];
    figure(f, sizeof f, spoken(v, q, m), fr);
    unit_of(u, sizeof u, q, m, rate, fr);
    snprintf(buf, len, "%s%s", f, u);
}

/* The smallest change of quantity q that matters, in the metric's own
 * terms (a count over the measured period, a fraction, the model's unit). */
static double floor_of(quantity q, const rm_model *m, const rm_thresholds *t) {
    double minutes = t->minutes * 60 / m->unit_seconds;
    switch (q) {
    case TIME: return minutes;
    case TOTAL: return minutes / week_factor(m);
    case COUNT: return t->per_week / week_factor(m);
    case LEVEL: return t->people;
    case SHARE: return t->points / 100;
    }
    return 0;
}

/* "queue “the counter”" / "file « the counter »": the element's label in
 * model m (its name where it has none). */
static void subject(char *buf, size_t len, const rm_model *m, const char *element, const char *name, int fr) {
    const char *word = element;
    for (size_t i = 0; i < sizeof subjects / sizeof subjects[0]; i++)
        if (strcmp(subjects[i].element, element) == 0)
            word = fr ? subjects[i].fr : subjects[i].en;
    char label[256];
    rm_label_of(m, element, name, fr ? "fr" : "en", label, sizeof label);
    snprintf(buf, len, fr ? "%s « %s »" : "%s “%s”", word, label);
}

/* Whether model m has the kind. */
static int has_kind(const rm_model *m, const char *kind) {
    for (int k = 0; m && k < m->nkinds; k++)
        if (strcmp(m->kinds[k], kind) == 0)
            return 1;
    return 0;
}

/* "time on advising readers" from the words and the metric (share_core):
 * the kind's label in model m, or in `other` when m has no such kind (a
 * kind the variant no longer has: the baseline's words). */
static void what2(char *buf, size_t len, const rm_model *m, const rm_model *other, int w, const char *metric, int fr) {
    const char *base = fr ? words[w].fr : words[w].en;
    size_t n = strlen(words[w].metric);
    char kind[256] = "";
    if (words[w].metric[n - 1] == '_')
        rm_kind_label(has_kind(m, metric + n) || !other ? m : other, metric + n, fr ? "fr" : "en", kind, sizeof kind);
    snprintf(buf, len, "%s%s", base, kind);
}

static void what(char *buf, size_t len, const rm_model *m, int w, const char *metric, int fr) {
    what2(buf, len, m, NULL, w, metric, fr);
}

const char *rm_metric_words(const rm_model *m, const char *element, const char *metric, const char *lang,
                            char *buf, size_t len) {
    if (rm_cost_metric(element, metric))
        return rm_cost_words(m, element, metric, lang, buf, len);
    int w = words_of(element, metric);
    if (w < 0)
        return rm_shown(NULL, metric, buf, len);
    what(buf, len, m, w, metric, lang && strcmp(lang, "fr") == 0);
    return buf;
}

typedef struct line {
    double key;               /* sorts the digest: largest first */
    int order;                /* then as found: the same order on any libc */
    char *text;
} line;

static int by_key(const void *a, const void *b) {
    const line *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? 1 : -1;
    return x->order - y->order;
}

/* The sentence for one listed change, in the words of model m (the
 * variant's), or of the baseline's `base` for a kind m no longer has; a
 * baseline below `tiny` (the floor) gets no percentage. */
static char *change_sentence(const rm_delta *d, int w, const rm_model *m, const rm_model *base, double tiny, int fr) {
    char subj[300], wh[300], before[128], var[128], ci[64], ci_unit[64], pct[32], out[1024];
    quantity q = words[w].q;
    subject(subj, sizeof subj, m, d->element, d->name, fr);
    what2(wh, sizeof wh, m, base, w, d->metric, fr);
    figure(ci, sizeof ci, spoken(d->half, q, m), fr);
    snprintf(ci_unit, sizeof ci_unit, "%s", q == SHARE ? say[fr].points : "");
    const char *way = d->delta > 0 ? say[fr].up : say[fr].down;
    if (isnan(d->relative)) {                    /* from nothing */
        shown(var, sizeof var, d->variant_mean, q, m, 1, fr);
        snprintf(out, sizeof out, say[fr].none_before, subj, wh, var, ci, ci_unit);
    } else if (q == SHARE) {                     /* in points, never in percent of a percent */
        figure(pct, sizeof pct, 100 * fabs(d->delta), fr);
        shown(before, sizeof before, d->baseline_mean, q, m, 0, fr);
        shown(var, sizeof var, d->variant_mean, q, m, 0, fr);
        snprintf(out, sizeof out, say[fr].in_points, subj, wh, way, pct, before, var, ci);
    } else if (fabs(d->baseline_mean) < tiny) {  /* a percentage of almost nothing says nothing */
        figure(before, sizeof before, spoken(d->baseline_mean, q, m), fr);
        shown(var, sizeof var, d->variant_mean, q, m, 1, fr);
        snprintf(out, sizeof out, say[fr].from_to, subj, wh, before, var, ci, ci_unit);
    } else {
        figure(pct, sizeof pct, 100 * fabs(d->relative), fr);
        shown(before, sizeof before, d->baseline_mean, q, m, 0, fr);
        shown(var, sizeof var, d->variant_mean, q, m, 1, fr);
        snprintf(out, sizeof out, say[fr].in_percent, subj, wh, way, pct, before, var, ci, ci_unit);
    }
    return strdup(out);
}

/* The sentence for an element the variant adds (a new queue, role, step). */
static char *new_sentence(const remous_results *res, int i, int w, int fr) {
    const rm_metric *e = &res->cat.m[i];
    char subj[300], wh[300], val[128], out[1024];
    const char *el = rm_element_name(e->element), *adjective = "nouvelle";
    for (size_t k = 0; k < sizeof subjects / sizeof subjects[0]; k++)
        if (strcmp(subjects[k].element, el) == 0)
            adjective = subjects[k].fr_new;
    subject(subj, sizeof subj, res->model, el, e->name, fr);
    what(wh, sizeof wh, res->model, w, e->metric, fr);
    shown(val, sizeof val, res->mean[i], words[w].q, res->model, 1, fr);
    if (fr)
        snprintf(out, sizeof out, "%s %s : %s : %s", adjective, subj, wh, val);
    else
        snprintf(out, sizeof out, "new %s: %s: %s", subj, wh, val);
    return strdup(out);
}

/* Whether a tool's uptake or adoption says something: the scenario set it
 * (an uptake, or an adoption below 1 for someone), rather than everyone. */
static int tool_told(const rm_model *m, const rm_metric *e) {
    for (int t = 0; t < m->ntools; t++) {
        const rm_tool *tool = &m->tools[t];
        if (strcmp(tool->name, e->name) != 0)
            continue;
        if (strcmp(e->metric, "uptake") == 0)
            return tool->has_uptake;
        for (int r = 0; r < m->nroles; r++)
            if (tool->adoption[r] < 1)
                return 1;
        return 0;
    }
    return 0;
}

/* Whether the baseline has the element of metric e at all. */
static int baseline_has(const remous_results *base, const rm_metric *e) {
    for (int i = 0; i < base->cat.n; i++)
        if (base->cat.m[i].element == e->element && strcmp(base->cat.m[i].name, e->name) == 0)
            return 1;
    return 0;
}

/* The value of metric i of res in replication r; NaN where absent, 0 for
 * i == -1 (a share of a kind it does not have). */
static double value_at(const remous_results *res, int i, int r) {
    return i < 0 ? 0 : res->values[(size_t)r * (size_t)res->cat.n + (size_t)i];
}

/* Whether rows d and e are the same figures replication by replication, in
 * the baseline and in the variant. */
static int same_figures(const remous_results *base, const remous_results *var, const rm_delta *d, const rm_delta *e) {
    for (int r = 0; r < base->reps && r < var->reps; r++) {
        double a = value_at(base, d->ib, r), b = value_at(base, e->ib, r);
        double x = value_at(var, d->iv, r), y = value_at(var, e->iv, r);
        if (!(a == b || (isnan(a) && isnan(b))) || !(x == y || (isnan(x) && isnan(y))))
            return 0;
    }
    return 1;
}

/* Whether row d says again what another row of the same variant says, with
 * the same figures replication by replication: a queue's or a step's count
 * that is its stream's (the stream's people who gave up are its only
 * queue's), said as the stream's, the fact about the people who come; a
 * role's time on its only kind, said as its busy share. */
static int said_elsewhere(const rm_comparison *cmp, const remous_results *var, const rm_delta *d) {
    int count = (strcmp(d->element, "queue") == 0 || strcmp(d->element, "activity") == 0) &&
                words[words_of(d->element, d->metric)].q == COUNT;
    int share = strcmp(d->element, "role") == 0 && strncmp(d->metric, "share_", 6) == 0;
    if (!count && !share)
        return 0;
    for (int k = 0; k < cmp->nrows; k++) {
        const rm_delta *e = &cmp->rows[k];
        if (e->variant != d->variant)
            continue;
        int other = count ? strcmp(e->element, "arrivals") == 0 && strcmp(e->metric, d->metric) == 0
                          : strcmp(e->element, "role") == 0 && strcmp(e->name, d->name) == 0 &&
                                strcmp(e->metric, "utilization") == 0;
        if (other && same_figures(cmp->results[0], var, d, e))
            return 1;
    }
    return 0;
}

/* Whether a stream's uptake is a tool's, replication by replication (a
 * stream with one tool): said once, as the tool's. */
static int said_by_a_tool(const remous_results *var, const rm_delta *d) {
    for (int i = 0; i < var->cat.n; i++) {
        if (var->cat.m[i].element != RM_EL_TOOL || strcmp(var->cat.m[i].metric, "uptake") != 0)
            continue;
        int r = 0;
        for (; r < var->reps; r++) {
            double a = value_at(var, i, r), b = value_at(var, d->iv, r);
            if (!(a == b || (isnan(a) && isnan(b))))
                break;
        }
        if (r == var->reps)
            return 1;
    }
    return 0;
}

/* Whether the digest states row d (of variant var): a metric it speaks of,
 * significant after the correction, at least the thresholds, said once. */
static int worth_saying(const rm_comparison *cmp, const remous_results *var, const rm_delta *d, const rm_thresholds *t) {
    if (rm_cost_metric(d->element, d->metric))
        return rm_cost_worth_saying(cmp, var, d, t);
    int w = words_of(d->element, d->metric);
    if (w < 0 || !(d->p_holm <= 0.05))
        return 0;
    if (strcmp(d->metric, "uptake") == 0 && !var->model->has_uptake)
        return 0;                                /* everyone takes the tool's way: nothing to tell */
    double floor = floor_of(words[w].q, var->model, t);
    if (fabs(d->delta) < floor || (!isnan(d->relative) && fabs(d->relative) < t->relative))
        return 0;
    if (strcmp(d->element, "arrivals") == 0 && strcmp(d->metric, "uptake") == 0)
        return !said_by_a_tool(var, d);
    return !said_elsewhere(cmp, var, d);
}

void rm_digest_mark(rm_comparison *cmp, int v, const rm_thresholds *t) {
    const remous_results *var = cmp->results[v];
    for (int k = 0; k < cmp->nrows; k++) {
        rm_delta *d = &cmp->rows[k];
        if (d->variant == var->variant)
            d->listed = worth_saying(cmp, var, d, t);
    }
}

/* The digest of variant v (1 <= v < cmp->n) as lines, largest change first;
 * returns how many (the caller frees each and the array), -1 when out of
 * memory. */
int rm_digest(const rm_comparison *cmp, int v, const char *lang, char ***out) {
    int fr = lang && strcmp(lang, "fr") == 0;
    const remous_results *base = cmp->results[0], *var = cmp->results[v];
    line *lines = calloc((size_t)(cmp->nrows + var->cat.n + 1), sizeof *lines);
    if (!lines)
        return -1;
    int n = 0;
    for (int i = 0; i < var->cat.n; i++) {       /* what the variant adds, when it is something */
        const rm_metric *e = &var->cat.m[i];
        const char *el = rm_element_name(e->element);
        int main_metric = (e->element == RM_EL_QUEUE && strcmp(e->metric, "wait_mean") == 0) ||
                          (e->element == RM_EL_ROLE && strcmp(e->metric, "utilization") == 0) ||
                          (e->element == RM_EL_ACTIVITY && strcmp(e->metric, "completed") == 0) ||
                          (e->element == RM_EL_TOOL && tool_told(var->model, e));
        int w = words_of(el, e->metric);
        if (!main_metric || w < 0 || var->n[i] == 0 || baseline_has(base, e))
            continue;
        /* a role nobody calls on, a step (almost) never done: nothing new to
         * tell (a new queue's short wait is news: someone was served) */
        if ((e->element == RM_EL_ROLE || e->element == RM_EL_ACTIVITY) &&
            !(fabs(var->mean[i]) >= floor_of(words[w].q, var->model, &cmp->sc->min_change)))
            continue;
        lines[n].key = INFINITY;
        lines[n].order = n;
        lines[n++].text = new_sentence(var, i, w, fr);
    }
    for (int k = 0; k < cmp->nrows; k++) {       /* what it changes, really and enough */
        const rm_delta *d = &cmp->rows[k];
        if (d->variant != var->variant || !d->listed)
            continue;
        int w = words_of(d->element, d->metric);
        lines[n].key = isnan(d->relative) ? 1e300 : fabs(d->relative);
        lines[n].order = n;
        if (w < 0)                               /* a cost figure */
            lines[n++].text = rm_cost_sentence(cmp, d, lang);
        else
            lines[n++].text = change_sentence(d, w, var->model, base->model,
                                              floor_of(words[w].q, var->model, &cmp->sc->min_change), fr);
    }
    qsort(lines, (size_t)n, sizeof *lines, by_key);
    for (int k = 0; k < n; k++)
        if (!lines[k].text) {                    /* strdup failed */
            for (int j = 0; j < n; j++)
                free(lines[j].text);
            free(lines);
            return -1;
        }
    char **texts = calloc((size_t)n + 1, sizeof *texts);
    if (!texts) {
        for (int k = 0; k < n; k++)
            free(lines[k].text);
        free(lines);
        return -1;
    }
    for (int k = 0; k < n; k++)
        texts[k] = lines[k].text;
    free(lines);
    *out = texts;
    return n;
}

/* What the rule says, per language: the relative size, then the floors
 * of a time, a share, a count (with its rate) and people waiting. */
static const char *const rule[2] = {
    "A change is listed when it is significant after Holm's correction across all the variant's figures "
    "(at 5%%: a variant with no effect lists nothing 19 times in 20) and large enough to matter: at least "
    "%s%% of the baseline, and at least, for a time: %s min; a share: %s pt; a count: %s%s; people "
    "waiting: %s.",
    "Un changement est listé s'il est significatif après la correction de Holm sur tous les chiffres de la "
    "variante (à 5 %% : une variante sans effet ne liste rien 19 fois sur 20) et assez grand pour compter : "
    "au moins %s %% de la situation actuelle, et au moins, pour une durée : %s min ; une part : %s pt ; un "
    "décompte : %s%s ; des personnes en attente : %s.",
};

const char *rm_digest_rule(const rm_comparison *cmp, const char *lang, char *buf, size_t len) {
    int fr = lang && strcmp(lang, "fr") == 0;
    const rm_thresholds *t = &cmp->sc->min_change;
    const rm_model *m = cmp->results[0]->model;
    const char *rate;
    double per = rate_factor(m, &rate, fr) / week_factor(m);    /* a week's count in the rate's terms */
    char rel[32], minutes[32], points[32], count[32], people[32];
    figure(rel, sizeof rel, 100 * t->relative, fr);
    figure(minutes, sizeof minutes, t->minutes, fr);
    figure(points, sizeof points, t->points, fr);
    figure(count, sizeof count, t->per_week * per, fr);
    figure(people, sizeof people, t->people, fr);
    snprintf(buf, len, rule[fr], rel, minutes, points, count, rate, people);
    return buf;
}

void remous_print_digest(const remous_comparison *cmp, FILE *out, const char *lang) {
    int fr = lang && strcmp(lang, "fr") == 0;
    for (int v = 1; v < cmp->n; v++) {
        const remous_results *var = cmp->results[v];
        char label[256];
        rm_variant_label(var->model, var->variant, lang, label, sizeof label);
        fprintf(out, fr ? "%sCe qui change avec « %s » (par rapport à la situation actuelle, %d réplications, "
                          "intervalles à 95 %%) :\n"
                        : "%sWhat changes with “%s” (against the baseline, %d replications, 95%% intervals):\n",
                v > 1 ? "\n" : "", label, var->reps);
        char **lines;
        int n = rm_digest(cmp, v, lang, &lines);
        if (n == 0)
            fputs(fr ? "  aucun changement significatif\n" : "  no significant change\n", out);
        for (int k = 0; k < n; k++) {
            fprintf(out, "  - %s\n", lines[k]);
            free(lines[k]);
        }
        if (n >= 0)
            free(lines);
    }
}
