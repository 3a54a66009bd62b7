-- expect: 2 check
-- line: remous: dist_horizon_huge.lua:3: scenario "s": the horizon is at most 100 years, got 1e+300 minutes: a run that long never ends in practice
scenario "s" { horizon = 1e300 }   -- passed every check, and ran forever
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(60), to = "x" }
activity "x" { duration = exponential(30), role = "r" }
