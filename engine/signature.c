/* The signature of a compiled model: a 64-bit hash (FNV-1a) of the Lua
 * table the prelude compiles, walked in a canonical order (keys sorted,
 * shared tables as references), its hooks by where they are defined and
 * by the values they capture. Two loads whose models have the same
 * signature simulate the same thing: a sweep uses it to see that a grid
 * parameter never reaches the swept variant (grid.c). The top level's
 * `params` (every param's value, read or not) is left out. Where the walk
 * cannot tell (a userdata, a table key, a table with nothing in it but a
 * metatable, a structure deeper than 100), the signature is 0: unknown. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "binding.h"

typedef struct walk {
    lua_State *L;
    uint64_t h;
    int certain;
    int seen;                 /* stack index of the table of tables and functions met: their number */
    lua_Integer met;
} walk;

static void mix(walk *w, const void *data, size_t len) {
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        w->h ^= p[i];
        w->h *= 1099511628211ULL;
    }
}

static void mix_tag(walk *w, char tag) {
    mix(w, &tag, 1);
}

/* A key of a table, as sorted: booleans, then numbers, then strings. */
typedef struct key {
    int type;
    lua_Integer i;
    lua_Number n;
    int integer;
    const char *s;
    size_t len;
} key;

static int by_key(const void *a, const void *b) {
    const key *x = a, *y = b;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    if (x->type == LUA_TSTRING) {
        size_t len = x->len < y->len ? x->len : y->len;
        int c = memcmp(x->s, y->s, len);
        return c ? c : x->len < y->len ? -1 : x->len > y->len;
    }
    if (x->type == LUA_TNUMBER) {
        lua_Number p = x->integer ? (lua_Number)x->i : x->n, q = y->integer ? (lua_Number)y->i : y->n;
        return p < q ? -1 : p > q;
    }
    return x->i < y->i ? -1 : x->i > y->i;
}

static void push_key(lua_State *L, const key *k) {
    if (k->type == LUA_TSTRING)
        lua_pushlstring(L, k->s, k->len);
    else if (k->type == LUA_TBOOLEAN)
        lua_pushboolean(L, (int)k->i);
    else if (k->integer)
        lua_pushinteger(L, k->i);
    else
        lua_pushnumber(L, k->n);
}

static void mix_key(walk *w, const key *k) {
    mix_tag(w, (char)('a' + k->type));
    if (k->type == LUA_TSTRING) {
        mix(w, &k->len, sizeof k->len);
        mix(w, k->s, k->len);
    } else if (k->integer || k->type == LUA_TBOOLEAN) {
        mix(w, &k->i, sizeof k->i);
    } else {
        mix(w, &k->n, sizeof k->n);
    }
}

static void value(walk *w, int idx, int depth, int top);

/* Whether the table or function at idx was met: mixes its number if so;
 * else numbers it. */
static int met_before(walk *w, int idx) {
    lua_State *L = w->L;
    lua_pushvalue(L, idx);
    if (lua_rawget(L, w->seen) == LUA_TNUMBER) {
        lua_Integer n = lua_tointeger(L, -1);
        lua_pop(L, 1);
        mix_tag(w, 'r');
        mix(w, &n, sizeof n);
        return 1;
    }
    lua_pop(L, 1);
    lua_pushvalue(L, idx);
    lua_pushinteger(L, ++w->met);
    lua_rawset(L, w->seen);
    return 0;
}

/* The data of a sealed value: the prelude keeps it in its table
 * `private`, the upvalue of the metatable's __tostring. Pushes it and
 * returns 1, or returns 0 (the stack as it was) when it is not found. */
static int sealed_data(lua_State *L, int idx, int meta) {
    int top = lua_gettop(L);
    if (lua_getfield(L, meta, "__tostring") != LUA_TFUNCTION || lua_iscfunction(L, -1)) {
        lua_settop(L, top);
        return 0;
    }
    int f = lua_gettop(L);
    for (int i = 1; ; i++) {
        const char *name = lua_getupvalue(L, f, i);
        if (!name)
            break;
        if (strcmp(name, "private") == 0 && lua_type(L, -1) == LUA_TTABLE) {
            lua_pushvalue(L, idx);
            if (lua_rawget(L, -2) == LUA_TTABLE) {
                lua_replace(L, top + 1);
                lua_settop(L, top + 1);
                return 1;
            }
        }
        lua_settop(L, f);
    }
    lua_settop(L, top);
    return 0;
}

static void table(walk *w, int idx, int depth, int top) {
    lua_State *L = w->L;
    if (met_before(w, idx))
        return;
    mix_tag(w, 't');
    size_t n = 0, cap = 16;
    key *keys = malloc(cap * sizeof *keys);
    if (!keys) {
        w->certain = 0;
        return;
    }
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);                           /* the value: read again in order */
        int t = lua_type(L, -1);
        key k = {t, 0, 0, 0, NULL, 0};
        if (t == LUA_TSTRING) {
            k.s = lua_tolstring(L, -1, &k.len);  /* a string key: no conversion, next stays right */
            if (top && k.len == 6 && memcmp(k.s, "params", 6) == 0)
                continue;
        } else if (t == LUA_TNUMBER) {
            k.integer = lua_isinteger(L, -1);
            if (k.integer)
                k.i = lua_tointeger(L, -1);
            else
                k.n = lua_tonumber(L, -1);
        } else if (t == LUA_TBOOLEAN) {
            k.i = lua_toboolean(L, -1);
        } else {
            w->certain = 0;                      /* a table or function as a key: no order to rely on */
            continue;
        }
        if (n == cap) {
            key *more = realloc(keys, 2 * cap * sizeof *keys);
            if (!more) {
                w->certain = 0;
                lua_pop(L, 1);
                break;
            }
            keys = more;
            cap *= 2;
        }
        keys[n++] = k;                           /* string keys stay alive in the table */
    }
    if (n == 0 && lua_getmetatable(L, idx)) {    /* a sealed value (a distribution, rest) */
        int meta = lua_gettop(L);
        if (sealed_data(L, idx, meta)) {
            mix_tag(w, 'o');
            value(w, lua_gettop(L), depth + 1, 0);
        } else {
            w->certain = 0;
        }
        lua_settop(L, meta - 1);
    }
    qsort(keys, n, sizeof *keys, by_key);
    for (size_t i = 0; i < n && w->certain; i++) {
        mix_key(w, &keys[i]);
        push_key(L, &keys[i]);
        lua_rawget(L, idx);
        value(w, lua_gettop(L), depth + 1, 0);
        lua_pop(L, 1);
    }
    free(keys);
}

static void function(walk *w, int idx, int depth) {
    lua_State *L = w->L;
    if (lua_iscfunction(L, idx)) {
        lua_CFunction f = lua_tocfunction(L, idx);
        mix_tag(w, 'c');
        mix(w, &f, sizeof f);
        return;
    }
    if (met_before(w, idx))
        return;
    lua_Debug ar;
    lua_pushvalue(L, idx);
    lua_getinfo(L, ">S", &ar);
    mix_tag(w, 'f');
    mix(w, ar.source, strlen(ar.source));
    mix(w, &ar.linedefined, sizeof ar.linedefined);
    mix(w, &ar.lastlinedefined, sizeof ar.lastlinedefined);
    if (strcmp(ar.source, "=prelude") == 0)
        return;                                  /* the language's own words: the same in every load */
    for (int i = 1; w->certain; i++) {           /* what the hook captured: a param's value, say */
        const char *name = lua_getupvalue(L, idx, i);
        if (!name)
            break;
        mix(w, name, strlen(name) + 1);
        value(w, lua_gettop(L), depth + 1, 0);
        lua_pop(L, 1);
    }
}

static void value(walk *w, int idx, int depth, int top) {
    lua_State *L = w->L;
    if (depth > 100 || !lua_checkstack(L, 8)) {
        w->certain = 0;
        return;
    }
    int t = lua_type(L, idx);
    switch (t) {
    case LUA_TNIL:
        mix_tag(w, 'n');
        break;
    case LUA_TBOOLEAN:
        mix_tag(w, lua_toboolean(L, idx) ? 'T' : 'F');
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            lua_Integer i = lua_tointeger(L, idx);
            mix_tag(w, 'i');
            mix(w, &i, sizeof i);
        } else {
            lua_Number x = lua_tonumber(L, idx);
            mix_tag(w, 'd');
            mix(w, &x, sizeof x);
        }
        break;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        mix_tag(w, 's');
        mix(w, &len, sizeof len);
        mix(w, s, len);
        break;
    }
    case LUA_TTABLE:
        table(w, idx, depth, top);
        break;
    case LUA_TFUNCTION:
        function(w, idx, depth);
        break;
    default:
        w->certain = 0;
    }
}

uint64_t rm_lua_signature(struct lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_newtable(L);
    walk w = {L, 14695981039346656037ULL, 1, lua_gettop(L), 0};
    value(&w, idx, 0, 1);
    lua_pop(L, 1);
    if (!w.certain)
        return 0;
    return w.h ? w.h : 1;
}
