-- Two goals that pull apart (tests/decision_test.sh): a reader every `gap`
-- minutes, served in `service` by one of `clerks`. More clerks: less busy,
-- each serving fewer readers; a shorter gap: more readers, busier clerks.
-- Every replication is the same (no randomness), so each interval is its
-- mean and the Pareto front is known by construction.
scenario "pareto" { horizon = days(1), replications = 3 }
local clerks = param("clerks", 1, { label = "Clerks" })
local gap = param("gap", 10, { label = "Minutes between readers" })
local service = param("service", 4)
role "clerk" { count = clerks, label = "clerks" }
arrivals "visitors" { interarrival = gap, to = "serve", label = "readers" }
activity "serve" { role = "clerk", duration = service }
metric "readers_per_clerk" { of = function(r) return r.arrivals.visitors.arrived / clerks end, label = "readers per clerk", unit = "count" }
metric "idle_share" { of = function(r) return 1 - r.role.clerk.utilization end, label = "clerks' idle time", unit = "share" }
target "clerks not too busy" { metric = "role:clerk:utilization", below = 0.3 }
