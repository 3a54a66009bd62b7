scenario "hang" { horizon = 100 }
local s = string.format("%099999d", 1)
