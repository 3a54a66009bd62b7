-- A sports and culture club: September registrations.
--
-- About 600 members register again every September. Today they come to the
-- desk (Wednesday and Saturday afternoons, Monday and Thursday evenings)
-- with a paper form and a cheque; a volunteer welcomes them, checks the
-- form and, later, enters it in the club's register. The treasurer banks
-- the cheques every Saturday morning.
--
-- The federation and the town hall now want registrations online: a form
-- with online payment. What the club found out in its first September:
-- - members take it up gradually: a fifth on the first days, most of them
--   by the end of the month, and some never (the public's uptake grows);
-- - the federation wants every registration in its tool, so the paper
--   forms still brought to the desk are keyed in again by a volunteer;
-- - every online payment is matched against the bank statement by the
--   treasurer, on her Monday and Thursday evenings and Saturday mornings,
--   and one form in eight has
--   a mistake that a volunteer sorts out by phone;
-- - meanwhile, the desk is where members are welcomed, which is what the
--   volunteers are there for.
-- The variant with a helper: one more volunteer at the desk, who helps the
-- members who came with paper fill the online form themselves.
--
-- Numbers to change for your club: members, the desk's hours, how many
-- volunteers, how fast members go online (online_at_start, online_final,
-- weeks_to_half_way), the share of forms with a mistake.

scenario "Club registrations" {
  unit = "minute",
  start = "mon 00:00",
  horizon = weeks(4),
  replications = 20,
  label = "Club registrations in September",
  kinds = { welcome = "welcoming members", register = "keeping the register", accounts = "accounts",
            tool = { label = "the online form", group = "tool work" } },
  mission = { "welcome" },           -- what the volunteers are there for: welcoming members
  description = "September registrations at the club: the desk, paper forms and cheques, and the online form the federation wants.",
}

calendar "desk" { "wed 14:00-18:00", "sat 14:00-18:00", "mon,thu 18:00-20:00" }      -- the volunteers
calendar "door" { "wed 14:00-17:30", "sat 14:00-17:30", "mon,thu 18:00-19:30" }      -- members come in
calendar "treasurer" { "mon,thu 20:00-22:00", "sat 10:00-12:00" }

role "volunteer" {
  label = "desk volunteers",
  count = param("volunteers", 3, { label = "Volunteers at the desk", min = 1, max = 6, step = 1 }),
  calendar = "desk",
}
role "treasurer" { label = "the treasurer", calendar = "treasurer" }

-- Members at the desk: 600 over the month; whoever waits too long in the
-- line goes home and comes back another day (counted as giving up).
arrivals "members" {
  label = "members registering",
  rate = per_week(param("members", 600, { label = "Members registering in September", min = 100, max = 2000 }) / 4),
  calendar = "door",
  to = "welcome",
  patience = uniform(15, 40),
}
activity "welcome" {
  label = "welcome and paper form",
  role = "volunteer", duration = triangular(4, 7, 15), kind = "welcome",
  next = "enter_register",
}
activity "enter_register" {       -- after the member has left: paperwork, it does not give up
  label = "entering the form in the register",
  role = "volunteer", duration = triangular(1, 2, 4), kind = "register",
  patience = false,
}
task "bank_cheques" { label = "banking the cheques", every = "sat 10:00", role = "treasurer", duration = 30, kind = "accounts" }

-- The online form. The members' uptake grows from online_at_start to
-- online_final, half-way there after weeks_to_half_way.
local online = {
  start = param("online_at_start", 0.2, { label = "Members online on the first day", min = 0, max = 1, step = 0.05 }),
  final = param("online_final", 0.8, { label = "Members online in the end", min = 0, max = 1, step = 0.05 }),
  half_life = weeks(param("weeks_to_half_way", 1, { label = "Weeks until half of the way", min = 0.25, max = 4 })),
}
local mistakes = param("forms_with_a_mistake", 0.125, { label = "Online forms with a mistake", min = 0, max = 1, step = 0.025 })
tool "online_form" {
  label = "online registration",
  description = "Members register and pay online; the federation wants every registration in its tool",
  uptake = online,
  apply = function()
    -- the members who go online: they fill the form at home, the treasurer
    -- matches their payment, a volunteer phones about a form with a mistake
    arrivals "members" { to = "fill_online" }
    activity "fill_online" { label = "filling the form at home", duration = triangular(5, 10, 30),
                             next = { reconcile = rest, sort_out = mistakes } }
    activity "sort_out" { label = "sorting out a form by phone", role = "volunteer",
                          duration = triangular(5, 10, 20), kind = "tool", next = "reconcile", patience = false }
    activity "reconcile" { label = "matching the payment", role = "treasurer",
                           duration = triangular(1, 2, 5), kind = "accounts", patience = false }
    -- the paper forms still brought to the desk: keyed into the federation's tool
    activity "enter_register" { label = "keying the paper form into the online tool",
                                duration = triangular(5, 8, 15), kind = "tool" }
  end,
}

variant "online form" { tools = { "online_form" } }

variant "online form + a helper at the desk" {
  label = "online form, with a volunteer helping members fill it at the desk",
  tools = { "online_form" },
  apply = function()
    role "helper" { label = "the helper at the desk", calendar = "desk" }
    -- most members who came with paper fill the form with the helper
    -- instead, so nobody keys theirs in later; the others leave the paper
    activity "welcome" { next = { fill_with_help = 0.7, enter_register = rest } }
    activity "fill_with_help" { label = "filling the form with the helper", role = { "helper", "volunteer" },
                                duration = triangular(6, 10, 20), kind = "tool", next = "reconcile" }
  end,
}
