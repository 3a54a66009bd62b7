-- expect: 2 check
-- line: remous: ./mod_fails.lua:2: boom
-- a module that fails, tried again after a pcall: its error again, not a cycle
local ok = pcall(require, "mod_fails")
require("mod_fails")
