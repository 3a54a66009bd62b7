-- expect: 2 check
-- line: remous: dist_lognormal_tiny_mean.lua:6: lognormal: the standard deviation is too far from the mean to compute with (got lognormal(1e-308, 1))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = lognormal(1e-308, 1), role = "r" }
