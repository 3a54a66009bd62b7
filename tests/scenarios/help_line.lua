-- The headline's fixture (tests/headline_test.sh): a help line. Three
-- coordinators answer callers and follow up cases (what the service exists
-- for); a clerk files the archive boxes. A web form takes half the callers
-- off the phone, but a third of those need a coordinator's help with the
-- form: the time "on contact" (phone + helping with the tool) is a group.
-- A second variant changes only the clerk's filing: it does not touch the
-- mission, so its headline says "no real change" for it.
scenario "Help line" {
  unit = "minute", start = "mon 00:00", horizon = weeks(4), warmup = days(2), replications = 10,
  kinds = { phone = { label = "on the phone", group = "contact" },
            tool_help = { label = "helping with the tool", group = "contact" },
            cases = "following up cases", files = "filing" },
  mission = { "cases" },
}
calendar "office" { "mon-fri 09:00-17:00" }
role "coordinator" { label = "coordinators", count = 3, calendar = "office" }
role "clerk" { label = "the clerk", calendar = "office" }
arrivals "callers" {
  label = "callers", rate = per_hour(12), calendar = "office", to = "call", patience = uniform(5, 15),
}
activity "call" { label = "a call", role = "coordinator", duration = triangular(3, 6, 12), kind = "phone" }
arrivals "cases" { label = "cases", rate = per_hour(2), calendar = "office", to = "follow_up" }
activity "follow_up" { label = "following up a case", role = "coordinator", duration = triangular(20, 30, 50), kind = "cases" }
arrivals "boxes" { label = "archive boxes", rate = per_hour(1.5), calendar = "office", to = "file_box" }
activity "file_box" { label = "filing a box", role = "clerk", duration = triangular(15, 25, 40), kind = "files" }

tool "web_form" {
  label = "the web form",
  uptake = 0.5,
  apply = function()
    arrivals "callers" { to = "fill_form" }
    activity "fill_form" { label = "filling the form", duration = triangular(5, 10, 20),
                           next = { form_help = 0.35, exit = 0.65 } }
    activity "form_help" { label = "helping with the form", role = "coordinator",
                           duration = triangular(5, 10, 20), kind = "tool_help" }
  end,
}
variant "web form" { tools = { "web_form" } }
variant "faster filing" { apply = function() activity "file_box" { duration = triangular(10, 18, 30) } end }
