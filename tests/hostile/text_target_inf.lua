-- expect: 2 check
-- line: remous: text_target_inf.lua:7: target "t": the level must be a finite number, got inf
scenario "s" { horizon = days(1) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(60), to = "x" }
activity "x" { duration = exponential(30), role = "r" }
target "t" { metric = "queue:x:wait_mean", below = 1/0 }   -- always met; --target refuses inf
