-- expect: 2 check
-- line: remous: dist_lognormal_huge_tail.lua:6: lognormal: its largest values would be too large to compute with (got lognormal(1e+300, 1e+302))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = lognormal(1e300, 1e302), role = "r" }
