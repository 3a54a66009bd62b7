-- A counter whose tool sends every request first to a tray (patience =
-- false) that a back office empties: only the variant has a tray, so the
-- baseline's wait in person is its whole wait (headline_test.sh).
scenario "counter and tray" { horizon = weeks(4), warmup = days(2), replications = 10 }
role "clerk" { count = 2, label = "clerks" }
arrivals "visitors" { interarrival = exponential(6), to = "counter", patience = uniform(20, 40) }
activity "counter" { role = "clerk", duration = exponential(8) }
tool "forms" {
  apply = function()
    role "back office" { count = 1 }
    arrivals "visitors" { to = "tray" }
    activity "tray" { role = "back office", duration = exponential(5.5), patience = false, next = "counter" }
    activity "counter" { role = "clerk", duration = exponential(3) }
  end,
}
variant "forms first" { tools = { "forms" } }
