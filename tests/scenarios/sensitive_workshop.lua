-- The workshop's "what matters most" panel (tests/workshop_test.sh): an
-- M/M/1 whose "service" param is the mean service time and whose "colour"
-- param the model never reads (its effect is exactly 0: the same random
-- draws at both ends), declared first so that the ranking has to reorder
-- them. "days", the horizon, has no range: it is held at the page's value,
-- short for the tornado, long enough to show its progress. The variant
-- gives the page a digest and the panel a second run to ask for.
scenario "Counter" { horizon = days(param("days", 1)), replications = 4 }
param("colour", 2, { label = "colour of the walls", min = 0, max = 5, step = 1 })
local service = param("service", 0.6, { label = "mean service time", min = 0.5, max = 0.8 })
role "server" { count = 1 }
arrivals "customers" { interarrival = exponential(1), to = "serve" }
activity "serve" { role = "server", duration = exponential(service) }
variant "faster server" { apply = function() activity "serve" { role = "server", duration = exponential(service * 0.8) } end }
