-- A line that grows all day: constant durations, every change certain.
-- Long times are said in hours, days or weeks, and large counts grouped
-- by thousands, as people read them (tests/digest_test.sh).
scenario "long waits" { horizon = weeks(3), replications = 2 }
role "clerk" { count = 2 }
arrivals "visitors" { interarrival = 5, to = "serve" }
activity "serve" { role = "clerk", duration = 9.5 }
variant "slower" {
  apply = function() activity "serve" { duration = 12 } end,
}
variant "three clerks" {   -- a role without a label whose count changes: the headline says both counts
  apply = function() role "clerk" { count = 3 } end,
}
