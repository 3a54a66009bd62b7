-- expect: 0 run --reps 1 --jobs 1
-- line:   people read            20000             
-- a metric that reads each of 20000 people: r.person["clerk#N"] was a
-- linear search of the catalog (quadratic in all: over 10 s of Lua, stopped)
scenario "s" { horizon = 100 }
role "clerk" { count = 20000 }
arrivals "visitors" { interarrival = 1, to = "serve" }
activity "serve" { role = "clerk", duration = 4, kind = "core" }
metric "people_read" { of = function(r)
  local n = 0
  for i = 1, 20000 do
    if r.person["clerk#" .. i].utilization >= 0 then n = n + 1 end
  end
  return n end }
