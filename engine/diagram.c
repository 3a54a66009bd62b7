/* The process as a picture, see diagram.h.
 *
 * First the picture is described in plain C (nodes with their words,
 * edges with their labels), for the run's model and for the baseline's:
 * comparing the two descriptions says what a variant adds and changes.
 * Then it is handed to Graphviz: the dot layout and the SVG renderer are
 * linked in as builtin plugins (gvContextPlugins, no demand loading), so
 * nothing is read from Graphviz's plugin folder or its config6 file at run
 * time. */
#include "diagram.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>
#include <gvc.h>
#include <gvplugin.h>

#include "headline.h"
#include "labels.h"
#include "words.h"

/* Defined by libgvplugin_dot_layout and libgvplugin_core (linked in). */
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;

/* The words of the diagram's section, per language (filled from the
 * catalog once; rm_diagram_words_for's pointers stay valid). */
#define MAX_LANGS 32
static rm_diagram_words page_words[MAX_LANGS];
static pthread_once_t page_once = PTHREAD_ONCE_INIT;

static void fill_page_words(void) {
    for (int i = 0; i < rm_lang_count() && i < MAX_LANGS; i++) {
        const char *lang = rm_lang_code(i);
        page_words[i] = (rm_diagram_words){rm_word(lang, "diagram.title"), rm_word(lang, "diagram.legend"),
                                           rm_word(lang, "diagram.key_added"), rm_word(lang, "diagram.key_changed"),
                                           rm_word(lang, "diagram.failed")};
    }
}

const rm_diagram_words *rm_diagram_words_for(const char *lang) {
    pthread_once(&page_once, fill_page_words);
    int english = 0;
    for (int i = 0; i < rm_lang_count() && i < MAX_LANGS; i++) {
        if (lang && strcmp(rm_lang_code(i), lang) == 0)
            return &page_words[i];
        if (strcmp(rm_lang_code(i), "en") == 0)
            english = i;
    }
    return &page_words[english];
}

/* ---- the description ---- */

/* snprintf where cutting a long scenario's words is intended (the buffers
 * hold any sensible label; a longer one is cut, never overflows). */
__attribute__((format(printf, 3, 4))) static void put(char *buf, size_t len, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, len, fmt, ap);
    va_end(ap);
}

typedef enum { N_STREAM, N_STEP, N_EXIT } node_kind;
typedef enum { E_PLAIN, E_HOOK, E_FALLBACK } edge_style;

typedef struct dnode {
    node_kind kind;
    const char *name;         /* the element's name (the model's); NULL for the exit */
    char shape[512];          /* what makes it the same in two models: its words without figures */
    char label[1200];         /* what the picture shows */
    int added, changed;
    int task;                 /* a task's step: its own start */
    double done, arrived;     /* a step's completions, a stream's arrivals (NaN: no figure) */
} dnode;

typedef struct dedge {
    int from, to;             /* node indices */
    edge_style style;
    char label[300];
    int changed;
} dedge;

typedef struct picture {
    const rm_model *m;
    const remous_results *res;
    const char *lang;
    dnode *nodes;
    int nn, capn;
    dedge *edges;
    int ne, cape;
    int exit;                 /* index of the exit node, -1 until a route needs it */
    int *step_node;           /* per activity */
    int nomem;
} picture;

static void picture_free(picture *p) {
    free(p->nodes);
    free(p->edges);
    free(p->step_node);
}

static int add_node(picture *p, node_kind kind, const char *name) {
    if (p->nn == p->capn) {
        int cap = p->capn ? 2 * p->capn : 16;
        dnode *n = realloc(p->nodes, (size_t)cap * sizeof *n);
        if (!n) {
            p->nomem = 1;
            return -1;
        }
        p->nodes = n;
        p->capn = cap;
    }
    dnode *d = &p->nodes[p->nn];
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->name = name;
    d->done = d->arrived = NAN;
    return p->nn++;
}

/* An edge from -> to; one already there with the same style and label is
 * kept once (a table naming a step twice adds its probabilities first). */
static void add_edge(picture *p, int from, int to, edge_style style, const char *label) {
    if (from < 0 || to < 0)
        return;
    for (int e = 0; e < p->ne; e++)
        if (p->edges[e].from == from && p->edges[e].to == to && p->edges[e].style == style &&
            strcmp(p->edges[e].label, label) == 0)
            return;
    if (p->ne == p->cape) {
        int cap = p->cape ? 2 * p->cape : 16;
        dedge *n = realloc(p->edges, (size_t)cap * sizeof *n);
        if (!n) {
            p->nomem = 1;
            return;
        }
        p->edges = n;
        p->cape = cap;
    }
    dedge *d = &p->edges[p->ne++];
    d->from = from;
    d->to = to;
    d->style = style;
    put(d->label, sizeof d->label, "%s", label);
    d->changed = 0;
}

/* A figure as people read it: one decimal below 10 (none when whole),
 * whole numbers above, with a decimal comma in French. */
static const char *number(const picture *p, double v, char *buf, size_t len) {
    put(buf, len, fabs(v) < 9.95 && fabs(v - round(v)) > 0.05 ? "%.1f" : "%.0f", v);
    return rm_decimal_in(buf, len, p->lang);
}

/* A count said aloud: a whole number from 1 on. */
static const char *count(const picture *p, double v, char *buf, size_t len) {
    return v >= 1 ? (put(buf, len, "%.0f", v), buf) : number(p, v, buf, len);
}

static const char *percent(const picture *p, double share, char *buf, size_t len) {
    char n[32];
    put(n, sizeof n, "%.0f", 100 * share);
    put(buf, len, rm_word(p->lang, "number.percent"), n);
    return buf;
}

/* A time in the model's unit, said in the unit that fits it. */
static const char *duration(const picture *p, double t, char *buf, size_t len) {
    double s = t * p->m->unit_seconds;
    const char *unit = rm_word(p->lang, "diagram.second_short");
    int days = 0;
    if (s >= 48 * 3600) {
        s /= 24 * 3600;
        days = 1;
    } else if (s >= 90 * 60) {
        s /= 3600;
        unit = rm_word(p->lang, "diagram.hour_short");
    } else if (s >= 60) {
        s /= 60;
        unit = rm_word(p->lang, "diagram.minute_short");
    }
    char n[64];
    number(p, s, n, sizeof n);
    if (days)                                    /* (a word, not an abbreviation: it agrees with the figure) */
        unit = rm_said_singular(n, p->lang) ? rm_word(p->lang, "number.unit.day") : rm_word(p->lang, "number.unit.days");
    put(buf, len, "%s %s", n, unit);
    return buf;
}

/* A run's mean of a metric; NaN without results or value. */
static double figure(const picture *p, const char *element, const char *name, const char *metric) {
    remous_summary_row r;
    if (!p->res || remous_results_find(p->res, element, name, metric, &r) < 0 || r.n == 0)
        return NAN;
    return r.mean;
}

/* Counts are said per week, or per day when the measured span is under two
 * weeks; returns the factor from a count over the span, and its words. */
static double per_period(const picture *p, const char **words) {
    double span = p->m->horizon - p->m->warmup, week = p->m->week > 0 ? p->m->week : 7 * 24 * 3600 / p->m->unit_seconds;
    int weekly = span >= 2 * week;
    *words = weekly ? rm_word(p->lang, "diagram.per_week") : rm_word(p->lang, "diagram.per_day");
    return span > 0 ? (weekly ? week : week / 7) / span : NAN;
}

static void append_line(char *buf, size_t len, const char *line) {
    size_t n = strlen(buf);
    if (n + 1 < len)
        put(buf + n, len - n, "%s%s", n ? "\n" : "", line);
}

static int is_task_step(const rm_model *m, int a) {
    for (int s = 0; s < m->narrivals; s++)
        if (m->arrivals[s].hidden && m->arrivals[s].to == a)
            return 1;
    return 0;
}

/* A number that differs when two profiles (rates, opening hours) do. */
static double profile_sig(const rm_profile *pr) {
    double sig = pr->n + 0.5 * pr->always + pr->per_week;
    for (int i = 0; i < pr->n; i++)
        sig += (i + 1) * (pr->seg[i].start + 3 * pr->seg[i].end + 7 * pr->seg[i].weight);
    return sig;
}

static void stream_node(picture *p, int s) {
    const rm_arrivals *a = &p->m->arrivals[s];
    int k = add_node(p, N_STREAM, a->name);
    if (k < 0)
        return;
    dnode *d = &p->nodes[k];
    rm_shown(a->label, a->name, d->label, sizeof d->label);
    /* what makes it the same stream: its words, how often it comes and when */
    put(d->shape, sizeof d->shape, "%s\n%d %d %.17g %.17g %.17g %.17g %ld", d->label, (int)a->timing,
        (int)a->interarrival.kind, a->interarrival.p[0], a->interarrival.p[1], a->interarrival.p[2],
        profile_sig(&a->profile), a->limit);
    const char *period;
    double f = per_period(p, &period), arrived = figure(p, "arrivals", a->name, "arrived");
    d->arrived = arrived;
    char n[64], line[300];
    if (!isnan(arrived) && !isnan(f)) {
        put(line, sizeof line, rm_word(p->lang, "diagram.arrive"), count(p, arrived * f, n, sizeof n), period);
        append_line(d->label, sizeof d->label, line);
        double gone = figure(p, "arrivals", a->name, "abandoned") + figure(p, "arrivals", a->name, "balked");
        if (arrived > 0 && gone / arrived >= 0.005) {
            put(line, sizeof line, rm_word(p->lang, "diagram.give_up"), percent(p, gone / arrived, n, sizeof n));
            append_line(d->label, sizeof d->label, line);
        }
    }
}

/* Who does step a: its roles' words and head counts. */
static void roles_words(const picture *p, const rm_activity *act, char *buf, size_t len) {
    buf[0] = '\0';
    if (act->nroles == 0) {
        put(buf, len, "%s", rm_word(p->lang, "diagram.nobody"));
        return;
    }
    for (int r = 0; r < act->nroles; r++) {
        const rm_role *role = &p->m->roles[act->roles[r]];
        char who[256];
        size_t n = strlen(buf);
        put(buf + n, len - n, "%s%s (%d)", r ? rm_word(p->lang, "diagram.list_or") : "", rm_shown(role->label, role->name, who, sizeof who),
                 role->count);
    }
    if (rm_utf8_length(buf) > 30)                /* too long for one line: a line per role, "or" ending each */
        for (char *at = buf; (at = strstr(at, rm_word(p->lang, "diagram.list_or"))); at += strlen(rm_word(p->lang, "diagram.list_or")))
            at[strlen(rm_word(p->lang, "diagram.list_or")) - 1] = '\n';
}

static void step_node(picture *p, int a) {
    const rm_activity *act = &p->m->activities[a];
    int k = add_node(p, N_STEP, act->name);
    p->step_node[a] = k;
    if (k < 0)
        return;
    dnode *d = &p->nodes[k];
    char title[256], who[600], line[700], t[96];
    rm_shown(act->label, act->name, title, sizeof title);
    roles_words(p, act, who, sizeof who);
    /* a step's own queue goes without saying; a declared one is named */
    const rm_queue *q = act->queue >= 0 ? &p->m->queues[act->queue] : NULL;
    char where[256] = "";
    if (q && strcmp(q->name, act->name) != 0)
        rm_shown(q->label, q->name, where, sizeof where);
    double hours = 0;                            /* its roles' working hours, to tell a change */
    for (int r = 0; r < act->nroles; r++) {
        int c = p->m->roles[act->roles[r]].calendar;
        hours += (r + 1) * (c >= 0 && c < p->m->ncalendars ? profile_sig(&p->m->calendars[c]) : -1);
    }
    char takes[128] = "";
    double mean = rm_dist_mean(&act->duration.dist);
    if (act->duration.hook > 0)
        put(takes, sizeof takes, "%s", rm_word(p->lang, "diagram.takes_hook"));
    else if (isfinite(mean))
        put(takes, sizeof takes, rm_word(p->lang, "diagram.takes"), duration(p, mean, t, sizeof t));
    put(d->shape, sizeof d->shape, "%s\n%s\n%s\n%s\n%.17g", title, who, takes, where, hours);
    put(d->label, sizeof d->label, "%s\n%s", title, who);
    if (takes[0])
        append_line(d->label, sizeof d->label, takes);
    double wait = q ? figure(p, "queue", q->name, "wait_mean") : NAN;
    if (!isnan(wait) && wait * p->m->unit_seconds < 0.5) {
        append_line(d->label, sizeof d->label, rm_word(p->lang, "diagram.no_wait"));
    } else if (!isnan(wait)) {
        duration(p, wait, t, sizeof t);
        if (where[0])
            put(line, sizeof line, rm_word(p->lang, "diagram.waits_at"), t, where);
        else
            put(line, sizeof line, rm_word(p->lang, "diagram.waits"), t);
        append_line(d->label, sizeof d->label, line);
    } else if (where[0]) {
        put(line, sizeof line, rm_word(p->lang, "diagram.waits_in"), where);
        append_line(d->label, sizeof d->label, line);
    }
    d->done = figure(p, "activity", act->name, "completed");
    d->task = is_task_step(p->m, a);
}

/* Each step's last line, once the routes are known: a task's step, how
 * often it is done; another, its share of the arrivals of the streams that
 * can reach it (done / arrived: a step done twice per item counts twice). */
static void flow_lines(picture *p) {
    double *reach = calloc((size_t)p->nn + 1, sizeof *reach);
    int *seen = malloc(((size_t)p->nn + 1) * sizeof *seen), *stack = malloc(((size_t)p->nn + 1) * sizeof *stack);
    if (!reach || !seen || !stack) {
        p->nomem = 1;
        goto done;
    }
    for (int s = 0; s < p->nn; s++) {
        if (p->nodes[s].kind != N_STREAM || isnan(p->nodes[s].arrived))
            continue;
        memset(seen, 0, (size_t)p->nn * sizeof *seen);
        int top = 0;
        stack[top++] = s;
        seen[s] = 1;
        while (top > 0) {
            int k = stack[--top];
            if (k != s)
                reach[k] += p->nodes[s].arrived;
            for (int e = 0; e < p->ne; e++)
                if (p->edges[e].from == k && !seen[p->edges[e].to]) {
                    seen[p->edges[e].to] = 1;
                    stack[top++] = p->edges[e].to;
                }
        }
    }
    const char *period;
    double f = per_period(p, &period);
    for (int k = 0; k < p->nn; k++) {
        dnode *d = &p->nodes[k];
        char line[300], n[64];
        if (d->kind != N_STEP || isnan(d->done))
            continue;
        double share = reach[k] > 0 ? d->done / reach[k] : NAN;
        if (!d->task && share >= 1.05) {             /* a loop: back again */
            put(line, sizeof line, rm_word(p->lang, "diagram.per_arrival"), number(p, share, n, sizeof n));
            append_line(d->label, sizeof d->label, line);
        } else if (!d->task && share >= 0) {         /* a little above 1: items that came before the warm-up */
            put(line, sizeof line, rm_word(p->lang, "diagram.of_flow"), percent(p, fmin(share, 1), n, sizeof n));
            append_line(d->label, sizeof d->label, line);
        } else if (!isnan(f)) {
            if (d->done == 0)
                put(line, sizeof line, "%s", rm_word(p->lang, "diagram.never"));
            else if (strcmp(count(p, d->done * f, n, sizeof n), "1") == 0)
                put(line, sizeof line, rm_word(p->lang, "diagram.once"), period);
            else
                put(line, sizeof line, rm_word(p->lang, "diagram.times"), n, period);
            append_line(d->label, sizeof d->label, line);
        }
    }
done:
    free(reach);
    free(seen);
    free(stack);
}

static int exit_node(picture *p) {
    if (p->exit < 0) {
        p->exit = add_node(p, N_EXIT, NULL);
        if (p->exit >= 0) {
            put(p->nodes[p->exit].shape, sizeof p->nodes[p->exit].shape, "%s", rm_word(p->lang, "diagram.out"));
            put(p->nodes[p->exit].label, sizeof p->nodes[p->exit].label, "%s", rm_word(p->lang, "diagram.out"));
        }
    }
    return p->exit;
}

static int target(picture *p, int step) {
    if (step == RM_EXIT)
        return exit_node(p);
    return step >= 0 && step < p->m->nactivities ? p->step_node[step] : -1;
}

/* prefix, then ": " and what follows, or either alone. */
static void joined(char *buf, size_t len, const char *prefix, const char *rest) {
    if (prefix && prefix[0] && rest[0])
        put(buf, len, "%s: %s", prefix, rest);
    else
        put(buf, len, "%s", prefix && prefix[0] ? prefix : rest);
}

/* The table's cumulative probability up to step j: the binding sets the
 * last one above 1 (so that rounding never skips it); it is 1. */
static double cum_at(const rm_next *next, int j) {
    return j == next->n - 1 ? 1.0 : fmin(next->cum[j], 1.0);
}

/* The edges of a route from node `from`, each label after prefix. */
static void route(picture *p, int from, const rm_next *next, const char *prefix) {
    char label[300], pct[32];
    switch (next->kind) {
    case RM_NEXT_STEP:
        joined(label, sizeof label, prefix, "");
        add_edge(p, from, target(p, next->step), E_PLAIN, label);
        break;
    case RM_NEXT_TABLE:
        for (int i = 0; i < next->n; i++) {
            int seen = 0;
            for (int j = 0; j < i; j++)
                seen |= next->steps[j] == next->steps[i];
            if (seen)
                continue;                        /* summed at its first place */
            double prob = 0;
            for (int j = i; j < next->n; j++)
                if (next->steps[j] == next->steps[i])
                    prob += cum_at(next, j) - (j > 0 ? cum_at(next, j - 1) : 0);
            if (prob <= 0)
                continue;
            joined(label, sizeof label, prefix, percent(p, prob, pct, sizeof pct));
            add_edge(p, from, target(p, next->steps[i]), E_PLAIN, label);
        }
        break;
    case RM_NEXT_HOOK:
        joined(label, sizeof label, prefix, rm_word(p->lang, "diagram.hook"));
        add_edge(p, from, exit_node(p), E_HOOK, label);
        break;
    }
}

/* The route a tool's users take: "with online payment (30%)". */
static void tool_words(const picture *p, int tool, int share, char *buf, size_t len) {
    const rm_tool *t = &p->m->tools[tool];
    char name[256], a[32], b[32], with[300];
    put(with, sizeof with, rm_word(p->lang, "diagram.with"), rm_shown(t->label, t->name, name, sizeof name));
    if (share && t->has_uptake && fabs(t->uptake_start - t->uptake_final) > 1e-9)
        put(buf, len, "%s (%s → %s)", with, percent(p, t->uptake_start, a, sizeof a),
                 percent(p, t->uptake_final, b, sizeof b));
    else if (share && t->has_uptake)
        put(buf, len, "%s (%s)", with, percent(p, t->uptake_final, a, sizeof a));
    else
        put(buf, len, "%s", with);
}

/* Whether items still take the route before a tool's (nalts tools changed
 * it): not when one tool, used by every item and never down, did. */
static int base_route_used(const picture *p, int nalts, int tool) {
    const rm_tool *t = &p->m->tools[tool];
    return nalts != 1 || t->has_uptake || t->has_downtime;
}

static void stream_edges(picture *p, int s, int node) {
    const rm_arrivals *a = &p->m->arrivals[s];
    char label[300];
    for (int k = 0; k < a->nalts; k++) {
        tool_words(p, a->alt_tool[k], 1, label, sizeof label);
        add_edge(p, node, target(p, a->alt_to[k]), E_PLAIN, label);
    }
    if (a->nalts == 0) {
        add_edge(p, node, target(p, a->to), E_PLAIN, "");
    } else if (base_route_used(p, a->nalts, a->alt_tool[0])) {
        const rm_tool *t = &p->m->tools[a->alt_tool[0]];
        char pct[32];
        if (a->nalts == 1 && t->has_uptake && fabs(t->uptake_start - t->uptake_final) <= 1e-9)
            put(label, sizeof label, "%s (%s)", rm_word(p->lang, "diagram.others"), percent(p, 1 - t->uptake_final, pct, sizeof pct));
        else
            put(label, sizeof label, "%s", rm_word(p->lang, "diagram.others"));
        add_edge(p, node, target(p, a->to), E_PLAIN, label);
    }
}

static void step_edges(picture *p, int a) {
    const rm_activity *act = &p->m->activities[a];
    int from = p->step_node[a];
    char label[300];
    for (int k = 0; k < act->nalts; k++) {
        tool_words(p, act->alts[k].tool, 0, label, sizeof label);
        route(p, from, &act->alts[k].next, label);
    }
    if (act->nalts == 0)
        route(p, from, &act->next, NULL);
    else if (base_route_used(p, act->nalts, act->alts[0].tool))
        route(p, from, &act->next, rm_word(p->lang, "diagram.others"));
    if (act->tool >= 0 && act->tool < p->m->ntools && p->m->tools[act->tool].fallback >= RM_EXIT) {
        const rm_tool *t = &p->m->tools[act->tool];
        add_edge(p, from, target(p, t->fallback), E_FALLBACK, t->has_downtime ? rm_word(p->lang, "diagram.fallback_down") : rm_word(p->lang, "diagram.fallback"));
    }
}

/* The description of m (with res's figures when res is not NULL). */
static int describe(picture *p, const rm_model *m, const remous_results *res, const char *lang) {
    memset(p, 0, sizeof *p);
    p->m = m;
    p->res = res;
    p->lang = lang;
    p->exit = -1;
    p->step_node = malloc(((size_t)m->nactivities + 1) * sizeof *p->step_node);
    if (!p->step_node)
        return -1;
    int *stream_at = malloc(((size_t)m->narrivals + 1) * sizeof *stream_at);
    if (!stream_at)
        return -1;
    for (int s = 0; s < m->narrivals; s++) {
        stream_at[s] = -1;
        if (!m->arrivals[s].hidden) {
            stream_at[s] = p->nn;
            stream_node(p, s);
        }
    }
    for (int a = 0; a < m->nactivities; a++)
        step_node(p, a);
    for (int s = 0; s < m->narrivals; s++)
        if (stream_at[s] >= 0 && !p->nomem)
            stream_edges(p, s, stream_at[s]);
    for (int a = 0; a < m->nactivities && !p->nomem; a++)
        step_edges(p, a);
    if (!p->nomem)
        flow_lines(p);
    free(stream_at);
    return p->nomem ? -1 : 0;
}

static int same_node(const dnode *a, const dnode *b) {
    return a->kind == b->kind && (a->kind == N_EXIT || strcmp(a->name, b->name) == 0);
}

static int find_node(const picture *p, const dnode *d) {
    for (int k = 0; k < p->nn; k++)
        if (same_node(&p->nodes[k], d))
            return k;
    return -1;
}

/* Marks in p what the baseline's description b does not have as it is. */
static void compare(picture *p, const picture *b) {
    for (int k = 0; k < p->nn; k++) {
        int o = find_node(b, &p->nodes[k]);
        p->nodes[k].added = o < 0;
        p->nodes[k].changed = o >= 0 && strcmp(p->nodes[k].shape, b->nodes[o].shape) != 0;
    }
    for (int e = 0; e < p->ne; e++) {
        const dedge *d = &p->edges[e];
        int from = find_node(b, &p->nodes[d->from]), to = find_node(b, &p->nodes[d->to]), same = 0;
        for (int f = 0; f < b->ne && !same; f++)
            same = b->edges[f].from == from && b->edges[f].to == to && b->edges[f].style == d->style &&
                   strcmp(b->edges[f].label, d->label) == 0;
        p->edges[e].changed = !same;
    }
}

/* ---- the layout ---- */

static pthread_mutex_t layout_lock = PTHREAD_MUTEX_INITIALIZER;
static char gv_message[300];       /* Graphviz's last message, under layout_lock */

static int keep_message(char *message) {
    if (message && message[0]) {
        put(gv_message, sizeof gv_message, "%s", message);
        size_t n = strlen(gv_message);
        while (n > 0 && (gv_message[n - 1] == '\n' || gv_message[n - 1] == ' '))
            gv_message[--n] = '\0';
    }
    return 0;
}

/* cgraph's setter takes char *; its strings are copied. */
static void set(void *obj, const char *name, const char *value) {
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/* Graphviz reads `\` in a label as an escape (\n, \N the node's name...):
 * doubled, a scenario's words come out as written. */
static void escaped_label(const char *s, char *buf, size_t len) {
    size_t n = 0;
    for (; *s && n + 2 < len; s++) {
        if (*s == '\\')
            buf[n++] = '\\';
        buf[n++] = *s;
    }
    buf[n] = '\0';
}

/* The characters of s[0..n) (UTF-8). */
static size_t chars(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* One line of n bytes into out, cut at spaces into lines of about equal
 * length, each at most width characters where its words allow: a long
 * label makes a taller box, not one wider than the page. */
static void wrap_line(const char *s, size_t n, size_t width, char *out, size_t len) {
    size_t total = chars(s, n);
    if (total <= width) {
        size_t o = strlen(out);
        put(out + o, len - o, "%.*s", (int)n, s);
        return;
    }
    size_t lines = (total + width - 1) / width, target = total / lines, best = 0, best_gap = (size_t)-1;
    for (size_t i = 1; i < n; i++)
        if (s[i] == ' ' && s[i + 1] != '(') {   /* "booksellers (2)" stays on one line */
            size_t at = chars(s, i), gap = at > target ? at - target : target - at;
            if (at <= width && gap < best_gap) {
                best = i;
                best_gap = gap;
            }
        }
    if (best == 0) {                             /* one long word: as it is */
        size_t o = strlen(out);
        put(out + o, len - o, "%.*s", (int)n, s);
        return;
    }
    size_t o = strlen(out);
    put(out + o, len - o, "%.*s\n", (int)best, s);
    wrap_line(s + best + 1, n - best - 1, width, out, len);
}

/* Every line of s wrapped (wrap_line) into out. */
static void wrapped(const char *s, size_t width, char *out, size_t len) {
    out[0] = '\0';
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        wrap_line(s, n, width, out, len);
        if (!nl)
            break;
        size_t o = strlen(out);
        put(out + o, len - o, "\n");
        s = nl + 1;
    }
}

static void dress_node(Agnode_t *n, const dnode *d, const char *lang, const char *id, int k) {
    char buf[2800], name[64];
    put(name, sizeof name, "%s_n%d", id, k);
    set(n, "id", name);
    char label[1300], lines[1400];
    put(label, sizeof label, "%s", d->label);
    if (d->added || d->changed)
        append_line(label, sizeof label, d->added ? rm_word(lang, "diagram.added") : rm_word(lang, "diagram.changed"));
    wrapped(label, 30, lines, sizeof lines);
    escaped_label(lines, buf, sizeof buf);
    set(n, "label", buf);
    escaped_label(d->label, buf, sizeof buf);
    set(n, "tooltip", buf);
    switch (d->kind) {
    case N_STREAM:
        set(n, "shape", "ellipse");
        set(n, "fillcolor", "#DCEAF5");     /* a tint of the palette's blue */
        break;
    case N_STEP:
        set(n, "shape", "box");
        set(n, "style", "rounded,filled");
        break;
    case N_EXIT:
        set(n, "shape", "circle");
        set(n, "fillcolor", "#EEEEEE");
        break;
    }
    if (d->added) {
        set(n, "fillcolor", RM_DIAGRAM_ADDED_FILL);
        set(n, "color", RM_DIAGRAM_ADDED);
        set(n, "penwidth", "2.5");
    } else if (d->changed) {
        set(n, "color", RM_DIAGRAM_CHANGED);
        set(n, "penwidth", "2.5");
    }
}

static void dress_edge(Agedge_t *e, const dedge *d, const char *id, int k) {
    char buf[800], name[64], lines[400];
    put(name, sizeof name, "%s_e%d", id, k);
    set(e, "id", name);
    if (d->label[0]) {
        wrapped(d->label, 26, lines, sizeof lines);
        escaped_label(lines, buf, sizeof buf);
        set(e, "label", buf);
    }
    if (d->style == E_HOOK)
        set(e, "style", "dashed");
    else if (d->style == E_FALLBACK)
        set(e, "style", "dotted");
    if (d->changed) {
        set(e, "color", RM_DIAGRAM_CHANGED);
        set(e, "fontcolor", RM_DIAGRAM_CHANGED);
        set(e, "penwidth", "2.2");
    }
}

/* The SVG of description p, laid out by dot; NULL with why in err.
 * Called under layout_lock. */
static char *render(const picture *p, const char *id, char *err, size_t errlen) {
    static const lt_symlist_t builtins[] = {
        {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
        {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
        {NULL, NULL},
    };
    gv_message[0] = '\0';
    agusererrf before = agseterrf(keep_message);   /* nothing printed on stderr */
    char *svg = NULL;
    GVC_t *gvc = gvContextPlugins(builtins, 0);
    Agraph_t *g = gvc ? agopen((char *)id, Agdirected, NULL) : NULL;
    if (!g) {
        put(err, errlen, "%s%s%s", rm_word(p->lang, "diagram.gv_start"), gv_message[0] ? ": " : "", gv_message);
        goto done;
    }
    agattr(g, AGRAPH, "rankdir", "TB");
    agattr(g, AGRAPH, "nodesep", "0.3");
    agattr(g, AGRAPH, "ranksep", "0.4");
    agattr(g, AGRAPH, "bgcolor", "transparent");
    /* fewer rounds of crossing reduction and ranking: a large model drawn in
     * a second, not minutes (dot's cost grows fast with crossings) */
    agattr(g, AGRAPH, "mclimit", "0.3");
    agattr(g, AGRAPH, "nslimit", "3");
    agattr(g, AGRAPH, "nslimit1", "3");
    agattr(g, AGRAPH, "fontname", "Helvetica");
    agattr(g, AGNODE, "fontname", "Helvetica");
    agattr(g, AGNODE, "fontsize", "14");   /* the page draws it at 12.5 (see report.c's style) */
    agattr(g, AGNODE, "style", "filled");
    agattr(g, AGNODE, "fillcolor", "#FFFFFF");
    agattr(g, AGNODE, "color", "#444444");
    agattr(g, AGNODE, "margin", "0.2,0.07");
    agattr(g, AGEDGE, "fontname", "Helvetica");
    agattr(g, AGEDGE, "fontsize", "13");   /* drawn at 11.5 */
    agattr(g, AGEDGE, "color", "#444444");
    agattr(g, AGEDGE, "arrowsize", "0.7");
    Agnode_t **nodes = malloc(((size_t)p->nn + 1) * sizeof *nodes);
    if (!nodes) {
        put(err, errlen, "%s", rm_word(p->lang, "diagram.no_memory"));
        goto done;
    }
    for (int k = 0; k < p->nn; k++) {
        char name[32];
        put(name, sizeof name, "n%d", k);   /* ids only: a scenario's words never reach the SVG's comments */
        nodes[k] = agnode(g, name, 1);
        dress_node(nodes[k], &p->nodes[k], p->lang, id, k);
    }
    for (int k = 0; k < p->ne; k++) {
        char name[32];
        put(name, sizeof name, "e%d", k);
        Agedge_t *e = agedge(g, nodes[p->edges[k].from], nodes[p->edges[k].to], name, 1);
        dress_edge(e, &p->edges[k], id, k);
    }
    /* tasks' steps, each a start of its own, side by side would make the
     * picture wide: two to a row (an edge nobody sees holds one under another) */
    for (int k = 0, previous[2] = {-1, -1}, col = 0; k < p->nn; k++)
        if (p->nodes[k].task) {
            if (previous[col] >= 0) {
                Agedge_t *e = agedge(g, nodes[previous[col]], nodes[k], NULL, 1);
                set(e, "style", "invis");
            }
            previous[col] = k;
            col = 1 - col;
        }
    free(nodes);
    if (gvLayout(gvc, g, "dot") != 0) {
        put(err, errlen, "%s%s%s", rm_word(p->lang, "diagram.gv_layout"), gv_message[0] ? ": " : "", gv_message);
        goto done;
    }
    char *data = NULL;
    unsigned int len = 0;
    if (gvRenderData(gvc, g, "svg", &data, &len) == 0 && data) {
        const char *start = strstr(data, "<svg");   /* the prolog and doctype cannot be inline */
        if (start)
            svg = strdup(start);
        if (!svg)
            put(err, errlen, "%s", start ? rm_word(p->lang, "diagram.no_memory") : rm_word(p->lang, "diagram.gv_svg"));
    } else {
        put(err, errlen, "%s%s%s", rm_word(p->lang, "diagram.gv_svg"), gv_message[0] ? ": " : "", gv_message);
    }
    if (data)
        gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
done:
    if (g)
        agclose(g);
    if (gvc)
        gvFreeContext(gvc);
    agseterrf(before);
    return svg;
}

/* The largest picture drawn: beyond, no page shows it legibly (and the
 * layout would take seconds). */
#define MAX_NODES 80
#define MAX_EDGES 200

char *rm_diagram_svg(const rm_model *m, const remous_results *res, const rm_model *base, const char *id,
                     const char *lang, char *err, size_t errlen) {
    picture p, b;
    int bad = describe(&p, m, res, lang);
    memset(&b, 0, sizeof b);
    if (!bad && base && base != m) {
        bad = describe(&b, base, NULL, lang);
        if (!bad)
            compare(&p, &b);
    }
    char *svg = NULL;
    if (bad) {
        put(err, errlen, "%s", rm_word(lang, "diagram.no_memory"));
    } else if (p.nn > MAX_NODES || p.ne > MAX_EDGES) {   /* illegible, and dot's time grows fast */
        put(err, errlen, rm_word(lang, "diagram.too_large"), p.nn - (p.exit >= 0), p.ne, MAX_NODES, MAX_EDGES);
    } else {
        pthread_mutex_lock(&layout_lock);
        svg = render(&p, id, err, errlen);
        pthread_mutex_unlock(&layout_lock);
    }
    picture_free(&p);
    picture_free(&b);
    return svg;
}
