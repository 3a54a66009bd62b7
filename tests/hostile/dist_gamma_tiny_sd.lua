-- expect: 2 check
-- line: remous: dist_gamma_tiny_sd.lua:6: gamma: the standard deviation is too far from the mean to compute with (got gamma(1, 1e-200))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = gamma(1, 1e-200), role = "r" }
