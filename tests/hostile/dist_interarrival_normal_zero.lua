-- expect: 2 run
-- line: remous: dist_interarrival_normal_zero.lua:5: arrivals "a": interarrival is always 0, so items would arrive without end at one instant; give a gap more than 0 (e.g. exponential(6)), or a limit for a batch at once
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
arrivals "a" {
  to = "x",
  interarrival = normal(0, 0),
}
activity "x" { duration = 1, role = "r" }
