/* Dependence on one person in the report of compare, see report_fragility.h.
 *
 * The knock-outs are run by fragility.c, once per run of the comparison
 * (remous_compare_fragility, asked with compare --fragility: they cost a
 * run per person and role of two, so the workshop never asks for them).
 * A variant is more dependent on one person than the baseline when the
 * worst absence of one person (a role of two away as a whole is two
 * people) leaves more items late or lost, or more waiting in all, or when
 * more steps rest on one person; less in the other direction;
 * each figure counts only when the two differ beyond their 95% intervals
 * combined (and as written). */
#include "report_fragility.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fragility.h"
#include "labels.h"
#include "words.h"

#define WORST_SHOWN 3            /* knock-outs shown per run */

int remous_compare_fragility(remous_comparison *cmp, remous_scenario *sc, const remous_fragility_options *o,
                             char *err, size_t errlen) {
    cmp->fragility = calloc((size_t)cmp->n + 1, sizeof *cmp->fragility);
    if (!cmp->fragility) {
        snprintf(err, errlen, "out of memory");
        return REMOUS_ERR_RUN;
    }
    for (int v = 0; v < cmp->n; v++) {
        remous_fragility_options one = {cmp->results[v]->variant, o ? o->away : NULL, o ? o->at : NULL, o ? o->log : NULL};
        int rc = remous_fragility_run(sc, &one, &cmp->fragility[v], err, errlen);
        if (rc != REMOUS_OK)
            return rc;
    }
    return REMOUS_OK;
}

static void text(FILE *f, const char *s) {
    rm_html_escape(f, s);
}

/* The figure `metric` of the knock-out rows of x (its mean and half-width). */
static double knockout_figure(const rm_knockout *x, const char *metric, double *half) {
    for (int i = 0; i < x->nrows; i++)
        if (strcmp(x->rows[i].element, "knockout") == 0 && strcmp(x->rows[i].metric, metric) == 0) {
            *half = isnan(x->rows[i].half) ? 0 : x->rows[i].half;
            return x->rows[i].delta;
        }
    *half = 0;
    return 0;
}

/* The worst knock-out of one person in f; NULL when none. */
static const rm_knockout *worst_of_one(const remous_fragility *f) {
    for (int k = 0; k < f->nko; k++)
        if (!f->ko[k].whole_role)
            return &f->ko[k];
    return NULL;
}

/* The steps (activities done by a role) only one person can do. */
static int one_person_steps(const remous_fragility *f) {
    int n = 0;
    for (int a = 0; a < f->model->nactivities; a++)
        n += f->model->activities[a].nroles > 0 && f->able[a] == 1;
    return n;
}

/* -1, 0 or 1: whether a is below b, the same, above, beyond their
 * intervals combined and as written (wa, wb). */
static int differs(double a, double ha, double b, double hb, const char *wa, const char *wb) {
    if (strcmp(wa, wb) == 0 || !(fabs(a - b) > sqrt(ha * ha + hb * hb)))
        return 0;
    return a > b ? 1 : -1;
}

/* Appends a clause to buf (len bytes), lang's semicolon between clauses. */
static void add_clause(char *buf, size_t len, const char *clause, const char *lang) {
    size_t used = strlen(buf);
    snprintf(buf + used, len - used, "%s%s", used ? rm_word(lang, "fragility.semicolon") : "", clause);
}

/* The sentence on variant v against the baseline. */
static void verdict(FILE *out, const rm_comparison *cmp, int v, const char *lang) {
    const remous_fragility *b = cmp->fragility[0], *f = cmp->fragility[v];
    char clauses[2048] = "", clause[512], wa[64], wb[64], run[256];
    int more = 0, less = 0;
    const rm_knockout *kb = worst_of_one(b), *kv = worst_of_one(f);
    if (kb && kv) {
        double hb, hv, xb = knockout_figure(kb, "items_failed", &hb), xv = knockout_figure(kv, "items_failed", &hv);
        int d = differs(xv, hv, xb, hb, rm_fragility_amount(xv, lang, wa, sizeof wa),
                        rm_fragility_amount(xb, lang, wb, sizeof wb));
        if (d) {
            snprintf(clause, sizeof clause, rm_word(lang, "report_fragility.clause_failed"), wa, wb);
            add_clause(clauses, sizeof clauses, clause, lang);
        }
        more |= d > 0, less |= d < 0;
        xb = knockout_figure(kb, "extra_wait", &hb);
        xv = knockout_figure(kv, "extra_wait", &hv);
        d = differs(xv, hv, xb, hb, rm_fragility_duration(f->model, xv, lang, wa, sizeof wa),
                    rm_fragility_duration(b->model, xb, lang, wb, sizeof wb));
        if (d) {
            snprintf(clause, sizeof clause, rm_word(lang, "report_fragility.clause_wait"), wa, wb);
            add_clause(clauses, sizeof clauses, clause, lang);
        }
        more |= d > 0, less |= d < 0;
    }
    int ob = one_person_steps(b), ov = one_person_steps(f);
    if (ov != ob) {
        snprintf(clause, sizeof clause, rm_word(lang, "report_fragility.clause_one_person"), ov, ob);
        add_clause(clauses, sizeof clauses, clause, lang);
    }
    more |= ov > ob, less |= ov < ob;
    char line[4096];
    rm_variant_label(f->model, f->variant, lang, run, sizeof run);
    if (more && less)
        snprintf(line, sizeof line, rm_word(lang, "report_fragility.mixed"), run, clauses);
    else if (more)
        snprintf(line, sizeof line, rm_word(lang, "report_fragility.more"), run, clauses);
    else if (less)
        snprintf(line, sizeof line, rm_word(lang, "report_fragility.less"), run, clauses);
    else
        snprintf(line, sizeof line, rm_word(lang, "report_fragility.same"), run);
    fputs("<li>", out);
    text(out, line);
    fputs("</li>\n", out);
}

/* What was run: how long away, from when, how many replications. */
static void setup(FILE *out, const remous_fragility *f, const char *lang) {
    char away[64], at[64], line[1024];
    rm_fragility_duration(f->model, f->away, lang, away, sizeof away);
    if (f->at_worst)
        snprintf(line, sizeof line, rm_word(lang, "report_fragility.setup_worst"), away, f->nstarts, f->reps,
                 WORST_SHOWN);
    else if (f->at == f->model->warmup)
        snprintf(line, sizeof line, rm_word(lang, "report_fragility.setup"), away, f->reps, WORST_SHOWN);
    else
        snprintf(line, sizeof line, rm_word(lang, "report_fragility.setup_at"), away,
                 rm_fragility_duration(f->model, f->at, lang, at, sizeof at), f->reps, WORST_SHOWN);
    fputs("<p class=\"meta\">", out);
    text(out, line);
    fputs("</p>\n", out);
}

/* The worst knock-outs of each run, in columns side by side. */
static void worst_side_by_side(FILE *out, const rm_comparison *cmp, const char *lang) {
    fputs("<div class=\"fragility\" style=\"display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));"
          "gap:0 1.5rem\">\n", out);
    for (int v = 0; v < cmp->n; v++) {
        const remous_fragility *f = cmp->fragility[v];
        char run[256], line[4096];
        fputs("<section><h3>", out);
        text(out, rm_variant_label(f->model, f->variant, lang, run, sizeof run));
        fputs("</h3>\n<ol>\n", out);
        for (int k = 0; k < f->nko && k < WORST_SHOWN; k++) {
            fputs("<li>", out);
            text(out, rm_fragility_sentence(f, k, lang, line, sizeof line));
            fputs("</li>\n", out);
        }
        fputs("</ol>\n", out);
        if (f->nko == 0) {
            fputs("<p class=\"none\">", out);
            text(out, rm_word(lang, "report_fragility.nobody"));
            fputs("</p>\n", out);
        }
        fputs("</section>\n", out);
    }
    fputs("</div>\n", out);
}

/* Activity a of f by name; -1 when the run has none. */
static int activity_of(const remous_fragility *f, const char *name) {
    for (int a = 0; a < f->model->nactivities; a++)
        if (strcmp(f->model->activities[a].name, name) == 0)
            return a;
    return -1;
}

/* Per step (of all runs, in order of first appearance), how many people
 * can do it and the share of the busiest, a column per run. */
static void who_can_table(FILE *out, const rm_comparison *cmp, const char *lang) {
    fputs("<h3>", out);
    text(out, rm_word(lang, "report_fragility.who_can"));
    fputs("</h3>\n<p class=\"meta\">", out);
    text(out, rm_word(lang, "report_fragility.who_can_cells"));
    fputs("</p>\n<table class=\"bus-factor\"><tr><th>", out);
    text(out, rm_word(lang, "report_fragility.step"));
    fputs("</th>", out);
    char words[512];
    for (int v = 0; v < cmp->n; v++) {
        const remous_fragility *f = cmp->fragility[v];
        fputs("<th>", out);
        text(out, rm_variant_label(f->model, f->variant, lang, words, sizeof words));
        fputs("</th>", out);
    }
    fputs("</tr>\n", out);
    for (int w = 0; w < cmp->n; w++) {
        const rm_model *mw = cmp->fragility[w]->model;
        for (int a = 0; a < mw->nactivities; a++) {
            const rm_activity *act = &mw->activities[a];
            int seen = act->nroles == 0;          /* a step no role does: nobody to lose */
            for (int u = 0; u < w && !seen; u++)
                seen = activity_of(cmp->fragility[u], act->name) >= 0;
            if (seen)
                continue;
            fputs("<tr><td>", out);
            text(out, rm_shown(act->label, act->name, words, sizeof words));
            fputs("</td>", out);
            for (int v = 0; v < cmp->n; v++) {
                const remous_fragility *f = cmp->fragility[v];
                int b = activity_of(f, act->name);
                if (b < 0 || f->model->activities[b].nroles == 0) {
                    fputs("<td class=\"none\">", out);
                    text(out, rm_word(lang, "report_fragility.no_such_step"));
                    fputs("</td>", out);
                    continue;
                }
                fprintf(out, f->able[b] == 1 ? "<td><strong>%d</strong> · " : "<td>%d · ", f->able[b]);
                if (isnan(f->top_share[b]))
                    text(out, rm_word(lang, "report_fragility.never_done"));
                else {
                    char figure[32];
                    snprintf(figure, sizeof figure, "%.0f", 100 * f->top_share[b]);
                    snprintf(words, sizeof words, rm_word(lang, "number.percent"), figure);
                    text(out, words);
                }
                fputs("</td>", out);
            }
            fputs("</tr>\n", out);
        }
    }
    fputs("</table>\n", out);
}

void rm_report_fragility(FILE *out, const rm_comparison *cmp, const char *lang) {
    if (!cmp->fragility || cmp->n == 0)
        return;
    fputs("<h2>", out);
    text(out, rm_word(lang, "report_fragility.title"));
    fputs("</h2>\n", out);
    if (cmp->n > 1) {
        fputs("<ul class=\"digest\">\n", out);
        for (int v = 1; v < cmp->n; v++)
            verdict(out, cmp, v, lang);
        fputs("</ul>\n", out);
    }
    setup(out, cmp->fragility[0], lang);
    worst_side_by_side(out, cmp, lang);
    who_can_table(out, cmp, lang);
}
