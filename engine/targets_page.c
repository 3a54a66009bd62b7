/* The targets on the report and the workshop page (targets_page.h): which
 * options meet every target, as a table of verdicts (rows: the options,
 * columns: the targets) and the answer in one sentence, the same the
 * terminal says (targets.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "results.h"
#include "scenario.h"
#include "targets.h"
#include "targets_page.h"
#include "words.h"

static const char targets_style[] =
    ".targets td.met{color:#1a7f37}.targets td.not-met{color:#b42318}.targets td.undecided{color:#666}"
    ".targets .fig{display:block;color:#555;font-size:.88rem}.targets .wanted{display:block;font-weight:400;"
    "color:#555;font-size:.88rem}.targets-answer{font-size:1.15rem;font-weight:600}";

/* A figure of t's metric in its unit ("4.9 minutes", "80%"). */
static const char *figure(const rm_target *t, const rm_model *m, double v, const char *lang, char *buf, size_t len) {
    return rm_metric_said(m, t->element, strcmp(t->element, "metric") == 0 ? t->ename : t->metric, v, lang, buf, len);
}

/* lo without the unit it shares with hi ("4.8" of "4.8 minutes" beside
 * "5.2 minutes"), so that the interval reads [4.8, 5.2 minutes]. */
static void drop_shared_unit(char *lo, const char *hi) {
    const char *a = lo + strlen(lo), *b = hi + strlen(hi);
    const char *ua = a, *ub = b;                 /* what follows the last digit of each */
    while (ua > lo && !(ua[-1] >= '0' && ua[-1] <= '9'))
        ua--;
    while (ub > hi && !(ub[-1] >= '0' && ub[-1] <= '9'))
        ub--;
    if (ua > lo && ub > hi && *ua && strcmp(ua, ub) == 0)
        *(char *)ua = '\0';
}

/* One cell: the verdict, then the mean and its interval. */
static void cell(FILE *f, const rm_verdict *v, const rm_model *m, const char *lang) {
    const char *kind = v->kind == RM_MET ? "met" : v->kind == RM_NOT_MET ? "not-met" : "undecided";
    const char *mark = v->kind == RM_MET ? "✓" : v->kind == RM_NOT_MET ? "✗" : "?";
    const char *word = v->kind == RM_MET ? rm_word(lang, "decision.met")
                     : v->kind == RM_NOT_MET ? rm_word(lang, "decision.not_met") : rm_word(lang, "decision.undecided");
    fprintf(f, "<td class=\"%s\">%s ", kind, mark);
    rm_html_escape(f, word);
    fputs(" <span class=\"fig\">", f);
    char mean[128], lo[128], hi[128], interval[400];
    if (isnan(v->mean))
        rm_html_escape(f, rm_word(lang, "decision.no_value"));
    else {
        rm_html_escape(f, figure(v->target, m, v->mean, lang, mean, sizeof mean));
        if (!isnan(v->lo)) {
            figure(v->target, m, v->lo, lang, lo, sizeof lo);
            figure(v->target, m, v->hi, lang, hi, sizeof hi);
            drop_shared_unit(lo, hi);
            snprintf(interval, sizeof interval, rm_word(lang, "decision.interval"), lo, hi);
            fputc(' ', f);
            rm_html_escape(f, interval);
        }
    }
    fputs("</span></td>", f);
}

void rm_targets_html(FILE *f, const rm_comparison *cmp, const char *lang) {
    const remous_scenario *sc = cmp->sc;
    int nt = sc->ntargets, n = cmp->n;
    if (nt == 0 || n == 0)
        return;
    const remous_results *const *runs = (const remous_results *const *)cmp->results;
    rm_verdict *v = calloc((size_t)nt, sizeof *v);
    if (!v)
        return;
    char words[8192];
    fprintf(f, "<style>%s</style>\n<h2 id=\"targets\">", targets_style);
    rm_html_escape(f, rm_word(lang, "decision.page_title"));
    fputs("</h2>\n<p class=\"targets-answer\" id=\"targets-answer\">", f);
    rm_html_escape(f, rm_options_answer(runs, n, lang, words, sizeof words));
    fputs("</p>\n<p class=\"meta\">", f);
    snprintf(words, sizeof words, rm_word(lang, "decision.page_intro"), runs[0]->reps);
    rm_html_escape(f, words);
    if (sc->nprefers > 0) {
        fputc(' ', f);
        rm_html_escape(f, rm_preference_said(runs, n, lang, words, sizeof words));
    }
    fputs("</p>\n<table class=\"targets\">\n<tr><th>", f);
    rm_html_escape(f, rm_word(lang, "decision.option_column"));
    fputs("</th>", f);
    for (int k = 0; k < nt; k++) {
        const rm_target *t = &sc->targets[k];
        const rm_model *m = rm_model_measuring(runs, n, t);
        fputs("<th>", f);
        rm_html_escape(f, rm_target_said(t, m, lang, words, sizeof words));
        fputs(" <span class=\"wanted\">", f);
        rm_html_escape(f, rm_target_wanted(t, m, lang, words, sizeof words));
        fputs("</span></th>", f);
    }
    fputs("<th>", f);
    rm_html_escape(f, rm_word(lang, "sweep.every_target"));
    fputs("</th></tr>\n", f);
    for (int r = 0; r < n; r++) {
        char label[256];
        rm_variant_label(runs[r]->model, runs[r]->variant, lang, label, sizeof label);
        fputs("<tr><th>", f);
        rm_html_escape(f, label);
        fputs("</th>", f);
        rm_target_verdicts(runs[r], v);
        for (int k = 0; k < nt; k++)
            cell(f, &v[k], rm_model_measuring(runs, n, v[k].target), lang);
        int all = rm_verdicts_all_met(v, nt);
        fprintf(f, "<td class=\"%s\">", all ? "met" : "not-met");
        rm_html_escape(f, all ? rm_word(lang, "sweep.yes") : rm_word(lang, "sweep.no"));
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
    free(v);
}
