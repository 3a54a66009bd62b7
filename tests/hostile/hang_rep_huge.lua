scenario "hang" { horizon = 100 }
local s = string.rep("x", 1e12)
