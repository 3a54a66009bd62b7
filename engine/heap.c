/* The event calendar: memory management; push and pop are inline in heap.h. */
#include "heap.h"

#include <stdlib.h>

void rm_heap_init(rm_heap *h) {
    h->ev = NULL;
    h->len = h->cap = 0;
    h->next_seq = 0;
    h->hole = 0;
}

void rm_heap_free(rm_heap *h) {
    free(h->ev);
    rm_heap_init(h);
}

void rm_heap_clear(rm_heap *h) {
    h->len = 0;
    h->next_seq = 0;
    h->hole = 0;
}

int rm_heap_grow(rm_heap *h) {
    size_t cap = h->cap ? h->cap * 2 : 256;
    rm_event *ev = realloc(h->ev, cap * sizeof *ev);
    if (!ev)
        return -1;
    h->ev = ev;
    h->cap = cap;
    return 0;
}
