/* The Lua binding, second half: `remous batch SCRIPT.lua`. A consultant's
 * script, in the same sandbox as scenarios (with a larger instruction
 * budget), calls run(), compare() and sweep() and reads their results as
 * Lua tables, to write its own search. Each call loads its scenario in a
 * Lua state of its own, as the command line does. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "binding.h"
#include "csv_out.h"
#include "lua_errors.h"
#include "results.h"
#include "stats.h"

#define BATCH_BUDGET 20000000000LL        /* Lua instructions of the script itself */
#define BATCH_MEMORY_CAP ((size_t)512 << 20) /* bytes the script's Lua state may hold */

typedef struct batch {
    char dir[4096];           /* the script's folder: scenario paths are relative to it */
    remous_options base;      /* --seed, --jobs, ... from the command line */
    long long instructions;
    size_t mem_used;
    int stopped;              /* budget or memory cap hit: pcall passes it on */
    int mem_exceeded;
    unsigned seconds;         /* rm_time_limit("LOAD"): the script's own Lua, */
    double deadline;          /* from its start or the end of its last run or compare */
    int timed_out;
    const char *script;       /* its path, for the messages */
    const char *out;          /* --out: the folder write_csv writes into, or NULL */
    unsigned char set_read[256];   /* per --set, whether arg() asked for it */
} batch;

static batch *batch_of(lua_State *L) {
    return *(batch **)lua_getextraspace(L);
}

/* The same memory cap as scenarios have, larger: results pile up. */
static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    batch *b = ud;
    if (ptr == NULL)
        osize = 0;
    if (nsize == 0) {
        free(ptr);
        b->mem_used -= osize;
        return NULL;
    }
    if (nsize > osize && b->mem_used + (nsize - osize) > BATCH_MEMORY_CAP) {
        b->mem_exceeded = b->stopped = 1;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p)
        b->mem_used = b->mem_used - osize + nsize;
    return p;
}

static void count_hook(lua_State *L, lua_Debug *ar) {
    batch *b = batch_of(L);
    b->instructions += 10000;
    if (!b->stopped && rm_monotonic_seconds() > b->deadline)
        b->stopped = b->timed_out = 1;
    if (b->instructions > BATCH_BUDGET || b->stopped) {
        b->stopped = 1;
        /* the running function is at level 0 here (luaL_error would look at 1) */
        if (lua_getstack(L, 0, ar) && lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
            lua_pushfstring(L, "%s:%d: ", ar->source[0] == '@' ? ar->source + 1 : ar->short_src,
                            ar->currentline);
        else
            lua_pushfstring(L, "%s: ", b->script);
        if (b->timed_out)
            lua_pushfstring(L, "stopped after %d s of Lua: an endless loop, or one far too slow?", (int)b->seconds);
        else
            lua_pushfstring(L, "stopped after %d billion Lua instructions: an endless loop?",
                            (int)(BATCH_BUDGET / 1000000000));
        lua_concat(L, 2);
        lua_error(L);
    }
}

/* pcall and xpcall that cannot swallow the budget's or the memory cap's
 * stop: once stopped, the error goes on up to the command line. */
static int l_pcall(lua_State *L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    if (lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0) == LUA_OK)
        return lua_gettop(L);
    if (batch_of(L)->stopped)
        return lua_error(L);
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);
    return 2;
}

/* The message handler, skipped once stopped: Lua would call it again for
 * the stop raised inside it, without end. */
static int guarded_handler(lua_State *L) {
    if (batch_of(L)->stopped)
        return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int l_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);                     /* f, handler, true, f, args... */
    if (lua_pcall(L, n - 2, LUA_MULTRET, 2) == LUA_OK)
        return lua_gettop(L) - 2;
    if (batch_of(L)->stopped)
        return lua_error(L);
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);
    return 2;
}

/* The options of a call: { reps =, seed =, variant =, set = { name = value } }. */
typedef struct call {
    remous_options opt;
    char variant[256];
    char text[256][2][256];                 /* the set names and values, copied */
    const char *names[256], *values[256];
    const char *origins[256];               /* "batch": for messages that name where a value came from */
    char path[4300];
} call;

/* Whether a batch may open the scenario at path: inside the script's folder
 * or remous's own scenarios/ (links followed), unless --unsafe. A path that
 * does not exist is left to remous_open's "cannot open". */
static int allowed_scenario(const batch *b, const char *path) {
    if (b->base.unsafe || rm_path_inside(path, b->dir) != 0)
        return 1;
    char *library = rm_scenarios_dir();
    int in = library && rm_path_inside(path, library) == 1;
    free(library);
    return in;
}

/* The options table at idx holds only the names given (sorted, for the
 * messages); raises "what: unknown option "rep" (did you mean "reps"?)"
 * otherwise, without a position: the caller adds the script's line. */
static int check_options(lua_State *L) {
    const char *what = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    const char *known[16];
    int n = 0;
    for (int i = 3; i <= lua_gettop(L) && n < 16; i++)
        known[n++] = luaL_checkstring(L, i);
    const char *first = NULL;                        /* the first unknown, in byte order */
    lua_pushnil(L);
    while (lua_next(L, 2)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            return luaL_error(L, "%s: the options are name = value, e.g. { reps = 20 }", what);
        const char *name = lua_tostring(L, -1);
        int ok = 0;
        for (int i = 0; i < n; i++)
            ok |= strcmp(name, known[i]) == 0;
        if (!ok && (!first || strcmp(name, first) < 0))
            first = name;                            /* a key of the table: alive while it is */
    }
    if (!first)
        return 0;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_pushfstring(L, "%s: unknown option \"%s\"", what, first);
    luaL_addvalue(&b);
    const char *close = rm_lua_suggest(first, known, n);
    if (close) {
        lua_pushfstring(L, " (did you mean \"%s\"?)", close);
        luaL_addvalue(&b);
    } else {
        luaL_addstring(&b, strcmp(what, "compare") == 0 && strcmp(first, "variant") == 0
                               ? " (compare runs every variant; its options: " : " (its options: ");
        for (int i = 0; i < n; i++) {
            luaL_addstring(&b, i ? ", " : "");
            luaL_addstring(&b, known[i]);
        }
        luaL_addstring(&b, ")");
    }
    luaL_pushresult(&b);
    return lua_error(L);
}

/* check_options(what, options, known...) raised at the script's line. */
static void check_call_options(lua_State *L, const char *what, int idx, const char *const *known) {
    lua_pushcfunction(L, check_options);
    lua_pushstring(L, what);
    lua_pushvalue(L, idx);
    int n = 2;
    for (; *known; known++, n++)
        lua_pushstring(L, *known);
    if (lua_pcall(L, n, 0, 0) != LUA_OK) {
        luaL_where(L, 1);                            /* the script's line (level 0 is run or compare) */
        lua_insert(L, -2);
        lua_concat(L, 2);
        lua_error(L);
    }
}

static void read_call(lua_State *L, call *c, const char *what) {
    batch *b = batch_of(L);
    const char *path = rm_lua_check_text(L, 1, what);
    if (path[0] == '/')
        snprintf(c->path, sizeof c->path, "%s", path);
    else
        snprintf(c->path, sizeof c->path, "%s/%s", b->dir, path);
    if (!allowed_scenario(b, c->path))
        luaL_error(L, "%s: a batch script runs scenarios from its own folder or remous's scenarios/ only "
                      "(--unsafe lifts it)", path);
    c->opt = b->base;
    c->opt.progress = 0;
    c->variant[0] = '\0';
    c->opt.set_names = c->names;
    c->opt.set_values = c->values;
    c->opt.set_origins = c->origins;
    c->opt.nsets = 0;
    if (lua_isnoneornil(L, 2))
        return;
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const run_options[] = {"reps", "seed", "set", "variant", NULL};
    static const char *const compare_options[] = {"reps", "seed", "set", NULL};
    check_call_options(L, what, 2, strcmp(what, "compare") == 0 ? compare_options : run_options);
    if (lua_getfield(L, 2, "reps") != LUA_TNIL) {
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > 10000000)
            luaL_error(L, "reps: expected a whole number from 1 to 10000000, got %s", luaL_tolstring(L, -1, NULL));
        c->opt.replications = (int)lua_tointeger(L, -1);
    }
    if (lua_getfield(L, 2, "seed") != LUA_TNIL) {
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0)
            luaL_error(L, "seed: expected a whole number >= 0, got %s", luaL_tolstring(L, -1, NULL));
        c->opt.seed = (uint64_t)lua_tointeger(L, -1);
    }
    if (lua_getfield(L, 2, "variant") != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "variant: expected a variant's name, got %s", luaL_tolstring(L, -1, NULL));
        snprintf(c->variant, sizeof c->variant, "%s", lua_tostring(L, -1));
    }
    lua_pop(L, 3);
    int t = lua_getfield(L, 2, "set");
    if (t != LUA_TNIL && t != LUA_TTABLE)
        luaL_error(L, "set: expected a table such as { booksellers = 3 }");
    if (t == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            int top = lua_gettop(L);                 /* ... set, key, value */
            if (lua_type(L, -2) != LUA_TSTRING)     /* (never convert the key: next needs it as it is) */
                luaL_error(L, "set: the names must be strings, as in { booksellers = 3 }");
            if (c->opt.nsets == 256)
                luaL_error(L, "set: at most 256 values");
            int k = c->opt.nsets++;
            snprintf(c->text[k][0], sizeof c->text[k][0], "%s", lua_tostring(L, -2));
            if (lua_isinteger(L, -1))               /* whole numbers as such, not 9.007e+15 */
                snprintf(c->text[k][1], sizeof c->text[k][1], "%lld", (long long)lua_tointeger(L, -1));
            else if (lua_type(L, -1) == LUA_TNUMBER) {   /* the shortest that reads back the same */
                double v = lua_tonumber(L, -1);
                snprintf(c->text[k][1], sizeof c->text[k][1], "%.15g", v);
                if (strtod(c->text[k][1], NULL) != v)
                    snprintf(c->text[k][1], sizeof c->text[k][1], "%.17g", v);
            }
            else
                snprintf(c->text[k][1], sizeof c->text[k][1], "%s", luaL_tolstring(L, -1, NULL));
            c->names[k] = c->text[k][0];
            c->values[k] = c->text[k][1];
            c->origins[k] = "batch";
            lua_settop(L, top - 1);                  /* the key, for lua_next */
        }
    }
    lua_pop(L, 1);
}

/* results[element][name][metric] = { mean, low, high, sd, n, values = {...} } */
static void push_results(lua_State *L, const remous_results *res) {
    lua_newtable(L);
    lua_pushstring(L, res->variant);
    lua_setfield(L, -2, "variant");
    lua_pushinteger(L, res->reps);
    lua_setfield(L, -2, "replications");
    for (int i = 0; i < res->cat.n; i++) {
        const rm_metric *e = &res->cat.m[i];
        if (res->n[i] == 0)
            continue;
        const char *path[2] = {rm_element_name(e->element), e->name};
        lua_pushvalue(L, -1);
        for (int k = 0; k < 2; k++) {          /* descend, making the levels */
            if (lua_getfield(L, -1, path[k]) != LUA_TTABLE) {
                lua_pop(L, 1);
                lua_newtable(L);
                lua_pushvalue(L, -1);
                lua_setfield(L, -3, path[k]);
            }
            lua_remove(L, -2);
        }
        lua_newtable(L);
        lua_pushnumber(L, res->mean[i]);
        lua_setfield(L, -2, "mean");
        if (!isnan(res->lo[i])) {
            lua_pushnumber(L, res->lo[i]);
            lua_setfield(L, -2, "low");
            lua_pushnumber(L, res->hi[i]);
            lua_setfield(L, -2, "high");
            lua_pushnumber(L, res->sd[i]);
            lua_setfield(L, -2, "sd");
        }
        lua_pushinteger(L, res->n[i]);
        lua_setfield(L, -2, "n");
        lua_newtable(L);                         /* one value per replication that had one */
        int k = 0;
        for (int r = 0; r < res->reps; r++) {
            double v = res->values[(size_t)r * (size_t)res->cat.n + (size_t)i];
            if (!isnan(v)) {
                lua_pushnumber(L, v);
                lua_rawseti(L, -2, ++k);
            }
        }
        lua_setfield(L, -2, "values");
        lua_setfield(L, -2, e->metric);
        lua_pop(L, 1);
    }
}

/* The time in run and compare is the scenario's, not the script's. */
static void restart_clock(lua_State *L) {
    batch *b = batch_of(L);
    b->deadline = rm_monotonic_seconds() + b->seconds;
    rm_watchdog(b->script, "the batch script", b->seconds);
}

/* Loads the scenario of a call; raises the error as the script's. */
static remous_scenario *open_call(lua_State *L, call *c) {
    char err[1024];
    remous_scenario *sc = remous_open(c->path, &c->opt, err, sizeof err);
    if (!sc) {                                   /* (the run, when loaded, is not the script's) */
        restart_clock(L);
        luaL_error(L, "%s", err);
    }
    return sc;
}

/* run(path, options) -> results */
static int l_run(lua_State *L) {
    call c;
    read_call(L, &c, "run");
    remous_scenario *sc = open_call(L, &c);
    remous_results *res = NULL;
    char err[1024];
    int rc = remous_run_variant(sc, c.variant[0] ? c.variant : "baseline", &res, err, sizeof err);
    restart_clock(L);
    if (rc != REMOUS_OK) {
        remous_close(sc);
        return luaL_error(L, "%s", err);
    }
    push_results(L, res);
    remous_results_free(res);
    remous_close(sc);
    return 1;
}

/* compare(path, options) -> { baseline = results, [variant] = { results =, delta = ... } } */
static int l_compare(lua_State *L) {
    call c;
    read_call(L, &c, "compare");
    remous_scenario *sc = open_call(L, &c);
    remous_comparison *cmp = NULL;
    char err[1024];
    int rc = remous_compare(sc, &cmp, err, sizeof err);
    restart_clock(L);
    if (rc != REMOUS_OK) {
        remous_close(sc);
        return luaL_error(L, "%s", err);
    }
    lua_newtable(L);
    push_results(L, cmp->results[0]);
    lua_setfield(L, -2, "baseline");
    for (int v = 1; v < cmp->n; v++) {
        lua_newtable(L);
        push_results(L, cmp->results[v]);
        lua_setfield(L, -2, "results");
        lua_newtable(L);                         /* delta[element][name][metric] */
        for (int k = 0; k < cmp->nrows; k++) {
            const rm_delta *d = &cmp->rows[k];
            if (d->variant != cmp->results[v]->variant)
                continue;
            const char *path[2] = {d->element, d->name};
            lua_pushvalue(L, -1);
            for (int j = 0; j < 2; j++) {
                if (lua_getfield(L, -1, path[j]) != LUA_TTABLE) {
                    lua_pop(L, 1);
                    lua_newtable(L);
                    lua_pushvalue(L, -1);
                    lua_setfield(L, -3, path[j]);
                }
                lua_remove(L, -2);
            }
            lua_newtable(L);
            lua_pushnumber(L, d->delta);
            lua_setfield(L, -2, "delta");
            lua_pushnumber(L, d->delta - d->half);
            lua_setfield(L, -2, "low");
            lua_pushnumber(L, d->delta + d->half);
            lua_setfield(L, -2, "high");
            if (!isnan(d->relative)) {
                lua_pushnumber(L, d->relative);
                lua_setfield(L, -2, "relative");
            }
            lua_pushboolean(L, d->significant);
            lua_setfield(L, -2, "significant");
            lua_pushboolean(L, d->listed);           /* what the digest says */
            lua_setfield(L, -2, "listed");
            lua_setfield(L, -2, d->metric);
            lua_pop(L, 1);
        }
        lua_setfield(L, -2, "delta");
        lua_setfield(L, -2, cmp->results[v]->variant);
    }
    remous_comparison_free(cmp);
    remous_close(sc);
    return 1;
}

/* sweep(path, { grid = { name = { v1, v2 } }, ... }) -> { { values =, results = }, ... },
 * in Lua on top of run(): the grid's names in alphabetical order, the
 * first varying slowest. */
static const char sweep_lua[] =
    "local check_options = ...\n"
    "local run, pairs, ipairs, sort, type, pcall, error = run, pairs, ipairs, table.sort, type, pcall, error\n"
    "local function points_of(path, options)\n"
    "  if type(options) ~= 'table' or type(options.grid) ~= 'table' then\n"
    "    error('sweep needs grid = { name = { value, ... } }', 0)\n"
    "  end\n"
    "  check_options('sweep', options, 'grid', 'reps', 'seed', 'set', 'variant')\n"
    "  local grid, names = options.grid, {}\n"
    "  for name, list in pairs(grid) do\n"
    "    if type(name) ~= 'string' or type(list) ~= 'table' or #list == 0 then\n"
    "      error(('sweep: grid.%s must be a list of values, e.g. { 1, 2, 3 }'):format(tostring(name)), 0)\n"
    "    end\n"
    "    names[#names + 1] = name\n"
    "  end\n"
    "  sort(names)\n"
    "  local count = 1\n"          /* as the command line's: refused before anything runs */
    "  for _, name in ipairs(names) do count = count * #grid[name] end\n"
    "  if count > 100000 then\n"
    "    error(('sweep: the grid has %.0f points, more than the 100000 a sweep may have'):format(count), 0)\n"
    "  end\n"
    "  local points, values = {}, {}\n"
    "  local function point(g)\n"
    "    if g > #names then\n"
    "      local opts, set, copy = {}, {}, {}\n"
    "      for k, v in pairs(options) do opts[k] = v end\n"
    "      for k, v in pairs(options.set or {}) do set[k] = v end\n"
    "      for k, v in pairs(values) do set[k], copy[k] = v, v end\n"
    "      opts.set, opts.grid = set, nil\n"
    "      points[#points + 1] = { values = copy, results = run(path, opts) }\n"
    "      return\n"
    "    end\n"
    "    for _, v in ipairs(grid[names[g]]) do values[names[g]] = v; point(g + 1) end\n"
    "  end\n"
    "  point(1)\n"
    "  return points\n"
    "end\n"
    "-- errors name the script's line that called sweep, not this library's\n"
    "function sweep(path, options)\n"
    "  local ok, result = pcall(points_of, path, options)\n"
    "  if not ok then error((tostring(result):gsub('^sweep:%d+: ', '')), 2) end\n"
    "  return result\n"
    "end\n";

/* arg(name, default): the value of --set NAME=VALUE, converted to the
 * default's type as param() does, or the default. */
static int l_arg(lua_State *L) {
    batch *b = batch_of(L);
    const char *name = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
    int t = lua_type(L, 2);
    if (!name || !*name || (t != LUA_TNUMBER && t != LUA_TSTRING && t != LUA_TBOOLEAN))
        return luaL_error(L, "arg needs a name and a default (a number, a string or a boolean), "
                             "e.g. arg(\"booksellers\", 2)");
    for (int i = 0; i < b->base.nsets; i++) {
        if (strcmp(b->base.set_names[i], name) != 0)
            continue;
        b->set_read[i] = 1;
        const char *text = b->base.set_values[i];
        if (t == LUA_TSTRING) {
            lua_pushstring(L, text);
        } else if (t == LUA_TBOOLEAN) {
            if (strcmp(text, "true") != 0 && strcmp(text, "false") != 0)
                return luaL_error(L, "--set %s: expected true or false, got \"%s\"", name, text);
            lua_pushboolean(L, strcmp(text, "true") == 0);
        } else if (!lua_stringtonumber(L, text) || !isfinite(lua_tonumber(L, -1))) {   /* 1e309 reads as inf */
            return luaL_error(L, "--set %s: expected a number, got \"%s\"", name, text);
        }
        return 1;
    }
    lua_settop(L, 2);
    return 1;
}

/* The numbers of the array at idx (every entry a number); raises naming
 * the first that is not. Returns them in a malloc'd block (*n of them). */
static double *numbers_of(lua_State *L, int idx, const char *what, lua_Integer *n) {
    luaL_checktype(L, idx, LUA_TTABLE);
    *n = (lua_Integer)lua_rawlen(L, idx);
    if (*n == 0)
        luaL_error(L, "%s: no values (give a list of numbers, e.g. r.queue.counter.wait_mean.values)", what);
    double *v = malloc((size_t)*n * sizeof *v);
    if (!v)
        luaL_error(L, "not enough memory");
    for (lua_Integer i = 1; i <= *n; i++) {
        lua_rawgeti(L, idx, i);
        if (lua_type(L, -1) != LUA_TNUMBER || isnan(lua_tonumber(L, -1))) {
            free(v);
            luaL_error(L, "%s: values[%I] is not a number (got %s)", what, (LUAI_UACINT)i, luaL_tolstring(L, -1, NULL));
        }
        v[i - 1] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    return v;
}

static void welford_of(lua_State *L, const char *what, rm_welford *w) {
    lua_Integer n;
    double *v = numbers_of(L, 1, what, &n);
    rm_welford_reset(w);
    for (lua_Integer i = 0; i < n; i++)
        rm_welford_add(w, v[i]);
    free(v);
}

/* stats.mean(values) */
static int l_stats_mean(lua_State *L) {
    rm_welford w;
    welford_of(L, "stats.mean", &w);
    lua_pushnumber(L, w.mean);
    return 1;
}

/* stats.sd(values): the sample standard deviation (divisor n - 1); nil for one value. */
static int l_stats_sd(lua_State *L) {
    rm_welford w;
    welford_of(L, "stats.sd", &w);
    if (w.n < 2)
        lua_pushnil(L);
    else
        lua_pushnumber(L, sqrt(rm_welford_var(&w)));
    return 1;
}

/* stats.interval(values) -> mean, low, high: the 95% interval of the mean
 * (Student's t, as summary.csv has it); low and high nil for one value. */
static int l_stats_interval(lua_State *L) {
    rm_welford w;
    welford_of(L, "stats.interval", &w);
    double mean, half, sd;
    rm_interval(&w, &mean, &half, &sd);
    lua_pushnumber(L, mean);
    if (isnan(half)) {
        lua_pushnil(L);
        lua_pushnil(L);
    } else {
        lua_pushnumber(L, mean - half);
        lua_pushnumber(L, mean + half);
    }
    return 3;
}

/* stats.t_quantile(p, df): t with P(T <= t) = p, Student's t with df
 * degrees of freedom (0 < p < 1, df >= 1). */
static int l_stats_t_quantile(lua_State *L) {
    double p = luaL_checknumber(L, 1), df = luaL_checknumber(L, 2);
    if (!(p > 0 && p < 1))
        return luaL_error(L, "stats.t_quantile: p must be between 0 and 1 (not included), got %s",
                          luaL_tolstring(L, 1, NULL));
    if (!(df >= 1) || isinf(df))
        return luaL_error(L, "stats.t_quantile: df (degrees of freedom) must be a number >= 1, got %s",
                          luaL_tolstring(L, 2, NULL));
    lua_pushnumber(L, p >= 0.5 ? rm_student_t(p, df) : -rm_student_t(1 - p, df));
    return 1;
}

/* One value of a row as a CSV field: whole numbers as such, others with
 * the digits that read back the same; nil an empty field. */
static int csv_cell(lua_State *L, int idx, rm_csv *o) {
    char buf[64];
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        rm_csv_field(o, "");
        return 0;
    case LUA_TBOOLEAN:
        rm_csv_field(o, lua_toboolean(L, idx) ? "true" : "false");
        return 0;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, idx));
        } else {
            double v = lua_tonumber(L, idx);
            snprintf(buf, sizeof buf, "%.15g", v);
            if (isnan(v))                            /* undefined: an empty field, as every CSV of remous */
                buf[0] = '\0';
            else if (strtod(buf, NULL) != v)
                snprintf(buf, sizeof buf, "%.17g", v);
        }
        rm_csv_field(o, buf);
        return 0;
    case LUA_TSTRING:
        rm_csv_field(o, lua_tostring(L, idx));
        return 0;
    default:
        return -1;
    }
}

/* Whether the table at idx is a list ({ 1, 2 }) rather than a record ({ a = 1 }). */
static int is_list(lua_State *L, int idx) {
    return lua_rawlen(L, idx) > 0;
}

static int compare_strings(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* write_csv(name, rows [, { columns = { ... } }]): rows as records (the
 * columns: the options' columns, else the first row's keys sorted) or as
 * lists (the columns given, else the first row is the header); into the
 * batch's --out folder, through a temporary file. Returns the path. */
static int l_write_csv(lua_State *L) {
    batch *b = batch_of(L);
    const char *name = rm_lua_check_text(L, 1, "write_csv");
    if (!b->out)
        return luaL_error(L, "write_csv: give the batch a folder for its files, e.g. remous batch %s --out results",
                          b->script);
    if (!*name || strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || name[0] == '.')
        return luaL_error(L, "write_csv: \"%s\": give a plain file name such as \"results.csv\" "
                             "(it goes into --out %s; no folder, no leading dot)", name, b->out);
    for (const char *p = name; *p; p++)
        if ((unsigned char)*p < ' ')
            return luaL_error(L, "write_csv: a file name cannot hold control characters");
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 3);
    lua_Integer nrows = (lua_Integer)lua_rawlen(L, 2);
    int columns = 0;                                  /* stack index of the columns' names */
    if (!lua_isnoneornil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        static const char *const known[] = {"columns", NULL};
        check_call_options(L, "write_csv", 3, known);
        if (lua_getfield(L, 3, "columns") != LUA_TNIL) {
            if (!lua_istable(L, -1) || lua_rawlen(L, -1) == 0)
                return luaL_error(L, "write_csv: columns must be a list of names, e.g. { \"booksellers\", \"wait\" }");
            columns = lua_gettop(L);
        } else {
            lua_pop(L, 1);
        }
    }
    for (lua_Integer r = 1; r <= nrows; r++)
        if (lua_rawgeti(L, 2, r) != LUA_TTABLE || (lua_pop(L, 1), 0))
            return luaL_error(L, "write_csv: row %I is not a table (rows are { a = 1, b = 2 } or { 1, 2 })",
                              (LUAI_UACINT)r);
    int lists = 0;
    lua_Integer first_row = 1;
    if (nrows > 0) {
        lua_rawgeti(L, 2, 1);
        lists = is_list(L, -1);
        lua_pop(L, 1);
    }
    if (!columns) {                                   /* the header, from the first row */
        if (nrows == 0)
            return luaL_error(L, "write_csv: no rows, and no columns = { ... } for the header");
        lua_newtable(L);
        columns = lua_gettop(L);
        lua_rawgeti(L, 2, 1);
        if (lists) {
            for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, -1); i++) {
                lua_rawgeti(L, -1, i);
                if (lua_type(L, -1) != LUA_TSTRING)
                    return luaL_error(L, "write_csv: rows given as lists: the first is the header, its names "
                                         "strings (or give { columns = { ... } })");
                lua_rawseti(L, columns, i);
            }
            first_row = 2;
        } else {
            size_t n = 0, cap = 16;
            const char **keys = malloc(cap * sizeof *keys);
            lua_pushnil(L);
            while (keys && lua_next(L, -2)) {
                lua_pop(L, 1);
                if (lua_type(L, -1) != LUA_TSTRING) {
                    free(keys);
                    return luaL_error(L, "write_csv: row 1 mixes names and positions: write { a = 1, b = 2 } "
                                         "or { 1, 2 }");
                }
                if (n == cap) {
                    const char **more = realloc(keys, 2 * cap * sizeof *keys);
                    if (!more) {
                        free(keys);
                        keys = NULL;
                        break;
                    }
                    keys = more;
                    cap *= 2;
                }
                keys[n++] = lua_tostring(L, -1);      /* keys of row 1: alive while it is */
            }
            if (!keys)
                return luaL_error(L, "not enough memory");
            qsort(keys, n, sizeof *keys, compare_strings);
            for (size_t i = 0; i < n; i++) {
                lua_pushstring(L, keys[i]);
                lua_rawseti(L, columns, (lua_Integer)i + 1);
            }
            free(keys);
        }
        lua_pop(L, 1);
    }
    lua_Integer ncols = (lua_Integer)lua_rawlen(L, columns);
    if (ncols == 0)
        return luaL_error(L, "write_csv: the first row has no values, so no columns: give { columns = { ... } }");
    lua_newtable(L);                                  /* name -> position, for the records' checks */
    int position = lua_gettop(L);
    for (lua_Integer c = 1; c <= ncols; c++) {
        if (lua_rawgeti(L, columns, c) != LUA_TSTRING)
            return luaL_error(L, "write_csv: columns[%I] is not a name", (LUAI_UACINT)c);
        lua_pushvalue(L, -1);
        if (lua_rawget(L, position) != LUA_TNIL)
            return luaL_error(L, "write_csv: the column \"%s\" is given twice", lua_tostring(L, -2));
        lua_pop(L, 1);
        lua_pushinteger(L, c);
        lua_rawset(L, position);
    }
    /* every row checked before the file is opened: a bad one writes nothing */
    for (lua_Integer r = first_row; r <= nrows; r++) {
        lua_rawgeti(L, 2, r);
        int row = lua_gettop(L);
        if (is_list(L, row) != lists || (lists && (lua_Integer)lua_rawlen(L, row) > ncols))
            return luaL_error(L, lists ? "write_csv: row %I has more values than the %I columns, or names: "
                                         "write every row as a list"
                                       : "write_csv: row %I is a list: write every row as { name = value }",
                              (LUAI_UACINT)r, (LUAI_UACINT)ncols);
        lua_pushnil(L);
        while (lua_next(L, row)) {
            int t = lua_type(L, -1);
            if (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TUSERDATA || t == LUA_TTHREAD) {
                const char *type = lua_typename(L, t);
                return luaL_error(L, "write_csv: row %I, %s: a cell is a number, a string or a boolean, got a %s",
                                  (LUAI_UACINT)r, luaL_tolstring(L, -2, NULL), type);
            }
            lua_pop(L, 1);
            if (!lists) {
                lua_pushvalue(L, -1);
                if (lua_type(L, -1) != LUA_TSTRING || lua_rawget(L, position) == LUA_TNIL) {
                    const char *names[64];
                    int k = 0;
                    for (lua_Integer c = 1; c <= ncols && k < 64; c++, k++) {
                        lua_rawgeti(L, columns, c);
                        names[k] = lua_tostring(L, -1);   /* anchored in columns */
                        lua_pop(L, 1);
                    }
                    const char *key = luaL_tolstring(L, -2, NULL);
                    const char *close = rm_lua_suggest(key, names, k);
                    if (close)
                        return luaL_error(L, "write_csv: row %I has \"%s\", not a column (did you mean \"%s\"?)",
                                          (LUAI_UACINT)r, key, close);
                    luaL_Buffer list;
                    luaL_buffinit(L, &list);
                    for (int i = 0; i < k; i++) {
                        luaL_addstring(&list, i ? ", " : "");
                        luaL_addstring(&list, names[i]);
                    }
                    luaL_pushresult(&list);
                    return luaL_error(L, "write_csv: row %I has \"%s\", not a column (the columns%s: %s)",
                                      (LUAI_UACINT)r, key, lua_istable(L, 3) ? "" : ", from the first row",
                                      lua_tostring(L, -1));
                }
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
    }
    char err[1024];
    if (rm_make_dirs(b->out, err, sizeof err) < 0)
        return luaL_error(L, "write_csv: %s", err);
    rm_csv o;
    if (rm_csv_open(&o, b->out, name, err, sizeof err) < 0)
        return luaL_error(L, "write_csv: %s", err);
    for (lua_Integer c = 1; c <= ncols; c++) {
        lua_rawgeti(L, columns, c);
        rm_csv_field(&o, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    rm_csv_end_row(&o);
    for (lua_Integer r = first_row; r <= nrows; r++) {
        lua_rawgeti(L, 2, r);
        for (lua_Integer c = 1; c <= ncols; c++) {
            if (lists) {
                lua_rawgeti(L, -1, c);
            } else {
                lua_rawgeti(L, columns, c);
                lua_rawget(L, -2);
            }
            csv_cell(L, -1, &o);
            lua_pop(L, 1);
        }
        rm_csv_end_row(&o);
        lua_pop(L, 1);
    }
    if (rm_csv_close(&o, err, sizeof err) < 0)
        return luaL_error(L, "write_csv: %s", err);
    lua_pushfstring(L, "%s/%s", b->out, name);
    return 1;
}

static int l_print(lua_State *L) {
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        if (i > 1)
            fputc('\t', stdout);
        fwrite(s, 1, len, stdout);
        lua_pop(L, 1);
    }
    fputc('\n', stdout);
    fflush(stdout);
    return 0;
}

int remous_batch(const char *script, const remous_options *opt, const char *out, char *err, size_t errlen) {
    batch b;
    memset(&b, 0, sizeof b);
    b.base = *opt;
    b.script = script;
    b.out = out;
    const char *slash = strrchr(script, '/');
    if (slash)
        snprintf(b.dir, sizeof b.dir, "%.*s", (int)(slash - script), script);
    else
        snprintf(b.dir, sizeof b.dir, ".");
    lua_State *L = lua_newstate(limited_alloc, &b);
    if (!L) {
        snprintf(err, errlen, "out of memory");
        return REMOUS_ERR_RUN;
    }
    *(batch **)lua_getextraspace(L) = &b;
    rm_lua_open_safe(L);
    rm_lua_close_sandbox(L);
    static const luaL_Reg fns[] = {{"run", l_run}, {"compare", l_compare}, {"print", l_print},
                                   {"pcall", l_pcall}, {"xpcall", l_xpcall}, {"arg", l_arg},
                                   {"write_csv", l_write_csv}, {NULL, NULL}};
    static const luaL_Reg stats[] = {{"mean", l_stats_mean}, {"sd", l_stats_sd}, {"interval", l_stats_interval},
                                     {"t_quantile", l_stats_t_quantile}, {NULL, NULL}};
    lua_pushglobaltable(L);
    luaL_setfuncs(L, fns, 0);
    luaL_newlib(L, stats);
    lua_setfield(L, -2, "stats");
    lua_pop(L, 1);
    int loaded = luaL_loadbufferx(L, sweep_lua, strlen(sweep_lua), "=sweep", "t") == LUA_OK;
    if (loaded)
        lua_pushcfunction(L, check_options);
    if (!loaded || lua_pcall(L, 1, 0, 0) != LUA_OK) {
        snprintf(err, errlen, "internal error in the batch library: %s", lua_tostring(L, -1));
        lua_close(L);
        return REMOUS_ERR_RUN;
    }
    b.seconds = rm_time_limit("LOAD");
    b.deadline = rm_monotonic_seconds() + b.seconds;
    rm_watchdog(script, "the batch script", b.seconds);
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 10000);
    char chunk[4200];
    snprintf(chunk, sizeof chunk, "@%s", script);
    FILE *f = fopen(script, "rb");
    int rc = REMOUS_OK;
    if (!f) {
        snprintf(err, errlen, "cannot open %s", script);
        rc = REMOUS_ERR_INPUT;
    } else {
        static char text[1 << 20];
        size_t len = fread(text, 1, sizeof text, f);
        int whole = feof(f) && !ferror(f);
        size_t bom = rm_header_length(text, len);
        fclose(f);
        if (!whole) {
            snprintf(err, errlen, "%s: a batch script is at most %d KB; move data into CSV files", script,
                     (int)(sizeof text >> 10) - 1);
            rc = REMOUS_ERR_INPUT;
        } else if (rm_binary_text(text, len)) {
            snprintf(err, errlen, "%s: this is not a Lua script (it is a binary file)", script);
            rc = REMOUS_ERR_INPUT;
        } else if (luaL_loadbufferx(L, text + bom, len - bom, chunk, "t") != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK) {
            const char *msg = lua_tostring(L, -1);
            if (b.mem_exceeded)
                snprintf(err, errlen, "%s: the batch script used more than %zu MB of memory: a table growing without end?",
                         script, BATCH_MEMORY_CAP >> 20);
            else
                snprintf(err, errlen, "%s", msg ? msg : "the batch script raised an error without a message");
            for (char *p = err; *p; p++)
                if ((unsigned char)*p < ' ')
                    *p = ' ';
            if (msg && !b.mem_exceeded)             /* a missing comma, an unknown word: said plainly */
                rm_lua_rewrite_error(L, script, text, len, "batch", err, errlen);
            rc = REMOUS_ERR_INPUT;
        }
    }
    for (int i = 0; i < b.base.nsets && rc == REMOUS_OK; i++)
        if (!b.set_read[i]) {                   /* a typo, or an argument the script does not take */
            snprintf(err, errlen, "%s: --set %s: the script never asks for it with arg(\"%s\", default)", script,
                     b.base.set_names[i], b.base.set_names[i]);
            rc = REMOUS_ERR_INPUT;
        }
    lua_close(L);
    rm_watchdog(script, "the batch script", 0);
    return rc;
}
