-- An independent bookstore (the founding case of remous).
--
-- Two booksellers run the shop. Readers walk in, browse, and many of them ask
-- for advice: that is the heart of the trade, what the booksellers are there
-- for. Then they buy at the counter, where the same booksellers take the
-- payment.
--
-- The local authority that funds the booksellers' association asked for
-- "innovation": online payment. On the shop floor that means two lines at the
-- counter (people collecting orders already paid, and everyone else), or a
-- person dedicated to handing over orders instead of advising readers. The
-- variants that show this need tools and variants (a later version of
-- remous); this file is the baseline: the shop as it works today.
--
-- Time is in minutes. Opening hours are not modelled yet: the horizon counts
-- only open time, 24 days of 9 hours.
--
-- Numbers to change for your shop: the readers' arrival rate, how long advice
-- and payment take, how many booksellers.

scenario "Bookstore" {
  unit = "minute",
  horizon = hours(24 * 9),
  warmup = hours(9),
  replications = 20,
}

role "bookseller" { count = param("booksellers", 2, { label = "Booksellers", min = 1, max = 6, step = 1 }) }

queue "counter" { discipline = "fifo" }

arrivals "walk_in" {
  rate = per_hour(param("readers_per_hour", 12, { label = "Readers per hour", min = 1, max = 40 })),
  to = "browse",
  patience = uniform(10, 25),        -- how long a reader waits before leaving
}

activity "browse" {                  -- no role: readers browse on their own
  duration = triangular(2, 8, 25),
  next = { advise = 0.6, checkout = 0.25, exit = 0.15 },
}

activity "advise" {
  role = "bookseller", queue = "counter",
  duration = triangular(3, 6, 15),
  kind = "core",
  next = { checkout = 0.8, exit = 0.2 },
}

activity "checkout" {
  role = "bookseller", queue = "counter",
  duration = triangular(1, 2, 4),
  kind = "sales",
}
