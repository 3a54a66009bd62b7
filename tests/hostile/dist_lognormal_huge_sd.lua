-- expect: 2 check
-- line: remous: dist_lognormal_huge_sd.lua:6: lognormal: the standard deviation is too far from the mean to compute with (got lognormal(1, 1e+308))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = lognormal(1, 1e308), role = "r" }
