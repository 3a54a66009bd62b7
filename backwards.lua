scenario "Back" { horizon = days(14), warmup = days(7), replications = 3, currency = "EUR" }
calendar "office" { "mon-fri 09:00-17:00" }
role "clerk" { count = 2, calendar = "office", cost_per_hour = 20 }
role "operator" { label = "the operator", calendar = "office", cost_per_hour = 15 }
arrivals "calls" { interarrival = 60, calendar = "office", to = "answer", value = 10, patience = 30 }
activity "answer" { role = "operator", duration = 5 }
arrivals "requests" { interarrival = 60, calendar = "office", to = "handle", value = 32 }
activity "handle" { role = "clerk", duration = 75 }
tool "stamp" { cost = { per_item = 2 }, apply = function() activity "handle" { duration = 75 } end }
variant "no operator" { tools = { "stamp" }, apply = function() role "operator" { count = 0 } end }
