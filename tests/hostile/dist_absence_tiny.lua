-- expect: 1 run --reps 1
-- line: remous: simulated time is stuck near 1e-293: over 10000000 events between 0 and 1.0000001e-293 (steps in a loop, arrivals, absences or downtimes with tiny durations?)
scenario "s" { horizon = days(7) }
role "r" { count = 1, absence = { every = 1e-300, lasts = 1e-300 } }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { duration = 5, role = "r" }
