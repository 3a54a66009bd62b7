/* The event calendar: a binary min-heap of events ordered by time, then by
 * insertion sequence, so that events at equal times run first-in-first-out
 * (determinism by construction, as libuv's timers). Events are stored by
 * value; cancelled events are not removed but recognised when they fire.
 *
 * Pop leaves a hole at the top instead of sifting the last event down at
 * once: the handler of the event usually schedules its successor (the next
 * arrival, the next service), which then fills the hole with one sift down,
 * in place of a sift down and a sift up. The order of events is the same. */
#ifndef RM_HEAP_H
#define RM_HEAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct rm_event {
    double time;
    uint64_t seq;       /* insertion order: breaks ties in time */
    uint32_t type;      /* what happens (the simulation's enum) */
    uint32_t a;         /* the subject: an item, person or stream index */
    uint32_t b;         /* a generation stamp, to recognise stale events */
} rm_event;

typedef struct rm_heap {
    rm_event *ev;
    size_t len, cap;          /* len counts the hole, when there is one */
    uint64_t next_seq;
    int hole;                 /* ev[0] is free: the last event popped was there */
} rm_heap;

void rm_heap_init(rm_heap *h);
void rm_heap_free(rm_heap *h);
/* Empties the heap and restarts the sequence numbers; keeps the memory. */
void rm_heap_clear(rm_heap *h);
/* Doubles the capacity. Returns 0, or -1 when out of memory. */
int rm_heap_grow(rm_heap *h);

static inline int rm_event_before(const rm_event *x, const rm_event *y) {
    return x->time < y->time || (x->time == y->time && x->seq < y->seq);
}

/* Puts e at the top (free) and sifts it down: len is unchanged. */
static inline __attribute__((always_inline)) void rm_heap_sift_down_from_top(rm_heap *h, rm_event e) {
    size_t n = h->len, i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && rm_event_before(&h->ev[c + 1], &h->ev[c]))
            c++;
        if (!rm_event_before(&h->ev[c], &e))
            break;
        h->ev[i] = h->ev[c];
        i = c;
    }
    h->ev[i] = e;
}

/* Inserts an event (its seq is assigned here). Returns 0, or -1 when out of
 * memory (the heap is then unchanged). Inline: it is the hot path. */
static inline __attribute__((always_inline)) int rm_heap_push(rm_heap *h, double time, uint32_t type, uint32_t a,
                                                            uint32_t b) {
    rm_event e = {time, h->next_seq++, type, a, b};
    if (h->hole) {                      /* into the hole the last pop left */
        h->hole = 0;
        rm_heap_sift_down_from_top(h, e);
        return 0;
    }
    if (h->len == h->cap && rm_heap_grow(h) < 0) {
        h->next_seq--;
        return -1;
    }
    size_t i = h->len++;
    while (i > 0) {                     /* sift up */
        size_t parent = (i - 1) / 2;
        if (!rm_event_before(&e, &h->ev[parent]))
            break;
        h->ev[i] = h->ev[parent];
        i = parent;
    }
    h->ev[i] = e;
    return 0;
}

/* Fills the hole the last pop left, if nothing did: the last event moves up. */
static inline void rm_heap_settle(rm_heap *h) {
    if (h->hole) {
        h->hole = 0;
        rm_event last = h->ev[--h->len];
        if (h->len > 0)
            rm_heap_sift_down_from_top(h, last);
    }
}

/* Removes the earliest event into *out. Returns 0, or -1 when empty. */
static inline int rm_heap_pop(rm_heap *h, rm_event *out) {
    rm_heap_settle(h);
    if (h->len == 0)
        return -1;
    *out = h->ev[0];
    h->hole = 1;
    return 0;
}

/* The same, only if the earliest event is not at or after `limit` (an
 * event at NaN is removed, to be refused). Returns 0, or -1 when none. */
static inline int rm_heap_pop_before(rm_heap *h, double limit, rm_event *out) {
    rm_heap_settle(h);
    if (h->len == 0 || h->ev[0].time >= limit)
        return -1;
    *out = h->ev[0];
    h->hole = 1;
    return 0;
}

#endif
