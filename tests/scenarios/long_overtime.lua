-- A team kept late every day: its overtime a week is a total of working
-- time, said in hours however large ("595 hours a week", never "3.5 weeks
-- a week") (tests/digest_test.sh).
scenario "long overtime" { horizon = weeks(4), replications = 6 }
calendar "day" { "mon-fri 09:00-17:00" }
role "team" { count = 30, calendar = "day" }
arrivals "jobs" { interarrival = exponential(2), calendar = "day", to = "work" }
activity "work" { role = "team", duration = uniform(200, 400) }
variant "longer" { apply = function() activity "work" { duration = uniform(400, 800) } end }
