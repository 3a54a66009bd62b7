-- Three variants with no real effect that still draw other random numbers:
-- the digest of each must be empty (tests/null_test.sh, 50 seeds).
scenario "null variants" { horizon = weeks(2), replications = 10 }
calendar "office" { "mon-fri 09:00-17:00" }
role "clerk" { count = 2, calendar = "office" }
arrivals "visitors" { interarrival = exponential(6), calendar = "office", to = "desk", patience = exponential(30) }
activity "desk" { role = "clerk", duration = exponential(9), kind = "core", next = "check" }
activity "check" { role = "clerk", duration = uniform(1, 3), kind = "admin" }
-- exponential(9) as a gamma of mean 9 and sd 9 (shape 1), drawn another way
variant "the same law written another way" {
  apply = function() activity "desk" { duration = gamma(9, 9) } end,
}
-- a role nobody calls on (drawing its absences)
variant "a spare role" {
  apply = function()
    role "spare" { count = 1, calendar = "office", absence = { every = exponential(days(3)), lasts = uniform(days(1), days(2)) } }
  end,
}
-- exponential(9) drawn by a hook from Lua's own stream
variant "the same law drawn by a hook" {
  apply = function()
    activity "desk" { duration = function(item) return -9 * math.log(1 - math.random()) end }
  end,
}
