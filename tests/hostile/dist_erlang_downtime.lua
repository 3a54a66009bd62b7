-- expect: 2 check
-- line: remous: dist_erlang_downtime.lua:7: erlang: its largest values would be too large to compute with (got erlang(2, 1e+308))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = 5, role = "r" }
tool "t" { downtime = { every = erlang(2, 1e308), lasts = 5 } }
