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
    percent = "%s%%",           -- a percentage: "46%"
    minus = "−",                -- before a negative figure
    -- a unit after a figure is singular when the figure is 1 ("no"), or
    -- below 2 ("yes", as in French: "1,5 minute")
    singular_below_two = "no",
    point = "point",            -- of percentage: "+1 point", "+11 points"
    points = "points",
    unit = {                    -- after a figure: singular, plural
      second = "second", seconds = "seconds",
      minute = "minute", minutes = "minutes",
      hour = "hour", hours = "hours",
      day = "day", days = "days",
    },
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
  headline = {
    kind = "%s",                -- a kind of work named in a sentence (its label)
    per_week = "a week",
    per_day = "a day",
    list_and = " and ",
    articles = "the,a,an,our,my,their",  -- a label starting with one of these needs no "the"
    the = "the ",
    zero = "none",
    wait = "%s wait %s %s instead of %s",
    wait2 = "%s wait %s %s instead of %s %s",
    wait_said = "%s wait %s instead of %s",
    under_a_second = "less than a second",
    and_leave = ", and about %s %s %s leave without being served",
    and_leave1 = ", and about %s %s %s leaves without being served",
    and_leave_rare = ", and about one %s every %s weeks leaves without being served",
    leave = "Of the %s, about %s %s %s leave without being served",
    leave1 = "Of the %s, about %s %s %s leaves without being served",
    leave_rare = "Of the %s, about one %s every %s weeks leaves without being served",
    more = "more",
    fewer = "fewer",
    what_wait = "%s: wait",
    what_leave = "%s: leave without being served, %s",
    busy = "%s are busy %s of their working time instead of %s (%s %s)",
    busy1 = "%s is busy %s of their working time instead of %s (%s %s)",
    of_it = ", %s%.0s of it on %s",
    and_overtime = ", with %s %s of overtime %s between them instead of %s",
    and_overtime1 = ", with %s %s of overtime %s instead of %s",
    overtime = "%s work %s %s of overtime %s between them, instead of %s",
    overtime1 = "%s works %s %s of overtime %s, instead of %s",
    new_role = "%s, a new role, are busy %s of their working time",   -- its label, its busy share
    new_role1 = "%s, a new role, is busy %s of their working time",
    new_role_overtime = ", with %s %s of overtime %s between them",  -- figure, unit, per
    new_role_overtime1 = ", with %s %s of overtime %s",
    and_new_role = "; ",        -- between a role's change and the new role
    what_busy = "%s: busy",
    what_overtime = "%s: overtime, %s",
    team = "the team",
    mission = "%s spend %s of their working time on %s instead of %s, about %s %s %s instead of %s.",
    mission1 = "%s spends %s of their working time on %s instead of %s, about %s %s %s instead of %s.",
    mission_pct = "%s spend %s of their working time on %s instead of %s, still about %s %s %s.",
    mission_pct1 = "%s spends %s of their working time on %s instead of %s, still about %s %s %s.",
    mission_hours = "%s spend about %s %s %s on %s instead of %s, still %s of their working time.",
    mission_hours1 = "%s spends about %s %s %s on %s instead of %s, still %s of their working time.",
    mission_same = "%s: no real change in the time on %s (about %s %s %s, %s of working time).",
    what_mission = "%s: time on %s, %s",
    new_work = "New work takes about %s %s %s: %s.",
    group = "%s spend %s of their working time on %s instead of %s: %s.",
    group1 = "%s spends %s of their working time on %s instead of %s: %s.",
    less = "less %s",
    more_of = "more %s",
    what_new = "new work, %s",
    what_group = "%s: time on %s",
    one_person = "One person now does %s of “%s”, instead of %s.",
    what_one = "“%s”: done by one person",
    in_short = "In short, with “%s”:\n",
    nothing = "no real change in what the headline follows",
    title = "In short",
    with = "With “%s”",
    figures = "baseline → with the variant",
    -- the cost, a month (cost()): parts listed after the total
    cost_more = "All in, this variant costs about %s more a month",
    cost_less = "All in, this variant saves about %s a month",
    cost_same = "No real change in what it costs a month: about %s",
    cost_parts = ": %s",
    cost_in = ", in %s",
    cost_bare_subscriptions = "subscriptions",
    cost_bare_fees = "fees",
    cost_bare_time = "%s time",
    cost_list = " and ",
    cost_subscriptions = "%s in subscriptions",
    cost_subscriptions_less = "%s less in subscriptions",
    cost_fees = "%s in fees",
    cost_fees_less = "%s less in fees",
    cost_time = "%s of %s time",
    cost_time_less = "%s less of %s time",
    cost_whose = "%s's",
    cost_whose_s = "%s'",
    cost_setup = ", plus %s once to set it up",
    cost_setup_less = ", and %s less to set up",
    cost_and_lost = "; ",
    lost_more = "value lost with those who give up or are turned away: about %s more a month",
    lost_less = "value lost with those who give up or are turned away: about %s less a month",
    what_cost = "cost a month (staff and tools)",
    what_lost = "value lost a month",
  },

  -- digest.c
  digest = {
    -- a change: the element, the metric's words, then the figures
    up = "up",
    down = "down",
    rate_week = " a week",
    rate_day = " a day",
    per_closing = " per closing",  -- after a figure of people left at a queue's closing
    -- a tool's uptake that grows (or falls) over the period: its figure is the period's average
    uptake_average = "%s on average over the period (%s towards %s)",  -- the average, growing/falling, the final share
    uptake_note = "; %s on average over the period (%s towards %s)",
    growing = "growing",
    falling = "falling",
    none_before = "%s: %s: %s, none before (±%s%s)",
    from_to = "%s: %s: from %s to %s (±%s%s)",
    in_points = "%s: %s: %s %s (%s → %s, ±%s)",   -- the change and the interval with their points
    in_percent = "%s: %s: %s %s%% (%s → %s, ±%s%s)",
    subject = "%s “%s”",         -- the element's word and its label: queue “the counter”
    element = {
      queue = "queue", role = "role", activity = "step", arrivals = "arrivals", tool = "tool",
    },
    added = {                   -- an element the variant adds: its subject, the metric's words, the figure
      queue = "new %s: %s: %s", role = "new %s: %s: %s", activity = "new %s: %s: %s",
      arrivals = "new %s: %s: %s", tool = "new %s: %s: %s",
    },
    metric = {
      queue_wait_mean = "mean wait",
      queue_wait_p90 = "wait of 9 people in 10",
      queue_length_mean_open = "people waiting while it is open, on average",
      queue_abandoned = "people who gave up waiting",
      queue_balked = "people turned away (line full)",
      queue_waiting_at_closing = "people still waiting at closing time who give up before it opens",
      role_utilization = "busy share of working time",
      role_share_of = "time on %s",
      role_overtime = "overtime",
      activity_completed = "times done",
      activity_duration_mean = "mean duration",
      activity_top_person_share = "share done by its busiest person",
      arrivals_completed = "journeys completed",
      arrivals_abandoned = "people who gave up",
      arrivals_balked = "people turned away",
      arrivals_wait_mean = "total wait per person",
      arrivals_wait_in_person_mean = "wait in person per person (forms waiting in a tray left out)",
      arrivals_cycle_time_mean = "time from arrival to exit",
      arrivals_deadline_missed = "deadlines missed",
      arrivals_uptake = "share who take a tool's way",
      tool_uptake = "share of the public who use it",
      tool_adoption = "share of the staff who use it",
    },
    heading = "What changes with “%s” (against the baseline, %d replications, 95%% intervals):",
    no_change = "no significant change",
    -- the rule: the relative size, then the floors of a time, a share, a count (with its rate) and people waiting
    rule = "A change is listed when it is significant after Holm's correction across all the variant's figures (at 5%%: a variant with no effect lists nothing 19 times in 20) and large enough to matter: at least %s%% of the baseline, and at least, for a time: %s min; a share: %s pt; a count: %s%s; people waiting: %s.",
  },

  -- table.c
  table = {
    costs_in = "Costs (%s, %s days)",   -- the currency, the days measured
    costs = "Costs (%s days)",
    declared = "Declared metrics",          -- the scenario's metric "x" { of = ... }
    -- the scenario, the run, replications (a count and its word), the seed, the unit of times
    title = "%s — %s, %d %s, seed %llu (mean ± 95%% interval; times in %s)",
    replication = "replication",
    replications = "replications",
    queues = "Queues",
    roles = "Roles (share of time)",
    activities = "Activities",
    arrivals = "Arrivals",
    column = {                  -- 18 characters at most
      cost_staff = "staff",
      cost_tools = "tools",
      cost_total = "total",
      value_completed = "value completed",
      value_lost = "value lost",
      value = "value",
      wait_mean = "wait mean",
      wait_p90 = "wait p90",
      length_mean = "length mean",
      abandoned = "abandoned",
      balked = "balked",
      utilization = "utilization",
      done = "completed",       -- a step's
      duration_mean = "duration mean",
      top_person_share = "top person share",
      arrived = "arrived",
      completed = "completed",  -- a stream's journeys
      cycle_time_mean = "cycle time mean",
    },
  },

  -- diagram.c
  diagram = {
    title = "The model, as a picture",
    legend = "Who comes in (ovals), the steps (boxes: who does them, how long people wait, what share of the arrivals goes through), the routes with their probabilities, and the way out. Dashed: a route decided by a function of the scenario; dotted: where items go when a tool is not used.",
    key_added = "added by the variant",
    key_changed = "changed by the variant",
    failed = "The picture of the model could not be drawn: ",
    out = "out",
    nobody = "no one (a delay)",
    list_or = " or ",
    waits = "waits %s",
    waits_at = "waits %s at %s",
    waits_in = "waits at %s",
    of_flow = "%s of the flow",
    per_arrival = "%s times per arrival",
    per_week = "a week",
    per_day = "a day",
    times = "%s times %s",
    once = "once %s",
    never = "never done",
    no_wait = "no waiting",
    arrive = "%s %s",
    give_up = "%s leave without being served",
    with = "with %s",
    others = "the others",
    hook = "decided by a function",
    fallback = "when the tool is not used",
    fallback_down = "when the tool is down or not used",
    added = "(new)",
    changed = "(changed)",
    takes = "takes %s",
    second_short = "s",             -- units after a figure, abbreviated
    minute_short = "min",
    hour_short = "h",
    takes_hook = "its time decided by a function",
    no_memory = "out of memory",
    too_large = "too large to draw legibly (%d steps and streams, %d routes; at most %d and %d)",
    gv_start = "Graphviz could not start",
    gv_layout = "Graphviz could not lay it out",
    gv_svg = "Graphviz could not write it as SVG",
  },

  -- report.c
  report = {
    cost_title = "What the baseline and each variant cost a month",
    cost_paid = "%s paid",
    cost_caption = "Staff time as paid (by kind of work, free, away, overtime) and tools (subscriptions, fees), means over the replications, a month being the measured period over 365.25/12 days; hatched after them, the value lost with those who give up or are turned away. A tool's setup is said apart: it is paid once.",
    cost_idle = "staff: free time",
    cost_away = "staff: away",
    cost_overtime = "staff: overtime",
    cost_subscriptions = "tools: subscriptions",
    cost_fees = "tools: fees",
    cost_lost = "value lost",
    cost_part = "%s: %s a month",
    cost_once = " (+%s once)",
    cost_and_lost = ", %s lost",
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
  sweep = {
    title = "remous sweep",     -- the page's title (its tab)
    intro = "The metric at each point of the grid, with its %d%% interval; the best in orange.",
    no_value = "no value",
    point = "%s%s = %s",        -- a grid point's param: the separator, its label, its value
    between = ", ",
    -- the decision page (decision_page.c)
    decision_title = "From a sweep to a decision",
    context = "Scenario: %s; %s; %d replications at each of the %ld points of the grid; seed %s.",
    question = "The question",
    preference = "The cheapest first, in this order: %s.",
    prefer_min = "%s, smallest first",   -- a grid param's label
    prefer_max = "%s, largest first",
    ["then"] = "; then ",
    rank_min = "%s: the smaller the better.",
    rank_max = "%s: the larger the better.",
    answer = "The answer",
    answer_cheapest = "%ld of the %ld options meet every target; the cheapest is %s.",
    answer_meet = "%ld of the %ld options meet every target: %s.",
    answer_one = "%ld of the %ld options meets every target: %s.",
    answer_none = "None of the %ld options meets every target.",
    answer_best_alone = "The best on %s is %s (%s); no other point comes close (no other 95%% interval meets the best's).",
    answer_best_one = "The best on %s is %s (%s); %ld other point cannot be told apart from it (its 95%% interval meets the best's): %s.",
    answer_best_with = "The best on %s is %s (%s); %ld other points cannot be told apart from it (their 95%% intervals meet the best's): %s.",
    list_between = "; ",
    axes = "Rows: %s. Columns: %s.",
    verdict_map_title = "Targets met, across the grid",
    met_count = "%s %d of %d met",   -- a mark (✓ ✗ ?), the targets met, the targets
    map_title = "%s, across the grid",
    smallest_best = "The smaller the better. Darker: larger.",
    largest_best = "The larger the better. Darker: larger.",
    map_note = "Orange frame: the best; dashed: a point the replications cannot tell apart from it (their %1$d%% intervals overlap).",
    map_note_front = "◆: on the Pareto front.",
    map_note_targets = "✓: meets every target.",
    front_title = "The Pareto front",
    front_intro = "The points no other point beats on every ranked metric at once, judged on the means (equal means keep both): %ld of %ld.",
    front_near = "Off the front, but their 95%% intervals meet those of a point on it on every ranked metric: %s.",
    targets_title = "Every target at every point",
    point_column = "Point",
    every_target = "Every target",
    yes = "yes",
    no = "no",
    bars_title = "%s, at each point",
    method = "Each figure is the mean over the replications; its %1$d%% interval uses Student's t. Two points cannot be told apart when their %1$d%% intervals overlap (not a paired comparison). A target is met when the whole interval is on its side, not met when it is all on the other side, undecided otherwise.",
  },

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
    sweep_heading = "Targets at each grid point, each judged on the %1$d%% interval of its mean:",
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

  -- cost.c: money and the cost figures (what a future costs)
  cost = {
    eur = "€", usd = "$", gbp = "£", chf = "CHF", cad = "CA$",   -- a currency's symbol
    money_tight = "%1$s%2$s",   -- a symbol and an amount: "€410"
    money_spaced = "%1$s %2$s", -- a symbol of letters and an amount: "CHF 410"
    minus = "-",                -- before a negative amount: "-€90"
    staff = "staff cost",
    tools = "tool costs",
    total = "total cost (staff and tools)",
    value_completed = "value of the work completed",
    value_lost = "value lost (people who gave up or were turned away)",
    role = "role “%s”: cost of its time",   -- a role's label
    role_cost = "cost of its people's time",
    role_kind = "cost of time on %s",       -- a kind's label
    role_idle = "cost of idle time",
    role_away = "cost of time away",
    role_overtime = "cost of overtime",
    tool_cost = "cost",
    tool_subscription = "subscription",
    tool_fees = "fees",
    tool_setup = "setup",
    tool_used = "items that used it",
    stream_value_completed = "value completed",
    stream_value_lost = "value lost",
    up = "up",
    down = "down",
    -- what, up/down, the change in percent, before, after, the days measured, the interval
    change = "%s: %s %s%% (%s → %s over %s days, ±%s)",
    -- what, after, the days measured, the interval
    from_none = "%s: %s over %s days, none before (±%s)",
  },

  -- sensitivity.c: which assumption matters most (the tornado)
  sensitivity = {
    -- the run's words, the params varied, the replications
    title = "What matters most (%s): each of %d params at its min and at its max, the others as they are; %d replications, paired (the same random draws at both ends). Effect: the value at max minus the value at min, with its 95%% interval.",
    -- the same with one param: the run's words, the replications
    title_one = "What matters most (%s): the one param at its min and at its max, the others as they are; %d replications, paired (the same random draws at both ends). Effect: the value at max minus the value at min, with its 95%% interval.",
    metric = "%s: %s",                 -- an element's label, the metric's words
    range = "%s (%s → %s)",            -- a param's label, its min, its max
    effect = "%s (95%%: %s to %s)",    -- the effect, its interval
    curve = "  curve of %s: %s",        -- a param's label, its values and the metric at each
    curve_point = "%s → %s",           -- a value of the param, the metric there
    not_significant = "not significant",
    no_value = "no value at one end",
    lost = "people who gave up or were turned away",
    mission_share = "share of time on the mission",
    left_out = "Left out (no min and max, or not a number): %s.",
  },
}
