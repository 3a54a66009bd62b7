/* Targets, see targets.h: parsed once at load, judged on each run's
 * summary (the mean and its 95% interval), written as targets.csv, said in
 * the terminal; for a sweep, the points that meet every target, ordered by
 * --prefer. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "csv_out.h"
#include "labels.h"
#include "lua_errors.h"
#include "targets.h"
#include "headline.h"
#include "words.h"

static const char *const op_texts[] = {"<", "<=", ">", ">="};

const char *rm_target_op_text(rm_target_op op) { return op_texts[op]; }

const char *rm_verdict_text(rm_verdict_kind k) {
    return k == RM_MET ? "met" : k == RM_NOT_MET ? "not met" : "undecided";
}

rm_verdict_kind rm_judge(const rm_target *t, double mean, double lo, double hi) {
    double v = t->value;
    if (isnan(mean) || isnan(lo) || isnan(hi))
        return RM_UNDECIDED;                     /* no value, or one replication: no interval */
    switch (t->op) {
    case RM_BELOW: return hi < v ? RM_MET : lo >= v ? RM_NOT_MET : RM_UNDECIDED;
    case RM_AT_MOST: return hi <= v ? RM_MET : lo > v ? RM_NOT_MET : RM_UNDECIDED;
    case RM_ABOVE: return lo > v ? RM_MET : hi <= v ? RM_NOT_MET : RM_UNDECIDED;
    case RM_AT_LEAST: return lo >= v ? RM_MET : hi < v ? RM_NOT_MET : RM_UNDECIDED;
    }
    return RM_UNDECIDED;
}

/* ------------------------------------------------------------ parsing -- */

static const char metric_usage[] =
    "ELEMENT:NAME:METRIC as summary.csv names it (e.g. arrivals:walk_in:wait_mean), or the name of a "
    "metric the scenario declares";

int rm_target_add(rm_target **list, int *n, const char *name, const char *label, const char *metric,
                  rm_target_op op, double value, const char *where, char *err, size_t errlen) {
    const char *first = strchr(metric, ':'), *last = strrchr(metric, ':');
    if (!*metric || (first && (first == last || first == metric || last[1] == '\0' || last == first + 1))) {
        snprintf(err, errlen, "%s: target \"%s\": metric: expected %s, got \"%s\"", where, name, metric_usage, metric);
        return -1;
    }
    rm_target *grown = realloc(*list, (size_t)(*n + 1) * sizeof *grown);
    if (!grown) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    *list = grown;
    rm_target *t = &grown[*n];
    memset(t, 0, sizeof *t);
    t->name = strdup(name);
    t->label = strdup(label ? label : "");
    t->where = strdup(where);
    if (first) {                                 /* element:name:metric (a name may hold a ':') */
        t->element = strndup(metric, (size_t)(first - metric));
        t->ename = strndup(first + 1, (size_t)(last - first - 1));
        t->metric = strdup(last + 1);
    } else {                                     /* a declared metric */
        t->element = strdup("metric");
        t->ename = strdup(metric);
        t->metric = strdup("value");
    }
    t->op = op;
    t->value = value;
    (*n)++;
    if (!t->name || !t->label || !t->where || !t->element || !t->ename || !t->metric) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

int rm_target_add_option(rm_target **list, int *n, const char *spec, char *err, size_t errlen) {
    const char *at = strpbrk(spec, "<>");
    char metric[1024], *end = NULL;
    double v = NAN;
    rm_target_op op = RM_BELOW;
    if (at && at > spec && (size_t)(at - spec) < sizeof metric) {
        snprintf(metric, sizeof metric, "%.*s", (int)(at - spec), spec);
        int eq = at[1] == '=';
        op = at[0] == '<' ? (eq ? RM_AT_MOST : RM_BELOW) : (eq ? RM_AT_LEAST : RM_ABOVE);
        const char *num = at + 1 + eq;
        errno = 0;
        v = strtod(num, &end);
        if (end != num && strcmp(end, "%") == 0)
            v /= 100, end++;                     /* 60% of a share is 0.6 */
        if (end == num || *end || errno || !isfinite(v))
            at = NULL;
    } else {
        at = NULL;
    }
    if (!at) {
        snprintf(err, errlen, "--target: expected a metric, then <, <=, > or >= and a number, e.g. "
                 "arrivals:walk_in:wait_mean<5 or advising_share>=0.6, got \"%s\"", spec);
        return -1;
    }
    char where[1100];
    snprintf(where, sizeof where, "--target %s", spec);
    if (rm_target_add(list, n, spec, "", metric, op, v, "--target", err, errlen) < 0) {
        if (strncmp(err, "--target: target", 16) == 0)   /* say it as an option's error */
            snprintf(err, errlen, "%s: expected %s, got \"%s\"", where, metric_usage, metric);
        return -1;
    }
    return 0;
}

void rm_targets_free(rm_target *list, int n) {
    for (int i = 0; list && i < n; i++) {
        free(list[i].name);
        free(list[i].label);
        free(list[i].element);
        free(list[i].ename);
        free(list[i].metric);
        free(list[i].where);
    }
    free(list);
}

/* ----------------------------------------------------------- checking -- */

/* Adds s to the set words[*n] (at most max) unless it is there. */
static void add_word(const char **words, int *n, int max, const char *s) {
    for (int i = 0; i < *n; i++)
        if (strcmp(words[i], s) == 0)
            return;
    if (*n < max)
        words[(*n)++] = s;
}

/* " (did you mean "x"?)" or " (the ...: a, b, c)" into buf. */
static void hint(char *buf, size_t len, const char *name, const char **words, int n, const char *what) {
    const char *close = rm_lua_suggest(name, words, n);
    if (close) {
        snprintf(buf, len, " (did you mean \"%s\"?)", close);
        return;
    }
    size_t w = (size_t)snprintf(buf, len, " (%s: ", what);
    for (int i = 0; i < n && w < len; i++)
        w += (size_t)snprintf(buf + w, len - w, "%s%s", i ? ", " : "", words[i]);
    if (n == 0 && w < len)
        w += (size_t)snprintf(buf + w, len - w, "none");
    if (w < len)
        snprintf(buf + w, len - w, ")");
}

/* Whether the catalogs have t's metric; else what is wrong, with a hint. */
static int find_in(const rm_catalog *cats, int ncats, const rm_target *t, char *why, size_t len) {
    enum { MAX = 512 };
    const char *words[MAX];
    int n = 0, el = 0, named = 0;
    for (int c = 0; c < ncats; c++)
        for (int i = 0; i < cats[c].n; i++) {
            const rm_metric *e = &cats[c].m[i];
            int same_el = strcmp(rm_element_name(e->element), t->element) == 0;
            int same_name = same_el && strcmp(e->name, t->ename) == 0;
            if (same_name && strcmp(e->metric, t->metric) == 0)
                return 1;
            el |= same_el;
            named |= same_name;
        }
    for (int c = 0; c < ncats; c++)               /* what exists at the level that is wrong */
        for (int i = 0; i < cats[c].n; i++) {
            const rm_metric *e = &cats[c].m[i];
            int same_el = strcmp(rm_element_name(e->element), t->element) == 0;
            if (!el)
                add_word(words, &n, MAX, rm_element_name(e->element));
            else if (!named && same_el)
                add_word(words, &n, MAX, e->name);
            else if (named && same_el && strcmp(e->name, t->ename) == 0)
                add_word(words, &n, MAX, e->metric);
        }
    char h[2048];
    if (!el && strcmp(t->element, "metric") == 0)
        snprintf(why, len, "the scenario declares no metric called \"%s\" (it declares none; a metric of "
                 "summary.csv is written ELEMENT:NAME:METRIC, e.g. arrivals:walk_in:wait_mean)", t->ename);
    else if (!el) {
        hint(h, sizeof h, t->element, words, n, "the elements");
        snprintf(why, len, "no element \"%s\" in the scenario's metrics%s", t->element, h);
    } else if (!named) {
        hint(h, sizeof h, t->ename, words, n, strcmp(t->element, "metric") == 0 ? "the metrics it declares" : "its names");
        if (strcmp(t->element, "metric") == 0)
            snprintf(why, len, "the scenario declares no metric called \"%s\"%s", t->ename, h);
        else
            snprintf(why, len, "no %s called \"%s\"%s", t->element, t->ename, h);
    } else {
        hint(h, sizeof h, t->metric, words, n, "its metrics");
        snprintf(why, len, "%s \"%s\" has no metric \"%s\"%s", t->element, t->ename, t->metric, h);
    }
    return 0;
}

/* Whether every one of list[0..n) names a metric of a run of sc; else -1
 * with one line naming it (a --target, a --prefer item, a declaration). */
static int check_list(const remous_scenario *sc, const rm_target *list, int n, char *err, size_t errlen) {
    if (n == 0)
        return 0;
    rm_catalog *cats = calloc((size_t)sc->nmodels + 1, sizeof *cats);
    int ncats = 0, rc = 0;
    if (!cats) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (int v = 0; v < sc->nmodels && rc == 0; v++)
        if (sc->models[v]) {
            if (rm_catalog_build(sc->models[v], 0, &cats[ncats]) < 0) {
                snprintf(err, errlen, "out of memory");
                rc = -1;
            }
            ncats++;
        }
    for (int k = 0; k < n && rc == 0; k++) {
        const rm_target *t = &list[k];
        char why[2600];
        if (find_in(cats, ncats, t, why, sizeof why))
            continue;
        if (strcmp(t->where, "--target") == 0 || strcmp(t->where, "--prefer") == 0)
            snprintf(err, errlen, "%s %s: %s", t->where, t->name, why);
        else
            snprintf(err, errlen, "%s: target \"%s\": %s", t->where, t->name, why);
        rc = -1;
    }
    for (int c = 0; c < ncats; c++)
        rm_catalog_free(&cats[c]);
    free(cats);
    return rc;
}

int rm_targets_check(const remous_scenario *sc, char *err, size_t errlen) {
    return check_list(sc, sc->targets, sc->ntargets, err, errlen);
}

/* ------------------------------------------------------------ judging -- */

void rm_target_verdicts(const remous_results *res, rm_verdict *out) {
    for (int k = 0; k < res->sc->ntargets; k++) {
        const rm_target *t = &res->sc->targets[k];
        rm_verdict *v = &out[k];
        *v = (rm_verdict){t, NAN, NAN, NAN, RM_UNDECIDED};
        remous_summary_row row;
        if (remous_results_find(res, t->element, t->ename, t->metric, &row) == 0 && row.n > 0) {
            v->mean = row.mean;
            v->lo = row.ci95_low;
            v->hi = row.ci95_high;
        }
        v->kind = rm_judge(t, v->mean, v->lo, v->hi);
    }
}

int rm_verdicts_all_met(const rm_verdict *v, int n) {
    for (int k = 0; k < n; k++)
        if (v[k].kind != RM_MET)
            return 0;
    return n > 0;
}

/* ------------------------------------------------------------ writing -- */

int rm_write_targets(const remous_results *const *all, int n, const char *dir, char *err, size_t errlen) {
    const remous_scenario *sc = all[0]->sc;
    if (sc->ntargets == 0)
        return 0;
    rm_verdict *v = calloc((size_t)sc->ntargets, sizeof *v);
    rm_csv o;
    if (!v) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (rm_csv_open(&o, dir, "targets.csv", err, errlen) < 0) {
        free(v);
        return -1;
    }
    rm_csv_field(&o, "variant");                 /* the grid after the variant, as params.csv */
    for (int g = 0; g < all[0]->ngrid; g++)
        rm_csv_field(&o, all[0]->grid_names[g]);
    static const char *header[] = {"target", "element", "name", "metric", "operator", "level", "mean",
                                   "ci95_low", "ci95_high", "verdict", NULL};
    rm_csv_row(&o, header);
    for (int r = 0; r < n; r++) {
        rm_target_verdicts(all[r], v);
        for (int k = 0; k < sc->ntargets; k++) {
            const rm_target *t = v[k].target;
            rm_csv_field(&o, all[r]->variant);
            for (int g = 0; g < all[r]->ngrid; g++)
                rm_csv_field(&o, all[r]->grid_values[g]);
            rm_csv_field(&o, t->name);
            rm_csv_field(&o, t->element);
            rm_csv_field(&o, t->ename);
            rm_csv_field(&o, t->metric);
            rm_csv_field(&o, rm_target_op_text(t->op));
            rm_csv_number(&o, t->value);
            rm_csv_number(&o, v[k].mean);
            rm_csv_number(&o, v[k].lo);
            rm_csv_number(&o, v[k].hi);
            rm_csv_field(&o, rm_verdict_text(v[k].kind));
            rm_csv_end_row(&o);
        }
    }
    free(v);
    return rm_csv_close(&o, err, errlen);
}

/* ---------------------------------------------------------- the terminal -- */

/* A figure as the table writes it (4 significant digits), in lang's decimals. */
static const char *number(char *buf, size_t len, double x, const char *lang) {
    snprintf(buf, len, "%.4g", x);
    return rm_decimal_in(buf, len, lang);
}

static const char *verdict_word(rm_verdict_kind k, const char *lang) {
    return k == RM_MET ? rm_word(lang, "decision.met")
         : k == RM_NOT_MET ? rm_word(lang, "decision.not_met") : rm_word(lang, "decision.undecided");
}

/* "below 5", "at least 0.6" in lang. */
static const char *wanted(char *buf, size_t len, const rm_target *t, const char *lang) {
    char v[64];
    number(v, sizeof v, t->value, lang);
    const char *w = t->op == RM_BELOW ? rm_word(lang, "decision.below")
                  : t->op == RM_AT_MOST ? rm_word(lang, "decision.at_most")
                  : t->op == RM_ABOVE ? rm_word(lang, "decision.above") : rm_word(lang, "decision.at_least");
    snprintf(buf, len, w, v);
    return buf;
}

/* A verdict word padded to the widest of the three, in characters. */
static void padded(FILE *out, rm_verdict_kind k, const char *lang) {
    size_t width = 0;
    for (int i = RM_MET; i <= RM_UNDECIDED; i++) {
        size_t w = rm_utf8_length(verdict_word((rm_verdict_kind)i, lang));
        if (w > width)
            width = w;
    }
    const char *word = verdict_word(k, lang);
    fputs(word, out);
    for (size_t w = rm_utf8_length(word); w < width; w++)
        fputc(' ', out);
}

static const char *target_words(const rm_target *t) { return t->label[0] ? t->label : t->name; }

/* Each run's verdicts, then the runs that meet every target. */
static void print_runs(const remous_results *const *runs, int n, FILE *out, const char *lang) {
    const remous_scenario *sc = runs[0]->sc;
    int nt = sc->ntargets;
    rm_verdict *v = nt ? calloc((size_t)nt, sizeof *v) : NULL;
    if (!v)
        return;
    fputc('\n', out);
    fprintf(out, rm_word(lang, "decision.heading"), runs[0]->reps, rm_replications_word(runs[0]->reps, lang));
    fputc('\n', out);
    for (int r = 0; r < n; r++) {
        char label[256];
        rm_variant_label(runs[r]->model, runs[r]->variant, lang, label, sizeof label);
        fprintf(out, "  %s\n", label);
        rm_target_verdicts(runs[r], v);
        for (int k = 0; k < nt; k++) {
            char mean[64], lo[64], hi[64], w[128];
            fputs("    ", out);
            padded(out, v[k].kind, lang);
            wanted(w, sizeof w, v[k].target, lang);
            const char *colon = rm_word(lang, "decision.colon");
            if (isnan(v[k].mean))
                fprintf(out, "  %s%s%s, %s\n", target_words(v[k].target), colon, rm_word(lang, "decision.no_value"), w);
            else if (isnan(v[k].lo))
                fprintf(out, "  %s%s%s, %s\n", target_words(v[k].target), colon,
                        number(mean, sizeof mean, v[k].mean, lang), w);
            else {
                char interval[160];
                snprintf(interval, sizeof interval, rm_word(lang, "decision.interval"),
                         number(lo, sizeof lo, v[k].lo, lang), number(hi, sizeof hi, v[k].hi, lang));
                fprintf(out, "  %s%s%s %s, %s\n", target_words(v[k].target), colon,
                        number(mean, sizeof mean, v[k].mean, lang), interval, w);
            }
        }
    }
    if (sc->nprefers > 0) {
        char order[2600];
        fprintf(out, "%s\n", rm_preference_said(runs, n, lang, order, sizeof order));
    }
    char answer[8192];
    fprintf(out, "%s\n", rm_options_answer(runs, n, lang, answer, sizeof answer));
    free(v);
}

void remous_print_targets(const remous_comparison *cmp, FILE *out, const char *lang) {
    if (cmp->n > 0 && cmp->sc->ntargets > 0)
        print_runs((const remous_results *const *)cmp->results, cmp->n, out, lang);
}

void remous_print_run_targets(const remous_results *res, FILE *out, const char *lang) {
    if (res->sc->ntargets > 0)
        print_runs(&res, 1, out, lang);
}

/* -------------------------------------------------- compare's options -- */

int rm_preferences_load(remous_scenario *sc, const char *spec, char *err, size_t errlen) {
    if (sc->ntargets == 0) {
        snprintf(err, errlen, "--prefer orders the options that meet every target: give a --target, or declare a "
                 "target in the scenario (see \"target\")");
        return -1;
    }
    char copy[1024];
    rm_target *list = NULL;
    int n = 0, rc = 0;
    int max[64];
    if (strlen(spec) >= sizeof copy || !*spec)
        goto bad;
    snprintf(copy, sizeof copy, "%s", spec);
    for (char *item = copy; item && rc == 0;) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma++ = '\0';
        char *colon = strrchr(item, ':');
        if (!colon || colon == item || (strcmp(colon + 1, "min") != 0 && strcmp(colon + 1, "max") != 0) || n == 64) {
            rm_targets_free(list, n);
            goto bad;
        }
        char whole[1024];
        snprintf(whole, sizeof whole, "%s", item);
        *colon = '\0';
        max[n] = strcmp(colon + 1, "max") == 0;
        if (rm_target_add(&list, &n, whole, "", item, RM_BELOW, 0, "--prefer", err, errlen) < 0) {
            if (strncmp(err, "--prefer: target", 16) == 0)
                snprintf(err, errlen, "--prefer %s: expected %s, then :min or :max", whole, metric_usage);
            rc = -1;
        }
        for (int k = 0; rc == 0 && k < n - 1; k++)
            if (!strcmp(list[k].element, list[n - 1].element) && !strcmp(list[k].ename, list[n - 1].ename) &&
                !strcmp(list[k].metric, list[n - 1].metric)) {
                snprintf(err, errlen, "--prefer: %s is given twice", item);
                rc = -1;
            }
        item = comma;
    }
    if (rc == 0)
        rc = check_list(sc, list, n, err, errlen);
    if (rc == 0) {
        sc->prefers = calloc((size_t)n, sizeof *sc->prefers);
        if (!sc->prefers) {
            snprintf(err, errlen, "out of memory");
            rc = -1;
        }
    }
    if (rc < 0) {
        rm_targets_free(list, n);
        return -1;
    }
    for (int k = 0; k < n; k++)
        sc->prefers[k] = (rm_preference){list[k], max[k]};
    sc->nprefers = n;
    free(list);                                  /* its strings are the preferences' now */
    return 0;
bad:
    snprintf(err, errlen, "--prefer: on compare, expected METRIC:min or METRIC:max separated by commas, each "
             "METRIC as --target names it (e.g. role:bookseller:share_core:max or advising_share:max), got \"%.200s\"",
             spec);
    return -1;
}

void rm_preferences_free(rm_preference *list, int n) {
    for (int i = 0; list && i < n; i++) {
        free(list[i].t.name);
        free(list[i].t.label);
        free(list[i].t.element);
        free(list[i].t.ename);
        free(list[i].t.metric);
        free(list[i].t.where);
    }
    free(list);
}

/* The mean of preference p's metric in res (NaN: none). */
static double preferred_mean(const remous_results *res, const rm_preference *p) {
    remous_summary_row row;
    if (remous_results_find(res, p->t.element, p->t.ename, p->t.metric, &row) == 0 && row.n > 0)
        return row.mean;
    return NAN;
}

/* Whether run a comes before run b in the order of sc's preferences. */
static int option_before(const remous_results *a, const remous_results *b, const remous_scenario *sc) {
    for (int k = 0; k < sc->nprefers; k++) {
        const rm_preference *p = &sc->prefers[k];
        double x = preferred_mean(a, p), y = preferred_mean(b, p);
        if (isnan(x) != isnan(y))
            return isnan(y);                     /* a value before none */
        if (!isnan(x) && x != y)
            return p->max ? x > y : x < y;
    }
    return 0;
}

int rm_options_meeting(const remous_results *const *runs, int n, int *order) {
    const remous_scenario *sc = runs[0]->sc;
    int nt = sc->ntargets, ngood = 0;
    rm_verdict *v = nt ? calloc((size_t)nt, sizeof *v) : NULL;
    if (!v)
        return 0;
    for (int r = 0; r < n; r++) {
        rm_target_verdicts(runs[r], v);
        if (rm_verdicts_all_met(v, nt))
            order[ngood++] = r;
    }
    free(v);
    for (int i = 1; i < ngood; i++)              /* insertion sort: stable, ties keep the order given */
        for (int j = i; j > 0 && option_before(runs[order[j]], runs[order[j - 1]], sc); j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    return ngood;
}

const char *rm_option_words(const remous_results *res, const char *lang, char *buf, size_t len) {
    if (strcmp(res->variant, "baseline") == 0) {
        snprintf(buf, len, "%s", rm_word(lang, "decision.the_baseline"));
        return buf;
    }
    char label[256];
    rm_variant_label(res->model, res->variant, lang, label, sizeof label);
    snprintf(buf, len, rm_word(lang, "decision.option"), label);
    return buf;
}

const char *rm_options_answer(const remous_results *const *runs, int n, const char *lang, char *buf, size_t len) {
    const remous_scenario *sc = runs[0]->sc;
    int nt = sc->ntargets;
    int *good = calloc((size_t)n + 1, sizeof *good);
    rm_verdict *v = calloc((size_t)nt + 1, sizeof *v);
    buf[0] = '\0';
    if (!good || !v) {
        free(good);
        free(v);
        return buf;
    }
    int ngood = rm_options_meeting(runs, n, good);
    char one[300];
    if (n == 1) {
        rm_target_verdicts(runs[0], v);
        int met = 0;
        for (int k = 0; k < nt; k++)
            met += v[k].kind == RM_MET;
        if (ngood)
            snprintf(buf, len, "%s", rm_word(lang, "decision.answer_run_meets"));
        else
            snprintf(buf, len, rm_word(lang, "decision.answer_run_misses"), met, nt);
    } else if (ngood == 1) {
        snprintf(buf, len, rm_word(lang, "decision.answer_only"), rm_option_words(runs[good[0]], lang, one, sizeof one));
    } else if (ngood > 1 && sc->nprefers > 0) {
        snprintf(buf, len, rm_word(lang, "decision.answer_cheapest"), ngood, n,
                 rm_option_words(runs[good[0]], lang, one, sizeof one));
    } else if (ngood > 1) {
        char list[4096] = "";
        size_t w = 0;
        for (int i = 0; i < ngood && w < sizeof list; i++)
            w += (size_t)snprintf(list + w, sizeof list - w, "%s%s", i ? ", " : "",
                                  rm_option_words(runs[good[i]], lang, one, sizeof one));
        rm_utf8_cut(list, sizeof list - 1);
        snprintf(buf, len, rm_word(lang, "decision.answer_some"), ngood, n, list);
    } else {
        int best = -1, most = 0;                 /* the closest: the most targets met, the first of those */
        for (int r = 0; r < n; r++) {
            rm_target_verdicts(runs[r], v);
            int met = 0;
            for (int k = 0; k < nt; k++)
                met += v[k].kind == RM_MET;
            if (met > most)
                best = r, most = met;
        }
        if (best < 0)
            snprintf(buf, len, "%s", rm_word(lang, "decision.answer_none_any"));
        else
            snprintf(buf, len, rm_word(lang, "decision.answer_closest"),
                     rm_option_words(runs[best], lang, one, sizeof one), most, nt);
    }
    free(good);
    free(v);
    return buf;
}

/* A metric's words: a declared metric's label, else "element — metric". */
static const char *metric_words_of(const rm_target *t, const rm_model *m, const char *lang, char *buf, size_t len) {
    char element[300], words[300];
    rm_label_of(m, t->element, t->ename, lang, element, sizeof element);
    if (strcmp(t->element, "metric") == 0)
        snprintf(buf, len, "%s", element);
    else
        snprintf(buf, len, "%s — %s", element, rm_metric_words(m, t->element, t->ename, t->metric, lang, words, sizeof words));
    return buf;
}

const char *rm_target_said(const rm_target *t, const rm_model *m, const char *lang, char *buf, size_t len) {
    if (t->label[0])
        snprintf(buf, len, "%s", t->label);
    else if (strcmp(t->where, "--target") == 0)
        metric_words_of(t, m, lang, buf, len);
    else
        snprintf(buf, len, "%s", t->name);
    return buf;
}

const char *rm_target_wanted(const rm_target *t, const rm_model *m, const char *lang, char *buf, size_t len) {
    char level[128];
    rm_metric_said(m, t->element, strcmp(t->element, "metric") == 0 ? t->ename : t->metric, t->value, lang, level,
                   sizeof level);
    const char *w = t->op == RM_BELOW ? rm_word(lang, "decision.below")
                  : t->op == RM_AT_MOST ? rm_word(lang, "decision.at_most")
                  : t->op == RM_ABOVE ? rm_word(lang, "decision.above") : rm_word(lang, "decision.at_least");
    snprintf(buf, len, w, level);
    return buf;
}

const rm_model *rm_model_measuring(const remous_results *const *runs, int n, const rm_target *t) {
    for (int r = 0; r < n; r++) {
        remous_summary_row row;
        if (remous_results_find(runs[r], t->element, t->ename, t->metric, &row) == 0)
            return runs[r]->model;
    }
    return runs[0]->model;
}

const char *rm_preference_said(const remous_results *const *runs, int n, const char *lang, char *buf, size_t len) {
    const remous_scenario *sc = runs[0]->sc;
    char order[2048] = "";
    size_t w = 0;
    buf[0] = '\0';
    if (sc->nprefers == 0)
        return buf;
    for (int k = 0; k < sc->nprefers && w < sizeof order; k++) {
        char words[700], one[800];
        metric_words_of(&sc->prefers[k].t, rm_model_measuring(runs, n, &sc->prefers[k].t), lang, words, sizeof words);
        snprintf(one, sizeof one, sc->prefers[k].max ? rm_word(lang, "sweep.prefer_max")
                                                      : rm_word(lang, "sweep.prefer_min"), words);
        w += (size_t)snprintf(order + w, sizeof order - w, "%s%s", k ? rm_word(lang, "sweep.then") : "", one);
    }
    rm_utf8_cut(order, sizeof order - 1);
    snprintf(buf, len, rm_word(lang, "decision.preference"), order);
    return buf;
}

/* -------------------------------------------------------------- sweeps -- */

/* One preference of --prefer: a grid parameter and its direction. */
typedef struct preference {
    int grid;
    int max;
} preference;

/* Parses --prefer into prefs (at most 64); returns how many, or -1. */
static int parse_prefer(const remous_sweep_options *sw, preference *prefs, char *err, size_t errlen) {
    if (!sw->prefer)
        return 0;
    char copy[1024];
    if (strlen(sw->prefer) >= sizeof copy)
        goto bad;
    snprintf(copy, sizeof copy, "%s", sw->prefer);
    int n = 0;
    for (char *item = copy; item; ) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma++ = '\0';
        char *colon = strrchr(item, ':');
        if (!colon || colon == item || (strcmp(colon + 1, "min") != 0 && strcmp(colon + 1, "max") != 0) || n == 64)
            goto bad;
        *colon = '\0';
        int g = 0;
        while (g < sw->ngrid && strcmp(sw->grid[g].name, item) != 0)
            g++;
        if (g == sw->ngrid) {
            const char *names[64];
            for (int k = 0; k < sw->ngrid; k++)
                names[k] = sw->grid[k].name;
            char h[2048];
            hint(h, sizeof h, item, names, sw->ngrid, "the grid");
            snprintf(err, errlen, "--prefer: %s is not a parameter of the grid%s", item, h);
            return -1;
        }
        for (int k = 0; k < n; k++)
            if (prefs[k].grid == g) {
                snprintf(err, errlen, "--prefer: %s is given twice", item);
                return -1;
            }
        prefs[n].grid = g;
        prefs[n++].max = strcmp(colon + 1, "max") == 0;
        item = comma;
    }
    return n;
bad:
    snprintf(err, errlen, "--prefer: expected NAME:min or NAME:max for grid parameters, separated by commas "
             "(e.g. pickup_clerks:min,adoption:max), got \"%.200s\"", sw->prefer);
    return -1;
}

int rm_prefer_check(const remous_sweep_options *sw, char *err, size_t errlen) {
    preference prefs[64];
    return parse_prefer(sw, prefs, err, errlen) < 0 ? -1 : 0;
}

/* Reading a point's targets.csv: the target's name and its verdict per row. */
typedef struct reader {
    int ngrid;
    size_t field;
    int row;
    char name[1024], verdict[32];
    /* the rows read: names (owned) and verdicts */
    char **names;
    rm_verdict_kind *kinds;
    int n, cap, oom;
} reader;

static void read_field(void *data, size_t len, void *ctx) {
    reader *rd = ctx;
    size_t f = rd->field++;
    size_t target_col = 1 + (size_t)rd->ngrid;
    if (f == target_col)
        snprintf(rd->name, sizeof rd->name, "%.*s", (int)len, data ? (const char *)data : "");
    else if (f == target_col + 9)
        snprintf(rd->verdict, sizeof rd->verdict, "%.*s", (int)len, data ? (const char *)data : "");
}

static void read_row(int c, void *ctx) {
    reader *rd = ctx;
    (void)c;
    if (rd->row++ > 0 && rd->field == 11 + (size_t)rd->ngrid) {
        if (rd->n == rd->cap) {
            int cap = rd->cap ? 2 * rd->cap : 16;
            char **names = realloc(rd->names, (size_t)cap * sizeof *names);
            if (names)
                rd->names = names;
            rm_verdict_kind *kinds = realloc(rd->kinds, (size_t)cap * sizeof *kinds);
            if (kinds)
                rd->kinds = kinds;
            if (!names || !kinds) {
                rd->oom = 1;
                rd->field = 0;
                return;
            }
            rd->cap = cap;
        }
        rd->names[rd->n] = strdup(rd->name);
        rd->kinds[rd->n++] = strcmp(rd->verdict, "met") == 0 ? RM_MET
                           : strcmp(rd->verdict, "not met") == 0 ? RM_NOT_MET : RM_UNDECIDED;
    }
    rd->field = 0;
    rd->name[0] = rd->verdict[0] = '\0';
}

/* The rows of point_dir/targets.csv into rd; -1 when it cannot be read. */
static int read_point(const char *point_dir, reader *rd) {
    char path[4400], buf[65536];
    snprintf(path, sizeof path, "%s/targets.csv", point_dir);
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        csv_parse(&p, buf, got, read_field, read_row, rd);
    csv_fini(&p, read_field, read_row, rd);
    csv_free(&p);
    fclose(f);
    return rd->oom ? -1 : 0;
}

/* Grid values compared as numbers when both are, else as text. */
static int compare_values(const char *a, const char *b) {
    char *ea, *eb;
    double x = strtod(a, &ea), y = strtod(b, &eb);
    if (ea != a && !*ea && eb != b && !*eb)
        return x < y ? -1 : x > y;
    return strcmp(a, b);
}

typedef struct order_ctx {
    const remous_sweep_options *sw;
    const preference *prefs;
    int nprefs;
} order_ctx;

/* Whether point a comes before point b in the order of --prefer (ties: grid order). */
static int before(const order_ctx *o, long a, long b) {
    const char *va[64], *vb[64];
    rm_point_values(o->sw, a, va);
    rm_point_values(o->sw, b, vb);
    for (int k = 0; k < o->nprefs; k++) {
        int c = compare_values(va[o->prefs[k].grid], vb[o->prefs[k].grid]);
        if (c)
            return o->prefs[k].max ? c > 0 : c < 0;
    }
    return a < b;
}

int rm_sweep_verdicts(const char *const *owners, long n, int ngrid, rm_point_verdicts **out, char *err,
                      size_t errlen) {
    rm_point_verdicts *all = calloc((size_t)n + 1, sizeof *all);
    if (!all) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (long k = 0; k < n; k++) {
        char dir[4300];
        snprintf(dir, sizeof dir, "%s/points/%06ld", owners[k], k);
        reader rd = {.ngrid = ngrid};
        int rc = read_point(dir, &rd);
        all[k].names = rd.names;
        all[k].kinds = rd.kinds;
        all[k].n = rd.n;
        if (rc < 0) {
            snprintf(err, errlen, "cannot read %s/targets.csv", dir);
            rm_point_verdicts_free(all, n);
            return -1;
        }
        all[k].all_met = rd.n > 0;
        for (int i = 0; i < rd.n; i++)
            all[k].all_met &= rd.kinds[i] == RM_MET;
    }
    *out = all;
    return 0;
}

void rm_point_verdicts_free(rm_point_verdicts *v, long n) {
    for (long k = 0; v && k < n; k++) {
        for (int i = 0; i < v[k].n; i++)
            free(v[k].names[i]);
        free(v[k].names);
        free(v[k].kinds);
    }
    free(v);
}

long rm_sweep_order(const remous_sweep_options *sw, const rm_point_verdicts *v, long n, long *order, char *err,
                    size_t errlen) {
    preference prefs[64];
    int nprefs = parse_prefer(sw, prefs, err, errlen);
    if (nprefs < 0)
        return -1;
    long ngood = 0;
    for (long k = 0; k < n; k++)
        if (v[k].all_met)
            order[ngood++] = k;
    order_ctx o = {sw, prefs, nprefs};
    for (long i = 1; i < ngood; i++)             /* insertion sort: stable */
        for (long j = i; j > 0 && before(&o, order[j], order[j - 1]); j--) {
            long t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    return ngood;
}

/* Point k's verdicts on one line: "met: A, B; not met: C". */
static void print_point(FILE *table, const rm_point_verdicts *v, const char *lang) {
    int said = 0;
    for (int kind = RM_MET; kind <= RM_UNDECIDED; kind++) {
        int first = 1;
        for (int i = 0; i < v->n; i++) {
            if (v->kinds[i] != (rm_verdict_kind)kind)
                continue;
            if (first)
                fprintf(table, "%s%s%s", said ? "; " : "", verdict_word((rm_verdict_kind)kind, lang),
                        rm_word(lang, "decision.colon"));
            else
                fputs(", ", table);
            fputs(v->names[i], table);
            first = 0;
            said = 1;
        }
    }
    fputc('\n', table);
}

int rm_sweep_decision(const char *const *owners, long n, const remous_sweep_options *sw, FILE *table,
                      char *err, size_t errlen) {
    preference prefs[64];
    int nprefs = parse_prefer(sw, prefs, err, errlen);
    rm_point_verdicts *v = NULL;
    long *good = nprefs < 0 ? NULL : malloc(((size_t)n + 1) * sizeof *good);
    if (nprefs >= 0 && !good)
        snprintf(err, errlen, "out of memory");
    long ngood = good ? 0 : -1;
    if (good && rm_sweep_verdicts(owners, n, sw->ngrid, &v, err, errlen) < 0)
        ngood = -1;
    if (ngood == 0)
        ngood = rm_sweep_order(sw, v, n, good, err, errlen);
    if (ngood < 0 || !table) {
        rm_point_verdicts_free(v, n);
        free(good);
        return ngood < 0 ? -1 : 0;
    }
    const char *lang = sw->lang;
    size_t width = 0;                            /* the points' labels, in one column */
    for (long k = 0; k < n; k++) {
        char label[1024];
        rm_point_label(sw, k, label, sizeof label);
        if (rm_utf8_length(label) > width)
            width = rm_utf8_length(label);
    }
    fputc('\n', table);
    fprintf(table, rm_word(lang, "decision.sweep_heading"), 95);   /* a format of the level */
    fputc('\n', table);
    for (long k = 0; k < n; k++) {
        char label[1024];
        rm_point_label(sw, k, label, sizeof label);
        fprintf(table, "  %s  ", label);
        for (size_t w = rm_utf8_length(label); w < width; w++)
            fputc(' ', table);
        print_point(table, &v[k], lang);
    }
    if (ngood == 0)
        fprintf(table, "%s\n", rm_word(lang, "decision.no_point"));
    if (ngood > 0) {
        fprintf(table, rm_word(lang, "decision.points_meet"), ngood, n);
        fputc('\n', table);
        if (nprefs > 0) {
            char order[2048] = "";
            size_t w = 0;
            for (int k = 0; k < nprefs && w < sizeof order; k++) {
                char one[300];
                const char *way = prefs[k].max ? rm_word(lang, "decision.largest_first")
                                               : rm_word(lang, "decision.smallest_first");
                snprintf(one, sizeof one, way, sw->grid[prefs[k].grid].name);
                w += (size_t)snprintf(order + w, sizeof order - w, "%s%s", k ? ", " : "", one);
            }
            fprintf(table, rm_word(lang, "decision.ordered_by"), order);
        } else {
            fputs(rm_word(lang, "decision.grid_order"), table);
        }
        fputc('\n', table);
        for (long i = 0; i < ngood; i++) {
            char label[1024];
            rm_point_label(sw, good[i], label, sizeof label);
            fprintf(table, "  %4ld. %s\n", i + 1, label);
        }
        if (nprefs > 0) {
            char label[1024];
            rm_point_label(sw, good[0], label, sizeof label);
            fprintf(table, rm_word(lang, "decision.cheapest"), label);
            fputc('\n', table);
        }
    }
    rm_point_verdicts_free(v, n);
    free(good);
    return 0;
}
