-- expect: 2 check
-- line: remous: dist_weibull_tiny_shape.lua:6: weibull: its largest values would be too large to compute with (got weibull(0.001, 1))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = weibull(0.001, 1), role = "r" }
