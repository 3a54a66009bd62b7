-- A digital mediator who is never there for his colleagues.
--
-- A social centre run by an association: a director, social workers,
-- animators, a receptionist, an accountant. Since the health crisis it
-- hosts a digital advisor ("conseiller numérique"), a post funded by the
-- State with quantitative targets: people supported at the digital desk,
-- workshops held, towns and intercommunalities reached. Every person
-- helped is logged in the national tool, because the funding depends on
-- the counts. Meanwhile the team has its own digital troubles: the
-- funders' filing platforms, the new accounting software, the shared
-- drive, a form that will not print. Few think of asking the mediator:
-- his work faces outward. When someone does ask, the request waits behind
-- the public and the counts, and he drops it whenever someone comes to the
-- desk; after a few days they ask a trusted colleague or the director, or
-- they live with it.
--
-- Futures compared: an internal half-day a week (Friday afternoon the
-- desk is closed to the public and the mediator is the team's), and a
-- lowered quota (the funder asks for fewer towns reached: the outreach
-- round on Wednesday afternoon is halved).
--
-- The numbers are illustrative orders of magnitude, not measurements:
-- replace them with your own. Params to change: public_per_hour,
-- colleague_requests_per_week, outreach_hours.

scenario "Digital mediator" {
  unit = "minute",
  start = "mon 00:00",
  horizon = weeks(16),
  warmup = weeks(1),
  replications = 30,
  kinds = { public = "helping the public", outreach = "outreach rounds", reporting = "reporting",
            internal = "helping colleagues" },
  mission = { "public" },            -- what the post is funded for: the public at the digital desk
  description = "A social centre whose digital mediator is funded to help the public, and whose team waits when it needs him.",
}

calendar "office" { "mon-fri 09:00-12:30", "mon-fri 13:30-17:30" }
-- The digital desk, open to the public: every morning, Monday and Friday
-- afternoons (workshops on Tuesday and Thursday, outreach on Wednesday);
-- the last people come in half an hour before the mediator leaves.
calendar "public_desk" { "mon-fri 09:00-12:00", "mon,fri 13:30-17:00" }

role "mediator" {
  label = "digital mediator",
  count = 1, calendar = "office",
  absence = { every = exponential(days(60)), lasts = uniform(days(1), days(4)) },
}

-- The public at the desk: a walk-in not seen within the hour comes back another day.
arrivals "public" {
  label = "people at the digital desk",
  rate = per_hour(param("public_per_hour", 1.5, { label = "People at the digital desk per hour", min = 0.1, max = 6 })),
  calendar = "public_desk", to = "help_public",
  patience = uniform(30, 90),
}
activity "help_public" { role = "mediator", duration = triangular(15, 30, 60), kind = "public" }

-- Workshops (with their set-up) and the outreach round count towards the
-- targets; at the end of each day, the people helped go into the national tool.
task "workshop" { every = "tue,thu 13:30", role = "mediator", duration = hours(2.5), kind = "public", priority = -1 }
local outreach = param("outreach_hours", 4, { label = "Hours of outreach on Wednesday afternoon", min = 0.5, max = 4 })
local function round_of(h) return triangular(hours(h) * 0.75, hours(h), hours(h) * 1.1) end   -- it sometimes runs late
task "outreach" { every = "wed 13:30", role = "mediator", duration = round_of(outreach), kind = "outreach", priority = -1 }
task "log_the_day" { every = "mon-fri 17:00", role = "mediator", duration = triangular(15, 30, 45), kind = "reporting", priority = -1 }

-- Colleagues' digital problems: served after the public (priority 1); after
-- a few days they find another way, or give up.
arrivals "colleagues" {
  label = "colleagues asking for help",
  rate = per_week(param("colleague_requests_per_week", 8, { label = "Colleagues' digital requests per week", min = 0, max = 40 })),
  calendar = "office", to = "help_colleague",
  priority = 1,
  patience = uniform(days(1), days(5)),
}
activity "help_colleague" {
  role = "mediator", duration = triangular(15, 40, 90), kind = "internal",
  interruptible = true, switch_cost = 10,      -- someone at the desk comes first
}

-- Friday afternoon: the desk is closed to the public, the mediator is the team's.
variant "internal half-day a week" {
  apply = function()
    calendar "public_desk" { "mon-fri 09:00-12:30", "mon 13:30-17:30" }
  end,
}

-- The funder lowers the target of towns reached: a two-hour round.
variant "quota lowered" {
  apply = function()
    task "outreach" { duration = round_of(outreach / 2) }
  end,
}
