-- a module of req_cycle.lua
require("mod_cycle_b")
