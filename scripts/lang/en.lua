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

  -- fragility.c: remous fragility, who the organization cannot do without
  fragility = {
    title = "Who the organization cannot do without (%s): each person away %s from the start of the measured period; %d replications, each paired with the same run without the absence.",
    title_at = "Who the organization cannot do without (%s): each person away %s from %s after the start; %d replications, each paired with the same run without the absence.",
    title_worst = "Who the organization cannot do without (%s): each person away %s, in the worst of %d weeks tried (the most items late or lost, then the most extra waiting); %d replications, each paired with the same run without the absence.",
    if_away = "If %s is away %s",
    if_away_in_week = "If %s is away %s from %s",
    if_away_all = "If %s are away %s",
    if_away_all_in_week = "If %s are away %s from %s",
    week_number = "week %s",
    missed = "%s %s miss their deadline",
    lost = "%s %s give up or are turned away",
    waits = "%s waits %s longer on average",
    backlog = "%s more items are waiting at the return and the backlog takes %s to clear",
    backlog_stays = "%s more items are waiting at the return and the backlog does not clear before the end of the run",
    nothing = "nothing measurable changes",
    ["and"] = " and ",
    semicolon = "; ",
    nobody_else = "nobody else can do %s",
    nobody_else_them = "nobody outside them can do %s",
    whole_role = "all %2$d of %1$s",
    who_can = "Who can do each step:",
    one_person = "1 person",
    people = "%s people",
    able = "  %s: %s, %s%% of it done by the busiest",
    able_never = "  %s: %s, never done in the run",
    week = "%s week",
    weeks = "%s weeks",
    day = "%s day",
    days = "%s days",
    hour = "%s hour",
    hours = "%s hours",
    minute = "%s minute",
    minutes = "%s minutes",
  },
}
