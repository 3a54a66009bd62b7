-- compare --sensitivity (tests/sensitivity_test.sh): the M/M/1 of
-- sensitive_mm1.lua with a variant, a second server. "colour" changes
-- nothing in either run (not significant); in the baseline the mean
-- service time matters most for the wait, then the time between arrivals;
-- with two servers both matter far less (an M/M/2 at rho = 0.3 to 0.4).
scenario "M/M/1 or 2" { horizon = 100000, warmup = 2000, replications = 10 }
param("colour", 2, { min = 0, max = 5, step = 2 })
param("shift", 3)
local gap = param("gap", 1, { label = "time between arrivals", min = 1, max = 1.25 })
local service = param("service", 0.6, { label = "mean service time", min = 0.5, max = 0.8 })
role "server" { count = 1 }
arrivals "customers" { interarrival = exponential(gap), to = "serve" }
activity "serve" { role = "server", duration = exponential(service) }
variant "a second server" { apply = function() role "server" { count = 2 } end }
