/* Which assumption matters most in the report of compare, see
 * report_sensitivity.h.
 *
 * The tornados are run by sensitivity.c, once per run of the comparison
 * (remous_compare_sensitivity, asked with compare --sensitivity): the
 * baseline and each variant, so that the page says whether a variant
 * makes an assumption matter more or less. One chart per metric
 * (sensitivity_chart.h): under each param, a bar per run (the run's
 * colour, as in the other charts), the params in the order of their
 * effect in the baseline (in the first run that follows the metric, where
 * the baseline does not). */
#include "report_sensitivity.h"

#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "report_chart.h"
#include "sensitivity_chart.h"
#include "words.h"

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

/* Whether run v of cmp follows metric x. */
static int follows(const rm_comparison *cmp, int v, const rm_sens_metric *x) {
    const remous_sensitivity *s = cmp->sensitivity[v];
    for (int k = 0; k < s->nmetrics; k++)
        if (strcmp(s->metrics[k].element, x->element) == 0 && strcmp(s->metrics[k].name, x->name) == 0 &&
            strcmp(s->metrics[k].metric, x->metric) == 0)
            return 1;
    return 0;
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
        fputc(' ', out);
        text(out, rm_sensitivity_left_out_words(b, lang, line, sizeof line));
    }
    fputs("</p>\n", out);
    if (cmp->n > 1) {
        fputs("<p class=\"legend\">", out);
        for (int v = 0; v < cmp->n; v++) {
            const remous_sensitivity *s = cmp->sensitivity[v];
            fprintf(out, "<span><i style=\"background:%s\"></i>", rm_run_colour(v));
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
                before = follows(cmp, u, &s->metrics[k]);
            if (!before)
                rm_sensitivity_chart(out, (const remous_sensitivity *const *)cmp->sensitivity, cmp->n,
                                     &s->metrics[k], lang);
        }
    }
}
