/* The files a scenario read while it loaded (see inputs.h). */
#include <stdlib.h>
#include <string.h>

#include "inputs.h"

uint64_t rm_fnv1a(const void *bytes, size_t len) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char *p = bytes, *end = p + len; p < end; p++)
        h = (h ^ *p) * 0x100000001b3ULL;
    return h;
}

int rm_inputs_add(rm_inputs *in, const char *name, const char *text, size_t len) {
    for (int i = 0; i < in->n; i++)
        if (strcmp(in->v[i].name, name) == 0)
            return 0;
    if (in->n == in->cap) {
        int cap = in->cap ? in->cap * 2 : 8;
        rm_input *v = realloc(in->v, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        in->v = v;
        in->cap = cap;
    }
    char *copy = strdup(name);
    if (!copy)
        return -1;
    in->v[in->n++] = (rm_input){copy, text != NULL, text ? rm_fnv1a(text, len) : 0};
    return 0;
}

static int by_name(const void *a, const void *b) {
    return strcmp(((const rm_input *)a)->name, ((const rm_input *)b)->name);
}

void rm_inputs_sort(rm_inputs *in) {
    if (in->n > 1)
        qsort(in->v, (size_t)in->n, sizeof *in->v, by_name);
}

void rm_inputs_clear(rm_inputs *in) {
    for (int i = 0; i < in->n; i++)
        free(in->v[i].name);
    free(in->v);
    *in = (rm_inputs){0};
}
