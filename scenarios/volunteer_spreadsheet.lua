-- A shared spreadsheet that loses rows, and the volunteer who puts them back.
--
-- A collective run entirely by volunteers: during the first lockdown its
-- members started a public table, on a free online spreadsheet "because it
-- was easy", listing what they documented in their towns (here: the
-- surveillance technologies being deployed, but it could be a directory of
-- food aid or of solidarity housing). Members and readers send tips; the
-- volunteers check each tip in the evening and add a row. The spreadsheet
-- loses rows: two people editing at once, a sort applied to one column
-- only, a sync that fails. They tried four or five services; even the
-- sturdiest lost rows. So one member, every evening, compares the table
-- with her own copy and puts back by hand what was lost: "an insane job,
-- especially when we are all volunteers". She documents less and less.
--
-- Futures compared: a sturdier tool (a small database with an edit
-- history: the evening re-consolidation shrinks to a quick check, but
-- everyone must learn a new way to enter a row), and a weekly check
-- instead of a daily one (she gets her evenings back, but a lost row found
-- a week later often has to be researched again: the tip is stale, the
-- link is dead, nobody remembers who sent it).
--
-- The numbers are illustrative orders of magnitude, not measurements:
-- replace them with your own. Params to change: volunteers,
-- tips_per_evening, consolidation_minutes, rows_lost_per_day,
-- lost_for_good (the share of rows found late that must be redone).

scenario "Volunteer spreadsheet" {
  unit = "minute",
  start = "mon 00:00",
  horizon = weeks(12),
  warmup = weeks(1),
  replications = 30,
  kinds = { documenting = "documenting",
            consolidation = { label = "consolidating the spreadsheet", group = "repairing the spreadsheet" },
            rework = { label = "redoing lost rows", group = "repairing the spreadsheet" } },
  mission = { "documenting" },       -- what the collective exists for
  description = "A collective of volunteers, its public table, and the rows a shared spreadsheet loses every day.",
}

calendar "evenings" { "mon-sun 19:00-22:30" }     -- volunteers' time: 3.5 hours a day
-- Under a calendar, per_day(n) is n on every open day: here, every evening.

role "volunteer" {
  label = "volunteers",
  count = param("volunteers", 4, { label = "Volunteers active on a given evening", min = 1, max = 20, step = 1 }),
  calendar = "evenings",
  absence = { every = exponential(days(20)), lasts = uniform(days(2), days(10)) },   -- life happens
}
role "keeper" { count = 1, calendar = "evenings", label = "keeper of the spreadsheet" }  -- the member who keeps her own copy

-- Tips to check and document; a tip left too long goes stale and is dropped.
arrivals "tips" {
  rate = per_day(param("tips_per_evening", 12, { label = "Tips received per evening", min = 1, max = 60 })),
  calendar = "evenings", to = "document",
  patience = uniform(days(4), days(10)),
}
activity "document" {
  role = { "volunteer", "keeper" },           -- the keeper documents too, when she can
  duration = triangular(15, 30, 60), kind = "documenting",
}

-- Every evening, the keeper compares the table with her copy and restores it.
local usual = param("consolidation_minutes", 75, { label = "Usual minutes to re-consolidate, each evening", min = 10, max = 180 })
task "reconsolidate" {
  every = "mon-sun 20:00", role = "keeper", priority = -1,
  duration = triangular(usual * 0.6, usual, usual * 2), kind = "consolidation",
}

-- A small database with an edit history: rows no longer vanish, a quick
-- look is enough; entering a row is slower while everyone learns.
tool "sturdier_table" {
  description = "A shared database with an edit history instead of the spreadsheet",
  learning = { start = 1.5, half_life = days(7) },
  training = hours(2),
  apply = function()
    activity "document" {}          -- entering a row is now a step of the new tool
    task "reconsolidate" { duration = triangular(5, 10, 20) }
  end,
}
variant "sturdier tool" { tools = { "sturdier_table" } }

-- The keeper checks once a week, on Sunday evening (longer, and late); the
-- rows lost meanwhile are noticed days later, and many must be redone.
local lost = param("rows_lost_per_day", 4, { label = "Rows lost per day", min = 0.5, max = 30 })
local for_good = param("lost_for_good", 0.5, { label = "Share of rows found late that must be researched again", min = 0.05, max = 1 })
variant "weekly check" {
  apply = function()
    task "reconsolidate" { every = "sun 19:00", duration = triangular(120, 180, 300) }
    arrivals "rows_lost" { rate = per_day(lost * for_good), to = "unnoticed" }
    activity "unnoticed" { duration = uniform(0, days(7)), next = "redo_row" }   -- until the Sunday check
    activity "redo_row" { label = "researching a lost row again", role = "volunteer", duration = triangular(20, 40, 90), kind = "rework" }
  end,
}
