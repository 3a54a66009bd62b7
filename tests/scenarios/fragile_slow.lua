-- remous fragility for a few seconds (tests/fragility_test.sh): 16 clerks
-- knocked out in turn over 30 weeks, for its progress lines
scenario "slow" { horizon = weeks(30), warmup = weeks(1) }
role "clerk" { count = 16 }
arrivals "visitors" { interarrival = exponential(2), to = "serve" }
activity "serve" { role = "clerk", duration = exponential(100) }
