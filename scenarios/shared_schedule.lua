-- The home helpers' schedule moves into an app.
--
-- A home-help association: ten home helpers visit elderly and disabled
-- people at home, Monday to Saturday; one coordinator (the "responsable de
-- secteur") builds their schedules. Every day brings changes: a helper off
-- sick, a family cancelling, a discharge from hospital, a visit moved.
-- Today the coordinator phones the helpers concerned and keeps the paper
-- schedule on the office wall; mix-ups are rare because there is one
-- reference. The board decided to move the schedules into an online
-- planning app, so that helpers see their week on their phone. The
-- coordinator learned it and masters it; the helpers are another matter.
-- Some never open the app and keep asking "so, where do I go tomorrow?":
-- the coordinator enters the change AND phones them, and arrangements made
-- orally between colleagues never reach the app. Two versions of the
-- schedule: visits missed, visits done twice, evenings spent sorting it out.
--
-- Futures compared: the app alone (half the helpers use it), and the app
-- with a half-day of training for each helper (more of them use it).
--
-- The numbers are illustrative orders of magnitude, not measurements:
-- replace them with yours. Params to change: helpers, changes_per_day,
-- adoption and trained_adoption (the share of helpers who really use the
-- app), oral_mix_ups (how often an oral arrangement goes wrong once there
-- are two versions of the schedule). Costs, in euros: the coordinator's
-- hour 26, a helper's 17 (paid hours, idle ones included), the app 45 a
-- month and 300 to set up.

scenario "Shared schedule" {
  unit = "minute",
  start = "mon 00:00",
  horizon = weeks(12),
  warmup = weeks(1),
  replications = 30,
  kinds = { care = "home visits", ["follow-up"] = "care plans",
            scheduling = { label = "scheduling", group = "keeping the schedule" },
            rework = { label = "sorting out mix-ups", group = "keeping the schedule" } },
  mission = { "care" },              -- what the association exists for: the visits at home
  description = "Ten home helpers, one coordinator, and their schedule moving from the office wall into an app.",
  currency = "EUR",
}

calendar "office" { "mon-fri 08:30-12:30", "mon-fri 13:30-17:30" }
calendar "rounds" { "mon-sat 08:00-12:00", "mon-sat 14:00-19:00" }
-- Under a calendar, per_day(n) is n on every open day.

role "coordinator" { label = "the coordinator", count = 1, calendar = "office", cost_per_hour = 26 }
role "helper" {
  label = "helpers",
  count = param("helpers", 10, { label = "Home helpers", min = 2, max = 30, step = 1 }),
  calendar = "rounds",
  cost_per_hour = 17,
  absence = { every = exponential(days(40)), lasts = uniform(days(1), days(5)) },
}

-- The helpers' real work: visits at home, none starting in a round's last hour.
arrivals "visits" {
  rate = { ["08:00"] = per_hour(6.5), ["11:00"] = 0, ["14:00"] = per_hour(6.5), ["18:00"] = 0 },
  calendar = "rounds", to = "visit",
}
activity "visit" { role = "helper", duration = triangular(30, 60, 120), kind = "care" }

-- The coordinator's other work: new people to assess, care plans, families.
arrivals "follow_up" { label = "care plans to review", rate = per_day(2), calendar = "office", to = "care_plans" }
activity "care_plans" { role = "coordinator", duration = triangular(30, 60, 90), kind = "follow-up" }

-- Schedule changes, handled today by phone with the paper schedule.
arrivals "changes" {
  label = "schedule changes",
  rate = per_day(param("changes_per_day", 12, { label = "Schedule changes per day", min = 1, max = 40 })),
  calendar = "office", to = "call_round",
}
activity "call_round" {
  role = "coordinator", duration = triangular(5, 10, 20), kind = "scheduling",
  next = { sort_out = 0.08, exit = 0.92 },
}
-- A mix-up: calls, apologies to a family, and a visit to catch up.
activity "sort_out" { role = "coordinator", duration = triangular(15, 30, 60), kind = "rework", next = "catch_up_visit" }
activity "catch_up_visit" { role = "helper", duration = triangular(30, 60, 90), kind = "rework" }

-- The coordinator's side of the app: she enters every change.
tool "schedule_app" {
  description = "Online planning app, mastered by the coordinator",
  learning = { start = 1.8, half_life = days(10) },
  training = hours(7),
  cost = { per_month = 45, setup = 300 },   -- the app's subscription, and setting it up
  apply = function()
    arrivals "changes" { to = "enter_change" }
    activity "enter_change" { label = "entering a change in the app", role = "coordinator", duration = triangular(3, 6, 12), kind = "scheduling", next = "check_app" }
  end,
}
-- The helpers' side: a helper who does not use the app is phoned instead.
local function helpers_read_the_app()
  activity "check_app" { label = "reading the app", role = "helper", duration = triangular(1, 3, 6), kind = "scheduling" }
end
tool "helpers_app" {
  adoption = param("adoption", 0.5, { label = "Share of helpers who use the app", min = 0, max = 1, step = 0.05 }),
  fallback = "call_round",
  apply = helpers_read_the_app,
}
tool "helpers_app_trained" {
  adoption = param("trained_adoption", 0.85, { label = "Share who use it after training", min = 0, max = 1, step = 0.05 }),
  training = hours(4),                    -- a half-day for each helper
  fallback = "call_round",
  apply = helpers_read_the_app,
}

-- With two versions of the schedule, an oral arrangement goes wrong more often.
local mix_ups = param("oral_mix_ups", 0.3, { label = "Oral arrangements that go wrong, with the app", min = 0, max = 1 })
local function two_versions()
  activity "call_round" { next = { sort_out = mix_ups, exit = 1 - mix_ups } }
end

variant "schedule tool" { tools = { "schedule_app", "helpers_app" }, apply = two_versions }
variant "schedule tool + training the team" { tools = { "schedule_app", "helpers_app_trained" }, apply = two_versions }
