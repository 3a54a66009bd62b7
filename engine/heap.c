/* The event calendar: binary heap, see heap.h. */
#include "heap.h"

#include <stdlib.h>

void rm_heap_init(rm_heap *h) {
    h->ev = NULL;
    h->len = h->cap = 0;
    h->next_seq = 0;
}

void rm_heap_free(rm_heap *h) {
    free(h->ev);
    rm_heap_init(h);
}

void rm_heap_clear(rm_heap *h) {
    h->len = 0;
    h->next_seq = 0;
}

int rm_heap_push(rm_heap *h, double time, uint32_t type, uint32_t a, uint32_t b) {
    if (h->len == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 256;
        rm_event *ev = realloc(h->ev, cap * sizeof *ev);
        if (!ev)
            return -1;
        h->ev = ev;
        h->cap = cap;
    }
    rm_event e = {time, h->next_seq++, type, a, b};
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

int rm_heap_pop(rm_heap *h, rm_event *out) {
    if (h->len == 0)
        return -1;
    *out = h->ev[0];
    rm_event last = h->ev[--h->len];
    size_t n = h->len, i = 0;
    for (;;) {                          /* sift the last event down from the root */
        size_t c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && rm_event_before(&h->ev[c + 1], &h->ev[c]))
            c++;
        if (!rm_event_before(&h->ev[c], &last))
            break;
        h->ev[i] = h->ev[c];
        i = c;
    }
    if (n > 0)
        h->ev[i] = last;
    return 0;
}
