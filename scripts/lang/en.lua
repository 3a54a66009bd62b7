-- The words of remous in English: every word a person reads in the
-- terminal, the digest, the report, the workshop page and the sweep page.
-- A catalog is a table of sections; each word is a string, often a printf
-- format: keep its %s, %d... in the same order, or number them (%2$s)
-- where another language needs another order. To add a language, copy this
-- file to scripts/lang/CODE.lua (CODE: its ISO 639-1 code, such as "de"),
-- translate every string, and rebuild: `make test` says what is missing.
return {
  language = "English",

  -- How numbers are written.
  number = {
    decimal = ".",
    thousands = ",",
  },

  -- labels.c: names of runs and people.
  labels = {
    baseline = "baseline",
    person = "%s #%s",          -- a role's label and a number: "booksellers #2"
    work = "work",              -- the kind of a step that names none
  },

  -- warnings.c: slips of the model, one line each.
  warnings = {
    left_at_closing = "queue \"%s\": when it closes, %s on average are still waiting there, and their patience runs out before it opens again (give its people the hours to finish, or stop arrivals earlier)",
    tool_step_unreached = "step \"%s\" of a tool is never reached in the run: check the routes that lead to it",
    role_never_busy = "role \"%s\" is never busy in the run: no step it does is reached, or it never works",
    zero_step_with_role = "step \"%s\" takes no time but needs a person: what reaches it waits for someone free, for nothing, and its kind shows as a share of time; to route items, remove its role (a step without a role is a pure delay)",
    with_variant = "with \"%s\": %s",
  },

  -- headline.c

  -- digest.c

  -- table.c

  -- diagram.c

  -- report.c

  -- workshop.c

  -- sweep.c

  -- cost.c: money and the cost figures (what a future costs)
  cost = {
    eur = "€", usd = "$", gbp = "£", chf = "CHF", cad = "CA$",   -- a currency's symbol
    money_tight = "%1$s%2$s",   -- a symbol and an amount: "€410"
    money_spaced = "%1$s %2$s", -- a symbol of letters and an amount: "CHF 410"
    minus = "-",                -- before a negative amount: "-€90"
    staff = "staff cost",
    tools = "tool costs",
    total = "total cost (staff and tools)",
    value_completed = "value of the work completed",
    value_lost = "value lost (people who gave up or were turned away)",
    role = "role “%s”: cost of its time",   -- a role's label
    role_cost = "cost of its people's time",
    role_kind = "cost of time on %s",       -- a kind's label
    role_idle = "cost of idle time",
    role_away = "cost of time away",
    role_overtime = "cost of overtime",
    tool_cost = "cost",
    tool_subscription = "subscription",
    tool_fees = "fees",
    tool_setup = "setup",
    tool_used = "items that used it",
    stream_value_completed = "value completed",
    stream_value_lost = "value lost",
    up = "up",
    down = "down",
    -- what, up/down, the change in percent, before, after, the days measured, the interval
    change = "%s: %s %s%% (%s → %s over %s days, ±%s)",
    -- what, after, the days measured, the interval
    from_none = "%s: %s over %s days, none before (±%s)",
  },
}
