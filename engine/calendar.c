/* Calendars and weekly profiles, see calendar.h. Profiles have few
 * segments (a shop's week has five or six), so plain scans are used. */
#include "calendar.h"
#include "words.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ profiles -- */

void rm_profile_init(rm_profile *p, double week, double offset) {
    memset(p, 0, sizeof *p);
    p->week = week;
    p->offset = offset;
}

void rm_profile_always(rm_profile *p, double week) {
    rm_profile_init(p, week, 0);
    p->always = 1;
    p->per_week = week;
}

void rm_profile_free(rm_profile *p) {
    free(p->seg);
    p->seg = NULL;
    p->n = 0;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The weight of the raw segments raw[0..n-1] at week offset x. */
static double raw_weight(const rm_segment *raw, int n, double x) {
    double w = 0;
    for (int i = 0; i < n; i++)
        if (raw[i].start <= x && x < raw[i].end)
            w += raw[i].weight;
    return w;
}

/* Rebuilds p from possibly overlapping raw segments: elementary intervals
 * between all boundaries, weights summed, equal neighbours merged. */
static int normalize(rm_profile *p, const rm_segment *raw, int n) {
    double *cut = malloc((size_t)(2 * n + 2) * sizeof(double));
    rm_segment *seg = malloc((size_t)(2 * n + 1) * sizeof(rm_segment));
    if (!cut || !seg) {
        free(cut);
        free(seg);
        return -1;
    }
    int nc = 0, ns = 0;
    cut[nc++] = 0;
    cut[nc++] = p->week;
    for (int i = 0; i < n; i++) {
        cut[nc++] = raw[i].start;
        cut[nc++] = raw[i].end;
    }
    qsort(cut, (size_t)nc, sizeof(double), cmp_double);
    double before = 0;
    for (int i = 0; i + 1 < nc; i++) {
        double a = cut[i], b = cut[i + 1];
        if (b <= a)
            continue;
        double w = raw_weight(raw, n, a);
        if (p->cap > 0 && w > p->cap)
            w = p->cap;                         /* calendars: a union, not a sum */
        if (w <= 0)
            continue;
        if (ns > 0 && seg[ns - 1].end == a && seg[ns - 1].weight == w) {
            seg[ns - 1].end = b;
        } else {
            seg[ns].start = a;
            seg[ns].end = b;
            seg[ns].weight = w;
            seg[ns].before = before;
            ns++;
        }
        before += w * (b - a);
    }
    free(cut);
    free(p->seg);
    p->seg = seg;
    p->n = ns;
    p->per_week = before;
    p->always = 0;
    return 0;
}

int rm_profile_add(rm_profile *p, double start, double end, double w) {
    if (p->always || w <= 0 || end <= start)
        return 0;
    rm_segment *raw = malloc((size_t)(p->n + 3) * sizeof *raw);
    if (!raw)
        return -1;
    int n = 0;
    for (int i = 0; i < p->n; i++)
        raw[n++] = p->seg[i];
    double len = fmin(end - start, p->week);               /* at most a whole week */
    start = fmod(start, p->week);
    end = start + len;
    if (end <= p->week) {
        raw[n++] = (rm_segment){start, end, w, 0};
    } else {                                               /* wraps past Sunday night */
        raw[n++] = (rm_segment){start, p->week, w, 0};
        raw[n++] = (rm_segment){0, end - p->week, w, 0};
    }
    int rc = normalize(p, raw, n);
    free(raw);
    return rc;
}

int rm_profile_copy(const rm_profile *a, rm_profile *out) {
    *out = *a;
    out->seg = NULL;
    if (a->n == 0)
        return 0;
    out->seg = malloc((size_t)a->n * sizeof *out->seg);
    if (!out->seg)
        return -1;
    memcpy(out->seg, a->seg, (size_t)a->n * sizeof *out->seg);
    return 0;
}

int rm_profile_multiply(const rm_profile *a, const rm_profile *b, rm_profile *out) {
    if (a->always)
        return rm_profile_copy(b, out);
    if (b->always)
        return rm_profile_copy(a, out);
    rm_profile_init(out, a->week, a->offset);
    int cap = 2 * (a->n + b->n) + 2, n = 0;
    rm_segment *raw = malloc((size_t)cap * sizeof *raw);
    if (!raw)
        return -1;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++) {
            double s = fmax(a->seg[i].start, b->seg[j].start), e = fmin(a->seg[i].end, b->seg[j].end);
            if (e > s) {
                if (n == cap) {
                    rm_segment *r = realloc(raw, (size_t)(cap *= 2) * sizeof *raw);
                    if (!r) {
                        free(raw);
                        return -1;
                    }
                    raw = r;
                }
                raw[n++] = (rm_segment){s, e, a->seg[i].weight * b->seg[j].weight, 0};
            }
        }
    int rc = normalize(out, raw, n);
    free(raw);
    return rc;
}

/* A stretch of open time, [start, start + len) in week offsets (it may run
 * past the week's end), and the day of the week it counts in. */
typedef struct stretch { double start, len; int day; } stretch;

/* cal's open time as stretches: neighbouring segments joined (across the
 * week's end too), each counting in the day it starts. A stretch longer
 * than a day (open around the clock) is cut every 24 hours from its start,
 * each piece counting in the day it starts. At most 2 * cal->n + 7 of them. */
static int stretches_of(const rm_profile *cal, stretch *out) {
    double day = cal->week / 7;
    int n = 0;
    for (int i = 0; i < cal->n; i++) {
        if (n > 0 && out[n - 1].start + out[n - 1].len == cal->seg[i].start)
            out[n - 1].len += cal->seg[i].end - cal->seg[i].start;
        else
            out[n++] = (stretch){cal->seg[i].start, cal->seg[i].end - cal->seg[i].start, 0};
    }
    if (n > 1 && out[0].start == 0 && out[n - 1].start + out[n - 1].len == cal->week) {
        out[n - 1].len += out[0].len;          /* open over Sunday midnight: one stretch */
        memmove(out, out + 1, (size_t)(--n) * sizeof *out);
    }
    int m = n;
    for (int i = 0; i < n; i++) {
        double end = out[i].start + out[i].len;
        if (out[i].len > day * (1 + RM_WEEK_EPSILON * 7)) {   /* more than a day: 24-hour pieces */
            out[i].len = day;
            for (double cut = out[i].start + day; cut < end - day * RM_WEEK_EPSILON * 7; cut += day)
                out[m++] = (stretch){fmod(cut, cal->week), fmin(day, end - cut), 0};
        }
    }
    for (int i = 0; i < m; i++)
        out[i].day = (int)floor(out[i].start / day + RM_WEEK_EPSILON * 7) % 7;
    return m;
}

int rm_profile_per_open_day(const rm_profile *cal, double n, rm_profile *out) {
    rm_profile_init(out, cal->week, cal->offset);
    int cap = cal->always ? 8 : 2 * cal->n + 8;
    stretch *st = malloc((size_t)cap * sizeof *st);
    if (!st)
        return -1;
    int ns;
    if (cal->always) {
        ns = 7;
        for (int d = 0; d < 7; d++)
            st[d] = (stretch){d * cal->week / 7, cal->week / 7, d};
    } else {
        ns = stretches_of(cal, st);
    }
    double open[7] = {0};
    for (int i = 0; i < ns; i++)
        open[st[i].day] += st[i].len;
    for (int i = 0; i < ns; i++)
        if (rm_profile_add(out, st[i].start, st[i].start + st[i].len, n / open[st[i].day]) < 0) {
            free(st);
            rm_profile_free(out);
            return -1;
        }
    free(st);
    return 0;
}

int rm_profile_per_open_week(const rm_profile *cal, double n, rm_profile *out) {
    if (rm_profile_copy(cal, out) < 0)
        return -1;
    if (cal->always || cal->per_week <= 0) {
        rm_profile_init(out, cal->week, cal->offset);
        return cal->always ? rm_profile_add(out, 0, cal->week, n / cal->week) : 0;
    }
    double w = n / cal->per_week;
    out->cap = 0;
    for (int i = 0; i < out->n; i++) {
        out->seg[i].weight *= w;
        out->seg[i].before *= w;
    }
    out->per_week = n;
    return 0;
}

/* The last segment that starts before x (-1: none), by bisection: a rate
 * by the hour has dozens of segments a week, looked up at every arrival. */
static int last_starting_before(const rm_profile *p, double x) {
    int lo = 0, hi = p->n;                       /* the answer + 1 is in [lo, hi] */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (p->seg[mid].start < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

/* The integral over [0, x) of the week, 0 <= x <= week. */
static double within_week(const rm_profile *p, double x) {
    int i = last_starting_before(p, x);
    if (i < 0)
        return 0;
    const rm_segment *s = &p->seg[i];
    return s->before + s->weight * (fmin(x, s->end) - s->start);
}

/* The integral from the week origin (Monday 00:00 before t = 0) to t. */
static double from_origin(const rm_profile *p, double t) {
    double u = t + p->offset, k = floor(u / p->week);
    return k * p->per_week + within_week(p, u - k * p->week);
}

double rm_profile_integral(const rm_profile *p, double a, double b) {
    if (b <= a)
        return 0;
    if (p->always)
        return b - a;
    return from_origin(p, b) - from_origin(p, a);
}

double rm_profile_advance(const rm_profile *p, double t, double amount) {
    if (p->always)
        return t + amount;
    if (p->per_week <= 0)
        return INFINITY;
    double target = from_origin(p, t) + amount;
    /* the remainder in (0, per_week]: due at the week's last closing is in that week */
    double k = ceil(target / p->per_week) - 1, r = target - k * p->per_week;
    if (k < 0) {
        k = 0;
        r = target;
    }
    /* the first segment whose end's integral reaches r (they only grow) */
    int lo = 0, hi = p->n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        const rm_segment *s = &p->seg[mid];
        if (r <= s->before + s->weight * (s->end - s->start))
            hi = mid;
        else
            lo = mid + 1;
    }
    if (lo < p->n) {                             /* due at closing time: at closing time */
        const rm_segment *s = &p->seg[lo];
        double x = s->start + (r - s->before) / s->weight;
        return fmax(t, k * p->week + x - p->offset);
    }
    return fmax(t, (k + 1) * p->week + p->seg[0].start - p->offset);
}

/* The weight at week offset x (half-open segments). */
static double weight_at(const rm_profile *p, double x) {
    for (int i = 0; i < p->n; i++)
        if (p->seg[i].start <= x && x < p->seg[i].end)
            return p->seg[i].weight;
    return 0;
}

/* Where t falls in its week, nudged past a boundary it is within epsilon of. */
static double week_position(const rm_profile *p, double t, double *k) {
    double u = t + p->offset + RM_WEEK_EPSILON * p->week;
    *k = floor(u / p->week);
    return u - *k * p->week;
}

int rm_profile_open(const rm_profile *p, double t) {
    if (p->always)
        return 1;
    double k;
    return weight_at(p, week_position(p, t, &k)) > 0;
}

double rm_profile_next_change(const rm_profile *p, double t) {
    if (p->always || p->n == 0)
        return INFINITY;
    double k, x = week_position(p, t, &k);
    double now = weight_at(p, x);
    /* the boundaries of this week and the next, in order; the weight after
     * each is read at the stored boundary, not at a recomputed position */
    for (int wk = 0; wk < 2; wk++)
        for (int i = 0; i < p->n; i++) {
            double local[2] = {p->seg[i].start, p->seg[i].end};
            for (int e = 0; e < 2; e++) {
                double c = local[e] + wk * p->week;
                if (c <= x)                      /* (x is nudged: t itself is never next) */
                    continue;
                double w = weight_at(p, local[e] >= p->week ? local[e] - p->week : local[e]);
                if (w != now)
                    return (k * p->week + c) - p->offset;
            }
        }
    return INFINITY;
}

/* -------------------------------------------------------------- parsing -- */

static const char *day_names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static void skip_spaces(const char **s) {
    while (**s == ' ' || **s == '\t')
        (*s)++;
}

/* A day name (case-insensitive) at *s: its index, or -1. */
static int parse_day(const char **s, const char *spec, char *err, size_t errlen) {
    char word[16];
    int n = 0;
    while (isalpha((unsigned char)(*s)[n]) && n < 15) {
        word[n] = (char)tolower((unsigned char)(*s)[n]);
        n++;
    }
    word[n] = '\0';
    for (int d = 0; d < 7; d++)
        if (strcmp(word, day_names[d]) == 0) {
            *s += n;
            return d;
        }
    if (n == 0)
        snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.expected_day"), spec, *s);
    else
        snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.not_day"), spec, word);
    return -1;
}

/* Days such as "mon-fri", "sat", "mon,wed,fri", "sat-mon" into set[7]. */
static int parse_days(const char **s, int set[7], const char *spec, char *err, size_t errlen) {
    memset(set, 0, 7 * sizeof(int));
    for (;;) {
        skip_spaces(s);
        int a = parse_day(s, spec, err, errlen), b = a;
        if (a < 0)
            return -1;
        if (**s == '-') {
            (*s)++;
            if ((b = parse_day(s, spec, err, errlen)) < 0)
                return -1;
        }
        for (int d = a;; d = (d + 1) % 7) {     /* a range may wrap: sat-mon */
            set[d] = 1;
            if (d == b)
                break;
        }
        skip_spaces(s);
        if (**s != ',')
            return 0;
        (*s)++;
    }
}

/* "9:30" or "09:30" (up to 24:00) into minutes of the day. */
static int parse_time(const char **s, double *minutes, const char *spec, char *err, size_t errlen) {
    const char *p = *s;
    int h = 0, m = 0, digits = 0;
    while (isdigit((unsigned char)*p) && digits < 2)
        h = h * 10 + (*p++ - '0'), digits++;
    int ok = digits > 0 && *p == ':' && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
             !isdigit((unsigned char)p[3]);
    if (ok) {
        m = (p[1] - '0') * 10 + (p[2] - '0');
        ok = m < 60 && (h < 24 || (h == 24 && m == 0));
    }
    if (!ok) {
        int n = 0;
        while ((*s)[n] && (*s)[n] != ' ' && (*s)[n] != ',' && (*s)[n] != '-' && n < 12)
            n++;
        if (n == 0)
            while ((*s)[n] && (*s)[n] != ' ' && n < 12)
                n++;
        snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.not_time"), spec, n, *s);
        return -1;
    }
    *minutes = h * 60 + m;
    *s = p + 3;
    return 0;
}

int rm_calendar_parse(rm_profile *p, const char *spec, char *err, size_t errlen) {
    const char *s = spec;
    p->cap = 1;                                   /* overlapping hours are open once */
    skip_spaces(&s);
    if (strncmp(s, "always", 6) == 0) {
        const char *rest = s + 6;
        skip_spaces(&rest);
        if (*rest == '\0') {
            double offset = p->offset;
            rm_profile_free(p);
            rm_profile_always(p, p->week);
            p->offset = offset;
            return 0;
        }
    }
    int set[7];
    if (parse_days(&s, set, spec, err, errlen) < 0)
        return -1;
    double day = p->week / 7, unit = day / 1440;        /* units per minute */
    skip_spaces(&s);
    if (*s == '\0') {                                     /* whole days */
        for (int d = 0; d < 7; d++)
            if (set[d] && rm_profile_add(p, d * day, (d + 1) * day, 1) < 0)
                goto oom;
        return 0;
    }
    for (;;) {
        double from, to;
        skip_spaces(&s);
        if (parse_time(&s, &from, spec, err, errlen) < 0)
            return -1;
        skip_spaces(&s);
        if (*s != '-') {
            snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.range"), spec);
            return -1;
        }
        s++;
        skip_spaces(&s);
        if (parse_time(&s, &to, spec, err, errlen) < 0)
            return -1;
        if (to == from) {
            snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.empty"), spec, (int)from / 60,
                     (int)from % 60, (int)to / 60, (int)to % 60);
            return -1;
        }
        if (to < from)
            to += 1440;                                 /* a night shift ends the next day */
        for (int d = 0; d < 7; d++)
            if (set[d] && rm_profile_add(p, d * day + from * unit, d * day + to * unit, 1) < 0)
                goto oom;
        skip_spaces(&s);
        if (*s == '\0')
            return 0;
        if (*s != ',') {
            snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.unexpected"), spec, s);
            return -1;
        }
        s++;
    }
oom:
    snprintf(err, errlen, "out of memory");
    return -1;
}

int rm_calendar_parse_points(const char *spec, double week, double **times, int *n,
                             char *err, size_t errlen) {
    const char *s = spec;
    int set[7];
    *times = NULL;
    *n = 0;
    if (parse_days(&s, set, spec, err, errlen) < 0)
        return -1;
    double day = week / 7, unit = day / 1440;
    double mins[64];
    int nm = 0;
    for (;;) {
        skip_spaces(&s);
        if (*s == '\0' && nm == 0) {
            snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.time_of_day"), spec);
            return -1;
        }
        if (nm == 64) {
            snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.too_many"), spec);
            return -1;
        }
        if (parse_time(&s, &mins[nm], spec, err, errlen) < 0)
            return -1;
        if (mins[nm] >= 1440) {
            snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.midnight"), spec);
            return -1;
        }
        nm++;
        skip_spaces(&s);
        if (*s == '\0')
            break;
        if (*s != ',') {
            snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.unexpected"), spec, s);
            return -1;
        }
        s++;
    }
    *times = malloc((size_t)(7 * nm) * sizeof(double));
    if (!*times) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (int d = 0; d < 7; d++)
        if (set[d])
            for (int i = 0; i < nm; i++)
                (*times)[(*n)++] = d * day + mins[i] * unit;
    qsort(*times, (size_t)*n, sizeof(double), cmp_double);
    return 0;
}

int rm_calendar_parse_start(const char *spec, double week, double *offset, char *err, size_t errlen) {
    const char *s = spec;
    skip_spaces(&s);
    int d = parse_day(&s, spec, err, errlen);
    if (d < 0)
        return -1;
    double minutes = 0;
    skip_spaces(&s);
    if (*s && parse_time(&s, &minutes, spec, err, errlen) < 0)
        return -1;
    skip_spaces(&s);
    if (*s) {
        snprintf(err, errlen, rm_word(rm_message_lang(), "calendar.start"), spec);
        return -1;
    }
    *offset = d * (week / 7) + minutes * (week / 7) / 1440;
    return 0;
}
