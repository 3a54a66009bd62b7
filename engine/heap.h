/* The event calendar: a binary min-heap of events ordered by time, then by
 * insertion sequence, so that events at equal times run first-in-first-out
 * (determinism by construction, as libuv's timers). Events are stored by
 * value; cancelled events are not removed but recognised when they fire. */
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
    size_t len, cap;
    uint64_t next_seq;
} rm_heap;

void rm_heap_init(rm_heap *h);
void rm_heap_free(rm_heap *h);
/* Empties the heap and restarts the sequence numbers; keeps the memory. */
void rm_heap_clear(rm_heap *h);
/* Inserts an event (its seq is assigned here). Returns 0, or -1 when out of
 * memory (the heap is then unchanged). */
int rm_heap_push(rm_heap *h, double time, uint32_t type, uint32_t a, uint32_t b);
/* Removes the earliest event into *out. Returns 0, or -1 when empty. */
int rm_heap_pop(rm_heap *h, rm_event *out);

static inline int rm_event_before(const rm_event *x, const rm_event *y) {
    return x->time < y->time || (x->time == y->time && x->seq < y->seq);
}

#endif
