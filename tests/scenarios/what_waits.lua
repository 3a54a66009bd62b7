-- Three lines, each holding something else: people at the counter, forms
-- in a tray (patience = false), a task's occurrences. Constant durations:
-- every change is certain, and the digest speaks of each line in the words
-- of what waits there (tests/digest_test.sh).
scenario "what waits" { horizon = days(2), replications = 2 }
role "clerk" {}
arrivals "visitors" { interarrival = 10, patience = 60, to = "serve" }
activity "serve" { role = "clerk", duration = 4, next = "file" }
activity "file" { role = "clerk", duration = 3, patience = false }
task "tidy" { every = "mon-sun 00:05", role = "clerk", duration = 30 }
variant "slower" {
  apply = function() activity "serve" { duration = 6 } end,
}
