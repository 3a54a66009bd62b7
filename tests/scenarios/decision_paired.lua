-- Random gaps and durations, with a declared metric: its paired interval
-- in compare.csv is checked against one worked out by hand from
-- replications.csv (tests/decision_test.sh).
scenario "paired" { horizon = days(7), replications = 10 }
role "clerk" { count = 2 }
arrivals "visitors" { interarrival = exponential(10), to = "serve" }
activity "serve" { role = "clerk", duration = exponential(12), kind = "core", next = "file" }
activity "file" { role = "clerk", duration = exponential(3), kind = "admin" }
metric "core_share_of_busy" {
  of = function(r) return r.role.clerk.share_core / r.role.clerk.utilization end, unit = "share" }
variant "slower filing" { apply = function() activity "file" { duration = exponential(6) } end }
