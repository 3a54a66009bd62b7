-- Two unconnected subsystems, each routed by a `next` hook that draws
-- math.random. The variant changes only A's arrivals: every figure of B
-- must stay exactly the same (each hook has its own stream).
scenario "two hooked lines" { horizon = days(5), replications = 10 }
role "a_staff" {}
role "b_staff" {}
arrivals "a_jobs" { interarrival = exponential(10), to = "a_work" }
arrivals "b_jobs" { interarrival = exponential(10), to = "b_work" }
activity "a_work" { role = "a_staff", duration = exponential(6),
                    next = function(item) if math.random() < 0.3 then return "a_work" end return "exit" end }
activity "b_work" { role = "b_staff", duration = exponential(6),
                    next = function(item) if math.random() < 0.3 then return "b_work" end return "exit" end }
variant "busier A" { apply = function() arrivals "a_jobs" { interarrival = exponential(8) } end }
