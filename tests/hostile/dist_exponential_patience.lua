-- expect: 2 check
-- line: remous: dist_exponential_patience.lua:5: exponential: its largest values would be too large to compute with (got exponential(1e+308))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x", patience = exponential(1e308) }
activity "x" { duration = 5, role = "r" }
