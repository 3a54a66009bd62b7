-- What a variant adds, and words that need their unit (tests/digest_test.sh,
-- tests/headline_test.sh): a tool whose uptake grows from 10% to 40% adds
-- a queue where nobody ever waits (arrivals 20 minutes apart at the
-- least, two volunteers for a 30-minute step) and a new role; another
-- variant serves slower than people come, so that some are still waiting
-- when the desk closes (none are in the baseline).
scenario "new elements" { horizon = weeks(3), replications = 5, kinds = { desk = "the desk", kiosk = "the kiosk" } }
calendar "office" { "mon-fri 09:00-17:00" }
role "clerk" { calendar = "office" }
arrivals "visitors" { interarrival = 20, to = "serve", patience = 600, calendar = "office" }
activity "serve" { role = "clerk", duration = 15, kind = "desk" }
tool "kiosk" {
  uptake = { start = 0.1, final = 0.4, half_life = weeks(1) },
  apply = function()
    arrivals "visitors" { to = "use_kiosk" }
    queue "kiosk_line" { label = "the kiosk line" }
    role "evening" { label = "evening volunteers", count = 2 }
    activity "use_kiosk" { label = "using the kiosk", role = "evening", queue = "kiosk_line", duration = 30, kind = "kiosk" }
  end,
}
variant "kiosk" { tools = { "kiosk" } }
variant "slower" { apply = function() activity "serve" { duration = 25 } end }
