/* The simulation loop, see sim.h.
 *
 * Items flow through steps. A step with roles puts the item in its queue
 * (or straight into service when a person is free and nobody waits); a step
 * without roles is a pure delay. When a person becomes free they look at the
 * head of every queue feeding a step their role can do and take the most
 * urgent one: smallest priority, then longest waiting, then the queue
 * declared first. Within a role, the person idle the longest is taken. */
#include "sim.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "rng.h"

enum { EV_ARRIVAL, EV_END_SERVICE, EV_END_DELAY, EV_ABANDON, EV_SHIFT, EV_ABSENCE, EV_BACK,
       EV_TRAINED, EV_TOOL_DOWN, EV_TOOL_UP, EV_WARMUP, EV_PERIOD, EV_HORIZON,
       EV_KNOCKOUT, EV_KNOCKOUT_END };

/* The stuck-time guard, in events per stretch of simulated time. A stretch
 * starts at an event and lasts RM_STUCK_SPAN of the horizon (at most one
 * time unit); the run is stuck when more than RM_MAX_EVENTS_AT_ONE_TIME
 * events, plus RM_STUCK_PER_ITEM for each item the run has held at once,
 * happen inside one stretch. At that pace the horizon would take over 10^13
 * events, so no run that can finish is stopped; a busy model is allowed its
 * burst (2 million items at one instant may each take 16 steps). It catches
 * a loop of zero durations and one of 1e-300 alike. */
#define RM_MAX_EVENTS_AT_ONE_TIME 10000000
#define RM_STUCK_PER_ITEM 16
#define RM_STUCK_SPAN 1e-6
/* Items in the system at once before the run is stopped: they arrive far
 * faster than they leave, and memory would follow. */
#define RM_MAX_ITEMS 2000000u

typedef struct item {
    uint64_t id;
    double t_arrival, t_enqueue, patience, wait_total, priority;
    double tray_wait;         /* of wait_total, the time at steps with patience = false */
    double service_done;      /* service time of the current step before interruptions */
    double step_start;        /* when the current step started */
    double remaining;         /* work left on the step, while interrupted */
    double t_back;            /* when it went back to its queue, interrupted */
    double qkey1;             /* queue order: (qkey1, qkey2) ascending */
    int64_t qkey2;
    uint64_t uses;            /* bit t: it takes tool t's routes (its uptake, drawn at arrival) */
    uint64_t met;             /* bit t: it has been at a route tool t changed */
    uint64_t used;            /* bit t: it has used tool t, a route or a step of it (its fees) */
    int took_tool_route;
    uint32_t gen;             /* bumped when it leaves a queue or is freed */
    uint32_t qpos;            /* position in its queue's heap */
    uint32_t next_free;
    int32_t arrivals;         /* its stream */
    int32_t activity;         /* the step it is at */
    int32_t queue;            /* where it waits, or -1 */
    int live;
    int interrupted;          /* waits in its queue with `remaining` work left (resume = "anyone") */
} item;

/* A place in a line kept as rings: the item and its generation then (a
 * place whose item has left since, served elsewhere or gone, is stale). */
typedef struct ring_slot {
    uint32_t item, gen;
} ring_slot;

/* The places of one class of a line kept as rings, the oldest first. */
typedef struct ring {
    ring_slot *place;
    uint32_t head, used, cap; /* used: places, stale ones included */
    uint32_t len;             /* the items waiting there */
} ring;

/* A place in a heap-ordered line: the item and its keys, kept beside it so
 * that sifting compares without reaching into the items. */
typedef struct heap_entry {
    double key1;
    int64_t key2;
    uint32_t item;
} heap_entry;

typedef struct queue_state {
    heap_entry *heap;         /* a binary heap on (key1, key2): the item's (qkey1, qkey2) */
    uint32_t len, cap;        /* len: the items waiting */
    /* A line nothing goes back into, FIFO or by priority among a few fixed
     * priorities, is kept as rings of places instead, one per priority (the
     * most urgent first; FIFO: one): its front is the oldest item of the
     * most urgent ring holding one, the heap's order on (priority, arrival
     * in the line). An item that leaves from the middle (out of patience,
     * to a fallback) leaves a stale place, skipped at the front. */
    int nrings;               /* 0: the heap */
    ring *rings;
    int64_t seq;
    double changed;           /* when len last changed: its area is counted up to here */
    int open;                 /* a role serving it is inside its calendar (or it never closes) */
} queue_state;

typedef struct person {
    int busy;
    uint32_t item;
    int activity;
    double start;             /* of the current stretch of work */
    double end;               /* when it ends, unless interrupted */
    uint32_t gen;             /* bumped at an interruption: its end event is stale */
    uint32_t *held;           /* items it interrupted, the last on top */
    int nheld, capheld;
    double counted;           /* busy time is in the counters up to here */
    const rm_profile *calendar;   /* its role's, or NULL: always at work */
    int absent;               /* away (ill, on leave, in training) */
    int training;             /* away learning the tools, at the start */
    int absence_due;          /* an absence starts when the current step ends */
    int on_leave;             /* in one of its role's drawn absences */
    int knocked_out;          /* in the forced absence (rm_sim_knock_out) */
    int knockout_due;         /* the forced absence starts when the current step ends */
    double away_since;        /* start of the current absence */
    double away_time;         /* working time lost to absences ended so far */
} person;

typedef struct role_state {
    int *idle;                /* ring of idle people, idle the longest first */
    int head, len;
    int open;                 /* inside its calendar now */
} role_state;

struct rm_sim {
    const rm_model *m;
    rm_hooks hooks;
    rm_heap cal;
    double now, t0;           /* t0: start of the measured period */
    uint64_t next_id;
    uint64_t seed;            /* of the replication running, and its number */
    int rep;

    item *items;
    double *attrs;            /* max_attrs values per item slot */
    uint32_t nitems, free_head;

    queue_state *qs;
    person *people;
    role_state *roles;
    long *generated;          /* arrivals generated per stream (for limit) */
    int *ring_class;          /* per stream: its priority's ring in a priority line kept as rings */

    rm_rng *dur_rng, *next_rng;                   /* per activity */
    rm_rng *gap_rng, *pat_rng;                    /* per arrivals stream */
    rm_rng *attr_rng;                             /* per stream * max_attrs */
    rm_rng *absence_rng;                          /* per person */
    uint64_t *absence_hash;
    rm_rng *adopt_rng, *down_rng;                 /* per tool */
    uint64_t *adopt_hash, *down_hash;
    rm_rng *uptake_rng;                           /* per tool * arrivals stream */
    uint64_t *uptake_hash;
    unsigned char *adopts;                        /* [tool * npeople + person] */
    unsigned char *concerned;                     /* the same: does the tool's steps */
    int *tool_down;                               /* per tool */
    uint64_t *dur_hash, *next_hash, *gap_hash, *pat_hash, *attr_hash;

    rm_rep_stats st;
    double *c;                /* st.counters: the cumulative counters */
    rm_step_observer observer;
    void *observer_ctx;
    int next_period;          /* index of the next period boundary */
    /* the forced absence (rm_sim_knock_out): who, from when, until when */
    const unsigned char *knock_who;
    double knock_from, knock_until;
    /* the watch (rm_sim_watch): queue lengths sampled on a grid */
    double watch_next0, watch_next, watch_step;
    int watch_n, watch_k;
    double *watch_out;
    /* The run's own clock: the next period boundary, the horizon, the end
     * of the warm-up (INFINITY: none left), kept out of the calendar (see
     * next_event). */
    double clock[3];
    int clock_next;           /* its earliest */
    uint64_t stuck_limit;     /* events in a stretch before the run is stuck (see run_events) */
    int model_lean;           /* the model is lean (see lean_model): once */
    int lean;                 /* and this run too: no forced absence, no observer */
    char err[512];
};

#define NO_ITEM UINT32_MAX

/* The functions every event goes through: inlined wherever called, so that
 * an event is a few straight stretches of code (the generic path's and the
 * lean path's alike) rather than a dozen calls. */
#define RM_HOT static inline __attribute__((always_inline))

/* ------------------------------------------------------------ items ---- */

/* Doubles the item slots, when none is free. Returns 0, or -1 (with a
 * message in err when there are too many, none when out of memory). */
static __attribute__((noinline)) int items_grow(rm_sim *s) {
    if (s->nitems >= RM_MAX_ITEMS) {
        snprintf(s->err, sizeof s->err,
                 "more than %u items at once in the system at time %g: they arrive far faster than "
                 "they leave (an interarrival too small, or nobody to serve them?)", RM_MAX_ITEMS, s->now);
        return -1;
    }
    uint32_t n = s->nitems ? s->nitems * 2 : 1024;
    if (n > RM_MAX_ITEMS)
        n = RM_MAX_ITEMS;
    item *it = realloc(s->items, n * sizeof *it);
    if (!it)
        return -1;
    s->items = it;
    if (s->m->max_attrs) {
        double *a = realloc(s->attrs, (size_t)n * (size_t)s->m->max_attrs * sizeof *a);
        if (!a)
            return -1;
        s->attrs = a;
    }
    for (uint32_t i = s->nitems; i < n; i++) {
        s->items[i].next_free = i + 1 < n ? i + 1 : NO_ITEM;
        s->items[i].gen = 0;
        s->items[i].live = 0;
    }
    s->free_head = s->nitems;
    s->nitems = n;
    s->stuck_limit = RM_MAX_EVENTS_AT_ONE_TIME + (uint64_t)RM_STUCK_PER_ITEM * s->nitems;
    return 0;
}

/* A free item slot, or NO_ITEM (see items_grow). */
RM_HOT uint32_t item_new(rm_sim *s) {
    if (s->free_head == NO_ITEM && items_grow(s) < 0)
        return NO_ITEM;
    uint32_t i = s->free_head;
    s->free_head = s->items[i].next_free;
    return i;
}

static void item_free(rm_sim *s, uint32_t i) {
    s->items[i].gen++;
    s->items[i].next_free = s->free_head;
    s->free_head = i;
}

static rm_item_view item_view(const rm_sim *s, uint32_t i) {
    const item *it = &s->items[i];
    rm_item_view v = {it->id, it->arrivals, it->priority,
                      s->attrs ? s->attrs + (size_t)i * (size_t)s->m->max_attrs : NULL};
    return v;
}

/* ------------------------------------------------------- statistics ---- */

static int measuring(const rm_sim *s) { return s->now >= s->t0; }

/* Adds queue qi's length over [changed, now] to its area. */
RM_HOT void count_area(rm_sim *s, int qi) {
    queue_state *q = &s->qs[qi];
    double dt = s->now - q->changed;
    s->c[rm_cq(&s->st.lay, qi, RM_Q_AREA)] += q->len * dt;
    if (q->open) {                               /* the hours it can be served */
        s->c[rm_cq(&s->st.lay, qi, RM_Q_OPEN_AREA)] += q->len * dt;
        s->c[rm_cq(&s->st.lay, qi, RM_Q_OPEN_TIME)] += dt;
    }
    q->changed = s->now;
}

/* The calendar of person p's role, or NULL when always at work. */
static const rm_profile *calendar_of(const rm_sim *s, int p) {
    return s->people[p].calendar;
}

/* Adds person p's busy time over [counted, now] to its step's kind, the
 * part outside its calendar to its overtime. */
static inline void count_busy(rm_sim *s, int p) {
    person *pe = &s->people[p];
    const rm_profile *cal = calendar_of(s, p);
    double all = s->now - pe->counted;
    double inside = cal ? rm_profile_integral(cal, pe->counted, s->now) : all;
    int kind = s->m->activities[pe->activity].kind;
    s->c[rm_cp(&s->st.lay, p, RM_P_KIND0 + kind)] += inside;
    s->c[rm_cp(&s->st.lay, p, RM_P_OVERTIME)] += all - inside;
    pe->counted = s->now;
}

/* Working time in the calendar over [a, b] for person p. */
static double calendar_time(const rm_sim *s, int p, double a, double b) {
    const rm_profile *cal = calendar_of(s, p);
    return cal ? rm_profile_integral(cal, a, b) : b - a;
}

/* Person p's working time from t = 0 to now: its calendar's open time,
 * less the part of it lost to absences. */
static double working_time(const rm_sim *s, int p) {
    const person *pe = &s->people[p];
    double away = pe->away_time + (pe->absent ? calendar_time(s, p, pe->away_since, s->now) : 0);
    return calendar_time(s, p, 0, s->now) - away;
}

/* Brings every time-based counter up to now, before a snapshot. */
static void count_up_to_now(rm_sim *s) {
    const rm_model *m = s->m;
    for (int q = 0; q < m->nqueues; q++)
        count_area(s, q);
    for (int p = 0; p < m->npeople; p++) {
        if (s->people[p].busy)
            count_busy(s, p);
        s->c[rm_cp(&s->st.lay, p, RM_P_WORKING)] = working_time(s, p);
    }
}

/* ----------------------------------------------------------- queues ---- */

static inline int qless(const heap_entry *x, const heap_entry *y) {
    return x->key1 < y->key1 || (x->key1 == y->key1 && x->key2 < y->key2);
}

static inline void qplace(rm_sim *s, queue_state *q, uint32_t pos, heap_entry e) {
    q->heap[pos] = e;
    s->items[e.item].qpos = pos;
}

static void qsift_up(rm_sim *s, queue_state *q, uint32_t pos) {
    heap_entry e = q->heap[pos];
    while (pos > 0) {
        uint32_t parent = (pos - 1) / 2;
        if (!qless(&e, &q->heap[parent]))
            break;
        qplace(s, q, pos, q->heap[parent]);
        pos = parent;
    }
    qplace(s, q, pos, e);
}

static void qsift_down(rm_sim *s, queue_state *q, uint32_t pos) {
    heap_entry e = q->heap[pos];
    for (;;) {
        uint32_t c = 2 * pos + 1;
        if (c >= q->len)
            break;
        if (c + 1 < q->len && qless(&q->heap[c + 1], &q->heap[c]))
            c++;
        if (!qless(&q->heap[c], &e))
            break;
        qplace(s, q, pos, q->heap[c]);
        pos = c;
    }
    qplace(s, q, pos, e);
}

/* Item i's place in queue qi's order, by the discipline: given when it
 * reaches the step, served at once or not, so that an interrupted item can
 * go back to its place (see requeue). */
RM_HOT void qkeys(rm_sim *s, int qi, uint32_t i) {
    if (s->qs[qi].nrings)
        return;                                  /* rings keep their order by themselves */
    item *it = &s->items[i];
    int64_t seq = s->qs[qi].seq++;
    switch (s->m->queues[qi].discipline) {
    case RM_FIFO: it->qkey1 = 0; it->qkey2 = seq; break;
    case RM_LIFO: it->qkey1 = 0; it->qkey2 = -seq; break;
    case RM_PRIORITY: it->qkey1 = it->priority; it->qkey2 = seq; break;
    }
}

/* Doubles a ring's places, the oldest first. Returns 0 or -1. */
static int ring_grow(ring *r) {
    if (r->cap > UINT32_MAX / 4)
        return -1;
    uint32_t cap = r->cap ? r->cap * 2 : 64;
    ring_slot *p = malloc(cap * sizeof *p);
    if (!p)
        return -1;
    for (uint32_t k = 0; k < r->used; k++)
        p[k] = r->place[(r->head + k) & (r->cap - 1)];
    free(r->place);
    r->place = p;
    r->cap = cap;
    r->head = 0;
    return 0;
}

/* Whether a ring's place still holds its item. */
static inline int ring_live(const rm_sim *s, ring_slot r) { return s->items[r.item].gen == r.gen; }

/* The ring of queue q (kept as rings) item i goes into: its stream's
 * priority's (rm_sim.ring_class). */
static inline ring *ring_of(const rm_sim *s, const queue_state *q, uint32_t i) {
    return q->nrings == 1 ? q->rings : q->rings + s->ring_class[s->items[i].arrivals];
}

/* The first item waiting in queue q (len > 0): the heap's top, or the
 * first live place of the most urgent ring holding one, the stale places
 * before it dropped. */
static inline uint32_t qfront(rm_sim *s, queue_state *q) {
    if (!q->nrings)
        return q->heap[0].item;
    ring *r = q->rings;
    while (r->len == 0)
        r++;
    while (!ring_live(s, r->place[r->head])) {
        r->head = (r->head + 1) & (r->cap - 1);
        r->used--;
    }
    return r->place[r->head].item;
}

/* Puts item i in queue qi at its place (qkeys). */
RM_HOT int qinsert(rm_sim *s, int qi, uint32_t i) {
    queue_state *q = &s->qs[qi];
    if (q->nrings) {                             /* at the back of its ring */
        ring *r = ring_of(s, q, i);
        if (r->used == r->cap && ring_grow(r) < 0)
            return -1;
        s->items[i].queue = qi;
        count_area(s, qi);
        ring_slot place = {i, s->items[i].gen};
        r->place[(r->head + r->used++) & (r->cap - 1)] = place;
        r->len++;
        q->len++;
        if (measuring(s) && q->len > s->st.length_max[qi])
            s->st.length_max[qi] = q->len;
        return 0;
    }
    if (q->len == q->cap) {
        if (q->cap > UINT32_MAX / 4)
            return -1;
        uint32_t cap = q->cap ? q->cap * 2 : 64;
        heap_entry *h = realloc(q->heap, cap * sizeof *h);
        if (!h)
            return -1;
        q->heap = h;
        q->cap = cap;
    }
    s->items[i].queue = qi;
    count_area(s, qi);
    heap_entry e = {s->items[i].qkey1, s->items[i].qkey2, i};
    q->heap[q->len++] = e;
    qsift_up(s, q, q->len - 1);
    if (measuring(s) && q->len > s->st.length_max[qi])
        s->st.length_max[qi] = q->len;
    return 0;
}

RM_HOT int qpush(rm_sim *s, int qi, uint32_t i) {
    s->items[i].t_enqueue = s->now;
    return qinsert(s, qi, i);
}

/* Takes item i out of its queue, wherever it stands. */
RM_HOT void qremove(rm_sim *s, uint32_t i) {
    item *it = &s->items[i];
    int qi = it->queue;
    queue_state *q = &s->qs[qi];
    count_area(s, qi);
    if (q->nrings) {                             /* from the front, or a stale place left */
        ring *r = ring_of(s, q, i);
        ring_slot *front = &r->place[r->head];
        if (front->item == i && front->gen == it->gen) {
            r->head = (r->head + 1) & (r->cap - 1);
            r->used--;
        }
        r->len--;
        q->len--;
        it->queue = -1;
        it->gen++;
        return;
    }
    uint32_t pos = it->qpos;
    heap_entry last = q->heap[--q->len];
    if (pos < q->len) {
        qplace(s, q, pos, last);
        if (pos > 0)
            qsift_up(s, q, pos);
        qsift_down(s, q, s->items[last.item].qpos);
    }
    it->queue = -1;
    it->gen++;                               /* its abandonment event is stale now */
}

/* ------------------------------------------------------------ hooks ---- */

static int fail_oom(rm_sim *s) {
    snprintf(s->err, sizeof s->err, "out of memory");
    return -1;
}

/* Why a draw of d is not a finite number: rm_dist_init refuses parameters
 * that could give one, so only a rejection sampler giving up (see dist.h)
 * ends up here. Out of the event loop's way. */
static __attribute__((noinline, cold)) int draw_failed(rm_sim *s, const rm_dist *d, const char *element,
                                                        const char *name, const char *what, double x) {
    snprintf(s->err, sizeof s->err, "%s \"%s\": %s drawn from %s(...) is %g, not a finite number",
             element, name, what, rm_dist_kind_name(d->kind), x);
    return -1;
}

/* A draw of d into *out, or -1 naming the element (`activity "x"`). */
static inline int draw(rm_sim *s, const rm_dist *d, rm_rng *r, const char *element, const char *name,
                       const char *what, double *out) {
    *out = rm_dist_draw(d, r);
    return isfinite(*out) ? 0 : draw_failed(s, d, element, name, what, *out);
}

static inline int sample(rm_sim *s, const rm_sampler *sp, rm_rng *r, uint32_t i, const char *step, double *out) {
    if (sp->hook == RM_NO_HOOK)
        return draw(s, &sp->dist, r, "activity", step, "a duration", out);
    rm_item_view v = item_view(s, i);
    return s->hooks.number(s->hooks.ctx, sp->hook, &v, s->now, out, s->err, sizeof s->err);
}

/* Item i uses tool t (takes one of its routes, or starts one of its
 * steps): counted once per item and tool, with its stream's value (for the
 * tool's fees, see cost.h); a task's occurrence is no item of the public
 * and pays no fee. */
static void count_tool_use(rm_sim *s, uint32_t i, int t) {
    item *it = &s->items[i];
    uint64_t bit = (uint64_t)1 << t;
    const rm_arrivals *st = &s->m->arrivals[it->arrivals];
    if ((it->used & bit) || st->hidden)
        return;
    it->used |= bit;
    s->c[rm_ct(&s->st.lay, t, RM_T_USED)]++;
    if (st->value > 0)
        s->c[rm_ct(&s->st.lay, t, RM_T_USED_VALUE)] += st->value;
}

/* Item i is at a route tool t changed: counted once per item and tool;
 * returns whether it takes the tool's route. */
static int at_tool_route(rm_sim *s, uint32_t i, int t) {
    item *it = &s->items[i];
    uint64_t bit = (uint64_t)1 << t;
    int takes = (it->uses & bit) != 0;
    if (!it->met)
        s->c[rm_cs(&s->st.lay, it->arrivals, RM_S_TOOL_MET)]++;
    if (!(it->met & bit)) {
        it->met |= bit;
        s->c[rm_ct(&s->st.lay, t, RM_T_MET)]++;
        if (takes)
            s->c[rm_ct(&s->st.lay, t, RM_T_TOOK)]++;
    }
    if (takes)
        count_tool_use(s, i, t);
    if (takes && !it->took_tool_route) {
        it->took_tool_route = 1;
        s->c[rm_cs(&s->st.lay, it->arrivals, RM_S_TOOL_ROUTE)]++;
    }
    return takes;
}

/* Where item i of stream si goes first: the route of the last tool it uses
 * among those that changed it, else the stream's own. */
static int first_step(rm_sim *s, int si, uint32_t i) {
    const rm_arrivals *st = &s->m->arrivals[si];
    for (int k = st->nalts - 1; k >= 0; k--)
        if (at_tool_route(s, i, st->alt_tool[k]))
            return st->alt_to[k];
    return st->to;
}

static int route_any(rm_sim *s, int a, uint32_t i, int *step);

/* Where item i goes after step a, into *step. */
static inline int route(rm_sim *s, int a, uint32_t i, int *step) {
    const rm_activity *act = &s->m->activities[a];
    if (act->nalts == 0 && act->next.kind == RM_NEXT_STEP) {
        *step = act->next.step;                  /* the commonest: one next step */
        return 0;
    }
    return route_any(s, a, i, step);
}

static int route_any(rm_sim *s, int a, uint32_t i, int *step) {
    const rm_activity *act = &s->m->activities[a];
    const rm_next *nx = &act->next;
    for (int k = act->nalts - 1; k >= 0; k--)
        if (at_tool_route(s, i, act->alts[k].tool)) {
            nx = &act->alts[k].next;
            break;
        }
    switch (nx->kind) {
    case RM_NEXT_STEP:
        *step = nx->step;
        return 0;
    case RM_NEXT_TABLE: {
        double u = rm_rng_uniform(&s->next_rng[a]);
        int k = 0;
        while (k + 1 < nx->n && u >= nx->cum[k])
            k++;
        *step = nx->steps[k];
        return 0;
    }
    case RM_NEXT_HOOK: {
        rm_item_view v = item_view(s, i);
        return s->hooks.step(s->hooks.ctx, nx->hook, &v, s->now, step, s->err, sizeof s->err);
    }
    }
    return 0;
}

/* --------------------------------------------------------- the flow ---- */

static inline int enter_step(rm_sim *s, uint32_t i, int step);

/* The item leaves the system without completing (abandoned or balked). */
static void leave(rm_sim *s, uint32_t i, int balked) {
    item *it = &s->items[i];
    const rm_layout *l = &s->st.lay;
    s->c[rm_cs(l, it->arrivals, balked ? RM_S_BALKED : RM_S_ABANDONED)]++;
    if (s->m->arrivals[it->arrivals].deadline >= 0)
        s->c[rm_cs(l, it->arrivals, RM_S_MISSED)]++;      /* never done, so not in time */
    it->live = 0;
    item_free(s, i);
}

/* Item it waited `wait` for step act: in person, or as a form in a tray
 * (patience = false), which its stream's wait_in_person_mean leaves out. */
static inline void add_wait(item *it, const rm_activity *act, double wait) {
    it->wait_total += wait;
    if (act->no_patience)
        it->tray_wait += wait;
}

RM_HOT void finish(rm_sim *s, uint32_t i) {
    item *it = &s->items[i];
    const rm_layout *l = &s->st.lay;
    double cycle = s->now - it->t_arrival;
    s->c[rm_cs(l, it->arrivals, RM_S_COMPLETED)]++;
    s->c[rm_cs(l, it->arrivals, RM_S_WAIT)] += it->wait_total;
    s->c[rm_cs(l, it->arrivals, RM_S_WAIT_IN_PERSON)] += it->wait_total - it->tray_wait;
    s->c[rm_cs(l, it->arrivals, RM_S_CYCLE)] += cycle;
    double deadline = s->m->arrivals[it->arrivals].deadline;
    if (deadline >= 0 && cycle > deadline)
        s->c[rm_cs(l, it->arrivals, RM_S_MISSED)]++;
    it->live = 0;
    item_free(s, i);
}

/* Person p starts serving item i at its current step. */
RM_HOT int work_on(rm_sim *s, int p, uint32_t i, double d);
static double learning_factor(const rm_sim *s, const rm_activity *act);

RM_HOT int start_service(rm_sim *s, int p, uint32_t i) {
    item *it = &s->items[i];
    int a = it->activity;
    const rm_activity *act = &s->m->activities[a];
    double wait = 0;
    if (it->queue >= 0) {
        wait = s->now - it->t_enqueue;
        qremove(s, i);
    }
    add_wait(it, act, wait);
    s->c[rm_cq(&s->st.lay, act->queue, RM_Q_SERVED)]++;
    s->c[rm_cq(&s->st.lay, act->queue, RM_Q_WAIT)] += wait;
    if (measuring(s)) {
        rm_sketch_add(s->st.sketch[act->queue], wait);
        if (wait > s->st.wait_max[act->queue])
            s->st.wait_max[act->queue] = wait;
    }
    if (act->tool >= 0)
        count_tool_use(s, i, act->tool);
    double d;
    if (sample(s, &act->duration, &s->dur_rng[a], i, act->name, &d) < 0)
        return -1;
    d *= learning_factor(s, act);
    s->items[i].service_done = 0;
    s->items[i].step_start = s->now;
    return work_on(s, p, i, d);
}

/* How much longer a tool step takes while its tool is new: 1 + (start - 1)
 * * 2^(-t / half_life); 1 for other steps. */
static double learning_factor(const rm_sim *s, const rm_activity *act) {
    if (act->tool < 0)
        return 1;
    const rm_tool *tool = &s->m->tools[act->tool];
    return 1 + (tool->learning_start - 1) * exp2(-s->now / tool->half_life);
}

/* Whether person p does step a now: not a step of a tool that is down or
 * that p does not use. */
static int will_do(const rm_sim *s, int p, int a) {
    int t = s->m->activities[a].tool;
    return t < 0 || (!s->tool_down[t] && s->adopts[(size_t)t * (size_t)s->m->npeople + (size_t)p]);
}

/* Item i enters tool t's fallback step. A tool without one never sends
 * items there (the prelude requires one when an adoption is below 1 or the
 * tool goes down): an internal error rather than a step that is not. */
static int enter_fallback(rm_sim *s, uint32_t i, int t) {
    int fb = s->m->tools[t].fallback;
    if (fb == RM_NO_STEP) {
        snprintf(s->err, sizeof s->err, "internal error: tool \"%s\" has no fallback step", s->m->tools[t].name);
        return -1;
    }
    return enter_step(s, i, fb);
}

/* Sends item i, waiting in its queue or just arrived at a tool step that
 * will not be done, to the tool's fallback step. */
static int to_fallback(rm_sim *s, uint32_t i) {
    item *it = &s->items[i];
    const rm_activity *act = &s->m->activities[it->activity];
    if (it->queue >= 0) {                        /* it left the line, not served */
        double wait = s->now - (it->interrupted ? it->t_back : it->t_enqueue);
        add_wait(it, act, wait);
        it->interrupted = 0;                     /* (what was done on it is lost) */
        qremove(s, i);
    }
    return enter_fallback(s, i, act->tool);
}

/* Person p works on item i (at its step) for d from now. */
RM_HOT int work_on(rm_sim *s, int p, uint32_t i, double d) {
    person *pe = &s->people[p];
    pe->busy = 1;
    pe->item = i;
    pe->activity = s->items[i].activity;
    pe->start = pe->counted = s->now;
    pe->end = s->now + d;
    return rm_heap_push(&s->cal, pe->end, EV_END_SERVICE, (uint32_t)p, pe->gen) < 0 ? fail_oom(s) : 0;
}

static int requeue(rm_sim *s, uint32_t i);

/* Person p leaves its interruptible step for item i, more urgent; it keeps
 * the interrupted item and resumes it later, or, for a step with resume =
 * "anyone", puts it back in its queue. */
static int interrupt(rm_sim *s, int p, uint32_t i) {
    person *pe = &s->people[p];
    int anyone = s->m->activities[pe->activity].resume_anyone;
    if (!anyone && pe->nheld == pe->capheld) {
        int cap = pe->capheld ? pe->capheld * 2 : 4;
        uint32_t *h = realloc(pe->held, (size_t)cap * sizeof *h);
        if (!h)
            return fail_oom(s);
        pe->held = h;
        pe->capheld = cap;
    }
    count_busy(s, p);
    item *old = &s->items[pe->item];
    old->service_done += s->now - pe->start;
    old->remaining = pe->end - s->now;
    pe->gen++;                                   /* its end event is stale now */
    if (!anyone) {
        pe->held[pe->nheld++] = pe->item;
        return start_service(s, p, i);
    }
    uint32_t left = pe->item;
    if (start_service(s, p, i) < 0)
        return -1;
    return requeue(s, left);
}

/* Person p takes up again the last item it interrupted. */
static int resume(rm_sim *s, int p) {
    person *pe = &s->people[p];
    uint32_t i = pe->held[--pe->nheld];
    return work_on(s, p, i, s->items[i].remaining + s->m->activities[s->items[i].activity].switch_cost);
}

static int serve_heads(rm_sim *s, int qi);

/* Interrupted item i (resume = "anyone") goes back to its step's queue, at
 * its place from when it reached the step (ahead of what came after it, so
 * first among its priority when it had been taken from the line), for any
 * free person of the step's roles. It is not counted as served or balked
 * again, a full queue takes it back, and it no longer runs out of patience. */
static int requeue(rm_sim *s, uint32_t i) {
    item *it = &s->items[i];
    int qi = s->m->activities[it->activity].queue;
    it->interrupted = 1;
    it->t_back = s->now;
    if (qinsert(s, qi, i) < 0)
        return fail_oom(s);
    return serve_heads(s, qi);                   /* someone of another role may be free */
}

/* Person p takes item i from its queue: starts its step, or does what is
 * left of it when it was interrupted there (switch_cost added). Its second
 * wait counts in its wait and in the queue's (not a second service). */
static int take_up(rm_sim *s, int p, uint32_t i) {
    item *it = &s->items[i];
    if (!it->interrupted)
        return start_service(s, p, i);
    const rm_activity *act = &s->m->activities[it->activity];
    double wait = s->now - it->t_back;
    qremove(s, i);
    it->interrupted = 0;
    add_wait(it, act, wait);
    s->c[rm_cq(&s->st.lay, act->queue, RM_Q_WAIT)] += wait;
    return work_on(s, p, i, it->remaining + act->switch_cost);
}

/* A busy person of act's roles (in their order) doing an interruptible step
 * for an item less urgent than `priority`: the least urgent such item's,
 * the latest started among equals; -1 if none. */
static int available(const rm_sim *s, int p);

static int interruptible_for(const rm_sim *s, const rm_activity *act, int step, double priority) {
    for (int k = 0; k < act->nroles; k++) {
        const rm_role *role = &s->m->roles[act->roles[k]];
        int best = -1;
        for (int p = role->first_person; p < role->first_person + role->count; p++) {
            const person *pe = &s->people[p];
            if (!pe->busy || !available(s, p) || !s->m->activities[pe->activity].interruptible ||
                !will_do(s, p, step))
                continue;                        /* (finishing after closing: not to be given more) */
            double prio = s->items[pe->item].priority;
            if (prio <= priority)
                continue;
            if (best < 0 || prio > s->items[s->people[best].item].priority ||
                (prio == s->items[s->people[best].item].priority && pe->start > s->people[best].start))
                best = p;
        }
        if (best >= 0)
            return best;
    }
    return -1;
}

/* Takes the first idle person of the roles of act, in their order; -1 if none. */
static int take_idle(rm_sim *s, const rm_activity *act) {
    for (int k = 0; k < act->nroles; k++) {
        int r = act->roles[k];
        role_state *rs = &s->roles[r];
        if (rs->len > 0) {
            int p = rs->idle[rs->head];
            if (++rs->head == s->m->roles[r].count)    /* (no division on the hot path) */
                rs->head = 0;
            rs->len--;
            return p;
        }
    }
    return -1;
}

/* Whether person p can take work now: inside its calendar, not absent. */
static int available(const rm_sim *s, int p) {
    return s->roles[s->m->person_role[p]].open && !s->people[p].absent;
}

/* Takes person p out of its role's idle ring, if there. */
static void ring_remove(rm_sim *s, int p) {
    int r = s->m->person_role[p], n = s->m->roles[r].count;
    role_state *rs = &s->roles[r];
    int kept = 0;
    for (int k = 0; k < rs->len; k++) {
        int q = rs->idle[(rs->head + k) % n];
        if (q != p)
            rs->idle[(rs->head + kept++) % n] = q;
    }
    rs->len = kept;
}

RM_HOT void make_idle(rm_sim *s, int p) {
    int r = s->m->person_role[p];
    role_state *rs = &s->roles[r];
    int at = rs->head + rs->len, n = s->m->roles[r].count;
    rs->idle[at >= n ? at - n : at] = p;
    rs->len++;
    s->people[p].busy = 0;
}

/* Serves the head of queue qi while an idle person can take it. (A queue
 * shared by steps of different roles may have a head that nobody idle can
 * do: it then blocks the line, as a real line does.) */
static int serve_heads(rm_sim *s, int qi) {
    queue_state *q = &s->qs[qi];
    while (q->len > 0) {
        uint32_t head = qfront(s, q);
        int a = s->items[head].activity;
        int p = take_idle(s, &s->m->activities[a]);
        if (p < 0)
            return 0;
        if (!will_do(s, p, a)) {                 /* to the fallback; p stays free */
            make_idle(s, p);
            if (to_fallback(s, head) < 0)
                return -1;
            continue;
        }
        if (take_up(s, p, head) < 0)
            return -1;
    }
    return 0;
}

static int role_can_do(const rm_activity *act, int r) {
    for (int k = 0; k < act->nroles; k++)
        if (act->roles[k] == r)
            return 1;
    return 0;
}

/* Whether item a goes before item b: smaller priority, then waiting since
 * earlier. */
static int more_urgent(const rm_sim *s, uint32_t a, uint32_t b) {
    const item *x = &s->items[a], *y = &s->items[b];
    return x->priority < y->priority || (x->priority == y->priority && x->t_enqueue < y->t_enqueue);
}

/* Person p, just free, takes the most urgent head among the queues of its
 * role (smallest priority, then longest waiting, then the queue declared
 * first), or resumes the item it interrupted last if nothing waiting is
 * more urgent. Returns 1 if it took work, 0 if none, -1 on error. */
static int look_for_work(rm_sim *s, int p) {
    const rm_role *role = &s->m->roles[s->m->person_role[p]];
    if (role->nqueues == 1 && s->people[p].nheld == 0 && s->m->ntools == 0) {
        queue_state *q = &s->qs[role->queues[0]];   /* the commonest: one line, nothing held */
        if (q->len == 0)
            return 0;
        uint32_t h = qfront(s, q);
        if (!role_can_do(&s->m->activities[s->items[h].activity], s->m->person_role[p]))
            return 0;
        int qi = role->queues[0];
        if (take_up(s, p, h) < 0)
            return -1;
        if (s->m->queues[qi].shared && serve_heads(s, qi) < 0)
            return -1;
        return 1;
    }
again:;
    uint32_t best = NO_ITEM;
    for (int k = 0; k < role->nqueues; k++) {
        queue_state *q = &s->qs[role->queues[k]];
        if (q->len == 0)
            continue;
        uint32_t h = qfront(s, q);
        if (!role_can_do(&s->m->activities[s->items[h].activity], s->m->person_role[p]))
            continue;
        if (best == NO_ITEM || more_urgent(s, h, best))
            best = h;
    }
    person *pe = &s->people[p];
    if (pe->nheld > 0 && (best == NO_ITEM || !more_urgent(s, best, pe->held[pe->nheld - 1])))
        return resume(s, p) < 0 ? -1 : 1;        /* what it left, unless more urgent waits */
    if (best == NO_ITEM)
        return 0;
    if (!will_do(s, p, s->items[best].activity)) {   /* to the fallback, and look again */
        if (to_fallback(s, best) < 0)
            return -1;
        goto again;
    }
    int qi = s->items[best].queue;
    if (take_up(s, p, best) < 0)
        return -1;
    if (s->m->queues[qi].shared && serve_heads(s, qi) < 0)
        return -1;                               /* the new head may suit someone idle */
    return 1;
}

static int enter_activity(rm_sim *s, uint32_t i, int step);

/* Item i goes to step `step`, or leaves, done, at the exit. */
static inline int enter_step(rm_sim *s, uint32_t i, int step) {
    if (step == RM_EXIT) {
        finish(s, i);
        return 0;
    }
    return enter_activity(s, i, step);
}

static int enter_activity(rm_sim *s, uint32_t i, int step) {
    const rm_activity *act = &s->m->activities[step];
    item *it = &s->items[i];
    it->activity = step;
    it->queue = -1;
    if (act->tool >= 0) {                        /* (reached: a tool step's metric) */
        s->c[rm_ca(&s->st.lay, step, RM_A_REACHED)]++;
        if (s->tool_down[act->tool])
            return enter_fallback(s, i, act->tool);
    }
    if (act->nroles == 0) {                      /* a pure delay */
        if (act->tool >= 0)
            count_tool_use(s, i, act->tool);
        double d;
        if (sample(s, &act->duration, &s->dur_rng[step], i, act->name, &d) < 0)
            return -1;
        d *= learning_factor(s, act);
        s->items[i].t_enqueue = s->now;          /* when the delay started */
        return rm_heap_push(&s->cal, s->now + d, EV_END_DELAY, i, s->items[i].gen) < 0 ? fail_oom(s) : 0;
    }
    queue_state *q = &s->qs[act->queue];
    it->t_enqueue = s->now;                      /* at this step since: for urgency ties */
    qkeys(s, act->queue, i);
    int nobody_idle = 0;                         /* of act's roles: those of every step of an unshared queue */
    if (q->len == 0) {
        int p = take_idle(s, act);
        nobody_idle = p < 0;
        if (p >= 0 && !will_do(s, p, step)) {    /* taken by someone who does not use the tool */
            make_idle(s, p);
            return enter_fallback(s, i, act->tool);
        }
        if (p >= 0)
            return start_service(s, p, i);
    }
    /* nobody free: it may interrupt a less urgent interruptible step, if it
     * would head its line */
    if (s->m->has_interruptible && (q->len == 0 || it->priority < s->items[qfront(s, q)].priority)) {
        int p = interruptible_for(s, act, step, it->priority);
        if (p >= 0)
            return interrupt(s, p, i);
    }
    long cap = s->m->queues[act->queue].capacity;
    if (cap >= 0 && q->len >= (uint64_t)cap) {
        s->c[rm_cq(&s->st.lay, act->queue, RM_Q_BALKED)]++;
        leave(s, i, 1);
        return 0;
    }
    if (qpush(s, act->queue, i) < 0)
        return fail_oom(s);
    it = &s->items[i];
    if (s->m->arrivals[it->arrivals].has_patience && !act->no_patience &&
        rm_heap_push(&s->cal, s->now + it->patience, EV_ABANDON, i, it->gen) < 0)
        return fail_oom(s);
    /* Someone idle takes it now only if the line is shared, or a tool's
     * fallback left someone idle beside a line: otherwise an unshared line
     * that holds items has nobody idle of its roles (whoever becomes free,
     * comes back or starts their day looks for work first). */
    if (!s->m->queues[act->queue].shared && (nobody_idle || s->m->ntools == 0))
        return 0;
    return serve_heads(s, act->queue);
}

/* Whether a new item of stream si uses tool t: drawn with the tool's
 * uptake at this time, on a stream of its own per tool and arrivals stream
 * (so the same item's draw is the same in every variant); always without
 * an uptake. */
static int takes_up(rm_sim *s, int t, int si) {
    const rm_tool *tool = &s->m->tools[t];
    if (!tool->has_uptake)
        return 1;
    double u = tool->uptake_final +
               (tool->uptake_start - tool->uptake_final) * exp2(-s->now / tool->uptake_half_life);
    return rm_rng_uniform(&s->uptake_rng[(size_t)t * (size_t)s->m->narrivals + (size_t)si]) < u;
}

/* A new item of stream si into *out: its fields, attributes, priority and
 * patience, counted as arrived; it is at no step yet. Returns 0 or -1. */
RM_HOT int new_arrival(rm_sim *s, int si, uint32_t *out) {
    const rm_arrivals *st = &s->m->arrivals[si];
    uint32_t i = item_new(s);
    if (i == NO_ITEM)
        return s->err[0] ? -1 : fail_oom(s);
    item *it = &s->items[i];
    it->id = s->next_id++;
    it->t_arrival = s->now;
    it->wait_total = it->tray_wait = 0;
    it->arrivals = si;
    it->activity = st->to;
    it->queue = -1;
    it->live = 1;
    it->interrupted = 0;
    it->priority = st->priority;
    for (int k = 0; k < st->nattrs; k++)
        if (draw(s, &st->attrs[k].dist, &s->attr_rng[si * s->m->max_attrs + k], "arrivals", st->name,
                 "an attribute", &s->attrs[(size_t)i * (size_t)s->m->max_attrs + (size_t)k]) < 0)
            return -1;
    if (st->priority_hook) {
        rm_item_view v = item_view(s, i);
        double prio;
        if (s->hooks.number(s->hooks.ctx, st->priority_hook, &v, s->now, &prio, s->err, sizeof s->err) < 0)
            return -1;
        s->items[i].priority = prio;
    }
    if (st->has_patience &&
        draw(s, &st->patience, &s->pat_rng[si], "arrivals", st->name, "a patience", &s->items[i].patience) < 0)
        return -1;
    s->c[rm_cs(&s->st.lay, si, RM_S_ARRIVED)]++;
    *out = i;
    return 0;
}

/* A new item of stream si enters its first step. */
static int arrive(rm_sim *s, int si) {
    const rm_arrivals *st = &s->m->arrivals[si];
    uint32_t i;
    if (new_arrival(s, si, &i) < 0)
        return -1;
    item *it = &s->items[i];
    it->uses = it->met = it->used = 0;           /* (only the tools' code reads them) */
    it->took_tool_route = 0;
    for (int t = 0; t < s->m->ntools; t++)
        if (takes_up(s, t, si))
            it->uses |= (uint64_t)1 << t;
    return enter_step(s, i, st->nalts ? first_step(s, si, i) : st->to);
}

/* ------------------------------------------------------------ absences -- */

static int schedule_absence(rm_sim *s, int p) {
    const rm_role *role = &s->m->roles[s->m->person_role[p]];
    double gap;
    if (draw(s, &role->absence_every, &s->absence_rng[p], "role", role->name, "a gap between absences", &gap) < 0)
        return -1;
    return rm_heap_push(&s->cal, s->now + gap, EV_ABSENCE, (uint32_t)p, 0) < 0 ? fail_oom(s) : 0;
}

/* Person p stops taking work now, for one reason more (a drawn absence,
 * the forced one, training): away from the first reason to the last. */
static void go_away(rm_sim *s, int p) {
    person *pe = &s->people[p];
    if (pe->absent)
        return;
    ring_remove(s, p);
    pe->absent = 1;
    pe->away_since = s->now;
}

/* One reason to be away has ended: when none is left, person p is back
 * and takes work if inside its calendar. */
static int come_back(rm_sim *s, int p) {
    person *pe = &s->people[p];
    if (pe->on_leave || pe->knocked_out || pe->training || !pe->absent)
        return 0;
    pe->away_time += calendar_time(s, p, pe->away_since, s->now);
    pe->absent = 0;
    if (available(s, p)) {
        int took = look_for_work(s, p);
        if (took < 0)
            return -1;
        if (!took)
            make_idle(s, p);
    }
    return 0;
}

/* Person p goes away now for a drawn length. */
static int begin_absence(rm_sim *s, int p) {
    person *pe = &s->people[p];
    const rm_role *role = &s->m->roles[s->m->person_role[p]];
    go_away(s, p);
    pe->on_leave = 1;
    pe->absence_due = 0;
    double lasts;
    if (draw(s, &role->absence_lasts, &s->absence_rng[p], "role", role->name, "an absence's length", &lasts) < 0)
        return -1;
    return rm_heap_push(&s->cal, s->now + lasts, EV_BACK, (uint32_t)p, 0) < 0 ? fail_oom(s) : 0;
}

/* An absence is due: it starts now, or when the current step ends. */
static int absence_due(rm_sim *s, int p) {
    if (s->people[p].busy || s->people[p].training) {
        s->people[p].absence_due = 1;
        return 0;
    }
    return begin_absence(s, p);
}

/* Person p is back from a drawn absence: takes work if inside its calendar
 * (unless the forced absence still holds it); the next absence. */
static int back(rm_sim *s, int p) {
    s->people[p].on_leave = 0;
    if (come_back(s, p) < 0)
        return -1;
    return schedule_absence(s, p);
}

/* The forced absence of rm_sim_knock_out begins for person p: as a drawn
 * absence does, it waits for the step in hand to end; the items p
 * interrupted stay with p. It draws no random number. */
static void begin_knockout(rm_sim *s, int p) {
    person *pe = &s->people[p];
    pe->knockout_due = 0;
    go_away(s, p);
    pe->knocked_out = 1;
}

static void knockout_due(rm_sim *s) {
    for (int p = 0; p < s->m->npeople; p++) {
        if (!s->knock_who[p])
            continue;
        if (s->people[p].busy)
            s->people[p].knockout_due = 1;
        else
            begin_knockout(s, p);                /* in training too: away already, and kept away */
    }
}

/* The forced absence ends at its set time, begun or not (a step longer than
 * the absence). */
static int knockout_end(rm_sim *s) {
    for (int p = 0; p < s->m->npeople; p++) {
        person *pe = &s->people[p];
        if (!s->knock_who[p] || (!pe->knocked_out && !pe->knockout_due))
            continue;
        pe->knockout_due = 0;
        if (pe->knocked_out) {
            pe->knocked_out = 0;
            if (come_back(s, p) < 0)
                return -1;
        }
    }
    return 0;
}

/* --------------------------------------------------------------- tools -- */

/* Person p has learnt the tools: at work from now, unless an absence fell due. */
static int trained(rm_sim *s, int p) {
    person *pe = &s->people[p];
    pe->training = 0;
    if (pe->absence_due) {
        if (!pe->knocked_out) {                  /* the training's time counted, the absence's from now */
            pe->away_time += calendar_time(s, p, pe->away_since, s->now);
            pe->absent = 0;
        }
        return begin_absence(s, p);
    }
    return come_back(s, p);
}

static int schedule_downtime(rm_sim *s, int t) {
    double gap;
    if (draw(s, &s->m->tools[t].down_every, &s->down_rng[t], "tool", s->m->tools[t].name,
             "a gap between downtimes", &gap) < 0)
        return -1;
    return rm_heap_push(&s->cal, s->now + gap, EV_TOOL_DOWN, (uint32_t)t, 0) < 0 ? fail_oom(s) : 0;
}

static int tool_down(rm_sim *s, int t) {
    s->tool_down[t] = 1;
    double lasts;
    if (draw(s, &s->m->tools[t].down_lasts, &s->down_rng[t], "tool", s->m->tools[t].name,
             "a downtime's length", &lasts) < 0)
        return -1;
    return rm_heap_push(&s->cal, s->now + lasts, EV_TOOL_UP, (uint32_t)t, 0) < 0 ? fail_oom(s) : 0;
}

static int tool_up(rm_sim *s, int t) {
    s->tool_down[t] = 0;
    return schedule_downtime(s, t);
}

/* At t = 0: who uses each tool (drawn once per replication, person by
 * person), who trains, when each tool first goes down. */
static int start_tools(rm_sim *s, uint64_t seed, int rep) {
    const rm_model *m = s->m;
    size_t np = (size_t)m->npeople;
    for (int t = 0; t < m->ntools; t++) {
        rm_rng_stream_hashed(&s->adopt_rng[t], seed, (uint64_t)rep, s->adopt_hash[t]);
        rm_rng_stream_hashed(&s->down_rng[t], seed, (uint64_t)rep, s->down_hash[t]);
        s->tool_down[t] = 0;
        int concerned = 0, adopters = 0;
        for (int p = 0; p < m->npeople; p++) {
            size_t k = (size_t)t * np + (size_t)p;
            s->adopts[k] = s->concerned[k] &&
                           rm_rng_uniform(&s->adopt_rng[t]) < m->tools[t].adoption[m->person_role[p]];
            concerned += s->concerned[k];
            adopters += s->adopts[k];
        }
        s->st.adoption[t] = concerned ? (double)adopters / concerned : NAN;
        for (int si = 0; si < m->narrivals; si++) {
            size_t j = (size_t)t * (size_t)m->narrivals + (size_t)si;
            rm_rng_stream_hashed(&s->uptake_rng[j], seed, (uint64_t)rep, s->uptake_hash[j]);
        }
        if (m->tools[t].has_downtime && schedule_downtime(s, t) < 0)
            return -1;
    }
    for (int p = 0; p < m->npeople; p++) {
        double training = 0;
        for (int t = 0; t < m->ntools; t++)
            if (s->concerned[(size_t)t * np + (size_t)p])
                training += m->tools[t].training;
        if (training <= 0)
            continue;
        person *pe = &s->people[p];
        const rm_profile *cal = calendar_of(s, p);
        go_away(s, p);
        pe->training = 1;
        double until = cal ? rm_profile_advance(cal, 0, training) : training;
        if (until < INFINITY && rm_heap_push(&s->cal, until, EV_TRAINED, (uint32_t)p, 0) < 0)
            return fail_oom(s);
    }
    return 0;
}

/* Person p finishes the step it was doing. */
static int end_service(rm_sim *s, int p, uint32_t gen) {
    person *pe = &s->people[p];
    if (gen != pe->gen)
        return 0;                                /* interrupted: a later event ends it */
    uint32_t i = pe->item;
    int a = pe->activity;
    count_busy(s, p);
    s->c[rm_ca(&s->st.lay, a, RM_A_COMPLETED)]++;
    s->c[rm_ca(&s->st.lay, a, RM_A_DURATION)] += s->items[i].service_done + s->now - pe->start;
    if (s->observer) {
        rm_item_view v = item_view(s, i);
        if (s->observer(s->observer_ctx, &v, a, p, s->items[i].step_start, s->now) < 0)
            return -1;
    }
    if (measuring(s))
        s->st.by_person[a][p]++;
    pe->busy = 0;
    if (pe->knockout_due)
        begin_knockout(s, p);
    if (pe->absence_due) {
        if (begin_absence(s, p) < 0)
            return -1;
    } else if (available(s, p)) {
        int took = look_for_work(s, p);
        if (took < 0)
            return -1;
        if (!took)
            make_idle(s, p);
    }                                            /* else: the day is over, they go home */
    int step;
    if (route(s, a, i, &step) < 0)
        return -1;
    return enter_step(s, i, step);
}

/* Whether queue qi can be served now: it never closes, or one of the
 * roles serving it is inside its calendar. */
static int queue_open(const rm_sim *s, int qi) {
    const rm_model *m = s->m;
    if (!m->queues[qi].closes)
        return 1;
    for (int r = 0; r < m->nroles; r++)
        for (int k = 0; k < m->roles[r].nqueues; k++)
            if (m->roles[r].queues[k] == qi && s->roles[r].open)
                return 1;
    return 0;
}

/* Role r opens or closes (open): its queues' areas are counted up to now
 * under the old state, then each queue's state follows. */
static void set_role_open(rm_sim *s, int r, int open) {
    const rm_role *role = &s->m->roles[r];
    for (int k = 0; k < role->nqueues; k++)
        count_area(s, role->queues[k]);
    s->roles[r].open = open;
    for (int k = 0; k < role->nqueues; k++)
        s->qs[role->queues[k]].open = queue_open(s, role->queues[k]);
}

/* A role serving queue qi went home: if none serving it is left, the
 * people still waiting there whose patience runs out before it opens again
 * will give up in the night, with nobody there to serve them: counted, for
 * a warning. (Work that waits for the next day is no slip.) */
static void count_closing(rm_sim *s, int qi) {
    const rm_model *m = s->m;
    double reopens = INFINITY;
    for (int r = 0; r < m->nroles; r++)
        for (int k = 0; k < m->roles[r].nqueues; k++)
            if (m->roles[r].queues[k] == qi) {
                if (s->roles[r].open)
                    return;                      /* someone still serves it */
                reopens = fmin(reopens, rm_profile_next_change(&m->calendars[m->roles[r].calendar], s->now));
            }
    const queue_state *q = &s->qs[qi];
    uint32_t left = 0;
    for (int c = 0; c < (q->nrings ? q->nrings : 1); c++) {
        const ring *rg = q->nrings ? &q->rings[c] : NULL;
        uint32_t places = rg ? rg->used : q->len;
        for (uint32_t k = 0; k < places; k++) {
            ring_slot r = rg ? rg->place[(rg->head + k) & (rg->cap - 1)] : (ring_slot){0, 0};
            if (rg && !ring_live(s, r))
                continue;
            const item *it = &s->items[rg ? r.item : q->heap[k].item];
            left += m->arrivals[it->arrivals].has_patience && !m->activities[it->activity].no_patience &&
                    !it->interrupted && it->t_enqueue + it->patience < reopens;
        }
    }
    s->c[rm_cq(&s->st.lay, qi, RM_Q_AT_CLOSING)] += left;
    s->c[rm_cq(&s->st.lay, qi, RM_Q_CLOSINGS)]++;
}

/* Role r's calendar opens or closes: people come and take work, or the
 * idle go home (the busy finish their step first, in overtime). */
static int shift_change(rm_sim *s, int r) {
    const rm_role *role = &s->m->roles[r];
    const rm_profile *cal = &s->m->calendars[role->calendar];
    role_state *rs = &s->roles[r];
    int open = rm_profile_open(cal, s->now);
    /* the next change first: a step that ends exactly then ends after it
     * (the person goes home), whatever this opening starts */
    double next = rm_profile_next_change(cal, s->now);
    if (next < s->m->horizon && rm_heap_push(&s->cal, next, EV_SHIFT, (uint32_t)r, 0) < 0)
        return fail_oom(s);
    if (open && !rs->open) {
        set_role_open(s, r, 1);
        for (int p = role->first_person; p < role->first_person + role->count; p++) {
            if (s->people[p].busy || s->people[p].absent)
                continue;
            int took = look_for_work(s, p);
            if (took < 0)
                return -1;
            if (!took)
                make_idle(s, p);
        }
    } else if (!open && rs->open) {
        set_role_open(s, r, 0);
        rs->head = rs->len = 0;
        for (int k = 0; k < role->nqueues; k++)
            count_closing(s, role->queues[k]);
    }
    return 0;
}

static int end_delay(rm_sim *s, uint32_t i) {
    int a = s->items[i].activity;
    s->c[rm_ca(&s->st.lay, a, RM_A_COMPLETED)]++;
    s->c[rm_ca(&s->st.lay, a, RM_A_DURATION)] += s->now - s->items[i].t_enqueue;
    if (s->observer) {
        rm_item_view v = item_view(s, i);
        if (s->observer(s->observer_ctx, &v, a, -1, s->items[i].t_enqueue, s->now) < 0)
            return -1;
    }
    int step;
    if (route(s, a, i, &step) < 0)
        return -1;
    return enter_step(s, i, step);
}

static int abandon(rm_sim *s, uint32_t i, uint32_t gen) {
    item *it = &s->items[i];
    if (it->gen != gen || it->queue < 0)
        return 0;                                /* served (or gone) before */
    int qi = it->queue;
    qremove(s, i);
    s->c[rm_cq(&s->st.lay, qi, RM_Q_ABANDONED)]++;
    leave(s, i, 0);
    return s->m->queues[qi].shared ? serve_heads(s, qi) : 0;
}

/* ---------------------------------------------------- the lean path ---- */

/* Most models are lean: no tool, every role always at work (no calendar,
 * no drawn absence) and serving one line, every staffed step done by one
 * role, no shared line, no interruptible step; and the run has no forced
 * absence and no observer (see lean_model and rm_sim_run). In such a model
 * a person's only choice is the front of their own line, so the arrivals
 * and ends of service below go the short way: an item reaching a staffed
 * step starts at once when its line is empty and someone of its role is
 * idle, else joins the line; a person done with a step takes the front of
 * their line, else becomes idle. That is what enter_activity, end_service
 * and look_for_work decide in such a model, with the checks that cannot
 * fire left out (the tools', the calendars', the absences', the
 * interruptions', the shared lines'); the counters get the same additions
 * in the same order and the draws and events come in the same order, so
 * every figure is the same to the last bit (tests/test_sim.c runs a model
 * both ways). The two additions left out add zero: the overtime (no
 * calendar: the busy time is all inside it, and +0 added to a counter that
 * starts at +0 changes no bit) and the part of a step done before an
 * interruption (there is none). Everything else (pure delays, abandonment,
 * the warm-up and the periods) takes the generic path. */

/* Whether model m is lean (above), once per simulator. */
static int lean_model(const rm_model *m) {
    if (m->ntools > 0 || m->has_interruptible)
        return 0;
    for (int r = 0; r < m->nroles; r++)
        if (m->roles[r].calendar >= 0 || m->roles[r].has_absence || m->roles[r].nqueues > 1)
            return 0;
    for (int q = 0; q < m->nqueues; q++)
        if (m->queues[q].shared)
            return 0;
    for (int a = 0; a < m->nactivities; a++)
        if (m->activities[a].nroles > 1)
            return 0;
    return 1;
}

/* Item i reaches step `step` of a lean model (enter_step). */
RM_HOT int lean_enter(rm_sim *s, uint32_t i, int step) {
    if (step == RM_EXIT) {
        finish(s, i);
        return 0;
    }
    const rm_activity *act = &s->m->activities[step];
    if (act->nroles == 0)
        return enter_activity(s, i, step);       /* a pure delay */
    item *it = &s->items[i];
    it->activity = step;
    it->queue = -1;
    it->t_enqueue = s->now;
    qkeys(s, act->queue, i);
    queue_state *q = &s->qs[act->queue];
    if (q->len == 0) {
        role_state *rs = &s->roles[act->roles[0]];
        if (rs->len > 0) {                       /* take_idle */
            int p = rs->idle[rs->head];
            if (++rs->head == s->m->roles[act->roles[0]].count)
                rs->head = 0;
            rs->len--;
            return start_service(s, p, i);
        }
    }
    long cap = s->m->queues[act->queue].capacity;
    if (cap >= 0 && q->len >= (uint64_t)cap) {
        s->c[rm_cq(&s->st.lay, act->queue, RM_Q_BALKED)]++;
        leave(s, i, 1);
        return 0;
    }
    if (qpush(s, act->queue, i) < 0)
        return fail_oom(s);
    if (s->m->arrivals[it->arrivals].has_patience && !act->no_patience &&
        rm_heap_push(&s->cal, s->now + it->patience, EV_ABANDON, i, it->gen) < 0)
        return fail_oom(s);
    return 0;                                    /* (nobody of its role is idle) */
}

/* A new item of stream si in a lean model (arrive: no tool, so no uptake
 * and no route of a tool). */
RM_HOT int lean_arrive(rm_sim *s, int si) {
    uint32_t i;
    if (new_arrival(s, si, &i) < 0)
        return -1;
    return lean_enter(s, i, s->m->arrivals[si].to);
}

/* Person p of a lean model finishes its step (end_service): its busy time
 * all inside its calendar (it has none: no overtime), then the front of its
 * one line, if any. */
RM_HOT int lean_end_service(rm_sim *s, int p, uint32_t gen) {
    person *pe = &s->people[p];
    if (gen != pe->gen)
        return 0;
    uint32_t i = pe->item;
    int a = pe->activity;
    const rm_activity *act = &s->m->activities[a];
    const rm_layout *l = &s->st.lay;
    double busy = s->now - pe->counted;
    s->c[rm_cp(l, p, RM_P_KIND0 + act->kind)] += busy;   /* count_busy */
    pe->counted = s->now;
    s->c[rm_ca(l, a, RM_A_COMPLETED)]++;
    s->c[rm_ca(l, a, RM_A_DURATION)] += s->now - pe->start;   /* (service_done is 0: no interruption) */
    if (measuring(s))
        s->st.by_person[a][p]++;
    pe->busy = 0;
    queue_state *q = &s->qs[act->queue];         /* the one line of p's role */
    if (q->len > 0) {
        if (start_service(s, p, qfront(s, q)) < 0)
            return -1;
    } else {
        make_idle(s, p);
    }
    int step;
    if (route(s, a, i, &step) < 0)
        return -1;
    return lean_enter(s, i, step);
}

/* ----------------------------------------------------- replications ---- */

/* The end of the warm-up: the summary counts from here. */
static void end_warmup(rm_sim *s) {
    count_up_to_now(s);
    memcpy(s->st.warm, s->c, s->st.lay.n * sizeof(double));
    for (int q = 0; q < s->m->nqueues; q++)
        s->st.length_max[q] = s->qs[q].len;
}

/* A period boundary of the time series. */
static void end_period(rm_sim *s) {
    count_up_to_now(s);
    memcpy(s->st.periods + (size_t)s->next_period * s->st.lay.n, s->c, s->st.lay.n * sizeof(double));
    s->next_period++;
}

/* The horizon: what is under way is counted up to here; overdue items. */
static void close_books(rm_sim *s) {
    const rm_model *m = s->m;
    count_up_to_now(s);
    for (uint32_t i = 0; i < s->nitems; i++) {
        const item *it = &s->items[i];
        if (!it->live)
            continue;
        double deadline = m->arrivals[it->arrivals].deadline;
        if (deadline >= 0 && it->t_arrival + deadline < s->now)
            s->c[rm_cs(&s->st.lay, it->arrivals, RM_S_MISSED)]++;
    }
    s->next_period = s->st.nperiods;
    end_period(s);
}

static void reset(rm_sim *s, uint64_t seed, int rep) {
    const rm_model *m = s->m;
    rm_heap_clear(&s->cal);
    s->now = 0;
    s->t0 = m->warmup;
    s->next_id = 1;
    s->free_head = s->nitems ? 0 : NO_ITEM;
    for (uint32_t i = 0; i < s->nitems; i++) {
        s->items[i].next_free = i + 1 < s->nitems ? i + 1 : NO_ITEM;
        s->items[i].live = 0;
    }
    for (int q = 0; q < m->nqueues; q++) {
        s->qs[q].len = 0;
        s->qs[q].seq = 0;
        for (int c = 0; c < s->qs[q].nrings; c++)
            s->qs[q].rings[c].head = s->qs[q].rings[c].used = s->qs[q].rings[c].len = 0;
    }
    for (int r = 0; r < m->nroles; r++) {
        s->roles[r].head = 0;
        s->roles[r].len = 0;
        s->roles[r].open = m->roles[r].calendar < 0 || rm_profile_open(&m->calendars[m->roles[r].calendar], 0);
    }
    for (int p = 0; p < m->npeople; p++) {
        person *pe = &s->people[p];
        int cal = m->roles[m->person_role[p]].calendar;
        pe->calendar = cal < 0 ? NULL : &m->calendars[cal];
        pe->busy = pe->absent = pe->absence_due = pe->training = 0;
        pe->on_leave = pe->knocked_out = pe->knockout_due = 0;
        pe->nheld = 0;
        pe->away_time = 0;
        rm_rng_stream_hashed(&s->absence_rng[p], seed, (uint64_t)rep, s->absence_hash[p]);
        if (available(s, p))
            make_idle(s, p);
    }
    for (int a = 0; a < m->nactivities; a++) {
        rm_rng_stream_hashed(&s->dur_rng[a], seed, (uint64_t)rep, s->dur_hash[a]);
        rm_rng_stream_hashed(&s->next_rng[a], seed, (uint64_t)rep, s->next_hash[a]);
    }
    for (int si = 0; si < m->narrivals; si++) {
        s->generated[si] = 0;
        rm_rng_stream_hashed(&s->gap_rng[si], seed, (uint64_t)rep, s->gap_hash[si]);
        rm_rng_stream_hashed(&s->pat_rng[si], seed, (uint64_t)rep, s->pat_hash[si]);
        for (int k = 0; k < m->arrivals[si].nattrs; k++) {
            size_t j = (size_t)si * (size_t)m->max_attrs + (size_t)k;
            rm_rng_stream_hashed(&s->attr_rng[j], seed, (uint64_t)rep, s->attr_hash[j]);
        }
    }
    /* statistics */
    rm_rep_stats *st = &s->st;
    st->events = 0;
    memset(s->c, 0, st->lay.n * sizeof(double));
    memset(st->warm, 0, st->lay.n * sizeof(double));
    memset(st->periods, 0, st->lay.n * sizeof(double));          /* row 0: t = 0 */
    s->next_period = 1;
    for (int q = 0; q < m->nqueues; q++) {
        s->qs[q].changed = 0;
        s->qs[q].open = queue_open(s, q);
        rm_sketch_reset(st->sketch[q]);
        st->wait_max[q] = st->length_max[q] = 0;
    }
    for (int a = 0; a < m->nactivities; a++)
        memset(st->by_person[a], 0, (size_t)m->npeople * sizeof(uint64_t));
    if (s->hooks.replication)
        s->hooks.replication(s->hooks.ctx, m, seed, rep);
}

/* The next of a task's weekly times after t (at t itself too, at first). */
static double next_point(const rm_model *m, const rm_arrivals *st, double t, int strictly_after) {
    double eps = RM_WEEK_EPSILON * m->week;       /* see calendar.h */
    double u = t + m->start, k = floor(u / m->week), x = u - k * m->week;
    for (int i = 0; i < st->npoints; i++)
        if (strictly_after ? st->points[i] > x + eps : st->points[i] >= x - eps)
            return fmax(t, k * m->week + st->points[i] - m->start);
    return (k + 1) * m->week + st->points[0] - m->start;
}

RM_HOT int schedule_next_arrival(rm_sim *s, int si) {
    const rm_arrivals *st = &s->m->arrivals[si];
    if (!st->has_interarrival || (st->limit >= 0 && s->generated[si] >= st->limit))
        return 0;
    s->generated[si]++;
    double t;
    if (st->timing == RM_POINTS) {
        t = next_point(s->m, st, s->now, s->generated[si] > 1);
    } else {
        double gap;
        if (draw(s, &st->interarrival, &s->gap_rng[si], "arrivals", st->name,
                 "an interarrival", &gap) < 0)
            return -1;
        t = st->timing == RM_GAPS ? s->now + gap : rm_profile_advance(&st->profile, s->now, gap);
    }
    if (!(t < INFINITY))
        return 0;                                /* a calendar that never opens */
    return rm_heap_push(&s->cal, t, EV_ARRIVAL, (uint32_t)si, 0) < 0 ? fail_oom(s) : 0;
}

/* One sample of the watch: every queue's length now. */
static void watch_sample(rm_sim *s) {
    double *row = s->watch_out + (size_t)s->watch_k * (size_t)s->m->nqueues;
    for (int q = 0; q < s->m->nqueues; q++)
        row[q] = s->qs[q].len;
    s->watch_k++;
    s->watch_next = s->watch_k < s->watch_n ? s->watch_next0 + s->watch_k * s->watch_step : INFINITY;
}

void rm_sim_knock_out(rm_sim *s, const unsigned char *who, double from, double until) {
    s->knock_who = who;
    s->knock_from = from;
    s->knock_until = until;
}

void rm_sim_watch(rm_sim *s, double from, double step, int n, double *out) {
    s->watch_next0 = from;
    s->watch_step = step;
    s->watch_n = out ? n : 0;
    s->watch_out = out;
}

/* The run's own clock (rm_sim.clock), in the order its events take when
 * they fall at the same time. */
enum { CLOCK_PERIOD, CLOCK_HORIZON, CLOCK_WARMUP, CLOCK_EVENTS };
static const uint32_t clock_type[CLOCK_EVENTS] = {EV_PERIOD, EV_HORIZON, EV_WARMUP};

/* The next event into *ev: the calendar's earliest, or the run's clock's
 * when it comes first. The clock's events go before every event of the
 * calendar at the same time: what happens at a period boundary belongs to
 * the next period, the horizon ends the run before what happens then, and
 * the warm-up ends before it too (they were the calendar's first events,
 * so its tie-break by sequence put them there). Kept out of the calendar,
 * they leave it the model's events only (one level of sifting less in a
 * small model). The horizon is always on the clock: there is always one. */
static inline void next_event(rm_sim *s, rm_event *ev) {
    if (rm_heap_pop_before(&s->cal, s->clock[s->clock_next], ev) == 0)
        return;
    ev->time = s->clock[s->clock_next];
    ev->type = clock_type[s->clock_next];
    ev->a = ev->b = 0;
}

/* The clock's next event (rm_sim.clock_next), after it changed. */
static void clock_changed(rm_sim *s) {
    int k = CLOCK_PERIOD;
    for (int j = 1; j < CLOCK_EVENTS; j++)
        if (s->clock[j] < s->clock[k])
            k = j;
    s->clock_next = k;
}

static int run_events(void *sim);

int rm_sim_run(rm_sim *s, uint64_t seed, int rep) {
    s->err[0] = '\0';
    s->seed = seed;
    s->rep = rep;
    reset(s, seed, rep);
    s->lean = s->model_lean && !s->knock_who && !s->observer;
    if (s->m->has_hooks && s->hooks.protect)
        return s->hooks.protect(s->hooks.ctx, run_events, s, s->err, sizeof s->err);
    return run_events(s);
}

/* The replication after its reset: the first events, then each in turn. */
static int run_events(void *sim) {
    rm_sim *s = sim;
    const rm_model *m = s->m;
    s->clock[CLOCK_PERIOD] = s->st.nperiods > 1 ? s->st.period : INFINITY;
    s->clock[CLOCK_HORIZON] = m->horizon;
    s->clock[CLOCK_WARMUP] = m->warmup > 0 ? m->warmup : INFINITY;
    clock_changed(s);
    if (start_tools(s, s->seed, s->rep) < 0)
        return -1;
    for (int p = 0; p < m->npeople; p++)
        if (m->roles[m->person_role[p]].has_absence && schedule_absence(s, p) < 0)
            return -1;
    for (int r = 0; r < m->nroles; r++) {
        if (m->roles[r].calendar < 0)
            continue;
        double next = rm_profile_next_change(&m->calendars[m->roles[r].calendar], 0);
        if (next < m->horizon && rm_heap_push(&s->cal, next, EV_SHIFT, (uint32_t)r, 0) < 0)
            return fail_oom(s);
    }
    if (s->knock_who && s->knock_from < m->horizon &&
        (rm_heap_push(&s->cal, s->knock_from, EV_KNOCKOUT, 0, 0) < 0 ||
         rm_heap_push(&s->cal, s->knock_until, EV_KNOCKOUT_END, 0, 0) < 0))
        return fail_oom(s);
    s->watch_k = 0;
    s->watch_next = s->watch_n > 0 ? s->watch_next0 : INFINITY;
    for (int si = 0; si < m->narrivals; si++) {
        for (long k = 0; k < m->arrivals[si].initial; k++) {
#ifdef RM_EVENT_BUDGET                           /* the fuzz build: initial items count as events */
            if (k >= (long)RM_EVENT_BUDGET) {
                snprintf(s->err, sizeof s->err, "stopped after %ld initial items (the fuzz build's budget)",
                         (long)RM_EVENT_BUDGET);
                return -1;
            }
#endif
            if (arrive(s, si) < 0)
                return -1;
        }
        if (schedule_next_arrival(s, si) < 0)
            return -1;
    }
    rm_event ev;
    double stretch = fmin(RM_STUCK_SPAN * m->horizon, 1), stretch_start = s->now;
    uint64_t in_stretch = 0;
    for (;;) {
        next_event(s, &ev);
        if (!(ev.time >= s->now)) {              /* also NaN: never from a checked model */
            snprintf(s->err, sizeof s->err, "internal error: an event at %g before the current time %g",
                     ev.time, s->now);
            return -1;
        }
        if (ev.time - stretch_start >= stretch) {
            stretch_start = ev.time;
            in_stretch = 0;
        } else if (++in_stretch > s->stuck_limit) {   /* (kept up to date by items_grow) */
            if (ev.time == stretch_start)
                snprintf(s->err, sizeof s->err,
                         "simulated time is stuck at %g: over %d events at that instant "
                         "(a loop of steps with zero duration?)", s->now, RM_MAX_EVENTS_AT_ONE_TIME);
            else
                snprintf(s->err, sizeof s->err,
                         "simulated time is stuck near %g: over %d events between %.10g and %.10g "
                         "(steps in a loop, arrivals, absences or downtimes with tiny durations?)", s->now, RM_MAX_EVENTS_AT_ONE_TIME,
                         stretch_start, ev.time);
            return -1;
        }
        while (ev.time >= s->watch_next)         /* the state before what happens then */
            watch_sample(s);
        s->now = ev.time;
        s->st.events++;
#ifdef RM_EVENT_BUDGET                           /* the fuzz build: a short replication is what is fuzzed */
        if (s->st.events > (uint64_t)RM_EVENT_BUDGET) {
            snprintf(s->err, sizeof s->err, "stopped after %ld events (the fuzz build's budget)", (long)RM_EVENT_BUDGET);
            return -1;
        }
#endif
        int rc = 0;
        switch (ev.type) {
        case EV_ARRIVAL:
            rc = schedule_next_arrival(s, (int)ev.a);
            if (rc == 0)
                rc = s->lean ? lean_arrive(s, (int)ev.a) : arrive(s, (int)ev.a);
            break;
        case EV_END_SERVICE:
            rc = s->lean ? lean_end_service(s, (int)ev.a, ev.b) : end_service(s, (int)ev.a, ev.b);
            break;
        case EV_END_DELAY:
            rc = end_delay(s, ev.a);
            break;
        case EV_ABANDON:
            rc = abandon(s, ev.a, ev.b);
            break;
        case EV_SHIFT:
            rc = shift_change(s, (int)ev.a);
            break;
        case EV_ABSENCE:
            rc = absence_due(s, (int)ev.a);
            break;
        case EV_BACK:
            rc = back(s, (int)ev.a);
            break;
        case EV_TRAINED:
            rc = trained(s, (int)ev.a);
            break;
        case EV_TOOL_DOWN:
            rc = tool_down(s, (int)ev.a);
            break;
        case EV_TOOL_UP:
            rc = tool_up(s, (int)ev.a);
            break;
        case EV_WARMUP:
            end_warmup(s);
            s->clock[CLOCK_WARMUP] = INFINITY;
            clock_changed(s);
            break;
        case EV_PERIOD:
            end_period(s);
            s->clock[CLOCK_PERIOD] = s->next_period < s->st.nperiods ? s->next_period * s->st.period : INFINITY;
            clock_changed(s);
            break;
        case EV_KNOCKOUT:
            knockout_due(s);
            break;
        case EV_KNOCKOUT_END:
            rc = knockout_end(s);
            break;
        case EV_HORIZON:
            close_books(s);
            return 0;
        }
        if (rc < 0)
            return -1;
    }
}

/* -------------------------------------------------------- lifecycle ---- */

static uint64_t stream_hash(const char *kind, const char *name, const char *what, const char *attr) {
    char buf[1024];
    snprintf(buf, sizeof buf, "%s/%s/%s%s%s", kind, name, what, attr ? "/" : "", attr ? attr : "");
    return rm_hash_name(buf);
}

int rm_period_count(const rm_model *m, double period) {
    double n = ceil(m->horizon / (period > 0 ? period : m->horizon));
    return n < 1 ? 1 : n > 100000 ? 100000 : (int)n;
}

rm_layout rm_layout_of(const rm_model *m) {
    rm_layout l;
    l.activities = (size_t)m->nqueues * RM_Q_FIELDS;
    l.arrivals = l.activities + (size_t)m->nactivities * RM_A_FIELDS;
    l.people = l.arrivals + (size_t)m->narrivals * RM_S_FIELDS;
    l.person_stride = RM_P_KIND0 + (size_t)m->nkinds;
    l.tools = l.people + (size_t)m->npeople * l.person_stride;
    l.n = l.tools + (size_t)m->ntools * RM_T_FIELDS;
    return l;
}

/* Priority lines kept as rings have one ring per priority the streams
 * give their items (queue_state), at most this many. */
#define RM_MAX_RINGS 8

/* The streams' distinct priorities, ascending: each stream's index among
 * them into class[si]. Returns how many, or 0 when a priority line must
 * stay a heap (a priority hook, too many priorities, one not a number). */
static int priority_classes(const rm_model *m, int *class) {
    double prio[RM_MAX_RINGS];
    int n = 0;
    for (int si = 0; si < m->narrivals; si++) {
        double p = m->arrivals[si].priority;
        if (m->arrivals[si].priority_hook || isnan(p))
            return 0;
        int k = 0;
        while (k < n && prio[k] < p)
            k++;
        if (k < n && prio[k] == p)
            continue;
        if (n == RM_MAX_RINGS)
            return 0;
        memmove(prio + k + 1, prio + k, (size_t)(n - k) * sizeof *prio);
        prio[k] = p;
        n++;
    }
    for (int si = 0; si < m->narrivals; si++) {
        int k = 0;
        while (prio[k] != m->arrivals[si].priority)
            k++;
        class[si] = k;
    }
    return n;
}

rm_sim *rm_sim_new(const rm_model *m, const rm_hooks *hooks, double period) {
    rm_sim *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->m = m;
    if (hooks)
        s->hooks = *hooks;
    rm_heap_init(&s->cal);
    s->free_head = NO_ITEM;
    s->stuck_limit = RM_MAX_EVENTS_AT_ONE_TIME;
    size_t na = (size_t)m->nactivities + 1, ns = (size_t)m->narrivals + 1, nq = (size_t)m->nqueues + 1;
    size_t nattr = ns * (size_t)(m->max_attrs + 1), np = (size_t)m->npeople + 1;
    s->qs = calloc(nq, sizeof *s->qs);
    s->people = calloc(np, sizeof *s->people);
    s->roles = calloc((size_t)m->nroles + 1, sizeof *s->roles);
    s->generated = calloc(ns, sizeof *s->generated);
    s->ring_class = calloc(ns, sizeof *s->ring_class);
    s->dur_rng = calloc(na, sizeof(rm_rng));
    s->next_rng = calloc(na, sizeof(rm_rng));
    s->gap_rng = calloc(ns, sizeof(rm_rng));
    s->pat_rng = calloc(ns, sizeof(rm_rng));
    s->attr_rng = calloc(nattr, sizeof(rm_rng));
    s->dur_hash = calloc(na, sizeof(uint64_t));
    s->next_hash = calloc(na, sizeof(uint64_t));
    s->gap_hash = calloc(ns, sizeof(uint64_t));
    s->pat_hash = calloc(ns, sizeof(uint64_t));
    s->attr_hash = calloc(nattr, sizeof(uint64_t));
    s->absence_rng = calloc(np, sizeof(rm_rng));
    s->absence_hash = calloc(np, sizeof(uint64_t));
    size_t nt = (size_t)m->ntools + 1;
    s->adopt_rng = calloc(nt, sizeof(rm_rng));
    s->down_rng = calloc(nt, sizeof(rm_rng));
    s->adopt_hash = calloc(nt, sizeof(uint64_t));
    s->down_hash = calloc(nt, sizeof(uint64_t));
    s->adopts = calloc(nt * np, 1);
    s->uptake_rng = calloc(nt * ns, sizeof(rm_rng));
    s->uptake_hash = calloc(nt * ns, sizeof(uint64_t));
    s->st.adoption = calloc(nt, sizeof(double));
    s->concerned = calloc(nt * np, 1);
    s->tool_down = calloc(nt, sizeof(int));
    rm_rep_stats *st = &s->st;
    st->lay = rm_layout_of(m);
    st->period = period > 0 ? period : m->horizon;
    st->nperiods = rm_period_count(m, st->period);
    size_t nc = st->lay.n + 1;
    s->c = st->counters = calloc(nc, sizeof(double));
    st->warm = calloc(nc, sizeof(double));
    st->periods = calloc(nc * ((size_t)st->nperiods + 1), sizeof(double));
    st->sketch = calloc(nq, sizeof *st->sketch);
    st->wait_max = calloc(nq, sizeof(double));
    st->length_max = calloc(nq, sizeof(double));
    st->by_person = calloc(na, sizeof *st->by_person);
    if (!s->qs || !s->people || !s->roles || !s->generated || !s->ring_class || !s->dur_rng || !s->next_rng ||
        !s->gap_rng || !s->pat_rng || !s->attr_rng || !s->dur_hash || !s->next_hash ||
        !s->gap_hash || !s->pat_hash || !s->attr_hash || !s->absence_rng || !s->absence_hash ||
        !s->adopt_rng || !s->down_rng || !s->adopt_hash || !s->down_hash || !s->adopts ||
        !s->concerned || !s->tool_down || !s->uptake_rng || !s->uptake_hash || !s->st.adoption ||
        !st->counters || !st->warm ||
        !st->periods || !st->sketch || !st->wait_max || !st->length_max || !st->by_person)
        goto oom;
    for (int r = 0; r < m->nroles; r++)
        if (!(s->roles[r].idle = calloc((size_t)m->roles[r].count + 1, sizeof(int))))
            goto oom;
    for (int q = 0; q < m->nqueues; q++)
        if (!(st->sketch[q] = malloc(sizeof(rm_sketch))))
            goto oom;
    /* FIFO lines are rings, and so are priority lines when every item's
     * priority is its stream's (no hook) and there are few of them: one
     * ring per priority. Not a line an interrupted item can go back to its
     * place in (resume = "anyone"): that needs the ordered heap. */
    int nclasses = priority_classes(m, s->ring_class);
    for (int q = 0; q < m->nqueues; q++)
        s->qs[q].nrings = m->queues[q].discipline == RM_FIFO ? 1 :
                          m->queues[q].discipline == RM_PRIORITY ? nclasses : 0;
    for (int a = 0; a < m->nactivities; a++)
        if (m->activities[a].interruptible && m->activities[a].resume_anyone && m->activities[a].nroles > 0)
            s->qs[m->activities[a].queue].nrings = 0;
    for (int q = 0; q < m->nqueues; q++)
        if (s->qs[q].nrings && !(s->qs[q].rings = calloc((size_t)s->qs[q].nrings, sizeof(ring))))
            goto oom;
    s->model_lean = lean_model(m);
    /* the people concerned by a tool: of the roles that do its steps */
    for (int a = 0; a < m->nactivities; a++) {
        const rm_activity *act = &m->activities[a];
        if (act->tool < 0)
            continue;
        for (int k = 0; k < act->nroles; k++) {
            const rm_role *role = &m->roles[act->roles[k]];
            for (int p = role->first_person; p < role->first_person + role->count; p++)
                s->concerned[(size_t)act->tool * (size_t)m->npeople + (size_t)p] = 1;   /* as will_do reads it */
        }
    }
    for (int t = 0; t < m->ntools; t++) {
        s->adopt_hash[t] = stream_hash("tool", m->tools[t].name, "adoption", NULL);
        s->down_hash[t] = stream_hash("tool", m->tools[t].name, "downtime", NULL);
        for (int si = 0; si < m->narrivals; si++)
            s->uptake_hash[(size_t)t * (size_t)m->narrivals + (size_t)si] =
                stream_hash("tool", m->tools[t].name, "uptake", m->arrivals[si].name);
    }
    for (int r = 0; r < m->nroles; r++)
        for (int i = 0; i < m->roles[r].count; i++) {
            char who[600];
            snprintf(who, sizeof who, "%s#%d", m->roles[r].name, i + 1);
            s->absence_hash[m->roles[r].first_person + i] = stream_hash("role", who, "absence", NULL);
        }
    for (int a = 0; a < m->nactivities; a++) {
        if (!(st->by_person[a] = calloc(np, sizeof(uint64_t))))
            goto oom;
        s->dur_hash[a] = stream_hash("activity", m->activities[a].name, "duration", NULL);
        s->next_hash[a] = stream_hash("activity", m->activities[a].name, "next", NULL);
    }
    for (int si = 0; si < m->narrivals; si++) {
        const rm_arrivals *ar = &m->arrivals[si];
        s->gap_hash[si] = stream_hash("arrivals", ar->name, "interarrival", NULL);
        s->pat_hash[si] = stream_hash("arrivals", ar->name, "patience", NULL);
        for (int k = 0; k < ar->nattrs; k++)
            s->attr_hash[(size_t)si * (size_t)m->max_attrs + (size_t)k] =
                stream_hash("arrivals", ar->name, "attribute", ar->attrs[k].name);
    }
    return s;
oom:
    rm_sim_free(s);
    return NULL;
}

void rm_sim_free(rm_sim *s) {
    if (!s)
        return;
    const rm_model *m = s->m;
    rm_heap_free(&s->cal);
    free(s->items);
    free(s->attrs);
    if (s->qs)
        for (int q = 0; q < m->nqueues; q++) {
            for (int c = 0; s->qs[q].rings && c < s->qs[q].nrings; c++)   /* (none after a failed calloc) */
                free(s->qs[q].rings[c].place);
            free(s->qs[q].heap), free(s->qs[q].rings);
        }
    if (s->roles)
        for (int r = 0; r < m->nroles; r++)
            free(s->roles[r].idle);
    if (s->people)
        for (int p = 0; p < m->npeople; p++)
            free(s->people[p].held);
    if (s->st.sketch)
        for (int q = 0; q < m->nqueues; q++)
            free(s->st.sketch[q]);
    if (s->st.by_person)
        for (int a = 0; a < m->nactivities; a++)
            free(s->st.by_person[a]);
    free(s->qs); free(s->people); free(s->roles); free(s->generated); free(s->ring_class);
    free(s->dur_rng); free(s->next_rng); free(s->gap_rng); free(s->pat_rng); free(s->attr_rng);
    free(s->dur_hash); free(s->next_hash); free(s->gap_hash); free(s->pat_hash); free(s->attr_hash);
    free(s->absence_rng); free(s->absence_hash);
    free(s->adopt_rng); free(s->down_rng); free(s->adopt_hash); free(s->down_hash);
    free(s->adopts); free(s->concerned); free(s->tool_down);
    free(s->uptake_rng); free(s->uptake_hash); free(s->st.adoption);
    free(s->st.counters); free(s->st.warm); free(s->st.periods); free(s->st.sketch);
    free(s->st.wait_max); free(s->st.length_max); free(s->st.by_person);
    free(s);
}

void rm_sim_observe(rm_sim *s, rm_step_observer fn, void *ctx) {
    s->observer = fn;
    s->observer_ctx = ctx;
}

const char *rm_sim_error(const rm_sim *s) { return s->err; }
const rm_rep_stats *rm_sim_stats(const rm_sim *s) { return &s->st; }
