scenario "hang" { horizon = 100 }
do
  local x <close> = setmetatable({}, { __close = function() while true do end end })
end
