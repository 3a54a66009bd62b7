-- expect: 2 check
-- line: remous: dist_normal_absence.lua:5: normal: its largest values would be too large to compute with (got normal(0, 1e+308))
scenario "s" { horizon = days(7) }
role "r" { count = 1,
  absence = { every = exponential(days(30)), lasts = normal(0, 1e308) } }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = 5, role = "r" }
