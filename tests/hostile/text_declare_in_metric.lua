-- expect: 1 run
-- line: remous: text_declare_in_metric.lua:7: metric "m", replication 1: line 7: variant "later": declared while the model runs (in a hook or a metric's of), where it changes nothing: declare it at the top of the file, or in a tool's or a variant's apply
scenario "s" { horizon = 100 }
role "clerk" {}
arrivals "a" { interarrival = 10, to = "desk" }
activity "desk" { role = "clerk", duration = 5 }
metric "m" { of = function(r) variant "later" { } return 1 end }
