-- expect: 2 run
-- line: remous: dist_gamma_huge_mean.lua:6: gamma: the standard deviation is too far from the mean to compute with (got gamma(1e+200, 1))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = gamma(1e200, 1), role = "r" }
