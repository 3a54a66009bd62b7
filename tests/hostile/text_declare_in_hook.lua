-- expect: 1 run
-- line: remous: text_declare_in_hook.lua:7: role "x": declared while the model runs (in a hook or a metric's of), where it changes nothing: declare it at the top of the file, or in a tool's or a variant's apply
scenario "s" { horizon = 100 }
role "clerk" {}
arrivals "a" { interarrival = 10, to = "desk" }
activity "desk" { role = "clerk", duration = 5,
  next = function(item) role "x" {} return "exit" end }
