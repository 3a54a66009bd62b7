-- remous sensitivity on an M/M/1 (tests/sensitivity_test.sh). "colour" is
-- a param the model never reads (its effect is exactly 0: the same random
-- draws at both ends); "shift" has no range and is left out; "gap" is the
-- mean time between arrivals (1 to 1.25 minutes), "service" the mean
-- service time (0.5 to 0.8 minutes), declared last so that the ranking has
-- to reorder them. The mean wait of an M/M/1 is rho * s / (1 - rho), rho =
-- s / gap: with gap = 1, 0.5 minutes at s = 0.5 and 3.2 at s = 0.8 (an
-- effect of +2.7); with s = 0.6, 0.9 at gap = 1 and 0.5538 at gap = 1.25
-- (-0.3462). The busy share: +0.3 and -0.12.
scenario "M/M/1" { horizon = 100000, warmup = 2000, replications = 10 }
param("colour", 2, { min = 0, max = 5, step = 2 })
param("shift", 3)
local gap = param("gap", 1, { label = "time between arrivals", min = 1, max = 1.25 })
local service = param("service", 0.6, { label = "mean service time", min = 0.5, max = 0.8 })
role "server" { count = 1 }
arrivals "customers" { interarrival = exponential(gap), to = "serve" }
activity "serve" { role = "server", duration = exponential(service) }
