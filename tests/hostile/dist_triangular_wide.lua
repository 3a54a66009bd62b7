-- expect: 2 check
-- line: remous: dist_triangular_wide.lua:6: triangular: max - min is too large to compute with (got triangular(0, 0, 1.79e+308))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = triangular(0, 0, 1.79e308), role = "r" }
