scenario "hang" { horizon = 100 }
arrivals "a" { interarrival = 10, to = "t" }
activity "t" { duration = function()
  string.find(string.rep("a", 40000), ".-.-.-.-b")
  return 1
end }
