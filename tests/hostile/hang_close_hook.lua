scenario "hang" { horizon = 100 }
arrivals "a" { interarrival = 10, to = "t" }
activity "t" { duration = function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  return 1
end }
