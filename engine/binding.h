/* What binding.c shares with binding_batch.c, the Lua binding's two
 * halves: one sandbox for scenarios and batch scripts. */
#ifndef RM_BINDING_H
#define RM_BINDING_H

#include <stddef.h>
#include <string.h>

struct lua_State;

/* Opens base, string, table, math and utf8: what sandboxed Lua may use. */
void rm_lua_open_safe(struct lua_State *L);

/* Takes away what loads code or files (dofile, loadfile, load, require,
 * string.dump). */
void rm_lua_close_sandbox(struct lua_State *L);

/* The length of the byte-order mark some editors put at the start of a
 * UTF-8 file (3, or 0 when there is none): Lua's loadfile skips it, but
 * loadbuffer would stop at it, so the loaders skip it too. */
static inline size_t rm_bom_length(const char *text, size_t len) {
    return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Rewrites the Lua message in err (one line, "FILE:LINE: ...") in the
 * words of `language` ("scenario" or "batch"), with the file's source when
 * known (NULL otherwise) and the globals of L as the words to suggest; see
 * lua_errors.h. Leaves L's stack as it was. */
void rm_lua_rewrite_error(struct lua_State *L, const char *path, const char *source, size_t len,
                          const char *language, char *err, size_t errlen);

/* Whether the file at path, links followed, lies inside folder dir: 1 or
 * 0; -1 when path cannot be resolved (the caller's open then says why). */
int rm_path_inside(const char *path, const char *dir);

/* remous's own folder of ready scenarios (next to scripts/), or NULL; the
 * caller frees it. */
char *rm_scenarios_dir(void);

#endif
