/* The metrics a scenario declares, on the Lua side (the binding's third
 * part, with binding.c and binding_batch.c).
 *
 *     metric "advising_share_of_busy" {
 *       of = function(r) return r.role.bookseller.share_core / r.role.bookseller.utilization end }
 *
 * Each function is called once per replication, after it ran, with r, a
 * read-only view of that replication's metrics (r.ELEMENT.NAME.METRIC, as
 * summary.csv names them), and once per period of the time series with
 * that period's; its number becomes the metric's value (element "metric",
 * metric "value"), so that it has a mean, an interval, a paired comparison
 * and a time series like any other. A call is bounded as a hook's is (the
 * instruction budget, the wall clock, the worker's watchdog), and draws
 * math.random from a stream of its own.
 *
 * Reading r: an element, name or metric that no model of the scenario has
 * is an error naming what exists; one this run has no value for (a queue
 * nobody left, a role only a variant has, a quantile in a period) gives the
 * declared metric no value in this run either, as NaN does elsewhere; a
 * share of a kind the role does not have here is 0, as in compare.csv. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "binding.h"
#include "lua_errors.h"
#include "metrics.h"
#include "rng.h"
#include "scenario.h"
#include "targets.h"

typedef struct metric_fn {
    char *name;
    char *where;              /* "file:line" where its `of` was set */
    char *label;              /* "file:line: metric \"x\": of", for the watchdog */
    uint64_t key;             /* hash of its stream's name, "metric/NAME/of/lua" */
    rm_rng random;
} metric_fn;

struct rm_metric_fns {
    lua_State *L;
    metric_fn *fns;
    int n;
    int fns_ref, r_ref;       /* the functions (a list) and r, in the registry */
    const rm_model *const *models;
    int nmodels;
    rm_catalog *cats, *tcats; /* per model: the summary's and the time series' catalogs */
    struct lookup *looks, *tlooks;   /* and their lookups */
    /* the call under way */
    const struct lookup *look;
    const double *values;
    int limit;                /* entries from here on are not computed yet */
    int no_value;             /* r met a metric without a value: the result is NaN */
    int unknown;              /* r met a name no model has: the message is in `message` */
    const metric_fn *running;
    char message[2048];
};

/* What r is at each level: r, r.role, r.role.bookseller. */
typedef struct view {
    int level;                /* 0, 1, 2 */
    int element;              /* levels 1 and 2: an rm_element */
    char name[];              /* level 2: the element's name */
} view;

static char no_value_mark;   /* raised (as a light userdata) when r has no value to give */

static const char *plural[] = {"queues", "roles", "people", "activities", "arrivals", "tools", "scenario",
                               "metrics"};

/* ------------------------------------------------------------ lookups -- */

/* A catalog's entries by (element, name, metric) and by (element, name),
 * so that r costs the same whatever the number of people: open addressing,
 * slots hold an entry's index + 1 (0: empty). */
typedef struct lookup {
    const rm_catalog *cat;
    int *full, *names;        /* size slots each */
    size_t size;              /* a power of two, more than twice cat->n */
} lookup;

static uint64_t key_hash(int el, const char *name, const char *metric) {
    uint64_t h = 1469598103934665603u ^ (uint64_t)el;
    for (const char *s = name; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    h = (h ^ 0xff) * 1099511628211u;           /* between name and metric */
    for (const char *s = metric ? metric : ""; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h ^ (h >> 29);
}

static int same(const rm_metric *e, int el, const char *name, const char *metric) {
    return (int)e->element == el && strcmp(e->name, name) == 0 && (!metric || strcmp(e->metric, metric) == 0);
}

/* The slot of (el, name[, metric]) in table t: its entry's, or the empty
 * one where it would go. */
static size_t slot(const lookup *x, const int *t, int el, const char *name, const char *metric) {
    size_t mask = x->size - 1, i = (size_t)key_hash(el, name, metric) & mask;
    while (t[i] && !same(&x->cat->m[t[i] - 1], el, name, metric))
        i = (i + 1) & mask;
    return i;
}

static int lookup_build(lookup *x, const rm_catalog *cat) {
    x->cat = cat;
    x->size = 16;
    while (x->size < 2 * (size_t)cat->n + 2)
        x->size *= 2;
    x->full = calloc(x->size, sizeof *x->full);
    x->names = calloc(x->size, sizeof *x->names);
    if (!x->full || !x->names)
        return -1;
    for (int i = 0; i < cat->n; i++) {
        const rm_metric *e = &cat->m[i];
        size_t k = slot(x, x->full, (int)e->element, e->name, e->metric);
        if (!x->full[k])
            x->full[k] = i + 1;
        k = slot(x, x->names, (int)e->element, e->name, NULL);
        if (!x->names[k])                        /* the first of the element's entries */
            x->names[k] = i + 1;
    }
    return 0;
}

static void lookup_free(lookup *x) {
    free(x->full);
    free(x->names);
}

/* The index of (el, name, metric) in x's catalog (metric NULL: of any of
 * the element's entries), or -1. */
static int find(const lookup *x, int el, const char *name, const char *metric) {
    if (!x->size)
        return -1;
    const int *t = metric ? x->full : x->names;
    return t[slot(x, t, el, name, metric)] - 1;
}

/* Whether some model of the scenario has (el, name[, metric]). */
static int anywhere(const rm_metric_fns *f, int el, const char *name, const char *metric) {
    for (int v = 0; v < f->nmodels; v++)
        if (find(&f->looks[v], el, name, metric) >= 0)
            return 1;
    return 0;
}

static int is_identifier(const char *s) {
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

/* ".role" or "[\"bookseller#1\"]" appended to buf. */
static void path_part(char *buf, size_t len, const char *part) {
    size_t w = strlen(buf);
    if (w < len)
        snprintf(buf + w, len - w, is_identifier(part) ? ".%s" : "[\"%s\"]", part);
}

/* Raises the error of a name no model has (key, the last part of path):
 * "FILE:LINE: metric \"x\": PATH: WHY (did you mean ...? / WHAT: ...)". */
static int unknown(lua_State *L, rm_metric_fns *f, const char *path, const char *key, const char *why,
                   const char **words, int n, const char *what) {
    char hint[1024];
    const char *s = rm_lua_suggest(key, words, n);
    if (s) {
        snprintf(hint, sizeof hint, " (did you mean \"%s\"?)", s);
    } else {
        size_t w = (size_t)snprintf(hint, sizeof hint, " (%s: ", what);
        for (int i = 0; i < n && w < sizeof hint; i++)
            w += (size_t)snprintf(hint + w, sizeof hint - w, "%s%s", i ? ", " : "", words[i]);
        if (n == 0 && w < sizeof hint)
            w += (size_t)snprintf(hint + w, sizeof hint - w, "none");
        if (w < sizeof hint)
            snprintf(hint + w, sizeof hint - w, ")");
    }
    luaL_where(L, 1);
    snprintf(f->message, sizeof f->message, "%.300smetric \"%.200s\": %.300s: %.400s%.600s", lua_tostring(L, -1),
             f->running->name, path, why, hint);
    lua_pop(L, 1);
    f->unknown = 1;
    lua_pushstring(L, f->message);
    return lua_error(L);
}

static int no_value(lua_State *L, rm_metric_fns *f) {
    f->no_value = 1;
    lua_pushlightuserdata(L, &no_value_mark);
    return lua_error(L);
}

static view *push_view(lua_State *L, rm_metric_fns *f, int level, int element, const char *name) {
    size_t len = name ? strlen(name) : 0;
    view *v = lua_newuserdatauv(L, sizeof(view) + len + 1, 0);
    v->level = level;
    v->element = element;
    memcpy(v->name, name ? name : "", len + 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, f->r_ref);   /* r's metatable is every view's */
    lua_getmetatable(L, -1);
    lua_setmetatable(L, -3);
    lua_pop(L, 1);
    return v;
}

/* r[key], r.element[key], r.element.name[key]. */
static int view_index(lua_State *L) {
    rm_metric_fns *f = lua_touserdata(L, lua_upvalueindex(1));
    const view *v = lua_touserdata(L, 1);
    if (lua_type(L, 2) != LUA_TSTRING)
        return luaL_error(L, "r is read with names, e.g. r.role.bookseller.utilization (got a %s)",
                          luaL_typename(L, 2));
    const char *key = lua_tostring(L, 2);
    enum { MAX = 512 };
    const char *words[MAX];
    int n = 0;
    char path[1024] = "r";
    if (v->level == 0) {
        for (int el = 0; el <= RM_EL_METRIC; el++)
            if (strcmp(rm_element_name((rm_element)el), key) == 0) {
                push_view(L, f, 1, el, NULL);
                return 1;
            }
        for (int el = 0; el <= RM_EL_METRIC; el++)
            words[n++] = rm_element_name((rm_element)el);
        path_part(path, sizeof path, key);
        return unknown(L, f, path, key, "r has no such part", words, n, "its parts");
    }
    path_part(path, sizeof path, rm_element_name((rm_element)v->element));
    if (v->level == 1) {
        if (find(f->look, v->element, key, NULL) >= 0 || anywhere(f, v->element, key, NULL)) {
            push_view(L, f, 2, v->element, key);   /* absent from this run: its metrics have no value */
            return 1;
        }
        for (int m = 0; m < f->nmodels; m++)
            for (int i = 0; i < f->cats[m].n; i++) {
                const rm_metric *e = &f->cats[m].m[i];
                int seen = 0;
                for (int k = 0; k < n && !seen; k++)
                    seen = strcmp(words[k], e->name) == 0;
                if ((int)e->element == v->element && !seen && n < MAX)
                    words[n++] = e->name;
            }
        path_part(path, sizeof path, key);
        char why[600];
        snprintf(why, sizeof why, v->element == RM_EL_METRIC ? "the scenario declares no %s called \"%s\""
                                                              : "the scenario has no %s called \"%s\"",
                 rm_element_name((rm_element)v->element), key);
        char what[64];
        snprintf(what, sizeof what, "the %s", plural[v->element]);
        return unknown(L, f, path, key, why, words, n, what);
    }
    path_part(path, sizeof path, v->name);
    path_part(path, sizeof path, key);
    int i = find(f->look, v->element, v->name, key);
    if (i >= 0) {
        if (i >= f->limit) {                     /* a declared metric not computed yet */
            luaL_where(L, 1);
            snprintf(f->message, sizeof f->message, "%smetric \"%s\": %s: %s", lua_tostring(L, -1),
                     f->running->name, path, strcmp(v->name, f->running->name) == 0
                         ? "a metric cannot use itself"
                         : "that metric is declared after this one: declare it first");
            lua_pop(L, 1);
            f->unknown = 1;
            lua_pushstring(L, f->message);
            return lua_error(L);
        }
        double x = f->values[i];
        if (isnan(x))
            return no_value(L, f);
        lua_pushnumber(L, x);
        return 1;
    }
    int share = (v->element == RM_EL_ROLE || v->element == RM_EL_PERSON) && strncmp(key, "share_", 6) == 0;
    if (share && anywhere(f, v->element, v->name, key) && find(f->look, v->element, v->name, "utilization") >= 0) {
        lua_pushnumber(L, 0);                    /* a kind this run's role does not have: 0, as compare says */
        return 1;
    }
    if (anywhere(f, v->element, v->name, key))
        return no_value(L, f);                   /* another run's, or not in a period */
    for (int m = 0; m < f->nmodels; m++)
        for (int k = 0; k < f->cats[m].n; k++) {
            const rm_metric *e = &f->cats[m].m[k];
            int seen = 0;
            for (int j = 0; j < n && !seen; j++)
                seen = strcmp(words[j], e->metric) == 0;
            if ((int)e->element == v->element && strcmp(e->name, v->name) == 0 && !seen && n < MAX)
                words[n++] = e->metric;
        }
    char why[700];
    snprintf(why, sizeof why, "no metric \"%s\" for %s \"%s\"", key, rm_element_name((rm_element)v->element), v->name);
    return unknown(L, f, path, key, why, words, n, "its metrics");
}

static int view_newindex(lua_State *L) {
    return luaL_error(L, "r is read-only: compute a number from it and return it");
}

/* ------------------------------------------------------------ loading -- */

static char *dup(const char *s, int *oom) {
    char *d = strdup(s ? s : "");
    if (!d)
        *oom = 1;
    return d;
}

static const char *field_string(lua_State *L, int t, const char *k, char *buf, size_t len) {
    lua_getfield(L, t, k);
    snprintf(buf, len, "%s", lua_isstring(L, -1) ? lua_tostring(L, -1) : "");
    lua_pop(L, 1);
    return buf;
}

/* The declared targets, then --target's, into sc->targets; checked. */
static int load_targets(lua_State *L, int prelude, remous_scenario *sc, const char *const *options, int noptions,
                        char *err, size_t errlen) {
    lua_getfield(L, prelude, "targets");
    if (rm_lua_call(L, 0, 1, 0, NULL, NULL, sc->path, err, errlen) < 0)
        return -1;
    int list = lua_gettop(L), n = (int)lua_rawlen(L, list);
    for (int k = 1; k <= n; k++) {
        lua_rawgeti(L, list, k);
        int t = lua_gettop(L);
        char name[512], label[512], metric[1024], op[8], where[1024];
        field_string(L, t, "name", name, sizeof name);
        field_string(L, t, "label", label, sizeof label);
        field_string(L, t, "metric", metric, sizeof metric);
        field_string(L, t, "op", op, sizeof op);
        field_string(L, t, "where", where, sizeof where);
        lua_getfield(L, t, "value");
        double value = lua_tonumber(L, -1);
        lua_pop(L, 2);
        rm_target_op o = strcmp(op, "<") == 0 ? RM_BELOW : strcmp(op, "<=") == 0 ? RM_AT_MOST
                       : strcmp(op, ">") == 0 ? RM_ABOVE : RM_AT_LEAST;
        if (rm_target_add(&sc->targets, &sc->ntargets, name, label, metric, o, value, where, err, errlen) < 0)
            return -1;
    }
    lua_pop(L, 1);
    for (int k = 0; k < noptions; k++)
        if (rm_target_add_option(&sc->targets, &sc->ntargets, options[k], err, errlen) < 0)
            return -1;
    return rm_targets_check(sc, err, errlen);
}

/* The declared metrics' names, labels and units into every model. */
static int copy_into_models(rm_metric_fns *f, remous_scenario *sc, char **labels, char **units) {
    int oom = 0;
    for (int v = 0; v < sc->nmodels; v++) {
        rm_model *m = sc->models[v];
        if (!m)
            continue;
        if (!(m->derived = calloc((size_t)f->n, sizeof *m->derived)))
            return -1;
        m->nderived = f->n;
        for (int k = 0; k < f->n; k++) {
            m->derived[k].name = dup(f->fns[k].name, &oom);
            m->derived[k].label = dup(labels[k], &oom);
            m->derived[k].unit = dup(units[k], &oom);
        }
    }
    return oom ? -1 : 0;
}

/* The declared metrics: their functions kept, copied into the models,
 * the catalogs of every model built (with them). */
static int load_metrics(lua_State *L, int prelude, remous_scenario *sc, rm_metric_fns **out, char *err,
                        size_t errlen) {
    *out = NULL;
    lua_getfield(L, prelude, "derived");
    if (rm_lua_call(L, 0, 1, 0, NULL, NULL, sc->path, err, errlen) < 0)
        return -1;
    int list = lua_gettop(L), n = (int)lua_rawlen(L, list);
    if (n == 0) {
        lua_pop(L, 1);
        return 0;
    }
    rm_metric_fns *f = calloc(1, sizeof *f);
    char **labels = calloc((size_t)n, sizeof *labels), **units = calloc((size_t)n, sizeof *units);
    int oom = !f || !labels || !units;
    if (f) {
        f->L = L;
        f->fns_ref = f->r_ref = LUA_NOREF;
        f->fns = calloc((size_t)n, sizeof *f->fns);
        oom |= !f->fns;
    }
    *out = f;                                    /* freed by the caller whatever happens */
    lua_newtable(L);                             /* the functions, in order */
    int fns = lua_gettop(L);
    for (int k = 0; k < n && !oom; k++) {
        lua_rawgeti(L, list, k + 1);
        int t = lua_gettop(L);
        char name[512], where[1024], buf[512], label[1600], key[600];
        field_string(L, t, "name", name, sizeof name);
        field_string(L, t, "where", where, sizeof where);
        metric_fn *fn = &f->fns[k];
        fn->name = dup(name, &oom);
        fn->where = dup(where, &oom);
        snprintf(label, sizeof label, "%s: metric \"%s\": of", where, name);
        fn->label = dup(label, &oom);
        snprintf(key, sizeof key, "metric/%s/of/lua", name);
        fn->key = rm_hash_name(key);
        labels[k] = dup(field_string(L, t, "label", buf, sizeof buf), &oom);
        units[k] = dup(field_string(L, t, "unit", buf, sizeof buf), &oom);
        f->n = k + 1;
        lua_getfield(L, t, "fn");
        lua_rawseti(L, fns, k + 1);
        lua_pop(L, 1);
    }
    if (!oom) {
        f->fns_ref = luaL_ref(L, LUA_REGISTRYINDEX);   /* pops the functions */
        /* r, and the metatable of every view */
        view *r = lua_newuserdatauv(L, sizeof(view), 0);
        r->level = 0;
        r->element = 0;
        lua_newtable(L);
        lua_pushlightuserdata(L, f);
        lua_pushcclosure(L, view_index, 1);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, view_newindex);
        lua_setfield(L, -2, "__newindex");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");     /* getmetatable(r) cannot change it */
        lua_setmetatable(L, -2);
        f->r_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    lua_settop(L, list - 1);
    if (!oom)
        oom = copy_into_models(f, sc, labels, units) < 0;
    for (int k = 0; k < n; k++) {
        if (labels)
            free(labels[k]);
        if (units)
            free(units[k]);
    }
    free(labels);
    free(units);
    if (!oom) {
        f->models = (const rm_model *const *)sc->models;
        f->nmodels = sc->nmodels;
        f->cats = calloc((size_t)sc->nmodels, sizeof *f->cats);
        f->tcats = calloc((size_t)sc->nmodels, sizeof *f->tcats);
        f->looks = calloc((size_t)sc->nmodels, sizeof *f->looks);
        f->tlooks = calloc((size_t)sc->nmodels, sizeof *f->tlooks);
        oom = !f->cats || !f->tcats || !f->looks || !f->tlooks;
        for (int v = 0; v < sc->nmodels && !oom; v++)
            if (sc->models[v])
                oom = rm_catalog_build(sc->models[v], 0, &f->cats[v]) < 0 ||
                      rm_catalog_build(sc->models[v], 1, &f->tcats[v]) < 0 ||
                      lookup_build(&f->looks[v], &f->cats[v]) < 0 || lookup_build(&f->tlooks[v], &f->tcats[v]) < 0;
    }
    if (oom) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

int rm_metric_fns_load(lua_State *L, int prelude, remous_scenario *sc, const char *const *targets, int ntargets,
                       rm_metric_fns **out, char *err, size_t errlen) {
    if (load_metrics(L, prelude, sc, out, err, errlen) < 0)
        return -1;
    return load_targets(L, prelude, sc, targets, ntargets, err, errlen);
}

void rm_metric_fns_free(rm_metric_fns *f) {
    if (!f)
        return;
    for (int k = 0; f->fns && k < f->n; k++) {
        free(f->fns[k].name);
        free(f->fns[k].where);
        free(f->fns[k].label);
    }
    free(f->fns);
    for (int v = 0; v < f->nmodels; v++) {
        if (f->cats)
            rm_catalog_free(&f->cats[v]);
        if (f->tcats)
            rm_catalog_free(&f->tcats[v]);
        if (f->looks)
            lookup_free(&f->looks[v]);
        if (f->tlooks)
            lookup_free(&f->tlooks[v]);
    }
    free(f->cats);
    free(f->tcats);
    free(f->looks);
    free(f->tlooks);
    free(f);                                     /* the registry's references go with the state */
}

void rm_metric_fns_replication(rm_metric_fns *f, uint64_t seed, int rep) {
    for (int k = 0; k < f->n; k++)
        rm_rng_stream_hashed(&f->fns[k].random, seed, (uint64_t)rep, f->fns[k].key);
}

/* ------------------------------------------------------------ calling -- */

/* Lua's message about the call, "FILE:LINE: text", with FILE:LINE said as
 * "line LINE" when FILE is the declaration's own file. */
static void shortened(const char *msg, const char *where, char *out, size_t len) {
    const char *colon = strrchr(where, ':');
    size_t flen = colon ? (size_t)(colon - where) : 0;
    if (flen && strncmp(msg, where, flen) == 0 && msg[flen] == ':' && msg[flen + 1] >= '0' && msg[flen + 1] <= '9') {
        const char *p = msg + flen + 1;
        const char *digits = p;
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == ':') {
            snprintf(out, len, "line %.*s:%s", (int)(p - digits), digits, p + 1);
            return;
        }
    }
    snprintf(out, len, "%s", msg);
}

int rm_metric_fns_derive(void *ctx, const rm_model *m, int periodic, int period, int rep, double *values,
                         char *err, size_t errlen) {
    rm_metric_fns *f = ctx;
    lua_State *L = f->L;
    int v = 0;
    while (v < f->nmodels && f->models[v] != m)
        v++;
    if (v == f->nmodels) {
        snprintf(err, errlen, "internal error: a model the scenario did not compile");
        return -1;
    }
    const rm_catalog *cat = periodic ? &f->tcats[v] : &f->cats[v];
    const lookup *look = periodic ? &f->tlooks[v] : &f->looks[v];
    int base = cat->n - f->n;
    char when[64];
    if (periodic)
        snprintf(when, sizeof when, "replication %d, period %d of the time series", rep, period + 1);
    else
        snprintf(when, sizeof when, "replication %d", rep);
    for (int k = 0; k < f->n; k++) {
        const metric_fn *fn = &f->fns[k];
        f->look = look;
        f->values = values;
        f->limit = base + k;
        f->no_value = f->unknown = 0;
        f->running = fn;
        lua_rawgeti(L, LUA_REGISTRYINDEX, f->fns_ref);
        lua_rawgeti(L, -1, k + 1);
        lua_remove(L, -2);
        lua_rawgeti(L, LUA_REGISTRYINDEX, f->r_ref);
        char msg[1024];
        int rc = rm_lua_call(L, 1, 1, 1, &f->fns[k].random, fn->label, fn->where, msg, sizeof msg);
        if (f->unknown) {                        /* a name no model has: whatever the function did after */
            if (rc == 0)
                lua_pop(L, 1);
            snprintf(err, errlen, "%s", f->message);
            return -1;
        }
        if (f->no_value) {                       /* what it read has no value in this run */
            if (rc == 0)
                lua_pop(L, 1);
            values[base + k] = NAN;
            continue;
        }
        if (rc < 0) {
            char said[1024];
            shortened(msg, fn->where, said, sizeof said);
            snprintf(err, errlen, "%s: metric \"%s\", %s: %s", fn->where, fn->name, when, said);
            return -1;
        }
        int isnum;
        double x = lua_tonumberx(L, -1, &isnum);
        if (!isnum || lua_type(L, -1) != LUA_TNUMBER) {
            snprintf(err, errlen, "%s: metric \"%s\", %s: its function returned %s, not a number", fn->where,
                     fn->name, when, luaL_typename(L, -1));
            lua_pop(L, 1);
            return -1;
        }
        lua_pop(L, 1);
        if (!isfinite(x) && periodic) {          /* a period with nothing to divide by: no value */
            values[base + k] = NAN;
            continue;
        }
        if (!isfinite(x)) {
            snprintf(err, errlen, "%s: metric \"%s\", %s: its function returned %s, not a finite number "
                     "(a division by 0? return a number in every case)", fn->where, fn->name, when,
                     isnan(x) ? "nan" : x > 0 ? "inf" : "-inf");
            return -1;
        }
        values[base + k] = x;
    }
    return 0;
}
