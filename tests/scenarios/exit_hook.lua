-- An --unsafe hook ending the process in the middle of a replication.
scenario "exits" { horizon = 2000, replications = 4 }
role "server" { count = 3 }
arrivals "customers" { interarrival = exponential(1), to = "serve" }
local n = 0
activity "serve" { role = "server", duration = function(item) n = n + 1; if n > 500 then os.exit(0) end; return 2 end }
