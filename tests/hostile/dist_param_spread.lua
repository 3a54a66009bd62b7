-- expect: 2 run --set spread=1e-200
-- line: remous: dist_param_spread.lua:7: gamma: the standard deviation is too far from the mean to compute with (got gamma(5, 1e-200))
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
local spread = param("spread", 2, { label = "Spread" })
activity "x" { duration = gamma(5, spread), role = "r" }
