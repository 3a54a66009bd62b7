-- expect: 2 check
-- line: remous: dist_rate_tiny.lua:5: per_hour: the rate 1e-306 is too small or too large to compute with
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { rate = per_hour(1e-306), to = "x" }
activity "x" { duration = 1, role = "r" }
