/* Lua's error messages rewritten into the words of a scenario: a missing
 * comma, an unknown word, an unclosed string or brace, a French time, said
 * as a facilitator would say them, with the line to change. Pure string
 * work: no Lua header here (binding.c and binding_batch.c call it). */
#ifndef RM_LUA_ERRORS_H
#define RM_LUA_ERRORS_H

#include <stddef.h>

/* What the rewriter knows besides the message. */
typedef struct {
    const char *source;        /* the text of the file that failed, or NULL */
    size_t len;                /* its length in bytes */
    const char *const *words;  /* the words of the language (for "did you mean"), sorted */
    int nwords;
    const char *language;      /* "scenario" or "batch": "... is not a word of the scenario language" */
} rm_lua_context;

/* Rewrites msg, a Lua message "CHUNK:LINE: text" about the file `path`,
 * into "path:LINE': plain words", where LINE' is the line to change (the
 * line that lacks a comma, not the line after it where Lua noticed). The
 * source is used only when the message is about `path` itself (CHUNK is
 * path, or Lua's "..." shortening of it); otherwise only the rewrites that
 * need no source apply and CHUNK is kept. Writes one line into out (always
 * NUL-terminated when outlen > 0). Returns 1 when a rewrite applied, 0 when
 * msg was copied as it is. msg and out must not overlap. */
int rm_lua_error_rewrite(const char *msg, const char *path, const rm_lua_context *cx, char *out,
                         size_t outlen);

/* The word of words[0..n) closest to name by edit distance (Damerau), or
 * NULL when none is close enough to be what a typo meant (the rule of the
 * prelude's suggest: distance below max(1, len/3) + 1 and below len). */
const char *rm_lua_suggest(const char *name, const char *const *words, int n);

#endif
