/* What binding.c shares with binding_batch.c, the Lua binding's two
 * halves: one sandbox for scenarios and batch scripts. */
#ifndef RM_BINDING_H
#define RM_BINDING_H

struct lua_State;

/* Opens base, string, table, math and utf8: what sandboxed Lua may use. */
void rm_lua_open_safe(struct lua_State *L);

/* Takes away what loads code or files (dofile, loadfile, load, require,
 * string.dump). */
void rm_lua_close_sandbox(struct lua_State *L);

#endif
