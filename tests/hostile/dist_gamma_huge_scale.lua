-- expect: 2 check
-- line: remous: dist_gamma_huge_scale.lua:6: gamma: its largest values would be too large to compute with (got gamma(10, 1.3e+154))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = gamma(10, 1.3e154), role = "r" }
