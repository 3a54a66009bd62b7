scenario "hang" { horizon = 100 }
setmetatable({}, { __gc = function() while true do end end })
