/* Which assumption matters most in the report of compare, see
 * report_sensitivity.h.
 *
 * The tornados are run by sensitivity.c, once per run of the comparison
 * (remous_compare_sensitivity, asked with compare --sensitivity): the
 * baseline and each variant, so that the page says whether a variant
 * makes an assumption matter more or less. One chart per metric: under
 * each param, a bar per run (the run's colour, as in the other charts),
 * the params in the order of their effect in the baseline (in the first
 * run that follows the metric, where the baseline does not). */
#include "report_sensitivity.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "sensitivity.h"
#include "words.h"

/* The runs' colours of report.c (Okabe and Ito's palette). */
static const char *colours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"};
#define NCOLOURS 8

int remous_compare_sensitivity(remous_comparison *cmp, const char *path, const remous_options *opt,
                               const remous_sensitivity_options *o, char *err, size_t errlen) {
    cmp->sensitivity = calloc((size_t)cmp->n + 1, sizeof *cmp->sensitivity);
    if (!cmp->sensitivity) {
        snprintf(err, errlen, "out of memory");
        return REMOUS_ERR_RUN;
    }
    for (int v = 0; v < cmp->n; v++) {
        remous_sensitivity_options one = *o;
        one.variant = cmp->results[v]->variant;
        int rc = remous_sensitivity_run(path, opt, &one, &cmp->sensitivity[v], err, errlen);
        if (rc != REMOUS_OK)
            return rc;
    }
    return REMOUS_OK;
}

static void text(FILE *f, const char *s) {
    rm_html_escape(f, s);
}

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

/* A param's words and range: "mean service time (0.5 → 0.8)". */
static const char *param_words(const remous_sensitivity *s, int p, const char *lang, char *buf, size_t len) {
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

/* A bar's figure: the effect and its interval, "not significant" said. */
static const char *effect_words(const rm_sens_cell *c, const char *lang, char *buf, size_t len) {
    char e[64], lo[64], hi[64];
    if (isnan(c->effect)) {
        snprintf(buf, len, "%s", rm_word(lang, "sensitivity.no_value"));
        return buf;
    }
    rm_sensitivity_signed(c->effect, lang, e, sizeof e);
    if (isnan(c->effect_half) || !isfinite(c->effect_half))
        snprintf(buf, len, "%s, %s", e, rm_word(lang, "sensitivity.not_significant"));
    else {
        snprintf(buf, len, rm_word(lang, "sensitivity.effect"), e,
                 rm_sensitivity_signed(c->effect - c->effect_half, lang, lo, sizeof lo),
                 rm_sensitivity_signed(c->effect + c->effect_half, lang, hi, sizeof hi));
        if (!c->significant) {
            size_t used = strlen(buf);
            snprintf(buf + used, len - used, ", %s", rm_word(lang, "sensitivity.not_significant"));
        }
    }
    return buf;
}

enum { LABEL = 290, HALF = 150, FIGURE = 12, WIDTH = 1040, BAR = 18, GAP = 5, HEADING = 22 };

/* The smallest of 1, 2, 2.5, 5 times a power of ten that is at least v
 * (v > 0): the ends of the axis, round. */
static double round_top(double v) {
    double p = pow(10, floor(log10(v)));
    static const double steps[] = {1, 2, 2.5, 5, 10};
    for (int i = 0; i < 5; i++)
        if (steps[i] * p >= v * (1 - 1e-9))
            return steps[i] * p;
    return 10 * p;
}

/* One bar at y: run v's cell c on a scale of ±top around x0. */
static void bar(FILE *out, int v, int y, const rm_sens_cell *c, double top, const char *lang) {
    int x0 = LABEL + HALF;
    char words[256];
    if (!isnan(c->effect)) {
        double x = x0 + HALF * c->effect / top, lo = fmin(x, x0), w = fabs(x - x0);
        fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"%s/>\n", lo, y,
                w < 1 && c->effect != 0 ? 1 : w, BAR, colours[v % NCOLOURS], c->significant ? "" : " fill-opacity=\".35\"");
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
    text(out, effect_words(c, lang, words, sizeof words));
    fputs("</text>\n", out);
}

/* The tornado of metric x, a bar per run under each param. */
static void tornado(FILE *out, const rm_comparison *cmp, const rm_sens_metric *x, const char *lang) {
    int n = cmp->n, ref = -1;
    int *km = calloc((size_t)n + 1, sizeof *km);
    if (!km)
        return;
    for (int v = 0; v < n; v++) {
        km[v] = metric_in(cmp->sensitivity[v], x);
        if (ref < 0 && km[v] >= 0)
            ref = v;
    }
    const remous_sensitivity *r = cmp->sensitivity[ref];
    int np = r->nparams;
    const int *order = r->order + (size_t)km[ref] * (size_t)np;
    double top = 0;
    for (int i = 0; i < np; i++)
        for (int v = 0; v < n; v++) {
            const remous_sensitivity *s = cmp->sensitivity[v];
            int p = param_in(s, r->params[order[i]].name);
            rm_sens_cell c;
            if (km[v] < 0 || p < 0)
                continue;
            rm_sensitivity_effect(s, km[v], p, &c);
            double reach = fabs(c.effect) + (isfinite(c.effect_half) ? c.effect_half : 0);
            if (!isnan(reach) && reach > top)
                top = reach;
        }
    top = top > 0 ? round_top(top) : 1;
    char words[512];
    fputs("<h3>", out);
    text(out, rm_sensitivity_metric_title(r, &r->metrics[km[ref]], lang, words, sizeof words));
    fputs("</h3>\n", out);
    int grouped = n > 1;                  /* one run: the param's words beside its bar */
    int height = 8 + np * ((grouped ? HEADING : 0) + n * (BAR + GAP) + 8) + 24;
    fprintf(out, "<svg class=\"chart chart-tornado\" viewBox=\"0 0 %d %d\" role=\"img\">\n", WIDTH, height);
    int x0 = LABEL + HALF, y = 8;
    fprintf(out, "<line x1=\"%d\" x2=\"%d\" y1=\"4\" y2=\"%d\" stroke=\"#888\"/>\n", x0, x0, height - 22);
    for (int i = 0; i < np; i++) {
        param_words(r, order[i], lang, words, sizeof words);
        if (grouped) {
            fprintf(out, "<text x=\"0\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">", y + 15);
            rm_svg_text(out, words, 110);
            fputs("</text>\n", out);
            y += HEADING;
        }
        for (int v = 0; v < n; v++) {
            const remous_sensitivity *s = cmp->sensitivity[v];
            int p = param_in(s, r->params[order[i]].name);
            fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"13\">", grouped ? 12 : 0, y + BAR / 2 + 5);
            if (grouped)
                rm_svg_text(out, rm_variant_label(s->model, s->variant, lang, words, sizeof words), 38);
            else
                rm_svg_text(out, words, 40);
            fputs("</text>\n", out);
            if (km[v] < 0 || p < 0) {
                fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"#777\">", x0 + FIGURE, y + BAR / 2 + 5);
                text(out, rm_word(lang, km[v] < 0 ? RM_WORD_KEY("report_sensitivity.no_metric")
                                                  : RM_WORD_KEY("report_sensitivity.no_param")));
                fputs("</text>\n", out);
            } else {
                rm_sens_cell c;
                rm_sensitivity_effect(s, km[v], p, &c);
                bar(out, v, y, &c, top, lang);
            }
            y += BAR + GAP;
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

void rm_report_sensitivity(FILE *out, const rm_comparison *cmp, const char *lang) {
    if (!cmp->sensitivity || cmp->n == 0)
        return;
    const remous_sensitivity *b = cmp->sensitivity[0];
    char line[2048], run[256];
    fputs("<h2>", out);
    text(out, rm_word(lang, "report_sensitivity.title"));
    fputs("</h2>\n<p class=\"meta\">", out);
    rm_variant_label(b->model, b->variant, lang, run, sizeof run);
    if (b->nparams == 1)
        snprintf(line, sizeof line, rm_word(lang, "report_sensitivity.setup_one"), b->reps);
    else
        snprintf(line, sizeof line, rm_word(lang, "report_sensitivity.setup"), b->nparams, b->reps, run);
    text(out, line);
    if (b->nleft_out > 0) {
        char list[1024] = "";
        for (int i = 0; i < b->nleft_out; i++) {
            size_t used = strlen(list);
            snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", b->left_out[i]);
        }
        fputc(' ', out);
        snprintf(line, sizeof line, rm_word(lang, "sensitivity.left_out"), list);
        text(out, line);
    }
    fputs("</p>\n", out);
    if (cmp->n > 1) {
        fputs("<p class=\"legend\">", out);
        for (int v = 0; v < cmp->n; v++) {
            const remous_sensitivity *s = cmp->sensitivity[v];
            fprintf(out, "<span><i style=\"background:%s\"></i>", colours[v % NCOLOURS]);
            text(out, rm_variant_label(s->model, s->variant, lang, run, sizeof run));
            fputs("</span>", out);
        }
        fputs("</p>\n", out);
    }
    /* every metric of every run, once, in order of first appearance */
    for (int v = 0; v < cmp->n; v++) {
        const remous_sensitivity *s = cmp->sensitivity[v];
        for (int k = 0; k < s->nmetrics; k++) {
            int before = 0;
            for (int u = 0; u < v && !before; u++)
                before = metric_in(cmp->sensitivity[u], &s->metrics[k]) >= 0;
            if (!before)
                tornado(out, cmp, &s->metrics[k], lang);
        }
    }
}
