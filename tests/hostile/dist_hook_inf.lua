-- expect: 1 run --reps 1
-- line: remous: dist_hook_inf.lua:6: activity "x": duration function returned inf, not a finite number
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(6), to = "x" }
activity "x" { role = "r", duration = function(item)
  return 1/0
end }
