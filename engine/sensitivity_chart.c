/* The tornado chart of remous sensitivity, see sensitivity_chart.h. */
#include "sensitivity_chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "report_chart.h"
#include "words.h"

/* The index of metric x in s; -1 when s does not follow it. */
static int metric_in(const remous_sensitivity *s, const rm_sens_metric *x) {
    for (int k = 0; k < s->nmetrics; k++)
        if (strcmp(s->metrics[k].element, x->element) == 0 && strcmp(s->metrics[k].name, x->name) == 0 &&
            strcmp(s->metrics[k].metric, x->metric) == 0)
            return k;
    return -1;
}

/* The index of the param named name in s; -1 when none. */
static int param_in(const remous_sensitivity *s, const char *name) {
    for (int p = 0; p < s->nparams; p++)
        if (strcmp(s->params[p].name, name) == 0)
            return p;
    return -1;
}

/* LABEL: the words left of the bars; HALF: each side of 0; FIGURE: the
 * gap before a bar's figure; HEADING: a param's words over its bars (more
 * than one run); WRAP and STEP: a param's words beside its bar (one run),
 * characters a line and the lines' spacing. */
enum { LABEL = 290, HALF = 150, FIGURE = 12, WIDTH = 1040, BAR = 18, GAP = 5, HEADING = 22, WRAP = 40, STEP = 15 };

/* The height of a param's words beside its bar (one run), wrapped: at
 * least a bar's. */
static int beside(const char *words) {
    int lines = rm_wrapped_lines(words, WRAP);
    return lines * STEP > BAR ? lines * STEP : BAR;
}

/* One bar at y: run v's cell c (one of n runs) on a scale of ±top around x0. Not
 * significant: pale in its run's colour among several runs, grey alone
 * (the colour tells no run apart there). */
static void bar(FILE *out, int v, int n, int y, const rm_sens_cell *c, double top, const char *lang) {
    int x0 = LABEL + HALF;
    char words[256];
    if (!isnan(c->effect)) {
        double x = x0 + HALF * c->effect / top, lo = fmin(x, x0), w = fabs(x - x0);
        fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"%s/>\n", lo, y,
                w < 1 && c->effect != 0 ? 1 : w, BAR, c->significant || n > 1 ? rm_run_colour(v) : "#bbbbbb",
                c->significant || n == 1 ? "" : " fill-opacity=\".35\"");
        if (isfinite(c->effect_half) && c->effect_half > 0) {
            double a = x0 + HALF * (c->effect - c->effect_half) / top, b = x0 + HALF * (c->effect + c->effect_half) / top;
            fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\" stroke-width=\"2\"/>"
                         "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\"/>"
                         "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\"/>\n",
                    a, b, y + BAR / 2, y + BAR / 2, a, a, y + 3, y + BAR - 3, b, b, y + 3, y + BAR - 3);
        }
    }
    fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"13\"%s>", LABEL + 2 * HALF + FIGURE, y + BAR / 2 + 5,
            c->significant ? "" : " fill=\"#555\"");
    rm_html_escape(out, rm_sensitivity_effect_words(c, lang, words, sizeof words));
    fputs("</text>\n", out);
}

void rm_sensitivity_chart(FILE *out, const remous_sensitivity *const *runs, int n, const rm_sens_metric *x,
                          const char *lang) {
    int ref = -1;
    int *km = calloc((size_t)n + 1, sizeof *km);
    if (!km)
        return;
    for (int v = 0; v < n; v++) {
        km[v] = metric_in(runs[v], x);
        if (ref < 0 && km[v] >= 0)
            ref = v;
    }
    if (ref < 0) {
        free(km);
        return;
    }
    const remous_sensitivity *r = runs[ref];
    int np = r->nparams;
    const int *order = r->order + (size_t)km[ref] * (size_t)np;
    double top = 0;
    int height = 8 + 24;
    char words[512];
    for (int i = 0; i < np; i++) {
        rm_sensitivity_param_words(r, order[i], lang, words, sizeof words);
        height += (n > 1 ? HEADING + n * (BAR + GAP) : beside(words) + GAP) + 8;
        for (int v = 0; v < n; v++) {
            const remous_sensitivity *s = runs[v];
            int p = param_in(s, r->params[order[i]].name);
            rm_sens_cell c;
            if (km[v] < 0 || p < 0)
                continue;
            rm_sensitivity_effect(s, km[v], p, &c);
            double reach = fabs(c.effect) + (isfinite(c.effect_half) ? c.effect_half : 0);
            if (!isnan(reach) && reach > top)
                top = reach;
        }
    }
    top = top > 0 ? rm_round_top(top) : 1;
    fputs("<h3>", out);
    rm_html_escape(out, rm_sensitivity_metric_title(r, &r->metrics[km[ref]], lang, words, sizeof words));
    fputs("</h3>\n", out);
    fprintf(out, "<svg class=\"chart chart-tornado\" viewBox=\"0 0 %d %d\" role=\"img\">\n", WIDTH, height);
    int x0 = LABEL + HALF, y = 8;
    fprintf(out, "<line x1=\"%d\" x2=\"%d\" y1=\"4\" y2=\"%d\" stroke=\"#888\"/>\n", x0, x0, height - 22);
    for (int i = 0; i < np; i++) {
        rm_sensitivity_param_words(r, order[i], lang, words, sizeof words);
        int row = BAR;                    /* one run: the param's words beside its bar, the bar amid them */
        if (n > 1) {
            fprintf(out, "<text x=\"0\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">", y + 15);
            rm_svg_text(out, words, 110);
            fputs("</text>\n", out);
            y += HEADING;
        } else {
            int lines = rm_wrapped_lines(words, WRAP);
            row = beside(words);
            rm_svg_wrapped(out, 0, y + (row - (lines - 1) * STEP) / 2 + 5, 13, STEP, words, WRAP, 0);
        }
        for (int v = 0; v < n; v++) {
            const remous_sensitivity *s = runs[v];
            int p = param_in(s, r->params[order[i]].name);
            int bar_y = y + (row - BAR) / 2;
            if (n > 1) {
                fprintf(out, "<text x=\"12\" y=\"%d\" font-size=\"13\">", bar_y + BAR / 2 + 5);
                rm_svg_text(out, rm_variant_label(s->model, s->variant, lang, words, sizeof words), 38);
                fputs("</text>\n", out);
            }
            if (km[v] < 0 || p < 0) {
                fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"#777\">", x0 + FIGURE,
                        bar_y + BAR / 2 + 5);
                rm_html_escape(out, rm_word(lang, km[v] < 0 ? RM_WORD_KEY("report_sensitivity.no_metric")
                                                            : RM_WORD_KEY("report_sensitivity.no_param")));
                fputs("</text>\n", out);
            } else {
                rm_sens_cell c;
                rm_sensitivity_effect(s, km[v], p, &c);
                bar(out, v, n, bar_y, &c, top, lang);
            }
            y += row + GAP;
        }
        y += 8;
    }
    char figure[64];
    fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n",
            LABEL, height - 6, rm_sensitivity_signed(-top, lang, figure, sizeof figure));
    fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#555\">0</text>\n", x0,
            height - 6);
    fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n",
            LABEL + 2 * HALF, height - 6, rm_sensitivity_signed(top, lang, figure, sizeof figure));
    fputs("</svg>\n", out);
    free(km);
}
