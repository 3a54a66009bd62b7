/* The rewriter of Lua's messages (lua_errors.c), without Lua: the message
 * and the source in, one line out. The CLI tests run the same cases
 * through real scenarios; here the edges: no source, another file, Lua's
 * shortened chunk names, a short buffer, messages no rule knows. */
#include "testing.h"
#include "lua_errors.h"

static const char *const words[] = {"activity", "arrivals", "calendar", "days", "exponential", "minutes",
                                    "param", "role", "scenario"};

/* The rewrite of msg about f.lua with this source; checks the result. */
static void assert_rewrite(const char *source, const char *msg, const char *expected, int rewritten) {
    rm_lua_context cx = {source, source ? strlen(source) : 0, words, 9, "scenario"};
    char out[512];
    int rc = rm_lua_error_rewrite(msg, "f.lua", &cx, out, sizeof out);
    if (strcmp(out, expected) != 0)
        fail_msg("rewrite of\n  %s\nwas\n  %s\nexpected\n  %s", msg, out, expected);
    assert_int_equal(rc, rewritten);
}

static void suggestions_follow_the_prelude(void **state) {
    (void)state;
    assert_string_equal(rm_lua_suggest("activty", words, 9), "activity");
    assert_string_equal(rm_lua_suggest("expnential", words, 9), "exponential");
    assert_string_equal(rm_lua_suggest("rloe", words, 9), "role");      /* a transposition costs 1 */
    assert_null(rm_lua_suggest("xyz", words, 9));
    assert_null(rm_lua_suggest("ro", words, 9));                          /* 2 edits of 2 letters: no */
    assert_null(rm_lua_suggest("role", words, 9));                        /* itself is not a typo */
    assert_null(rm_lua_suggest("", words, 9));
}

static void the_comma_is_named_on_the_line_that_lacks_it(void **state) {
    (void)state;
    const char *src = "role \"r\" {\n  count = 2   -- two people\n\n  -- where\n  calendar = \"shop\",\n}\n";
    assert_rewrite(src, "f.lua:5: '}' expected (to close '{' at line 1) near 'calendar'",
                   "f.lua:2: a comma is probably missing at the end of this line (the next line starts \"calendar\")", 1);
    /* Lua shortens a long chunk name with "...": still the file */
    assert_rewrite(src, "...f.lua:5: '}' expected (to close '{' at line 1) near 'calendar'",
                   "f.lua:2: a comma is probably missing at the end of this line (the next line starts \"calendar\")", 1);
}

static void without_the_source_the_rules_that_need_none(void **state) {
    (void)state;
    assert_rewrite(NULL, "f.lua:3: attempt to call a nil value (global 'activty')",
                   "f.lua:3: \"activty\" is not a word of the scenario language (did you mean \"activity\"?)", 1);
    assert_rewrite(NULL, "f.lua:3: '}' expected near 'c'", "f.lua:3: a comma is probably missing before \"c\"", 1);
    assert_rewrite(NULL, "f.lua:3: malformed number near '14h'",
                   "f.lua:3: 14h is not a time remous reads: write \"14:00\" (in quotes, with a colon)", 1);
    /* the file ends inside a brace, but which one needs the source: Lua's words */
    assert_rewrite(NULL, "f.lua:9: unexpected symbol near <eof>", "f.lua:9: unexpected symbol near <eof>", 0);
}

static void another_file_keeps_its_name_and_lua_line(void **state) {
    (void)state;
    /* a module's message: this source is not its source */
    assert_rewrite("role \"r\" {\n", "lib.lua:4: '}' expected (to close '{' at line 2) near 'kind'",
                   "lib.lua:4: a comma is probably missing before \"kind\"", 1);
}

static void unknown_messages_stay_as_they_are(void **state) {
    (void)state;
    assert_rewrite("x = nil + 1\n", "f.lua:1: attempt to perform arithmetic on a nil value",
                   "f.lua:1: attempt to perform arithmetic on a nil value", 0);
    assert_rewrite("x\n", "f.lua: an error was raised with a table value instead of a message",
                   "f.lua: an error was raised with a table value instead of a message", 0);
    assert_rewrite("x\n", "", "", 0);
    assert_rewrite("x\n", "f.lua:1:", "f.lua:1:", 0);
    assert_rewrite("x\n", "f.lua:99: '}' expected near 'c'", "f.lua:99: a comma is probably missing before \"c\"", 1);
}

static void a_short_buffer_is_cut_not_overrun(void **state) {
    (void)state;
    rm_lua_context cx = {NULL, 0, words, 9, "scenario"};
    char out[16];
    memset(out, 'x', sizeof out);
    rm_lua_error_rewrite("f.lua:3: attempt to call a nil value (global 'activty')", "f.lua", &cx, out, 12);
    assert_string_equal(out, "f.lua:3: \"a");
    assert_int_equal(out[15], 'x');
    assert_int_equal(rm_lua_error_rewrite("f.lua:3: x", "f.lua", &cx, out, 0), 0);
}

/* Every prefix of a scenario, and every message Lua could give near each
 * of its tokens: nothing crashes and the answer is one line. */
static void any_source_any_message(void **state) {
    (void)state;
    const char *src = "scenario \"x\" { horizon = 100 }\narrivals \"a\" { rate = { [\"10:00\"] = per_hour(6),\n"
                      "  [14h00] = 3 }, to = 'b\n}\n--[[ x\nactivity \"b\" { next = { c = 0,8 == 2 } function() if a = 1 \n  activty { \"x\" = 1 ";
    static const char *const heads[] = {"'}' expected", "')' expected (to close '(' at line 1)",
                                        "unexpected symbol", "syntax error", "unfinished string", "malformed number",
                                        "'end' expected (to close 'function' at line 6)", "'then' expected",
                                        "unfinished long comment", "role \"r\": fields are written name = value "
                                        "(found a value without a name)", "uniform takes 2 numbers (a, b), got 3",
                                        "activity \"b\": next: write name = probability",
                                        "attempt to call a nil value (global 'activty')"};
    static const char *const toks[] = {"'calendar'", "'='", "'}'", "')'", "':'", "'\"b'", "'14h'", "'<\\226>'",
                                       "<eof>", "'end'", "'local'", "'['", "''", "'"};
    char msg[256], out[512];
    rm_lua_context cx = {src, 0, words, 9, "scenario"};
    for (size_t len = 0; len <= strlen(src); len++) {
        char *copy = malloc(len ? len : 1);           /* exactly len bytes: a read past them is caught */
        assert_non_null(copy);                  /* (by the sanitizers of make asan) */
        memcpy(copy, src, len);
        cx.source = copy;
        for (int line = 0; line <= 8; line++)
            for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
                for (size_t t = 0; t < sizeof toks / sizeof toks[0]; t++) {
                    cx.len = len;
                    snprintf(msg, sizeof msg, "f.lua:%d: %s near %s", line, heads[h], toks[t]);
                    rm_lua_error_rewrite(msg, "f.lua", &cx, out, sizeof out);
                    assert_null(strchr(out, '\n'));
                    assert_true(strncmp(out, "f.lua:", 6) == 0);
                }
        free(copy);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(suggestions_follow_the_prelude),
        cmocka_unit_test(the_comma_is_named_on_the_line_that_lacks_it),
        cmocka_unit_test(without_the_source_the_rules_that_need_none),
        cmocka_unit_test(another_file_keeps_its_name_and_lua_line),
        cmocka_unit_test(unknown_messages_stay_as_they_are),
        cmocka_unit_test(a_short_buffer_is_cut_not_overrun),
        cmocka_unit_test(any_source_any_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
