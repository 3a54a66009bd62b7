-- A batch script (remous batch scripts/batch/smallest_team.lua): the
-- smallest number of booksellers that keeps the wait at the counter under
-- 3 minutes in at least 95% of the replications, with online payment.
--
-- run(scenario, options), compare(...) and sweep(...) run remous and give
-- their results as tables: results.queue.counter.wait_mean is
-- { mean =, low =, high =, sd =, n =, values = { one per replication } }.
-- Scenario paths are relative to this script.

local scenario = "../../scenarios/bookstore.lua"
local limit, share = 3, 0.95

for booksellers = 1, 6 do
  local r = run(scenario, { variant = "online payment", reps = 40, set = { booksellers = booksellers } })
  local waits = r.queue.counter.wait_mean.values
  local under = 0
  for _, w in ipairs(waits) do
    if w < limit then under = under + 1 end
  end
  print(string.format("%d booksellers: the wait is under %g minutes in %d of %d replications",
                      booksellers, limit, under, #waits))
  if under >= share * #waits then
    print(string.format("smallest team: %d booksellers", booksellers))
    return
  end
end
print("no team of up to 6 booksellers keeps the wait that low")
