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
#include "headline.h"
#include "labels.h"
#include "words.h"
#include "results.h"
#include "scenario.h"
#include "words.h"

/* TIME: a mean duration; TOTAL: time summed over the period (overtime),
 * said per week; COUNT: items over the period, said per week; LEVEL: people
 * at a time, on average; SHARE: a fraction, said in points. */
typedef enum { TIME, TOTAL, COUNT, LEVEL, SHARE, PLAIN } quantity;   /* PLAIN: as it is */

/* What the digest says of each metric: its words and how it is measured. */
static const struct {
    const char *element, *metric, *key;
    quantity q;
    const char *per;          /* what a figure is per, when it is not plain ("per closing") */
} words[] = {
    {"queue", "wait_mean", RM_WORD_KEY("digest.metric.queue_wait_mean"), TIME, NULL},
    {"queue", "wait_p90", RM_WORD_KEY("digest.metric.queue_wait_p90"), TIME, NULL},
    {"queue", "length_mean_open", RM_WORD_KEY("digest.metric.queue_length_mean_open"), LEVEL, NULL},
    {"queue", "abandoned", RM_WORD_KEY("digest.metric.queue_abandoned"), COUNT, NULL},
    {"queue", "balked", RM_WORD_KEY("digest.metric.queue_balked"), COUNT, NULL},
    {"queue", "waiting_at_closing", RM_WORD_KEY("digest.metric.queue_waiting_at_closing"), LEVEL,
     RM_WORD_KEY("digest.per_closing")},
    {"role", "utilization", RM_WORD_KEY("digest.metric.role_utilization"), SHARE, NULL},
    {"role", "share_", RM_WORD_KEY("digest.metric.role_share_of"), SHARE, NULL},
    {"role", "overtime", RM_WORD_KEY("digest.metric.role_overtime"), TOTAL, NULL},
    {"activity", "completed", RM_WORD_KEY("digest.metric.activity_completed"), COUNT, NULL},
    {"activity", "duration_mean", RM_WORD_KEY("digest.metric.activity_duration_mean"), TIME, NULL},
    {"activity", "top_person_share", RM_WORD_KEY("digest.metric.activity_top_person_share"), SHARE, NULL},
    {"arrivals", "completed", RM_WORD_KEY("digest.metric.arrivals_completed"), COUNT, NULL},
    {"arrivals", "abandoned", RM_WORD_KEY("digest.metric.arrivals_abandoned"), COUNT, NULL},
    {"arrivals", "balked", RM_WORD_KEY("digest.metric.arrivals_balked"), COUNT, NULL},
    {"arrivals", "wait_mean", RM_WORD_KEY("digest.metric.arrivals_wait_mean"), TIME, NULL},
    {"arrivals", "wait_in_person_mean", RM_WORD_KEY("digest.metric.arrivals_wait_in_person_mean"), TIME, NULL},
    {"arrivals", "cycle_time_mean", RM_WORD_KEY("digest.metric.arrivals_cycle_time_mean"), TIME, NULL},
    {"arrivals", "deadline_missed", RM_WORD_KEY("digest.metric.arrivals_deadline_missed"), COUNT, NULL},
    {"arrivals", "uptake", RM_WORD_KEY("digest.metric.arrivals_uptake"), SHARE, NULL},
    {"tool", "uptake", RM_WORD_KEY("digest.metric.tool_uptake"), SHARE, NULL},
    {"tool", "adoption", RM_WORD_KEY("digest.metric.tool_adoption"), SHARE, NULL},
};

/* The words of a queue's metrics that speak of what waits there, when
 * it is not people: a tray of forms, a task's occurrences (rm_queue.holds). */
static const struct { const char *metric, *forms, *tasks; } held[] = {
    {"wait_p90", RM_WORD_KEY("digest.metric.queue_wait_p90_forms"), RM_WORD_KEY("digest.metric.queue_wait_p90_tasks")},
    {"length_mean_open", RM_WORD_KEY("digest.metric.queue_length_mean_open_forms"),
     RM_WORD_KEY("digest.metric.queue_length_mean_open_tasks")},
    {"balked", RM_WORD_KEY("digest.metric.queue_balked_forms"), RM_WORD_KEY("digest.metric.queue_balked_tasks")},
};

/* What waits in queue `name` of m (or of `other`, where m has none). */
static int holds(const rm_model *m, const rm_model *other, const char *name) {
    int h = rm_queue_holds(m, name);
    if (h < 0)
        h = rm_queue_holds(other, name);
    return h < 0 ? RM_HOLDS_PEOPLE : h;
}

/* The key of metric w's words for element `name`. */
static const char *key_of(const rm_model *m, const rm_model *other, int w, const char *name) {
    if (strcmp(words[w].element, "queue") != 0)
        return words[w].key;
    int h = holds(m, other, name);
    for (size_t i = 0; h != RM_HOLDS_PEOPLE && i < sizeof held / sizeof held[0]; i++)
        if (strcmp(held[i].metric, words[w].metric) == 0)
            return h == RM_HOLDS_FORMS ? held[i].forms : held[i].tasks;
    return words[w].key;
}

/* Each element's word before its label, and the sentence of a new one
 * (its word, its label, the metric's words, the figure: the adjective
 * agrees with the element's word in the language that needs it). */
static const struct { const char *element, *word, *added; } subjects[] = {
    {"queue", RM_WORD_KEY("digest.element.queue"), RM_WORD_KEY("digest.added.queue")},
    {"role", RM_WORD_KEY("digest.element.role"), RM_WORD_KEY("digest.added.role")},
    {"activity", RM_WORD_KEY("digest.element.activity"), RM_WORD_KEY("digest.added.activity")},
    {"arrivals", RM_WORD_KEY("digest.element.arrivals"), RM_WORD_KEY("digest.added.arrivals")},
    {"tool", RM_WORD_KEY("digest.element.tool"), RM_WORD_KEY("digest.added.tool")},
};

/* The index words_of gives a metric the scenario declares (element
 * "metric"): its words and quantity come from its declaration. */
#define DERIVED ((int)(sizeof words / sizeof words[0]))

/* The words of (element, metric), or -1 when the digest leaves it out. */
static int words_of(const char *element, const char *metric) {
    if (strcmp(element, "metric") == 0)
        return DERIVED;
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

/* A declared metric's quantity, from its unit: "share", "time" (or the
 * scenario's unit), "count", "people"; other words (a currency) are PLAIN. */
static const char *derived_unit(const rm_model *m, const char *name) {
    for (int k = 0; m && k < m->nderived; k++)
        if (strcmp(m->derived[k].name, name) == 0)
            return m->derived[k].unit;
    return "";
}

static quantity quantity_of(const rm_model *m, int w, const char *name) {
    if (w != DERIVED)
        return words[w].q;
    const char *u = derived_unit(m, name);
    size_t n = strlen(m->unit);
    if (strcmp(u, "share") == 0) return SHARE;
    if (strcmp(u, "count") == 0) return COUNT;
    if (strcmp(u, "people") == 0) return LEVEL;
    if (strcmp(u, "time") == 0 || (strncmp(u, m->unit, n) == 0 && (!u[n] || strcmp(u + n, "s") == 0))) return TIME;
    return PLAIN;
}

/* "value", or "value in EUR" for a unit the digest does not speak of. */
static void derived_what(char *buf, size_t len, const rm_model *m, const char *name, const char *lang) {
    if (quantity_of(m, DERIVED, name) == PLAIN && derived_unit(m, name)[0])
        snprintf(buf, len, rm_word(lang, "decision.value_in"), derived_unit(m, name));
    else
        snprintf(buf, len, "%s", rm_word(lang, "decision.value"));
}

/* The model's unit ("second", "minute", "hour") after the figure `said`:
 * singular or plural as lang agrees it (1 minute, 2 minutes; 1,5 minute). */
static const char *unit_words(const char *unit, const char *said, const char *lang) {
    int one = rm_said_singular(said, lang);
    if (strcmp(unit, "second") == 0)
        return one ? rm_word(lang, "number.unit.second") : rm_word(lang, "number.unit.seconds");
    if (strcmp(unit, "hour") == 0)
        return one ? rm_word(lang, "number.unit.hour") : rm_word(lang, "number.unit.hours");
    return one ? rm_word(lang, "number.unit.minute") : rm_word(lang, "number.unit.minutes");
}

/* The unit a time is said in (`per`: how many of the model's units make
 * one): the model's own, or a larger one for a long time, so that "4477
 * minutes" reads "3.1 days", as the diagram says it. */
typedef struct time_unit {
    double per;
    const char *one, *many;                      /* its words' keys; NULL: the model's unit */
} time_unit;

static const struct { double seconds; const char *one, *many; } larger_units[] = {
    {3600, RM_WORD_KEY("number.unit.hour"), RM_WORD_KEY("number.unit.hours")},
    {86400, RM_WORD_KEY("number.unit.day"), RM_WORD_KEY("number.unit.days")},
    {604800, RM_WORD_KEY("number.unit.week"), RM_WORD_KEY("number.unit.weeks")},
};

/* The unit time t (in the model's units) is said in: the largest of
 * hours, days and weeks of which it makes two or more, if larger than the
 * model's unit; else the model's unit. */
static time_unit time_unit_for(const rm_model *m, double t) {
    time_unit tu = {1, NULL, NULL};
    double s = fabs(t) * m->unit_seconds;
    for (size_t k = 0; k < sizeof larger_units / sizeof larger_units[0]; k++)
        if (larger_units[k].seconds > m->unit_seconds * 1.0001 && s >= 2 * larger_units[k].seconds * 0.9999)
            tu = (time_unit){larger_units[k].seconds / m->unit_seconds, larger_units[k].one, larger_units[k].many};
    return tu;
}

/* "1 point", "4.9 points" (the figure as said, then its word). */
static void in_points(char *buf, size_t len, const char *said, const char *lang) {
    snprintf(buf, len, "%s %s", said,
             rm_said_singular(said, lang) ? rm_word(lang, "number.point") : rm_word(lang, "number.points"));
}

/* A figure with 2 significant digits (whole from 100 on), with lang's
 * decimal mark and separator between thousands. */
static void figure(char *buf, size_t len, double v, const char *lang) {
    if (fabs(v) >= 99.5)                         /* (%.2g would write 1e+02) */
        rm_whole_number(buf, len, v);
    else
        snprintf(buf, len, "%.2g", v);
    rm_grouped_in(buf, len, lang);
}

/* Counts and totals over the measured period are said per week, per day
 * when the horizon is under two weeks, as they are under a day: returns the
 * factor; *rate (unless NULL) gets the rate's words ("" under a day). */
static double rate_factor(const rm_model *m, const char **rate, const char *lang) {
    double span = m->horizon - m->warmup, day = 86400 / m->unit_seconds;
    int per = m->horizon >= 14 * day ? 7 : m->horizon >= day ? 1 : 0;
    if (rate)
        *rate = per == 7 ? rm_word(lang, "digest.rate_week") : per == 1 ? rm_word(lang, "digest.rate_day") : "";
    return per && span > 0 ? per * day / span : 1;
}

/* The factor that turns a count over the measured period into a count per week. */
static double week_factor(const rm_model *m) {
    double span = m->horizon - m->warmup;
    return span > 0 ? 7 * 86400 / m->unit_seconds / span : 1;
}

/* A value of quantity q in the unit it is said in: a share in percent, a
 * count or total per week (or day); a time in tu (NULL: the model's unit). */
static double spoken(double v, quantity q, const rm_model *m, const time_unit *tu) {
    if (q == SHARE)
        return 100 * v;
    double x = q == COUNT || q == TOTAL ? v * rate_factor(m, NULL, NULL) : v;
    return tu && (q == TIME || q == TOTAL) ? x / tu->per : x;
}

/* The unit value v (of quantity q) is said in: a total of working time
 * (overtime a week) in hours at most, never "3.5 weeks a week". */
static time_unit unit_for(const rm_model *m, quantity q, double v) {
    if (q != TIME && q != TOTAL)
        return (time_unit){1, NULL, NULL};
    time_unit tu = time_unit_for(m, spoken(v, q, m, NULL));
    if (q == TOTAL && tu.per * m->unit_seconds > 3600 * 1.0001)
        tu = time_unit_for(m, 2 * 3600 / m->unit_seconds);   /* hours (or the model's unit, if larger) */
    return tu;
}

/* What follows the figure `said` of metric w: " minutes", " minutes a
 * week", " a week", " per closing"; `rate` 0 leaves out the rate. */
static void unit_of(char *buf, size_t len, int w, quantity q, const rm_model *m, const time_unit *tu, int rate,
                    const char *said, const char *lang) {
    const char *r;
    rate_factor(m, &r, lang);
    if (!rate || (q != COUNT && q != TOTAL))
        r = rate && w != DERIVED && words[w].per ? rm_word(lang, words[w].per) : "";
    const char *time = "";
    if (q == TIME || q == TOTAL)
        time = tu && tu->one ? rm_word(lang, rm_said_singular(said, lang) ? tu->one : tu->many)
                             : unit_words(m->unit, said, lang);
    snprintf(buf, len, "%s%s%s", q == TIME || q == TOTAL ? " " : "", time, r);
}

/* The value of metric w (of quantity q) as it is said, with its unit (a
 * time in tu, NULL: the model's unit) and its rate when `rate`. */
static void shown(char *buf, size_t len, double v, int w, quantity q, const rm_model *m, const time_unit *tu,
                  int rate, const char *lang) {
    char f[48], u[64], p[64];
    figure(f, sizeof f, spoken(v, q, m, tu), lang);
    unit_of(u, sizeof u, w, q, m, tu, rate, f, lang);
    if (q == SHARE)                              /* "46%", "46 %" */
        snprintf(p, sizeof p, rm_word(lang, "number.percent"), f);
    snprintf(buf, len, "%s%s", q == SHARE ? p : f, u);
}

/* A figure of a metric as people read it (results.h), with 3 significant
 * digits (whole from 1000 on): shares in percent, times with the model's
 * unit, counts and totals per week or day; without a model (a merge),
 * shares in percent and every other figure plain. */
const char *rm_metric_said(const rm_model *m, const char *element, const char *metric, double v, const char *lang,
                           char *buf, size_t len) {
    int w = rm_cost_metric(element, metric) ? -1 : words_of(element, metric);
    quantity q = w < 0 ? PLAIN : w == DERIVED ? (m ? quantity_of(m, DERIVED, metric) : PLAIN) : words[w].q;
    if (!m && q != SHARE)
        q = PLAIN;
    double x = q == PLAIN ? v : q == SHARE ? 100 * v : spoken(v, q, m, NULL);
    char f[48], u[64], p[64];
    if (fabs(x) >= 999.5)
        rm_whole_number(f, sizeof f, x);
    else
        snprintf(f, sizeof f, "%.3g", x);
    rm_decimal_in(f, sizeof f, lang);
    if (q == PLAIN) {
        snprintf(buf, len, "%s", f);
        return buf;
    }
    u[0] = '\0';
    if (m)
        unit_of(u, sizeof u, w, q, m, NULL, 1, f, lang);
    if (q == SHARE)                              /* "46.2%", "46,2 %" */
        snprintf(p, sizeof p, rm_word(lang, "number.percent"), f);
    snprintf(buf, len, "%s%s", q == SHARE ? p : f, u);
    return buf;
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
    case PLAIN: return 0;                        /* the relative size alone */
    }
    return 0;
}

/* "queue “the counter”" / "file « the counter »": the element's label in
 * model m (its name where it has none). */
static void subject(char *buf, size_t len, const rm_model *m, const char *element, const char *name, const char *lang) {
    const char *word = element;
    for (size_t i = 0; i < sizeof subjects / sizeof subjects[0]; i++)
        if (strcmp(subjects[i].element, element) == 0)
            word = rm_word(lang, subjects[i].word);
    if (strcmp(element, "metric") == 0)
        word = rm_word(lang, "decision.metric");
    char label[256];
    rm_label_of(m, element, name, lang, label, sizeof label);
    snprintf(buf, len, rm_word(lang, "digest.subject"), word, label);
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
static void what2(char *buf, size_t len, const rm_model *m, const rm_model *other, int w, const char *name,
                  const char *metric, const char *lang) {
    size_t n = strlen(words[w].metric);
    char kind[256] = "";
    if (words[w].metric[n - 1] == '_')           /* a format of the kind's label */
        rm_kind_label(has_kind(m, metric + n) || !other ? m : other, metric + n, lang, kind, sizeof kind);
    snprintf(buf, len, rm_word(lang, key_of(m, other, w, name)), kind);
}

static void what(char *buf, size_t len, const rm_model *m, int w, const char *name, const char *metric,
                 const char *lang) {
    what2(buf, len, m, NULL, w, name, metric, lang);
}

const char *rm_metric_words(const rm_model *m, const char *element, const char *name, const char *metric,
                            const char *lang, char *buf, size_t len) {
    if (rm_cost_metric(element, metric))
        return rm_cost_words(m, element, metric, lang, buf, len);
    int w = words_of(element, metric);
    if (w < 0)
        return rm_shown(NULL, metric, buf, len);
    if (w == DERIVED)
        return rm_shown(rm_word(lang, "decision.value"), metric, buf, len);
    what(buf, len, m, w, name, metric, lang);
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
/* A tool's uptake that moves over the period (tool uptake { start,
 * final, half_life }): its realized figure is the period's average, said
 * so with where it goes. Into buf with the format of `key` (the average
 * said, then the direction, then the final share); 0 when the tool's
 * uptake is flat. */
static int uptake_moving(char *buf, size_t len, const rm_model *m, const char *tool, const char *average,
                         const char *key, const char *lang) {
    for (int t = 0; t < m->ntools; t++) {
        const rm_tool *u = &m->tools[t];
        if (strcmp(u->name, tool) != 0 || !u->has_uptake || !(u->uptake_half_life > 0) ||
            u->uptake_start == u->uptake_final)
            continue;
        char f[32], final[48];
        figure(f, sizeof f, 100 * u->uptake_final, lang);
        snprintf(final, sizeof final, rm_word(lang, "number.percent"), f);
        snprintf(buf, len, key, average,
                 u->uptake_final > u->uptake_start ? rm_word(lang, "digest.growing") : rm_word(lang, "digest.falling"),
                 final);
        return 1;
    }
    return 0;
}

static int is_tool_uptake(const char *element, const char *metric) {
    return strcmp(element, "tool") == 0 && strcmp(metric, "uptake") == 0;
}

/* The sentence for one listed change, in the words of model m (the
 * variant's), or of the baseline's `base` for a kind m no longer has; a
 * baseline below `tiny` (the floor), or a change of ten times the baseline
 * or more, gets no percentage: "from 0.65 to 1817 minutes". */
static char *change_sentence(const rm_delta *d, int w, const rm_model *m, const rm_model *base, double tiny, const char *lang) {
    char subj[300], wh[300], before[128], var[128], ci[64], ci_unit[64], pct[64], out[1400];
    quantity q = quantity_of(m, w, d->name);
    subject(subj, sizeof subj, m, d->element, d->name, lang);
    if (w == DERIVED)
        derived_what(wh, sizeof wh, m, d->name, lang);
    else
        what2(wh, sizeof wh, m, base, w, d->name, d->metric, lang);
    /* each time in its own unit, the interval in the variant's: "from 9.5
     * minutes to 5.1 hours", "(63 minutes → 2.7 hours, ±0.9)" */
    time_unit tb = unit_for(m, q, d->baseline_mean), tu = unit_for(m, q, d->variant_mean);
    figure(ci, sizeof ci, spoken(d->half, q, m, &tu), lang);
    ci_unit[0] = '\0';
    if (q == SHARE) {                            /* " 1 point" less its figure: " point" */
        in_points(ci_unit, sizeof ci_unit, ci, lang);
        memmove(ci_unit, ci_unit + strlen(ci), strlen(ci_unit + strlen(ci)) + 1);
    }
    const char *way = d->delta > 0 ? rm_word(lang, "digest.up") : rm_word(lang, "digest.down");
    if (isnan(d->relative)) {                    /* from nothing */
        shown(var, sizeof var, d->variant_mean, w, q, m, &tu, 1, lang);
        snprintf(out, sizeof out, rm_word(lang, "digest.none_before"), subj, wh, var, ci, ci_unit);
    } else if (q == SHARE) {                     /* in points, never in percent of a percent */
        char f[32], ci_points[64];
        figure(f, sizeof f, 100 * fabs(d->delta), lang);
        in_points(pct, sizeof pct, f, lang);
        in_points(ci_points, sizeof ci_points, ci, lang);
        shown(before, sizeof before, d->baseline_mean, w, q, m, &tu, 0, lang);
        shown(var, sizeof var, d->variant_mean, w, q, m, &tu, 0, lang);
        snprintf(out, sizeof out, rm_word(lang, "digest.in_points"), subj, wh, way, pct, before, var, ci_points);
    } else if (fabs(d->baseline_mean) < tiny || fabs(d->relative) >= 10) {
        /* a percentage of almost nothing says nothing, nor does "up 280553%" */
        if (tb.per == tu.per)                    /* "from 4.5 to 70 minutes" */
            figure(before, sizeof before, spoken(d->baseline_mean, q, m, &tb), lang);
        else
            shown(before, sizeof before, d->baseline_mean, w, q, m, &tb, 0, lang);
        shown(var, sizeof var, d->variant_mean, w, q, m, &tu, 1, lang);
        snprintf(out, sizeof out, rm_word(lang, "digest.from_to"), subj, wh, before, var, ci, ci_unit);
    } else {
        figure(pct, sizeof pct, 100 * fabs(d->relative), lang);
        shown(before, sizeof before, d->baseline_mean, w, q, m, &tb, 0, lang);
        shown(var, sizeof var, d->variant_mean, w, q, m, &tu, 1, lang);
        snprintf(out, sizeof out, rm_word(lang, "digest.in_percent"), subj, wh, way, pct, before, var, ci, ci_unit);
    }
    char note[300];
    if (is_tool_uptake(d->element, d->metric)) {  /* the variant's figure is an average: say so */
        shown(var, sizeof var, d->variant_mean, w, q, m, &tu, 0, lang);
        if (uptake_moving(note, sizeof note, m, d->name, var, rm_word(lang, "digest.uptake_note"), lang)) {
            size_t n = strlen(out);
            snprintf(out + n, sizeof out - n, "%s", note);
        }
    }
    return strdup(out);
}

/* The sentence for an element the variant adds (a new queue, role, step). */
static char *new_sentence(const remous_results *res, int i, int w, const char *lang) {
    const rm_metric *e = &res->cat.m[i];
    char subj[300], wh[300], val[300], out[1400], moving[300];
    const char *el = rm_element_name(e->element), *added = "%s: %s: %s";
    for (size_t k = 0; k < sizeof subjects / sizeof subjects[0]; k++)
        if (strcmp(subjects[k].element, el) == 0)
            added = rm_word(lang, subjects[k].added);
    subject(subj, sizeof subj, res->model, el, e->name, lang);
    what(wh, sizeof wh, res->model, w, e->name, e->metric, lang);
    time_unit tu = unit_for(res->model, words[w].q, res->mean[i]);
    shown(val, sizeof val, res->mean[i], w, words[w].q, res->model, &tu, 1, lang);
    if (is_tool_uptake(el, e->metric) &&
        uptake_moving(moving, sizeof moving, res->model, e->name, val, rm_word(lang, "digest.uptake_average"), lang))
        snprintf(val, sizeof val, "%s", moving);
    snprintf(out, sizeof out, added, subj, wh, val);
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
    int in_person = strcmp(d->element, "arrivals") == 0 && strcmp(d->metric, "wait_in_person_mean") == 0;
    if (!count && !share && !in_person)
        return 0;
    for (int k = 0; k < cmp->nrows; k++) {
        const rm_delta *e = &cmp->rows[k];
        if (e->variant != d->variant)
            continue;
        int other = in_person ? strcmp(e->element, "arrivals") == 0 && strcmp(e->name, d->name) == 0 &&
                                    strcmp(e->metric, "wait_mean") == 0      /* no tray on its way */
                  : count ? strcmp(e->element, "arrivals") == 0 && strcmp(e->metric, d->metric) == 0
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
    double floor = floor_of(quantity_of(var->model, w, d->name), var->model, t);
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
        /* a role nobody calls on, a step (almost) never done, a queue where
         * nobody waits: a figure of zero, or under the floor of its kind of
         * figure (--min-change), is noise, not news */
        if (var->mean[i] == 0 || !(fabs(var->mean[i]) >= floor_of(words[w].q, var->model, &cmp->sc->min_change)))
            continue;
        lines[n].key = INFINITY;
        lines[n].order = n;
        lines[n++].text = new_sentence(var, i, w, lang);
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
                                              floor_of(quantity_of(var->model, w, d->name), var->model,
                                                       &cmp->sc->min_change), lang);
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

const char *rm_digest_rule(const rm_comparison *cmp, const char *lang, char *buf, size_t len) {
    const rm_thresholds *t = &cmp->sc->min_change;
    const rm_model *m = cmp->results[0]->model;
    const char *rate;
    double per = rate_factor(m, &rate, lang) / week_factor(m);    /* a week's count in the rate's terms */
    char rel[32], minutes[32], points[32], count[32], people[32];
    figure(rel, sizeof rel, 100 * t->relative, lang);
    figure(minutes, sizeof minutes, t->minutes, lang);
    figure(points, sizeof points, t->points, lang);
    figure(count, sizeof count, t->per_week * per, lang);
    figure(people, sizeof people, t->people, lang);
    snprintf(buf, len, rm_word(lang, "digest.rule"), rel, minutes, points, count, rate, people);
    return buf;
}

void remous_print_digest(const remous_comparison *cmp, FILE *out, const char *lang) {
    for (int v = 1; v < cmp->n; v++) {
        const remous_results *var = cmp->results[v];
        char label[256];
        rm_variant_label(var->model, var->variant, lang, label, sizeof label);
        fprintf(out, "%s", v > 1 ? "\n" : "");
        fprintf(out, rm_word(lang, "digest.heading"), label, var->reps, rm_replications_word(var->reps, lang));
        fputc('\n', out);
        char **lines;
        int n = rm_digest(cmp, v, lang, &lines);
        if (n == 0)
            fprintf(out, "  %s\n", rm_word(lang, "digest.no_change"));
        for (int k = 0; k < n; k++) {
            fprintf(out, "  - %s\n", lines[k]);
            free(lines[k]);
        }
        if (n >= 0)
            free(lines);
    }
}
