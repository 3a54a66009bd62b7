-- expect: 2 fragility --reps 200
-- line: remous: frag_huge_knockouts.lua: fragility keeps 11 figures for each of 30000 knock-outs × 200 replications: too many to keep (more than 500 MB); give fewer --reps
-- 30000 people, 200 replications: 6 million knock-out runs whose figures took gigabytes (malloc, or a machine swapping)
scenario "s" { horizon = weeks(3), warmup = weeks(0) }
role "clerk" { count = 30000 }
arrivals "visitors" { interarrival = exponential(2), to = "serve" }
activity "serve" { role = "clerk", duration = exponential(100) }
