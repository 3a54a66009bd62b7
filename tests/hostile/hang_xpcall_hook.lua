scenario "hang" { horizon = 100 }
arrivals "a" { interarrival = 10, to = "t" }
activity "t" { duration = function()
  xpcall(function() while true do end end, function() while true do end end)
  return 1
end }
