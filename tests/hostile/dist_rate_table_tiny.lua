-- expect: 2 check
-- line: remous: dist_rate_table_tiny.lua:5: per_day: the rate 1e-306 is too small or too large to compute with
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { rate = { ["08:00"] = per_day(1e-306), ["18:00"] = 0 }, to = "x" }
activity "x" { duration = 1, role = "r" }
