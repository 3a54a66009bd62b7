-- A batch script (remous batch scripts/batch/rush_hours.lua): how the
-- booksellers' share of time on advice moves with the readers' rush and
-- the number of online orders, from a sweep, printed as a small table.

local points = sweep("../../scenarios/bookstore.lua", {
  variant = "online payment",
  reps = 10,
  grid = { readers_per_hour = { 8, 12, 16 }, orders_per_day = { 5, 15, 30 } },
})
print("orders/day  readers/hour  advising share  counter wait")
for _, p in ipairs(points) do
  local r = p.results
  print(string.format("%10d  %12d  %13.1f%%  %9.2f min", p.values.orders_per_day, p.values.readers_per_hour,
                      100 * r.role.bookseller.share_core.mean, r.queue.counter.wait_mean.mean))
end
