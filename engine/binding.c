/* The Lua binding: the whole C<->Lua boundary (as wrk's script.c).
 *
 * remous_open() makes a sandboxed Lua 5.4 state with a memory cap and an
 * instruction budget, runs the prelude (scripts/prelude.lua, compiled in)
 * and the scenario, asks the prelude to compile the declarations, and reads
 * the compiled tables into an rm_model. The state is kept only for hooks:
 * fields the scenario wrote as functions, called through rm_hooks. */
#define _XOPEN_SOURCE 700                         /* realpath (with POSIX 2008) */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "binding.h"
#include "words.h"
#include "calendar.h"
#include "dist.h"
#include "lua_errors.h"
#include "model.h"
#include "rng.h"
#include "scenario.h"
#include "targets.h"

extern const char rm_prelude_lua[];   /* build/prelude.c, made from scripts/prelude.lua */

#define MEMORY_CAP ((size_t)256 << 20)          /* bytes a scenario's Lua state may hold */
#ifndef RM_LOAD_BUDGET                           /* (the fuzz build sets a smaller one) */
#define RM_LOAD_BUDGET 500000000L
#endif
#define LOAD_BUDGET RM_LOAD_BUDGET              /* Lua instructions to load a scenario */
#define HOOK_BUDGET 10000000L                   /* Lua instructions per hook call */
#define BUDGET_STEP 1000                        /* instructions between two checks */
#define MAX_SCENARIO_BYTES ((size_t)16 << 20)
#define MAX_CSV_BYTES ((size_t)256 << 20)

typedef struct hook_info {
    char *what;               /* "activity \"advise\": next", for messages */
    char *where;              /* "file:line" where the function is defined */
    char *label;              /* "file:line: activity \"advise\": next" */
    int duration;             /* returns a duration: must be >= 0 */
    uint64_t key;             /* hash of its stream's name, "activity/NAME/next/lua" */
    rm_rng random;            /* what math.random draws from while it runs */
    /* a `next` hook's last answer and its step in the running model: the
     * string is kept alive (the stack's step name cache), so that the same
     * pointer is the same name */
    const char *last_name;
    int last_step;
} hook_info;

typedef struct binding {
    lua_State *L;
    size_t mem_used, mem_limit;
    int mem_exceeded;
    long instructions, budget;
    int over_budget;          /* stopped: every later check raises again */
    double deadline;          /* monotonic seconds when the running call is stopped, 0 unset */
    unsigned seconds;         /* its limit, for the message */
    unsigned load_seconds, hook_seconds;   /* rm_time_limit("LOAD"), ("HOOK") */
    char *dir;                /* the scenario's folder */
    char *scripts_dir;        /* remous's scripts/ folder, if found */
    int unsafe;
    const char *path;         /* the scenario file */
    const char *source;       /* its text while it runs (for error messages), else NULL */
    size_t source_len;
    rm_rng load_random;       /* math.random while the scenario loads */
    rm_rng *random;           /* what math.random draws from now: the load's or a hook's */
    uint64_t seed;
    double now;
    rm_item_view item;        /* the item a running hook sees */
    const rm_model *model;    /* the model running now */
    const rm_model *const *models;
    int nmodels;
    hook_info *hooks;
    int nhooks;
    rm_metric_fns *metric_fns;  /* the metrics the scenario declares; NULL: none */
    rm_inputs *inputs;        /* the files the load reads (the scenario's, see inputs.h) */
    const char *lang;         /* the language of the messages (a code of words.h) */
    /* inside hook_protect: the replication runs under one protected call,
     * each hook is a plain call and its error goes up to it */
    int protected;
    const char *where_running;  /* the running hook's definition, for its error */
    int (*body)(void *);
    void *body_arg;
} binding;

/* ------------------------------------------------------------ limits ---- */

static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    binding *b = ud;
    if (ptr == NULL)
        osize = 0;                              /* osize then tells a type, not a size */
    if (nsize == 0) {
        free(ptr);
        b->mem_used -= osize;
        return NULL;
    }
    if (nsize > osize && b->mem_used + (nsize - osize) > b->mem_limit) {
        b->mem_exceeded = 1;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p)
        b->mem_used = b->mem_used - osize + nsize;
    return p;
}

static binding *binding_of(lua_State *L) {
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

double rm_monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

unsigned rm_time_limit(const char *what) {
    char name[64];
    snprintf(name, sizeof name, "REMOUS_%s_TIMEOUT", what);
    const char *env = getenv(name);
    return env && atoi(env) > 0 ? (unsigned)atoi(env) : 10;
}

/* The watchdog: one call of Lua's library (string.find with a pattern that
 * backtracks, string.rep) runs no instruction, so neither the budget nor
 * the clock of the count hook sees it; SIGALRM ends the process instead,
 * with the message made when it was armed. */
static int watch_loads;
static char watch_message[1400];

static void watchdog_fired(int sig) {
    (void)sig;
    ssize_t w = write(STDERR_FILENO, watch_message, strlen(watch_message));
    (void)w;
    _exit(REMOUS_ERR_INPUT);
}

void remous_watch_loads(int on) {
    watch_loads = on;
}

void rm_watchdog(const char *file, const char *what, unsigned seconds) {
    if (!watch_loads)
        return;
    if (!seconds) {
        alarm(0);
        return;
    }
    snprintf(watch_message, sizeof watch_message,
             "remous: %s: %s took more than %u s inside one call of a string or table function: stopped (a pattern that backtracks without end, or a huge text or table?)\n", file, what, seconds);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = watchdog_fired;
    sigaction(SIGALRM, &sa, NULL);
    alarm(seconds + 1);                         /* the count hook's clock speaks first when it can */
}

const char *volatile rm_hook_running;
volatile unsigned long rm_hook_calls;
volatile unsigned long rm_lua_checks;

static void count_hook(lua_State *L, lua_Debug *ar) {
    binding *b = binding_of(L);
    b->instructions += BUDGET_STEP;
    rm_lua_checks++;                            /* for the worker's watchdog (parallel.c) */
    double now = rm_monotonic_seconds();        /* ~25 ns a check (vDSO): 0.5% of Lua */
    if (b->deadline == 0)                       /* the call's first check: most never get one */
        b->deadline = now + b->seconds;
    int late = now > b->deadline;
    if (b->instructions <= b->budget && !b->over_budget && !late)
        return;
    if (!b->over_budget && !late)
        b->seconds = 0;                         /* the instructions, not the clock */
    b->over_budget = 1;                         /* pcall cannot swallow it: see host.stopped */
    /* The running function is at level 0 here (luaL_error would look at 1). */
    if (lua_getstack(L, 0, ar) && lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
        lua_pushfstring(L, "%s:%d: ", ar->source[0] == '@' ? ar->source + 1 : ar->short_src,
                        ar->currentline);
    else
        lua_pushliteral(L, "");
    if (b->seconds)
        lua_pushfstring(L, rm_word(rm_message_lang(), "binding.stopped_seconds"),
                        (int)b->seconds);
    else
        lua_pushfstring(L, rm_word(rm_message_lang(), "binding.stopped_instructions"),
                        (int)(b->budget / 1000000));
    lua_concat(L, 2);
    lua_error(L);
}

static int compare_words(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Replaces control characters (a newline in a message or a name) so that
 * every error stays on one line. */
static void one_line(char *s) {
    for (; *s; s++)
        if ((unsigned char)*s < ' ')
            *s = ' ';
}

/* Rewrites Lua's message in err in the words of the language (lua_errors.c):
 * the line to change and what to type. The words offered as "did you mean"
 * are the globals of L (the language's and the script's own), sorted so
 * that the suggestion does not depend on the hash order. */
void rm_lua_rewrite_error(lua_State *L, const char *path, const char *source, size_t len,
                          const char *language, char *err, size_t errlen) {
    enum { MAX_WORDS = 512 };
    const char *words[MAX_WORDS];
    int n = 0, pushed = 0;
    if ((strstr(err, "(global '") || strstr(err, "near '<\\195>'")) && lua_checkstack(L, 3)) {   /* activité */
        lua_pushglobaltable(L);               /* the keys stay alive in it until the pop */
        pushed = 1;
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING && n < MAX_WORDS)
                words[n++] = lua_tostring(L, -2);
            lua_pop(L, 1);
        }
        qsort(words, (size_t)n, sizeof words[0], compare_words);
    }
    if (strcmp(err, "C stack overflow") == 0) {  /* Lua names no file: the parser's, or C's own */
        snprintf(err, errlen, rm_word(rm_message_lang(), "binding.nested"), path);
        if (pushed)
            lua_pop(L, 1);
        return;
    }
    rm_lua_context cx = {source, len, words, n, language};
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", err);
    rm_lua_error_rewrite(msg, path, &cx, err, errlen);
    if (pushed)
        lua_pop(L, 1);
}

/* Runs the function below its nargs arguments on the stack, protected.
 * On error leaves one line in err (the memory cap named as such; `where`
 * prefixes an error raised with something else than a message; Lua's own
 * messages rewritten by rm_lua_rewrite_error). */
/* One line in err for the error a protected call just caught (on top of
 * the stack, popped). */
static int call_failed(binding *b, const char *where, char *err, size_t errlen) {
    if (b->mem_exceeded)
        snprintf(err, errlen, rm_word(rm_message_lang(), "binding.memory"),
                 b->path, b->mem_limit >> 20);
    else if (lua_type(b->L, -1) == LUA_TSTRING) {
        snprintf(err, errlen, "%s", lua_tostring(b->L, -1));
        lua_pop(b->L, 1);
        one_line(err);
        rm_lua_rewrite_error(b->L, b->path, b->source, b->source_len, "scenario", err, errlen);
        return -1;
    } else
        snprintf(err, errlen, rm_word(rm_message_lang(), "binding.raised_value"),
                 where, luaL_typename(b->L, -1));
    lua_pop(b->L, 1);
    one_line(err);
    return -1;
}

/* A new call's limits: its own budget of instructions and seconds. */
static inline void start_budget(binding *b, long budget) {
    b->instructions = 0;
    b->budget = budget;
    b->seconds = budget == HOOK_BUDGET ? b->hook_seconds : b->load_seconds;
    b->deadline = 0;                            /* set by the first check (count_hook) */
    b->over_budget = 0;
    b->mem_exceeded = 0;
}

static int protected_call(binding *b, int nargs, int nresults, long budget, const char *where,
                          char *err, size_t errlen) {
    start_budget(b, budget);
    if (lua_pcall(b->L, nargs, nresults, 0) == LUA_OK)
        return 0;
    return call_failed(b, where, err, errlen);
}

int rm_lua_call(lua_State *L, int nargs, int nresults, int hook, rm_rng *random, const char *label,
                const char *where, char *err, size_t errlen) {
    binding *b = binding_of(L);
    b->random = random ? random : &b->load_random;
    if (label) {
        rm_hook_calls++;                        /* for the worker's watchdog (parallel.c) */
        rm_hook_running = label;
    }
    int rc = protected_call(b, nargs, nresults, hook ? HOOK_BUDGET : LOAD_BUDGET, where, err, errlen);
    rm_hook_running = NULL;
    b->random = &b->load_random;
    return rc;
}

/* ------------------------------------------------------ host helpers ---- */

#define NUL_INSIDE rm_word(rm_message_lang(), "binding.nul_inside")

/* A host.check_* or read_column argument: NULL when it holds a NUL byte
 * (the caller answers nul_inside, which the prelude gives with the line). */
static const char *text_or_null(lua_State *L, int arg) {
    size_t len;
    const char *s = luaL_checklstring(L, arg, &len);
    return strlen(s) == len ? s : NULL;
}

const char *rm_lua_check_text(lua_State *L, int arg, const char *what) {
    size_t len;
    const char *s = luaL_checklstring(L, arg, &len);
    if (strlen(s) != len)
        luaL_error(L, "%s: %s", what, NUL_INSIDE);
    return s;
}

/* host.check_dist(kind, ...) -> nil or a message */
static int l_check_dist(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    int kind = rm_dist_kind_from_name(name);
    if (kind < 0)
        return luaL_error(L, "unknown distribution %s", name);
    double p[3] = {0, 0, 0};
    for (int i = 0; i < rm_dist_nparams(kind) && i < 3; i++)
        p[i] = luaL_optnumber(L, i + 2, NAN);
    char err[256];
    rm_dist d;
    if (rm_dist_init(&d, kind, p, err, sizeof err) < 0) {
        lua_pushstring(L, err);
        return 1;
    }
    return 0;
}

/* host.check_calendar(spec) -> nil or a message */
static int l_check_calendar(lua_State *L) {
    rm_profile p;
    char err[512];
    rm_profile_init(&p, 10080, 0);
    const char *spec = text_or_null(L, 1);
    if (!spec)
        lua_pushstring(L, NUL_INSIDE);
    else if (rm_calendar_parse(&p, spec, err, sizeof err) < 0)
        lua_pushstring(L, err);
    else
        lua_pushnil(L);
    rm_profile_free(&p);
    return 1;
}

/* host.check_points(spec) -> nil or a message */
static int l_check_points(lua_State *L) {
    double *times = NULL;
    int n;
    char err[512];
    const char *spec = text_or_null(L, 1);
    if (!spec)
        lua_pushstring(L, NUL_INSIDE);
    else if (rm_calendar_parse_points(spec, 10080, &times, &n, err, sizeof err) < 0)
        lua_pushstring(L, err);
    else
        lua_pushnil(L);
    free(times);
    return 1;
}

/* host.check_start(spec) -> nil or a message */
static int l_check_start(lua_State *L) {
    double offset;
    char err[512];
    const char *spec = text_or_null(L, 1);
    if (!spec)
        lua_pushstring(L, NUL_INSIDE);
    else if (rm_calendar_parse_start(spec, 10080, &offset, err, sizeof err) < 0)
        lua_pushstring(L, err);
    else
        lua_pushnil(L);
    return 1;
}

static char *join_path(const char *dir, const char *name) {
    size_t n = strlen(dir) + strlen(name) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s", dir, name);
    return s;
}

/* Reads a whole regular file. Returns NULL with a reason in err. */
static char *read_file(const char *path, size_t max, size_t *len, char *err, size_t errlen) {
    struct stat stbuf;
    if (stat(path, &stbuf) != 0) {
        snprintf(err, errlen, rm_word(rm_message_lang(), "binding.cannot_open"), path, strerror(errno));
        return NULL;
    }
    if (!S_ISREG(stbuf.st_mode)) {
        snprintf(err, errlen, rm_word(rm_message_lang(), "binding.not_regular"), path);
        return NULL;
    }
    if ((size_t)stbuf.st_size > max) {
        snprintf(err, errlen, rm_word(rm_message_lang(), "binding.too_large"), path, max >> 20);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, rm_word(rm_message_lang(), "binding.cannot_open"), path, strerror(errno));
        return NULL;
    }
    char *buf = malloc((size_t)stbuf.st_size + 1);
    size_t n = buf ? fread(buf, 1, (size_t)stbuf.st_size, f) : 0;
    int bad = !buf || ferror(f);
    fclose(f);
    if (bad) {
        snprintf(err, errlen, rm_word(rm_message_lang(), "binding.cannot_read"), path);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* A path a sandboxed scenario may read: relative, inside its folder. */
static int safe_relative(const char *p) {
    if (p[0] == '/' || p[0] == '\0')
        return 0;
    for (const char *s = p; *s; s++)
        if (s[0] == '.' && s[1] == '.' && (s == p || s[-1] == '/') && (s[2] == '/' || s[2] == '\0'))
            return 0;
    return 1;
}

typedef struct column_reader {
    const char *column;
    int col;                  /* index of the column, -1 until the header is read */
    size_t field, row;
    double *values;
    size_t n, cap;
    char err[512];
    const char *file;
} column_reader;

static void csv_field_cb(void *data, size_t len, void *ctx) {
    column_reader *r = ctx;
    const char *s = data ? data : "";
    size_t field = r->field++;
    if (r->err[0])
        return;
    if (r->row == 1) {                            /* header */
        if (len != strlen(r->column) || memcmp(s, r->column, len) != 0)
            return;
        if (r->col >= 0)                          /* which one? */
            snprintf(r->err, sizeof r->err, "%s row 1 names the column \"%s\" twice (columns %d and %zu): "
                     "give each column its own name", r->file, r->column, r->col + 1, field + 1);
        else
            r->col = (int)field;
        return;
    }
    if ((int)field != r->col)
        return;
    while (*s == ' ' || *s == '\t') s++;
    if (*s == '\0')
        return;                                   /* an empty cell is skipped */
    char *end;
    double v = strtod(s, &end);
    while (*end == ' ' || *end == '\t' || *end == '\r') end++;
    if (*end != '\0' || !isfinite(v)) {
        char shown[48];                           /* keep the message on one line */
        size_t k = 0;
        for (; s[k] && k < sizeof shown - 1; k++)
            shown[k] = (unsigned char)s[k] < ' ' ? ' ' : s[k];
        shown[k] = '\0';
        snprintf(r->err, sizeof r->err, rm_word(rm_message_lang(), "binding.not_number"),
                 r->file, r->row, r->column, shown);
        return;
    }
    if (v < 0) {
        snprintf(r->err, sizeof r->err, rm_word(rm_message_lang(), "binding.negative"),
                 r->file, r->row, r->column, v);
        return;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        double *nv = realloc(r->values, cap * sizeof *nv);
        if (!nv) {
            snprintf(r->err, sizeof r->err, "out of memory reading %s", r->file);
            return;
        }
        r->values = nv;
        r->cap = cap;
    }
    r->values[r->n++] = v;
}

static void csv_row_cb(int c, void *ctx) {
    column_reader *r = ctx;
    (void)c;
    if (r->row == 1 && r->col < 0 && !r->err[0])
        snprintf(r->err, sizeof r->err, "%s has no column \"%s\" in its first row", r->file, r->column);
    r->row++;
    r->field = 0;
}

int rm_path_inside(const char *path, const char *dir) {
    char real[PATH_MAX], base[PATH_MAX];
    if (!realpath(path, real))
        return -1;
    if (!realpath(dir, base))
        return 0;
    size_t n = strlen(base);
    if (n == 1)                                  /* the root holds everything */
        return 1;
    return strncmp(real, base, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

static int free_column(lua_State *L) {
    double **box = lua_touserdata(L, 1);
    free(*box);
    *box = NULL;
    return 0;
}

/* host.read_column(file, column) -> array of numbers, or nil and a message */
static int l_read_column(lua_State *L) {
    binding *b = binding_of(L);
    const char *file = text_or_null(L, 1), *column = text_or_null(L, 2);
    char err[512];
    if (!file || !column) {
        lua_pushnil(L);
        lua_pushstring(L, NUL_INSIDE);
        return 2;
    }
    if (!b->unsafe && !safe_relative(file)) {
        lua_pushnil(L);
        lua_pushfstring(L, rm_word(rm_message_lang(), "binding.data_relative"), file);
        return 2;
    }
    char *path = file[0] == '/' || strcmp(b->dir, ".") == 0 ? strdup(file) : join_path(b->dir, file);
    if (path && !b->unsafe && rm_path_inside(path, b->dir) == 0) {   /* a link out of it */
        free(path);
        lua_pushnil(L);
        lua_pushfstring(L, rm_word(rm_message_lang(), "binding.data_outside"), file);
        return 2;
    }
    size_t len = 0;
    char *text = path ? read_file(path, MAX_CSV_BYTES, &len, err, sizeof err) : NULL;
    int tried = path != NULL;
    free(path);
    if (tried && rm_inputs_add(b->inputs, file, text, len) < 0) {   /* absent too: a pcall may go on without it */
        free(text);
        return luaL_error(L, "out of memory");
    }
    if (!text) {
        lua_pushnil(L);
        lua_pushstring(L, path ? err : "out of memory");
        return 2;
    }
    column_reader r = {column, -1, 0, 1, NULL, 0, 0, "", file};
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    size_t bom = rm_bom_length(text, len);      /* a spreadsheet's "CSV UTF-8" starts with one */
    if (csv_parse(&p, text + bom, len - bom, csv_field_cb, csv_row_cb, &r) != len - bom ||
        csv_fini(&p, csv_field_cb, csv_row_cb, &r) != 0) {
        if (!r.err[0])
            snprintf(r.err, sizeof r.err, "%s row %zu: %s", file, r.row, csv_strerror(csv_error(&p)));
    }
    csv_free(&p);
    free(text);
    if (!r.err[0] && r.n == 0)
        snprintf(r.err, sizeof r.err, rm_word(rm_message_lang(), "binding.no_values"), file, column);
    if (r.err[0]) {
        free(r.values);
        lua_pushnil(L);
        lua_pushstring(L, r.err);
        return 2;
    }
    /* the C array in a box the collector frees, should the Lua table not
     * fit under the memory cap (lua_createtable would jump away from it) */
    double **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = r.values;
    if (luaL_newmetatable(L, "remous.column")) {
        lua_pushcfunction(L, free_column);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lua_createtable(L, (int)r.n, 0);
    for (size_t i = 0; i < r.n; i++) {
        lua_pushnumber(L, r.values[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    free(*box);
    *box = NULL;
    return 1;
}

/* host.find_module(name) -> text, path; or nothing */
static int l_find_module(lua_State *L) {
    binding *b = binding_of(L);
    const char *name = rm_lua_check_text(L, 1, "require");
    char rel[PATH_MAX];
    snprintf(rel, sizeof rel, "%s.lua", name);
    for (char *c = rel; *c && strcmp(c, ".lua") != 0; c++)
        if (*c == '.')
            *c = '/';
    const char *dirs[2] = {b->dir, b->scripts_dir};
    for (int i = 0; i < 2; i++) {
        if (!dirs[i])
            continue;
        char *path = join_path(dirs[i], rel);
        char err[256];
        size_t len;
        if (path && !b->unsafe && rm_path_inside(path, dirs[i]) == 0) {   /* a link out of it */
            lua_pushnil(L);
            lua_pushfstring(L, rm_word(rm_message_lang(), "binding.module_link"), rel, i ? rm_word(rm_message_lang(), "binding.remous_scripts") : rm_word(rm_message_lang(), "binding.scenario_folder"));
            free(path);
            return 2;
        }
        char *text = path ? read_file(path, MAX_SCENARIO_BYTES, &len, err, sizeof err) : NULL;
        if (text && rm_binary_text(text, len)) {
            lua_pushnil(L);
            lua_pushfstring(L, rm_word(rm_message_lang(), "binding.module_binary"), rel);
            free(text);
            free(path);
            return 2;
        }
        char shown[PATH_MAX + 32];              /* absent too: one put there later would be read instead */
        snprintf(shown, sizeof shown, "%s%s", i ? RM_SCRIPTS_PREFIX : "", rel);
        if (path && rm_inputs_add(b->inputs, shown, text, len) < 0) {
            free(text);
            free(path);
            return luaL_error(L, "out of memory");
        }
        if (text) {                             /* a BOM, a #! line: skipped as in a scenario */
            size_t header = rm_header_length(text, len);
            lua_pushlstring(L, text + header, len - header);
            lua_pushstring(L, path);
            free(text);
            free(path);
            return 2;
        }
        free(path);
    }
    return 0;
}

/* host.stopped() -> true once the budget or the memory cap has stopped the
 * scenario: the prelude's pcall then passes the error on. */
static int l_stopped(lua_State *L) {
    binding *b = binding_of(L);
    lua_pushboolean(L, b->over_budget || b->mem_exceeded);
    return 1;
}

static int l_now(lua_State *L) {
    lua_pushnumber(L, binding_of(L)->now);
    return 1;
}

/* math.random, drawing from the run's seeded stream (as redis does). */
static int l_random(lua_State *L) {
    binding *b = binding_of(L);
    uint64_t bits = rm_rng_next(b->random);
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (double)(bits >> 11) * 0x1.0p-53);
        return 1;
    case 1:
        lo = 1;
        hi = luaL_checkinteger(L, 1);
        if (hi == 0) {                              /* as Lua 5.4: all bits random */
            lua_pushinteger(L, (lua_Integer)bits);
            return 1;
        }
        break;
    case 2: lo = luaL_checkinteger(L, 1); hi = luaL_checkinteger(L, 2); break;
    default: return luaL_error(L, rm_word(rm_message_lang(), "binding.random_args"));
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    uint64_t span = (uint64_t)hi - (uint64_t)lo;    /* in unsigned arithmetic: no overflow */
    uint64_t r = span == UINT64_MAX ? bits : bits % (span + 1);
    lua_pushinteger(L, (lua_Integer)((uint64_t)lo + r));
    return 1;
}

static int l_randomseed(lua_State *L) {
    return luaL_error(L, rm_word(rm_message_lang(), "binding.randomseed"));
}

/* print goes to stderr: stdout belongs to the results table. */
static int l_print(lua_State *L) {
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        if (i > 1) fputc('\t', stderr);
        fwrite(s, 1, len, stderr);
        lua_pop(L, 1);
    }
    fputc('\n', stderr);
    return 0;
}

/* --------------------------------------------------------- the state ---- */

/* Whether the table at idx has a raw __gc field. */
static int has_raw_gc(lua_State *L, int idx) {
    lua_pushliteral(L, "__gc");
    int has = lua_rawget(L, idx) != LUA_TNIL;
    lua_pop(L, 1);
    return has;
}

/* setmetatable without finalizers: Lua runs a __gc metamethod with the
 * hooks off (in a collection, or in lua_close), where neither the
 * instruction budget nor the wall clock can stop it. Lua marks an object
 * for finalization only when its metatable has __gc at this call (a raw
 * field), so refusing it here is enough. */
static int l_setmetatable(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    int t = lua_type(L, 2);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE && has_raw_gc(L, 2))
        return luaL_error(L, rm_word(rm_message_lang(), "binding.gc"));
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, rm_word(rm_message_lang(), "binding.protected"));
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

void rm_lua_open_safe(lua_State *L) {
    static const luaL_Reg safe[] = {
        {LUA_GNAME, luaopen_base}, {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8}, {NULL, NULL}};
    for (const luaL_Reg *lib = safe; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    lua_pushcfunction(L, l_setmetatable);
    lua_setglobal(L, "setmetatable");
}

/* Opens the libraries a scenario may use: base, string, table, math, utf8
 * (all of them with --unsafe), plus debug.getinfo for the prelude alone. */
static void open_libraries(lua_State *L, int unsafe) {
    if (unsafe) {
        luaL_openlibs(L);
        lua_pushcfunction(L, l_setmetatable);
        lua_setglobal(L, "setmetatable");
    } else
        rm_lua_open_safe(L);
    lua_getglobal(L, "math");
    lua_pushcfunction(L, l_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, l_randomseed);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    lua_pushcfunction(L, l_print);
    lua_setglobal(L, "print");
}

/* Called once the prelude has kept its own reference to load (for
 * require, text only). */
void rm_lua_close_sandbox(lua_State *L) {
    static const char *removed[] = {"dofile", "loadfile", "load", "require", NULL};
    for (const char **g = removed; *g; g++) {
        lua_pushnil(L);
        lua_setglobal(L, *g);
    }
    lua_getglobal(L, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");                  /* bytecode out means bytecode in */
    lua_pop(L, 1);
}

/* host.word(lang, key): the catalog's word (words.h), for the prelude's messages. */
static int l_word(lua_State *L) {
    lua_pushstring(L, rm_word(luaL_checkstring(L, 1), luaL_checkstring(L, 2)));
    return 1;
}

/* Pushes the prelude's host table. */
static void push_host(lua_State *L, const char *path, const char *unit, const remous_options *opt) {
    lua_newtable(L);
    luaL_requiref(L, LUA_DBLIBNAME, luaopen_debug, 0);   /* not a global: kept for the prelude */
    lua_getfield(L, -1, "getinfo");
    lua_setfield(L, -3, "getinfo");
    lua_pop(L, 1);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);   /* forget it was loaded */
    lua_pushnil(L);
    lua_setfield(L, -2, LUA_DBLIBNAME);
    lua_pop(L, 1);
    lua_pushstring(L, path);
    lua_setfield(L, -2, "file");
    if (unit) {
        lua_pushstring(L, unit);
        lua_setfield(L, -2, "unit");
    }
    lua_newtable(L);
    for (int i = 0; i < opt->nsets; i++) {
        lua_pushstring(L, opt->set_values[i]);
        lua_setfield(L, -2, opt->set_names[i]);
    }
    lua_setfield(L, -2, "sets");
    lua_newtable(L);
    for (int i = 0; i < opt->nsets && opt->set_origins; i++)
        if (opt->set_origins[i]) {
            lua_pushstring(L, opt->set_origins[i]);
            lua_setfield(L, -2, opt->set_names[i]);
        }
    lua_setfield(L, -2, "set_origins");
    lua_pushstring(L, binding_of(L)->lang);       /* the messages' language, and every language */
    lua_setfield(L, -2, "lang");
    lua_createtable(L, rm_lang_count(), 0);
    for (int i = 0; i < rm_lang_count(); i++) {
        lua_pushstring(L, rm_lang_code(i));
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "langs");
    static const luaL_Reg fns[] = {{"word", l_word},{"check_dist", l_check_dist}, {"read_column", l_read_column},
                                   {"find_module", l_find_module}, {"now", l_now},
                                   {"stopped", l_stopped}, {"check_calendar", l_check_calendar},
                                   {"check_start", l_check_start}, {"check_points", l_check_points},
                                   {NULL, NULL}};
    luaL_setfuncs(L, fns, 0);
}

/* ------------------------------------------- reading the compiled model -- */

typedef struct reader {
    binding *b;
    lua_State *L;
    rm_model *m;
    char *err;
    size_t errlen;
    int oom;
    int bad;                  /* a table not as the prelude makes them */
    char hook_key[600];       /* the stream of the next hook read (see add_hook) */
} reader;

static char *dup_str(reader *r, const char *s) {
    char *d = strdup(s ? s : "");
    if (!d)
        r->oom = 1;
    return d;
}

static void *alloc_array(reader *r, size_t n, size_t size) {
    void *p = calloc(n + 1, size);
    if (!p)
        r->oom = 1;
    return p;
}

static double get_number(lua_State *L, int t, const char *k) {
    lua_getfield(L, t, k);
    double v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}

static char *get_string(reader *r, int t, const char *k) {
    lua_getfield(r->L, t, k);
    char *s = dup_str(r, lua_tostring(r->L, -1));
    lua_pop(r->L, 1);
    return s;
}

/* Pushes t[k] (a table) and returns its length. */
static int push_array(lua_State *L, int t, const char *k) {
    lua_getfield(L, t, k);
    return lua_istable(L, -1) ? (int)lua_rawlen(L, -1) : 0;
}

/* Keeps the function on top of the stack as hook number n+1; pops it. Its
 * math.random stream is named by r->hook_key (the element and the field:
 * the same in the baseline and its variants), which it clears. */
static int add_hook(reader *r, const char *what, const char *where, int duration) {
    binding *b = r->b;
    hook_info *h = realloc(b->hooks, (size_t)(b->nhooks + 1) * sizeof *h);
    if (!h) {
        r->oom = 1;
        lua_pop(r->L, 1);
        return RM_NO_HOOK;
    }
    b->hooks = h;
    h[b->nhooks].what = dup_str(r, what);
    h[b->nhooks].where = dup_str(r, where);
    char label[1200];
    snprintf(label, sizeof label, "%s: %s", where, what);
    h[b->nhooks].label = dup_str(r, label);
    h[b->nhooks].duration = duration;
    h[b->nhooks].key = rm_hash_name(r->hook_key[0] ? r->hook_key : what);
    r->hook_key[0] = '\0';
    b->nhooks++;
    lua_getfield(r->L, LUA_REGISTRYINDEX, "remous.hooks");
    lua_insert(r->L, -2);
    lua_rawseti(r->L, -2, b->nhooks);
    lua_pop(r->L, 1);
    return b->nhooks;
}

/* Reads the compiled distribution at stack index t into *d (or a hook:
 * `duration` tells whether it returns a duration). */
static void read_dist(reader *r, int t, rm_dist *d, int *hook, const char *what, int duration) {
    lua_State *L = r->L;
    t = lua_absindex(L, t);
    lua_getfield(L, t, "kind");
    const char *kind = lua_tostring(L, -1);
    lua_pop(L, 1);
    memset(d, 0, sizeof *d);
    if (kind && strcmp(kind, "hook") == 0) {
        lua_getfield(L, t, "where");
        char where[512];
        snprintf(where, sizeof where, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        lua_getfield(L, t, "fn");
        *hook = add_hook(r, what, where, duration);
        return;
    }
    int k = rm_dist_kind_from_name(kind ? kind : "");
    double p[3] = {0, 0, 0};
    int np = push_array(L, t, "p");
    for (int i = 0; i < np && i < 3; i++) {
        lua_rawgeti(L, -1, i + 1);
        p[i] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    char err[256];
    if (k < 0 || rm_dist_init(d, (rm_dist_kind)k, p, err, sizeof err) < 0)
        r->bad = 1;                             /* the prelude checked it: never expected */
    if (k == RM_CHOICE) {                       /* cumulative weights */
        d->values = alloc_array(r, (size_t)np, sizeof(double));
        d->nvalues = (size_t)np;
        double sum = 0;
        for (int i = 0; i < np && d->values; i++) {
            lua_rawgeti(L, -1, i + 1);
            sum += lua_tonumber(L, -1);
            d->values[i] = sum;
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    if (k == RM_EMPIRICAL) {
        int n = push_array(L, t, "values");
        d->values = alloc_array(r, (size_t)n, sizeof(double));
        d->nvalues = (size_t)n;
        for (int i = 0; i < n && d->values; i++) {
            lua_rawgeti(L, -1, i + 1);
            d->values[i] = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    if ((k == RM_CHOICE || k == RM_EMPIRICAL) && d->nvalues == 0)
        r->bad = 1;
}

static void read_sampler(reader *r, int t, const char *field, rm_sampler *s, const char *what) {
    lua_getfield(r->L, t, field);
    read_dist(r, -1, &s->dist, &s->hook, what, 1);
    lua_pop(r->L, 1);
}

static void read_roles(reader *r, int t) {
    lua_State *L = r->L;
    rm_model *m = r->m;
    m->nroles = push_array(L, t, "roles");
    m->roles = alloc_array(r, (size_t)m->nroles, sizeof *m->roles);
    for (int i = 0; i < m->nroles && m->roles; i++) {
        lua_rawgeti(L, -1, i + 1);
        m->roles[i].name = get_string(r, -1, "name");
        m->roles[i].label = get_string(r, -1, "label");
        m->roles[i].count = (int)get_number(L, -1, "count");
        m->roles[i].calendar = (int)get_number(L, -1, "calendar") - 1;
        m->roles[i].cost_per_hour = get_number(L, -1, "cost_per_hour");
        lua_getfield(L, -1, "every");
        if ((m->roles[i].has_absence = lua_istable(L, -1))) {
            int unused = 0;
            read_dist(r, -1, &m->roles[i].absence_every, &unused, "absence", 1);
            lua_getfield(L, -2, "lasts");
            read_dist(r, -1, &m->roles[i].absence_lasts, &unused, "absence", 1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void read_queues(reader *r, int t) {
    lua_State *L = r->L;
    rm_model *m = r->m;
    m->nqueues = push_array(L, t, "queues");
    m->queues = alloc_array(r, (size_t)m->nqueues, sizeof *m->queues);
    for (int i = 0; i < m->nqueues && m->queues; i++) {
        lua_rawgeti(L, -1, i + 1);
        rm_queue *q = &m->queues[i];
        q->name = get_string(r, -1, "name");
        q->label = get_string(r, -1, "label");
        lua_getfield(L, -1, "discipline");
        const char *d = lua_tostring(L, -1);
        q->discipline = strcmp(d, "lifo") == 0 ? RM_LIFO : strcmp(d, "priority") == 0 ? RM_PRIORITY : RM_FIFO;
        lua_pop(L, 1);
        q->capacity = (long)get_number(L, -1, "capacity");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* Reads t[field], a compiled route, into *nx. */
static void read_next(reader *r, int t, const char *field, rm_next *nx, const char *name) {
    lua_State *L = r->L;
    lua_getfield(L, t, field);
    lua_getfield(L, -1, "kind");
    const char *kind = lua_tostring(L, -1);
    lua_pop(L, 1);
    char what[600];
    snprintf(what, sizeof what, "activity \"%s\": next", name);
    snprintf(r->hook_key, sizeof r->hook_key, "activity/%s/next/lua", name);
    if (strcmp(kind, "step") == 0) {
        nx->kind = RM_NEXT_STEP;
        nx->step = (int)get_number(L, -1, "step") - 1;
    } else if (strcmp(kind, "hook") == 0) {
        rm_dist unused;
        nx->kind = RM_NEXT_HOOK;
        read_dist(r, -1, &unused, &nx->hook, what, 0);
    } else {
        nx->kind = RM_NEXT_TABLE;
        nx->n = push_array(L, -1, "steps");
        nx->steps = alloc_array(r, (size_t)nx->n, sizeof(int));
        nx->cum = alloc_array(r, (size_t)nx->n, sizeof(double));
        for (int i = 0; i < nx->n && nx->steps; i++) {
            lua_rawgeti(L, -1, i + 1);
            nx->steps[i] = (int)lua_tointeger(L, -1) - 1;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        push_array(L, -1, "p");
        double sum = 0;
        for (int i = 0; i < nx->n && nx->cum; i++) {
            lua_rawgeti(L, -1, i + 1);
            sum += lua_tonumber(L, -1);
            nx->cum[i] = sum;
            lua_pop(L, 1);
        }
        if (nx->cum && nx->n > 0)
            nx->cum[nx->n - 1] = 2;             /* rounding never skips the last step */
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void read_activities(reader *r, int t) {
    lua_State *L = r->L;
    rm_model *m = r->m;
    m->nactivities = push_array(L, t, "activities");
    m->activities = alloc_array(r, (size_t)m->nactivities, sizeof *m->activities);
    for (int i = 0; i < m->nactivities && m->activities; i++) {
        lua_rawgeti(L, -1, i + 1);
        int at = lua_gettop(L);
        rm_activity *a = &m->activities[i];
        a->name = get_string(r, at, "name");
        a->label = get_string(r, at, "label");
        a->nroles = push_array(L, at, "roles");
        a->roles = alloc_array(r, (size_t)a->nroles, sizeof(int));
        for (int k = 0; k < a->nroles && a->roles; k++) {
            lua_rawgeti(L, -1, k + 1);
            a->roles[k] = (int)lua_tointeger(L, -1) - 1;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        a->queue = (int)get_number(L, at, "queue") - 1;
        a->kind = (int)get_number(L, at, "kind") - 1;
        lua_getfield(L, at, "interruptible");
        a->interruptible = lua_toboolean(L, -1);
        lua_pop(L, 1);
        a->switch_cost = get_number(L, at, "switch_cost");
        lua_getfield(L, at, "no_patience");
        a->no_patience = lua_toboolean(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, at, "resume");
        a->resume_anyone = lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), "anyone") == 0;
        lua_pop(L, 1);
        a->tool = (int)get_number(L, at, "tool") - 1;
        char what[600];
        snprintf(what, sizeof what, "activity \"%s\": duration", a->name ? a->name : "");
        snprintf(r->hook_key, sizeof r->hook_key, "activity/%s/duration/lua", a->name ? a->name : "");
        read_sampler(r, at, "duration", &a->duration, what);
        read_next(r, at, "next", &a->next, a->name ? a->name : "");
        a->nalts = push_array(L, at, "alts");
        a->alts = alloc_array(r, (size_t)a->nalts, sizeof *a->alts);
        for (int k = 0; k < a->nalts && a->alts; k++) {
            lua_rawgeti(L, -1, k + 1);
            a->alts[k].tool = (int)get_number(L, -1, "tool") - 1;
            read_next(r, lua_gettop(L), "next", &a->alts[k].next, a->name ? a->name : "");
            lua_pop(L, 1);
        }
        if (!a->alts)
            a->nalts = 0;
        lua_pop(L, 1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void read_attributes(reader *r, int t, rm_arrivals *s) {
    lua_State *L = r->L;
    s->nattrs = push_array(L, t, "attributes");
    s->attrs = alloc_array(r, (size_t)s->nattrs, sizeof *s->attrs);
    for (int k = 0; k < s->nattrs && s->attrs; k++) {
        lua_rawgeti(L, -1, k + 1);
        rm_attribute *at = &s->attrs[k];
        at->name = get_string(r, -1, "name");
        lua_getfield(L, -1, "dist");
        int unused = 0;
        read_dist(r, -1, &at->dist, &unused, "attribute", 0);
        at->type = at->dist.kind == RM_BERNOULLI ? RM_ATTR_BOOLEAN
                 : at->dist.kind == RM_CHOICE ? RM_ATTR_CHOICE : RM_ATTR_NUMBER;
        if (at->type == RM_ATTR_CHOICE) {
            int n = push_array(L, -1, "names");
            at->choices = alloc_array(r, (size_t)n, sizeof(char *));
            for (int c = 0; c < n && at->choices; c++) {
                lua_rawgeti(L, -1, c + 1);
                at->choices[c] = dup_str(r, lua_tostring(L, -1));
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

/* The calendars: each one's strings into a profile of the scenario's week. */
static void read_calendars(reader *r, int t) {
    lua_State *L = r->L;
    rm_model *m = r->m;
    m->week = 604800 / m->unit_seconds;
    m->start = 0;
    lua_getfield(L, t, "start");
    char err[512];
    if (lua_isstring(L, -1) && rm_calendar_parse_start(lua_tostring(L, -1), m->week, &m->start, err, sizeof err) < 0)
        r->bad = 1;                                   /* checked by the prelude */
    lua_pop(L, 1);
    m->ncalendars = push_array(L, t, "calendars");
    m->calendars = alloc_array(r, (size_t)m->ncalendars, sizeof *m->calendars);
    for (int c = 0; c < m->ncalendars && m->calendars; c++) {
        rm_profile_init(&m->calendars[c], m->week, m->start);
        lua_rawgeti(L, -1, c + 1);
        int n = (int)lua_rawlen(L, -1);
        for (int i = 0; i < n; i++) {
            lua_rawgeti(L, -1, i + 1);
            if (rm_calendar_parse(&m->calendars[c], lua_tostring(L, -1), err, sizeof err) < 0)
                r->bad = 1;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* Stream s now arrives at the rate profile *rate (made, when rc is 0):
 * exponential(1) gaps spread by it. */
static void follow_rate(reader *r, rm_arrivals *s, rm_profile *rate, int rc) {
    if (rc < 0) {
        r->oom = 1;
    } else {
        rm_profile_free(&s->profile);
        s->profile = *rate;
    }
    s->timing = RM_RATES;
    double one = 1;
    char err[64];
    rm_dist_init(&s->interarrival, RM_EXPONENTIAL, &one, err, sizeof err);
    s->has_interarrival = 1;
}

/* How stream s spaces its arrivals: plain gaps, gaps in open time, or a
 * rate by time of day (times its calendar). */
static void read_timing(reader *r, int t, rm_arrivals *s) {
    lua_State *L = r->L;
    const rm_model *m = r->m;
    int cal = (int)get_number(L, t, "calendar") - 1;
    rm_profile_always(&s->profile, m->week);
    s->timing = cal >= 0 ? RM_OPEN_GAPS : RM_GAPS;
    if (cal >= 0 && (!m->calendars || rm_profile_copy(&m->calendars[cal], &s->profile) < 0))
        r->oom = 1;                               /* (no calendars: their allocation failed) */
    lua_getfield(L, t, "task");
    s->hidden = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, t, "points");
    if (lua_isstring(L, -1)) {                        /* a task at set times of the week */
        char err[512];
        if (rm_calendar_parse_points(lua_tostring(L, -1), m->week, &s->points, &s->npoints, err, sizeof err) < 0)
            r->bad = 1;
        s->timing = RM_POINTS;
        s->has_interarrival = 1;
    }
    lua_pop(L, 1);
    lua_getfield(L, t, "per_open");
    const char *per_open = lua_tostring(L, -1);
    if (per_open && cal >= 0 && m->calendars) {       /* n an open day, or n a week */
        double n = get_number(L, t, "per_open_n");
        rm_profile rate;
        int rc = strcmp(per_open, "day") == 0 ? rm_profile_per_open_day(&m->calendars[cal], n, &rate)
                                              : rm_profile_per_open_week(&m->calendars[cal], n, &rate);
        follow_rate(r, s, &rate, rc);
    }
    lua_pop(L, 1);
    int n = push_array(L, t, "rates");
    if (n > 0) {
        rm_profile rates;
        double day = m->week / 7, unit = day / 1440;
        rm_profile_init(&rates, m->week, m->start);
        for (int i = 0; i < n; i++) {
            lua_rawgeti(L, -1, i + 1);
            double at = get_number(L, -1, "at"), rate = get_number(L, -1, "per_unit");
            lua_pop(L, 1);
            lua_rawgeti(L, -1, (i + 1) % n + 1);
            double until = get_number(L, -1, "at");
            lua_pop(L, 1);
            if (until <= at)
                until += 1440;                        /* the last runs to the first, next day */
            for (int d = 0; d < 7; d++)
                if (rm_profile_add(&rates, d * day + at * unit, d * day + until * unit, rate) < 0)
                    r->oom = 1;
        }
        rm_profile both;
        follow_rate(r, s, &both, rm_profile_multiply(&s->profile, &rates, &both));
        rm_profile_free(&rates);
    }
    lua_pop(L, 1);
}

static void read_arrivals(reader *r, int t) {
    lua_State *L = r->L;
    rm_model *m = r->m;
    m->narrivals = push_array(L, t, "arrivals");
    m->arrivals = alloc_array(r, (size_t)m->narrivals, sizeof *m->arrivals);
    for (int i = 0; i < m->narrivals && m->arrivals; i++) {
        lua_rawgeti(L, -1, i + 1);
        int at = lua_gettop(L);
        rm_arrivals *s = &m->arrivals[i];
        s->name = get_string(r, at, "name");
        s->label = get_string(r, at, "label");
        s->to = (int)get_number(L, at, "to") - 1;
        s->nalts = push_array(L, at, "alts");
        s->alt_tool = alloc_array(r, (size_t)s->nalts, sizeof(int));
        s->alt_to = alloc_array(r, (size_t)s->nalts, sizeof(int));
        for (int k = 0; k < s->nalts && s->alt_tool && s->alt_to; k++) {
            lua_rawgeti(L, -1, k + 1);
            s->alt_tool[k] = (int)get_number(L, -1, "tool") - 1;
            s->alt_to[k] = (int)get_number(L, -1, "to") - 1;
            lua_pop(L, 1);
        }
        if (!s->alt_tool || !s->alt_to)
            s->nalts = 0;
        lua_pop(L, 1);
        s->limit = (long)get_number(L, at, "limit");
        s->initial = (long)get_number(L, at, "initial");
        s->deadline = get_number(L, at, "deadline");
        s->value = get_number(L, at, "value");
        int unused = 0;
        lua_getfield(L, at, "interarrival");
        if ((s->has_interarrival = lua_istable(L, -1)))
            read_dist(r, -1, &s->interarrival, &unused, "interarrival", 1);
        lua_pop(L, 1);
        lua_getfield(L, at, "patience");
        if ((s->has_patience = lua_istable(L, -1)))
            read_dist(r, -1, &s->patience, &unused, "patience", 1);
        lua_pop(L, 1);
        lua_getfield(L, at, "priority");
        if (lua_istable(L, -1)) {
            char what[600];
            snprintf(what, sizeof what, "arrivals \"%s\": priority", s->name ? s->name : "");
            snprintf(r->hook_key, sizeof r->hook_key, "arrivals/%s/priority/lua", s->name ? s->name : "");
            rm_dist d;
            read_dist(r, -1, &d, &s->priority_hook, what, 0);
        } else {
            s->priority = lua_tonumber(L, -1);
        }
        lua_pop(L, 1);
        read_attributes(r, at, s);
        read_timing(r, at, s);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void read_tools(reader *r, int t) {
    lua_State *L = r->L;
    rm_model *m = r->m;
    m->ntools = push_array(L, t, "tools");
    m->tools = alloc_array(r, (size_t)m->ntools, sizeof *m->tools);
    for (int i = 0; i < m->ntools && m->tools; i++) {
        lua_rawgeti(L, -1, i + 1);
        int at = lua_gettop(L);
        rm_tool *tool = &m->tools[i];
        tool->name = get_string(r, at, "name");
        tool->label = get_string(r, at, "label");
        int nroles = push_array(L, at, "adoption");
        tool->adoption = alloc_array(r, (size_t)m->nroles, sizeof(double));
        for (int k = 0; k < m->nroles && tool->adoption; k++) {
            lua_rawgeti(L, -1, k + 1);
            tool->adoption[k] = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
        if (nroles != m->nroles)
            r->bad = 1;
        lua_pop(L, 1);
        lua_getfield(L, at, "has_uptake");
        tool->has_uptake = lua_toboolean(L, -1);
        lua_pop(L, 1);
        tool->uptake_start = get_number(L, at, "uptake_start");
        tool->uptake_final = get_number(L, at, "uptake_final");
        tool->uptake_half_life = get_number(L, at, "uptake_half_life");
        if (tool->has_uptake && !(tool->uptake_half_life > 0))
            r->bad = 1;
        tool->learning_start = get_number(L, at, "learning_start");
        tool->half_life = get_number(L, at, "half_life");
        tool->training = get_number(L, at, "training");
        lua_getfield(L, at, "has_cost");
        tool->has_cost = lua_toboolean(L, -1);
        lua_pop(L, 1);
        tool->cost_per_month = get_number(L, at, "cost_per_month");
        tool->cost_per_item = get_number(L, at, "cost_per_item");
        tool->cost_share_of_value = get_number(L, at, "cost_share_of_value");
        tool->cost_setup = get_number(L, at, "cost_setup");
        lua_getfield(L, at, "fallback");
        tool->fallback = lua_isnumber(L, -1) ? (int)lua_tointeger(L, -1) - 1 : RM_NO_STEP;
        lua_pop(L, 1);
        lua_getfield(L, at, "every");
        if ((tool->has_downtime = lua_istable(L, -1))) {
            int unused = 0;
            read_dist(r, -1, &tool->down_every, &unused, "downtime", 1);
            lua_getfield(L, at, "lasts");
            read_dist(r, -1, &tool->down_lasts, &unused, "downtime", 1);
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

/* t[k], a list of strings, into an array of nkinds copies ("" where the
 * list has none). */
static char **read_kind_strings(reader *r, int t, const char *k) {
    lua_State *L = r->L;
    int n = push_array(L, t, k);
    char **out = alloc_array(r, (size_t)r->m->nkinds, sizeof(char *));
    for (int i = 0; i < r->m->nkinds && out; i++) {
        lua_rawgeti(L, -1, i + 1);
        out[i] = dup_str(r, i < n ? lua_tostring(L, -1) : NULL);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return out;
}

static void read_kinds_and_params(reader *r, int t) {
    lua_State *L = r->L;
    rm_model *m = r->m;
    m->nkinds = push_array(L, t, "kinds");
    lua_pop(L, 1);
    m->kinds = read_kind_strings(r, t, "kinds");
    m->kind_labels = read_kind_strings(r, t, "kind_labels");
    m->kind_groups = read_kind_strings(r, t, "kind_groups");
    m->nmission = push_array(L, t, "mission");
    m->mission = alloc_array(r, (size_t)m->nmission, sizeof(char *));
    for (int i = 0; i < m->nmission && m->mission; i++) {
        lua_rawgeti(L, -1, i + 1);
        m->mission[i] = dup_str(r, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    m->nparams = push_array(L, t, "params");
    m->params = alloc_array(r, (size_t)m->nparams, sizeof *m->params);
    for (int k = 0; k < m->nparams && m->params; k++) {
        lua_rawgeti(L, -1, k + 1);
        m->params[k].name = get_string(r, -1, "name");
        m->params[k].source = get_string(r, -1, "source");
        m->params[k].label = get_string(r, -1, "label");
        lua_getfield(L, -1, "default");
        m->params[k].numeric = lua_type(L, -1) == LUA_TNUMBER;
        lua_pop(L, 1);
        const char *bounds[3] = {"min", "max", "step"};
        double *fields[3] = {&m->params[k].min, &m->params[k].max, &m->params[k].step};
        for (int f = 0; f < 3; f++) {
            lua_getfield(L, -1, bounds[f]);
            *fields[f] = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : NAN;
            lua_pop(L, 1);
        }
        lua_getfield(L, -1, "value");
        m->params[k].value = dup_str(r, luaL_tolstring(L, -1, NULL));
        lua_pop(L, 3);
    }
    lua_pop(L, 1);
}

/* Reads the compiled model table on top of the stack into m, which the
 * caller allocated and owns (so that nothing leaks if Lua unwinds).
 * Returns 0, or -1 with a message. */
static int read_model(binding *b, rm_model *m, char *err, size_t errlen) {
    lua_State *L = b->L;
    reader r = {b, L, m, err, errlen, 0, 0, ""};
    int t = lua_gettop(L);
    m->name = get_string(&r, t, "name");
    m->label = get_string(&r, t, "label");
    m->description = get_string(&r, t, "description");
    m->variant_label = get_string(&r, t, "variant_label");
    m->unit = get_string(&r, t, "unit");
    m->unit_seconds = get_number(L, t, "unit_seconds");
    m->horizon = get_number(L, t, "horizon");
    m->warmup = get_number(L, t, "warmup");
    m->replications = (int)get_number(L, t, "replications");
    m->currency = get_string(&r, t, "currency");
    lua_getfield(L, t, "costed");
    m->costed = lua_toboolean(L, -1);
    lua_pop(L, 1);
    read_calendars(&r, t);
    read_roles(&r, t);
    read_queues(&r, t);
    read_activities(&r, t);
    read_arrivals(&r, t);
    read_kinds_and_params(&r, t);
    read_tools(&r, t);
    /* this model's step names, appended to the list (one per model) */
    lua_getfield(L, LUA_REGISTRYINDEX, "remous.steps");
    lua_getfield(L, t, "step_index");
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
    if (r.bad) {
        snprintf(err, errlen, "%s: internal error: the compiled model is malformed", b->path);
        return -1;
    }
    if (r.oom || rm_model_finish(m) < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------- hooks ---- */

static int item_index(lua_State *L);

static int attrs_index(lua_State *L) {
    binding *b = binding_of(L);
    const char *key = luaL_checkstring(L, 2);
    const rm_arrivals *st = &b->model->arrivals[b->item.arrivals];
    for (int k = 0; k < st->nattrs; k++) {
        const rm_attribute *at = &st->attrs[k];
        if (strcmp(at->name, key) != 0)
            continue;
        double v = b->item.attrs[k];
        switch (at->type) {
        case RM_ATTR_BOOLEAN: lua_pushboolean(L, v != 0); break;
        case RM_ATTR_CHOICE: lua_pushstring(L, at->choices[(size_t)v]); break;
        case RM_ATTR_NUMBER: lua_pushnumber(L, v); break;
        }
        return 1;
    }
    lua_pushnil(L);
    return 1;
}

static int read_only(lua_State *L) {
    return luaL_error(L, "an item's fields are read-only in a hook");
}

/* item.id, item.arrivals, item.priority, item.attributes */
static int item_index(lua_State *L) {
    binding *b = binding_of(L);
    const char *key = luaL_checkstring(L, 2);
    if (strcmp(key, "id") == 0)
        lua_pushinteger(L, (lua_Integer)b->item.id);
    else if (strcmp(key, "arrivals") == 0)
        lua_pushstring(L, b->model->arrivals[b->item.arrivals].name);
    else if (strcmp(key, "priority") == 0)
        lua_pushnumber(L, b->item.priority);
    else if (strcmp(key, "attributes") == 0)
        lua_getfield(L, LUA_REGISTRYINDEX, "remous.attributes");
    else
        lua_pushnil(L);
    return 1;
}

/* Makes a proxy userdata with the given __index; leaves it on the stack. */
static void push_proxy(lua_State *L, lua_CFunction index, const char *tname) {
    lua_newuserdatauv(L, 1, 0);
    luaL_newmetatable(L, tname);
    lua_pushcfunction(L, index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, read_only);
    lua_setfield(L, -2, "__newindex");
    lua_pushstring(L, tname);
    lua_setfield(L, -2, "__name");
    lua_setmetatable(L, -2);
}

/* Calls hook `hook` with the item; leaves its one result on the stack.
 * Inside hook_protect a plain call: an error goes up to its protected call. */
static int call_hook(binding *b, int hook, const rm_item_view *item, double now, char *err, size_t errlen) {
    lua_State *L = b->L;
    const hook_info *h = &b->hooks[hook - 1];
    b->now = now;
    b->item = *item;
    lua_rawgeti(L, 1, hook);                  /* stack: 1 hooks, 2 item proxy, 3 steps, 4 names seen */
    lua_pushvalue(L, 2);
    b->random = &b->hooks[hook - 1].random;    /* its own stream: see hook_replication */
    rm_hook_calls++;                            /* for the worker's watchdog (parallel.c) */
    rm_hook_running = h->label;
    int rc = 0;
    if (b->protected) {
        start_budget(b, HOOK_BUDGET);
        b->where_running = h->where;
        lua_call(L, 1, 1);
    } else
        rc = protected_call(b, 1, 1, HOOK_BUDGET, h->where, err, errlen);
    rm_hook_running = NULL;
    b->random = &b->load_random;
    return rc < 0 ? -1 : 0;
}

static int hook_number(void *ctx, int hook, const rm_item_view *item, double now, double *out,
                       char *err, size_t errlen) {
    binding *b = ctx;
    if (call_hook(b, hook, item, now, err, errlen) < 0)
        return -1;
    int isnum;
    double v = lua_tonumberx(b->L, -1, &isnum);
    const hook_info *h = &b->hooks[hook - 1];
    if (isnum && !isfinite(v)) {
        snprintf(err, errlen, "%s: %s function returned %s, not a finite number", h->where, h->what,
                 isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");     /* never "-nan" */
        lua_pop(b->L, 1);
        return -1;
    }
    if (!isnum) {
        snprintf(err, errlen, "%s: %s function returned %s, not a number", h->where, h->what,
                 luaL_typename(b->L, -1));
        lua_pop(b->L, 1);
        return -1;
    }
    lua_pop(b->L, 1);
    if (v < 0 && h->duration) {
        snprintf(err, errlen, "%s: %s function returned %g, a negative duration", h->where, h->what, v);
        return -1;
    }
    *out = v;
    return 0;
}

static int hook_step(void *ctx, int hook, const rm_item_view *item, double now, int *out,
                     char *err, size_t errlen) {
    binding *b = ctx;
    lua_State *L = b->L;
    if (call_hook(b, hook, item, now, err, errlen) < 0)
        return -1;
    hook_info *h = &b->hooks[hook - 1];
    if (lua_type(L, -1) == LUA_TSTRING) {
        const char *name = lua_tostring(L, -1);
        if (name == h->last_name) {             /* the same string as last time */
            *out = h->last_step;
            lua_pop(L, 1);
            return 0;
        }
        lua_pushvalue(L, -1);
        lua_rawget(L, 3);
        if (lua_isinteger(L, -1) && lua_tointeger(L, -1) <= b->model->nactivities) {
            *out = (int)lua_tointeger(L, -1) - 1;
            lua_pop(L, 1);
            if (!b->protected) {
                lua_pop(L, 1);
                return 0;
            }
            h->last_name = name;
            h->last_step = *out;
            lua_rawseti(L, 4, hook);            /* keeps it alive: no other string takes its place */
            return 0;                           /* (its slot is there: see protected_body) */
        }
        snprintf(err, errlen, "%s: %s function returned \"%s\", which is not a step", h->where, h->what,
                 lua_tostring(L, -2));
        lua_pop(L, 2);
        return -1;
    }
    snprintf(err, errlen, "%s: %s function returned %s, not a step name", h->where, h->what,
             luaL_typename(L, -1));
    lua_pop(L, 1);
    return -1;
}

static void hook_replication(void *ctx, const rm_model *m, uint64_t seed, int rep) {
    binding *b = ctx;
    if (b->model != m) {                        /* the hooks now see this model's steps */
        b->model = m;
        for (int k = 0; k < b->nhooks; k++)
            b->hooks[k].last_name = NULL;
        for (int v = 0; v < b->nmodels; v++)
            if (b->models[v] == m) {
                lua_getfield(b->L, LUA_REGISTRYINDEX, "remous.steps");
                lua_rawgeti(b->L, -1, v + 1);
                lua_replace(b->L, 3);
                lua_pop(b->L, 1);
            }
    }
    /* each hook draws from its own stream, so that a change elsewhere in
     * the model does not move the numbers it sees (common random numbers) */
    for (int k = 0; k < b->nhooks; k++)
        rm_rng_stream_hashed(&b->hooks[k].random, seed, (uint64_t)rep, b->hooks[k].key);
    if (b->metric_fns)
        rm_metric_fns_replication(b->metric_fns, seed, rep);
}

static int protected_body(lua_State *L) {
    binding *b = binding_of(L);
    if (lua_rawlen(L, 4) < (lua_Unsigned)b->nhooks)
        for (int k = 1; k <= b->nhooks; k++) {  /* a slot per hook, made here where allocating is safe */
            lua_pushboolean(L, 0);
            lua_rawseti(L, 4, k);
        }
    lua_pushinteger(L, b->body(b->body_arg));
    return 1;
}

/* rm_hooks.protect: body(arg) under one protected call, on a stack laid out
 * as the hooks expect it (its four values passed again). */
static int hook_protect(void *ctx, int (*body)(void *), void *arg, char *err, size_t errlen) {
    binding *b = ctx;
    lua_State *L = b->L;
    lua_pushcfunction(L, protected_body);
    for (int k = 1; k <= 4; k++)
        lua_pushvalue(L, k);
    b->body = body;
    b->body_arg = arg;
    b->protected = 1;
    b->where_running = b->path;
    int ok = lua_pcall(L, 4, 1, 0) == LUA_OK;
    b->protected = 0;
    rm_hook_running = NULL;
    b->random = &b->load_random;
    if (!ok)
        return call_failed(b, b->where_running, err, errlen);
    int rc = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    return rc;
}

static int hook_derive(void *ctx, const rm_model *m, int periodic, int period, int rep, double *values,
                       char *err, size_t errlen) {
    binding *b = ctx;
    return rm_metric_fns_derive(b->metric_fns, m, periodic, period, rep, values, err, errlen);
}

/* ------------------------------------------------------------ opening ---- */

static char *dir_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* remous's scripts/ folder: $REMOUS_SCRIPTS, or ../scripts from the binary. */
static char *find_scripts_dir(void) {
    const char *env = getenv("REMOUS_SCRIPTS");
    if (env && *env)
        return strdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    /* the first folder up from the binary's (build/remous, build/asan/remous)
     * that holds scripts/prelude.lua; else ../scripts, as before */
    char *dir = dir_of(exe), *first = NULL;
    for (int up = 0; dir && up < 3; up++) {
        char *top = dir_of(dir);
        free(dir);
        dir = top;
        char *scripts = dir ? join_path(dir, "scripts") : NULL;
        char *prelude = scripts ? join_path(scripts, "prelude.lua") : NULL;
        struct stat st;
        int found = prelude && stat(prelude, &st) == 0;
        free(prelude);
        if (found) {
            free(first);
            free(dir);
            return scripts;
        }
        if (!first)
            first = scripts;
        else
            free(scripts);
    }
    free(dir);
    return first;
}

char *rm_scripts_dir(void) {
    return find_scripts_dir();
}

char *rm_scenarios_dir(void) {
    char *scripts = find_scripts_dir();
    char *top = scripts ? dir_of(scripts) : NULL;
    char *scenarios = top ? join_path(top, "scenarios") : NULL;
    free(scripts);
    free(top);
    return scenarios;
}

static void forget_hooks(binding *b) {
    for (int i = 0; i < b->nhooks; i++) {
        free(b->hooks[i].what);
        free(b->hooks[i].where);
        free(b->hooks[i].label);
    }
    free(b->hooks);
    b->hooks = NULL;
    b->nhooks = 0;
}

static void binding_free(binding *b) {
    if (!b)
        return;
    if (b->L)
        lua_close(b->L);
    rm_metric_fns_free(b->metric_fns);
    forget_hooks(b);
    free(b->dir);
    free(b->scripts_dir);
    free(b);
}

remous_options remous_default_options(void) {
    remous_options o = {1, 0, 0, 1, 0, NULL, 0, NULL, NULL, NULL, 0, NULL, NULL, 0, NULL, NULL};
    return o;
}

/* Keeps why variant v did not compile (the message in err, in the load's
 * language), and in every language when the prelude raised it (its fail
 * leaves each language's line in M.translation). Returns 0 or -1 (out of
 * memory). */
static int keep_variant_error(binding *b, int prelude, remous_scenario *sc, int v, const char *err) {
    lua_State *L = b->L;
    if (!(sc->errors[v] = strdup(err)))
        return -1;
    lua_getfield(L, prelude, "translation");
    if (lua_istable(L, -1)) {
        char said[1024];
        lua_getfield(L, -1, b->lang);
        snprintf(said, sizeof said, "%s", lua_isstring(L, -1) ? lua_tostring(L, -1) : "");
        one_line(said);
        lua_pop(L, 1);
        for (int i = 0; i < rm_lang_count() && strcmp(said, err) == 0; i++) {   /* this very error */
            char line[1024];
            lua_getfield(L, -1, rm_lang_code(i));
            snprintf(line, sizeof line, "%s", lua_isstring(L, -1) ? lua_tostring(L, -1) : "");
            lua_pop(L, 1);
            one_line(line);
            if (line[0] && !(sc->errors_in[v * rm_lang_count() + i] = strdup(line)))
                return -1;
        }
    }
    lua_pop(L, 1);
    lua_pushnil(L);
    lua_setfield(L, prelude, "translation");
    /* no steps for this model: a placeholder keeps the list one per model */
    lua_getfield(L, LUA_REGISTRYINDEX, "remous.steps");
    lua_pushboolean(L, 0);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
    return 0;
}

/* Compiles the baseline and every variant into sc->models and names. The
 * prelude's table is at stack index `prelude`. With `keep`, a variant's
 * error is kept in sc->errors instead of failing (the baseline's, or
 * running out of memory, still fails). Returns 0 or -1. */
static int compile_all(binding *b, int prelude, remous_scenario *sc, int keep, char *err, size_t errlen) {
    lua_State *L = b->L;
    lua_getfield(L, prelude, "variants");
    if (protected_call(b, 0, 1, LOAD_BUDGET, sc->path, err, errlen) < 0)
        return -1;
    int n = (int)lua_rawlen(L, -1) + 1;
    int names = lua_gettop(L);
    sc->models = calloc((size_t)n, sizeof *sc->models);
    sc->variants = calloc((size_t)n, sizeof *sc->variants);
    sc->errors = calloc((size_t)n, sizeof *sc->errors);
    sc->errors_in = calloc((size_t)n * (size_t)rm_lang_count(), sizeof *sc->errors_in);
    sc->signatures = calloc((size_t)n, sizeof *sc->signatures);
    if (!sc->models || !sc->variants || !sc->errors || !sc->errors_in || !sc->signatures) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (int v = 0; v < n; v++) {
        lua_getfield(L, prelude, "compile");
        if (v == 0)
            lua_pushnil(L);
        else
            lua_rawgeti(L, names, v);
        sc->variants[v] = strdup(v == 0 ? "baseline" : lua_tostring(L, -1));
        if (!sc->variants[v]) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        sc->nmodels = v + 1;
        if (protected_call(b, 1, 1, LOAD_BUDGET, sc->path, err, errlen) < 0) {
            if (!keep || v == 0 || b->mem_exceeded)
                return -1;
            if (keep_variant_error(b, prelude, sc, v, err) < 0) {
                snprintf(err, errlen, "out of memory");
                return -1;
            }
            continue;
        }
        if (!(sc->models[v] = calloc(1, sizeof(rm_model)))) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        if (read_model(b, sc->models[v], err, errlen) < 0)
            return -1;
        sc->signatures[v] = rm_lua_signature(L, -1);
        lua_pop(L, 1);
    }
    int costed = 0;                            /* the same cost figures in every model */
    for (int v = 0; v < n; v++)
        costed |= sc->models[v] && sc->models[v]->costed;
    for (int v = 0; v < n; v++)
        if (sc->models[v])
            sc->models[v]->costed = costed;
    lua_getfield(L, prelude, "check_kinds");   /* now that every model's kinds are known */
    if (protected_call(b, 0, 0, LOAD_BUDGET, sc->path, err, errlen) < 0)
        return -1;
    return 0;
}

/* What the protected load works on. */
typedef struct load_args {
    binding *b;
    remous_scenario *sc;
    const char *path, *unit;
    const remous_options *opt;
    char *source;             /* the scenario's text, freed after the load */
    size_t len;
    char *restart, *err;
    size_t restartlen, errlen;
    int rc;
} load_args;

static int load_steps(load_args *a);

/* The whole load under lua_pcall: a memory error anywhere in it (opening
 * the libraries, reading the compiled tables) unwinds here, not to a panic. */
static int load_protected(lua_State *L) {
    load_args *a = lua_touserdata(L, 1);
    lua_settop(L, 0);
    a->rc = load_steps(a);
    return 0;
}

/* Makes a fresh state in b->L, runs the prelude and the scenario in it (in
 * `unit`, or minutes first when NULL) and compiles the baseline and the
 * variants into sc. When the scenario declares another unit, returns -1
 * with *restart set to it. */
static int load_scenario(binding *b, remous_scenario *sc, const char *path, const remous_options *opt,
                         const char *unit, char *restart, size_t restartlen, char *err, size_t errlen) {
    size_t len = 0;
    char *source = read_file(path, MAX_SCENARIO_BYTES, &len, err, errlen);
    if (!source)
        return -1;
    if (rm_binary_text(source, len)) {
        snprintf(err, errlen, rm_word(rm_message_lang(), "binding.binary_scenario"), path);
        free(source);
        return -1;
    }
    lua_State *L = b->L = lua_newstate(limited_alloc, b);
    if (!L) {
        snprintf(err, errlen, "out of memory");
        free(source);
        return -1;
    }
    load_args a = {b, sc, path, unit, opt, source, len, restart, err, restartlen, errlen, -1};
    lua_pushcfunction(L, load_protected);
    lua_pushlightuserdata(L, &a);
    int rc = lua_pcall(L, 1, 0, 0);
    free(a.source);                             /* kept until here for the messages */
    b->source = NULL;
    if (rc != LUA_OK) {
        snprintf(err, errlen, rm_word(rm_message_lang(), "binding.memory_loading"), path);
        return -1;
    }
    return a.rc;
}

static int load_steps(load_args *a) {
    binding *b = a->b;
    remous_scenario *sc = a->sc;
    lua_State *L = b->L;
    const char *path = a->path, *unit = a->unit;
    const remous_options *opt = a->opt;
    char *err = a->err, *restart = a->restart;
    size_t errlen = a->errlen, restartlen = a->restartlen;
    lua_sethook(L, count_hook, LUA_MASKCOUNT, BUDGET_STEP);
    open_libraries(L, opt->unsafe);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "remous.hooks");
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "remous.steps");
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "remous.names_seen");

    /* the prelude, then the scenario, then compile */
    if (luaL_loadbufferx(L, rm_prelude_lua, strlen(rm_prelude_lua), "=prelude", "t") != LUA_OK) {
        snprintf(err, errlen, "internal error in the prelude: %s", lua_tostring(L, -1));
        return -1;
    }
    push_host(L, path, unit, opt);
    if (protected_call(b, 1, 1, LOAD_BUDGET, path, err, errlen) < 0)
        return -1;
    int prelude = lua_gettop(L);
    if (!opt->unsafe) {
        rm_lua_close_sandbox(L);
        lua_getfield(L, prelude, "require");
        lua_setglobal(L, "require");
    }
    char chunkname[PATH_MAX + 1];
    snprintf(chunkname, sizeof chunkname, "@%s", path);
    size_t bom = rm_header_length(a->source, a->len);
    int rc = luaL_loadbufferx(L, a->source + bom, a->len - bom, chunkname, "t");
    if (rc != LUA_OK) {
        snprintf(err, errlen, "%s", lua_tostring(L, -1));
        one_line(err);
        rm_lua_rewrite_error(L, path, a->source, a->len, "scenario", err, errlen);
        return -1;
    }
    b->source = a->source, b->source_len = a->len;   /* for the messages of its errors, */
    rc = protected_call(b, 0, 0, LOAD_BUDGET, path, err, errlen);   /* until load_scenario ends */
    lua_getfield(L, prelude, "restart_unit");
    if (lua_type(L, -1) == LUA_TSTRING) {
        snprintf(restart, restartlen, "%s", lua_tostring(L, -1));
        return -1;
    }
    lua_pop(L, 1);
    if (rc < 0)
        return -1;
    if (compile_all(b, prelude, sc, opt->keep_failed_variants, err, errlen) < 0)
        return -1;
    if (rm_metric_fns_load(L, prelude, sc, opt->targets, opt->ntargets, &b->metric_fns, err, errlen) < 0)
        return -1;
    if (opt->prefer && rm_preferences_load(sc, opt->prefer, err, errlen) < 0)
        return -1;
    lua_settop(L, 0);
    /* what the hooks will need, made here where a memory error is caught */
    push_proxy(L, item_index, "remous.item");
    lua_setfield(L, LUA_REGISTRYINDEX, "remous.item");
    push_proxy(L, attrs_index, "remous.attributes_of_item");
    lua_setfield(L, LUA_REGISTRYINDEX, "remous.attributes");
    return 0;
}

int rm_parse_length(const char *text, double unit_seconds, double *out) {
    static const struct { const char *suffix; double seconds; } units[] = {
        {"", 0}, {"s", 1}, {"min", 60}, {"h", 3600}, {"d", 86400}, {"w", 604800}};
    char *end;
    double v = strtod(text, &end);
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(end, units[i].suffix) == 0 && end != text && v > 0 && isfinite(v)) {
            *out = units[i].seconds ? v * units[i].seconds / unit_seconds : v;
            return 0;
        }
    return -1;
}

/* The time series' period: "1w", "8h", "30min", "2d", "90s" or a number in
 * the scenario's unit; by default a week, or a day for a horizon under two
 * weeks. */
static int parse_period(const char *text, const rm_model *m, double *period, char *err, size_t errlen) {
    double week = 604800 / m->unit_seconds, day = 86400 / m->unit_seconds;
    if (!text) {
        *period = m->horizon < 2 * week ? day : week;
        return 0;
    }
    if (rm_parse_length(text, m->unit_seconds, period) == 0) {
        if (*period * 100000 < m->horizon) {
            snprintf(err, errlen, rm_word(rm_message_lang(), "binding.period_many"), text);
            return -1;
        }
        return 0;
    }
    snprintf(err, errlen, rm_word(rm_message_lang(), "binding.period"), text);
    return -1;
}

const char *rm_variant_error(const remous_scenario *sc, int v, const char *lang) {
    if (!sc->errors || !sc->errors[v])
        return NULL;
    for (int i = 0; sc->errors_in && i < rm_lang_count(); i++)
        if (lang && strcmp(rm_lang_code(i), lang) == 0 && sc->errors_in[v * rm_lang_count() + i])
            return sc->errors_in[v * rm_lang_count() + i];
    return sc->errors[v];
}

remous_scenario *remous_open(const char *path, const remous_options *opt, char *err, size_t errlen) {
    const char *said_before = rm_message_lang();   /* put back at the end */
    remous_scenario *sc = calloc(1, sizeof *sc);
    binding *b = calloc(1, sizeof *b);
    if (!sc || !b || !(sc->path = strdup(path)) || !(b->dir = dir_of(path))) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    b->mem_limit = MEMORY_CAP;
    b->load_seconds = rm_time_limit("LOAD");
    b->hook_seconds = rm_time_limit("HOOK");
    b->path = sc->path;
    b->unsafe = opt->unsafe;
    b->scripts_dir = find_scripts_dir();
    b->seed = opt->seed;
    b->inputs = &sc->inputs;
    b->lang = sc->lang = opt->lang && rm_lang_known(opt->lang) ? opt->lang : "en";
    char unit[16] = "", restart[16] = "";
    int loaded = -1;
    rm_message_lang_set(b->lang);                 /* dist.c, calendar.c... speak it */
    rm_watchdog(path, "loading", b->load_seconds);
    for (int pass = 0; pass < 2 && loaded < 0; pass++) {
        if (pass > 0) {                         /* again, in the declared unit */
            lua_close(b->L);
            b->L = NULL;
            rm_metric_fns_free(b->metric_fns);
            b->metric_fns = NULL;
            forget_hooks(b);
            rm_inputs_clear(&sc->inputs);
            snprintf(unit, sizeof unit, "%s", restart);
            restart[0] = '\0';
        }
        rm_rng_stream(&b->load_random, opt->seed, 0, "lua/math.random (load)");
        b->random = &b->load_random;
        loaded = load_scenario(b, sc, path, opt, unit[0] ? unit : NULL, restart, sizeof restart, err, errlen);
        if (loaded < 0 && !restart[0])
            break;
    }
    rm_watchdog(path, "loading", 0);
    if (loaded < 0)
        goto fail;
    sc->binding = b;
    b->model = sc->models[0];
    sc->seed = opt->seed;
    sc->jobs = opt->jobs > 0 ? opt->jobs : 1;
    sc->show_progress = opt->progress;
    sc->replications = opt->replications > 0 ? opt->replications : sc->models[0]->replications;
    if (parse_period(opt->period, sc->models[0], &sc->period, err, errlen) < 0)
        goto fail;
    if (rm_parse_thresholds(opt->min_change, &sc->min_change, err, errlen) < 0)
        goto fail;

    /* The stack the hooks run on: 1 hooks, 2 item proxy, 3 step index, 4
     * the step names the `next` hooks last returned (existing values only:
     * nothing here allocates). */
    lua_State *L = b->L;
    lua_settop(L, 0);
    lua_getfield(L, LUA_REGISTRYINDEX, "remous.hooks");
    lua_getfield(L, LUA_REGISTRYINDEX, "remous.item");
    lua_getfield(L, LUA_REGISTRYINDEX, "remous.steps");
    lua_rawgeti(L, -1, 1);                      /* the baseline's, until a run says */
    lua_remove(L, -2);
    lua_getfield(L, LUA_REGISTRYINDEX, "remous.names_seen");
    b->models = (const rm_model *const *)sc->models;
    b->nmodels = sc->nmodels;
    sc->hooks.ctx = b;
    sc->hooks.number = hook_number;
    sc->hooks.step = hook_step;
    sc->hooks.replication = hook_replication;
    sc->hooks.protect = hook_protect;
    sc->hooks.derive = b->metric_fns ? hook_derive : NULL;
    rm_message_lang_set(said_before);
    return sc;
fail:
    rm_message_lang_set(said_before);
    binding_free(b);
    if (sc)
        sc->binding = NULL;
    remous_close(sc);
    return NULL;
}

void remous_close(remous_scenario *sc) {
    if (!sc)
        return;
    for (int v = 0; v < sc->nmodels; v++) {
        rm_model_free(sc->models[v]);
        free(sc->variants[v]);
        if (sc->errors)
            free(sc->errors[v]);
        for (int i = 0; sc->errors_in && i < rm_lang_count(); i++)
            free(sc->errors_in[v * rm_lang_count() + i]);
    }
    rm_targets_free(sc->targets, sc->ntargets);
    rm_preferences_free(sc->prefers, sc->nprefers);
    free(sc->errors);
    free(sc->errors_in);
    free(sc->signatures);
    free(sc->models);
    free(sc->variants);
    binding_free(sc->binding);
    rm_inputs_clear(&sc->inputs);
    free(sc->path);
    free(sc);
}
