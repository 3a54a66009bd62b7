/* The decision page, see decision_page.h. Every word from the catalog
 * (sweep.* and decision.*), every figure in the page's language. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decision_page.h"
#include "labels.h"
#include "results.h"
#include "headline.h"
#include "words.h"

/* "booksellers — time on advising readers"; a declared metric: its label. */
static const char *metric_title(const rm_decision *d, int i, const char *lang, char *buf, size_t len) {
    const rm_swept_metric *mt = &d->p->m[i];
    char element[256], words[300];
    rm_label_of(d->m, mt->element, mt->name, lang, element, sizeof element);
    if (strcmp(mt->element, "metric") == 0)
        snprintf(buf, len, "%s", element);
    else
        snprintf(buf, len, "%s — %s", element, rm_metric_words(d->m, mt->element, mt->name, mt->metric, lang, words, sizeof words));
    return buf;
}

/* A figure of metric i as people read it ("46%", "4.9 minutes"). */
static const char *said(const rm_decision *d, int i, double v, const char *lang, char *buf, size_t len) {
    const rm_swept_metric *mt = &d->p->m[i];
    return rm_metric_said(d->m, mt->element, strcmp(mt->element, "metric") == 0 ? mt->name : mt->metric, v, lang,
                          buf, len);
}

/* The metric index of a stated target (-1: none). */
static int metric_of(const rm_decision *d, const rm_stated_target *t) {
    for (int i = 0; i < d->p->nm; i++)
        if (!strcmp(d->p->m[i].element, t->element) && !strcmp(d->p->m[i].name, t->ename) &&
            !strcmp(d->p->m[i].metric, t->metric))
            return i;
    return -1;
}

/* A target's words: its label in the scenario, else its name; a --target
 * (its name is the spec, "arrivals:walk_in:wait_mean<5"): its metric's words. */
static const char *target_words(const rm_decision *d, const rm_stated_target *t, const char *lang, char *buf,
                                size_t len) {
    for (int i = 0; i < d->ntargets; i++)
        if (strcmp(d->targets[i].name, t->name) == 0 && d->targets[i].label[0])
            return d->targets[i].label;
    int i = metric_of(d, t);
    if (i >= 0 && strpbrk(t->name, "<>"))
        return metric_title(d, i, lang, buf, len);
    return t->name;
}

/* "wanted below 5 minutes". */
static const char *wanted(const rm_decision *d, const rm_stated_target *t, const char *lang, char *buf, size_t len) {
    char level[96];
    int i = metric_of(d, t);
    double v = strtod(t->level, NULL);
    if (i >= 0)
        said(d, i, v, lang, level, sizeof level);
    else
        rm_metric_said(d->m, t->element, strcmp(t->element, "metric") == 0 ? t->ename : t->metric, v, lang, level,
                       sizeof level);
    const char *w = !strcmp(t->op, "<") ? rm_word(lang, "decision.below")
                  : !strcmp(t->op, "<=") ? rm_word(lang, "decision.at_most")
                  : !strcmp(t->op, ">") ? rm_word(lang, "decision.above") : rm_word(lang, "decision.at_least");
    snprintf(buf, len, w, level);
    return buf;
}

/* The points close to the best on ranked metric i (their intervals meet its). */
static int close_to_best(const rm_decision *d, int i, long k) {
    long b = d->best[i];
    if (b < 0 || k == b || isnan(rm_points_mean(d->p, k, i)))
        return 0;
    return d->p->m[i].max ? rm_points_high(d->p, k, i) >= rm_points_low(d->p, b, i)
                          : rm_points_low(d->p, k, i) <= rm_points_high(d->p, b, i);
}

/* "p1; p2; p3" of up to 12 points, then "…". */
static void point_list(const rm_decision *d, const long *pts, long n, const char *lang, char *buf, size_t len) {
    size_t w = 0;
    buf[0] = '\0';
    for (long i = 0; i < n && w + 4 < len; i++) {
        char one[1024];
        if (i == 12) {
            snprintf(buf + w, len - w, "; …");
            break;
        }
        rm_point_words(d->sw, d->m, pts[i], one, sizeof one);
        w += (size_t)snprintf(buf + w, len - w, "%s%s", i ? rm_word(lang, "sweep.list_between") : "", one);
    }
    rm_utf8_cut(buf, len - 1);
}

const char *rm_decision_answer(const rm_decision *d, char *buf, size_t len) {
    const char *lang = d->sw->lang;
    char list[4096], one[1024];
    if (d->v) {
        if (d->ngood == 0)
            snprintf(buf, len, rm_word(lang, "sweep.answer_none"), d->p->n);
        else if (d->ngood == 1) {
            rm_point_words(d->sw, d->m, d->good[0], one, sizeof one);
            snprintf(buf, len, rm_word(lang, "sweep.answer_one"), d->ngood, d->p->n, one);
        } else if (d->sw->prefer) {
            rm_point_words(d->sw, d->m, d->good[0], one, sizeof one);
            snprintf(buf, len, rm_word(lang, "sweep.answer_cheapest"), d->ngood, d->p->n, one);
        } else {
            point_list(d, d->good, d->ngood, lang, list, sizeof list);
            snprintf(buf, len, rm_word(lang, "sweep.answer_meet"), d->ngood, d->p->n, list);
        }
        return buf;
    }
    long b = d->p->nranked ? d->best[0] : -1;
    if (b < 0) {
        snprintf(buf, len, "%s", rm_word(lang, "sweep.no_value"));
        return buf;
    }
    long *close = malloc(((size_t)d->p->n + 1) * sizeof *close), nclose = 0;
    for (long k = 0; close && k < d->p->n; k++)
        if (close_to_best(d, 0, k))
            close[nclose++] = k;
    char title[700], value[96];
    metric_title(d, 0, lang, title, sizeof title);
    rm_point_words(d->sw, d->m, b, one, sizeof one);
    said(d, 0, rm_points_mean(d->p, b, 0), lang, value, sizeof value);
    if (nclose == 0)
        snprintf(buf, len, rm_word(lang, "sweep.answer_best_alone"), title, one, value);
    else {
        point_list(d, close, nclose, lang, list, sizeof list);
        snprintf(buf, len, nclose == 1 ? rm_word(lang, "sweep.answer_best_one") : rm_word(lang, "sweep.answer_best_with"),
                 title, one, value, nclose, list);
    }
    free(close);
    return buf;
}

/* A grid param's words: its label in m, else its name. */
static const char *param_words(const rm_decision *d, int g, char *buf, size_t len) {
    rm_shown(NULL, d->sw->grid[g].name, buf, len);
    for (int i = 0; d->m && i < d->m->nparams; i++)
        if (strcmp(d->m->params[i].name, d->sw->grid[g].name) == 0)
            rm_param_label(&d->m->params[i], buf, len);
    return buf;
}

static const char *value_words(const char *value, const char *lang, char *buf, size_t len) {
    snprintf(buf, len, "%s", value);
    char *end;
    strtod(buf, &end);
    if (end != buf && !*end)
        rm_decimal_in(buf, len, lang);
    return buf;
}

/* The colour of t in [0, 1], light to dark blue, and whether text on it is white. */
static void shade(double t, char *buf, size_t len, int *white) {
    static const int lo[3] = {0xef, 0xf3, 0xff}, hi[3] = {0x08, 0x45, 0x94};
    int c[3];
    for (int j = 0; j < 3; j++)
        c[j] = (int)lround(lo[j] + (hi[j] - lo[j]) * t);
    snprintf(buf, len, "#%02x%02x%02x", c[0], c[1], c[2]);
    *white = t > 0.5;
}

/* Ranked metric i as a heat map: rows the first grid param, columns the
 * second, one map for each value of the others (small multiples). */
static void heat_map(FILE *f, const rm_decision *d, int i, const char *lang) {
    const remous_sweep_options *sw = d->sw;
    const rm_points *p = d->p;
    int ng = sw->ngrid;
    long nrows = ng >= 2 ? sw->grid[0].nvalues : 1, ncols = ng >= 2 ? sw->grid[1].nvalues : sw->grid[0].nvalues;
    long panels = p->n / (nrows * ncols);
    double lo = INFINITY, hi = -INFINITY;
    for (long k = 0; i >= 0 && k < p->n; k++) {
        double v = rm_points_mean(p, k, i);
        if (!isnan(v)) {
            lo = fmin(lo, v);
            hi = fmax(hi, v);
        }
    }
    char title[700], words[512], value[256];
    fprintf(f, "<h2>");
    char heading[900];
    if (i >= 0)
        snprintf(heading, sizeof heading, rm_word(lang, "sweep.map_title"), metric_title(d, i, lang, title, sizeof title));
    else
        snprintf(heading, sizeof heading, "%s", rm_word(lang, "sweep.verdict_map_title"));
    rm_html_escape(f, heading);
    fputs("</h2>\n", f);
    if (i >= 0)
        fprintf(f, "<p class=\"goal\">%s</p>\n", p->m[i].max ? rm_word(lang, "sweep.largest_best")
                                                              : rm_word(lang, "sweep.smallest_best"));
    if (ng >= 2) {                               /* what the rows and columns are */
        char rows[300], cols[300];
        snprintf(words, sizeof words, rm_word(lang, "sweep.axes"), param_words(d, 0, rows, sizeof rows),
                 param_words(d, 1, cols, sizeof cols));
        fputs("<p class=\"axes\">", f);
        rm_html_escape(f, words);
        fputs("</p>\n", f);
    }
    fputs("<div class=\"maps\">\n", f);
    for (long q = 0; q < panels; q++) {
        fputs("<figure class=\"map\">\n", f);
        if (ng > 2) {                            /* the panel's other params */
            fputs("<figcaption>", f);
            const char *values[64];
            rm_point_values(sw, q, values);      /* point q is the panel's first */
            for (int g = 2; g < ng; g++) {
                char v[128];
                snprintf(words, sizeof words, rm_word(lang, "sweep.point"), g > 2 ? rm_word(lang, "sweep.between") : "",
                         param_words(d, g, title, sizeof title), value_words(values[g], lang, v, sizeof v));
                rm_html_escape(f, words);
            }
            fputs("</figcaption>\n", f);
        }
        fputs("<table class=\"heat\">\n<tr><th class=\"corner\">", f);
        if (ng < 2)
            rm_html_escape(f, param_words(d, 0, words, sizeof words));
        fputs("</th>", f);
        int cg = ng >= 2 ? 1 : 0;
        for (long c = 0; c < ncols; c++) {
            fputs("<th>", f);
            rm_html_escape(f, value_words(sw->grid[cg].values[c], lang, value, sizeof value));
            fputs("</th>", f);
        }
        fputs("</tr>\n", f);
        for (long r = 0; r < nrows; r++) {
            fputs("<tr><th>", f);
            if (ng >= 2)
                rm_html_escape(f, value_words(sw->grid[0].values[r], lang, value, sizeof value));
            fputs("</th>", f);
            for (long c = 0; c < ncols; c++) {
                long k = (r * ncols + c) * panels + q;
                if (i < 0) {                     /* the targets: how many met */
                    int met = 0, missed = 0;
                    for (int j = 0; j < d->v[k].n; j++) {
                        met += d->v[k].kinds[j] == RM_MET;
                        missed += d->v[k].kinds[j] == RM_NOT_MET;
                    }
                    fprintf(f, "<td class=\"cell %s\" style=\"background:%s\">", d->v[k].all_met ? "met" : missed ? "not-met" : "undecided",
                            d->v[k].all_met ? "#d3f0db" : missed ? "#fbe0dc" : "#ececec");
                    fprintf(f, rm_word(lang, "sweep.met_count"), d->v[k].all_met ? "✓" : missed ? "✗" : "?", met, d->v[k].n);
                    fputs("</td>", f);
                    continue;
                }
                double v = rm_points_mean(p, k, i);
                if (isnan(v)) {
                    fprintf(f, "<td class=\"none\">%s</td>", rm_word(lang, "sweep.no_value"));
                    continue;
                }
                char colour[16];
                int white;
                shade(hi > lo ? (v - lo) / (hi - lo) : 0.5, colour, sizeof colour, &white);
                const char *mark = k == d->best[i] ? " best" : close_to_best(d, i, k) ? " near" : "";
                fprintf(f, "<td class=\"cell%s\" style=\"background:%s;color:%s\">", mark, colour, white ? "#fff" : "#111");
                rm_html_escape(f, said(d, i, v, lang, value, sizeof value));
                if (d->front && d->front[k])
                    fputs(" ◆", f);
                if (d->v && d->v[k].all_met)
                    fputs(" ✓", f);
                fputs("</td>", f);
            }
            fputs("</tr>\n", f);
        }
        fputs("</table>\n</figure>\n", f);
    }
    fputs("</div>\n", f);
}

static const char *verdict_word(rm_verdict_kind k, const char *lang) {
    return k == RM_MET ? rm_word(lang, "decision.met")
         : k == RM_NOT_MET ? rm_word(lang, "decision.not_met") : rm_word(lang, "decision.undecided");
}

/* Every target's verdict at every point. */
static void target_table(FILE *f, const rm_decision *d, const char *lang) {
    fprintf(f, "<h2>%s</h2>\n<table class=\"verdicts\">\n<tr><th>%s</th>", rm_word(lang, "sweep.targets_title"),
            rm_word(lang, "sweep.point_column"));
    for (int t = 0; t < d->nstated; t++) {
        fputs("<th>", f);
        char words[700];
        rm_html_escape(f, target_words(d, &d->stated[t], lang, words, sizeof words));
        fputs("</th>", f);
    }
    fprintf(f, "<th>%s</th></tr>\n", rm_word(lang, "sweep.every_target"));
    for (long k = 0; k < d->p->n; k++) {
        char words[1024];
        rm_point_words(d->sw, d->m, k, words, sizeof words);
        fputs("<tr><th>", f);
        rm_html_escape(f, words);
        fputs("</th>", f);
        for (int t = 0; t < d->nstated; t++) {
            rm_verdict_kind kind = RM_UNDECIDED;
            for (int j = 0; j < d->v[k].n; j++)
                if (strcmp(d->v[k].names[j], d->stated[t].name) == 0)
                    kind = d->v[k].kinds[j];
            int i = metric_of(d, &d->stated[t]);
            char value[96] = "";
            if (i >= 0 && !isnan(rm_points_mean(d->p, k, i)))
                said(d, i, rm_points_mean(d->p, k, i), lang, value, sizeof value);
            fprintf(f, "<td class=\"%s\">%s %s", kind == RM_MET ? "met" : kind == RM_NOT_MET ? "not-met" : "undecided",
                    kind == RM_MET ? "✓" : kind == RM_NOT_MET ? "✗" : "?", verdict_word(kind, lang));
            if (value[0]) {
                fputs(" <span class=\"fig\">(", f);
                rm_html_escape(f, value);
                fputs(")</span>", f);
            }
            fputs("</td>", f);
        }
        fprintf(f, "<td class=\"%s\">%s</td></tr>\n", d->v[k].all_met ? "met" : "not-met",
                d->v[k].all_met ? rm_word(lang, "sweep.yes") : rm_word(lang, "sweep.no"));
    }
    fputs("</table>\n", f);
}

/* The first ranked metric at every point, a bar and its interval each. */
static void bars(FILE *f, const rm_decision *d, const char *lang) {
    const rm_points *p = d->p;
    long n = p->n, best = d->best[0];
    double top = 0;
    for (long k = 0; k < n; k++)
        if (rm_points_high(p, k, 0) > top)
            top = rm_points_high(p, k, 0);
    if (!(top > 0))
        top = 1;
    char title[700], heading[900];
    snprintf(heading, sizeof heading, rm_word(lang, "sweep.bars_title"), metric_title(d, 0, lang, title, sizeof title));
    fputs("<h2>", f);
    rm_html_escape(f, heading);
    fputs("</h2>\n<p>", f);
    fprintf(f, rm_word(lang, "sweep.intro"), 95);
    fputs("</p>\n", f);
    size_t longest = 0;                          /* the labels whole: room for the longest */
    for (long k = 0; k < n; k++) {
        char lab[1024];
        rm_point_words(d->sw, d->m, k, lab, sizeof lab);
        if (rm_utf8_length(lab) > longest)
            longest = rm_utf8_length(lab);
    }
    if (longest > 110)
        longest = 110;
    int label = longest * 7 + 20 > 330 ? (int)longest * 7 + 20 : 330, width = 450, bar = 20, gap = 6;
    fprintf(f, "<svg class=\"chart chart-sweep\" viewBox=\"0 0 %d %ld\" role=\"img\">\n", label + width + 150,
            10 + n * (bar + gap));
    for (long k = 0; k < n; k++) {
        char lab[1024];
        rm_point_words(d->sw, d->m, k, lab, sizeof lab);
        int y = 10 + (int)k * (bar + gap);
        double mean = rm_points_mean(p, k, 0), lo = rm_points_low(p, k, 0), hi = rm_points_high(p, k, 0);
        fprintf(f, "<text x=\"0\" y=\"%d\" font-size=\"13\">", y + bar / 2 + 5);
        rm_svg_text(f, lab, 110);
        if (isnan(mean)) {
            fprintf(f, "</text>\n<text x=\"%d\" y=\"%d\" font-size=\"13\">%s</text>\n", label, y + bar / 2 + 5,
                    rm_word(lang, "sweep.no_value"));
            continue;
        }
        int near = close_to_best(d, 0, k);
        fprintf(f, "</text>\n<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", label, y,
                width * fmax(0, mean) / top, bar, k == best ? "#E69F00" : near ? "#F5C46B" : "#0072B2");
        fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#222\" stroke-width=\"2\"/>\n",
                label + width * fmax(0, lo) / top, label + width * hi / top, y + bar / 2, y + bar / 2);
        char figure[96];
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\">", label + width * hi / top + 6, y + bar / 2 + 5);
        rm_svg_text(f, said(d, 0, mean, lang, figure, sizeof figure), 40);
        fputs("</text>\n", f);
    }
    fputs("</svg>\n", f);
}

/* A line of the manifest ("seed 1": its value after `key `), or "". */
static void manifest_value(const char *manifest, const char *key, char *buf, size_t len) {
    size_t n = strlen(key);
    buf[0] = '\0';
    for (const char *line = manifest; line && *line; ) {
        const char *end = strchr(line, '\n');
        size_t l = end ? (size_t)(end - line) : strlen(line);
        if (l > n && strncmp(line, key, n) == 0 && line[n] == ' ') {
            snprintf(buf, len, "%.*s", (int)(l - n - 1), line + n + 1);
            return;
        }
        line = end ? end + 1 : NULL;
    }
}

int rm_decision_page(const char *path, const rm_decision *d, char *err, size_t errlen) {
    const char *lang = d->sw->lang ? d->sw->lang : "en";
    const remous_sweep_options *sw = d->sw;
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n"
            "<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;font-size:17px;"
            "line-height:1.45;color:#111;overflow-wrap:anywhere}svg{display:block;max-width:100%%;height:auto}"
            "h2{margin-top:2rem;font-size:1.25rem}.context{color:#444}"
            ".answer{font-size:1.3rem;font-weight:600;border-left:6px solid #E69F00;padding:.4rem .9rem;background:#fff8ec}"
            ".maps{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0}figcaption{font-weight:600;margin-bottom:.3rem}"
            "table{border-collapse:collapse}th,td{padding:.35rem .6rem;text-align:center}th{font-weight:600}"
            ".heat td{min-width:6rem;border:3px solid #fff}.heat td.best{outline:4px solid #E69F00;outline-offset:-4px}"
            ".heat td.near{outline:3px dashed #E69F00;outline-offset:-3px}.corner{font-weight:400;font-size:.85rem;text-align:left}"
            ".verdicts td,.verdicts th{border-bottom:1px solid #ddd}.verdicts th:first-child{text-align:left}"
            "td.met{color:#1a7f37}td.not-met{color:#b42318}td.undecided{color:#666}.fig{color:#555;font-size:.9rem}"
            ".note,.method,.axes{color:#444;font-size:.92rem}</style>\n</head>\n<body>\n<h1>",
            lang, rm_word(lang, "sweep.title"));
    char title[700];
    if (d->p->nranked && !d->v)                  /* a ranking alone: its metric */
        rm_html_escape(f, metric_title(d, 0, lang, title, sizeof title));
    else
        fputs(rm_word(lang, "sweep.decision_title"), f);
    fputs("</h1>\n", f);

    /* what was run */
    char scenario[512], variant[512], seed[64], vlabel[512], line[2400];
    manifest_value(d->manifest, "scenario", scenario, sizeof scenario);
    manifest_value(d->manifest, "variant", variant, sizeof variant);
    manifest_value(d->manifest, "seed", seed, sizeof seed);
    if (d->m && d->m->label && d->m->label[0])
        snprintf(scenario, sizeof scenario, "%s", d->m->label);
    else if (d->m && d->m->name)
        snprintf(scenario, sizeof scenario, "%s", d->m->name);
    if (d->m)
        rm_variant_label(d->m, variant, lang, vlabel, sizeof vlabel);
    else
        snprintf(vlabel, sizeof vlabel, "%s", strcmp(variant, "baseline") == 0 ? rm_word(lang, "labels.baseline") : variant);
    snprintf(line, sizeof line, rm_word(lang, "sweep.context"), scenario, vlabel, d->p->reps,
             rm_replications_word(d->p->reps, lang), d->p->n,
             seed);
    fputs("<p class=\"context\">", f);
    rm_html_escape(f, line);
    fputs("</p>\n", f);

    /* the question */
    fprintf(f, "<h2>%s</h2>\n<ul class=\"question\">\n", rm_word(lang, "sweep.question"));
    for (int t = 0; t < d->nstated; t++) {
        char w[300], words[700];
        snprintf(line, sizeof line, "%s%s%s", target_words(d, &d->stated[t], lang, words, sizeof words),
                 rm_word(lang, "decision.colon"),
                 wanted(d, &d->stated[t], lang, w, sizeof w));
        fputs("<li>", f);
        rm_html_escape(f, line);
        fputs("</li>\n", f);
    }
    if (d->v && sw->prefer) {                    /* the preference, in words */
        char order[2000] = "", copy[1024];
        snprintf(copy, sizeof copy, "%s", sw->prefer);
        size_t w = 0;
        for (char *item = strtok(copy, ","); item; item = strtok(NULL, ",")) {
            char *colon = strrchr(item, ':');
            if (!colon)
                continue;
            *colon = '\0';
            char words[300] = "", one[400];
            for (int g = 0; g < sw->ngrid; g++)
                if (strcmp(sw->grid[g].name, item) == 0)
                    param_words(d, g, words, sizeof words);
            snprintf(one, sizeof one, strcmp(colon + 1, "max") == 0 ? rm_word(lang, "sweep.prefer_max")
                                                                    : rm_word(lang, "sweep.prefer_min"), words);
            w += (size_t)snprintf(order + w, sizeof order - w, "%s%s", w ? rm_word(lang, "sweep.then") : "", one);
            if (w >= sizeof order)
                break;
        }
        snprintf(line, sizeof line, rm_word(lang, "sweep.preference"), order);
        fputs("<li>", f);
        rm_html_escape(f, line);
        fputs("</li>\n", f);
    }
    for (int i = 0; i < d->p->nranked; i++) {
        char heading[900];
        snprintf(heading, sizeof heading, d->p->m[i].max ? rm_word(lang, "sweep.rank_max") : rm_word(lang, "sweep.rank_min"),
                 metric_title(d, i, lang, title, sizeof title));
        fputs("<li>", f);
        rm_html_escape(f, heading);
        fputs("</li>\n", f);
    }
    fputs("</ul>\n", f);

    /* the answer */
    char answer[8192];
    fprintf(f, "<h2>%s</h2>\n<p class=\"answer\" id=\"answer\">", rm_word(lang, "sweep.answer"));
    rm_html_escape(f, rm_decision_answer(d, answer, sizeof answer));
    fputs("</p>\n", f);

    if (d->v)
        heat_map(f, d, -1, lang);                /* the grid, each point's targets met */
    for (int i = 0; i < d->p->nranked; i++)
        heat_map(f, d, i, lang);
    if (d->p->nranked) {
        fputs("<p class=\"note\">", f);
        fprintf(f, rm_word(lang, "sweep.map_note"), 95);   /* a format of the level: "95%" */
        if (d->front)
            fprintf(f, " %s", rm_word(lang, "sweep.map_note_front"));
        if (d->v)
            fprintf(f, " %s", rm_word(lang, "sweep.map_note_targets"));
        fputs("</p>\n", f);
    }
    if (d->front) {                              /* the Pareto front */
        long *pts = malloc(((size_t)d->p->n + 1) * sizeof *pts), np = 0, nn = 0;
        char list[8192];
        fprintf(f, "<h2>%s</h2>\n<p>", rm_word(lang, "sweep.front_title"));
        fprintf(f, rm_word(lang, "sweep.front_intro"), d->nfront, d->p->n);
        fputs("</p>\n<ul class=\"front\">\n", f);
        for (long k = 0; pts && k < d->p->n; k++)
            if (d->front[k]) {
                char words[1024];
                rm_point_words(sw, d->m, k, words, sizeof words);
                fputs("<li>", f);
                rm_html_escape(f, words);
                fputs(" — ", f);
                for (int i = 0; i < d->p->nranked; i++) {
                    char v[96], t2[700];
                    snprintf(line, sizeof line, "%s%s%s%s", i ? "; " : "", metric_title(d, i, lang, t2, sizeof t2),
                             rm_word(lang, "decision.colon"), said(d, i, rm_points_mean(d->p, k, i), lang, v, sizeof v));
                    rm_html_escape(f, line);
                }
                fputs("</li>\n", f);
                np++;
            }
        fputs("</ul>\n", f);
        for (long k = 0; pts && k < d->p->n; k++)
            if (d->near[k])
                pts[nn++] = k;
        if (nn) {
            point_list(d, pts, nn, lang, list, sizeof list);
            snprintf(line, sizeof line, rm_word(lang, "sweep.front_near"), list);
            fputs("<p>", f);
            rm_html_escape(f, line);
            fputs("</p>\n", f);
        }
        (void)np;
        free(pts);
    }
    if (d->v)
        target_table(f, d, lang);
    if (d->p->nranked)
        bars(f, d, lang);
    fputs("<p class=\"method\">", f);
    fprintf(f, rm_word(lang, "sweep.method"), 95);     /* a format of the level: "95%" */
    fputs("</p>\n", f);
    fputs("</body>\n</html>\n", f);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
        remove(tmp);
        snprintf(err, errlen, "cannot write %s", path);
        return -1;
    }
    return 0;
}
