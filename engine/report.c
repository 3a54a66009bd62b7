/* The HTML report: one self-contained page (inline CSS and SVG, no script,
 * no network) that a team reads together, printed or on a projector: the
 * side-effect digest, where each role's time goes (baseline against each
 * variant), how long people wait, how the lines grow over time, and the
 * parameters used. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost_chart.h"
#include "diagram.h"
#include "headline.h"
#include "labels.h"
#include "report_chart.h"
#include "report_fragility.h"
#include "report_sensitivity.h"
#include "results.h"
#include "targets_page.h"
#include "words.h"

/* Okabe and Ito's palette: told apart by most colour-blind readers. */
static const char *colours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"};
#define NCOLOURS 8

const char *rm_run_colour(int v) {
    return colours[v % NCOLOURS];
}

typedef struct page {
    FILE *f;
    const char *lang;         /* the catalog's code (words.h) */
    const char *controls;     /* HTML put under the title (the workshop's form), or NULL */
} page;

void rm_html_escape(FILE *f, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* Text from a scenario (names may hold anything): escaped for HTML. */
static void text(page *pg, const char *s) {
    rm_html_escape(pg->f, s);
}

/* A word of the catalog (a printf format) with its arguments, escaped for
 * HTML like the rest: a translator may write any character. */
static void say(page *pg, const char *format, ...) {
    char words[4096];
    va_list ap;
    va_start(ap, format);
    vsnprintf(words, sizeof words, format, ap);
    va_end(ap);
    text(pg, words);
}

void rm_svg_text(FILE *f, const char *s, size_t max) {
    if (rm_utf8_length(s) <= max) {
        rm_html_escape(f, s);
        return;
    }
    char cut[1024];
    size_t keep = 0;
    for (size_t chars = 0; s[keep] && chars < max - 1 && keep < sizeof cut - 8; chars++)
        do
            keep++;
        while (((unsigned char)s[keep] & 0xC0) == 0x80);
    memcpy(cut, s, keep);
    memcpy(cut + keep, "…", sizeof "…");
    fputs("<title>", f);
    rm_html_escape(f, s);
    fputs("</title>", f);
    rm_html_escape(f, cut);
}


/* A number as the page's language writes it: printf's `format` (whole
 * from 100 on: never 2.02e+03), with a decimal comma in French. */
static const char *num(const page *pg, char *buf, size_t len, const char *format, double v) {
    snprintf(buf, len, fabs(v) >= 99.5 ? "%.0f" : format, v);
    return rm_decimal_in(buf, len, pg->lang);
}

/* A percentage as the page's language writes it ("25%", "25 %"). */
static const char *percent(const page *pg, char *buf, size_t len, const char *figure) {
    snprintf(buf, len, rm_word(pg->lang, "number.percent"), figure);
    return buf;
}

/* The next word of *s (spaces skipped) into word; returns its width in
 * characters, -1 at the end. */
static long next_word(const char **s, char *word, size_t len) {
    while (**s == ' ')
        (*s)++;
    if (!**s)
        return -1;
    const char *end = *s;
    while (*end && *end != ' ')
        end++;
    size_t n = (size_t)(end - *s) < len - 1 ? (size_t)(end - *s) : len - 1;
    memcpy(word, *s, n);
    word[n] = '\0';
    *s = end;
    return (long)rm_utf8_length(word);
}

int rm_wrapped_lines(const char *s, size_t width) {
    int lines = 1;
    size_t used = 0;
    char word[512];
    for (long w; (w = next_word(&s, word, sizeof word)) >= 0;) {
        if (used > 0 && used + 1 + (size_t)w > width) {
            lines++;
            used = (size_t)w;
        } else {
            used += (used > 0) + (size_t)w;
        }
    }
    return lines;
}

void rm_svg_wrapped(FILE *f, int x, int y, int size, int step, const char *s, size_t width, int bold) {
    fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"%d\"%s>", x, y, size, bold ? " font-weight=\"bold\"" : "");
    size_t used = 0;
    int first = 1;
    char word[512];
    for (long w; (w = next_word(&s, word, sizeof word)) >= 0; first = 0) {
        if (first) {
            fprintf(f, "<tspan x=\"%d\">", x);
            used = (size_t)w;
        } else if (used > 0 && used + 1 + (size_t)w > width) {
            fprintf(f, "</tspan><tspan x=\"%d\" dy=\"%d\">", x, step);
            used = (size_t)w;
        } else {
            fputc(' ', f);
            used += 1 + (size_t)w;
        }
        rm_html_escape(f, word);
    }
    fputs(first ? "</text>\n" : "</tspan></text>\n", f);
}

/* The name over a group of bars (a role, a queue) in bold at baseline y,
 * wrapped at HEADING_CHARS, never cut; its lines are HEADING_STEP apart. */
#define HEADING_CHARS 80
#define HEADING_STEP 18
static void svg_heading(page *pg, int y, const char *s) {
    if (rm_wrapped_lines(s, HEADING_CHARS) > 1) {
        rm_svg_wrapped(pg->f, 0, y, 15, HEADING_STEP, s, HEADING_CHARS, 1);
        return;
    }
    fprintf(pg->f, "<text x=\"0\" y=\"%d\" font-size=\"15\" font-weight=\"bold\">", y);
    text(pg, s);
    fputs("</text>\n", pg->f);
}

/* What people read for an element the runs have: the first label a run
 * gives it (a variant may label what it adds), else its name. */
static const char *words_of_element(const rm_comparison *cmp, const char *element, const char *name,
                                    char *buf, size_t len) {
    for (int v = 0; v < cmp->n; v++) {
        const char *l = rm_element_label(cmp->results[v]->model, element, name);
        if (l && l[0])
            return rm_shown(l, name, buf, len);
    }
    return rm_shown(NULL, name, buf, len);
}

/* The same for a kind. */
static const char *words_of_kind(page *pg, const rm_comparison *cmp, const char *kind, char *buf, size_t len) {
    for (int v = 0; v < cmp->n; v++) {
        const rm_model *m = cmp->results[v]->model;
        for (int k = 0; m->kind_labels && k < m->nkinds; k++)
            if (strcmp(m->kinds[k], kind) == 0 && m->kind_labels[k][0])
                return rm_shown(m->kind_labels[k], kind, buf, len);
    }
    return rm_kind_label(NULL, kind, pg->lang, buf, len);
}

/* A run's words: its variant's label, or the baseline's word. */
static const char *words_of_run(page *pg, const remous_results *res, char *buf, size_t len) {
    return rm_variant_label(res->model, res->variant, pg->lang, buf, len);
}

/* Where the scenario declares the variant of results[v] (INT_MAX: nowhere). */
static int declared_at(const rm_comparison *cmp, int v) {
    for (int k = 0; k < cmp->sc->nmodels; k++)
        if (strcmp(cmp->sc->variants[k], cmp->results[v]->variant) == 0)
            return k;
    return INT_MAX;
}

/* The digest of results[v], or, for a variant left out (k, its index in
 * the scenario), its error in the page's language. */
static void variant_box(page *pg, const rm_comparison *cmp, int v, int k) {
    char words[512];
    fputs("<h3>", pg->f);
    say(pg, rm_word(pg->lang, "report.with_variant"),
        v > 0 ? words_of_run(pg, cmp->results[v], words, sizeof words) : cmp->sc->variants[k]);
    fputs("</h3>\n", pg->f);
    if (v == 0) {
        const char *message = rm_variant_error(cmp->sc, k, pg->lang);   /* in the page's language */
        fputs("<p class=\"error\">", pg->f);
        say(pg, rm_word(pg->lang, "report.not_computed"), message);
        fputs("</p>\n", pg->f);
        return;
    }
    fputs("<ul class=\"digest\">\n", pg->f);
    char **lines;
    int n = rm_digest(cmp, v, pg->lang, &lines);
    if (n == 0) {
        fputs("<li class=\"none\">", pg->f);
        text(pg, rm_word(pg->lang, "report.no_change"));
        fputs("</li>\n", pg->f);
    }
    for (int i = 0; i < n; i++) {
        fputs("<li>", pg->f);
        text(pg, lines[i]);
        fputs("</li>\n", pg->f);
        free(lines[i]);
    }
    if (n >= 0)
        free(lines);
    fputs("</ul>\n", pg->f);
}

/* The summary mean of a metric in a run; NaN when absent. */
static double mean(const remous_results *res, const char *element, const char *name, const char *metric,
                   double *half) {
    remous_summary_row r;
    if (remous_results_find(res, element, name, metric, &r) < 0 || r.n == 0) {
        if (half)
            *half = NAN;
        return NAN;
    }
    if (half)
        *half = r.ci95_high - r.mean;
    return r.mean;
}

static const char style[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2rem auto;max-width:60rem;"
    "padding:0 1rem;color:#111;font-size:18px;line-height:1.45;overflow-wrap:anywhere}"
    "h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.35rem;margin-top:2.2rem;border-bottom:2px solid #ddd}"
    ".description{font-size:1.15rem;margin:.3rem 0 .5rem}.meta{color:#555}.digest li{margin:.3rem 0}.none{color:#555}"
    ".error{background:#fde8e8;border:1px solid #c00;padding:.8rem;font-family:monospace}"
    "svg{display:block;max-width:100%;height:auto;margin:.5rem 0 1rem}svg text{font-family:inherit}"
    ".legend span{display:inline-block;margin-right:1.2rem}.legend i{display:inline-block;width:.9rem;height:.9rem;"
    "margin-right:.35rem;vertical-align:-.1rem;border:1px solid #888}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left;min-width:6rem}"
    ".model summary{font-weight:600;margin:.6rem 0 .2rem}.model svg text{font-family:Helvetica,Arial,sans-serif}"
    /* laid out at 14 and 13 with Helvetica's widths (diagram.c): drawn a little smaller, so that a
     * wider font (DejaVu Sans, where Helvetica is missing) still fits in its box */
    ".model .node text{font-size:12.5px}.model .edge text{font-size:11.5px}"
    "@media print{body{font-size:12pt;margin:0;max-width:none}h2{break-after:avoid}svg{break-inside:avoid}}";

/* Appends name to names[0..n) unless it is there (or cap is reached);
 * returns the new count. */
static int add_name(const char **names, int n, int cap, const char *name) {
    for (int j = 0; j < n; j++)
        if (strcmp(names[j], name) == 0)
            return n;
    if (n < cap)
        names[n++] = name;
    return n;
}

/* The queues of all runs, each once, in order of first appearance. */
static int queues_of_runs(const rm_comparison *cmp, const char **queues, int cap) {
    int nq = 0;
    for (int v = 0; v < cmp->n; v++) {
        const rm_model *m = cmp->results[v]->model;
        for (int q = 0; q < m->nqueues; q++)
            nq = add_name(queues, nq, cap, m->queues[q].name);
    }
    return nq;
}

/* A kind's group in the first run that gives it one; "" when none. */
static const char *group_of_kind(const rm_comparison *cmp, const char *kind) {
    for (int v = 0; v < cmp->n; v++) {
        const rm_model *m = cmp->results[v]->model;
        for (int k = 0; m->kind_groups && k < m->nkinds; k++)
            if (strcmp(m->kinds[k], kind) == 0 && m->kind_groups[k][0])
                return m->kind_groups[k];
    }
    return "";
}

/* Reorders kinds[0..n) so that the kinds of one group sit side by side
 * (where the group first appears), the others keeping their order: a
 * group's parts then stack next to each other in the bars. */
static void group_kinds_together(const rm_comparison *cmp, const char **kinds, int n) {
    const char *out[64];
    int m = 0;
    for (int k = 0; k < n && m < 64; k++) {
        const char *g = group_of_kind(cmp, kinds[k]);
        int placed = 0;
        for (int j = 0; j < m; j++)
            placed |= strcmp(out[j], kinds[k]) == 0;
        if (placed)
            continue;
        out[m++] = kinds[k];
        for (int j = k + 1; g[0] && j < n && m < 64; j++)
            if (strcmp(group_of_kind(cmp, kinds[j]), g) == 0)
                out[m++] = kinds[j];
    }
    memcpy(kinds, out, (size_t)m * sizeof *kinds);
}

/* Where each role's time goes: a stacked bar per run and role. */
static void time_chart(page *pg, const rm_comparison *cmp) {
    /* the kinds and the roles of all runs, in order of first appearance */
    const char *kinds[64], *roles[256];
    int nk = 0, nr = 0;
    for (int v = 0; v < cmp->n; v++) {
        const rm_model *m = cmp->results[v]->model;
        for (int k = 0; k < m->nkinds; k++)
            nk = add_name(kinds, nk, 64, m->kinds[k]);
        for (int r = 0; r < m->nroles; r++)
            nr = add_name(roles, nr, 256, m->roles[r].name);
    }
    group_kinds_together(cmp, kinds, nk);
    fputs("<h2>", pg->f);
    text(pg, rm_word(pg->lang, "report.time_title"));
    fputs("</h2>\n<p class=\"legend\">", pg->f);
    char words[256];
    for (int k = 0; k < nk; k++) {
        fprintf(pg->f, "<span><i style=\"background:%s\"></i>", colours[k % NCOLOURS]);
        const char *g = group_of_kind(cmp, kinds[k]);
        if (g[0]) {                              /* "contact: on the phone" */
            fputs("<em>", pg->f);
            say(pg, rm_word(pg->lang, "report.group_of_kind"), g);
            fputs("</em>", pg->f);
        }
        text(pg, words_of_kind(pg, cmp, kinds[k], words, sizeof words));
        fputs("</span>", pg->f);
    }
    fputs("<span><i style=\"background:#eee\"></i>", pg->f);
    text(pg, rm_word(pg->lang, "report.idle"));
    fputs("</span></p>\n", pg->f);
    int label = 260, width = 520, bar = 26, gap = 8, y = 24, line = 15;
    size_t chars = 32;                                  /* a run's name: wrapped in its column */
    int rows = 0;
    for (int v = 0; v < cmp->n; v++) {
        int lines = rm_wrapped_lines(words_of_run(pg, cmp->results[v], words, sizeof words), chars);
        rows += (lines * line > bar ? lines * line : bar) + gap;
    }
    int headings = 0;                                   /* the roles' names: their lines past the first */
    for (int r = 0; r < nr; r++)
        headings += rm_wrapped_lines(words_of_element(cmp, "role", roles[r], words, sizeof words), HEADING_CHARS) - 1;
    int height = 24 + nr * (rows + 22) + headings * HEADING_STEP + 10;
    fprintf(pg->f, "<svg class=\"chart chart-time\" viewBox=\"0 0 %d %d\" role=\"img\">\n", label + width + 70, height);
    for (int p = 0; p <= 100; p += 25) {
        char figure[16], pct[48];
        snprintf(figure, sizeof figure, "%d", p);
        fprintf(pg->f, "<text x=\"%d\" y=\"14\" font-size=\"12\" text-anchor=\"middle\" fill=\"#555\">",
                label + width * p / 100);
        text(pg, percent(pg, pct, sizeof pct, figure));
        fprintf(pg->f, "</text><line x1=\"%d\" x2=\"%d\" y1=\"18\" y2=\"%d\" stroke=\"#ddd\"/>\n",
                label + width * p / 100, label + width * p / 100, height - 6);
    }
    for (int r = 0; r < nr; r++) {
        const char *role = words_of_element(cmp, "role", roles[r], words, sizeof words);
        svg_heading(pg, y + 12, role);
        y += 18 + (rm_wrapped_lines(role, HEADING_CHARS) - 1) * HEADING_STEP;
        for (int v = 0; v < cmp->n; v++) {
            const remous_results *res = cmp->results[v];
            double util = mean(res, "role", roles[r], "utilization", NULL);
            const char *name = words_of_run(pg, res, words, sizeof words);
            int lines = rm_wrapped_lines(name, chars), row = lines * line > bar ? lines * line : bar;
            /* a name on several lines: its lines and the bar centred on the row */
            int row_top = y;
            rm_svg_wrapped(pg->f, 12, row_top + (row - (lines - 1) * line) / 2 + 5, 13, line, name, chars, 0);
            y = row_top + (row - bar) / 2;
            if (isnan(util)) {                   /* the role does not exist in this run */
                fprintf(pg->f, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"#777\">", label, y + bar / 2 + 5);
                text(pg, rm_word(pg->lang, "report.no_such_role"));
                fputs("</text>\n", pg->f);
                y = row_top + row + gap;
                continue;
            }
            double x = 0;
            for (int k = 0; k < nk; k++) {
                char metric[300];
                snprintf(metric, sizeof metric, "share_%s", kinds[k]);
                double share = mean(res, "role", roles[r], metric, NULL);
                if (!(share > 0))
                    continue;
                fprintf(pg->f, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>",
                        label + width * x, y, width * share, bar, colours[k % NCOLOURS]);
                char figure[32], pct[64];
                snprintf(figure, sizeof figure, "%.1f", 100 * share);
                say(pg, rm_word(pg->lang, "report.share_of_kind"), words_of_kind(pg, cmp, kinds[k], words, sizeof words),
                    percent(pg, pct, sizeof pct, rm_decimal_in(figure, sizeof figure, pg->lang)));
                fputs("</title></rect>\n", pg->f);
                x += share;
            }
            if (x < 1)
                fprintf(pg->f, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#eee\"/>\n",
                        label + width * x, y, width * (1 - x), bar);
            char figure[32], pct[64];
            fprintf(pg->f, "<text x=\"%d\" y=\"%d\" font-size=\"13\">", label + width + 6, y + bar / 2 + 5);
            text(pg, percent(pg, pct, sizeof pct, num(pg, figure, sizeof figure, "%.0f", 100 * util)));
            fputs("</text>\n", pg->f);
            y = row_top + row + gap;
        }
        y += 4;
    }
    fputs("</svg>\n", pg->f);
}

/* A share as a percentage said aloud (whole from 1%), in the page's language. */
static const char *group_pct(page *pg, double share, char *buf, size_t len) {
    char n[48];
    double p = 100 * share;
    return percent(pg, buf, len, rm_say_number(p >= 0.95 ? round(p) : p, pg->lang, n, sizeof n));
}

/* Whether a run of cmp gives some kind the group g. */
static int kind_in_group(const rm_comparison *cmp, const char *kind, const char *g) {
    for (int v = 0; v < cmp->n; v++) {
        const rm_model *m = cmp->results[v]->model;
        for (int k = 0; m->kind_groups && k < m->nkinds; k++)
            if (strcmp(m->kinds[k], kind) == 0 && strcmp(m->kind_groups[k], g) == 0)
                return 1;
    }
    return 0;
}

/* Under the time chart, for kinds in a group (`kinds = { phone = { label =
 * ..., group = "contact" } }`): each role's total on the group per run, and
 * its parts, so that time moved from one part to another reads as such. */
static void group_totals(page *pg, const rm_comparison *cmp) {
    const char *groups[64], *kinds[64], *roles[256];
    int ng = 0, nk = 0, nr = 0;
    for (int v = 0; v < cmp->n; v++) {
        const rm_model *m = cmp->results[v]->model;
        for (int k = 0; m->kind_groups && k < m->nkinds; k++)
            if (m->kind_groups[k][0]) {
                ng = add_name(groups, ng, 64, m->kind_groups[k]);
                nk = add_name(kinds, nk, 64, m->kinds[k]);
            }
        for (int r = 0; r < m->nroles; r++)
            nr = add_name(roles, nr, 256, m->roles[r].name);
    }
    int header = 0;
    char words[256], metric[300];
    for (int g = 0; g < ng; g++)
        for (int r = 0; r < nr; r++) {
            double any = 0;
            for (int v = 0; v < cmp->n; v++)
                for (int k = 0; k < nk; k++) {
                    snprintf(metric, sizeof metric, "share_%s", kinds[k]);
                    double s = mean(cmp->results[v], "role", roles[r], metric, NULL);
                    if (kind_in_group(cmp, kinds[k], groups[g]) && s > 0)
                        any += s;
                }
            if (!(any > 0))
                continue;                        /* the role does none of the group */
            if (!header++) {
                fputs("<style>.groups td:nth-child(-n+2){overflow-wrap:normal}</style>\n<p class=\"meta\">", pg->f);
                text(pg, rm_word(pg->lang, "report.groups_caption"));
                fputs("</p>\n<table class=\"groups\"><tr><th>", pg->f);
                text(pg, rm_word(pg->lang, "report.groups_role"));
                fputs("</th><th>", pg->f);
                text(pg, rm_word(pg->lang, "report.groups_group"));
                fputs("</th>", pg->f);
                for (int v = 0; v < cmp->n; v++) {
                    fputs("<th>", pg->f);
                    text(pg, words_of_run(pg, cmp->results[v], words, sizeof words));
                    fputs("</th>", pg->f);
                }
                fputs("</tr>\n", pg->f);
            }
            fputs("<tr><td>", pg->f);
            text(pg, words_of_element(cmp, "role", roles[r], words, sizeof words));
            fputs("</td><td>", pg->f);
            text(pg, groups[g]);
            fputs("</td>", pg->f);
            for (int v = 0; v < cmp->n; v++) {
                double total = 0;
                char parts[2048] = "", part[400], pct[64];
                for (int k = 0; k < nk; k++) {
                    snprintf(metric, sizeof metric, "share_%s", kinds[k]);
                    double s = mean(cmp->results[v], "role", roles[r], metric, NULL);
                    if (!kind_in_group(cmp, kinds[k], groups[g]) || !(s > 0))
                        continue;
                    total += s;
                    group_pct(pg, s, pct, sizeof pct);
                    snprintf(part, sizeof part, "%s%s %s", parts[0] ? ", " : "",
                             words_of_kind(pg, cmp, kinds[k], words, sizeof words), pct);
                    strncat(parts, part, sizeof parts - strlen(parts) - 1);
                }
                group_pct(pg, total, pct, sizeof pct);
                fprintf(pg->f, "<td><b>%s</b>", pct);
                if (parts[0]) {
                    fputs(" (", pg->f);
                    text(pg, parts);
                    fputs(")", pg->f);
                }
                fputs("</td>", pg->f);
            }
            fputs("</tr>\n", pg->f);
        }
    if (header)
        fputs("</table>\n", pg->f);
}

/* How long people wait at each queue: a bar per run, with its interval. */
static void wait_chart(page *pg, const rm_comparison *cmp) {
    const char *queues[256];
    int nq = queues_of_runs(cmp, queues, 256);
    /* the figures in the largest unit where the longest wait still reads 10 or more
     * (70 hours, not 4215 minutes), never below the scenario's */
    static const struct { const char *name, *key; double seconds; } units[] = {
        {"second", RM_WORD_KEY("report.unit_seconds"), 1}, {"minute", RM_WORD_KEY("report.unit_minutes"), 60},
        {"hour", RM_WORD_KEY("report.unit_hours"), 3600}, {"day", RM_WORD_KEY("report.unit_days"), 86400}};
    const rm_model *m0 = cmp->results[0]->model;
    double longest = 0;
    for (int q = 0; q < nq; q++)
        for (int v = 0; v < cmp->n; v++) {
            double w = mean(cmp->results[v], "queue", queues[q], "wait_mean", NULL);
            if (w > longest)
                longest = w;
        }
    int u = 1;
    for (int i = 0; i < 4; i++)
        if (strcmp(m0->unit, units[i].name) == 0)
            u = i;
    while (u < 3 && longest * m0->unit_seconds / units[u + 1].seconds >= 10)
        u++;
    double scale = m0->unit_seconds / units[u].seconds;
    fputs("<h2>", pg->f);
    say(pg, rm_word(pg->lang, "report.wait_title"), rm_word(pg->lang, units[u].key));
    fputs("</h2>\n<p class=\"meta\">", pg->f);
    say(pg, rm_word(pg->lang, "report.wait_scale"));
    fputs("</p>\n", pg->f);
    int label = 260, width = 520, bar = 22, gap = 6, y = 10, line = 15;
    size_t chars = 32;                                  /* a run's name: wrapped in its column */
    char words[256];
    int rows = 0;
    for (int v = 0; v < cmp->n; v++) {
        int lines = rm_wrapped_lines(words_of_run(pg, cmp->results[v], words, sizeof words), chars);
        rows += (lines * line > bar ? lines * line : bar) + gap;
    }
    int headings = 0;                                   /* the queues' names: their lines past the first */
    for (int q = 0; q < nq; q++)
        headings += rm_wrapped_lines(words_of_element(cmp, "queue", queues[q], words, sizeof words), HEADING_CHARS) - 1;
    int height = 10 + nq * (rows + 22) + headings * HEADING_STEP + 10;
    fprintf(pg->f, "<svg class=\"chart chart-wait\" viewBox=\"0 0 %d %d\" role=\"img\">\n", label + width + 90, height);
    for (int q = 0; q < nq; q++) {
        double top = 0;
        for (int v = 0; v < cmp->n; v++) {
            double half, w = mean(cmp->results[v], "queue", queues[q], "wait_mean", &half);
            if (w + (isnan(half) ? 0 : half) > top)
                top = w + (isnan(half) ? 0 : half);
        }
        if (!(top > 0))
            top = 1;
        const char *queue = words_of_element(cmp, "queue", queues[q], words, sizeof words);
        svg_heading(pg, y + 12, queue);
        y += 18 + (rm_wrapped_lines(queue, HEADING_CHARS) - 1) * HEADING_STEP;
        for (int v = 0; v < cmp->n; v++) {
            double half, w = mean(cmp->results[v], "queue", queues[q], "wait_mean", &half);
            const char *name = words_of_run(pg, cmp->results[v], words, sizeof words);
            int lines = rm_wrapped_lines(name, chars), row = lines * line > bar ? lines * line : bar;
            /* a name on several lines: its lines and the bar centred on the row */
            int row_top = y;
            rm_svg_wrapped(pg->f, 12, row_top + (row - (lines - 1) * line) / 2 + 5, 13, line, name, chars, 0);
            y = row_top + (row - bar) / 2;
            if (isnan(w)) {                      /* the queue does not exist in this run */
                fprintf(pg->f, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"#777\">", label, y + bar / 2 + 5);
                text(pg, rm_word(pg->lang, "report.no_such_queue"));
                fputs("</text>\n", pg->f);
            } else {
                double x1 = label + width * w / top;
                fprintf(pg->f, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", label, y,
                        width * w / top, bar, colours[v % NCOLOURS]);
                if (!isnan(half) && half > 0) {
                    double lo = label + width * fmax(0, w - half) / top, hi = label + width * (w + half) / top;
                    fprintf(pg->f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\" stroke-width=\"2\"/>"
                                   "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\"/>"
                                   "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\"/>\n",
                            lo, hi, y + bar / 2, y + bar / 2, lo, lo, y + 4, y + bar - 4, hi, hi, y + 4, y + bar - 4);
                }
                char figure[32];
                fprintf(pg->f, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\">%s</text>\n",
                        fmax(x1, label + width * (w + (isnan(half) ? 0 : half)) / top) + 6, y + bar / 2 + 5,
                        num(pg, figure, sizeof figure, "%.3g", w * scale));
            }
            y = row_top + row + gap;
        }
        y += 4;
    }
    fputs("</svg>\n", pg->f);
}

double rm_round_top(double v) {
    double p = pow(10, floor(log10(v)));
    static const double steps[] = {1, 2, 2.5, 5, 10};
    for (int i = 0; i < 5; i++)
        if (steps[i] * p >= v * (1 - 1e-9))
            return steps[i] * p;
    return 10 * p;
}

/* A number of an axis, as short as it is exact (0.05, 2.5, 40), in the
 * page's language. */
static const char *axis_number(const page *pg, char *buf, size_t len, double v) {
    snprintf(buf, len, "%.6f", v);
    char *end = buf + strlen(buf);
    while (end > buf && end[-1] == '0')
        *--end = '\0';
    if (end > buf && end[-1] == '.')
        *--end = '\0';
    return rm_decimal_in(buf, len, pg->lang);
}

/* The queue's mean length period by period, a line per run: over the
 * hours it can be served (length_mean_open, as the digest says it), so
 * that nights and closed days do not flatten a line a team sees. */
static void length_chart(page *pg, const rm_comparison *cmp, const char *queue) {
    double top = 0;
    int periods = 0;
    for (int v = 0; v < cmp->n; v++) {
        const remous_results *res = cmp->results[v];
        for (int i = 0; i < res->tcat.n; i++) {
            const rm_metric *e = &res->tcat.m[i];
            if (e->element != RM_EL_QUEUE || strcmp(e->name, queue) || strcmp(e->metric, "length_mean_open"))
                continue;
            for (int k = 0; k < res->nperiods; k++) {
                const rm_welford *w = &res->ts[(size_t)k * (size_t)res->tcat.n + (size_t)i];
                if (w->n && w->mean > top)
                    top = w->mean;
            }
            if (res->nperiods > periods)
                periods = res->nperiods;
        }
    }
    if (periods < 2)
        return;
    top = top > 0 ? rm_round_top(top) : 1;
    int left = 70, width = 680, height = 180, above = 10;   /* the plot: from y = above to y = height */
    char words[256], figure[32];
    const rm_model *m = cmp->results[0]->model;
    double period = cmp->results[0]->period, week = 604800 / m->unit_seconds, day = 86400 / m->unit_seconds;
    /* the time axis: weeks or days numbered from the start, else periods */
    const char *each = fabs(period - week) < 1e-9 * week ? rm_word(pg->lang, "report.axis_weeks")
                     : fabs(period - day) < 1e-9 * day ? rm_word(pg->lang, "report.axis_days")
                     : rm_word(pg->lang, "report.axis_periods");
    fprintf(pg->f, "<h3>");
    text(pg, words_of_element(cmp, "queue", queue, words, sizeof words));
    fprintf(pg->f, "</h3>\n<svg class=\"chart chart-length\" viewBox=\"0 0 %d %d\" role=\"img\">\n", left + width + 20, height + 48);
    fprintf(pg->f, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
                   "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n",
            left, left + width, height, height, left, left, above, height);
    for (int j = 0; j <= 2; j++) {                      /* 0, the half and the top, round */
        double y = height - (height - above) * j / 2.0;
        if (j > 0)
            fprintf(pg->f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", left + 1,
                    left + width, y, y);
        fprintf(pg->f, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%s</text>\n", left - 6, y + 4,
                axis_number(pg, figure, sizeof figure, top * j / 2));
    }
    fprintf(pg->f, "<text x=\"14\" y=\"%d\" font-size=\"12\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">",
            height / 2 + 5, height / 2 + 5);
    int holds = -1;                                     /* what waits there, for the axis's words: */
    for (int v = 0; v < cmp->n && holds < 0; v++)       /* the first run that has the queue says */
        holds = rm_queue_holds(cmp->results[v]->model, queue);
    text(pg, rm_word(pg->lang, holds == RM_HOLDS_TASKS   ? RM_WORD_KEY("report.axis_waiting_tasks")
                               : holds == RM_HOLDS_FORMS ? RM_WORD_KEY("report.axis_waiting_forms")
                                                         : RM_WORD_KEY("report.axis_waiting")));
    fputs("</text>\n", pg->f);
    int every = (periods + 11) / 12;                    /* at most a dozen numbers on the axis */
    for (int k = 0; k < periods; k += every)
        fprintf(pg->f, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%d</text>\n",
                left + width * (k + 0.5) / periods, height + 16, k + 1);
    fprintf(pg->f, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">", left + width / 2, height + 38);
    text(pg, each);
    fputs("</text>\n", pg->f);
    for (int v = 0; v < cmp->n; v++) {
        const remous_results *res = cmp->results[v];
        for (int i = 0; i < res->tcat.n; i++) {
            const rm_metric *e = &res->tcat.m[i];
            if (e->element != RM_EL_QUEUE || strcmp(e->name, queue) || strcmp(e->metric, "length_mean_open"))
                continue;
            fprintf(pg->f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" points=\"", colours[v % NCOLOURS]);
            for (int k = 0; k < res->nperiods; k++) {
                const rm_welford *w = &res->ts[(size_t)k * (size_t)res->tcat.n + (size_t)i];
                if (w->n)
                    fprintf(pg->f, "%.1f,%.1f ", left + width * (k + 0.5) / periods,
                            height - (height - above) * w->mean / top);
            }
            fputs("\"/>\n", pg->f);
        }
    }
    fputs("</svg>\n", pg->f);
}

static void legend_of_runs(page *pg, const rm_comparison *cmp) {
    char words[256];
    fputs("<p class=\"legend\">", pg->f);
    for (int v = 0; v < cmp->n; v++) {
        fprintf(pg->f, "<span><i style=\"background:%s\"></i>", colours[v % NCOLOURS]);
        text(pg, words_of_run(pg, cmp->results[v], words, sizeof words));
        fputs("</span>", pg->f);
    }
    fputs("</p>\n", pg->f);
}

static void params_table(page *pg, const rm_comparison *cmp) {
    const rm_model *m0 = cmp->results[0]->model;
    char words[256];
    fputs("<h2>", pg->f);
    text(pg, rm_word(pg->lang, "report.params_title"));
    fputs("</h2>\n<table><tr><th>", pg->f);
    text(pg, rm_word(pg->lang, "report.params_parameter"));
    fputs("</th>", pg->f);
    for (int v = 0; v < cmp->n; v++) {
        fputs("<th>", pg->f);
        text(pg, words_of_run(pg, cmp->results[v], words, sizeof words));
        fputs("</th>", pg->f);
    }
    fputs("</tr>\n", pg->f);
    for (int i = 0; i < m0->nparams; i++) {
        fputs("<tr><td>", pg->f);
        text(pg, rm_param_label(&m0->params[i], words, sizeof words));
        fputs("</td>", pg->f);
        for (int v = 0; v < cmp->n; v++) {
            const rm_model *m = cmp->results[v]->model;
            fputs("<td>", pg->f);
            for (int j = 0; j < m->nparams; j++)
                if (strcmp(m->params[j].name, m0->params[i].name) == 0)
                    text(pg, rm_param_value_in(&m->params[j], pg->lang, words, sizeof words));
            fputs("</td>", pg->f);
        }
        fputs("</tr>\n", pg->f);
    }
    fputs("</table>\n", pg->f);
}

const char *rm_param_value_in(const rm_param *p, const char *lang, char *buf, size_t len) {
    snprintf(buf, len, "%s", p->value);
    return p->numeric ? rm_decimal_in(buf, len, lang) : buf;
}

/* The slips the runs show in the model (warnings.c), if any. */
static void warnings_list(page *pg, const rm_comparison *cmp) {
    char **lines = NULL;
    int n = rm_warnings(cmp, pg->lang, 1, &lines);
    if (n > 0) {
        fputs("<h2>", pg->f);
        text(pg, rm_word(pg->lang, "report.to_check"));
        fputs("</h2>\n<ul class=\"warnings\">\n", pg->f);
    }
    for (int i = 0; i < n; i++) {
        fputs("<li>", pg->f);
        text(pg, lines[i]);
        fputs("</li>\n", pg->f);
        free(lines[i]);
    }
    if (n > 0)
        fputs("</ul>\n", pg->f);
    free(lines);
}

/* The process as a picture (diagram.c), one per run, what a variant adds
 * or changes coloured; where Graphviz fails, one line saying why instead. */
static void model_pictures(page *pg, const rm_comparison *cmp) {
    const rm_diagram_words *w = rm_diagram_words_for(pg->lang);
    fprintf(pg->f, "<h2>%s</h2>\n<p class=\"meta\">%s</p>\n", w->title, w->legend);
    if (cmp->n > 1)
        fprintf(pg->f, "<p class=\"legend\"><span><i style=\"background:%s;border:2px solid %s\"></i>%s</span>"
                       "<span><i style=\"border:2px solid %s\"></i>%s</span></p>\n",
                RM_DIAGRAM_ADDED_FILL, RM_DIAGRAM_ADDED, w->added, RM_DIAGRAM_CHANGED, w->changed);
    for (int v = 0; v < cmp->n; v++) {
        char words[512], id[32], err[400];
        snprintf(id, sizeof id, "d%d", v);
        fputs("<details class=\"model\" open><summary>", pg->f);
        text(pg, words_of_run(pg, cmp->results[v], words, sizeof words));
        fputs("</summary>\n", pg->f);
        char *svg = rm_diagram_svg(cmp->results[v]->model, cmp->results[v], cmp->results[0]->model, id, pg->lang,
                                   err, sizeof err);
        if (svg) {
            fputs(svg, pg->f);
        } else {
            fprintf(pg->f, "<p class=\"meta\">%s", w->failed);   /* a note, not an alarm: the rest holds */
            text(pg, err);
            fputs("</p>", pg->f);
        }
        free(svg);
        fputs("</details>\n", pg->f);
    }
}

/* The whole page into f. */
static void write_page(page *pg, const rm_comparison *cmp) {
    const remous_results *base = cmp->results[0];
    const rm_model *m = base->model;
    fprintf(pg->f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
            pg->lang);
    char words[256];
    rm_shown(m->label, m->name, words, sizeof words);
    text(pg, words);
    fprintf(pg->f, " — remous</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
    text(pg, words);
    fputs("</h1>\n", pg->f);
    if (m->description && m->description[0]) {      /* the scenario's words, as written */
        fputs("<p class=\"description\">", pg->f);
        text(pg, m->description);
        fputs("</p>\n", pg->f);
    }
    fputs("<p class=\"meta\">", pg->f);
    say(pg, rm_word(pg->lang, "report.runs"), base->reps, rm_replications_word(base->reps, pg->lang), (unsigned long long)cmp->sc->seed, REMOUS_VERSION);
    say(pg, rm_word(pg->lang, "report.figures_are_means"));
    fputs("</p>\n", pg->f);
    if (pg->controls)
        fputs(pg->controls, pg->f);              /* (the workshop puts the headline beside them) */
    else
        rm_headline_html(pg->f, cmp, pg->lang, 0);
    rm_targets_html(pg->f, cmp, pg->lang);
    if (cmp->n > 1 || cmp->nfailed > 0) {
        fputs("<h2>", pg->f);
        text(pg, rm_word(pg->lang, "report.what_changes"));
        fputs("</h2>\n", pg->f);
        char rule[1024];
        fputs("<p class=\"meta\">", pg->f);
        text(pg, rm_digest_rule(cmp, pg->lang, rule, sizeof rule));
        fputs("</p>\n", pg->f);
        /* the variants left out among the others, where the scenario declares them */
        for (int v = 1, f = 0; v < cmp->n || f < cmp->nfailed;) {
            if (f < cmp->nfailed && (v >= cmp->n || cmp->failed[f] < declared_at(cmp, v)))
                variant_box(pg, cmp, 0, cmp->failed[f++]);
            else
                variant_box(pg, cmp, v++, 0);
        }
    }
    warnings_list(pg, cmp);
    model_pictures(pg, cmp);
    time_chart(pg, cmp);
    group_totals(pg, cmp);
    rm_cost_chart(pg->f, cmp, pg->lang);
    wait_chart(pg, cmp);
    fputs("<h2>", pg->f);
    text(pg, rm_word(pg->lang, "report.waiting_over_time"));
    fputs("</h2>\n<p class=\"meta\">", pg->f);
    text(pg, rm_word(pg->lang, "report.waiting_caption"));
    fputs("</p>\n", pg->f);
    legend_of_runs(pg, cmp);
    const char *queues[1024];
    int nq = queues_of_runs(cmp, queues, 1024);
    for (int q = 0; q < nq; q++)
        length_chart(pg, cmp, queues[q]);
    rm_report_fragility(pg->f, cmp, pg->lang);
    rm_report_sensitivity(pg->f, cmp, pg->lang);
    params_table(pg, cmp);
    fputs("</body>\n</html>\n", pg->f);
}

void rm_html_page(FILE *f, const rm_comparison *cmp, const char *lang, const char *controls) {
    page pg = {f, rm_lang_known(lang) ? lang : "en", controls};
    write_page(&pg, cmp);
}

int rm_write_html(const rm_comparison *cmp, const char *path, const char *lang, char *err, size_t errlen) {
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    page pg = {fopen(tmp, "w"), rm_lang_known(lang) ? lang : "en", NULL};
    if (!pg.f) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        return REMOUS_ERR_RUN;
    }
    write_page(&pg, cmp);
    int bad = ferror(pg.f);
    if (fclose(pg.f) != 0 || bad || rename(tmp, path) != 0) {
        remove(tmp);
        snprintf(err, errlen, "cannot write %s", path);
        return REMOUS_ERR_RUN;
    }
    return REMOUS_OK;
}

int remous_write_html(const remous_comparison *cmp, const char *path, const char *lang, char *err, size_t errlen) {
    return rm_write_html(cmp, path, lang, err, errlen);
}

int remous_write_html_run(const remous_results *res, const char *path, const char *lang, char *err, size_t errlen) {
    remous_results *one = (remous_results *)res;
    rm_comparison cmp = {.sc = res->sc, .results = &one, .n = 1};
    return rm_write_html(&cmp, path, lang, err, errlen);
}

/* ------------------------------------------- for the charts of other files -- */

int rm_chart_kinds(const rm_comparison *cmp, const char **kinds, int cap) {
    int nk = 0;
    for (int v = 0; v < cmp->n; v++) {
        const rm_model *m = cmp->results[v]->model;
        for (int k = 0; k < m->nkinds; k++)
            nk = add_name(kinds, nk, cap < 64 ? cap : 64, m->kinds[k]);
    }
    group_kinds_together(cmp, kinds, nk);
    return nk;
}

const char *rm_chart_kind_words(const rm_comparison *cmp, const char *kind, const char *lang, char *buf, size_t len) {
    page pg = {NULL, lang, NULL};
    return words_of_kind(&pg, cmp, kind, buf, len);
}
