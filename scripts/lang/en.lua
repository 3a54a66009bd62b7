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

  -- targets.c and the digest's lines on declared metrics (digest.c)
  decision = {
    heading = "Targets, each judged on the 95%% interval of its mean (%d replications):",
    met = "met",
    not_met = "not met",
    undecided = "undecided",
    below = "wanted below %s",
    at_most = "wanted at most %s",
    above = "wanted above %s",
    at_least = "wanted at least %s",
    colon = ": ",              -- between a verdict or a target and what follows
    interval = "[%s, %s]",      -- a 95% interval: its low and high ends
    no_value = "no value",
    all_met_by = "Every target is met by: %s.",
    none_meets = "No option meets every target.",
    sweep_heading = "Targets at each grid point, each judged on the 95%% interval of its mean:",
    points_meet = "Points that meet every target: %ld of %ld.",
    no_point = "No point of the grid meets every target.",
    ordered_by = "In the order of --prefer (%s):",
    grid_order = "In grid order:",
    smallest_first = "%s smallest first",
    largest_first = "%s largest first",
    cheapest = "The cheapest: %s.",
    metric = "metric",          -- a digest line's subject: metric “advising, share of busy time”
    value = "value",
    value_in = "value in %s",   -- a declared metric's unit: "value in EUR"
  },
}
