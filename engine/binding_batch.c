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
#include "results.h"

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

static void read_call(lua_State *L, call *c) {
    batch *b = batch_of(L);
    const char *path = luaL_checkstring(L, 1);
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
    c->opt.nsets = 0;
    if (lua_isnoneornil(L, 2))
        return;
    luaL_checktype(L, 2, LUA_TTABLE);
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
    read_call(L, &c);
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
    read_call(L, &c);
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
    "local run, pairs, ipairs, sort, type, pcall, error = run, pairs, ipairs, table.sort, type, pcall, error\n"
    "local function points_of(path, options)\n"
    "  if type(options) ~= 'table' or type(options.grid) ~= 'table' then\n"
    "    error('sweep needs grid = { name = { value, ... } }', 0)\n"
    "  end\n"
    "  local grid, names = options.grid, {}\n"
    "  for name, list in pairs(grid) do\n"
    "    if type(name) ~= 'string' or type(list) ~= 'table' or #list == 0 then\n"
    "      error(('sweep: grid.%s must be a list of values, e.g. { 1, 2, 3 }'):format(tostring(name)), 0)\n"
    "    end\n"
    "    names[#names + 1] = name\n"
    "  end\n"
    "  sort(names)\n"
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

int remous_batch(const char *script, const remous_options *opt, char *err, size_t errlen) {
    batch b;
    memset(&b, 0, sizeof b);
    b.base = *opt;
    b.script = script;
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
                                   {"pcall", l_pcall}, {"xpcall", l_xpcall}, {NULL, NULL}};
    lua_pushglobaltable(L);
    luaL_setfuncs(L, fns, 0);
    lua_pop(L, 1);
    if (luaL_loadbufferx(L, sweep_lua, strlen(sweep_lua), "=sweep", "t") != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK) {
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
    lua_close(L);
    rm_watchdog(script, "the batch script", 0);
    return rc;
}
