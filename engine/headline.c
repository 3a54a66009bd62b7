/* The headline of a variant, see headline.h. Each concern picks, among its
 * elements, the one that moves most (documented at each), and says it in
 * one sentence with numbers rounded to what a person says aloud. Counts
 * and hours are per week of the measured period (horizon less warm-up), or
 * per day when that period is under two weeks. */
#include "headline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cost.h"
#include "labels.h"
#include "words.h"

#define MAX_SENTENCES 5

static const double unit_seconds[4] = {1, 60, 3600, 86400};

/* The words of those units after a figure: singular, plural. */
static const char *const unit_one[4] = {RM_WORD_KEY("number.unit.second"), RM_WORD_KEY("number.unit.minute"),
                                        RM_WORD_KEY("number.unit.hour"), RM_WORD_KEY("number.unit.day")};
static const char *const unit_many[4] = {RM_WORD_KEY("number.unit.seconds"), RM_WORD_KEY("number.unit.minutes"),
                                         RM_WORD_KEY("number.unit.hours"), RM_WORD_KEY("number.unit.days")};

int rm_headline_is_real(const rm_delta *d) {
    return d && d->listed;       /* real (Holm) and large enough to matter: what the digest lists */
}

static int is_real(const rm_delta *d) { return rm_headline_is_real(d); }

/* v rounded as it is said: two significant digits (whole numbers from 10),
 * hundredths below 1, nothing below a thousandth. */
static double rounded(double v) {
    double a = fabs(v);
    if (!isfinite(v))
        return v;
    if (a >= 9.95) {
        double p = a >= 99.5 ? pow(10, floor(log10(a)) - 1) : 1;
        return round(v / p) * p;
    }
    if (a >= 0.995)
        return round(v * 10) / 10;
    if (a >= 0.001) {
        char b[32];
        snprintf(b, sizeof b, "%.2g", v);
        return strtod(b, NULL);
    }
    return 0;
}

const char *rm_say_number(double v, const char *lang, char *buf, size_t len) {
    double r = rounded(v);
    char raw[64];
    if (!isfinite(r))
        snprintf(raw, sizeof raw, "%g", r);
    else if (fabs(r) >= 9.95 || r == floor(r))
        rm_whole_number(raw, sizeof raw, r == 0 ? 0.0 : r);   /* (never "-0") */
    else if (fabs(r) >= 0.995)
        snprintf(raw, sizeof raw, "%.1f", r);
    else
        snprintf(raw, sizeof raw, "%.2g", r);
    /* the language's decimal mark, and its separator between thousands */
    char *dot = strchr(raw, '.');
    size_t whole = dot ? (size_t)(dot - raw) : strcspn(raw, "e"), o = 0;   /* "1e+20": no separator */
    size_t lead = raw[0] == '-';
    for (size_t i = 0; raw[i] && o + 8 < len; i++) {
        if (i > lead && i < whole && (whole - i) % 3 == 0)
            o += (size_t)snprintf(buf + o, len - o, "%s", rm_word(lang, "number.thousands"));
        if (raw[i] == '.')
            o += (size_t)snprintf(buf + o, len - o, "%s", rm_word(lang, "number.decimal"));
        else
            buf[o++] = raw[i];
    }
    buf[o < len ? o : len - 1] = '\0';
    return buf;
}

int rm_say_singular(double v, const char *lang) {
    v = fabs(v);
    return strcmp(rm_word(lang, "number.singular_below_two"), "yes") == 0 ? v < 2 : v == 1;
}

const char *rm_replications_word(double n, const char *lang) {
    return rm_word(lang, rm_say_singular(n, lang) ? "table.replication" : "table.replications");
}

int rm_said_singular(const char *said, const char *lang) {
    const char *thousands = rm_word(lang, "number.thousands"), *decimal = rm_word(lang, "number.decimal");
    size_t nt = strlen(thousands), nd = strlen(decimal), o = 0;
    char plain[64];
    while (*said && !(*said >= '0' && *said <= '9'))
        said++;                                  /* past a sign ("+", "−") */
    while (*said && o + 1 < sizeof plain) {
        if (nd && strncmp(said, decimal, nd) == 0)
            plain[o++] = '.', said += nd;
        else if (nt && strncmp(said, thousands, nt) == 0)
            said += nt;
        else if ((*said >= '0' && *said <= '9'))
            plain[o++] = *said++;
        else
            break;                               /* the figure ends ("3 minutes", "46%") */
    }
    plain[o] = '\0';
    return o > 0 && rm_say_singular(strtod(plain, NULL), lang);
}

/* What the concerns share while the headline of one variant is written. */
typedef struct ctx {
    const rm_comparison *cmp;
    const remous_results *base, *var;
    const rm_model *mb, *mv;
    const char *lang;
    double per;               /* weeks (or days) in the measured period */
    const char *per_words;    /* "a week" or "a day" */
    int weekly;               /* per week (else per day) */
    rm_headline *out;
    int n, oom;
    int v;                    /* the variant's index in cmp */
    int cost_news;            /* the cost's sentence says a real change (not only "no real change") */
} ctx;

/* The comparison's row for a metric of the variant; NULL when none. */
static const rm_delta *row(const ctx *c, const char *element, const char *name, const char *metric) {
    for (int k = 0; k < c->cmp->nrows; k++) {
        const rm_delta *d = &c->cmp->rows[k];
        if (strcmp(d->variant, c->var->variant) == 0 && strcmp(d->element, element) == 0 &&
            strcmp(d->name, name) == 0 && strcmp(d->metric, metric) == 0)
            return d;
    }
    return NULL;
}

/* A run's mean of a metric; NaN when the run has none. */
static double mean_of(const remous_results *res, const char *element, const char *name, const char *metric) {
    remous_summary_row r;
    if (remous_results_find(res, element, name, metric, &r) < 0 || r.n == 0)
        return NAN;
    return r.mean;
}

static const char *say(const ctx *c, double v, char *buf, size_t len) { return rm_say_number(v, c->lang, buf, len); }

/* A count of people said with "about": whole from 1.5 on ("about 5"). */
static const char *say_count(const ctx *c, double v, char *buf, size_t len) {
    return say(c, fabs(v) >= 1.5 ? round(v) : v, buf, len);
}

/* A percentage as said: whole from 1% on, else two significant digits. */
static double pct_said(double share) {
    double p = 100 * share;
    return fabs(p) >= 0.95 ? round(p) : rounded(p);
}

/* A share (0..1) as a percentage said aloud: "46%", "46 %". */
static const char *say_pct(const ctx *c, double share, char *buf, size_t len) {
    char n[48];
    snprintf(buf, len, rm_word(c->lang, "number.percent"), say(c, pct_said(share), n, sizeof n));
    return buf;
}

/* The difference of two percentages as said (so that 57 and 46 make +11). */
static const char *say_points(const ctx *c, double after, double before, char *buf, size_t len) {
    char n[40];
    double d = pct_said(after) - pct_said(before);
    say(c, fabs(d), n, sizeof n);
    snprintf(buf, len, "%s%s", d < 0 ? rm_word(c->lang, "number.minus") : "+", n);
    return buf;
}

/* The unit (0 seconds .. 3 days, at most max_unit) for times up to top
 * seconds: a figure between 1.5 and 90 of it. */
static int time_unit(double top, int max_unit) {
    int u = top < 90 ? 0 : top < 90 * 60 ? 1 : top < 48 * 3600 ? 2 : 3;
    return u < max_unit ? u : max_unit;
}

/* A time of the model (its unit) said in unit u, without the unit. */
static const char *say_time(const ctx *c, double t, int u, char *buf, size_t len) {
    return say(c, t * c->mv->unit_seconds / unit_seconds[u], buf, len);
}

static int singular(const ctx *c, const char *said);

/* The unit's word after the figure `said` (singular for 1; below 2 in French). */
static const char *unit_word(const ctx *c, int u, const char *said) {
    return singular(c, said) ? rm_word(c->lang, unit_one[u]) : rm_word(c->lang, unit_many[u]);
}

/* "point" or "points" after the figure said (its sign aside). */
static const char *points_word(const ctx *c, const char *said) {
    return singular(c, said) ? rm_word(c->lang, "number.point") : rm_word(c->lang, "number.points");
}

static int singular(const ctx *c, const char *said) { return rm_said_singular(said, c->lang); }

/* Text with its first letter in capitals (ASCII and Latin-1 letters). */
static void capitalise(char *s) {
    unsigned char *u = (unsigned char *)s;
    if (u[0] >= 'a' && u[0] <= 'z')
        u[0] = (unsigned char)(u[0] - 'a' + 'A');
    else if (u[0] == 0xC3 && u[1] >= 0xA0 && u[1] <= 0xBE && u[1] != 0xB7)
        u[1] = (unsigned char)(u[1] - 0x20);
}

/* Adds a sentence with its figure; capitalises the sentence. */
static void add(ctx *c, rm_hl_concern concern, const char *sentence, const char *what, const char *before,
                const char *after) {
    if (c->n >= RM_HL_CONCERNS)                  /* (one each: trimmed to five at the end) */
        return;
    rm_headline *h = &c->out[c->n];
    h->concern = concern;
    h->sentence = strdup(sentence);
    h->what = strdup(what);
    h->before = strdup(before);
    h->after = strdup(after);
    if (!h->sentence || !h->what || !h->before || !h->after) {
        c->oom = 1;
        free(h->sentence), free(h->what), free(h->before), free(h->after);
        memset(h, 0, sizeof *h);
        return;
    }
    capitalise(h->sentence);
    capitalise(h->what);
    c->n++;
}

static const char *label(const ctx *c, const rm_model *m, const char *element, const char *name, char *buf,
                         size_t len) {
    return rm_label_of(m, element, name, c->lang, buf, len);
}

static const rm_role *role_of(const rm_model *m, const char *role) {
    for (int r = 0; r < m->nroles; r++)
        if (strcmp(m->roles[r].name, role) == 0)
            return &m->roles[r];
    return NULL;
}

/* A role as the subject of a sentence: its label, with "the" before a
 * role of one person whose label has no article ("the director"); a role
 * without a label reads as its name, with its count when it has several
 * people ("clerk (2 people) are busy": a name is mostly singular, the
 * verb is the group's). */
static const char *role_words(const ctx *c, const rm_model *m, const rm_role *r, char *buf, size_t len) {
    char l[240];
    label(c, m, "role", r->name, l, sizeof l);
    if (!r->label[0] && r->count > 1) {
        const rm_role *before = m == c->mv && c->mb ? role_of(c->mb, r->name) : NULL;
        if (before && before->count != r->count)  /* "seller (3 people instead of 2)" */
            snprintf(buf, len, rm_word(c->lang, "headline.name_of_group_changed"), l, r->count, before->count);
        else
            snprintf(buf, len, rm_word(c->lang, "headline.name_of_group"), l, r->count);
        return buf;
    }
    int has = !rm_word(c->lang, "headline.the")[0] || r->count != 1 || !r->label[0];   /* (a bare name is read as written) */
    /* the words a label may start with that make "the" needless, "the,a,an" */
    for (const char *w = rm_word(c->lang, "headline.articles"); *w && !has;) {
        size_t n = strcspn(w, ",");
        has = n > 0 && strncasecmp(l, w, n) == 0 && l[n] == ' ';
        w += n + (w[n] == ',');
    }
    snprintf(buf, len, "%s%s", has ? "" : rm_word(c->lang, "headline.the"), l);
    return buf;
}

/* A kind's (or a group's) label as a sentence names it: the scenario's
 * words, whose gender the engine does not know, set apart as the language
 * does it (headline.kind: quoted in French, "consacré à « conseil »"). */
static const char *kind_said(const ctx *c, const char *label, char *buf, size_t len) {
    snprintf(buf, len, rm_word(c->lang, "headline.kind"), label);
    return buf;
}

/* The kind's words: in the variant's model, else the baseline's. */
static const char *kind_words(const ctx *c, const char *kind, char *buf, size_t len) {
    char l[240];
    int in_variant = 0;
    for (int k = 0; k < c->mv->nkinds; k++)
        in_variant |= strcmp(c->mv->kinds[k], kind) == 0;
    rm_kind_label(in_variant ? c->mv : c->mb, kind, c->lang, l, sizeof l);
    return kind_said(c, l, buf, len);
}

static int has_kind(const rm_model *m, const char *kind) {
    for (int k = 0; k < m->nkinds; k++)
        if (strcmp(m->kinds[k], kind) == 0)
            return 1;
    return 0;
}

static int has_role(const rm_model *m, const char *role) {
    for (int r = 0; r < m->nroles; r++)
        if (strcmp(m->roles[r].name, role) == 0)
            return 1;
    return 0;
}


/* Appends text to buf (len bytes), after `sep` when buf is not empty. */
static void append(char *buf, size_t len, const char *sep, const char *text) {
    size_t n = strlen(buf);
    snprintf(buf + n, len - n, "%s%s", n ? sep : "", text);
}

/* A list as a sentence says it: "a", "a and b", "a, b and c" (the words
 * kept as they are added, then said by list_said). */
#define LIST_ITEMS 16
typedef struct said_list {
    char items[LIST_ITEMS][512];
    int n;
} said_list;

static void list_add(said_list *l, const char *text) {
    if (l->n < LIST_ITEMS)
        snprintf(l->items[l->n++], sizeof l->items[0], "%s", text);
}

static const char *list_said(const ctx *c, const said_list *l, char *buf, size_t len) {
    buf[0] = '\0';
    for (int i = 0; i < l->n; i++)
        append(buf, len, i == l->n - 1 ? rm_word(c->lang, "headline.list_and") : rm_word(c->lang, "headline.list_comma"),
               l->items[i]);
    return buf;
}

/* ------------------------------------------------- the people who come -- */

/* A stream's wait as its people live it: in person, forms waiting in a
 * tray (patience = false) left out, where the model has such steps and it
 * differs; else its whole wait. */
static const rm_delta *wait_row(const ctx *c, const char *name) {
    const rm_delta *p = row(c, "arrivals", name, "wait_in_person_mean"), *all = row(c, "arrivals", name, "wait_mean");
    if (p && all && (p->baseline_mean != all->baseline_mean || p->variant_mean != all->variant_mean))
        return p;                                /* a tray on its way: the wait in person */
    return all;
}

/* The stream whose wait or number of people leaving unserved changes most
 * (relative change, among the real ones): what they wait, and how many
 * more or fewer leave without being served (abandoned + balked) a week. */
static void people_who_come(ctx *c) {
    int best = -1;
    double top = 0;
    for (int s = 0; s < c->mv->narrivals; s++) {
        const rm_arrivals *a = &c->mv->arrivals[s];
        if (a->hidden || isnan(mean_of(c->base, "arrivals", a->name, "arrived")))
            continue;
        const rm_delta *w = wait_row(c, a->name), *ab = row(c, "arrivals", a->name, "abandoned"),
                       *bk = row(c, "arrivals", a->name, "balked");
        double lb = (ab ? ab->baseline_mean : 0) + (bk ? bk->baseline_mean : 0);
        double lv = (ab ? ab->variant_mean : 0) + (bk ? bk->variant_mean : 0);
        double score = 0;
        if (is_real(w))
            score = isnan(w->relative) ? INFINITY : fabs(w->relative);
        if (is_real(ab) || is_real(bk))
            score = fmax(score, lb > 0 ? fabs(lv - lb) / lb : INFINITY);
        if (score > top)
            top = score, best = s;
    }
    if (best < 0)
        return;
    const char *name = c->mv->arrivals[best].name;
    const rm_delta *w = wait_row(c, name), *ab = row(c, "arrivals", name, "abandoned"),
                   *bk = row(c, "arrivals", name, "balked");
    char who[256], before[48], after[48], fb[96], fa[96], what[320], out[1400], tail[512] = "";
    label(c, c->mv, "arrivals", name, who, sizeof who);
    int wait = 0;
    if (is_real(w)) {
        /* each in the unit that says it best: one unit when they share it
         * ("2.2 minutes instead of 2.6"), else each its own ("48 seconds
         * instead of 2 minutes"), never "48 seconds instead of 120" */
        int ub = time_unit(w->baseline_mean * c->mv->unit_seconds, 3);
        int ua = time_unit(w->variant_mean * c->mv->unit_seconds, 3);
        say_time(c, w->baseline_mean, ub, before, sizeof before);
        say_time(c, w->variant_mean, ua, after, sizeof after);
        snprintf(fb, sizeof fb, "%s %s", before, unit_word(c, ub, before));
        snprintf(fa, sizeof fa, "%s %s", after, unit_word(c, ua, after));
        int tiny = 0;                            /* under a second: "less than a second" */
        if (ub == 0 && w->baseline_mean * c->mv->unit_seconds < 0.95)
            snprintf(fb, sizeof fb, "%s", rm_word(c->lang, "headline.under_a_second")), tiny = 1;
        if (ua == 0 && w->variant_mean * c->mv->unit_seconds < 0.95)
            snprintf(fa, sizeof fa, "%s", rm_word(c->lang, "headline.under_a_second")), tiny = 1;
        wait = strcmp(fb, fa) != 0;              /* the same figure aloud says nothing */
        if (tiny) {
            snprintf(out, sizeof out, rm_word(c->lang, "headline.wait_said"), who, fa, fb);
        } else if (ub == ua) {
            snprintf(out, sizeof out, rm_word(c->lang, "headline.wait"), who, after, unit_word(c, ua, after), before);
            snprintf(fb, sizeof fb, "%s", before);   /* "2.6 → 2.2 minutes" */
        } else
            snprintf(out, sizeof out, rm_word(c->lang, "headline.wait2"), who, after, unit_word(c, ua, after), before,
                     unit_word(c, ub, before));
        snprintf(what, sizeof what, rm_word(c->lang, "headline.what_wait"), who);
    }
    double lb = (ab ? ab->baseline_mean : 0) + (bk ? bk->baseline_mean : 0);
    double lv = (ab ? ab->variant_mean : 0) + (bk ? bk->variant_mean : 0);
    double n = fabs(lv - lb) / c->per;
    const char *more = lv > lb ? rm_word(c->lang, "headline.more") : rm_word(c->lang, "headline.fewer");
    char count[48];
    say_count(c, n, count, sizeof count);
    int leave = is_real(ab) || is_real(bk);
    int one = rm_said_singular(count, c->lang);
    if (leave && n < 0.95 && c->weekly && n >= 1.0 / 26 && round(1 / n) >= 2) {
        /* under one a week: "about one fewer every 3 weeks" (never "every 1 weeks") */
        snprintf(count, sizeof count, "%.0f", round(1 / n));
        if (wait)
            snprintf(tail, sizeof tail, rm_word(c->lang, "headline.and_leave_rare"), more, count);
        else
            snprintf(tail, sizeof tail, rm_word(c->lang, "headline.leave_rare"), who, more, count);
    } else if (leave && (n >= 0.95 || (c->weekly && n >= 0.5))) {
        if (wait)
            snprintf(tail, sizeof tail, one ? rm_word(c->lang, "headline.and_leave1") : rm_word(c->lang, "headline.and_leave"),
                     count, more, c->per_words);
        else
            snprintf(tail, sizeof tail, one ? rm_word(c->lang, "headline.leave1") : rm_word(c->lang, "headline.leave"),
                     who, count, more, c->per_words);
    }
    if (!wait && !tail[0])
        return;
    if (!wait) {
        out[0] = '\0';
        snprintf(what, sizeof what, rm_word(c->lang, "headline.what_leave"), who, c->per_words);
        say(c, lb / c->per, fb, sizeof fb);
        say(c, lv / c->per, fa, sizeof fa);
    }
    size_t k = strlen(out);
    snprintf(out + k, sizeof out - k, "%s.", tail);
    add(c, RM_HL_PUBLIC, out, what, fb, fa);
}

/* ------------------------------------------------- the people who work -- */

/* The role the variant adds that is busiest (its busy share at least the
 * digest's floor for a share, said above 0%): its sentence, capitalised by
 * add() when it stands alone, into buf ("" when none). */
static void new_role(const ctx *c, char *buf, size_t len, char *what, size_t wlen, char *fa, size_t falen) {
    buf[0] = '\0';
    int best = -1;
    double top = 0;
    for (int r = 0; r < c->mv->nroles; r++) {
        double u = mean_of(c->var, "role", c->mv->roles[r].name, "utilization");
        if (!has_role(c->mb, c->mv->roles[r].name) && u >= c->cmp->sc->min_change.points / 100 && u > top &&
            pct_said(u) > 0)
            top = u, best = r;
    }
    if (best < 0)
        return;
    const rm_role *role = &c->mv->roles[best];
    char who[256], pa[48], oa[48], overtime[512] = "";
    role_words(c, c->mv, role, who, sizeof who);
    say_pct(c, top, pa, sizeof pa);
    double o = mean_of(c->var, "role", role->name, "overtime") / c->per;
    int ou = time_unit(o * c->mv->unit_seconds, 2);
    say_time(c, o, ou, oa, sizeof oa);
    if (o > 0 && strcmp(oa, "0") != 0)
        snprintf(overtime, sizeof overtime,
                 role->count == 1 ? rm_word(c->lang, "headline.new_role_overtime1") : rm_word(c->lang, "headline.new_role_overtime"),
                 oa, unit_word(c, ou, oa), c->per_words);
    int n = snprintf(buf, len, role->count == 1 ? rm_word(c->lang, "headline.new_role1") : rm_word(c->lang, "headline.new_role"),
                     who, pa);
    if (n >= 0 && (size_t)n < len)
        snprintf(buf + n, len - (size_t)n, "%s", overtime);
    snprintf(what, wlen, rm_word(c->lang, "headline.what_busy"), who);
    snprintf(fa, falen, "%s", pa);
}

/* The role whose busy share moves most, in points (a role whose only real
 * change is its overtime comes after any whose busy share changes): its
 * busy share, the part of it on kinds the baseline did not have, and its
 * overtime a week; then the busiest role the variant adds, in the same
 * sentence (or its own when no role of the baseline changes). */
static void people_who_work(ctx *c) {
    char added[1024], added_what[320], added_fa[96];
    new_role(c, added, sizeof added, added_what, sizeof added_what, added_fa, sizeof added_fa);
    int best = -1;
    double top = 0;
    for (int r = 0; r < c->mv->nroles; r++) {
        const char *name = c->mv->roles[r].name;
        if (!has_role(c->mb, name))
            continue;
        const rm_delta *u = row(c, "role", name, "utilization"), *o = row(c, "role", name, "overtime");
        double score = 0;
        if (is_real(u) && pct_said(u->baseline_mean) != pct_said(u->variant_mean))
            score = 1e6 + fabs(u->delta);
        else if (is_real(o))
            score = isnan(o->relative) ? 1e5 : fmin(fabs(o->relative), 1e5);
        if (score > top)
            top = score, best = r;
    }
    char out[2600], what[320], fb[96] = "", fa[96] = "";
    out[0] = '\0';
    const rm_role *role = best >= 0 ? &c->mv->roles[best] : NULL;
    const rm_delta *u = role ? row(c, "role", role->name, "utilization") : NULL;
    const rm_delta *o = role ? row(c, "role", role->name, "overtime") : NULL;
    char who[256], pts[48];
    if (role)
        role_words(c, c->mv, role, who, sizeof who);
    int busy = top >= 1e6;
    char tail[512] = "", overtime[512] = "";
    /* the part of the busy share on kinds the baseline did not have */
    double fresh = 0;
    char kinds[512] = "";
    said_list fresh_kinds = {.n = 0};
    for (int k = 0; busy && k < c->mv->nkinds; k++) {
        char metric[300], words[256];
        snprintf(metric, sizeof metric, "share_%s", c->mv->kinds[k]);
        const rm_delta *d = row(c, "role", role->name, metric);
        if (has_kind(c->mb, c->mv->kinds[k]) || !is_real(d) || !(d->variant_mean > 0))
            continue;
        fresh += d->variant_mean;
        list_add(&fresh_kinds, kind_words(c, c->mv->kinds[k], words, sizeof words));
    }
    list_said(c, &fresh_kinds, kinds, sizeof kinds);
    char fresh_said[48];
    say(c, pct_said(fresh), fresh_said, sizeof fresh_said);
    if (fresh > 0 && strcmp(fresh_said, "0") != 0)
        snprintf(tail, sizeof tail, rm_word(c->lang, "headline.of_it"), fresh_said, points_word(c, fresh_said), kinds);
    /* overtime a week, between them */
    char ob[48], oa[48];
    int ou = 0, said_overtime = 0;
    if (is_real(o)) {
        ou = time_unit(fmax(o->baseline_mean, o->variant_mean) / c->per * c->mv->unit_seconds, 2);
        say_time(c, o->baseline_mean / c->per, ou, ob, sizeof ob);
        if (strcmp(ob, "0") == 0)
            snprintf(ob, sizeof ob, "%s", rm_word(c->lang, "headline.zero"));
        say_time(c, o->variant_mean / c->per, ou, oa, sizeof oa);
        said_overtime = strcmp(ob, oa) != 0;
    }
    if (busy) {
        say_pct(c, u->baseline_mean, fb, sizeof fb);
        say_pct(c, u->variant_mean, fa, sizeof fa);
        say_points(c, u->variant_mean, u->baseline_mean, pts, sizeof pts);
        if (said_overtime)
            snprintf(overtime, sizeof overtime, role->count == 1 ? rm_word(c->lang, "headline.and_overtime1") : rm_word(c->lang, "headline.and_overtime"), oa,
                     unit_word(c, ou, oa), c->per_words, ob);
        snprintf(out, sizeof out, role->count == 1 ? rm_word(c->lang, "headline.busy1") : rm_word(c->lang, "headline.busy"), who, fa, fb, pts, points_word(c, pts));
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s", tail, overtime);
        snprintf(what, sizeof what, rm_word(c->lang, "headline.what_busy"), who);
    } else if (said_overtime) {
        snprintf(out, sizeof out, role->count == 1 ? rm_word(c->lang, "headline.overtime1") : rm_word(c->lang, "headline.overtime"), who, oa, unit_word(c, ou, oa),
                 c->per_words, ob);
        snprintf(what, sizeof what, rm_word(c->lang, "headline.what_overtime"), who, c->per_words);
        snprintf(fb, sizeof fb, "%s", ob);
        snprintf(fa, sizeof fa, "%s %s", oa, unit_word(c, ou, oa));
    }
    if (!out[0] && !added[0])
        return;
    if (!out[0]) {                               /* the new role alone */
        snprintf(out, sizeof out, "%s", added);
        snprintf(what, sizeof what, "%s", added_what);
        snprintf(fa, sizeof fa, "%s", added_fa);
    } else if (added[0]) {
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s", rm_word(c->lang, "headline.and_new_role"), added);
    }
    strcat(out, ".");
    add(c, RM_HL_STAFF, out, what, fb, fa);
}

/* ----------------------------------------------------------- hours ---- */

/* A role's working hours a week (or a day) by its calendar, absences not
 * deducted; 0 when m has no such role. */
static double scheduled_hours(const ctx *c, const rm_model *m, const char *role) {
    const rm_role *r = role_of(m, role);
    if (!r)
        return 0;
    double open = r->calendar >= 0 ? rm_profile_integral(&m->calendars[r->calendar], m->warmup, m->horizon)
                                   : m->horizon - m->warmup;
    return open * r->count * m->unit_seconds / 3600 / c->per;
}

/* The share of a role's working time on the kinds in[0..n) in a run. */
static double share_on(const remous_results *res, const char *role, char *const *kinds, int n) {
    double s = 0;
    for (int k = 0; k < n; k++) {
        char metric[300];
        snprintf(metric, sizeof metric, "share_%s", kinds[k]);
        double v = mean_of(res, "role", role, metric);
        if (v > 0)
            s += v;
    }
    return s;
}

/* The names of the roles of both runs, each once, into names; returns how many. */
static int roles_of_both(const ctx *c, const char **names, int cap) {
    int n = 0;
    const rm_model *ms[2] = {c->mb, c->mv};
    for (int i = 0; i < 2; i++)
        for (int r = 0; r < ms[i]->nroles; r++) {
            int seen = 0;
            for (int j = 0; j < n; j++)
                seen |= strcmp(names[j], ms[i]->roles[r].name) == 0;
            if (!seen && n < cap)
                names[n++] = ms[i]->roles[r].name;
        }
    return n;
}

/* ----------------------------------------------------------- mission --- */

/* The kinds of the scenario's `mission`: the hours a week its people (the
 * roles doing any of it, in either run) spend on them and the share of
 * their working time, before and after; "no real change" when no role's
 * share of a mission kind changes for real. */
static void mission(ctx *c) {
    const rm_model *m = c->mv->nmission ? c->mv : c->mb;
    if (!m->nmission)
        return;
    const char *roles[256];
    int nr = roles_of_both(c, roles, 256), doers = 0, real = 0, last = -1;
    double hb = 0, ha = 0, wb = 0, wa = 0;
    for (int r = 0; r < nr; r++) {
        double sb = share_on(c->base, roles[r], m->mission, m->nmission);
        double sa = share_on(c->var, roles[r], m->mission, m->nmission);
        if (!(sb > 0) && !(sa > 0))
            continue;
        doers++, last = r;
        hb += sb * scheduled_hours(c, c->mb, roles[r]);
        ha += sa * scheduled_hours(c, c->mv, roles[r]);
        wb += scheduled_hours(c, c->mb, roles[r]);
        wa += scheduled_hours(c, c->mv, roles[r]);
        for (int k = 0; k < m->nmission; k++) {
            char metric[300];
            snprintf(metric, sizeof metric, "share_%s", m->mission[k]);
            real |= is_real(row(c, "role", roles[r], metric));
        }
    }
    if (!doers)
        return;
    char kinds[512] = "", words[256], who[256];
    said_list mission = {.n = 0};
    for (int k = 0; k < m->nmission; k++)
        list_add(&mission, kind_words(c, m->mission[k], words, sizeof words));
    list_said(c, &mission, kinds, sizeof kinds);
    const rm_model *mr = has_role(c->mv, roles[last]) ? c->mv : c->mb;
    int one = doers > 1 || role_of(mr, roles[last])->count == 1;   /* "the team spends" */
    if (doers == 1)
        role_words(c, mr, role_of(mr, roles[last]), who, sizeof who);
    else
        snprintf(who, sizeof who, "%s", rm_word(c->lang, "headline.team"));
    double sb = wb > 0 ? hb / wb : 0, sa = wa > 0 ? ha / wa : 0;
    int u = time_unit(fmax(hb, ha) * 3600, 2);
    char pb[48], pa[48], b[48], a[48], out[1024], what[600], fb[96], fa[96];
    say_pct(c, sb, pb, sizeof pb);
    say_pct(c, sa, pa, sizeof pa);
    say(c, hb * 3600 / unit_seconds[u], b, sizeof b);
    say(c, ha * 3600 / unit_seconds[u], a, sizeof a);
    snprintf(what, sizeof what, rm_word(c->lang, "headline.what_mission"), who, kinds, c->per_words);
    snprintf(fb, sizeof fb, "%s", b);
    snprintf(fa, sizeof fa, "%s %s", a, unit_word(c, u, a));
    int share_moves = strcmp(pb, pa) != 0, hours_move = strcmp(b, a) != 0;
    if (real && share_moves && hours_move)
        snprintf(out, sizeof out, one ? rm_word(c->lang, "headline.mission1") : rm_word(c->lang, "headline.mission"), who, pa, kinds, pb, a, unit_word(c, u, a),
                 c->per_words, b);
    else if (real && share_moves)               /* the same hours aloud: "still about 20 hours a week" */
        snprintf(out, sizeof out, one ? rm_word(c->lang, "headline.mission_pct1") : rm_word(c->lang, "headline.mission_pct"), who, pa, kinds, pb, a,
                 unit_word(c, u, a), c->per_words);
    else if (real && hours_move)                /* the same share aloud */
        snprintf(out, sizeof out, one ? rm_word(c->lang, "headline.mission_hours1") : rm_word(c->lang, "headline.mission_hours"), who, a, unit_word(c, u, a),
                 c->per_words, kinds, b, pa);
    else {
        snprintf(out, sizeof out, rm_word(c->lang, "headline.mission_same"), who, kinds, b, unit_word(c, u, b), c->per_words, pb);
        fb[0] = '\0';                           /* no change: the figure as it is */
    }
    add(c, RM_HL_MISSION, out, what, fb, fa);
}

/* ---------------------------------------------------------- new work --- */

static int has_activity(const rm_model *m, const char *name) {
    for (int a = 0; a < m->nactivities; a++)
        if (strcmp(m->activities[a].name, name) == 0)
            return 1;
    return 0;
}

/* A group whose parts trade time, said as its total and its parts ("less
 * on the phone, more helping with the tool"): for the role with the most of
 * the group in the variant among those that did the group's old kinds and
 * now do one the baseline did not have, if some part changes for real.
 * Returns whether it said it. */
static int group_sentence(ctx *c, const char *group) {
    const rm_model *mv = c->mv;
    char *kinds[64], *old[64], *fresh[64];
    int nk = 0, no = 0, nf = 0;
    for (int k = 0; k < mv->nkinds && nk < 64; k++)
        if (strcmp(mv->kind_groups[k], group) == 0) {
            kinds[nk++] = mv->kinds[k];
            if (has_kind(c->mb, mv->kinds[k]))
                old[no++] = mv->kinds[k];
            else
                fresh[nf++] = mv->kinds[k];
        }
    int best = -1;
    double top = 0;
    for (int r = 0; r < mv->nroles; r++) {
        const char *name = mv->roles[r].name;
        /* (a group whose old parts merely trade between themselves is left
         * to the report's table: among small shares it only adds noise) */
        int trades = share_on(c->base, name, old, no) > 0 && share_on(c->var, name, fresh, nf) > 0;
        double s = share_on(c->var, name, kinds, nk);
        if (has_role(c->mb, name) && trades && s > top)
            top = s, best = r;
    }
    if (best < 0)
        return 0;
    const rm_role *role = &mv->roles[best];
    char less[512] = "", more[512] = "", words[256], part[300];
    for (int k = 0; k < nk; k++) {
        char metric[300];
        snprintf(metric, sizeof metric, "share_%s", kinds[k]);
        const rm_delta *d = row(c, "role", role->name, metric);
        if (!is_real(d))
            continue;
        snprintf(part, sizeof part, d->delta < 0 ? rm_word(c->lang, "headline.less") : rm_word(c->lang, "headline.more_of"), kind_words(c, kinds[k], words, sizeof words));
        append(d->delta < 0 ? less : more, sizeof less, ", ", part);
    }
    if (!less[0] && !more[0])
        return 0;
    append(less, sizeof less, ", ", more);
    char who[256], pb[48], pa[48], out[1400], what[600], named[256];
    role_words(c, mv, role, who, sizeof who);
    kind_said(c, group, named, sizeof named);
    say_pct(c, share_on(c->base, role->name, kinds, nk), pb, sizeof pb);
    say_pct(c, top, pa, sizeof pa);
    snprintf(out, sizeof out, role->count == 1 ? rm_word(c->lang, "headline.group1") : rm_word(c->lang, "headline.group"), who, pa, named, pb, less);
    snprintf(what, sizeof what, rm_word(c->lang, "headline.what_group"), who, named);
    add(c, RM_HL_NEW_WORK, out, what, pb, pa);
    return 1;
}

/* The work the variant adds: its steps that the baseline does not have (a
 * tool's new steps among them) or of a kind it did not have, each step's time
 * being times done x mean duration; the largest three named. When a new
 * kind joins a group of old ones for some role, the group's total instead
 * (the first such group, in the order of the kinds). */
static void new_work(ctx *c) {
    const rm_model *mv = c->mv;
    for (int k = 0; mv->kind_groups && k < mv->nkinds; k++) {
        int first = mv->kind_groups[k][0] != '\0';
        for (int j = 0; first && j < k; j++)
            first = strcmp(mv->kind_groups[j], mv->kind_groups[k]) != 0;
        if (first && group_sentence(c, mv->kind_groups[k]))
            return;
    }
    double total = 0, hours[3] = {0};
    int top[3] = {-1, -1, -1};
    for (int a = 0; a < mv->nactivities; a++) {
        const rm_activity *act = &mv->activities[a];
        if (act->nroles == 0 || (has_activity(c->mb, act->name) && has_kind(c->mb, mv->kinds[act->kind])))
            continue;                            /* (a tool's step the baseline has, made faster, is not new) */
        double done = mean_of(c->var, "activity", act->name, "completed");
        double h = done * mean_of(c->var, "activity", act->name, "duration_mean") * mv->unit_seconds / 3600 / c->per;
        if (!(h > 0))
            continue;
        total += h;
        for (int i = 0; i < 3; i++)              /* the three largest, largest first */
            if (h > hours[i]) {
                for (int j = 2; j > i; j--)
                    hours[j] = hours[j - 1], top[j] = top[j - 1];
                hours[i] = h, top[i] = a;
                break;
            }
    }
    int u = time_unit(total * 3600, 2);
    char said[48], steps[800] = "", words[256], out[1400], what[320], fa[96];
    say(c, total * 3600 / unit_seconds[u], said, sizeof said);
    if (!(total > 0) || strcmp(said, "0") == 0)
        return;
    said_list top_steps = {.n = 0};
    for (int i = 0; i < 3 && top[i] >= 0; i++)
        list_add(&top_steps, label(c, mv, "activity", mv->activities[top[i]].name, words, sizeof words));
    list_said(c, &top_steps, steps, sizeof steps);
    snprintf(out, sizeof out, rm_word(c->lang, "headline.new_work"), said, unit_word(c, u, said), c->per_words, steps);
    snprintf(what, sizeof what, rm_word(c->lang, "headline.what_new"), c->per_words);
    snprintf(fa, sizeof fa, "%s %s", said, unit_word(c, u, said));
    add(c, RM_HL_NEW_WORK, out, what, "", fa);
}

/* ------------------------------------------------------ one person ----- */

/* The step whose busiest person's share rises above 80% (from 80% or
 * less), for real; the highest such share. */
static void one_person(ctx *c) {
    const rm_delta *best = NULL;
    for (int a = 0; a < c->mv->nactivities; a++) {
        const rm_delta *d = row(c, "activity", c->mv->activities[a].name, "top_person_share");
        if (is_real(d) && d->variant_mean > 0.8 && d->baseline_mean <= 0.8 &&
            (!best || d->variant_mean > best->variant_mean))
            best = d;
    }
    if (!best)
        return;
    char step[256], pb[48], pa[48], out[1024], what[320];
    label(c, c->mv, "activity", best->name, step, sizeof step);
    say_pct(c, best->baseline_mean, pb, sizeof pb);
    say_pct(c, best->variant_mean, pa, sizeof pa);
    snprintf(out, sizeof out, rm_word(c->lang, "headline.one_person"), pa, step, pb);
    snprintf(what, sizeof what, rm_word(c->lang, "headline.what_one"), step);
    add(c, RM_HL_ONE_PERSON, out, what, pb, pa);
}

/* ---------------------------------------------------------- cost ----- */

/* An amount of money as said: rounded as a number is (two significant
 * digits, whole from 10), in the scenario's currency ("€410", "410 €"). */
static const char *say_money(const ctx *c, double v, char *buf, size_t len) {
    return rm_money(c->mv, rounded(v), c->lang, buf, len);
}

/* The comparison's row of a scenario figure; NULL when none. */
static const rm_delta *scenario_row(const ctx *c, const char *metric) {
    for (int k = 0; k < c->cmp->nrows; k++) {
        const rm_delta *d = &c->cmp->rows[k];
        if (strcmp(d->variant, c->var->variant) == 0 && strcmp(d->element, "scenario") == 0 &&
            strcmp(d->metric, metric) == 0)
            return d;
    }
    return NULL;
}

/* Whether a sum of money changes for real: real after Holm's correction,
 * whatever its size next to the rest (a tool's €49 a month matters to a
 * small organization even beside a payroll of €12,000). */
static int money_real(const rm_delta *d) { return d && d->p_holm <= 0.05; }

/* The parts of the cost said: "€180 in fees and €60 less of booksellers'
 * time"; the one part, when it is within 10% of the whole, as its bare words ("the
 * operator's time", said "costs about €2,600 more a month, in the
 * operator's time"). */
typedef struct parts {
    said_list said;
    char bare[400];
    double amount;            /* the last part's, a month */
    int n;
    int mixed;                /* some parts cost more and some less: "more" said too */
} parts;

/* The sign of an amount as the cost's parts say it (0: not said). */
static int part_sign(const rm_amount *a, double months) {
    if (!a->significant || rounded(fabs(a->delta) / months) == 0)
        return 0;
    return a->delta > 0 ? 1 : -1;
}

/* One part, "€180 in fees", "€60 less of booksellers' time", when its
 * change is significant and not zero once said: `more` and `less` take the
 * amount then `whose`, `bare` takes `whose`. */
static void cost_part(const ctx *c, const rm_amount *a, double months, const char *plain, const char *more,
                      const char *less, const char *bare, const char *whose, parts *p) {
    char said[96], part[512];
    say_money(c, fabs(a->delta) / months, said, sizeof said);
    if (!part_sign(a, months))
        return;
    snprintf(part, sizeof part, rm_word(c->lang, a->delta < 0 ? less : p->mixed ? more : plain), said, whose);
    list_add(&p->said, part);
    snprintf(p->bare, sizeof p->bare, rm_word(c->lang, bare), whose);
    p->amount = a->delta / months;
    p->n++;
}

/* The role's words as the owner of a time ("booksellers'", "the
 * director's", in French as they are). */
static const char *whose_time(const ctx *c, const rm_model *m, const rm_role *r, char *buf, size_t len) {
    char who[256];
    if (r->label[0])
        role_words(c, m, r, who, sizeof who);
    else                                         /* its bare name: "seller's time", no count */
        label(c, m, "role", r->name, who, sizeof who);
    size_t n = strlen(who);
    snprintf(buf, len, rm_word(c->lang, n && who[n - 1] == 's' ? RM_WORD_KEY("headline.cost_whose_s") : RM_WORD_KEY("headline.cost_whose")), who);
    return buf;
}

/* What the variant costs a month against the baseline (staff and tools:
 * cost_total, its setup said apart, once), with its parts (subscriptions,
 * fees, each role's paid time; the one part said, when it is within 10%
 * of the whole, as where it goes) and the value lost with those who give up
 * or are turned away; "no real change" when the total does not change for
 * real in a scenario that gives costs. Nothing for a scenario without cost
 * or value. */
static void cost(ctx *c) {
    rm_cost_breakdown b;
    if (rm_cost_breakdown_of(c->cmp, c->v, &b) < 0 || !(b.months > 0))
        return;
    double months = b.months;
    const rm_delta *total = scenario_row(c, "cost_total"), *lost = scenario_row(c, "value_lost");
    int costs = total && (total->baseline_mean > 0 || total->variant_mean > 0);
    double monthly = (b.total.delta - b.setup.delta) / months;   /* a setup is paid once, not each month */
    double half = b.total.half;
    int moves = costs && money_real(total) && !(isfinite(half) && fabs(b.total.delta - b.setup.delta) <= half) &&
                rounded(fabs(monthly)) != 0;
    char out[2400] = "", what[320] = "", fb[96] = "", fa[96] = "", said[96], tail[600] = "";
    parts p = {.n = 0};
    int tools_real = 0;                          /* no real change all in, but the tools' cost is sure */
    if (costs) {
        if (moves) {
            const char *roles[256];
            int nr = roles_of_both(c, roles, 256), up = 0, down = 0;
            /* "€370 less of the till volunteers' time and €370 more of the
             * order volunteer's": "more" said where another part is less */
            for (int r = -2; r < nr; r++) {
                rm_amount a = r == -2 ? b.subscriptions : r == -1 ? b.fees : (rm_amount){0};
                if (r >= 0 && rm_cost_of_role(c->cmp, c->v, roles[r], &a) != 0)
                    continue;
                int sign = part_sign(&a, months);
                up |= sign > 0, down |= sign < 0;
            }
            p.mixed = up && down;
            cost_part(c, &b.subscriptions, months, RM_WORD_KEY("headline.cost_subscriptions"),
                      RM_WORD_KEY("headline.cost_subscriptions_more"), RM_WORD_KEY("headline.cost_subscriptions_less"),
                      RM_WORD_KEY("headline.cost_bare_subscriptions"), "", &p);
            cost_part(c, &b.fees, months, RM_WORD_KEY("headline.cost_fees"), RM_WORD_KEY("headline.cost_fees_more"),
                      RM_WORD_KEY("headline.cost_fees_less"), RM_WORD_KEY("headline.cost_bare_fees"), "", &p);
            for (int r = 0; r < nr; r++) {
                rm_amount a;
                char whose[300];
                const rm_model *m = has_role(c->mv, roles[r]) ? c->mv : c->mb;
                if (rm_cost_of_role(c->cmp, c->v, roles[r], &a) == 0)
                    cost_part(c, &a, months, RM_WORD_KEY("headline.cost_time"), RM_WORD_KEY("headline.cost_time_more"),
                              RM_WORD_KEY("headline.cost_time_less"), RM_WORD_KEY("headline.cost_bare_time"),
                              whose_time(c, m, role_of(m, roles[r]), whose, sizeof whose), &p);
            }
            say_money(c, fabs(monthly), said, sizeof said);
            snprintf(out, sizeof out, rm_word(c->lang, monthly > 0 ? RM_WORD_KEY("headline.cost_more") : RM_WORD_KEY("headline.cost_less")), said);
            size_t k = strlen(out);
            if (p.n == 1 && fabs(p.amount - monthly) <= 0.1 * fabs(monthly))   /* the one part is (nearly) the whole */
                snprintf(out + k, sizeof out - k, rm_word(c->lang, "headline.cost_in"), p.bare);
            else if (p.n > 0) {
                char list[1600];
                snprintf(out + k, sizeof out - k, rm_word(c->lang, "headline.cost_parts"),
                         list_said(c, &p.said, list, sizeof list));
            }
            say_money(c, (b.total.baseline - b.setup.baseline) / months, fb, sizeof fb);
            say_money(c, (b.total.variant - b.setup.variant) / months, fa, sizeof fa);
        }
        char setup[300] = "";                    /* once */
        if (b.setup.significant && rounded(fabs(b.setup.delta)) != 0) {
            char once[96];
            say_money(c, fabs(b.setup.delta), once, sizeof once);
            snprintf(setup, sizeof setup,
                     rm_word(c->lang, b.setup.delta > 0 ? RM_WORD_KEY("headline.cost_setup") : RM_WORD_KEY("headline.cost_setup_less")), once);
        }
        if (!moves) {
            /* a tool's subscription is sure even when the staff's time, all
             * in, drowns it: said first, so that "no real change" does not
             * hide it */
            double tools = (b.subscriptions.delta + b.fees.delta) / months;
            tools_real = (b.subscriptions.significant || b.fees.significant) && rounded(fabs(tools)) != 0;
            say_money(c, (b.total.baseline - b.setup.baseline) / months, said, sizeof said);
            snprintf(fa, sizeof fa, "%s", said);
            if (tools_real) {
                char t[96];
                say_money(c, fabs(tools), t, sizeof t);
                snprintf(out, sizeof out, rm_word(c->lang, tools > 0 ? RM_WORD_KEY("headline.cost_same_tools")
                                                                     : RM_WORD_KEY("headline.cost_same_tools_less")),
                         t, setup, said);
                setup[0] = '\0';
            } else {
                snprintf(out, sizeof out, rm_word(c->lang, "headline.cost_same"), said);
            }
        }
        strncat(out, setup, sizeof out - strlen(out) - 1);
        snprintf(what, sizeof what, "%s", rm_word(c->lang, "headline.what_cost"));
    }
    /* the value lost, a month */
    double dl = lost ? (lost->variant_mean - lost->baseline_mean) / months : 0;
    if (money_real(lost) && rounded(fabs(dl)) != 0) {
        say_money(c, fabs(dl), said, sizeof said);
        snprintf(tail, sizeof tail, rm_word(c->lang, dl > 0 ? RM_WORD_KEY("headline.lost_more") : RM_WORD_KEY("headline.lost_less")), said);
        if (!out[0]) {                           /* the value alone: its own figure */
            say_money(c, lost->baseline_mean / months, fb, sizeof fb);
            say_money(c, lost->variant_mean / months, fa, sizeof fa);
            snprintf(what, sizeof what, "%s", rm_word(c->lang, "headline.what_lost"));
        }
        append(out, sizeof out, rm_word(c->lang, "headline.cost_and_lost"), tail);
    }
    if (!out[0])
        return;
    c->cost_news = moves || tools_real || tail[0];
    strcat(out, ".");
    add(c, RM_HL_COST, out, what, fb, fa);
}

/* ------------------------------------------------------------- API ----- */

static void free_one(rm_headline *h) {
    free(h->sentence);
    free(h->what);
    free(h->before);
    free(h->after);
}


/* At most five sentences: when all six concerns speak, the cost's "no
 * real change" gives way first (a figure with no news), else the new work
 * (the staff's sentence says the points of it on new kinds already). */
static void trim(ctx *c) {
    if (c->n <= MAX_SENTENCES)
        return;
    int drop = -1;
    for (int i = 0; i < c->n; i++)
        if ((c->out[i].concern == RM_HL_COST && !c->cost_news) || (drop < 0 && c->out[i].concern == RM_HL_NEW_WORK))
            drop = i;
    if (drop < 0)
        drop = c->n - 1;
    free_one(&c->out[drop]);
    memmove(&c->out[drop], &c->out[drop + 1], (size_t)(c->n - drop - 1) * sizeof *c->out);
    c->n--;
}

void rm_headline_free(rm_headline *h, int n) {
    for (int i = 0; h && i < n; i++) {
        free(h[i].sentence);
        free(h[i].what);
        free(h[i].before);
        free(h[i].after);
    }
    free(h);
}

int rm_headline_of(const rm_comparison *cmp, int v, const char *lang, rm_headline **out) {
    ctx c = {cmp, cmp->results[0], cmp->results[v], cmp->results[0]->model, cmp->results[v]->model,
             lang, 0, NULL, 0, NULL, 0, 0, v, 0};
    const rm_model *m = c.mv;
    double weeks = (m->horizon - m->warmup) / m->week;
    c.per = weeks < 2 ? weeks * 7 : weeks;       /* under two weeks: per day */
    c.weekly = weeks >= 2;
    c.per_words = c.weekly ? rm_word(lang, "headline.per_week") : rm_word(lang, "headline.per_day");
    *out = NULL;
    c.out = calloc(RM_HL_CONCERNS, sizeof *c.out);
    if (!c.out)
        return -1;
    people_who_come(&c);
    people_who_work(&c);
    mission(&c);
    new_work(&c);
    one_person(&c);
    cost(&c);
    trim(&c);
    if (c.oom) {
        rm_headline_free(c.out, c.n);
        return -1;
    }
    *out = c.out;
    return c.n;
}

void remous_print_headline(const remous_comparison *cmp, FILE *out, const char *lang) {
    for (int v = 1; v < cmp->n; v++) {
        char words[256];
        rm_variant_label(cmp->results[v]->model, cmp->results[v]->variant, lang, words, sizeof words);
        fprintf(out, rm_word(lang, "headline.in_short"), words);
        rm_headline *h;
        int n = rm_headline_of(cmp, v, lang, &h);
        if (n == 0)
            fprintf(out, "  %s\n", rm_word(lang, "headline.nothing"));
        for (int i = 0; i < n; i++)
            fprintf(out, "  %s\n", h[i].sentence);
        rm_headline_free(h, n);
        fputc('\n', out);
    }
}

/* The page's styles for the headline, once per page. */
static const char html_style[] =
    "<style>.headline h3{margin:.8rem 0 .2rem}.headline ul{margin:.2rem 0 .8rem;padding-left:1.2rem}"
    ".headline li{font-size:1.15em;margin:.35rem 0}.headline .none{color:#555}"
    ".figures{display:flex;flex-wrap:wrap;gap:.6rem;margin:.4rem 0 1rem}"
    ".figure{border:2px solid #0072B2;border-radius:6px;padding:.4rem .8rem;min-width:12rem;flex:1 1 12rem}"
    ".figure .what{font-size:.95rem;color:#333}.figure .value{font-size:1.8rem;font-weight:bold;line-height:1.2}"
    ".figure .before{color:#555;font-weight:normal}.figures-caption{color:#555;font-size:.9rem}</style>\n";

/* A sentence into HTML, escaped, a figure held to its unit: a space after
 * a digit, before a digit, "€" or "%" ("1 200 €", "76 %" in French), is a
 * no-break space, so that a line never ends inside an amount. */
static void sentence_html(FILE *f, const char *s) {
    char buf[4096];
    size_t o = 0;
    for (size_t i = 0; s[i] && o + 3 < sizeof buf; i++) {
        int held = s[i] == ' ' && i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' &&
                   ((s[i + 1] >= '0' && s[i + 1] <= '9') || s[i + 1] == '%' || strncmp(s + i + 1, "\xe2\x82\xac", 3) == 0);
        if (held)
            buf[o++] = '\xc2', buf[o++] = '\xa0';
        else
            buf[o++] = s[i];
    }
    buf[o] = '\0';
    rm_html_escape(f, buf);
}

void rm_headline_html(FILE *f, const rm_comparison *cmp, const char *lang, int figures) {
    if (cmp->n < 2)
        return;
    fprintf(f, "%s<section class=\"headline\">\n<h2>%s</h2>\n", html_style, rm_word(lang, "headline.title"));
    for (int v = 1; v < cmp->n; v++) {
        char words[256], heading[400];
        rm_variant_label(cmp->results[v]->model, cmp->results[v]->variant, lang, words, sizeof words);
        snprintf(heading, sizeof heading, rm_word(lang, "headline.with"), words);
        fputs("<h3>", f);
        rm_html_escape(f, heading);
        fputs("</h3>\n<ul>\n", f);
        rm_headline *h;
        int n = rm_headline_of(cmp, v, lang, &h);
        if (n == 0)
            fprintf(f, "<li class=\"none\">%s</li>\n", rm_word(lang, "headline.nothing"));
        for (int i = 0; i < n; i++) {
            fputs("<li>", f);
            sentence_html(f, h[i].sentence);
            fputs("</li>\n", f);
        }
        fputs("</ul>\n", f);
        if (figures && n > 0) {                  /* big enough to read from the back of the room */
            fprintf(f, "<p class=\"figures-caption\">%s</p>\n<div class=\"figures\">\n", rm_word(lang, "headline.figures"));
            for (int i = 0; i < n; i++) {
                fputs("<div class=\"figure\"><div class=\"what\">", f);
                rm_html_escape(f, h[i].what);
                fputs("</div><div class=\"value\">", f);
                if (h[i].before[0]) {
                    fputs("<span class=\"before\">", f);
                    sentence_html(f, h[i].before);
                    fputs(" \xe2\x86\x92</span> ", f);
                }
                sentence_html(f, h[i].after);
                fputs("</div></div>\n", f);
            }
            fputs("</div>\n", f);
        }
        rm_headline_free(h, n);
    }
    fputs("</section>\n", f);
}
