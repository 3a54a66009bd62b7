/* The readable table printed on a terminal after a run: the main figures of
 * each element as "mean ± half-width of the 95% interval". */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "results.h"

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

/* Prints one line: the element's name, then each of its metrics. */
static void line(const remous_results *res, FILE *out, const char *element, const char *name,
                 const char *const *metrics, const int *percent) {
    fprintf(out, "  %-22.22s", name);
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
    for (int i = 0; cols[i]; i++)
        fprintf(out, " %-18s", cols[i]);
    fputc('\n', out);
}

void remous_print_table(const remous_results *res, FILE *out) {
    const rm_model *m = res->model;
    fprintf(out, "%s — %s, %d replication%s, seed %llu (mean ± 95%% interval; times in %ss)\n",
            m->name, res->variant, res->reps, res->reps == 1 ? "" : "s",
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
        char names[4][64], labels[4][64];
        int pct[7] = {1, 1, 1, 1, 1, 1, 1}, n = 1;
        for (int k = 0; k < m->nkinds && n < 5; k++, n++) {
            snprintf(names[n - 1], sizeof names[0], "share_%s", m->kinds[k]);
            snprintf(labels[n - 1], sizeof labels[0], "%s", m->kinds[k]);
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
}
