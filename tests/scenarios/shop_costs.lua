-- A shop with costs (tests/report_test.sh: the cost chart, the French page
-- wholly French): two sellers paid by the hour, readers who bring a sale,
-- and a till service paid by the month and by the sale.
scenario "Shop with costs" {
  unit = "minute", start = "mon 00:00", horizon = weeks(3), warmup = days(1), replications = 4,
  currency = "EUR",
  kinds = { advice = "advising readers", till = "sales at the till" },
}
calendar "shop" { "tue-sat 10:00-19:00" }
role "seller" { label = "sellers", count = 2, calendar = "shop", cost_per_hour = 18 }
arrivals "readers" { label = "readers walking in", rate = per_hour(10), calendar = "shop", to = "advise",
                     value = 32, patience = uniform(5, 15) }
activity "advise" { label = "advice", role = "seller", duration = triangular(3, 6, 15), kind = "advice", next = "pay" }
activity "pay" { label = "paying", role = "seller", duration = triangular(1, 2, 4), kind = "till" }
tool "card_terminal" {
  label = "a card terminal",
  cost = { per_month = 29, per_item = 0.1, share_of_value = 0.0175, setup = 150 },
  apply = function() activity "pay" { duration = triangular(0.5, 1, 2) } end,
}
variant "card terminal" { tools = { "card_terminal" } }
variant "a third seller, part time" {
  label = "a third seller on Saturdays",
  apply = function()
    calendar "saturday" { "sat 10:00-19:00" }
    role "extra" { label = "the Saturday seller", calendar = "saturday", cost_per_hour = 16 }
    activity "advise" { role = { "seller", "extra" } }
  end,
}
