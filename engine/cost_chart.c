/* What each run costs a month, as a chart of the report, see cost_chart.h. */
#include "cost_chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cost.h"
#include "labels.h"
#include "metrics.h"
#include "report_chart.h"
#include "words.h"

/* The parts of a bar besides the kinds: their metric (summed over the
 * elements of `el`), words and fill; a setup is said apart (once). */
static const struct {
    rm_element el;
    const char *metric, *key, *fill;
} others[] = {
    {RM_EL_ROLE, "cost_idle", RM_WORD_KEY("report.cost_idle"), "#eee"},
    {RM_EL_ROLE, "cost_away", RM_WORD_KEY("report.cost_away"), "#bbb"},
    {RM_EL_ROLE, "cost_overtime", RM_WORD_KEY("report.cost_overtime"), "#555"},
    {RM_EL_TOOL, "cost_subscription", RM_WORD_KEY("report.cost_subscriptions"), "#332288"},
    {RM_EL_TOOL, "cost_fees", RM_WORD_KEY("report.cost_fees"), "#882255"},
};
#define NOTHERS (int)(sizeof others / sizeof others[0])
#define MAXKINDS 64
#define LOST_FILL "url(#cost-lost)"

/* The mean over the replications of the sum of (el, metric) over a run's
 * elements; 0 when it has none. */
static double sum_of(const remous_results *res, rm_element el, const char *metric) {
    double s = 0;
    for (int i = 0; i < res->cat.n; i++)
        if (res->cat.m[i].element == el && strcmp(res->cat.m[i].metric, metric) == 0 && res->n[i] > 0 &&
            !isnan(res->mean[i]))
            s += res->mean[i];
    return s;
}

/* A run's bar: the kinds' parts, then the others, then the value lost, a
 * month; its setup (once). */
typedef struct bar {
    double part[MAXKINDS + NOTHERS], lost, setup, paid;
} bar;

static void bar_of(const remous_results *res, const char **kinds, int nk, bar *b) {
    double months = rm_measured_months(res->model);
    memset(b, 0, sizeof *b);
    if (!(months > 0))
        return;
    for (int k = 0; k < nk; k++) {
        char metric[300];
        snprintf(metric, sizeof metric, "cost_%s", kinds[k]);
        b->part[k] = sum_of(res, RM_EL_ROLE, metric) / months;
    }
    for (int o = 0; o < NOTHERS; o++)
        b->part[nk + o] = sum_of(res, others[o].el, others[o].metric) / months;
    for (int p = 0; p < nk + NOTHERS; p++)
        b->paid += b->part[p];
    b->lost = sum_of(res, RM_EL_SCENARIO, "value_lost") / months;
    b->setup = sum_of(res, RM_EL_TOOL, "cost_setup");
}

static void legend_item(FILE *f, const char *fill, const char *words) {
    fprintf(f, "<span><i style=\"background:%s\"></i>", fill);
    rm_html_escape(f, words);
    fputs("</span>", f);
}

void rm_cost_chart(FILE *f, const rm_comparison *cmp, const char *lang) {
    int costed = 0;
    for (int v = 0; v < cmp->n; v++)
        costed |= cmp->results[v]->model->costed;
    if (!costed)
        return;
    const char *kinds[MAXKINDS];
    int nk = rm_chart_kinds(cmp, kinds, MAXKINDS);
    bar bars[64];
    int n = cmp->n < 64 ? cmp->n : 64;
    double top = 0, shown[MAXKINDS + NOTHERS] = {0}, lost = 0;
    for (int v = 0; v < n; v++) {
        bar_of(cmp->results[v], kinds, nk, &bars[v]);
        top = fmax(top, bars[v].paid + bars[v].lost);
        for (int p = 0; p < nk + NOTHERS; p++)
            shown[p] += bars[v].part[p];
        lost += bars[v].lost;
    }
    if (!(top > 0))
        return;                                  /* costs given, all zero: nothing to draw */
    top = rm_round_top(top);
    const rm_model *m = cmp->results[0]->model;
    char words[512], money[96], more[96];
    fputs("<h2>", f);
    rm_html_escape(f, rm_word(lang, "report.cost_title"));
    fputs("</h2>\n<p class=\"meta\">", f);
    rm_html_escape(f, rm_word(lang, "report.cost_caption"));
    fputs("</p>\n<p class=\"legend\">", f);
    for (int k = 0; k < nk; k++)
        if (shown[k] > 0)
            legend_item(f, rm_run_colour(k), rm_chart_kind_words(cmp, kinds[k], lang, words, sizeof words));
    for (int o = 0; o < NOTHERS; o++)
        if (shown[nk + o] > 0)
            legend_item(f, others[o].fill, rm_word(lang, others[o].key));
    if (lost > 0)
        fprintf(f, "<span><i style=\"background:repeating-linear-gradient(45deg,#fff 0 3px,#c00 3px 5px)\"></i>%s</span>",
                rm_word(lang, "report.cost_lost"));
    fputs("</p>\n", f);
    int label = 260, width = 480, bar_h = 24, gap = 8, line = 15, y = 30;
    size_t chars = 32;                           /* a run's name: wrapped in its column */
    int height = y;
    for (int v = 0; v < n; v++) {
        int lines = rm_wrapped_lines(rm_variant_label(cmp->results[v]->model, cmp->results[v]->variant, lang, words,
                                                            sizeof words), chars);
        height += (lines * line > bar_h ? lines * line : bar_h) + gap;
    }
    height += 10;
    fprintf(f, "<svg class=\"chart chart-cost\" viewBox=\"0 0 %d %d\" role=\"img\">\n"
               "<defs><pattern id=\"cost-lost\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
               "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
               "<rect width=\"2\" height=\"6\" fill=\"#c00\"/></pattern></defs>\n",
            label + width + 240, height);
    /* the axis, in money, at round steps: a fifth of 1, 2.5 or 5 x 10^k, a quarter of 2 x 10^k */
    double lead = top / pow(10, floor(log10(top)));
    int ticks = fabs(lead - 2) < 1e-9 ? 4 : 5;
    for (int j = 0; j <= ticks; j++) {
        int x = label + width * j / ticks;
        fprintf(f, "<text x=\"%d\" y=\"16\" font-size=\"12\" text-anchor=\"middle\" fill=\"#555\">", x);
        rm_html_escape(f, rm_money(m, top * j / ticks, lang, money, sizeof money));
        fprintf(f, "</text><line x1=\"%d\" x2=\"%d\" y1=\"22\" y2=\"%d\" stroke=\"#ddd\"/>\n", x, x, height - 6);
    }
    for (int v = 0; v < n; v++) {
        const remous_results *res = cmp->results[v];
        const char *name = rm_variant_label(res->model, res->variant, lang, words, sizeof words);
        int lines = rm_wrapped_lines(name, chars), row = lines * line > bar_h ? lines * line : bar_h;
        int row_top = y;                         /* a name on several lines: the bar centred on its row */
        rm_svg_wrapped(f, 12, row_top + (row - (lines - 1) * line) / 2 + 5, 13, line, name, chars, 0);
        y = row_top + (row - bar_h) / 2;
        double x = label;
        for (int p = 0; p < nk + NOTHERS + 1; p++) {
            double a = p < nk + NOTHERS ? bars[v].part[p] : bars[v].lost;
            if (!(a > 0))
                continue;
            const char *fill = p < nk ? rm_run_colour(p) : p < nk + NOTHERS ? others[p - nk].fill : LOST_FILL;
            const char *what = p < nk ? rm_chart_kind_words(cmp, kinds[p], lang, more, sizeof more)
                             : p < nk + NOTHERS ? rm_word(lang, others[p - nk].key) : rm_word(lang, "report.cost_lost");
            char title[700];
            snprintf(title, sizeof title, rm_word(lang, "report.cost_part"), what, rm_money(m, a, lang, money, sizeof money));
            fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"%s><title>", x, y,
                    width * a / top, bar_h, fill, p == nk + NOTHERS ? " stroke=\"#c00\"" : "");
            rm_html_escape(f, title);
            fputs("</title></rect>\n", f);
            x += width * a / top;
        }
        /* the figures: paid a month, a setup once, the value lost */
        char figures[600];
        snprintf(figures, sizeof figures, rm_word(lang, "report.cost_paid"), rm_money(m, bars[v].paid, lang, money, sizeof money));
        if (bars[v].setup > 0) {
            size_t k = strlen(figures);
            snprintf(figures + k, sizeof figures - k, rm_word(lang, "report.cost_once"),
                     rm_money(m, bars[v].setup, lang, more, sizeof more));
        }
        if (bars[v].lost > 0) {
            size_t k = strlen(figures);
            snprintf(figures + k, sizeof figures - k, rm_word(lang, "report.cost_and_lost"),
                     rm_money(m, bars[v].lost, lang, more, sizeof more));
        }
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\">", x + 6, y + bar_h / 2 + 5);
        rm_html_escape(f, figures);
        fputs("</text>\n", f);
        y = row_top + row + gap;
    }
    fputs("</svg>\n", f);
}
