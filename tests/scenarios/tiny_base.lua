-- Overtime from a tiny base: one person a day reaches the clerk at 16:55
-- (a pure delay from midnight); 5.01 minutes with them end 0.01 minute
-- after closing, 10 minutes end 5 minutes after (tests/digest_test.sh).
scenario "tiny base" { horizon = weeks(2), replications = 2 }
calendar "office" { "mon-sun 09:00-17:00" }
role "clerk" { calendar = "office" }
arrivals "callers" { interarrival = days(1), to = "before" }
activity "before" { duration = 16 * 60 + 55, next = "serve" }
activity "serve" { role = "clerk", duration = 5.01 }
variant "longer" { apply = function() activity "serve" { duration = 10 } end }
