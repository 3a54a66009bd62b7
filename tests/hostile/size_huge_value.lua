-- expect: 0 run --reps 2
-- line:   big                    1.8e+308          
-- the largest double as a metric's value: the table wrote it in full (309
-- digits, cut at 39 by its buffer); beyond 1e15 a figure has 3 digits
scenario "s" { horizon = 1000 }
role "clerk" {}
arrivals "visitors" { interarrival = 10, to = "serve" }
activity "serve" { role = "clerk", duration = 4, kind = "core" }
metric "big" { of = function(r) return 1.7976931348623157e308 end }
