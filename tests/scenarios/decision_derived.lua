-- Constant gaps and durations: every replication is the same, so the
-- declared metrics have exact values (tests/decision_test.sh). A reader
-- comes every 10 minutes; serving takes 4 minutes (core), filing 1 (admin),
-- 2 in the variant: serving is 4/5 of the busy time, then 4/6.
scenario "derived" { horizon = days(2), replications = 3 }
role "clerk" {}
arrivals "visitors" { interarrival = 10, to = "serve" }
activity "serve" { role = "clerk", duration = 4, kind = "core", next = "file" }
activity "file" { role = "clerk", duration = 1, kind = "admin" }
metric "core_share_of_busy" {
  of = function(r) return r.role.clerk.share_core / r.role.clerk.utilization end,
  label = "serving, share of busy time", unit = "share" }
metric "admin_per_core" { of = function(r) return r.role.clerk.share_admin / r.role.clerk.share_core end }
-- a quantile has no time series: this one has a summary, no period
metric "wait_p90_plus_one" { of = function(r) return r.queue.serve.wait_p90 + 1 end }
-- a queue only the variant has: no value in the baseline
metric "pickup_wait" { of = function(r) return r.queue.pickup.wait_mean end }
variant "slower filing" {
  apply = function()
    activity "file" { duration = 2, next = "pick" }
    queue "pickup" {}
    activity "pick" { role = "clerk", queue = "pickup", duration = 0.5, kind = "core" }
  end,
}
target "serving keeps most of the time" { metric = "core_share_of_busy", at_least = 0.75 }
target "short visits" { metric = "arrivals:visitors:cycle_time_mean", below = 6, label = "visits under 6 minutes" }
