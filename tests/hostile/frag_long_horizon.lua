-- expect: 2 fragility --away 1w --reps 40
-- line: remous: frag_long_horizon.lua: fragility reads the queues every hour of the measured period: 839832 hours, 2 roles and queues, 40 replications are too many to keep (more than 500 MB); shorten the horizon or give fewer --reps
-- 96 years, 40 replications: the hourly backlog would take 550 MB (a million weeks took 4 GB for 2 replications)
scenario "s" { horizon = weeks(5000), warmup = weeks(1) }
role "r" { count = 2 }
arrivals "a" { interarrival = exponential(600000), to = "x" }
activity "x" { duration = exponential(30), role = "r" }
