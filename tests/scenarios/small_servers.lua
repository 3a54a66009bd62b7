-- A small M/M/c whose servers and service time are params: sweeps in the CLI tests.
scenario "small" { horizon = 2000, replications = 4 }
role "server" { count = param("servers", 3) }
arrivals "customers" { interarrival = exponential(1), to = "serve" }
activity "serve" { role = "server", duration = exponential(param("service", 2.55)) }
