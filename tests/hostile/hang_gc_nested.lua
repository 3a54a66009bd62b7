scenario "hang" { horizon = 100 }
local mt = { __index = { __gc = function() while true do end end } }
setmetatable({}, setmetatable({}, mt))
local t = setmetatable({}, {})
getmetatable(t).__gc = function() while true do end end
collectgarbage()
