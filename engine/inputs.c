/* The files a scenario read while it loaded (see inputs.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

int rm_input_unchanged(const char *name, int found, uint64_t fnv1a, const char *scenario_dir,
                       const char *scripts_dir) {
    size_t np = strlen(RM_SCRIPTS_PREFIX);
    const char *dir = scenario_dir, *rel = name;
    if (strncmp(name, RM_SCRIPTS_PREFIX, np) == 0) {
        if (!scripts_dir)
            return 1;                            /* cannot tell: not this check's to refuse */
        dir = scripts_dir, rel = name + np;
    }
    char path[8400];
    snprintf(path, sizeof path, "%s/%s", rel[0] == '/' || strcmp(dir, ".") == 0 ? "." : dir, rel);
    const char *open_path = rel[0] == '/' ? rel : path;
    struct stat st;
    FILE *f = stat(open_path, &st) == 0 && S_ISREG(st.st_mode) ? fopen(open_path, "rb") : NULL;
    if (!f)
        return !found;
    uint64_t h = 0xcbf29ce484222325ULL;
    char buf[65536];
    for (size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0; )
        for (size_t i = 0; i < n; i++)
            h = (h ^ (unsigned char)buf[i]) * 0x100000001b3ULL;
    int bad = ferror(f);
    fclose(f);
    return !bad && found && h == fnv1a;
}

void rm_inputs_clear(rm_inputs *in) {
    for (int i = 0; i < in->n; i++)
        free(in->v[i].name);
    free(in->v);
    *in = (rm_inputs){0};
}
