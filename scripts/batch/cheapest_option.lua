-- A batch script, the consultant's case (README: Sweeps, "From a question
-- to an answer"): for online payment with its back-office adopted by 20% to
-- 100% of the booksellers, with no pickup clerk or with one, which options
-- keep readers' wait under 5 minutes while booksellers keep at least 60% of
-- their busy time on advising? And the cheapest of them: the fewest pickup
-- clerks, then the widest adoption.
--
--   remous batch scripts/batch/cheapest_option.lua [--reps 20] [--out DIR]
--
-- scenarios/bookstore.lua has no param for the number of pickup clerks: its
-- variants "online payment" (none) and "online payment + pickup clerk"
-- (one) are the two levels. Advising as a share of busy time is not one of
-- its metrics: it is computed per replication (share_core / utilization),
-- then its 95% interval. Each target is judged on the interval, as remous
-- judges --target: met when the whole interval is on its side.

local scenario = "../../scenarios/bookstore.lua"
local max_wait, min_advising = arg("max_wait", 5), arg("min_advising", 0.6)
local options = {
  { clerks = 0, variant = "online payment" },
  { clerks = 1, variant = "online payment + pickup clerk" },
}

local function verdict(low, high, below, above)
  if low == nil then return "undecided" end
  if below then return high < below and "met" or low >= below and "not met" or "undecided" end
  return low >= above and "met" or high < above and "not met" or "undecided"
end

local rows, good = {}, {}
print("clerks  adoption  wait (minutes)            advising, of busy time   both targets")
for _, o in ipairs(options) do
  local points = sweep(scenario, { variant = o.variant, grid = { adoption = { 0.2, 0.4, 0.6, 0.8, 1 } } })
  for _, p in ipairs(points) do
    local r = p.results
    local wait = r.arrivals.walk_in.wait_mean
    local share = {}
    for i, core in ipairs(r.role.bookseller.share_core.values) do
      share[i] = core / r.role.bookseller.utilization.values[i]
    end
    local s, s_low, s_high = stats.interval(share)
    local w_verdict = verdict(wait.low, wait.high, max_wait, nil)
    local s_verdict = verdict(s_low, s_high, nil, min_advising)
    local both = w_verdict == "met" and s_verdict == "met"
    print(string.format("%6d  %7.0f%%  %5.2f [%5.2f, %5.2f] %-9s  %3.0f%% [%3.0f%%, %3.0f%%] %-9s  %s",
                        o.clerks, 100 * p.values.adoption, wait.mean, wait.low or wait.mean, wait.high or wait.mean,
                        w_verdict, 100 * s, 100 * (s_low or s), 100 * (s_high or s), s_verdict,
                        both and "yes" or "no"))
    rows[#rows + 1] = { pickup_clerks = o.clerks, adoption = p.values.adoption, wait_mean = wait.mean,
                        wait_low = wait.low, wait_high = wait.high, advising_share_of_busy = s,
                        advising_low = s_low, advising_high = s_high, both_met = both }
    if both then good[#good + 1] = rows[#rows] end
  end
end

-- the cheapest: the fewest pickup clerks, then the widest adoption
table.sort(good, function(a, b)
  if a.pickup_clerks ~= b.pickup_clerks then return a.pickup_clerks < b.pickup_clerks end
  return a.adoption > b.adoption
end)
if #good == 0 then
  print(string.format("Answer: none of the %d options keeps the wait under %g minutes with at least %.0f%% of busy time on advising.",
                      #rows, max_wait, 100 * min_advising))
else
  local c = good[1]
  print(string.format("Answer: %d of %d options meet both targets; the cheapest: %d pickup clerk%s, back-office adopted by %.0f%% of the booksellers (wait %.2f minutes, advising %.0f%% of busy time).",
                      #good, #rows, c.pickup_clerks, c.pickup_clerks == 1 and "" or "s", 100 * c.adoption,
                      c.wait_mean, 100 * c.advising_share_of_busy))
end
-- with --out DIR, the table as a CSV file too
local wrote, why = pcall(write_csv, "cheapest_option.csv", rows, { columns = { "pickup_clerks", "adoption",
  "wait_mean", "wait_low", "wait_high", "advising_share_of_busy", "advising_low", "advising_high", "both_met" } })
if wrote then
  print("wrote " .. why)
elseif not tostring(why):find("give the batch a folder", 1, true) then
  error(why, 0)
end
