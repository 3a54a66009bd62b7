-- A grid where the answer is known by construction (tests/decision_test.sh):
-- a reader every `gap` minutes, served in 4 by one of `clerks`. The clerks'
-- busy share, about 4 / (gap x clerks), falls with both; the readers who
-- come in a day, 1440 / gap, fall with the gap. Busy under 30% and at
-- least 100 readers: clerks=2 gap=10, clerks=3 gap=5, clerks=3 gap=10.
scenario "grid" { horizon = days(1), replications = 3 }
local clerks = param("clerks", 1)
local gap = param("gap", 10)
role "clerk" { count = clerks }
arrivals "visitors" { interarrival = gap, to = "serve" }
activity "serve" { role = "clerk", duration = 4 }
target "clerks not too busy" { metric = "role:clerk:utilization", below = 0.3 }
