/* The readable table printed on a terminal after a run: the main figures of
 * each element as "mean ± half-width of the 95% interval". */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "labels.h"
#include "results.h"

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

/* A figure with 3 significant digits, whole numbers from 1000 on. */
static void fmt_number(char *buf, size_t len, double v, const char *unit) {
    if (fabs(v) >= 1000)
        snprintf(buf, len, "%.0f%s", v, unit);
    else
        snprintf(buf, len, "%.3g%s", v, unit);
}

/* "4.14 ± 0.05" ("4.14" when the interval is 0 or undefined, "-" when
 * there is no value); shares as percentages. */
static const char *fmt_value(char *buf, size_t len, const remous_summary_row *r, int percent) {
    double k = percent ? 100 : 1;
    const char *unit = percent ? "%" : "";
    char mean[48], half[48];
    if (r->n == 0 || isnan(r->mean)) {
        snprintf(buf, len, "-");
        return buf;
    }
    fmt_number(mean, sizeof mean, r->mean * k, unit);
    double h = (r->ci95_high - r->mean) * k;
    if (isnan(h) || h == 0) {
        snprintf(buf, len, "%s", mean);
        return buf;
    }
    if (percent)
        snprintf(half, sizeof half, "%.2g%%", h);
    else
        fmt_number(half, sizeof half, h, "");
    snprintf(buf, len, "%s ± %s", mean, half);
    return buf;
}

/* Prints one line: the element's label, then each of its metrics. */
static void line(const remous_results *res, FILE *out, const char *element, const char *name,
                 const char *const *metrics, const int *percent) {
    char label[256];
    fputs("  ", out);
    column(out, rm_label_of(res->model, element, name, "en", label, sizeof label), 22);
    for (int i = 0; metrics[i]; i++) {
        remous_summary_row r;
        char buf[128];
        if (remous_results_find(res, element, name, metrics[i], &r) < 0)
            snprintf(buf, sizeof buf, " ");
        else
            fmt_value(buf, sizeof buf, &r, percent[i]);
        /* "±" is two bytes but one column wide */
        int pad = strstr(buf, "±") ? 19 : 18;
        fprintf(out, " %-*s", pad, buf);
    }
    fputc('\n', out);
}

static void header(FILE *out, const char *title, const char *const *cols) {
    fprintf(out, "\n%-24s", title);
    for (int i = 0; cols[i]; i++) {
        fputc(' ', out);
        column(out, cols[i], 18);
    }
    fputc('\n', out);
}

void remous_print_table(const remous_results *res, FILE *out) {
    const rm_model *m = res->model;
    char title[256], variant[256];
    fprintf(out, "%s — %s, %d replication%s, seed %llu (mean ± 95%% interval; times in %ss)\n",
            rm_shown(m->label, m->name, title, sizeof title),
            rm_variant_label(m, res->variant, "en", variant, sizeof variant), res->reps, res->reps == 1 ? "" : "s",
            (unsigned long long)res->sc->seed, m->unit);

    if (m->nqueues > 0) {
        static const char *cols[] = {"wait mean", "wait p90", "length mean", "abandoned", "balked", NULL};
        static const char *metrics[] = {"wait_mean", "wait_p90", "length_mean", "abandoned", "balked", NULL};
        static const int pct[] = {0, 0, 0, 0, 0};
        header(out, "Queues", cols);
        for (int q = 0; q < m->nqueues; q++)
            line(res, out, "queue", m->queues[q].name, metrics, pct);
    }
    if (m->nroles > 0) {
        /* utilization, then the share of each kind (up to four fit a line) */
        const char *cols[7] = {"utilization"}, *metrics[7] = {"utilization"};
        char names[4][300], labels[4][256];
        int pct[7] = {1, 1, 1, 1, 1, 1, 1}, n = 1;
        for (int k = 0; k < m->nkinds && n < 5; k++, n++) {
            snprintf(names[n - 1], sizeof names[0], "share_%s", m->kinds[k]);
            rm_kind_label(m, m->kinds[k], "en", labels[n - 1], sizeof labels[0]);
            metrics[n] = names[n - 1];
            cols[n] = labels[n - 1];
        }
        cols[n] = metrics[n] = NULL;
        header(out, "Roles (share of time)", cols);
        for (int r = 0; r < m->nroles; r++)
            line(res, out, "role", m->roles[r].name, metrics, pct);
    }
    if (m->nactivities > 0) {
        static const char *cols[] = {"completed", "duration mean", "top person share", NULL};
        static const char *metrics[] = {"completed", "duration_mean", "top_person_share", NULL};
        static const int pct[] = {0, 0, 1};
        header(out, "Activities", cols);
        for (int a = 0; a < m->nactivities; a++)
            line(res, out, "activity", m->activities[a].name, metrics, pct);
    }
    if (m->narrivals > 0) {
        static const char *cols[] = {"arrived", "completed", "wait mean", "cycle time mean", NULL};
        static const char *metrics[] = {"arrived", "completed", "wait_mean", "cycle_time_mean", NULL};
        static const int pct[] = {0, 0, 0, 0};
        header(out, "Arrivals", cols);
        for (int s = 0; s < m->narrivals; s++)
            if (!m->arrivals[s].hidden)
                line(res, out, "arrivals", m->arrivals[s].name, metrics, pct);
    }
    if (m->costed) {                             /* the scenario gives costs or values (cost.h) */
        static const char *cols[] = {"staff", "tools", "total", "value completed", "value lost", NULL};
        static const char *metrics[] = {"cost_staff", "cost_tool", "cost_total", "value_completed", "value_lost", NULL};
        static const int pct[] = {0, 0, 0, 0, 0};
        char title2[96];
        double days = (m->horizon - m->warmup) * m->unit_seconds / 86400;
        if (m->currency && m->currency[0])
            snprintf(title2, sizeof title2, "Costs (%s, %.3g days)", m->currency, days);
        else
            snprintf(title2, sizeof title2, "Costs (%.3g days)", days);
        header(out, title2, cols);
        line(res, out, "scenario", m->name, metrics, pct);
    }
}
