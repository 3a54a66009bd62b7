/* The files a scenario read while it loaded, besides itself: each CSV file
 * of empirical() and each module of require, with a hash of the bytes read.
 * A sweep records them in its sweep.txt, so that --resume and merge refuse
 * points made from other contents (sweep.c). */
#ifndef RM_INPUTS_H
#define RM_INPUTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct rm_input {
    char *name;               /* as the scenario wrote it ("times.csv"), or "remous's scripts/NAME.lua" */
    int found;                /* 0: looked for and absent (a module then found elsewhere) */
    uint64_t fnv1a;           /* FNV-1a 64 of its bytes, when found */
} rm_input;

typedef struct rm_inputs {
    rm_input *v;
    int n, cap;
} rm_inputs;

/* FNV-1a 64 of len bytes. */
uint64_t rm_fnv1a(const void *bytes, size_t len);

/* Records that the load read `name` (text, len bytes; text NULL: looked for
 * and not there). A name read again keeps its first record. Returns 0, or -1
 * when out of memory. */
int rm_inputs_add(rm_inputs *in, const char *name, const char *text, size_t len);

/* The records sorted by name (byte order): the order sweep.txt lists them. */
void rm_inputs_sort(rm_inputs *in);

void rm_inputs_clear(rm_inputs *in);

/* The prefix of the name of a module found in remous's scripts/ folder. */
#define RM_SCRIPTS_PREFIX "remous's scripts/"

/* Whether the file an input names has the same contents now: found then
 * and now with the same hash, or absent both times. `scenario_dir` is the
 * scenario's folder, `scripts_dir` remous's scripts/ (NULL: unknown). */
int rm_input_unchanged(const char *name, int found, uint64_t fnv1a, const char *scenario_dir,
                       const char *scripts_dir);

#endif
