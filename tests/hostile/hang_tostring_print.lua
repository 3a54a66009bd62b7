scenario "hang" { horizon = 100 }
print(setmetatable({}, { __tostring = function() while true do end end }))
