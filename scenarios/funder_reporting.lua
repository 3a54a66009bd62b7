-- A funder's management tool, and the social workers' support time.
--
-- An association that supports people in their access to housing and to
-- their rights: four social workers, a director. People are referred by
-- the social services or walk in; each is seen several times over a few
-- weeks (a file to open, papers, a landlord, a follow-up). The département,
-- its main funder, now requires every appointment to be recorded in its own
-- online management tool, with a set of indicators per person, and monthly
-- figures. The director accepted it: the grant depends on it. On the floor,
-- the social workers say the tool was chosen for the funder, not for them:
-- after each appointment, ten or fifteen minutes of boxes to tick, the
-- notes typed twice, and "the afternoons go into feeding the tool instead
-- of seeing people". The waiting list grows; some people stop coming.
--
-- Futures compared: the funder's tool as required (indicators entered
-- after each appointment), and the same tool with a shared reporting
-- afternoon (a quick tick after each appointment, the indicators filled in
-- together every Friday, colleagues helping each other with the tool).
--
-- The numbers are illustrative orders of magnitude, not measurements:
-- replace them with your own. Params to change: social_workers,
-- new_people_per_week, indicator_minutes, shared_afternoon_hours.

scenario "Funder reporting" {
  unit = "minute",
  start = "mon 00:00",
  horizon = weeks(20),
  warmup = weeks(4),             -- let the waiting list settle
  replications = 30,
  kinds = { support = "supporting people", management = "management", reporting = { label = "reporting to the funder", group = "tool work" } },
  mission = { "support" },           -- what the association exists for: supporting people
  description = "Four social workers, the people they support, and the online tool the funder requires after each appointment.",
}

calendar "office" { "mon-fri 09:00-12:30", "mon-fri 13:30-17:30" }
-- Under a calendar, per_day(n) is n on every open day, per_week(n) n a week.

local workers = param("social_workers", 4, { label = "Social workers", min = 1, max = 15, step = 1 })
role "social_worker" {
  label = "social workers",
  count = workers, calendar = "office",
  absence = { every = exponential(days(50)), lasts = uniform(days(1), days(5)) },
}
role "director" { label = "the director", count = 1, calendar = "office" }

-- New people; who has waited three weeks without an appointment gives up.
arrivals "people" {
  label = "people supported",
  rate = per_week(param("new_people_per_week", 48, { label = "New people per week", min = 1, max = 150 })),
  calendar = "office", to = "appointment",
  patience = uniform(days(10), days(21)),
}
activity "appointment" { role = "social_worker", duration = triangular(40, 55, 90), kind = "support", next = "case_notes" }
activity "case_notes" {
  role = "social_worker", duration = triangular(5, 10, 20), kind = "support",
  next = { until_next_time = 0.6, exit = 0.4 },     -- 2.5 appointments per person on average
}
activity "until_next_time" { duration = uniform(days(7), days(21)), next = "appointment" }

-- The director: the team, the accounts, the board, the partners.
arrivals "management" { rate = per_day(4), calendar = "office", to = "manage" }
activity "manage" { role = "director", duration = triangular(20, 45, 120), kind = "management" }

-- The funder's tool: the notes are typed into it, then the indicators,
-- after every appointment; the director sends the figures every month.
local indicators = param("indicator_minutes", 12, { label = "Minutes of indicators after each appointment", min = 1, max = 40 })
tool "funder_tool" {
  description = "The funder's online management tool, required for the grant",
  learning = { start = 1.6, half_life = days(15) },
  training = hours(7),
  apply = function()
    activity "case_notes" { next = "enter_indicators" }
    activity "enter_indicators" {
      label = "entering the indicators",
      role = "social_worker", duration = triangular(indicators / 2, indicators, indicators * 2), kind = "reporting",
      next = { until_next_time = 0.6, exit = 0.4 },
    }
    task "monthly_figures" { label = "the monthly figures", every = weeks(4), role = "director", duration = hours(3), kind = "reporting" }
  end,
}

variant "funder's tool" { tools = { "funder_tool" } }

-- Only attendance is ticked after each appointment; every Friday afternoon
-- each social worker fills in the week's indicators, all together.
local afternoon = param("shared_afternoon_hours", 2, { label = "Hours of the shared reporting afternoon", min = 0.5, max = 4 })
variant "funder's tool + shared reporting day" {
  tools = { "funder_tool" },
  apply = function()
    activity "enter_indicators" { duration = triangular(1, 3, 6) }
    task "reporting_afternoon" {
      label = "the shared reporting afternoon",
      every = "fri " .. string.rep("14:00", workers, ","),    -- "fri 14:00,14:00,...": one for each social worker
      role = "social_worker", duration = hours(afternoon), kind = "reporting", priority = -1,
    }
  end,
}
