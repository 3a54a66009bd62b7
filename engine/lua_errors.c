/* Lua's error messages in the words of a scenario (see lua_errors.h).
 *
 * Lua 5.4 says where its parser gave up: "'}' expected (to close '{' at
 * line 28) near 'calendar'" is about line 30, where the token calendar is,
 * while the comma is missing at the end of line 29. Each rule below reads
 * one of Lua's messages (llex.c, lparser.c, ldebug.c wording), looks at the
 * source lines around, and names the line to change and what to type. When
 * no rule applies the message stays as Lua wrote it. */
#include "lua_errors.h"
#include "words.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ words ---- */

/* The words a person reads are in the catalogs (scripts/lang/, section
 * lua_errors), in the language of the load (rm_message_lang). */

/* "scenario language" or "batch language", in the words of the load. */
static const char *language_name(const rm_lua_context *cx) {
    return cx && cx->language && strcmp(cx->language, "batch") == 0
               ? rm_word(rm_message_lang(), "lua_errors.batch_language")
               : rm_word(rm_message_lang(), "lua_errors.scenario_language");
}

/* -------------------------------------------------------- suggestions ---- */

#define MAX_WORD 64

/* Edit distance with transpositions, as the prelude's distance(). */
static int distance(const char *a, const char *b) {
    int na = (int)strlen(a), nb = (int)strlen(b);
    int d[MAX_WORD + 1][MAX_WORD + 1];
    for (int i = 0; i <= na; i++)
        d[i][0] = i;
    for (int j = 0; j <= nb; j++)
        d[0][j] = j;
    for (int i = 1; i <= na; i++)
        for (int j = 1; j <= nb; j++) {
            int best = d[i - 1][j] + 1, cost = a[i - 1] != b[j - 1];
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[na][nb];
}

const char *rm_lua_suggest(const char *name, const char *const *words, int n) {
    int len = (int)strlen(name);
    if (len == 0 || len > MAX_WORD)
        return NULL;
    const char *best = NULL;
    int bestd = (len / 3 > 1 ? len / 3 : 1) + 1;
    for (int i = 0; i < n; i++) {
        if (strlen(words[i]) > MAX_WORD || strcmp(words[i], name) == 0)
            continue;
        int d = distance(name, words[i]);
        if (d < bestd && d < len)
            best = words[i], bestd = d;
    }
    return best;
}

/* ------------------------------------------------------------ source ---- */

/* A message taken apart: "FILE:LINE: head near 'tok'". */
typedef struct {
    const char *file;         /* the file to print */
    int line;                 /* Lua's line */
    const char *text;         /* after "LINE: " */
    const char *src;          /* the file's text, or NULL when the message is about another file */
    size_t len;
    char tok[160];            /* the token Lua quoted, without its quotes ("" when none) */
    int eof;                  /* ... near <eof> */
    const rm_lua_context *cx; /* the words to suggest (may be NULL) */
    struct cursor { int n; const char *p; } *at;   /* the last line found: the rules walk */
} lua_msg;                                          /* from line to line, so each step is short */

/* Line n (1-based) of the source: start and length (without "\r\n").
 * Walks from the line found last, so that scanning a file line by line,
 * forwards or backwards, stays linear in its size. */
static int get_line(const lua_msg *m, int n, const char **s, size_t *l) {
    if (!m->src || n < 1)
        return 0;
    const char *p = m->at->p, *end = m->src + m->len;
    int k = m->at->n;
    if (n < k / 2)
        k = 1, p = m->src;                            /* nearer the start: from there */
    for (; k < n; k++) {
        p = memchr(p, '\n', (size_t)(end - p));
        if (!p)
            return 0;
        p++;
    }
    for (; k > n; k--) {                              /* back to the start of line k - 1 */
        p--;
        while (p > m->src && p[-1] != '\n')
            p--;
    }
    m->at->n = n, m->at->p = p;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e)
        e = end;
    if (e > p && e[-1] == '\r')
        e--;
    *s = p;
    *l = (size_t)(e - p);
    return 1;
}

/* Columns of leading white space (a tab to the next multiple of 8); -1
 * for a line with no code (blank, or only a comment). */
static int indent_of(const char *s, size_t l) {
    int col = 0;
    size_t i = 0;
    for (; i < l && (s[i] == ' ' || s[i] == '\t'); i++)
        col = s[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
    if (i == l || (i + 1 < l && s[i] == '-' && s[i + 1] == '-'))
        return -1;
    return col;
}

static int is_code(const lua_msg *m, int n) {
    const char *s;
    size_t l;
    return get_line(m, n, &s, &l) && indent_of(s, l) >= 0;
}

/* The last line with code before line n, or 0. */
static int code_before(const lua_msg *m, int n) {
    for (int k = n - 1; k >= 1; k--)
        if (is_code(m, k))
            return k;
    return 0;
}

static int last_code_line(const lua_msg *m) {
    int n = 1;
    for (const char *p = m->src; m->src && (p = memchr(p, '\n', m->len - (size_t)(p - m->src))); p++)
        n++;
    return code_before(m, n + 1);                     /* (the cursor walks back from the end) */
}

static int is_name_char(int c) { return isalnum(c) || c == '_'; }

/* How many of s[0..n) are in set (strspn on text without a NUL). */
static size_t span(const char *s, size_t n, const char *set) {
    size_t i = 0;
    while (i < n && strchr(set, s[i]) && s[i])
        i++;
    return i;
}

/* Does s[0..n) start with word? */
static int starts_with(const char *s, size_t n, const char *word) {
    size_t wl = strlen(word);
    return wl <= n && memcmp(s, word, wl) == 0;
}

/* Where tok first occurs on line n (NULL when it does not, or no source). */
static const char *find_on_line(const lua_msg *m, int n, const char *tok, const char **line, size_t *l) {
    size_t tl = strlen(tok);
    if (!get_line(m, n, line, l) || tl == 0)
        return NULL;
    for (const char *p = *line; p + tl <= *line + *l; p++)
        if (memcmp(p, tok, tl) == 0)
            return p;
    return NULL;
}

/* The last character before p on its line that is not a space, going back
 * to the end of the previous line with code when p starts its line; 0 when
 * none. */
static int char_before(const lua_msg *m, int n, const char *line, const char *p) {
    while (p > line && isspace((unsigned char)p[-1]))
        p--;
    if (p > line)
        return (unsigned char)p[-1];
    int k = code_before(m, n);
    const char *s;
    size_t l;
    if (!k || !get_line(m, k, &s, &l))
        return 0;
    while (l > 0 && isspace((unsigned char)s[l - 1]))
        l--;
    return l ? (unsigned char)s[l - 1] : 0;
}

/* A bracket left open at the end of the file (or at the start of line
 * upto, when upto > 0), with Lua's lexical rules
 * for strings and comments. Returns 1 with the innermost one (*open, *line),
 * or with *open = 0 and *line where a long string or comment starts that
 * never ends; 0 when everything is closed. */
static int unclosed(const char *s, size_t n, int upto, char *open, int *line, int *is_comment) {
    enum { DEPTH = 256 };
    char stack[DEPTH];
    int lines[DEPTH], depth = 0, ln = 1;
    for (size_t i = 0; i < n && (upto == 0 || ln < upto);) {
        char c = s[i];
        int comment = c == '-' && i + 1 < n && s[i + 1] == '-';
        if (comment)
            i += 2;
        if (i < n && s[i] == '[' && (c == '[' || comment)) {          /* a long bracket? */
            size_t j = i + 1, level = 0;
            while (j < n && s[j] == '=')
                j++, level++;
            if (j < n && s[j] == '[') {
                int start = ln;
                for (i = j + 1;; i++) {
                    if (i >= n) {
                        *open = 0, *line = start, *is_comment = comment;
                        return 1;
                    }
                    if (s[i] == '\n')
                        ln++;
                    else if (s[i] == ']' && i + level + 1 < n && s[i + level + 1] == ']' &&
                             span(s + i + 1, n - i - 1, "=") >= level) {
                        i += level + 2;
                        break;
                    }
                }
                continue;
            }
        }
        if (comment) {
            while (i < n && s[i] != '\n')
                i++;
            continue;
        }
        if (c == '"' || c == '\'') {
            for (i++; i < n && s[i] != c && s[i] != '\n'; i++)
                if (s[i] == '\\' && i + 1 < n && s[++i] == '\n')
                    ln++;
            if (i < n && s[i] == c)
                i++;
            continue;
        }
        if (c == '\n')
            ln++;
        else if (c == '(' || c == '{' || c == '[') {
            if (depth < DEPTH)
                stack[depth] = c, lines[depth] = ln;
            depth++;
        } else if ((c == ')' || c == '}' || c == ']') && depth > 0)
            depth--;
        i++;
    }
    if (depth == 0)
        return 0;
    int top = depth <= DEPTH ? depth - 1 : DEPTH - 1;
    *open = stack[top], *line = lines[top], *is_comment = 0;
    return 1;
}

static char closer_of(char open) { return open == '(' ? ')' : open == '[' ? ']' : '}'; }
static char opener_of(char close) { return close == ')' ? '(' : close == ']' ? '[' : '{'; }

/* The line after which a bracket opened on line `open` should close: the
 * last code line before the first later line indented no deeper than the
 * opening line (a new declaration at the margin), or the file's last code
 * line (*at_end = 1). */
static int closing_line(const lua_msg *m, int open, int *at_end) {
    const char *s;
    size_t l;
    if (!get_line(m, open, &s, &l))
        return 0;
    int base = indent_of(s, l);
    for (int k = open + 1; get_line(m, k, &s, &l); k++) {
        int in = indent_of(s, l);
        if (in >= 0 && in <= base && !strchr(")}]", s[in])) {
            *at_end = 0;
            return code_before(m, k);
        }
    }
    *at_end = 1;
    return last_code_line(m);
}

/* The line to close, before line n, a bracket opened on line `open`. */
static int close_before(const lua_msg *m, int open, int n) {
    int at_end, at = closing_line(m, open, &at_end);
    return at_end || at >= n || at < open ? code_before(m, n) : at;
}

/* ----------------------------------------------------------- output ---- */

static int emit(char *out, size_t outlen, const lua_msg *m, int line, const char *fmt, ...) {
    int k = snprintf(out, outlen, "%s:%d: ", m->file, line > 0 ? line : m->line);
    if (k >= 0 && (size_t)k < outlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(out + k, outlen - (size_t)k, fmt, ap);
        va_end(ap);
    }
    for (char *p = out; *p; p++)
        if ((unsigned char)*p < ' ')
            *p = ' ';
    return 1;
}

/* A token as a message shows it: a string as written, anything else in
 * double quotes; long ones cut. */
static const char *show(const char *tok, char *buf, size_t size) {
    int quoted = tok[0] == '"' || tok[0] == '\'';
    if (strlen(tok) > 40)
        snprintf(buf, size, quoted ? "%.36s...%c" : "\"%.36s...\"", tok, tok[0]);
    else
        snprintf(buf, size, quoted ? "%s" : "\"%s\"", tok);
    return buf;
}

/* A token that starts a value (or a field): a name, a number, a string, a
 * table, a bracketed key. */
static int starts_value(const char *tok) {
    static const char *const keywords[] = {"and", "break", "do", "else", "elseif", "end", "for", "goto", "if",
                                           "in", "local", "or", "repeat", "return", "then", "until", "while"};
    if (!tok[0])
        return 0;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strcmp(tok, keywords[i]) == 0)
            return 0;
    return is_name_char((unsigned char)tok[0]) || tok[0] == '"' || tok[0] == '\'' || tok[0] == '.' ||
           strcmp(tok, "{") == 0 || strcmp(tok, "[") == 0;
}

static const char *of_line(char *buf, size_t size, int open, int line) {
    if (open == line)
        snprintf(buf, size, "%s", rm_word(rm_message_lang(), "lua_errors.of_this_line"));
    else
        snprintf(buf, size, rm_word(rm_message_lang(), "lua_errors.of_line"), open);
    return buf;
}

/* ------------------------------------------------------------- rules ---- */

/* Units a person writes after a number, and the helper that says it. */
static const struct { const char *suffix, *helper; } units[] = {
    {"s", "seconds"}, {"sec", "seconds"}, {"second", "seconds"}, {"seconds", "seconds"}, {"m", "minutes"},
    {"mn", "minutes"}, {"min", "minutes"}, {"mins", "minutes"}, {"minute", "minutes"}, {"minutes", "minutes"},
    {"h", "hours"}, {"hr", "hours"}, {"hour", "hours"}, {"hours", "hours"}, {"heures", "hours"},
    {"d", "days"}, {"j", "days"}, {"day", "days"}, {"days", "days"}, {"jours", "days"},
    {"w", "weeks"}, {"week", "weeks"}, {"weeks", "weeks"}, {"semaines", "weeks"}};

static const char *helper_for(const char *unit) {
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(unit, units[i].suffix) == 0)
            return units[i].helper;
    return NULL;
}

static const char *code_char(const char *line, size_t l, const char *p, int *quote);

/* "a "}" is probably missing at the end of line `at` (to close the "{" of
 * line `open`)"; at the end of the file when at_end. A ")" goes before the
 * comma that ends the line: uniform(10, 25, then a new field. */
static int missing_closer(const lua_msg *m, char *out, size_t outlen, int at, int at_end, char open, int open_line) {
    char where[32];
    const char *s;
    size_t l;
    of_line(where, sizeof where, open_line, at);
    if (open == '(' && get_line(m, at, &s, &l)) {
        int quote = 0;
        const char *last = NULL;
        for (const char *p = s; (p = code_char(s, l, p, &quote)); p++)
            if (!isspace((unsigned char)*p))
                last = p;
        if (last && *last == ',')
            return emit(out, outlen, m, at, rm_word(rm_message_lang(), "lua_errors.paren_comma"), where);
    }
    return emit(out, outlen, m, at, at_end ? rm_word(rm_message_lang(), "lua_errors.brace_eof") : rm_word(rm_message_lang(), "lua_errors.brace_end"), closer_of(open), open, where);
}

/* The file ends inside a bracket or a long string: where to close it. */
static int missing_at_eof(const lua_msg *m, char *out, size_t outlen) {
    char open;
    int line, comment;
    if (!m->src || !unclosed(m->src, m->len, 0, &open, &line, &comment))
        return 0;
    if (!open)
        return emit(out, outlen, m, line, "%s", comment ? rm_word(rm_message_lang(), "lua_errors.long_comment") : rm_word(rm_message_lang(), "lua_errors.long_text"));
    int at_end = 0, close = closing_line(m, line, &at_end);
    return missing_closer(m, out, outlen, close, at_end, open, line);
}

/* 14:00 = ... in a rate table: Lua read 14, then stopped at ":". */
static int time_without_quotes(const lua_msg *m, char *out, size_t outlen) {
    const char *line, *p;
    size_t l;
    if (strcmp(m->tok, ":") != 0 || !(p = find_on_line(m, m->line, ":", &line, &l)) || p == line ||
        !isdigit((unsigned char)p[-1]) || p + 2 >= line + l || !isdigit((unsigned char)p[1]))
        return 0;
    const char *a = p - 1, *b = p + 1;
    while (a > line && isdigit((unsigned char)a[-1]))
        a--;
    while (b < line + l && isdigit((unsigned char)*b))
        b++;
    char key[16];
    snprintf(key, sizeof key, "%.*s", (int)(b - a), a);
    return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.time_key"), key);
}

/* The "=" Lua stopped at, when it follows a key: f(x) ["14:00"] = (read
 * as an index, f(x)["14:00"]: a comma is missing) or "checkout" = (a key
 * in quotes without brackets). */
static int key_before_equals(const lua_msg *m, int prev, char *out, size_t outlen) {
    const char *line, *p;
    size_t l;
    if (strcmp(m->tok, "=") != 0 || !get_line(m, m->line, &line, &l))
        return 0;
    for (p = line; p < line + l; p++) {
        const char *e = p, *k;
        char key[64];
        if (*p != '=')
            continue;
        while (e > line && isspace((unsigned char)e[-1]))
            e--;
        if (e == line)
            continue;
        if (e[-1] == ']') {
            for (k = e - 1; k > line && *k != '['; k--)
                ;
            int before = char_before(m, m->line, line, k);
            if (*k != '[' || !(before == ')' || before == ']' || is_name_char(before)))
                continue;                             /* a key after a comma: fine */
            snprintf(key, sizeof key, "%.*s", (int)(e - k) < 60 ? (int)(e - k) : 60, k);
            if (k == line + indent_of(line, l) && prev)
                return emit(out, outlen, m, prev, rm_word(rm_message_lang(), "lua_errors.comma_end"), key);
            return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.comma_before"), key);
        }
        if (e[-1] == '"' || e[-1] == '\'') {
            const char *b = e - 1;
            while (b > line && b[-1] != e[-1])
                b--;
            if (b == line)
                continue;
            snprintf(key, sizeof key, "%.*s", (int)(e - 1 - b), b);
            if (strlen(key) == 5 && key[2] == ':' && isdigit((unsigned char)key[0]))
                return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.time_key"), key);
            return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.quoted_key"), key, key);
        }
    }
    return 0;
}

/* { count 2 }: a name right after "{" or "," then a number (at p). */
static int equals_missing(const lua_msg *m, const char *line, const char *p, char *out, size_t outlen) {
    char buf[64], name[MAX_WORD + 1];
    const char *e = p, *b, *q;
    if (!isdigit((unsigned char)m->tok[0]))
        return 0;
    while (e > line && isspace((unsigned char)e[-1]))
        e--;
    for (b = e; b > line && is_name_char((unsigned char)b[-1]); b--)
        ;
    for (q = b; q > line && isspace((unsigned char)q[-1]); q--)
        ;
    if (b == e || isdigit((unsigned char)*b) || e - b > MAX_WORD || !(q == line || q[-1] == '{' || q[-1] == ','))
        return 0;
    snprintf(name, sizeof name, "%.*s", (int)(e - b), b);
    return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.equals_between"), name, show(m->tok, buf, sizeof buf));
}

/* duration = 5 minutes: a number, then a unit (tok, at p). */
static int number_then_unit(const lua_msg *m, const char *line, const char *p, char *out, size_t outlen) {
    const char *helper = helper_for(m->tok), *e = p, *b;
    if (!helper)
        return 0;
    while (e > line && isspace((unsigned char)e[-1]))
        e--;
    for (b = e; b > line && (isdigit((unsigned char)b[-1]) || b[-1] == '.'); b--)
        ;
    if (b == e || e - b > 20 || (b > line && is_name_char((unsigned char)b[-1])))
        return 0;
    char number[24];
    snprintf(number, sizeof number, "%.*s", (int)(e - b), b);
    return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.unit_apart"), number, m->tok, helper, number);
}

/* "'X' expected [(to close 'Y' at line N)] near 'tok'": X is ) ] or }. */
static int expected_closer(const lua_msg *m, char closer, char out[], size_t outlen) {
    char buf[64], o;
    const char *line, *p, *s;
    size_t l, sl;
    int open = m->line, prev = code_before(m, m->line), open_line, comment;
    if (m->eof)
        return missing_at_eof(m, out, outlen);
    const char *to = strstr(m->text, "(to close ");
    if (to && strstr(to, "at line "))
        open = atoi(strstr(to, "at line ") + 8);
    if (time_without_quotes(m, out, outlen) || key_before_equals(m, prev, out, outlen))
        return 1;
    p = find_on_line(m, m->line, m->tok, &line, &l);
    int first = p && indent_of(line, l) == (int)(p - line);   /* tok starts its line */
    /* function(  then  role "x" { on the next line: a declaration inside an open "(" */
    if (p && !first && closer == ')' && (m->tok[0] == '"' || m->tok[0] == '\'') && prev &&
        span(line, (size_t)(p - line), " \tabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789") ==
            (size_t)(p - line) && unclosed(m->src, m->len, m->line, &o, &open_line, &comment) && o == '(')
        return missing_closer(m, out, outlen, prev, 0, '(', open_line);
    if (first && open < m->line && prev) {
        /* back at the margin of the opening line, or a statement: the
         * bracket was never closed; deeper: the field before lacks a comma */
        if (!starts_value(m->tok) || (get_line(m, open, &s, &sl) && indent_of(line, l) <= indent_of(s, sl)))
            return missing_closer(m, out, outlen, close_before(m, open, m->line), 0, opener_of(closer), open);
        return emit(out, outlen, m, prev, rm_word(rm_message_lang(), "lua_errors.comma_end"), show(m->tok, buf, sizeof buf));
    }
    if (closer == ')' && strcmp(m->tok, ";") == 0)
        return emit(out, outlen, m, 0, "%s", rm_word(rm_message_lang(), "lua_errors.semicolon"));
    if (!starts_value(m->tok))
        return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.closer_before"), closer, show(m->tok, buf, sizeof buf));
    if (p && !first && (equals_missing(m, line, p, out, outlen) || number_then_unit(m, line, p, out, outlen)))
        return 1;
    return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.comma_before"), show(m->tok, buf, sizeof buf));
}

/* "unfinished string near '"r {'": the quote that closes is missing, or,
 * when a word touches the quote (counter" }), the one that opens. */
static int unfinished_string(const lua_msg *m, char *out, size_t outlen) {
    char body[40];
    if (m->eof)
        return emit(out, outlen, m, 0, "%s", rm_word(rm_message_lang(), "lua_errors.unfinished_eof"));
    if (m->tok[0] != '"' && m->tok[0] != '\'')
        return 0;
    size_t l;
    const char *line, *p = find_on_line(m, m->line, m->tok, &line, &l);
    if (p && p > line && is_name_char((unsigned char)p[-1])) {
        const char *b = p;
        while (b > line && is_name_char((unsigned char)b[-1]))
            b--;
        snprintf(body, sizeof body, "%.*s", (int)(p - b) < 30 ? (int)(p - b) : 30, b);
        return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.opening_quote"), m->tok[0], m->tok[0], body, m->tok[0]);
    }
    int bl = (int)strlen(m->tok + 1);
    while (bl > 0 && isspace((unsigned char)m->tok[bl]))
        bl--;
    if (bl > 30)
        snprintf(body, sizeof body, "%.27s...", m->tok + 1);
    else
        snprintf(body, sizeof body, "%.*s", bl, m->tok + 1);
    return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.unfinished"), m->tok[0], m->tok[0], body);
}

/* "'end' expected [(to close 'function' at line N)] near tok". */
static int end_missing(const lua_msg *m, char *out, size_t outlen) {
    char what[16] = "", buf[64], where[32];
    int open = m->line;
    const char *to = strstr(m->text, "(to close '"), *line, *p;
    size_t l;
    if (to) {
        sscanf(to + 11, "%15[a-z]", what);
        const char *at = strstr(to, "at line ");
        open = at ? atoi(at + 8) : open;
    } else                                      /* opened on this line: a function, an if? */
        return m->eof ? 0 : emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.end_before_plain"), show(m->tok, buf, sizeof buf));
    if (m->eof)
        return emit(out, outlen, m, open, rm_word(rm_message_lang(), "lua_errors.end_missing"), what);
    int at = m->line;
    p = find_on_line(m, m->line, m->tok, &line, &l);
    if (p && indent_of(line, l) == (int)(p - line) && code_before(m, m->line) >= open) {
        at = code_before(m, m->line);                 /* the end goes after the line before */
        return emit(out, outlen, m, at, rm_word(rm_message_lang(), "lua_errors.end_eol"), what, of_line(where, sizeof where, open, at));
    }
    return emit(out, outlen, m, at, rm_word(rm_message_lang(), "lua_errors.end_before"), show(m->tok, buf, sizeof buf), what,
                of_line(where, sizeof where, open, at));
}

/* "malformed number near '14h'": Lua keeps one letter of 14h00 or 3min. */
static int malformed_number(const lua_msg *m, char *out, size_t outlen) {
    char word[sizeof m->tok];
    const char *line, *p;
    size_t l;
    snprintf(word, sizeof word, "%s", m->tok);
    if ((p = find_on_line(m, m->line, m->tok, &line, &l))) {
        const char *e = p;
        while (e < line + l && (is_name_char((unsigned char)*e) || *e == '.'))
            e++;
        snprintf(word, sizeof word, "%.*s", (int)(e - p), p);
    }
    size_t digits = strspn(word, "0123456789"), num = strspn(word, "0123456789.");
    const char *rest = word + num;
    if (digits >= 1 && digits <= 2 && (word[digits] == 'h' || word[digits] == 'H') &&
        (word[digits + 1] == '\0' || (strspn(word + digits + 1, "0123456789") == 2 && !word[digits + 3]))) {
        char hhmm[8];
        snprintf(hhmm, sizeof hhmm, "%02d:%.2s", atoi(word), word[digits + 1] ? word + digits + 1 : "00");
        return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.fr_time"), word, hhmm);
    }
    if (digits > 0 && *rest && helper_for(rest))
        return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.unit"), word, helper_for(rest), (int)num, word);
    return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.not_number"), word);
}

/* activité: a word with an accent (line[i] is the first byte of the
 * accented letter), which Lua reads only inside quotes. */
static int accented_word(const lua_msg *m, const char *line, size_t l, size_t i, char *out, size_t outlen) {
    /* Latin-1 letters U+00C0..U+00FF (UTF-8 C3 80..C3 BF) without their accent */
    static const char plain_of[] = "AAAAAA?CEEEEIIII?NOOOOO??UUUUY?saaaaaa?ceeeeiiii?nooooo??uuuuy?y";
    char word[2 * MAX_WORD + 1], plain[MAX_WORD + 1], hint[MAX_WORD + 32] = "";
    size_t b = i, e, pl = 0;
    while (b > 0 && is_name_char((unsigned char)line[b - 1]))
        b--;
    for (e = b; e < l && pl < MAX_WORD;) {
        unsigned char c = (unsigned char)line[e];
        if (c == 0xC3 && e + 1 < l && (unsigned char)line[e + 1] >= 0x80 && (unsigned char)line[e + 1] <= 0xBF) {
            plain[pl++] = plain_of[(unsigned char)line[e + 1] - 0x80];
            e += 2;
        } else if (is_name_char(c)) {
            plain[pl++] = (char)c;
            e++;
        } else
            break;
    }
    plain[pl] = '\0';
    snprintf(word, sizeof word, "%.*s", (int)(e - b), line + b);
    const char *best = m->cx ? rm_lua_suggest(plain, m->cx->words, m->cx->nwords) : NULL;
    if (!best)
        return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.accent"), word, plain, word);
    snprintf(hint, sizeof hint, rm_word(rm_message_lang(), "lua_errors.did_you_mean"), best);
    return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.not_word"), word, language_name(m->cx), hint);
}

/* Lua shows a byte it cannot read as '<\226>': name what was pasted. */
static int odd_character(const lua_msg *m, char *out, size_t outlen) {
    static const struct { const char *bytes; int kind; } known[] = {
        {"\xe2\x80\x9c", 0}, {"\xe2\x80\x9d", 0}, {"\xe2\x80\x98", 1}, {"\xe2\x80\x99", 1},
        {"\xc2\xab", 2}, {"\xc2\xbb", 2}, {"\xc2\xa0", 3}, {"\xe2\x80\xaf", 3},
        {"\xe2\x80\x93", 4}, {"\xe2\x80\x94", 4}};
    int byte = atoi(m->tok + 2);
    const char *line;
    size_t l;
    if (get_line(m, m->line, &line, &l))
        for (size_t i = 0; i < l; i++) {
            if ((unsigned char)line[i] != byte)
                continue;
            if (byte == 0xC3 && i + 1 < l && (unsigned char)line[i + 1] >= 0x80 && (unsigned char)line[i + 1] <= 0xBF)
                return accented_word(m, line, l, i, out, outlen);
            for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
                size_t bl = strlen(known[k].bytes);
                if (i + bl > l || memcmp(line + i, known[k].bytes, bl) != 0)
                    continue;
                switch (known[k].kind) {
                case 0: return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.quote"), known[k].bytes, '"');
                case 1: return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.quote"), known[k].bytes, '\'');
                case 2: return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.fr_quote"), known[k].bytes);
                case 3: return emit(out, outlen, m, 0, "%s", rm_word(rm_message_lang(), "lua_errors.nbsp"));
                default: return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.dash"), known[k].bytes);
                }
            }
            break;
        }
    return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.odd_byte"), byte);
}

/* Line n starts like a declaration, WORD "name": role "r" = { (the "=" to
 * remove), arrivals "a", { (the ","), role r { (the quotes missing). */
static int declaration_shape(const lua_msg *m, const char *line, size_t l, char *out, size_t outlen) {
    size_t i = span(line, l, " \t"), w = i;
    while (w < l && is_name_char((unsigned char)line[w]))
        w++;
    size_t j = w + span(line + w, l - w, " \t");
    char word[MAX_WORD + 1], name[80];
    if (w == i || w - i > MAX_WORD)
        return 0;
    snprintf(word, sizeof word, "%.*s", (int)(w - i), line + i);
    if (j < l && (line[j] == '"' || line[j] == '\'') && (m->tok[0] == '=' || m->tok[0] == ',') && !m->tok[1]) {
        const char *e = memchr(line + j + 1, line[j], l - j - 1);
        size_t k = e ? (size_t)(e - line) + 1 : l;
        if (e && (k += span(line + k, l - k, " \t")) < l && line[k] == m->tok[0]) {
            snprintf(name, sizeof name, "%.*s", (int)(e - line - j - 1) < 79 ? (int)(e - line - j - 1) : 79,
                     line + j + 1);
            return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.decl_punct"), m->tok, word, name);
        }
    }
    if (j > w && strcmp(word, "local") != 0 && strcmp(word, "return") != 0 && starts_with(line + j, l - j, m->tok) &&
        is_name_char((unsigned char)m->tok[0]))
        return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.unquoted"), word, word, m->tok);
    return 0;
}

/* A "}", ")", "]", "end" or "," where Lua expected a value or a statement:
 * count = } (a value missing), }} (one too many), 20,, (a comma too many). */
static int misplaced_punctuation(const lua_msg *m, const char *line, size_t l, char *out, size_t outlen) {
    int closer = strcmp(m->tok, "}") == 0 || strcmp(m->tok, ")") == 0 || strcmp(m->tok, "]") == 0 ||
                 strcmp(m->tok, "end") == 0;
    if (!closer && strcmp(m->tok, ",") != 0)
        return 0;
    if (closer && strncmp(m->text, "<eof> expected", 14) == 0)     /* the file could have ended */
        return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.closes_nothing"), m->tok);
    size_t tl = strlen(m->tok);
    for (const char *p = line; p + tl <= line + l; p++) {        /* each place the token is on the line */
        if (memcmp(p, m->tok, tl) != 0)
            continue;
        int before = char_before(m, m->line, line, p);
        const char *e = p, *b, *n;
        if (before == '=') {                          /* count = } */
            while (e > line && e[-1] != '=')
                e--;
            for (b = e > line ? e - 1 : e; b > line && isspace((unsigned char)b[-1]); b--)
                ;
            for (n = b; n > line && is_name_char((unsigned char)n[-1]); n--)
                ;
            if (e > line && n < b && b - n <= MAX_WORD) {
                char name[MAX_WORD + 1];
                snprintf(name, sizeof name, "%.*s", (int)(b - n), n);
                return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.value_missing"), name);
            }
        }
        if (before == '%') {                          /* next = { exit = 70% } */
            const char *q = p;
            while (q > line && q[-1] != '%')
                q--;
            const char *end = q > line ? q - 1 : q, *d;
            while (end > line && isspace((unsigned char)end[-1]))
                end--;
            for (d = end; d > line && (isdigit((unsigned char)d[-1]) || d[-1] == '.'); d--)
                ;
            if (d < end && end - d < 20)
                return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.percent"), (int)(end - d), d, atof(d) / 100);
        }
        if (closer && before && strchr(")}]", before))
            return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.closes_nothing"), m->tok);
        if (!closer && before && strchr(",{(", before))              /* 20,, and {, */
            return emit(out, outlen, m, 0, "%s", rm_word(rm_message_lang(), "lua_errors.extra_comma"));
    }
    return 0;
}

/* "unexpected symbol" / "syntax error" / "<eof> expected" near tok. */
static int unexpected(const lua_msg *m, char *out, size_t outlen) {
    const char *line;
    size_t l;
    char open;
    int open_line, comment;
    if (m->eof)
        return missing_at_eof(m, out, outlen);
    if (m->tok[0] == '<' && m->tok[1] == '\\')
        return odd_character(m, out, outlen);
    if (!get_line(m, m->line, &line, &l))
        return 0;
    int in = indent_of(line, l);
    if (strcmp(m->tok, "//") == 0 || (strcmp(m->tok, "#") == 0 && in >= 0 && line[in] == '#'))
        return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.comment"), m->tok);
    if (in >= 0 && starts_with(line + in, l - (size_t)in, m->tok) && !starts_value(m->tok) &&
        unclosed(m->src, m->len, m->line, &open, &open_line, &comment) && open && closer_of(open) != m->tok[0])
        /* a statement (local, function...) where a field was expected, or a
         * "}" where a ")" was still open */
        return missing_closer(m, out, outlen, close_before(m, open_line, m->line), 0, open, open_line);
    return declaration_shape(m, line, l, out, outlen) || misplaced_punctuation(m, line, l, out, outlen);
}

/* "attempt to call a nil value (global 'activty')" and the like. */
static int unknown_word(const lua_msg *m, const rm_lua_context *cx, char *out, size_t outlen) {
    const char *g = strstr(m->text, " a nil value (global '");
    if (strncmp(m->text, "attempt to ", 11) != 0 || !g)
        return 0;
    g += strlen(" a nil value (global '");
    const char *e = strchr(g, '\'');
    if (!e || strcmp(e, "')") != 0 || e - g > MAX_WORD)
        return 0;
    char name[MAX_WORD + 1], hint[MAX_WORD + 32] = "";
    snprintf(name, sizeof name, "%.*s", (int)(e - g), g);
    const char *best = rm_lua_suggest(name, cx->words, cx->nwords), *line;
    size_t l;
    int in;
    if (best)
        snprintf(hint, sizeof hint, rm_word(rm_message_lang(), "lua_errors.did_you_mean"), best);
    else if (get_line(m, m->line, &line, &l) && (in = indent_of(line, l)) > 0 &&
             starts_with(line + in, l - (size_t)in, name)) {
        size_t k = (size_t)in + strlen(name);                /* absence { ... } inside a declaration */
        k += span(line + k, l - k, " \t");
        if (k < l && strchr("{\"'", line[k]))
            snprintf(hint, sizeof hint, rm_word(rm_message_lang(), "lua_errors.field_hint"), name);
    }
    return emit(out, outlen, m, 0, rm_word(rm_message_lang(), "lua_errors.not_word"), name, language_name(cx), hint);
}

/* The next character of line[0..l) from p that is outside quotes and
 * before a comment (NULL at the end): the scans below skip strings. */
static const char *code_char(const char *line, size_t l, const char *p, int *quote) {
    for (; p < line + l; p++) {
        if (*quote) {
            if (*p == *quote)
                *quote = 0;
            else if (*p == '\\')
                p++;
            continue;
        }
        if (*p == '"' || *p == '\'') {
            *quote = *p;
            continue;
        }
        if (p[0] == '-' && p + 1 < line + l && p[1] == '-')
            return NULL;
        return p;
    }
    return NULL;
}

/* 0,8 on line n, the French decimal: Lua read two numbers. */
static int decimal_comma(const lua_msg *m, int n, const char *pre, char *out, size_t outlen) {
    const char *line, *p;
    size_t l;
    int quote = 0;
    if (!get_line(m, n, &line, &l))
        return 0;
    for (p = line; (p = code_char(line, l, p, &quote)); p++) {
        if (!(isdigit((unsigned char)p[0]) && p + 2 < line + l && p[1] == ',' && isdigit((unsigned char)p[2])))
            continue;
        const char *s = p, *e = p + 2;
        while (s > line && (isdigit((unsigned char)s[-1]) || s[-1] == '.'))
            s--;
        if (s > line && is_name_char((unsigned char)s[-1]))
            continue;                                 /* x1,2: not a number */
        while (e < line + l && isdigit((unsigned char)*e))
            e++;
        char text[40], dot[40];
        snprintf(text, sizeof text, "%.*s", (int)(e - s), s);
        snprintf(dot, sizeof dot, "%s", text);
        *strchr(dot, ',') = '.';
        return emit(out, outlen, m, n, rm_word(rm_message_lang(), "lua_errors.decimal_comma"), pre, text, dot);
    }
    return 0;
}

/* count == 2 on line n: a comparison where a field was meant. */
static int double_equals(const lua_msg *m, int n, const char *pre, char *out, size_t outlen) {
    const char *line, *p;
    size_t l;
    int quote = 0;
    if (!get_line(m, n, &line, &l))
        return 0;
    for (p = line; (p = code_char(line, l, p, &quote)); p++) {
        if (!(p + 1 < line + l && p[0] == '=' && p[1] == '='))
            continue;
        const char *e = p, *s;
        while (e > line && isspace((unsigned char)e[-1]))
            e--;
        for (s = e; s > line && is_name_char((unsigned char)s[-1]); s--)
            ;
        const char *v = p + 2 + span(p + 2, (size_t)(line + l - p - 2), " \t"), *ve = v;
        while (ve < line + l && *ve != ',' && *ve != '}' && !(ve + 1 < line + l && ve[0] == '-' && ve[1] == '-'))
            ve++;
        while (ve > v && isspace((unsigned char)ve[-1]))
            ve--;
        if (s < e && ve > v && e - s <= MAX_WORD && ve - v < 60) {
            char a[MAX_WORD + 1], b[64];
            snprintf(a, sizeof a, "%.*s", (int)(e - s), s);
            snprintf(b, sizeof b, "%.*s", (int)(ve - v), v);
            return emit(out, outlen, m, n, rm_word(rm_message_lang(), "lua_errors.field_eqeq"), pre, a, b, a, b);
        }
        p++;
    }
    return 0;
}

/* calendar "shop" or absence { on line n, inside a declaration: a call
 * where a field was meant. */
static int call_for_field(const lua_msg *m, int n, const char *pre, char *out, size_t outlen) {
    const char *line;
    size_t l;
    int in;
    if (!get_line(m, n, &line, &l) || (in = indent_of(line, l)) <= 0)
        return 0;
    size_t w = (size_t)in;
    while (w < l && is_name_char((unsigned char)line[w]))
        w++;
    size_t k = w + span(line + w, l - w, " \t");
    if (w == (size_t)in || w - (size_t)in > MAX_WORD || k >= l || !strchr("\"'{", line[k]))
        return 0;
    char name[MAX_WORD + 1], value[64] = "{ ... }";
    snprintf(name, sizeof name, "%.*s", (int)(w - (size_t)in), line + in);
    if (line[k] != '{') {
        const char *e = memchr(line + k + 1, line[k], l - k - 1);
        if (!e || e - (line + k) > 60)
            return 0;
        snprintf(value, sizeof value, "%.*s", (int)(e - (line + k) + 1), line + k);
    }
    return emit(out, outlen, m, n, rm_word(rm_message_lang(), "lua_errors.field_call"), pre, name, value);
}

/* The prelude's "found a value without a name" (at the declaration's first
 * line), when a line of the declaration shows why: count == 2, or 0,8 for
 * 0.8; and its "exponential takes 1 number (mean), got 2" for 0,8. */
/* The i-th piece of the prelude's word for key, in the load's language:
 * the text between its conversions (0: before the first), and after
 * its last one when i is -1, without the ": " or " : " that begins it. */
static const char *word_piece(const char *key, int i, char *buf, size_t size) {
    const char *w = rm_word(rm_message_lang(), key), *start = w;
    int n = 0;
    for (const char *p = w; *p; p++) {
        if (*p != '%' || p[1] == '%') {
            p += *p == '%';
            continue;
        }
        if (n++ == i)
            break;
        while (*++p && !strchr("cdiouxXeEfFgGaAsq", *p))
            ;
        if (!*p)
            break;
        start = p + 1;
    }
    if (i < 0)
        start += strncmp(start, ": ", 2) == 0 ? 2 : strncmp(start, " : ", 3) == 0 ? 3 : 0;
    size_t len = strcspn(start, "%");
    snprintf(buf, size, "%.*s", (int)len, start);
    return buf;
}

static int prelude_message(const lua_msg *m, char *out, size_t outlen) {
    char pre[96], piece[256], number[64], got[64];
    const char *tail = strstr(m->text, word_piece("prelude.fields_are_written_name", -1, piece, sizeof piece));
    if (tail) {
        snprintf(pre, sizeof pre, "%.*s", (int)(tail - m->text), m->text);
        int at_end, last = closing_line(m, m->line, &at_end);
        for (int n = m->line; n <= last || n == m->line; n++)
            if (double_equals(m, n, pre, out, outlen) || decimal_comma(m, n, pre, out, outlen) ||
                (n > m->line && call_for_field(m, n, pre, out, outlen)))
                return 1;
        return 0;
    }
    const char *prob = strstr(m->text, word_piece("prelude.write_name_probability_b", -1, piece, sizeof piece));
    if (prob && prob - m->text < 90) {
        snprintf(pre, sizeof pre, "%.*s", (int)(prob - m->text), m->text);
        return decimal_comma(m, m->line, pre, out, outlen);
    }
    const char *takes = strstr(m->text, word_piece("prelude.takes_number_got", 1, piece, sizeof piece));
    if (takes && strstr(takes, word_piece("prelude.takes_number_got", 2, number, sizeof number)) &&
        strstr(takes, word_piece("prelude.takes_number_got", 4, got, sizeof got)) && takes - m->text < 40) {
        snprintf(pre, sizeof pre, "%.*s: ", (int)(takes - m->text), m->text);
        return decimal_comma(m, m->line, pre, out, outlen);
    }
    return 0;
}

/* ------------------------------------------------------------- entry ---- */

/* Is the chunk name Lua printed (luaO_chunkid: the path, or "..." and its
 * end when too long) this path? */
static int same_file(const char *chunk, size_t n, const char *path) {
    size_t pl = strlen(path);
    if (n == pl && memcmp(chunk, path, n) == 0)
        return 1;
    return n > 3 && memcmp(chunk, "...", 3) == 0 && pl >= n - 3 && memcmp(path + pl - (n - 3), chunk + 3, n - 3) == 0;
}

int rm_lua_error_rewrite(const char *msg, const char *path, const rm_lua_context *cx, char *out,
                         size_t outlen) {
    if (outlen == 0)
        return 0;
    snprintf(out, outlen, "%s", msg);
    /* "CHUNK:LINE: text": the first ":digits: " */
    const char *colon = msg;
    while ((colon = strchr(colon, ':')) && !(isdigit((unsigned char)colon[1]) &&
                                             strncmp(colon + 1 + strspn(colon + 1, "0123456789"), ": ", 2) == 0))
        colon++;
    if (!colon)
        return 0;
    struct cursor at = {1, cx ? cx->source : NULL};
    lua_msg m = {0};
    m.at = &at;
    m.cx = cx;
    char file[4200];
    size_t fl = (size_t)(colon - msg);
    int same = path && same_file(msg, fl, path);
    if (same)
        snprintf(file, sizeof file, "%s", path);      /* whole, not Lua's "..." of it */
    else
        snprintf(file, sizeof file, "%.*s", (int)fl, msg);
    m.file = file;
    m.line = atoi(colon + 1);
    m.text = colon + 1 + strspn(colon + 1, "0123456789") + 2;
    if (same && cx)
        m.src = cx->source, m.len = cx->len;
    const char *near = strstr(m.text, " near ");     /* the token, as llex.c's txtToken shows it */
    if (near) {
        near += 6;
        size_t nl = strlen(near);
        if (strcmp(near, "<eof>") == 0)
            m.eof = 1;
        else if (nl >= 2 && near[0] == '\'' && near[nl - 1] == '\'')
            snprintf(m.tok, sizeof m.tok, "%.*s", (int)(nl - 2), near + 1);
    }
    const char *t = m.text;
    char tmp[1024];
    int done = 0;
    if (strncmp(t, "unfinished string", 17) == 0)
        done = unfinished_string(&m, tmp, sizeof tmp);
    else if (strncmp(t, "unfinished long", 15) == 0 && m.eof)
        done = missing_at_eof(&m, tmp, sizeof tmp);
    else if (strncmp(t, "malformed number", 16) == 0 && m.tok[0])
        done = malformed_number(&m, tmp, sizeof tmp);
    else if ((strncmp(t, "'}' expected", 12) == 0 || strncmp(t, "')' expected", 12) == 0 ||
              strncmp(t, "']' expected", 12) == 0) && (m.tok[0] || m.eof))
        done = expected_closer(&m, t[1], tmp, sizeof tmp);
    else if ((strncmp(t, "'then' expected", 15) == 0 || strncmp(t, "'do' expected", 13) == 0) &&
             strcmp(m.tok, "=") == 0)
        done = emit(tmp, sizeof tmp, &m, 0, "%s", rm_word(rm_message_lang(), "lua_errors.compare"));
    else if (strncmp(t, "'end' expected", 14) == 0 && (m.eof || m.tok[0]))
        done = end_missing(&m, tmp, sizeof tmp);
    else if (strncmp(t, "unexpected symbol", 17) == 0 || strncmp(t, "syntax error", 12) == 0 ||
               strncmp(t, "<eof> expected", 14) == 0 || (m.eof && strstr(t, "expected")))
        done = unexpected(&m, tmp, sizeof tmp);
    else if (strncmp(t, "attempt to ", 11) == 0)
        done = cx ? unknown_word(&m, cx, tmp, sizeof tmp) : 0;
    else
        done = prelude_message(&m, tmp, sizeof tmp);
    if (done)
        snprintf(out, outlen, "%s", tmp);
    return done;
}
