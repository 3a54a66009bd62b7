-- a hostile scenario run from a batch script: its error is the script's
local ok, err = pcall(run, "hang_xpcall_hook.lua", { reps = 1 })
print(ok)
error(err, 0)
