-- An independent bookstore (the founding case of remous).
--
-- Two booksellers run the shop, open Tuesday to Saturday, 10:00 to 19:00;
-- they stay until 19:30 to serve the last readers and count the till.
-- Readers walk in, browse, and many of them ask for advice: that is the
-- heart of the trade, what the booksellers are there for. Then they buy at
-- the counter, where the same booksellers take the payment. After closing,
-- one of them counts the till.
--
-- The local authority that funds the booksellers' association asked for
-- "innovation": online payment. On the shop floor that means two lines at
-- the counter (people collecting orders already paid, and everyone else),
-- or a person dedicated to handing over orders instead of advising readers.
-- This file is the shop as it works today (the baseline) and those two
-- futures (the variants at the end).
--
-- Numbers to change for your shop: how many readers come (more at lunch
-- time and in the late afternoon), how long advice and payment take, how
-- many booksellers, the opening hours.

scenario "Bookstore" {
  unit = "minute",
  start = "mon 00:00",
  horizon = weeks(4),
  warmup = days(1),
  replications = 20,
  kinds = { core = "advising readers", sales = "sales at the till", admin = "admin",
            orders = { label = "online orders", group = "tool work" } },
  mission = { "core" },              -- what the shop is there for: advising readers
  description = "Two booksellers, readers who come for advice, and a local authority that asks for online payment.",
}

calendar "door" { "tue-sat 10:00-19:00" }   -- when readers come in
calendar "shop" { "tue-sat 10:00-19:30" }   -- when the booksellers work: they serve the last readers, then count the till

role "bookseller" {
  label = "booksellers",
  count = param("booksellers", 2, { label = "Booksellers", min = 1, max = 6, step = 1 }),
  calendar = "shop",
  absence = { every = exponential(days(45)), lasts = uniform(days(1), days(4)) },
}

queue "counter" { discipline = "fifo", label = "the counter" }

local busy = param("readers_per_hour", 12, { label = "Readers per hour at busy times", min = 1, max = 40 })
arrivals "walk_in" {
  rate = { ["10:00"] = per_hour(busy / 2), ["12:00"] = per_hour(busy),
           ["14:00"] = per_hour(busy / 2), ["17:00"] = per_hour(busy) },
  calendar = "door",
  to = "browse",
  patience = uniform(10, 25),        -- how long a reader waits before leaving
  label = "readers walking in",
}

activity "browse" {                  -- no role: readers browse on their own
  label = "browsing",
  duration = triangular(2, 8, 25),
  next = { advise = 0.6, checkout = 0.25, exit = 0.15 },
}

activity "advise" {
  label = "advice",
  role = "bookseller", queue = "counter",
  duration = triangular(3, 6, 15),
  kind = "core",
  next = { checkout = 0.8, exit = 0.2 },
}

activity "checkout" {
  label = "paying at the till",
  role = "bookseller", queue = "counter",
  duration = triangular(1, 2, 4),
  kind = "sales",
}

task "count_the_till" {             -- the next bookseller free stops to count it
  label = "counting the till",
  every = "tue-sat 19:10",
  role = "bookseller",
  duration = 20,
  kind = "admin",
  priority = -1,                     -- before the readers waiting (priority 0)
}

-- Online payment. Some readers (the public's uptake: a share of them, not
-- all) order and pay online, then come in only to collect their books, in
-- a line of their own at the counter: they no longer browse, ask for
-- advice or pay at the till. The bookseller fetches the order from the
-- back, checks it and hands it over. Not every bookseller takes to the
-- order back-office (the staff's adoption): one who does not hands the
-- order over at the till, in the readers' line.
local online = param("online_share", 0.3, { label = "Share of readers who order and pay online", min = 0, max = 1, step = 0.1 })
tool "online_payment" {
  label = "online payment",
  description = "Readers order and pay online, then collect their books at the counter",
  uptake = online,                 -- the public: share of the readers who pay online
  adoption = param("adoption", 0.8, { label = "Share of booksellers who use the order back-office", min = 0, max = 1, step = 0.1 }),
  learning = { start = 1.6, half_life = days(10) },
  training = hours(3),
  fallback = "checkout",
  apply = function()
    arrivals "walk_in" { to = "handover" }    -- the route the tool changes: for `online` of the readers
    queue "pickup" { label = "the pickup line" }
    activity "handover" {
      label = "handing orders over",
      role = "bookseller", queue = "pickup",
      duration = triangular(2, 4, 8),      -- fetch it from the back, check it, hand it over
      kind = "orders",
    }
  end,
}

variant "online payment" { tools = { "online_payment" } }

variant "online payment, 60% of readers" {
  label = "online payment, used by 60% of readers",
  tools = { online_payment = { uptake = 0.6 } },
}

-- how many clerks hand orders over in the variant that has them (0: the
-- booksellers alone, as in "online payment")
local pickup_clerks = param("pickup_clerks", 1, { label = "Pickup clerks", min = 0, max = 4, step = 1 })
variant "online payment + pickup clerk" {
  tools = { "online_payment" },
  apply = function()
    role "pickup_clerk" { count = pickup_clerks, calendar = "shop", label = "pickup clerk" }
    activity "handover" { role = { "pickup_clerk", "bookseller" } }
  end,
}
