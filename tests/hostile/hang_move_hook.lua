scenario "hang" { horizon = 100 }
arrivals "a" { interarrival = 10, to = "t" }
activity "t" { duration = function()
  table.move({}, 1, 3e8, 1)
  return 1
end }
