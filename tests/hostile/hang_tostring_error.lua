scenario "hang" { horizon = 100 }
error(setmetatable({}, { __tostring = function() while true do end end }))
