-- expect: 2 check
-- line: remous: dist_task_every_zero.lua:5: task "t": every must be a day and time such as "mon-sat 18:30" or a distribution of the gap (more than 0 on average), got uniform
scenario "s" { horizon = days(7) }
role "r" { count = 1 }
task "t" { every = uniform(0, 0), role = "r", duration = 5 }
