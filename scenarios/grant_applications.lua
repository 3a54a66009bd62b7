-- Grant applications in a small social centre (an association).
--
-- A neighbourhood association: a director, an activities coordinator who
-- runs the workshops and meets the families, a handful of animators. Most
-- of its money comes from calls for projects (the town, the département,
-- the CAF, the State's services, foundations), and those calls are now
-- online only: the call, the forms, the budget, the filing, each funder
-- on its own portal. In this association only the director knows how to
-- file. She writes the application between two meetings, and when she is
-- off sick, at the federation's days or on holiday, nothing gets filed.
-- Field workers said it plainly: "if she is away the week of a deadline,
-- we lose the grant". The team fears a platform that makes her even more
-- indispensable; the board wonders what a second person able to file
-- would cost the workshops.
--
-- The file is the association today (the baseline) and three futures: a
-- common filing platform (faster once learned, but only the director uses
-- it), a trained deputy (the coordinator can write and file too), and both.
--
-- The numbers are illustrative orders of magnitude, not measurements:
-- replace them with your own (how many calls you answer a year, how long
-- an application takes you, how often the director is away). Params to
-- change: calls_per_week, deadline_days, director_other_work.

scenario "Grant applications" {
  unit = "minute",
  start = "mon 00:00",
  horizon = weeks(26),
  warmup = weeks(2),
  replications = 40,
  kinds = { management = "management", field = "workshops and families",
            applications = { label = "writing applications", group = "grant applications" },
            filing = { label = "filing online", group = "grant applications" } },
  mission = { "field" },             -- what the association exists for: the workshops and the families
  description = "Calls for projects filed online, by the only person in the association who knows how to file.",
}

calendar "office" { "mon-fri 09:00-12:30", "mon-fri 13:30-17:30" }
-- Under a calendar, per_day(n) is n on every open day, per_week(n) n a week.

role "director" {
  label = "the director", count = 1, calendar = "office",
  -- sick days, leave, the federation's meetings: away now and then
  absence = { every = exponential(days(45)), lasts = uniform(days(2), days(10)) },
}
role "deputy" {                      -- the activities coordinator
  label = "deputy",
  count = 1, calendar = "office",
  absence = { every = exponential(days(60)), lasts = uniform(days(1), days(5)) },
}

-- The director's everyday work: the team, the accounts, the board, partners.
local other = param("director_other_work", 4, { label = "Other requests to the director per day", min = 0, max = 10 })
arrivals "management" { rate = per_day(other), calendar = "office", to = "manage" }
activity "manage" { role = "director", duration = triangular(15, 40, 120), kind = "management" }

-- The coordinator's field work: workshops to prepare, families to meet.
arrivals "field_work" { rate = per_day(5), calendar = "office", to = "workshops_and_families" }
activity "workshops_and_families" { role = "deputy", duration = triangular(30, 60, 90), kind = "field" }

-- Calls for projects: read the call and gather the documents, write (a few
-- sessions of two or three hours), then file on the funder's portal.
local calls = param("calls_per_week", 1, { label = "Calls for projects answered per week", min = 0.1, max = 4 })
arrivals "calls" {
  label = "calls for projects",
  rate = per_week(calls), calendar = "office", to = "prepare",
  deadline = days(param("deadline_days", 21, { label = "Days between a call and its deadline", min = 5, max = 60 })),
}
activity "prepare" { role = "director", duration = triangular(45, 90, 180), kind = "applications", next = "write" }
activity "write" {
  role = "director", duration = triangular(90, 150, 210), kind = "applications",
  next = { write = 0.6, file = 0.4 },        -- about 2.5 sessions on average
}
activity "file" { role = "director", duration = triangular(60, 120, 240), kind = "filing" }

-- A common platform: the association's documents stored once (statutes,
-- accounts, activity report), one account for several funders. Slow at
-- first, faster once learned; only the director is trained and uses it.
tool "grant_platform" {
  description = "One filing platform for several funders, documents stored once",
  adoption = 1,
  learning = { start = 2, half_life = days(20) },
  training = hours(7),
  apply = function()
    activity "prepare" { duration = triangular(30, 60, 120) }
    activity "file" { duration = triangular(20, 45, 90) }
  end,
}

variant "online platform" { tools = { "grant_platform" } }

-- The coordinator learns to write and file: the director first, the
-- coordinator when the director is busy or away. Her field work waits.
local function deputy_can_file()
  activity "prepare" { role = { "director", "deputy" } }
  activity "write" { role = { "director", "deputy" } }
  activity "file" { role = { "director", "deputy" } }
end

variant "trained deputy" { apply = deputy_can_file }

variant "online platform + trained deputy" {
  tools = { "grant_platform" },
  apply = deputy_can_file,
}
