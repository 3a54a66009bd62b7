/* The catalogs of words (scripts/lang/): each reads without error, every
 * language has exactly English's keys, each word takes the same printf
 * conversions as English's, every key the engine's sources ask for is in
 * English, and every key of English is asked for. A translator who forgets
 * a key, or a %s, sees which here. */
#include <dirent.h>

#include "testing.h"
#include "words.h"

/* The conversions of format f, one letter string per argument, by its
 * position ("s", "d", "*" for a width or precision taken from an
 * argument), joined by spaces into out; -1 when f mixes numbered and
 * unnumbered arguments or has a bad conversion. */
static int conversions_of(const char *f, int lua, char *out, size_t len) {
    const char *letters = lua ? "cdiouxXeEfFgGaAsq" : "diouxXeEfFgGaAcsp", *sizes = lua ? "" : "hlLqjzt";
    char args[16][8] = {{0}};
    int next = 0, numbered = -1, top = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%')
            continue;
        if (*++p == '%')
            continue;
        int pos = 0;
        const char *q = p;
        while (*q >= '0' && *q <= '9')
            pos = 10 * pos + (*q++ - '0');
        int is_numbered = *q == '$' && pos > 0;
        if (numbered >= 0 && numbered != is_numbered)
            return -1;
        numbered = is_numbered;
        p = is_numbered ? q + 1 : p;
        while (*p && strchr("-+ #0'", *p))
            p++;
        if (*p == '*') {
            if (is_numbered || next >= 16)
                return -1;
            strcpy(args[next++], "*");
            p++;
        }
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == '.') {
            p++;
            if (*p == '*') {
                if (is_numbered || next >= 16)
                    return -1;
                strcpy(args[next++], "*");
                p++;
            }
            while (*p >= '0' && *p <= '9')
                p++;
        }
        char conv[8] = {0};
        size_t n = 0;
        while (*p && strchr(sizes, *p) && n < 4)
            conv[n++] = *p++;
        if (!*p || !strchr(letters, *p))
            return -1;
        conv[n] = *p;
        int at = is_numbered ? pos - 1 : next++;
        if (at >= 16)
            return -1;
        strcpy(args[at], conv);
        if (at + 1 > top)
            top = at + 1;
    }
    if (next > top)
        top = next;
    out[0] = '\0';
    for (int i = 0; i < top; i++) {
        size_t used = strlen(out);
        snprintf(out + used, len - used, "%s%s", i ? " " : "", args[i][0] ? args[i] : "?");
    }
    return 0;
}

static int conversions(const char *f, char *out, size_t len) {
    return conversions_of(f, 0, out, len);
}

/* The prelude's words (scripts/prelude.lua) are read by Lua's string.format,
 * which also takes %q (a name quoted as the scenario writes it). */
static int conversions_of_key(const char *key, const char *f, char *out, size_t len) {
    return strncmp(key, "prelude.", 8) == 0 ? conversions_of(f, 1, out, len)
                                            : conversions(f, out, len);
}

static void conversions_are_read_as_printf_reads_them(void **state) {
    (void)state;
    char c[128];
    assert_int_equal(conversions("%s wait %.0f%% and %d", c, sizeof c), 0);
    assert_string_equal(c, "s f d");
    assert_int_equal(conversions("%2$s avant %1$s", c, sizeof c), 0);
    assert_string_equal(c, "s s");
    assert_int_equal(conversions("%2$d de %1$s", c, sizeof c), 0);
    assert_string_equal(c, "s d");
    assert_int_equal(conversions("%.*s %ld", c, sizeof c), 0);
    assert_string_equal(c, "* s ld");
    assert_int_equal(conversions("%1$s %s", c, sizeof c), -1);
    assert_int_equal(conversions("100 %", c, sizeof c), -1);
}

static void every_catalog_reads_without_error(void **state) {
    (void)state;
    assert_true(rm_lang_count() >= 2);
    assert_true(rm_lang_known("en"));
    assert_true(rm_lang_known("fr"));
    assert_false(rm_lang_known("xx"));
    for (int i = 0; i < rm_lang_count(); i++) {
        const char *error = rm_words_error(rm_lang_code(i));
        if (error)
            fail_msg("%s", error);
    }
}

/* 1 when language lang has key. */
static int has_key(const char *lang, const char *key) {
    for (int i = 0; rm_word_key(lang, i); i++)
        if (strcmp(rm_word_key(lang, i), key) == 0)
            return 1;
    return 0;
}

static void every_language_has_english_keys_and_conversions(void **state) {
    (void)state;
    int faults = 0;
    for (int l = 0; l < rm_lang_count(); l++) {
        const char *lang = rm_lang_code(l);
        for (int i = 0; rm_word_key("en", i); i++) {
            const char *key = rm_word_key("en", i);
            char want[128], got[128];
            if (!has_key(lang, key)) {
                print_error("scripts/lang/%s.lua: no %s (English: \"%s\")\n", lang, key, rm_word("en", key));
                faults++;
            } else if (conversions_of_key(key, rm_word("en", key), want, sizeof want) < 0) {
                print_error("scripts/lang/en.lua: %s: a conversion printf cannot read\n", key);
                faults++;
            } else if (conversions_of_key(key, rm_word(lang, key), got, sizeof got) < 0 || strcmp(want, got) != 0) {
                print_error("scripts/lang/%s.lua: %s takes \"%s\", English takes \"%s\"\n", lang, key, got, want);
                faults++;
            }
        }
        for (int i = 0; rm_word_key(lang, i); i++)
            if (!has_key("en", rm_word_key(lang, i))) {
                print_error("scripts/lang/%s.lua: %s is not a key of English\n", lang, rm_word_key(lang, i));
                faults++;
            }
    }
    assert_int_equal(faults, 0);
}

/* Calls the function for every key the prelude asks for: its literals
 * "prelude.KEY" (its fail(AT, "prelude.KEY", ...) and say("prelude.KEY")). */
static void each_prelude_key(void (*found)(const char *key, const char *file, void *ctx), void *ctx) {
    FILE *f = fopen("../scripts/prelude.lua", "r");
    assert_non_null(f);
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    for (const char *p = text; (p = strstr(p, "\"prelude.")) != NULL; p++) {
        char key[128];
        if (sscanf(p + 1, "%127[a-z0-9_.]\"", key) == 1)
            found(key, "../scripts/prelude.lua", ctx);
    }
}

/* Calls the function for every key literal of the engine's sources:
 * rm_word(ANY, "key") and RM_WORD_KEY("key"), and the prelude's. */
static void each_key_asked(void (*found)(const char *key, const char *file, void *ctx), void *ctx) {
    each_prelude_key(found, ctx);
    DIR *d = opendir("../engine");
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0 || strcmp(e->d_name, "words.c") == 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "../engine/%s", e->d_name);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        static char text[1 << 20];
        size_t len = fread(text, 1, sizeof text - 1, f);
        fclose(f);
        text[len] = '\0';
        for (const char *p = text; (p = strstr(p, "RM_WORD_KEY(\"")) != NULL; p++) {
            char key[128];
            if (sscanf(p + 13, "%127[a-z0-9_.]\"", key) == 1)
                found(key, e->d_name, ctx);
        }
        for (const char *p = text; (p = strstr(p, "rm_word(")) != NULL; p++) {
            const char *q = strchr(p, '"'), *end = strchr(p, ';');
            char key[128];
            if (q && end && q < end && sscanf(q + 1, "%127[a-z0-9_.]\"", key) == 1)
                found(key, e->d_name, ctx);
        }
    }
    closedir(d);
}

static void check_in_english(const char *key, const char *file, void *ctx) {
    if (!has_key("en", key)) {
        print_error("engine/%s asks for %s, which scripts/lang/en.lua does not have\n", file, key);
        (*(int *)ctx)++;
    }
}

static void every_key_asked_is_in_english(void **state) {
    (void)state;
    int faults = 0;
    each_key_asked(check_in_english, &faults);
    assert_int_equal(faults, 0);
}

typedef struct {
    const char *key;
    int asked;
} key_use;

static void mark_asked(const char *key, const char *file, void *ctx) {
    (void)file;
    key_use *u = ctx;
    if (strcmp(u->key, key) == 0)
        u->asked = 1;
}

/* A word nobody asks for is a word a translator translates for nothing. */
static void every_english_key_is_asked_for(void **state) {
    (void)state;
    int faults = 0;
    for (int i = 0; rm_word_key("en", i); i++) {
        key_use u = {rm_word_key("en", i), 0};
        if (strcmp(u.key, "language") == 0 || strncmp(u.key, "number.", 7) == 0)
            continue;                            /* asked by words.c itself and the menus */
        each_key_asked(mark_asked, &u);
        if (!u.asked) {
            print_error("scripts/lang/en.lua: %s is asked for nowhere in engine/\n", u.key);
            faults++;
        }
    }
    assert_int_equal(faults, 0);
}

/* Every message the prelude raises is a word of the catalogs: each call of
 * its fail(AT, KEY, ...) names a "prelude." key, so none is said only in
 * English. */
static void every_prelude_message_is_a_catalog_word(void **state) {
    (void)state;
    FILE *f = fopen("../scripts/prelude.lua", "r");
    assert_non_null(f);
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    int faults = 0, calls = 0;
    for (const char *p = text; (p = strstr(p, "fail(")) != NULL; p += 5) {
        if (p > text && (p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z')))
            continue;                                /* another name ending in fail */
        if (p >= text + 15 && strncmp(p - 15, "local function ", 15) == 0)
            continue;                                /* its definition */
        int depth = 0, named = 0;
        const char *q = p + 4;
        for (; *q; q++) {
            if (*q == '"' && strncmp(q, "\"prelude.", 9) == 0)
                named = 1;
            if (*q == '"')                           /* skip the literal */
                for (q++; *q && *q != '"'; q++)
                    if (*q == '\\' && q[1])
                        q++;
            if (*q == '(')
                depth++;
            else if (*q == ')' && --depth == 0)
                break;
        }
        calls++;
        if (!named) {
            int line = 1;
            for (const char *c = text; c < p; c++)
                line += *c == '\n';
            print_error("scripts/prelude.lua:%d: a fail() without a \"prelude.\" key: its words are in no catalog\n", line);
            faults++;
        }
    }
    assert_true(calls > 90);
    assert_int_equal(faults, 0);
}

static void a_word_reads_in_its_language_else_in_english(void **state) {
    (void)state;
    assert_string_equal(rm_word("fr", "labels.baseline"), "situation actuelle");
    assert_string_equal(rm_word("en", "labels.baseline"), "baseline");
    assert_string_equal(rm_word(NULL, "labels.baseline"), "baseline");
    assert_string_equal(rm_word("xx", "labels.baseline"), "baseline");
    assert_string_equal(rm_word("fr", "no.such_key"), "no.such_key");
    assert_string_equal(rm_lang_codes(), "en, fr");
    char n[16] = "3.25";
    assert_string_equal(rm_decimal_in(n, sizeof n, "fr"), "3,25");
    strcpy(n, "3.25");
    assert_string_equal(rm_decimal_in(n, sizeof n, "en"), "3.25");
}

/* Figures grouped by thousands as each language writes them. */
static void thousands_are_grouped(void **state) {
    (void)state;
    static const struct { const char *in, *lang, *out; } cases[] = {
        {"4477", "en", "4,477"}, {"4477", "fr", "4 477"}, {"10094", "fr", "10 094"},
        {"-1234567.5", "fr", "-1 234 567,5"}, {"-1234567.5", "en", "-1,234,567.5"},
        {"999", "fr", "999"}, {"0.25", "fr", "0,25"}, {"1000", "en", "1,000"}, {"-100", "en", "-100"},
        {"1e+20", "fr", "1e+20"}, {"", "fr", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s", cases[i].in);
        assert_string_equal(rm_grouped_in(buf, sizeof buf, cases[i].lang), cases[i].out);
    }
    char tight[6] = "12345";                     /* no room: left as it is */
    assert_string_equal(rm_grouped_in(tight, sizeof tight, "en"), "12345");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(thousands_are_grouped),
        cmocka_unit_test(conversions_are_read_as_printf_reads_them),
        cmocka_unit_test(every_catalog_reads_without_error),
        cmocka_unit_test(every_language_has_english_keys_and_conversions),
        cmocka_unit_test(every_key_asked_is_in_english),
        cmocka_unit_test(every_english_key_is_asked_for),
        cmocka_unit_test(every_prelude_message_is_a_catalog_word),
        cmocka_unit_test(a_word_reads_in_its_language_else_in_english),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
