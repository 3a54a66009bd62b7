-- A counter open all day whose horizon is a param: the workshop test makes
-- it long enough to show progress, or too long for the workshop's cap.
scenario "slow counter" { horizon = days(param("days", 1, { label = "Days simulated", min = 1, max = 2000 })),
                          replications = 4 }
role "clerk" { count = 2 }
arrivals "customers" { interarrival = exponential(0.1), to = "serve" }
activity "serve" { role = "clerk", duration = exponential(0.18) }
variant "faster clerks" { apply = function() activity "serve" { role = "clerk", duration = exponential(0.15) } end }
