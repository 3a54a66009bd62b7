/* What binding.c shares with binding_batch.c, the Lua binding's two
 * halves: one sandbox for scenarios and batch scripts. */
#ifndef RM_BINDING_H
#define RM_BINDING_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct lua_State;
struct rm_rng;
struct rm_model;
struct remous_scenario;

/* Opens base, string, table, math and utf8: what sandboxed Lua may use. */
void rm_lua_open_safe(struct lua_State *L);

/* Takes away what loads code or files (dofile, loadfile, load, require,
 * string.dump). */
void rm_lua_close_sandbox(struct lua_State *L);

/* luaL_checkstring for a text C reads as a C string (a path, a file or
 * column name, a calendar): one holding a NUL byte, which C would cut short
 * ("a.csv\0../x" read as "a.csv"), is an error naming `what`. */
const char *rm_lua_check_text(struct lua_State *L, int arg, const char *what);

/* Monotonic seconds (CLOCK_MONOTONIC). */
double rm_monotonic_seconds(void);

/* The wall-clock limit, in seconds, of a kind of Lua call: $REMOUS_LOAD_TIMEOUT
 * (loading a scenario, a batch script's own code) or $REMOUS_HOOK_TIMEOUT
 * (one call of a hook) for what = "LOAD" or "HOOK"; 10 by default. */
unsigned rm_time_limit(const char *what);

/* Arms (seconds > 0) or disarms the watchdog of one call of Lua's library,
 * when remous_watch_loads() was called: after `seconds` + 1, the process
 * ends with "remous: FILE: WHAT took more than N s inside one call of a
 * string or table function" and REMOUS_ERR_INPUT. */
void rm_watchdog(const char *file, const char *what, unsigned seconds);

/* The hook running now ("file:line: activity \"x\": duration"), NULL
 * between hooks, and how many hook calls began: what the worker's watchdog
 * of one replication looks at (parallel.c). */
extern const char *volatile rm_hook_running;
extern volatile unsigned long rm_hook_calls;
/* The count hook's checks so far: Lua instructions running, which its own
 * budget and clock can stop (the worker's watchdog leaves those alone). */
extern volatile unsigned long rm_lua_checks;

/* Calls the function below its nargs arguments on L's stack, protected,
 * bounded as one hook call is (`hook` 1: its instruction budget and
 * $REMOUS_HOOK_TIMEOUT) or as a load (0); meanwhile math.random draws from
 * `random` (NULL: the load's stream) and the worker's watchdog sees `label`
 * (NULL: not watched). Returns 0, or -1 with one line in err (`where`
 * prefixes an error raised with something else than a message). */
int rm_lua_call(struct lua_State *L, int nargs, int nresults, int hook, struct rm_rng *random,
                const char *label, const char *where, char *err, size_t errlen);

/* The metrics a scenario declares and its targets, on the Lua side
 * (binding_metrics.c). */
typedef struct rm_metric_fns rm_metric_fns;

/* Once every model of sc is compiled (the prelude's table at stack index
 * `prelude`): reads the declared metrics into each model (rm_model.derived)
 * and keeps their functions; reads the declared targets, then those of
 * `targets[0..ntargets)` (--target), into sc->targets, each metric checked.
 * Returns 0 with *out (NULL when the scenario declares no metric), or -1
 * with one line in err. */
int rm_metric_fns_load(struct lua_State *L, int prelude, struct remous_scenario *sc,
                       const char *const *targets, int ntargets, rm_metric_fns **out, char *err, size_t errlen);

/* Before replication rep: each function's math.random stream, seeded from
 * (seed, rep, "metric/NAME/of/lua"). */
void rm_metric_fns_replication(rm_metric_fns *f, uint64_t seed, int rep);

/* rm_hooks.derive: each declared metric's function called with r, a
 * read-only view of the replication's (or the period's) metrics. */
int rm_metric_fns_derive(void *ctx, const struct rm_model *m, int periodic, int period, int rep, double *values,
                         char *err, size_t errlen);

void rm_metric_fns_free(rm_metric_fns *f);

/* The length of the byte-order mark some editors put at the start of a
 * UTF-8 file (3, or 0 when there is none): Lua's loadfile skips it, but
 * loadbuffer would stop at it, so the loaders skip it too. */
static inline size_t rm_bom_length(const char *text, size_t len) {
    return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* The length of what comes before the Lua text: the byte-order mark, and a
 * first line starting with "#!" ("#!/usr/bin/env remous"), skipped as lua
 * skips it; the line's newline stays, so that line numbers stay right. A
 * first line "# ..." stays an error: a comment begun with '#' is a slip
 * lua_errors.c explains. */
static inline size_t rm_header_length(const char *text, size_t len) {
    size_t n = rm_bom_length(text, len);
    if (n + 1 < len && text[n] == '#' && text[n + 1] == '!')
        while (n < len && text[n] != '\n')
            n++;
    return n;
}

/* Whether a file is not Lua text: a NUL byte, or compiled Lua (its first
 * byte, after the header, is ESC: Lua's own message would name no file). */
static inline int rm_binary_text(const char *text, size_t len) {
    size_t n = rm_header_length(text, len);
    return memchr(text, '\0', len) != NULL || (n < len && text[n] == '\033');
}

/* Rewrites the Lua message in err (one line, "FILE:LINE: ...") in the
 * words of `language` ("scenario" or "batch"), with the file's source when
 * known (NULL otherwise) and the globals of L as the words to suggest; see
 * lua_errors.h. Leaves L's stack as it was. */
void rm_lua_rewrite_error(struct lua_State *L, const char *path, const char *source, size_t len,
                          const char *language, char *err, size_t errlen);

/* Whether the file at path, links followed, lies inside folder dir: 1 or
 * 0; -1 when path cannot be resolved (the caller's open then says why). */
int rm_path_inside(const char *path, const char *dir);

/* The signature of the compiled model table at idx (signature.c): equal
 * for models that simulate the same thing, whatever the params they do
 * not read; 0 when it cannot be told. Leaves the stack as it was. */
uint64_t rm_lua_signature(struct lua_State *L, int idx);
/* remous's scripts/ folder (where require looks after the scenario's
 * folder), or NULL; the caller frees it. */
char *rm_scripts_dir(void);

/* remous's own folder of ready scenarios (next to scripts/), or NULL; the
 * caller frees it. */
char *rm_scenarios_dir(void);

#endif
