-- Not a hang: the time of a run is the scenario's, not the script's.
local r = run("hang_long.lua", { reps = 1 })
assert(r.activity.serve.completed.mean > 19900000)
