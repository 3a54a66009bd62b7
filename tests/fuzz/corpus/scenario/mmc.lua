-- M/M/3 at load 0.85: lambda = 1 per minute, mean service 2.55 minutes.
scenario "M/M/3" { horizon = 200000, warmup = 2000, replications = 10 }
role "server" { count = param("servers", 3) }
arrivals "customers" { interarrival = exponential(1), to = "serve" }
activity "serve" { role = "server", duration = exponential(param("service", 2.55)) }
