-- expect: 1 run --reps 1
-- line: remous: simulated time is stuck near 60: over 10000000 events between 60 and 60.000001 (steps in a loop, arrivals, absences or downtimes with tiny durations?)
scenario "s" { horizon = days(7) }
arrivals "a" { initial = 1, to = "wait" }
activity "wait" { duration = 60, next = "x" }
activity "x" { duration = 1e-13, next = "x" }
