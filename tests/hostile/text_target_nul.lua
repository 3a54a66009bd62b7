-- expect: 2 check
-- line: remous: text_target_nul.lua:7: target "t": metric holds a control character ("queue:x:wait_mean\0zz"): write ELEMENT:NAME:METRIC
scenario "s" { horizon = days(1) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(60), to = "x" }
activity "x" { duration = exponential(30), role = "r" }
target "t" { metric = "queue:x:wait_mean\0zz", below = 5 }   -- C read it as queue:x:wait_mean
