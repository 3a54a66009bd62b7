-- a variant with a role of 30000 people: a million metrics to pair with the
-- baseline's; a linear search for each took a minute (100000: over an hour)
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(60), to = "x" }
activity "x" { duration = exponential(30), role = "r" }
variant "v" { role "r" { count = 30000 } }
