-- The benchmark model: M/M/3 at load 0.85 (the same as plain_mm3.c).
-- `hooks = true` adds a Lua hook to every event: each arrival's priority
-- and each service end's next step come from Lua functions (trivial ones,
-- so that what is measured is what a hook call costs remous).
scenario "bench M/M/3" { horizon = param("horizon", 10000000), replications = 1 }
role "server" { count = 3 }
if param("hooks", false) then
  arrivals "customers" { interarrival = exponential(1), to = "serve", priority = function(item) return 0 end }
  activity "serve" { role = "server", duration = exponential(2.55), next = function(item) return "exit" end }
else
  arrivals "customers" { interarrival = exponential(1), to = "serve" }
  activity "serve" { role = "server", duration = exponential(2.55) }
end
