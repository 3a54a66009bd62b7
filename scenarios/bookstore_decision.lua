-- The consultant's case (README: "From a question to an answer"): the
-- bookstore of bookstore.lua, with the figure the client means and the
-- client's two targets. For online-payment adoption 0.2 to 1.0 and 0 to 2
-- pickup clerks, which options keep readers' wait under 5 minutes while
-- booksellers keep at least 60% of their busy time on advising?
--
--   remous sweep scenarios/bookstore_decision.lua --variant "online payment + pickup clerk" \
--       --grid pickup_clerks=0:2:1 --grid adoption=0.2:1.0:0.2 --prefer pickup_clerks:min,adoption:max \
--       --html decision.html --out sweep
require("bookstore")

-- advising as a share of the booksellers' busy time, not of their working time
metric "advising_share_of_busy" {
  of = function(r) return r.role.bookseller.share_core / r.role.bookseller.utilization end,
  label = "booksellers' busy time on advising", unit = "share",
}
target "readers wait under 5 minutes" { metric = "arrivals:walk_in:wait_mean", below = 5 }
target "advising keeps 60% of busy time" { metric = "advising_share_of_busy", at_least = 0.6 }
