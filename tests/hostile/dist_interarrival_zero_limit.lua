-- expect: 0 run --reps 1
-- line:   a                      3                  3                  1                  2                 
scenario "s" { horizon = days(1) }
role "r" { count = 1 }
arrivals "a" { interarrival = 0, limit = 3, to = "x" }   -- a batch of 3 at once: fine
activity "x" { duration = 1, role = "r" }
