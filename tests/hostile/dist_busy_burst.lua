-- expect: 0 run --reps 1
-- line:   a                      1000000            1000000            0                  5.5e-09           
-- 1 million items in a few microseconds, 11 steps each: 11 million events
-- in a tiny stretch of time, more than the 10 million a loop is allowed,
-- within the 16 steps per item a busy model is allowed.
scenario "s" { horizon = days(1) }
arrivals "a" { initial = 1000000, to = "s1" }
for i = 1, 11 do
  activity ("s" .. i) { duration = uniform(0, 1e-9), next = i < 11 and "s" .. (i + 1) or "exit" }
end
