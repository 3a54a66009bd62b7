-- expect: 2 batch
-- line: remous: batch_sweep_huge.lua:5: sweep: the grid has 200000 points, more than the 100000 a sweep may have
-- ran 22 s, then "used more than 512 MB of memory: a table growing without end?"
local v = {} for i = 1, 200000 do v[i] = i end
sweep("dist_param_spread.lua", { reps = 2, grid = { spread = v } })
