-- expect: 1 run --reps 1
-- line: remous: simulated time is stuck near 1.00164e-293: over 10000000 events between 0 and 1.0016385e-293 (steps in a loop, arrivals, absences or downtimes with tiny durations?)
scenario "s" { horizon = days(7) }
arrivals "a" { initial = 1, to = "x" }
activity "x" { duration = function(item) return 1e-300 end, next = "x" }
