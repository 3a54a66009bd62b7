scenario "hang" { horizon = 100 }
arrivals "a" { interarrival = 10, to = "t" }
activity "t" { duration = function()
  local s = string.rep("x", 1000000)
  for i = 1, 1e9 do local u = s:upper() end
  return 1
end }
