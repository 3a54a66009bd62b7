-- Labels too long for a chart's margin: the report wraps them, never cuts them
-- (report_test.sh).
scenario "long words" { horizon = weeks(3), replications = 3,
  label = "A scenario whose title is long enough to need two lines on a narrow screen, as real titles sometimes are",
  kinds = { core = "answering the people who write to the association with questions about their rights and their files" } }
role "a_staff" { label = "the volunteers of the Saturday morning permanence at the town hall annex, both experienced and new ones" }
queue "a_queue" { label = "the pile of letters and emails that wait for an answer from the volunteers of the Saturday morning" }
arrivals "a_jobs" { interarrival = exponential(10), to = "a_work" }
activity "a_work" { role = "a_staff", queue = "a_queue", duration = exponential(6), kind = "core" }
variant "faster" { label = "a shared mailbox with answer templates that every volunteer can use, after an afternoon of training together",
  apply = function() activity "a_work" { duration = exponential(4) } end }
