scenario "hang" { horizon = 100 }
while true do pcall(function() while true do end end) end
