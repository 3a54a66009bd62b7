scenario "hang" { horizon = 100 }
local s = string.rep("x", 100000)
for i = 1, 1000000 do local t = s:upper() end
