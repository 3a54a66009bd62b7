-- Constant gaps and durations: every replication is the same, so each
-- option's verdicts are known by construction (tests/decision_test.sh,
-- tests/workshop_test.sh). A visitor comes every 10 minutes; serving takes
-- 4 minutes (core), filing 1 (admin): a visit lasts 5 minutes, serving is
-- 4/5 of the busy time. The variants file in 2, 0.5 or 0.25 minutes, then
-- hand over (0.5, core) at a pickup queue the baseline does not have.
scenario "options" { horizon = days(2), replications = 3 }
role "clerk" { label = "clerks" }
arrivals "visitors" { interarrival = 10, to = "serve", label = "visitors" }
activity "serve" { role = "clerk", duration = 4, kind = "core", next = "file" }
activity "file" { role = "clerk", duration = 1, kind = "admin" }
metric "core_share_of_busy" {
  of = function(r) return r.role.clerk.share_core / r.role.clerk.utilization end,
  label = "serving, share of busy time", unit = "share" }
local function filing(minutes)
  return function()
    activity "file" { duration = minutes, next = "pick" }
    queue "pickup" { label = "the pickup line" }
    activity "pick" { role = "clerk", queue = "pickup", duration = 0.5, kind = "core" }
  end
end
variant "slower filing" { apply = filing(2) }        -- 6.5 minutes, 4.5/6.5 = 69%
variant "quick filing" { apply = filing(0.5) }       -- 5 minutes, 4.5/5 = 90%
variant "quicker filing" { apply = filing(0.25) }    -- 4.75 minutes, 4.5/4.75 = 94.7%
target "serving keeps most of the time" { metric = "core_share_of_busy", at_least = 0.75 }
target "short visits" { metric = "arrivals:visitors:cycle_time_mean", below = 6, label = "visits under 6 minutes" }
-- the baseline has no pickup line: no value, undecided
target "no wait at pickup" { metric = "queue:pickup:wait_mean", below = 1 }
