-- expect: 1 run --reps 1
-- line: remous: simulated time is stuck near 5.0076e-294: over 10000000 events between 0 and 5.00759872e-294 (steps in a loop, arrivals, absences or downtimes with tiny durations?)
scenario "s" { horizon = days(7) }
arrivals "a" { interarrival = exponential(1e-300), to = "x" }
activity "x" { duration = 0 }
