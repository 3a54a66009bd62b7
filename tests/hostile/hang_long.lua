-- Not a hang: a long replication of many short hook calls, which no limit
-- may stop (each hook call is short; the replication is not).
scenario "long" { horizon = 20000000, replications = 1 }
role "server" { count = 3 }
arrivals "customers" { interarrival = exponential(1), to = "serve" }
activity "serve" { role = "server", duration = function() return 2.5 * math.random() + 0.1 end }
