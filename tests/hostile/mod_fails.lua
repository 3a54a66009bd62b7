-- a module of req_retry.lua
error("boom")
