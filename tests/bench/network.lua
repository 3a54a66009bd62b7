-- The second benchmark model (the same as plain_network.c): two classes of
-- patients through three stations, priority lines at the first two.
-- urgent 0.3 and routine 0.5 an hour; reception (2 people, mean 2, load
-- 0.8), then treatment with probability 0.7 (3 people, mean 4, load 0.75),
-- then checkout (1 person, mean 1, load 0.8). `hooks = true` routes every
-- item through Lua functions: a hook call at every step's end.
scenario "bench network" { horizon = param("horizon", 6500000), replications = 1 }
role "receptionist" { count = 2 }
role "nurse" { count = 3 }
role "cashier" { count = 1 }
queue "reception" { discipline = "priority" }
queue "treatment" { discipline = "priority" }
arrivals "urgent" { interarrival = exponential(1 / 0.3), to = "reception", priority = 0 }
arrivals "routine" { interarrival = exponential(2), to = "reception", priority = 1 }
if param("hooks", false) then
  local random = math.random
  activity "reception" { role = "receptionist", queue = "reception", duration = exponential(2),
                         next = function(item) return random() < 0.7 and "treatment" or "checkout" end }
  activity "treatment" { role = "nurse", queue = "treatment", duration = exponential(4),
                         next = function(item) return "checkout" end }
  activity "checkout" { role = "cashier", duration = exponential(1), next = function(item) return "exit" end }
else
  activity "reception" { role = "receptionist", queue = "reception", duration = exponential(2),
                         next = { treatment = 0.7, checkout = 0.3 } }
  activity "treatment" { role = "nurse", queue = "treatment", duration = exponential(4), next = "checkout" }
  activity "checkout" { role = "cashier", duration = exponential(1) }
end
