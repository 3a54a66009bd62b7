-- The benchmark model: M/M/3 at load 0.85 (the same as plain_mm3.c).
-- `hooks = true` draws durations and routes items through Lua functions:
-- one hook call per event.
scenario "bench M/M/3" { horizon = param("horizon", 10000000), replications = 1 }
role "server" { count = 3 }
arrivals "customers" { interarrival = exponential(1), to = "serve" }
if param("hooks", false) then
  local log, random = math.log, math.random
  activity "serve" {
    role = "server",
    duration = function(item) return -2.55 * log(1 - random()) end,
    next = function(item) return "exit" end,
  }
else
  activity "serve" { role = "server", duration = exponential(2.55) }
end
