scenario "two lines" { horizon = days(5), replications = 10 }
role "a_staff" {}
role "b_staff" {}
arrivals "a_jobs" { interarrival = exponential(10), to = "a_work" }
arrivals "b_jobs" { interarrival = exponential(10), to = "b_work" }
activity "a_work" { role = "a_staff", duration = exponential(6), kind = "core" }
activity "b_work" { role = "b_staff", duration = exponential(6), kind = "core" }
variant "faster B" { apply = function() activity "b_work" { duration = exponential(4) } end }
