scenario "hang" { horizon = 100 }
arrivals "a" { interarrival = 10, to = "t" }
activity "t" { duration = function()
  setmetatable({}, { __gc = function() while true do end end })
  collectgarbage()
  return 1
end }
