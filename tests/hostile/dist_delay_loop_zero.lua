-- expect: 1 run --reps 1
-- line: remous: simulated time is stuck at 0: over 10000000 events at that instant (a loop of steps with zero duration?)
scenario "s" { horizon = days(7) }
arrivals "a" { initial = 1, to = "x" }
activity "x" { duration = 0, next = "y" }
activity "y" { duration = uniform(0, 0), next = "x" }
