-- expect: 2 fragility --away 1w --reps 2
-- line: remous: frag_long_horizon.lua: fragility reads the queues every hour of the measured period: 167999832 hours, 2 roles and queues, 2 replications are too many to keep (more than 500 MB); shorten the horizon or give fewer --reps
-- a million weeks: the hourly backlog took 4 GB (2 replications; 40 would have been 80 GB)
scenario "s" { horizon = weeks(1000000), warmup = weeks(1) }
role "r" { count = 2 }
arrivals "a" { interarrival = exponential(600000), to = "x" }
activity "x" { duration = exponential(30), role = "r" }
