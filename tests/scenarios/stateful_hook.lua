-- A hook that keeps state between calls: the clerk speeds up after 600
-- items. Every replication must start from the loaded state, whatever --jobs.
scenario "stateful" { horizon = 500, replications = 4 }
role "server" { count = 2 }
arrivals "customers" { interarrival = exponential(1), to = "serve" }
local served = 0
activity "serve" { role = "server", duration = function(item) served = served + 1; return served < 600 and 1.8 or 0.9 end }
