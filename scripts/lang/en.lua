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
    percent = "%s%%",           -- a percentage: "25%"
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
  report = {
    with_variant = "With %s",
    not_computed = "This variant cannot be computed with these values: %s",
    no_change = "no significant change",
    to_check = "Points to check in the model",
    what_changes = "What changes",
    runs = "%d replications, seed %llu, remous %s. ",
    figures_are_means = "Figures are means over the replications; ± is the half-width of the 95%% interval.",
    time_title = "Where each role's time goes",
    group_of_kind = "%s: ",             -- a group's name before its kind's in the chart's legend
    idle = "idle",
    no_such_role = "(no such role here)",
    no_such_queue = "(no such queue here)",
    share_of_kind = "%s: %s",           -- a kind and its share, on a bar
    groups_caption = "Totals by group of kinds: the group's share of working time, then its parts.",
    groups_role = "role",
    groups_group = "group",
    wait_title = "Mean wait in each queue (%s)",
    wait_scale = "Each queue has its own scale; the whiskers show the 95%% interval.",
    unit_hours = "hours",
    unit_minutes = "minutes",
    unit_seconds = "seconds",
    unit_days = "days",
    waiting_over_time = "People waiting, over time",
    axis_waiting = "people waiting",
    axis_weeks = "weeks",
    axis_days = "days",
    axis_periods = "periods",
    params_title = "Parameters",
    params_parameter = "parameter",
  },

  -- workshop.c
  workshop = {
    title = "remous workshop",
    variants_compared = "Variants compared with the baseline",
    replications = "Replications",
    language = "Language",
    update = "Update",
    download = "Download:",
    link = "Link to this situation",
    fix_the_scenario = "Fix the scenario: this page reloads by itself when the file changes.",
    computing = "Computing: %ld of %ld runs…",      -- the two numbers first: the page updates them
    bad_reps = "reps: give a whole number from 1 to %d, not \"%.40s\"",
    bad_lang = "lang: one of %s, not \"%.20s\"",
    too_many_fields = "the address has more than %d fields",
    given_twice = "%.100s given twice in the address",
    no_such_variant = "variant: the scenario has no variant \"%.100s\"",
    unknown_field = "unknown field \"%.100s\" in the address",
    too_long = "the workshop simulates at most %.0f days per replication; this horizon is %.0f days (use remous compare for longer ones)",
    -- one-line answers to an address that is not a page
    no_such_page = "remous workshop: no such page",
    out_of_memory = "remous workshop: out of memory",
    busy = "remous workshop: busy with other situations; try again in a moment",
    changed_meanwhile = "remous workshop: the scenario changed meanwhile; reload the page",
    still_computing = "remous workshop: still computing; try again in a moment",
    no_compare_without_variant = "remous workshop: no compare.csv without a variant: tick one",
    no_compare_computed = "remous workshop: no compare.csv: the variants ticked cannot be computed with these values (see the page)",
  },

  -- sweep.c
}
