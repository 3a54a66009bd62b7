/* The catalogs of words, see words.h. Each compiled-in catalog (scripts/lang/CODE.lua)
 * is run once in a bare Lua state (no library: a catalog only builds a
 * table) and flattened into a sorted array of keys and words. */
#include "words.h"

#include <lauxlib.h>
#include <lua.h>
#include <pthread.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* From the build: {code, text of scripts/lang/CODE.lua}, ended by NULLs. */
extern const char *const rm_lang_sources[][2];

typedef struct {
    char *key, *word;
} entry;

typedef struct {
    const char *code;
    entry *entries;
    int n, cap;
    char *error;
} catalog;

static catalog *catalogs;
static int ncatalogs;
static const catalog *english;
static char codes[128];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void fail(catalog *c, const char *what) {
    if (c->error)
        return;
    char buf[512];
    snprintf(buf, sizeof buf, "scripts/lang/%s.lua: %s", c->code, what);
    c->error = strdup(buf);
}

static int valid_name(const char *s) {
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

static void add(catalog *c, const char *key, const char *word) {
    if (c->n == c->cap) {
        int cap = c->cap ? 2 * c->cap : 256;
        entry *e = realloc(c->entries, (size_t)cap * sizeof *e);
        if (!e) {
            fail(c, "out of memory");
            return;
        }
        c->entries = e;
        c->cap = cap;
    }
    entry *e = &c->entries[c->n];
    if (!(e->key = strdup(key)) || !(e->word = strdup(word))) {
        free(e->key);
        fail(c, "out of memory");
        return;
    }
    c->n++;
}

/* The table on top of L's stack, its keys under prefix ("" at the top). */
static void flatten(lua_State *L, catalog *c, const char *prefix, int depth) {
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        char key[256];
        if (lua_type(L, -2) != LUA_TSTRING || !valid_name(lua_tostring(L, -2))) {
            fail(c, "a key is not a name of lowercase letters, digits and _");
        } else {
            snprintf(key, sizeof key, "%s%s%s", prefix, *prefix ? "." : "", lua_tostring(L, -2));
            if (lua_type(L, -1) == LUA_TSTRING)
                add(c, key, lua_tostring(L, -1));
            else if (lua_type(L, -1) == LUA_TTABLE && depth < 4)
                flatten(L, c, key, depth + 1);
            else {
                char what[320];
                snprintf(what, sizeof what, "%s: expected words (a string) or a section (a table)", key);
                fail(c, what);
            }
        }
        lua_pop(L, 1);
    }
}

static int by_key(const void *a, const void *b) { return strcmp(((const entry *)a)->key, ((const entry *)b)->key); }

static void read_catalog(catalog *c, const char *text) {
    lua_State *L = luaL_newstate();
    if (!L) {
        fail(c, "out of memory");
        return;
    }
    char chunk[64];
    snprintf(chunk, sizeof chunk, "@scripts/lang/%s.lua", c->code);
    if (luaL_loadbufferx(L, text, strlen(text), chunk, "t") != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        c->error = strdup(msg ? msg : "cannot be read");
    } else if (!lua_istable(L, -1)) {
        fail(c, "must return a table of words");
    } else {
        flatten(L, c, "", 0);
        qsort(c->entries, (size_t)c->n, sizeof *c->entries, by_key);
        for (int i = 1; i < c->n; i++)
            if (strcmp(c->entries[i - 1].key, c->entries[i].key) == 0)
                fail(c, "a key is given twice");
    }
    lua_close(L);
    if (c->error)
        fprintf(stderr, "remous: internal error: %s\n", c->error);
}

static void read_all(void) {
    int n = 0;
    while (rm_lang_sources[n][0])
        n++;
    if (!(catalogs = calloc((size_t)(n ? n : 1), sizeof *catalogs)))
        return;
    ncatalogs = n;
    for (int i = 0; i < n; i++) {
        catalogs[i].code = rm_lang_sources[i][0];
        read_catalog(&catalogs[i], rm_lang_sources[i][1]);
        if (strcmp(catalogs[i].code, "en") == 0)
            english = &catalogs[i];
        size_t len = strlen(codes);
        snprintf(codes + len, sizeof codes - len, "%s%s", i ? ", " : "", catalogs[i].code);
    }
}

static const catalog *find(const char *lang) {
    pthread_once(&once, read_all);
    if (lang)
        for (int i = 0; i < ncatalogs; i++)
            if (strcmp(catalogs[i].code, lang) == 0)
                return &catalogs[i];
    return NULL;
}

static const char *look_up(const catalog *c, const char *key) {
    if (!c)
        return NULL;
    entry probe = {(char *)key, NULL};
    const entry *e = bsearch(&probe, c->entries, (size_t)c->n, sizeof *c->entries, by_key);
    return e ? e->word : NULL;
}

const char *rm_word(const char *lang, const char *key) {
    const char *w = look_up(find(lang), key);
    if (!w)
        w = look_up(english, key);
    return w ? w : key;
}

char *rm_whole_number(char *buf, size_t len, double v) {
    snprintf(buf, len, fabs(v) < 1e15 ? "%.0f" : "%.3g", v);
    return buf;
}

char *rm_decimal_in(char *s, size_t len, const char *lang) {
    const char *dot = strchr(s, '.'), *decimal = rm_word(lang, "number.decimal");
    size_t n = strlen(decimal), used = strlen(s) + 1;
    if (!dot || (n == 1 && *decimal == '.') || used - 1 + n > len)
        return s;
    char *at = s + (dot - s);
    memmove(at + n, at + 1, used - (size_t)(at + 1 - s));
    memcpy(at, decimal, n);
    return s;
}

char *rm_grouped_in(char *s, size_t len, const char *lang) {
    const char *sep = rm_word(lang, "number.thousands");
    size_t lead = s[0] == '-', whole = lead, n = strlen(sep), used = strlen(s);
    while (s[whole] >= '0' && s[whole] <= '9')
        whole++;
    size_t digits = whole - lead, groups = digits > 3 ? (digits - 1) / 3 : 0;
    if (groups > 0 && !strchr(s, 'e') && used + groups * n < len) {
        memmove(s + whole + groups * n, s + whole, used - whole + 1);   /* the rest, then the digits from the end */
        char *to = s + whole + groups * n;
        for (size_t k = 0; k < digits; k++) {
            if (k > 0 && k % 3 == 0) {
                to -= n;
                memcpy(to, sep, n);
            }
            *--to = s[whole - 1 - k];
        }
    }
    return rm_decimal_in(s, len, lang);
}

int rm_lang_known(const char *lang) { return find(lang) != NULL; }

static _Thread_local const char *message_lang;

const char *rm_message_lang(void) { return message_lang; }

const char *rm_message_lang_set(const char *lang) {
    const char *before = message_lang;
    message_lang = lang;
    return before;
}

const char *rm_lang_codes(void) {
    pthread_once(&once, read_all);
    return codes;
}

int rm_lang_count(void) {
    pthread_once(&once, read_all);
    return ncatalogs;
}

const char *rm_lang_code(int i) {
    pthread_once(&once, read_all);
    return i >= 0 && i < ncatalogs ? catalogs[i].code : NULL;
}

const char *rm_word_key(const char *lang, int i) {
    const catalog *c = find(lang);
    return c && i >= 0 && i < c->n ? c->entries[i].key : NULL;
}

const char *rm_words_error(const char *lang) {
    const catalog *c = find(lang);
    return c ? c->error : "no such language";
}
