/* The readable table printed on a terminal after a run: the main figures of
 * each element as "mean ± half-width of the 95% interval". */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "headline.h"
#include "labels.h"
#include "results.h"
#include "words.h"

/* Text in `cols` columns: cut with "…" when longer, padded with spaces
 * (counting characters, not bytes: labels may hold accents). */
static void column(FILE *out, const char *s, size_t cols) {
    size_t n = rm_utf8_length(s);
    if (n > cols) {
        char cut[512];
        snprintf(cut, sizeof cut, "%s", s);
        size_t keep = 0, chars = 0;            /* bytes of the first cols - 1 characters */
        while (cut[keep] && chars < cols - 1) {
            keep++;
            while (((unsigned char)cut[keep] & 0xC0) == 0x80)
                keep++;
            chars++;
        }
        cut[keep] = '\0';
        fprintf(out, "%s…", cut);
        return;
    }
    fputs(s, out);
    for (; n < cols; n++)
        fputc(' ', out);
}

/* A figure with `digits` significant digits, whole numbers from 1000 on,
 * as lang writes it (its decimal mark; a percentage with its sign). */
static void fmt_number(char *buf, size_t len, double v, int digits, int percent, const char *lang) {
    char n[40];
    if (fabs(v) >= 1000)
        rm_whole_number(n, sizeof n, v);
    else
        snprintf(n, sizeof n, "%.*g", digits, v);
    rm_decimal_in(n, sizeof n, lang);
    snprintf(buf, len, percent ? rm_word(lang, "number.percent") : "%s", n);
}

/* "4.14 ± 0.05" ("4.14" when the interval is 0 or undefined, "-" when
 * there is no value); shares as percentages. */
static const char *fmt_value(char *buf, size_t len, const remous_summary_row *r, int percent, const char *lang) {
    double k = percent ? 100 : 1;
    char mean[48], half[48];
    if (r->n == 0 || isnan(r->mean)) {
        snprintf(buf, len, "-");
        return buf;
    }
    fmt_number(mean, sizeof mean, r->mean * k, 3, percent, lang);
    double h = (r->ci95_high - r->mean) * k;
    if (isnan(h) || h == 0) {
        snprintf(buf, len, "%s", mean);
        return buf;
    }
    if (percent)
        fmt_number(half, sizeof half, h, 2, 1, lang);
    else
        fmt_number(half, sizeof half, h, 3, 0, lang);
    snprintf(buf, len, "%s ± %s", mean, half);
    return buf;
}

/* Prints one line: the element's label, then each of its metrics. */
static void line(const remous_results *res, FILE *out, const char *element, const char *name,
                 const char *const *metrics, const int *percent, const char *lang) {
    char label[256];
    fputs("  ", out);
    column(out, rm_label_of(res->model, element, name, lang, label, sizeof label), 22);
    for (int i = 0; metrics[i]; i++) {
        remous_summary_row r;
        char buf[128];
        if (remous_results_find(res, element, name, metrics[i], &r) < 0)
            snprintf(buf, sizeof buf, " ");
        else
            fmt_value(buf, sizeof buf, &r, percent[i], lang);
        /* "±" is two bytes but one column wide */
        int pad = strstr(buf, "±") ? 19 : 18;
        fprintf(out, " %-*s", pad, buf);
    }
    fputc('\n', out);
}

/* The section's title, then its columns' words (keys of the catalog, or
 * words as they are for a kind's label, when `said`). */
static void header(FILE *out, const char *title, const char *const *cols, const char *lang, int said_from) {
    fputc('\n', out);
    column(out, title, 24);
    for (int i = 0; cols[i]; i++) {
        fputc(' ', out);
        column(out, i >= said_from ? cols[i] : rm_word(lang, cols[i]), 18);
    }
    fputc('\n', out);
}

/* The model's unit of time, in the plural. */
static const char *units_word(const char *unit, const char *lang) {
    if (strcmp(unit, "second") == 0) return rm_word(lang, "number.unit.seconds");
    if (strcmp(unit, "hour") == 0) return rm_word(lang, "number.unit.hours");
    return rm_word(lang, "number.unit.minutes");
}

void remous_print_table(const remous_results *res, FILE *out, const char *lang) {
    const rm_model *m = res->model;
    char title[256], variant[256];
    fprintf(out, rm_word(lang, "table.title"), rm_shown(m->label, m->name, title, sizeof title),
            rm_variant_label(m, res->variant, lang, variant, sizeof variant), res->reps,
            rm_say_singular(res->reps, lang) ? rm_word(lang, "table.replication") : rm_word(lang, "table.replications"),
            (unsigned long long)res->sc->seed, units_word(m->unit, lang));
    fputc('\n', out);

    if (m->nqueues > 0) {
        static const char *cols[] = {RM_WORD_KEY("table.column.wait_mean"), RM_WORD_KEY("table.column.wait_p90"),
                                     RM_WORD_KEY("table.column.length_mean"), RM_WORD_KEY("table.column.abandoned"),
                                     RM_WORD_KEY("table.column.balked"), NULL};
        static const char *metrics[] = {"wait_mean", "wait_p90", "length_mean", "abandoned", "balked", NULL};
        static const int pct[] = {0, 0, 0, 0, 0};
        header(out, rm_word(lang, "table.queues"), cols, lang, 99);
        for (int q = 0; q < m->nqueues; q++)
            line(res, out, "queue", m->queues[q].name, metrics, pct, lang);
    }
    if (m->nroles > 0) {
        /* utilization, then the share of each kind (up to four fit a line) */
        const char *cols[7] = {RM_WORD_KEY("table.column.utilization")}, *metrics[7] = {"utilization"};
        char names[4][300], labels[4][256];
        int pct[7] = {1, 1, 1, 1, 1, 1, 1}, n = 1;
        for (int k = 0; k < m->nkinds && n < 5; k++, n++) {
            snprintf(names[n - 1], sizeof names[0], "share_%s", m->kinds[k]);
            rm_kind_label(m, m->kinds[k], lang, labels[n - 1], sizeof labels[0]);
            metrics[n] = names[n - 1];
            cols[n] = labels[n - 1];
        }
        cols[n] = metrics[n] = NULL;
        header(out, rm_word(lang, "table.roles"), cols, lang, 1);
        for (int r = 0; r < m->nroles; r++)
            line(res, out, "role", m->roles[r].name, metrics, pct, lang);
    }
    if (m->nactivities > 0) {
        static const char *cols[] = {RM_WORD_KEY("table.column.done"), RM_WORD_KEY("table.column.duration_mean"),
                                     RM_WORD_KEY("table.column.top_person_share"), NULL};
        static const char *metrics[] = {"completed", "duration_mean", "top_person_share", NULL};
        static const int pct[] = {0, 0, 1};
        header(out, rm_word(lang, "table.activities"), cols, lang, 99);
        for (int a = 0; a < m->nactivities; a++)
            line(res, out, "activity", m->activities[a].name, metrics, pct, lang);
    }
    if (m->narrivals > 0) {
        static const char *cols[] = {RM_WORD_KEY("table.column.arrived"), RM_WORD_KEY("table.column.completed"),
                                     RM_WORD_KEY("table.column.wait_mean"), RM_WORD_KEY("table.column.cycle_time_mean"),
                                     NULL};
        static const char *metrics[] = {"arrived", "completed", "wait_mean", "cycle_time_mean", NULL};
        static const int pct[] = {0, 0, 0, 0};
        header(out, rm_word(lang, "table.arrivals"), cols, lang, 99);
        for (int s = 0; s < m->narrivals; s++)
            if (!m->arrivals[s].hidden)
                line(res, out, "arrivals", m->arrivals[s].name, metrics, pct, lang);
    }
    if (m->nderived > 0) {                       /* the scenario's own: metric "x" { of = ... } */
        static const char *cols[] = {RM_WORD_KEY("table.column.value"), NULL};
        static const char *metrics[] = {"value", NULL};
        header(out, rm_word(lang, "table.declared"), cols, lang, 99);
        for (int k = 0; k < m->nderived; k++) {
            int pct[] = {strcmp(m->derived[k].unit, "share") == 0};
            line(res, out, "metric", m->derived[k].name, metrics, pct, lang);
        }
    }
    if (m->costed) {                             /* the scenario gives costs or values (cost.h) */
        static const char *cols[] = {RM_WORD_KEY("table.column.cost_staff"), RM_WORD_KEY("table.column.cost_tools"),
                                     RM_WORD_KEY("table.column.cost_total"), RM_WORD_KEY("table.column.value_completed"),
                                     RM_WORD_KEY("table.column.value_lost"), NULL};
        static const char *metrics[] = {"cost_staff", "cost_tool", "cost_total", "value_completed", "value_lost", NULL};
        static const int pct[] = {0, 0, 0, 0, 0};
        char title2[96], days[32];
        snprintf(days, sizeof days, "%.3g", (m->horizon - m->warmup) * m->unit_seconds / 86400);
        rm_decimal_in(days, sizeof days, lang);
        if (m->currency && m->currency[0])
            snprintf(title2, sizeof title2, rm_word(lang, "table.costs_in"), m->currency, days);
        else
            snprintf(title2, sizeof title2, rm_word(lang, "table.costs"), days);
        header(out, title2, cols, lang, 99);
        line(res, out, "scenario", m->name, metrics, pct, lang);
    }
}
