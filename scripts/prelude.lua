-- The remous scenario language (contract v1): the words a scenario uses.
--
-- This chunk is compiled into the remous binary and runs once in each Lua
-- state, before the scenario, with the host's helpers as its argument. It
-- defines the global words (scenario, role, queue, arrivals, activity, the
-- distributions, the time helpers, param), records declarations with the
-- file:line where each field was set, and at the end compiles them into flat
-- tables of numbers and indices that the C engine reads (see binding.c).
-- Its own state lives in locals, out of the scenario's reach.

local host = ...
-- Everything the prelude calls is kept in a local now: a scenario that
-- replaces math.abs or string.sub cannot change the checks.
local getinfo, error, type, pairs, ipairs, tostring, tonumber, setmetatable,
      select, next, sort, floor, huge, min, max, abs, mtype, fmt, sub, match, find, load, pcall, xpcall, concat,
      rawget =
      host.getinfo, error, type, pairs, ipairs, tostring, tonumber, setmetatable,
      select, next, table.sort, math.floor, math.huge, math.min, math.max, math.abs, math.type,
      string.format, string.sub, string.match, string.find, load, pcall, xpcall, table.concat,
      rawget

local gsub, lower, upper, getmetatable, unpack = string.gsub, string.lower, string.upper, getmetatable, table.unpack

local M = {}

---------------------------------------------------------------- errors ----

-- "file:line" of the scenario code that called into the language, `level`
-- frames above the function that calls where().
local function where(level)
  local info = getinfo(level + 2, "Sl")
  if not info then return "?" end
  local src = info.source
  if sub(src, 1, 1) == "@" then src = sub(src, 2) else src = info.short_src end
  return src .. ":" .. (info.currentline or 0)
end

-- The words of the messages are in the catalogs (scripts/lang/CODE.lua,
-- section prelude; Lua formats: %q quotes a name as the scenario writes
-- it). say(key, ...) is a phrase: its key and its arguments (strings,
-- numbers, or phrases, read in the same language); `..` joins phrases.
local PHRASE = {}
local function say(key, ...) return setmetatable({ key = key, n = select("#", ...), ... }, PHRASE) end
PHRASE.__concat = function(a, b) return setmetatable({ n = 2, a, b }, PHRASE) end

-- The phrase p (or a plain string) in language lang.
local function render(p, lang)
  if getmetatable(p) ~= PHRASE then return p end
  local args = {}
  for i = 1, p.n do args[i] = render(p[i], lang) end
  if not p.key then return concat(args) end
  return fmt(host.word(lang, p.key), unpack(args, 1, p.n))
end

-- Raises "AT: message" in the load's language (host.lang), and leaves the
-- line in every language in M.translation, where the host finds it for a
-- page in another language (a variant's error, see binding.c).
local function fail(at, key, ...)
  local p, lines = say(key, ...), {}
  for _, code in ipairs(host.langs) do lines[code] = at .. ": " .. render(p, code) end
  M.translation = lines
  error(lines[host.lang], 0)
end

-- Distributions and rates, sealed: see "distributions" below.
local private = setmetatable({}, { __mode = "k" })

-- What the scenario gives (a declaration's fields, a calendar's hours, a
-- param's description), copied once with raw access, nested tables too,
-- before anything is checked: the checks and the model then read only the
-- copy, whatever the scenario's own table does later (a metatable answering
-- differently the second time, an apply changing a split in place).
-- Distributions, rates and functions are kept as they are.
local function plain_copy(v, depth, at)
  if type(v) ~= "table" or private[v] then return v end
  if depth > 8 then fail(at, "prelude.table_nested_more_than") end
  local c = {}
  for k, x in next, v do c[k] = plain_copy(x, depth + 1, at) end
  return c
end

-- A name is printed on terminals and pages: no control characters in it
-- (a tab, a newline, an escape sequence that would rewrite the screen).
local function plain_name(at, kind, name)
  if find(name, "%c") then
    fail(at, "prelude.name_cannot_hold_control",
         kind, (gsub(fmt("%q", name), "\\\n", "\\n")))
  end
end

-- A value as an error message shows it.
local function show(v)
  if type(v) == "string" then return fmt("%q", v) end
  if v ~= v then return "NaN" end
  if type(v) == "table" then return private[v] and private[v].label or say("prelude.a_table") end
  if type(v) == "function" then return say("prelude.expect_function") end
  return tostring(v)
end

-- Edit distance with transpositions (Damerau), to suggest the name a typo meant.
local function distance(a, b)
  local d = {}
  for i = 0, #a do d[i] = { [0] = i } end
  for j = 0, #b do d[0][j] = j end
  for i = 1, #a do
    for j = 1, #b do
      local cost = sub(a, i, i) == sub(b, j, j) and 0 or 1
      d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1 and j > 1 and sub(a, i, i) == sub(b, j - 1, j - 1) and sub(a, i - 1, i - 1) == sub(b, j, j) then
        d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
      end
    end
  end
  return d[#a][#b]
end

-- " (did you mean "x"?)" when a candidate is close enough to be the intent.
-- The candidate closest to name, if one is close enough to be a slip of it.
local function closest(name, candidates)
  local best, bestd = nil, max(1, #name // 3) + 1
  for _, c in ipairs(candidates) do
    local d = distance(name, c)
    if d < bestd and d < #name then best, bestd = c, d end
  end
  return best
end

local function suggest(name, candidates)
  local best = closest(name, candidates)
  return best and say("prelude.did_you_mean", best) or ""
end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  sort(keys, function(a, b)
    if type(a) == type(b) and (type(a) == "string" or type(a) == "number") then return a < b end
    return type(a) < type(b)
  end)
  return keys
end

------------------------------------------------------------------ time ----

-- Helpers such as days(28) are evaluated inside the very table that sets
-- the unit, before scenario{} sees it. So the host runs the file in minutes
-- first; if scenario{} declares another unit, that run stops at once (with
-- M.restart_unit set) and the host runs the file again, from a fresh state,
-- in the declared unit (host.unit).
local unit_seconds = { second = 1, minute = 60, hour = 3600 }
local unit = host.unit or "minute"
local per_unit = unit_seconds[unit]

-- "exponential takes 1 number (mean), got 2": 0,8 typed for 0.8 gives two
-- numbers, and Lua would drop the second without a word (the host's
-- message then points at the comma, see engine/lua_errors.c).
local function check_arity(at, name, wanted, got)
  if got > #wanted then
    fail(at, "prelude.takes_number_got", name, #wanted, #wanted > 1 and "s" or "",
         concat(wanted, ", "), got)
  end
end

local function time_helper(name, seconds)
  return function(n, ...)
    if type(n) ~= "number" then fail(where(1), "prelude.needs_number_got", name, show(n)) end
    check_arity(where(1), name, { "n" }, 1 + select("#", ...))
    return n * seconds / per_unit
  end
end
seconds = time_helper("seconds", 1)
minutes = time_helper("minutes", 60)
hours = time_helper("hours", 3600)
days = time_helper("days", 86400)
weeks = time_helper("weeks", 604800)

function now() return host.now() end

-- pcall and xpcall cannot swallow a stop (instruction budget, memory cap):
-- once the host has stopped the scenario, the error goes on up.
local function unless_stopped(ok, ...)
  if not ok and host.stopped() then error((...), 0) end
  return ok, ...
end
_G.pcall = function(f, ...) return unless_stopped(pcall(f, ...)) end
-- Once stopped, the message handler is not called either: Lua would call it
-- again for the stop raised inside it, without end.
_G.xpcall = function(f, handler, ...)
  local function guarded(e)
    if host.stopped() then return e end
    return handler(e)
  end
  return unless_stopped(xpcall(f, guarded, ...))
end

--------------------------------------------------------- distributions ----

-- A distribution or a rate is an opaque value to the scenario: an empty
-- table with a locked metatable. What was checked lives here, out of reach,
-- so it cannot be changed after the check.
local OPAQUE = {
  __metatable = "remous value",
  __newindex = function() error(render(say("prelude.sealed"), host.lang), 2) end,
  __tostring = function(v) return private[v].label end,
}
local function opaque(data)
  local v = setmetatable({}, OPAQUE)
  private[v] = data
  return v
end
local function is_dist(v) return private[v] ~= nil and private[v].kind ~= nil end
local function is_rate(v) return private[v] ~= nil and private[v].per_unit ~= nil end

-- The parameters of each distribution, for check_arity.
local dist_params = {
  constant = { "x" }, uniform = { "a", "b" }, exponential = { "mean" }, normal = { "mean", "sd" },
  lognormal = { "mean", "sd" }, triangular = { "min", "mode", "max" }, erlang = { "k", "mean" },
  gamma = { "mean", "sd" }, weibull = { "shape", "scale" }, bernoulli = { "p" },
}

-- The wrappers call it as `return (make_dist(...))`: the parentheses keep
-- their frame (no tail call), so where(2) is the scenario's line.
local function make_dist(kind, ...)
  local at = where(2)
  check_arity(at, kind, dist_params[kind], select("#", ...))
  local p = { ... }
  for i = 1, select("#", ...) do
    if type(p[i]) ~= "number" then
      fail(at, "prelude.parameter_must_number_got", kind, i, show(p[i]))
    end
  end
  local err = host.check_dist(kind, ...)
  if err then fail(at, "prelude.message", err) end
  return opaque({ kind = kind, p = p, where = at, label = kind })
end

function constant(x, ...) return (make_dist("constant", x, ...)) end
function uniform(a, b, ...) return (make_dist("uniform", a, b, ...)) end
function exponential(mean, ...) return (make_dist("exponential", mean, ...)) end
function normal(mean, sd, ...) return (make_dist("normal", mean, sd, ...)) end
function lognormal(mean, sd, ...) return (make_dist("lognormal", mean, sd, ...)) end
function triangular(a, c, b, ...) return (make_dist("triangular", a, c, b, ...)) end
function erlang(k, mean, ...) return (make_dist("erlang", k, mean, ...)) end
function gamma(mean, sd, ...) return (make_dist("gamma", mean, sd, ...)) end
function weibull(shape, scale, ...) return (make_dist("weibull", shape, scale, ...)) end
function bernoulli(p, ...) return (make_dist("bernoulli", p, ...)) end

-- rest: in a table of probabilities, the entry that takes 1 minus the
-- others (sealed, like the distributions: a scenario cannot fake it).
rest = opaque({ label = "rest" })
local REST = rest

-- The params (see "parameters" below); where each --set value came from,
-- for messages: "--set" (the default), "--grid" or "page" (the workshop).
local params, params_by = {}, {}
local set_origins = host.set_origins

-- Where the value of param `name` set from outside came from, in words;
-- nil for sensitivity's runs, whose every message already begins with the
-- param and its value ("clerks = 1.5 (on its curve): ...").
local function origin_words(name)
  local origin = set_origins[name] or "--set"
  if origin == "sensitivity" then return nil end
  local key = ({ ["--set"] = "prelude.from_set", ["--grid"] = "prelude.from_grid", page = "prelude.from_page",
                 batch = "prelude.from_batch" })[origin]
  return key and say(key) or say("prelude.from_other", origin)
end

local function number_text(x) return fmt("%.10g", x) end

-- The params set from outside (--set, a grid, the page, a batch script)
-- whose value is one of `values`, in words ("volunteers = 2.5, from
-- --set"), or "": the likely cause of a value refused, named as such.
-- text(v) writes a value as the message around it does.
local function set_causes(values, text)
  local said, seen = "", {}
  for _, prm in ipairs(params) do
    for _, v in ipairs(values) do
      if prm.source == "--set" and type(v) == "number" and prm.value == v and not seen[prm.name]
         and origin_words(prm.name) then
        seen[prm.name] = true
        said = (said == "" and "" or said .. say("prelude.list_separator"))
               .. say("prelude.set_from", prm.name, text(v), origin_words(prm.name))
      end
    end
  end
  return said
end

-- A refused value as a message shows it, with its likely cause: "2.5
-- (perhaps volunteers = 2.5, from --set)" (a value alone does not tell
-- where it came from: the file may hold the same number).
local function got(v)
  local cause = set_causes({ v }, show)
  return cause ~= "" and show(v) .. say("prelude.perhaps", cause) or show(v)
end

-- Checks a table of name = probability that must sum to 1, one entry of
-- which may be rest (it takes 1 minus the others); returns the names
-- sorted (pairs order is not deterministic) and their probabilities.
local function probabilities(t, at, what)
  local names, probs, sum, rest_at = {}, {}, 0, nil
  for _, k in ipairs(sorted_keys(t)) do
    local p = t[k]
    if type(k) ~= "string" then fail(at, "prelude.write_name_probability_b", what) end
    if p == REST then
      if rest_at then
        fail(at, "prelude.both_say_rest_rest", what, names[rest_at], k)
      end
      rest_at = #names + 1
    elseif type(p) ~= "number" or not (p >= 0 and p <= 1) then      -- NaN too
      fail(at, "prelude.probability_must_number_between", what, k, got(p))
    else
      sum = sum + p
    end
    names[#names + 1], probs[#probs + 1] = k, p
  end
  if #names == 0 then fail(at, "prelude.needs_at_least_one", what) end
  if rest_at and sum > 1 + 1e-9 then
    local others = {}
    for i, k in ipairs(names) do
      if i ~= rest_at then others[#others + 1] = k .. " = " .. number_text(probs[i]) end
    end
    -- the values set from outside (a --set, a grid, the page) that one of
    -- them equals: the likely cause, named as such
    local given = {}
    for i = 1, #names do
      if i ~= rest_at then given[#given + 1] = probs[i] end
    end
    local set = set_causes(given, number_text)
    local list = concat(others, ", ", 1, #others - 1)
    list = (#others > 1 and list .. say("prelude.list_and") or "") .. others[#others]
    fail(at, "prelude.leave_nothing", what, list, names[rest_at], set ~= "" and say("prelude.in_parentheses", set) or "")
  end
  if rest_at then
    probs[rest_at] = max(0, 1 - sum)
  elseif abs(sum - 1) > 1e-9 then
    fail(at, "prelude.probabilities_must_sum_they", what, sum,
         sum < 1 and say("prelude.or_write_rest") or "")
  end
  return names, probs
end

function choice(t)
  local at = where(1)
  if type(t) ~= "table" then fail(at, "prelude.choice_needs_table_choice") end
  local names, probs = probabilities(t, at, "choice")
  return opaque({ kind = "choice", names = names, probs = probs, where = at, label = "choice" })
end

function empirical(file, column)
  local at = where(1)
  if type(file) ~= "string" or type(column) ~= "string" then
    fail(at, "prelude.empirical_needs_file_column")
  end
  local values, err = host.read_column(file, column)
  if not values then fail(at, "prelude.empirical_message", err) end
  return opaque({ kind = "empirical", values = values, where = at, label = "empirical" })
end

-- A rate keeps what it was said in (`per`, `n`): under a calendar,
-- per_day(n) is n on every open day and per_week(n) n a week, however
-- long the open hours (the engine spreads them, see read_timing).
local function rate_helper(name, per, per_name)
  return function(r, ...)
    local at = where(1)
    check_arity(at, name, { "r" }, 1 + select("#", ...))
    if type(r) ~= "number" or not (r > 0) or r == huge then
      fail(at, "prelude.rate_must_number_got", name, show(r))
    end
    local per_unit = r / per(1)                 -- its gaps are exponential(1 / per_unit)
    if not (per_unit > 0 and per_unit < huge) or host.check_dist("exponential", 1 / per_unit) then
      fail(at, "prelude.rate_too_small_too", name, show(r))
    end
    return opaque({ per_unit = per_unit, per = per_name, n = r, where = at, label = name })
  end
end
per_hour = rate_helper("per_hour", hours, "hour")
per_day = rate_helper("per_day", days, "day")
per_week = rate_helper("per_week", weeks, "week")

------------------------------------------------------------ parameters ----

local sets = host.sets          -- name -> string given by --set

local function convert(name, text, default)
  if type(default) == "number" then
    local v = tonumber(text)
    -- 1e309 reads as inf (and "inf" or "nan" as nothing): a finite number only
    if not v or v ~= v or v == huge or v == -huge then fail("--set " .. name, "prelude.expected_number_got", text) end
    return v
  elseif type(default) == "boolean" then
    if text == "true" then return true elseif text == "false" then return false end
    fail("--set " .. name, "prelude.expected_true_false_got", text)
  end
  return text
end

function param(name, default, meta)
  local at = where(1)
  if type(name) ~= "string" or name == "" then fail(at, "prelude.param_needs_name_param") end
  plain_name(at, "param", name)
  local dt = type(default)
  if dt ~= "number" and dt ~= "string" and dt ~= "boolean" then
    fail(at, "prelude.param_default_must_number", name, show(default))
  end
  if meta ~= nil and type(meta) ~= "table" then
    fail(at, "prelude.param_third_argument_table", name)
  end
  local known = params_by[name]
  if known then return known.value end
  local value, source = default, "default"
  if sets[name] ~= nil then value, source = convert(name, sets[name], default), "--set" end
  meta = plain_copy(meta or {}, 0, at)
  for _, k in ipairs(sorted_keys(meta)) do
    local v = meta[k]
    if k == "label" then
      if type(v) ~= "string" then fail(at, "prelude.param_label_must_string", name, show(v)) end
    elseif k == "min" or k == "max" or k == "step" then
      if type(v) ~= "number" then fail(at, "prelude.param_must_number_got", name, k, show(v)) end
    else
      fail(at, "prelude.param_unknown_field_use", name, show(k))
    end
  end
  if type(value) == "number" then
    local given = show(value)                    -- "30 (from --set)": what to change is there
    if source == "--set" and origin_words(name) then given = say("prelude.given_from", given, origin_words(name)) end
    if meta.min and value < meta.min then fail(at, "prelude.param_below_min", name, given, show(meta.min)) end
    if meta.max and value > meta.max then
      local share = meta.max == 1 and (meta.min or 0) >= 0 and value >= 2 and value <= 100
                    and value == floor(value)                                -- 70 for 70%
      fail(at, "prelude.param_above_max", name, given, show(meta.max),
           share and say("prelude.share_hint", show(value / 100), show(value)) or "")
    end
  end
  local p = { name = name, value = value, default = default, source = source, label = meta.label,
              min = meta.min, max = meta.max, step = meta.step }
  params[#params + 1], params_by[name] = p, p
  return value
end

----------------------------------------------------------- declarations ----

-- Field checkers: each returns nil if the value fits, else what was expected.
local function is_name(v) return type(v) == "string" and v ~= "" end
local check = {}
function check.string(v) if type(v) ~= "string" then return say("prelude.expect_string") end end
function check.name(v) if not is_name(v) then return say("prelude.expect_name_non_empty_string") end end
function check.positive(v) if type(v) ~= "number" or not (v > 0) or v == huge then return say("prelude.expect_number") end end
function check.nonneg(v) if type(v) ~= "number" or not (v >= 0) or v == huge then return say("prelude.expect_number2") end end
function check.count(v)
  if type(v) ~= "number" or v < 0 or v ~= floor(v) or v > 1e9 then return say("prelude.expect_whole_number") end
end
function check.people(v)
  if type(v) ~= "number" or v < 0 or v ~= floor(v) or v > 100000 then return say("prelude.expect_whole_number_from") end
end
function check.waiting(v)
  if type(v) ~= "number" or v < 0 or v ~= floor(v) or v > 1000000 then return say("prelude.expect_whole_number_from2") end
end
function check.reps(v)
  if type(v) ~= "number" or v < 1 or v ~= floor(v) or v > 1e7 then return say("prelude.expect_whole_number2") end
end
function check.boolean(v) if type(v) ~= "boolean" then return say("prelude.expect_true_false") end end
-- Any distribution, choice included: for attributes.
function check.value(v)
  if type(v) == "number" then return check.nonneg(v) end
  if not is_dist(v) then return say("prelude.expect_number_distribution_such_as") end
end
-- A time or an amount: choice draws names, not numbers.
function check.dist(v)
  local expected = check.value(v)
  if expected then return expected end
  if type(v) ~= "number" and private[v].kind == "choice" then
    return say("prelude.expect_number_distribution_such_as2")
  end
end
function check.dist_or_fn(v)
  if type(v) == "function" then return nil end
  local expected = check.dist(v)
  if expected and is_dist(v) then return expected end     -- a distribution, but not this one: say why
  return expected and say("prelude.expect_number_distribution_or_function")
end
function check.number_or_fn(v)
  if type(v) ~= "function" and (type(v) ~= "number" or v ~= v) then return say("prelude.expect_number_function_item") end
end
function check.roles(v)
  if is_name(v) then return nil end
  if type(v) == "table" and #v > 0 then
    for i = 1, #v do if not is_name(v[i]) then return say("prelude.expect_role_name_list_role") end end
    local n = 0
    for _ in pairs(v) do n = n + 1 end
    if n == #v then return nil end
  end
  return say("prelude.expect_role_name_list_role2")
end
function check.next(v)
  if is_name(v) or type(v) == "function" then return nil end
  if type(v) == "table" and next(v) ~= nil then return nil end
  return say("prelude.expect_step_name_table_step")
end
function check.attributes(v)
  if type(v) ~= "table" then return say("prelude.expect_table_name_distribution") end
  for k, d in pairs(v) do
    if type(k) ~= "string" or check.value(d) then return say("prelude.expect_table_name_distribution_paid") end
  end
end
-- What people read instead of a name: one line of text (control characters
-- would break the digest's lines), short enough for a chart's margin.
local label_usage = say("prelude.usage_text_on_one_line")
function check.label(v)
  if type(v) ~= "string" or #v > 200 or find(v, "%c") then return label_usage end
end
-- kinds = { core = "advising readers", orders = { label = "online orders", group = "tool work" } }
function check.kinds(v)
  local usage = say("prelude.usage_table_kind_label_core")
  if type(v) ~= "table" or is_dist(v) then return usage end
  for k, l in pairs(v) do
    if not is_name(k) then return usage end
    if type(l) == "table" then
      for f in pairs(l) do if f ~= "label" and f ~= "group" then return usage end end
      if check.label(l.label) or (l.group ~= nil and check.label(l.group)) then return usage end
    elseif check.label(l) then
      return usage
    end
  end
end
-- mission = { "core" }: the kinds of work the organization exists for (the headline speaks of them)
function check.mission(v)
  local usage = say("prelude.usage_list_kinds_core")
  if type(v) ~= "table" or is_dist(v) or #v == 0 then return usage end
  local n = 0
  for _ in pairs(v) do n = n + 1 end
  if n ~= #v then return usage end
  for i = 1, #v do if not is_name(v[i]) then return usage end end
end
function check.interarrival(v) return check.dist(v) end
-- "HH:MM" -> minutes of the day, or nil
local function time_of_day(text)
  local h, m = match(type(text) == "string" and text or "", "^(%d%d?):(%d%d)$")
  h, m = tonumber(h), tonumber(m)
  if h and h < 24 and m < 60 then return h * 60 + m end
end
function check.rate(v)
  if is_rate(v) then return nil end
  local rate_table = say("prelude.usage_per_hour_r_per")
  if type(v) ~= "table" or is_dist(v) or next(v) == nil then return rate_table end
  local seen = {}
  for _, k in ipairs(sorted_keys(v)) do               -- sorted: the same message every run
    local r = v[k]
    local at = time_of_day(k)
    if not at and (type(k) == "string" or mtype(k) == "integer") then
      -- "14h00", "14h" (French), [14]: say which key and how to write it
      local h, m = match(tostring(k), "^(%d%d?)[hH:]?(%d?%d?)$")
      local fix = h and tonumber(h) < 24 and #m ~= 1 and fmt("%02d:%s", tonumber(h), m ~= "" and m or "00")
      return say("prelude.not_time_of_day", show(k), fix and fmt("[%q]", fix) or say("prelude.write_it_as_14")), true
    end
    if not at or not (is_rate(r) or r == 0) then return rate_table end
    if seen[at] then return say("prelude.same_time_twice", rate_table, k, seen[at]) end
    seen[at] = k
  end
end
function check.unit(v) if unit_seconds[v] == nil then return say("prelude.expect_second_minute_hour") end end
function check.discipline(v)
  if v ~= "fifo" and v ~= "lifo" and v ~= "priority" then return say("prelude.expect_fifo_lifo_priority") end
end
function check.capacity(v) return check.count(v) end
function check.resume(v)
  if v ~= "same" and v ~= "anyone" then
    return say("prelude.expect_same_person_who_left")
  end
end
-- The mean of a checked distribution (or number).
local function mean_of(v)
  if type(v) == "number" then return v end
  local d = private[v]
  local p = d.p or {}
  if d.kind == "uniform" then return (p[1] + p[2]) / 2 end
  if d.kind == "triangular" then return (p[1] + p[2] + p[3]) / 3 end
  if d.kind == "erlang" then return p[2] end
  if d.kind == "weibull" then return p[2] end               -- > 0 whatever the shape
  if d.kind == "empirical" then
    local sum = 0
    for i = 1, #d.values do sum = sum + d.values[i] end
    return sum / #d.values
  end
  return p[1]
end

function check.absence(v)
  local usage = say("prelude.usage_every_distribution_lasts_distribution")
  if type(v) ~= "table" or is_dist(v) then return usage end
  for k in pairs(v) do
    if k ~= "every" and k ~= "lasts" then return usage end
  end
  if v.every == nil or v.lasts == nil or check.dist(v.every) or check.dist(v.lasts) then return usage end
  if not (mean_of(v.every) > 0) then return usage .. say("prelude.every_more_than_zero") end
end
function check.every(v)
  if type(v) == "string" then
    local err = host.check_points(v)
    if err then return say("prelude.expect_day_time_such_as", err) end
    return nil
  end
  local expected = check.dist(v)
  if expected or not (mean_of(v) > 0) then
    return say("prelude.expect_day_time_such_as2")
  end
end
function check.number(v) if type(v) ~= "number" or v ~= v then return say("prelude.expect_number3") end end
function check.share(v)
  if type(v) ~= "number" or not (v >= 0 and v <= 1) then return say("prelude.expect_share_between") end
end
function check.fn(v) if type(v) ~= "function" then return say("prelude.expect_function") end end
-- A step's patience: only false (its waiting items never give up); the
-- patience itself is the arrivals' own.
function check.no_patience(v)
  if v ~= false then
    return say("prelude.expect_false_items_waiting_for")
  end
end
local function is_share(v) return type(v) == "number" and v >= 0 and v <= 1 end
-- A tool's uptake: the share of the items (the public) that take its routes.
function check.uptake(v)
  if is_share(v) then return nil end
  local usage = say("prelude.usage_share_between_one_that")
  if type(v) ~= "table" or private[v] then return usage end
  for k in pairs(v) do
    if k ~= "start" and k ~= "final" and k ~= "half_life" then return usage end
  end
  if not is_share(v.start) or not is_share(v.final) then return usage end
  if type(v.half_life) ~= "number" or not (v.half_life > 0) or v.half_life == huge then return usage end
end
-- A tool's adoption: the share of the staff who use it, or a share per role.
function check.adoption(v)
  if is_share(v) then return nil end
  local usage = say("prelude.usage_share_between_share_per")
  if type(v) ~= "table" or private[v] or next(v) == nil then return usage end
  for k, x in pairs(v) do
    if not is_name(k) or not is_share(x) then return usage end
  end
end
-- A variant's tools: names, or name = { uptake = ..., adoption = ... }
-- (what is inside the braces is checked with the variant, see listed_tools).
function check.tool_list(v)
  local usage = say("prelude.usage_list_tool_names_such")
  if type(v) ~= "table" or private[v] then return usage end
  local n = #v
  for k, x in pairs(v) do
    if mtype(k) == "integer" and k >= 1 and k <= n then
      if not is_name(x) then return usage end
    elseif not is_name(k) or type(x) ~= "table" or private[x] then
      return usage
    end
  end
end
function check.names(v)
  if type(v) ~= "table" or is_dist(v) then return say("prelude.expect_list_names_online_payment") end
  local n = 0
  for _ in pairs(v) do n = n + 1 end
  if n ~= #v then return say("prelude.expect_list_names_online_payment") end
  for i = 1, #v do if not is_name(v[i]) then return say("prelude.expect_list_names_online_payment") end end
end
function check.learning(v)
  local usage = say("prelude.usage_start_factor_half_life")
  if type(v) ~= "table" or is_dist(v) then return usage end
  for k in pairs(v) do if k ~= "start" and k ~= "half_life" then return usage end end
  if type(v.start) ~= "number" or not (v.start >= 1) or v.start == huge then return usage end
  if type(v.half_life) ~= "number" or not (v.half_life > 0) or v.half_life == huge then return usage end
end
-- What one completed item brings: a number, its mean when it varies.
function check.item_value(v)
  if check.nonneg(v) then return say("prelude.expect_number_what_one_completed") end
end
-- A tool's cost: { per_month = 49, per_item = 0.25, share_of_value = 0.014, setup = 300 }, any of them.
local cost_fields = { per_month = "nonneg", per_item = "nonneg", share_of_value = "share", setup = "nonneg" }
function check.tool_cost(v)
  local usage = say("prelude.usage_table_amounts_such_as")
  if type(v) ~= "table" or private[v] or next(v) == nil then return usage end
  local names = sorted_keys(cost_fields)
  for _, k in ipairs(sorted_keys(v)) do
    if type(k) ~= "string" then return usage end
    local checker = cost_fields[k]
    if not checker then
      local close = suggest(k, names)
      return say("prelude.unknown_field_of", k, close ~= "" and close or say("prelude.its_fields", concat(names, ", "))), true
    end
    local expected = check[checker](v[k])
    if expected then
      if k == "share_of_value" and type(v[k]) == "number" and v[k] > 1 and v[k] <= 100 then
        expected = say("prelude.percent_written", expected, number_text(v[k]), number_text(v[k] / 100))
      end
      return say("prelude.field_must_be", k, expected, got(v[k])), true
    end
  end
end
-- A currency: an ISO 4217 code, such as "EUR" (what people write instead: the code to write).
local currency_of = { ["€"] = "EUR", ["$"] = "USD", ["US$"] = "USD", ["£"] = "GBP", ["CA$"] = "CAD",
                      euro = "EUR", euros = "EUR", dollar = "USD", dollars = "USD", pound = "GBP",
                      pounds = "GBP", franc = "CHF", francs = "CHF" }
function check.currency(v)
  if type(v) == "string" and match(v, "^%u%u%u$") then return nil end
  local code = type(v) == "string" and (currency_of[lower(v)] or currency_of[v] or
                                        (match(v, "^%a%a%a$") and upper(v)))
  if code then return say("prelude.not_iso_write", show(v), code), true end
  return say("prelude.not_iso", show(v)), true
end
function check.start(v)
  if type(v) ~= "string" then return say("prelude.expect_day_time_such_as3") end
  local err = host.check_start(v)
  if err then return say("prelude.expect_day_time_such_as4", err) end
end

local schemas = {
  scenario = { unit = "unit", horizon = "positive", warmup = "nonneg", replications = "reps",
               start = "start", description = "string", label = "label", kinds = "kinds",
               mission = "mission", currency = "currency" },
  role = { count = "people", calendar = "name", absence = "absence", cost_per_hour = "nonneg",
           description = "string", label = "label" },
  queue = { discipline = "discipline", capacity = "capacity", description = "string", label = "label" },
  arrivals = { interarrival = "interarrival", rate = "rate", calendar = "name", to = "name",
               priority = "number_or_fn", patience = "dist", deadline = "positive",
               attributes = "attributes", limit = "count", initial = "waiting", description = "string",
               label = "label", value = "item_value" },
  activity = { role = "roles", queue = "name", duration = "dist_or_fn", kind = "name", next = "next",
               interruptible = "boolean", switch_cost = "nonneg", resume = "resume", patience = "no_patience",
               description = "string",
               label = "label" },
  task = { every = "every", role = "roles", queue = "name", duration = "dist_or_fn", kind = "name",
           priority = "number", description = "string", label = "label" },
  tool = { description = "string", adoption = "adoption", uptake = "uptake", learning = "learning",
           training = "nonneg", downtime = "absence", fallback = "name", apply = "fn", label = "label",
           cost = "tool_cost" },
  variant = { description = "string", tools = "tool_list", apply = "fn", label = "label" },
  metric = { of = "fn", label = "label", unit = "label", description = "string" },
  target = { metric = "string", below = "number", above = "number", at_most = "number", at_least = "number",
             label = "label", description = "string" },
}

-- A store holds declarations: decls[kind] = { order = { names... }, by =
-- { name -> decl } } with decl = { name =, where = first declaration,
-- fields = {}, at = { field -> where }, tool = the tool whose apply
-- declared it }, and the calendars. The file writes into the baseline; a
-- variant is a copy of it that its tools and its apply write into.
local function new_store()
  local store = { decls = {}, calendars = { order = {}, by = {} }, tools = {}, routes = {}, overrides = {},
                  routing = {} }
  for kind in pairs(schemas) do store.decls[kind] = { order = {}, by = {} } end
  return store
end

local function copy_list(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

local function copy_store(store)
  local c = new_store()
  for kind, st in pairs(store.decls) do
    c.decls[kind].order = copy_list(st.order)
    for name, d in pairs(st.by) do
      c.decls[kind].by[name] = { name = d.name, where = d.where, tool = d.tool,
                                 fields = copy_list(d.fields), at = copy_list(d.at) }
    end
  end
  c.calendars.order = copy_list(store.calendars.order)
  c.calendars.by = copy_list(store.calendars.by)
  c.tools = copy_list(store.tools)
  return c
end

local baseline = new_store()
local current = baseline          -- where declarations go now
local current_tool = nil          -- the tool whose apply is running

-- Fields people write by analogy that do not exist: what to write instead.
local field_hints = {
  variant = {
    set = say("prelude.set_hint"),
  },
}
field_hints.variant.params = field_hints.variant.set
field_hints.variant.param = field_hints.variant.set

local function declare(kind, name, fields, at)
  local schema = schemas[kind]
  if type(fields) ~= "table" or is_dist(fields) then
    fail(at, "prelude.write_fields_braces", kind, name, kind, name)
  end
  fields = plain_copy(fields, 0, at)
  local allowed = sorted_keys(schema)
  local copied = {}
  for _, k in ipairs(sorted_keys(fields)) do
    if type(k) ~= "string" then
      fail(at, "prelude.fields_are_written_name", kind, name)
    end
    local checker = schema[k]
    if not checker then
      local hint = field_hints[kind] and field_hints[kind][k]
      if hint then fail(at, "prelude.unknown_field", kind, name, k, hint) end
      local close = suggest(k, allowed)
      fail(at, "prelude.unknown_field2", kind, name, k,
           close ~= "" and close or say("prelude.its_fields", concat(allowed, ", ")))
    end
    local v = fields[k]                       -- (fields is a copy already)
    local expected, whole = false, false
    if checker ~= "any" then expected, whole = check[checker](v) end
    if whole then fail(at, "prelude.field_message", kind, name, k, expected) end   -- a message of its own
    if expected then fail(at, "prelude.must_got", kind, name, k, expected, got(v)) end
    copied[k] = v
  end
  local store = current.decls[kind]
  local d = store.by[name]
  local existed = d ~= nil
  if not d then
    d = { name = name, where = at, fields = {}, at = {} }
    store.by[name] = d
    store.order[#store.order + 1] = name
  end
  local only_route = existed                  -- a step declared again only to change where it leads
  for k, v in pairs(copied) do
    d.fields[k], d.at[k] = v, at
    if k ~= "next" and k ~= "label" then only_route = false end
  end
  if current_tool and (kind == "activity" or kind == "task") and not only_route then
    d.tool = current_tool                       -- a tool step (a route it changes is a tool route)
  end
end

-- role "name" { fields }: the first call takes the name, the second the fields.
-- Once the models are compiled (M.check_kinds, the load's last step), a
-- declaration made by a hook or a metric's `of` while the model runs would
-- change nothing: it is an error, not a silent no-op.
local running = false
local function while_loading(at, kind, name)
  if running then
    fail(at, "prelude.declared_while_model_runs", kind, tostring(name))
  end
end

local function declarer(kind)
  return function(name)
    local at = where(1)
    while_loading(at, kind, name)
    if not is_name(name) then
      fail(at, "prelude.needs_name", kind, kind, kind == "arrivals" and "walk_in" or "name")
    end
    if name == "exit" and (kind == "activity" or kind == "task" or kind == "queue" or kind == "arrivals") then
      fail(at, "prelude.exit_reserved_step_that", kind)
    end
    plain_name(at, kind, name)
    return function(fields) declare(kind, name, fields, where(1)) end
  end
end

local scenario_decl
function scenario(name)
  local at = where(1)
  while_loading(at, "scenario", name)
  if not is_name(name) then fail(at, "prelude.scenario_needs_name_scenario") end
  plain_name(at, "scenario", name)
  return function(fields)
    local at2 = where(1)
    fields = plain_copy(fields, 0, at2)
    if scenario_decl and scenario_decl.name ~= name then
      fail(at2, "prelude.scenario_this_file_already", name, scenario_decl.name)
    end
    if type(fields) == "table" and fields.unit ~= unit and unit_seconds[fields.unit] then
      if host.unit then
        fail(at2, "prelude.scenario_unit_changed_between", name, fields.unit, unit)
      end
      M.restart_unit = fields.unit
      error("restart in the declared unit", 0)
    end
    declare("scenario", name, fields, at2)
    scenario_decl = current.decls.scenario.by[name]
  end
end
role = declarer("role")
queue = declarer("queue")
arrivals = declarer("arrivals")
activity = declarer("activity")

-- calendar "shop" { "tue-sat 10:00-19:00", ... }: opening hours. Declaring
-- it again replaces its strings.
function calendar(name)
  local at = where(1)
  while_loading(at, "calendar", name)
  if not is_name(name) then fail(at, "prelude.calendar_needs_name_calendar") end
  plain_name(at, "calendar", name)
  if name == "always" then fail(at, "prelude.calendar_always_predefined_open") end
  return function(specs)
    local at2 = where(1)
    specs = plain_copy(specs, 0, at2)
    if type(specs) ~= "table" or is_dist(specs) or #specs == 0 then
      fail(at2, "prelude.calendar_write_hours_as", name, name)
    end
    local n = 0
    for k, v in pairs(specs) do
      n = n + 1
      if mtype(k) ~= "integer" or type(v) ~= "string" or n > #specs then
        fail(at2, "prelude.calendar_write_hours_as", name, name)
      end
    end
    for i = 1, #specs do
      local err = host.check_calendar(specs[i])
      if err then fail(at2, "prelude.calendar_message", name, err) end
    end
    local calendars = current.calendars
    if not calendars.by[name] then calendars.order[#calendars.order + 1] = name end
    local copy = {}
    for i = 1, #specs do copy[i] = specs[i] end
    calendars.by[name] = { name = name, specs = copy, where = at2 }
  end
end
task = declarer("task")
-- tool "name" { ... } and variant "name" { ... }: declared at the top of the
-- file (not inside an apply); declaring one again merges its fields.
local tools, variants = { order = {}, by = {} }, { order = {}, by = {} }

local function top_level_declarer(kind, registry)
  return function(name)
    local at = where(1)
    while_loading(at, kind, name)
    if not is_name(name) then fail(at, "prelude.needs_name_name", kind, kind) end
    plain_name(at, kind, name)
    return function(fields)
      local at2 = where(1)
      if kind == "variant" and name == "baseline" then
        fail(at2, "prelude.variant_baseline_file_itself")
      end
      if current ~= baseline then
        fail(at2, "prelude.declare_at_top_file", kind, name,
             (kind == "tool" or kind == "variant") and say("prelude.tools_and_variants") or say("prelude.metrics_and_targets"))
      end
      local saved = current
      current = { decls = { [kind] = { order = {}, by = {} } } }
      declare(kind, name, fields, at2)
      local d = current.decls[kind].by[name]
      current = saved
      local known = registry.by[name]
      if not known then
        registry.order[#registry.order + 1] = name
        registry.by[name] = d
      else
        for k, v in pairs(d.fields) do known.fields[k], known.at[k] = v, d.at[k] end
      end
    end
  end
end
tool = top_level_declarer("tool", tools)
variant = top_level_declarer("variant", variants)

-- metric "name" { of = function(r) ... end } and target "name" { ... }: the
-- figures a scenario adds, computed from each replication's metrics, and
-- the levels a decision asks of them; at the top of the file too, the same
-- for the baseline and every variant (see M.derived and M.targets).
local metric_decls, target_decls = { order = {}, by = {} }, { order = {}, by = {} }
local declare_metric = top_level_declarer("metric", metric_decls)
function metric(name)
  if is_name(name) and not match(name, "^[%a_][%w_]*$") then
    fail(where(1), "prelude.metric_metric_s_name", name, (gsub(gsub(name, "[^%w_]+", "_"), "^(%d)", "_%1")))
  end
  return declare_metric(name)
end
target = top_level_declarer("target", target_decls)

-- Whether two routes (a `to` or a `next`) are the same: the same value, or
-- tables of the same step = probability.
local function same_route(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" or private[a] or private[b] then return false end
  for k, x in next, a do if rawget(b, k) ~= x then return false end end
  for k in next, b do if rawget(a, k) == nil then return false end end
  return true
end

-- The routes of the store's arrivals (`to`) and activities (`next`).
local route_fields = { arrivals = "to", activity = "next" }
local function routes_of(store)
  local seen = {}
  for kind, field in pairs(route_fields) do
    seen[kind] = {}
    for name, d in pairs(store.decls[kind].by) do
      seen[kind][name] = { value = d.fields[field], at = d.at[field] or d.where }
    end
  end
  return seen
end

-- The routes tool `tname`'s apply changed since `before`, added to `into`
-- (the store's routes, in the order the tools were applied: each item then
-- follows the tool's route or the one before it, by the tool's uptake).
local function record_routes(store, tname, before, into)
  for kind, field in pairs(route_fields) do
    for _, name in ipairs(store.decls[kind].order) do
      local old, d = before[kind][name], store.decls[kind].by[name]
      if old and not same_route(old.value, d.fields[field]) then
        into[#into + 1] = { kind = kind, name = name, tool = tname, before = old.value,
                                            before_at = old.at, after = d.fields[field], after_at = d.at[field] }
      end
    end
  end
end

-- The tools a variant lists, in order: the list first, then those given
-- with their uptake or adoption, in the order the tools were declared.
local function listed_tools(v)
  local list, overrides = {}, {}
  local t = v.fields.tools or {}
  for _, k in ipairs(sorted_keys(t)) do             -- tool = { uptake = ..., adoption = ... }
    if type(k) == "string" then
      for _, f in ipairs(sorted_keys(t[k])) do
        local what = fmt("variant %q: tools: %s", v.name, k)
        if f ~= "uptake" and f ~= "adoption" then
          fail(v.at.tools, "prelude.only_uptake_adoption_can", what, show(f),
               type(f) == "string" and suggest(f, { "uptake", "adoption" }) or "")
        end
        local expected = check[f](t[k][f])
        if expected then fail(v.at.tools, "prelude.must_got2", what, f, expected, got(t[k][f])) end
      end
    end
  end
  for i = 1, #t do list[#list + 1] = t[i] end
  for _, tname in ipairs(tools.order) do
    if type(t[tname]) == "table" then list[#list + 1], overrides[tname] = tname, t[tname] end
  end
  for k in pairs(t) do                            -- a name given with settings, but no such tool
    if type(k) == "string" and not tools.by[k] then list[#list + 1] = k end
  end
  return list, overrides
end

-- The store of a variant: the baseline, then each of its tools' apply
-- (steps declared there are that tool's steps), then its own apply.
local function variant_store(name)
  local v = variants.by[name]
  local list, overrides = listed_tools(v)
  local store = copy_store(baseline)
  current = store
  local listed = {}
  for _, tname in ipairs(list) do
    if listed[tname] then
      current = baseline
      fail(v.at.tools, "prelude.variant_tool_listed_twice", name, tname, overrides[tname]
           and say("prelude.list_once", tname) or "")
    end
    listed[tname] = true
    local t = tools.by[tname]
    if not t then
      current = baseline
      fail(v.at.tools, "prelude.variant_no_tool_called", name, tname, suggest(tname, tools.order))
    end
    store.tools[#store.tools + 1] = tname
    if #store.tools > 64 then
      current = baseline
      fail(v.at.tools, "prelude.variant_more_than_tools", name)
    end
    store.overrides[tname] = overrides[tname] and { fields = overrides[tname], at = v.at.tools }
    if t.fields.apply then
      current_tool = tname
      local before = routes_of(store)
      local ok, err = pcall(t.fields.apply)
      current_tool = nil
      if not ok then current = baseline; error(err, 0) end
      local n = #store.routes
      record_routes(store, tname, before, store.routes)
      store.routing[tname] = #store.routes > n    -- (kept even if the variant's apply replaces them)
    end
  end
  if v.fields.apply then
    local before = routes_of(store)
    local ok, err = pcall(v.fields.apply)
    if not ok then current = baseline; error(err, 0) end
    -- a route the variant's own apply changes is the variant's, for every
    -- item: no longer a tool's route
    local mine = {}
    record_routes(store, nil, before, mine)
    local kept = {}
    for _, r in ipairs(store.routes) do
      local overridden = false
      for _, m in ipairs(mine) do
        if m.kind == r.kind and m.name == r.name then overridden = true end
      end
      if not overridden then kept[#kept + 1] = r end
    end
    store.routes = kept
  end
  current = baseline
  return store
end

-- The metrics the scenario declares, in order: name, label, unit, the
-- function and where it was set.
function M.derived()
  local list = {}
  for i, name in ipairs(metric_decls.order) do
    local d = metric_decls.by[name]
    if d.fields.of == nil then
      fail(d.where, "prelude.metric_set_what_computes", name)
    end
    list[i] = { name = name, label = d.fields.label, unit = d.fields.unit, fn = d.fields.of, where = d.at.of }
  end
  return list
end

-- The targets the scenario declares, in order: name, label, the metric
-- (as --target writes it: "element:name:metric", or a declared metric's
-- name), the comparison and its level, and where the metric was set.
local target_ops = { below = "<", above = ">", at_most = "<=", at_least = ">=" }
function M.targets()
  local list = {}
  for i, name in ipairs(target_decls.order) do
    local d = target_decls.by[name]
    local f = d.fields
    if f.metric == nil then
      fail(d.where, "prelude.target_set_metric_about", name)
    end
    local op, value, n = nil, nil, 0
    for _, k in ipairs({ "below", "above", "at_most", "at_least" }) do
      if f[k] ~= nil then op, value, n = target_ops[k], f[k], n + 1 end
    end
    if n ~= 1 then
      fail(d.where, "prelude.target_give_below_above", name,
           n == 0 and say("prelude.one") or say("prelude.only_one"))
    end
    -- as --target: a level that every value meets (inf), and a metric C would
    -- cut short at a NUL byte or print with a control character, are slips
    if value == huge or value == -huge then
      fail(d.where, "prelude.target_level_must_finite", name, show(value))
    end
    if find(f.metric, "%c") then
      fail(d.at.metric, "prelude.target_metric_holds_control", name,
           show(f.metric))
    end
    list[i] = { name = name, label = f.label, metric = f.metric, op = op, value = value,
                where = d.at.metric }
  end
  return list
end

function M.variants()
  local names = {}
  for i, name in ipairs(variants.order) do names[i] = name end
  return names
end

-- The kinds some step of the baseline or of a variant has, as M.compile
-- finds them (kind -> where first used): a label in `kinds` for a kind no
-- step has is a typo. any_costed: some model has a cost or a value.
local kinds_used = {}
local any_costed = false

------------------------------------------------------------ bare words ----

-- role = bookseller, without quotes, reads a global that does not exist:
-- nil, and the field silently disappears (the step becomes a pure delay).
-- Such reads are recorded (the first place of each word); compile() turns
-- one into an error when the word is the name of a declaration, or never
-- gets a value, or is a function defined only further down the file.
-- Only reads in the scenario's own file count: a library may test for a
-- global on purpose (if jit then ...).
local bare_at, bare_order = {}, {}
local own_file = host.file .. ":"
setmetatable(_G, { __index = function(_, k)
  if type(k) == "string" and bare_at[k] == nil then
    local at = where(1)
    if sub(at, 1, #own_file) == own_file then
      bare_at[k] = at
      bare_order[#bare_order + 1] = k
    else
      bare_at[k] = false                        -- another file's: not looked at again
    end
  end
end })

local function check_bare_words(store)
  for _, k in ipairs(bare_order) do                  -- in the order of the file
    local at, now = bare_at[k], rawget(_G, k)
    local kinds = sorted_keys(store.decls)
    kinds[#kinds + 1] = "calendar"
    for _, kind in ipairs(now == nil and kinds or {}) do
      local by = kind == "calendar" and store.calendars.by or store.decls[kind].by
      if by[k] and kind ~= "scenario" then fail(at, "prelude.name_write_quotes", k, kind, k) end
    end
    if now == nil then
      local words = {}
      for name in pairs(_G) do if type(name) == "string" then words[#words + 1] = name end end
      sort(words)
      local hint = suggest(k, words)
      fail(at, "prelude.not_word_scenario_language", k,
           hint ~= "" and hint or say("prelude.name_in_quotes_hint", k))
    end
    if type(now) == "function" then
      local line = getinfo(now, "S").linedefined
      fail(at, "prelude.used_here_before_defined", k, line)
    end
  end
end

--------------------------------------------------------------- compile ----

-- The compiled model: arrays in declaration order, names resolved to
-- 1-based indices (0 = exit / none), distributions as plain tables.

local function compile_dist(v, at)
  if type(v) == "number" then return { kind = "constant", p = { v } } end
  if type(v) == "function" then
    local info = getinfo(v, "S")
    local src = sub(info.source, 1, 1) == "@" and sub(info.source, 2) or info.short_src
    return { kind = "hook", fn = v, where = src .. ":" .. info.linedefined }
  end
  local d = private[v]
  if d.kind == "choice" then
    return { kind = "choice", p = d.probs, names = d.names }
  end
  return { kind = d.kind, p = d.p, values = d.values }
end

-- Whether every draw of the compiled distribution c is 0: the same cases as
-- rm_dist_always_zero (engine/dist.c), decided here to name the line.
local function always_zero(c)
  local k, p = c.kind, c.p
  if k == "constant" or k == "bernoulli" then return p[1] == 0 end
  if k == "uniform" then return p[2] == 0 end
  if k == "normal" then return p[1] == 0 and p[2] == 0 end
  if k == "triangular" then return p[3] == 0 end
  if k == "empirical" then
    for i = 1, #c.values do if c.values[i] ~= 0 then return false end end
    return true
  end
  return false
end

-- Compiles the baseline (variant_name nil) or a variant.
function M.compile(variant_name)
  local store = variant_name and variant_store(variant_name) or copy_store(baseline)
  check_bare_words(store)
  local decls, calendars = store.decls, store.calendars
  if not scenario_decl then
    fail(host.file, "prelude.no_scenario_declaration_start")
  end
  local scenario_decl = decls.scenario.by[scenario_decl.name]     -- as this store has it
  local sf, sat = scenario_decl.fields, scenario_decl.at
  if not sf.horizon then
    fail(scenario_decl.where, "prelude.scenario_set_horizon_horizon", scenario_decl.name)
  end
  -- a horizon of 1e300 passes every other check and never ends: 100 years at most
  if sf.horizon * unit_seconds[unit] > 100 * 365.25 * 86400 then
    fail(sat.horizon, "prelude.scenario_horizon_at_most", scenario_decl.name, fmt("%.6g", sf.horizon), unit)
  end
  local warmup = sf.warmup or 0
  if warmup >= sf.horizon then
    fail(sat.warmup, "prelude.scenario_warmup_must_shorter", scenario_decl.name, warmup, sf.horizon)
  end
  local model = {
    name = scenario_decl.name, unit = unit, unit_seconds = unit_seconds[unit],
    horizon = sf.horizon, warmup = warmup, replications = sf.replications or 10,
    roles = {}, queues = {}, activities = {}, arrivals = {}, kinds = {}, params = params,
    label = sf.label, description = sf.description, kind_labels = {}, kind_groups = {}, mission = sf.mission or {},
    variant_label = variant_name and variants.by[variant_name].fields.label or nil,
  }

  -- calendars by index, 0 being "always"
  model.start = sf.start
  model.calendars = {}
  local calendar_index = { always = 0 }
  for i, name in ipairs(calendars.order) do
    model.calendars[i] = calendars.by[name].specs
    calendar_index[name] = i
  end
  local function resolve_calendar(name, at, what)
    if name == nil then return 0 end
    local i = calendar_index[name]
    if not i then
      local names = { "always" }
      for _, n in ipairs(calendars.order) do names[#names + 1] = n end
      if not host.check_calendar(name) then          -- hours written where a calendar's name goes
        fail(at, "prelude.calendar_takes_calendar_s", what, name)
      end
      fail(at, "prelude.no_calendar_called", what, name, suggest(name, names))
    end
    return i
  end

  local role_index = {}
  for i, name in ipairs(decls.role.order) do
    local d = decls.role.by[name]
    model.roles[i] = { name = name, label = d.fields.label, count = d.fields.count or 1,
                       calendar = resolve_calendar(d.fields.calendar, d.at.calendar, fmt("role %q", name)),
                       cost_per_hour = d.fields.cost_per_hour or -1 }
    local absence = d.fields.absence
    if absence then
      model.roles[i].every = compile_dist(absence.every)
      model.roles[i].lasts = compile_dist(absence.lasts)
    end
    role_index[name] = i
  end

  local queue_index = {}
  local function add_queue(name, d, label)
    local f = d and d.fields or {}
    local q = { name = name, label = f.label or label, discipline = f.discipline or "fifo", capacity = f.capacity or -1 }
    model.queues[#model.queues + 1] = q
    queue_index[name] = #model.queues
  end
  for _, name in ipairs(decls.queue.order) do add_queue(name, decls.queue.by[name]) end

  -- A task is a step of its own fed by a hidden stream of occurrences.
  local tasks = {}
  for _, name in ipairs(decls.task.order) do
    local d = decls.task.by[name]
    local f, at = d.fields, d.at
    local what = fmt("task %q", name)
    if decls.activity.by[name] then
      fail(d.where, "prelude.activity_has_that_name", what)
    end
    if f.every == nil then fail(d.where, "prelude.set_when_comes_back", what) end
    if f.role == nil then fail(d.where, "prelude.set_who_does_role", what) end
    decls.activity.order[#decls.activity.order + 1] = name
    decls.activity.by[name] = { name = name, where = d.where, tool = d.tool,
      fields = { role = f.role, queue = f.queue, duration = f.duration, kind = f.kind, label = f.label },
      at = { role = at.role, queue = at.queue, duration = at.duration, kind = at.kind } }
    tasks[#tasks + 1] = d
  end

  local step_index = { exit = 0 }
  for i, name in ipairs(decls.activity.order) do step_index[name] = i end
  local step_names = {}
  for _, name in ipairs(decls.activity.order) do step_names[#step_names + 1] = name end
  step_names[#step_names + 1] = "exit"

  local function resolve_step(name, at, what)
    local i = step_index[name]
    if not i then fail(at, "prelude.no_step_called", what, name, suggest(name, step_names)) end
    return i
  end

  -- the tools this variant applies, by index; the routes they changed, per
  -- element: the route before the first tool, then each tool's
  local tool_index = {}
  for i, tname in ipairs(store.tools) do tool_index[tname] = i end
  local changed = { arrivals = {}, activity = {} }
  for _, r in ipairs(store.routes) do
    local c = changed[r.kind][r.name]
    if not c then
      c = { base = r.before, base_at = r.before_at, alts = {} }
      changed[r.kind][r.name] = c
    end
    c.alts[#c.alts + 1] = { tool = tool_index[r.tool], route = r.after, at = r.after_at }
  end

  local function compile_next(nx, at, what)
    if nx == nil then
      return { kind = "step", step = 0 }
    elseif type(nx) == "string" then
      return { kind = "step", step = resolve_step(nx, at, what .. ": next") }
    elseif type(nx) == "function" then
      return compile_dist(nx, at)
    end
    local names, probs = probabilities(nx, at, what .. ": next")
    local steps = {}
    for j, s in ipairs(names) do steps[j] = resolve_step(s, at, what .. ": next") end
    return { kind = "table", steps = steps, p = probs }
  end

  local kind_index = {}
  for i, name in ipairs(decls.activity.order) do
    local d = decls.activity.by[name]
    local f, at = d.fields, d.at
    local what = fmt("activity %q", name)
    local a = { name = name, label = f.label, roles = {}, queue = 0 }
    local roles = f.role
    if type(roles) == "string" then roles = { roles } end
    for j, r in ipairs(roles or {}) do
      local ri = role_index[r]
      if not ri then fail(at.role, "prelude.no_role_called", what, r, suggest(r, decls.role.order)) end
      a.roles[j] = ri
    end
    if #a.roles > 0 then
      local qname = f.queue or name
      if not queue_index[qname] then
        if f.queue and not step_index[qname] then
          fail(at.queue, "prelude.no_queue_called", what, qname, suggest(qname, decls.queue.order))
        end
        add_queue(qname, nil, f.label)   -- the default queue named (and labelled) after the step
      end
      a.queue = queue_index[qname]
    end
    if f.duration == nil then fail(d.where, "prelude.set_duration_duration_exponential", what) end
    a.duration = compile_dist(f.duration, at.duration)
    -- a kind labels people's time: a pure delay has none
    local kind = f.kind or "work"
    if #a.roles > 0 and kind == "idle" then     -- its share would be share_idle's name
      fail(at.kind or d.where, "prelude.kind_idle_time_nobody", what)
    end
    if #a.roles > 0 and not kind_index[kind] then
      local l = sf.kinds and sf.kinds[kind]
      model.kinds[#model.kinds + 1] = kind
      kind_index[kind] = #model.kinds
      model.kind_labels[#model.kinds] = type(l) == "table" and l.label or l or ""
      model.kind_groups[#model.kinds] = type(l) == "table" and l.group or ""
      kinds_used[kind] = kinds_used[kind] or at.kind or d.where
    end
    a.kind = #a.roles > 0 and kind_index[kind] or 0
    local c = changed.activity[name]
    if c then a.next = compile_next(c.base, c.base_at, what) else a.next = compile_next(f.next, at.next, what) end
    a.alts = {}                                 -- the tools' routes, each for the items that use it
    for j, alt in ipairs(c and c.alts or {}) do
      a.alts[j] = { tool = alt.tool, next = compile_next(alt.route, alt.at, what) }
    end
    a.interruptible = f.interruptible or false
    a.switch_cost = f.switch_cost or 0
    if f.resume ~= nil and not a.interruptible then
      fail(at.resume, "prelude.resume_says_who_takes", what)
    end
    a.resume = f.resume or "same"
    a.no_patience = f.patience == false
    if a.no_patience and #a.roles == 0 then
      fail(at.patience, "prelude.patience_false_for_step", what)
    end
    model.activities[i] = a
  end

  for i, name in ipairs(decls.arrivals.order) do
    local d = decls.arrivals.by[name]
    local f, at = d.fields, d.at
    local what = fmt("arrivals %q", name)
    if f.to == nil then fail(d.where, "prelude.set_first_step_advise", what) end
    local c = changed.arrivals[name]
    local s = { name = name, label = f.label, to = c and resolve_step(c.base, c.base_at, what .. ": to")
                                    or resolve_step(f.to, at.to, what .. ": to"),
                limit = f.limit or -1, initial = f.initial or 0, deadline = f.deadline or -1, alts = {},
                value = f.value or -1 }
    for j, alt in ipairs(c and c.alts or {}) do
      s.alts[j] = { tool = alt.tool, to = resolve_step(alt.route, alt.at, what .. ": to") }
    end
    if f.interarrival ~= nil and f.rate ~= nil then
      fail(at.rate, "prelude.give_interarrival_rate_not", what)
    elseif f.interarrival ~= nil then
      s.interarrival = compile_dist(f.interarrival, at.interarrival)
      if s.limit < 0 and always_zero(s.interarrival) then   -- endless items at one instant
        fail(at.interarrival, "prelude.interarrival_always_so_items", what)
      end
    elseif f.rate ~= nil and is_rate(f.rate) then
      local r = private[f.rate]
      if f.calendar ~= nil and f.calendar ~= "always" and r.per ~= "hour" then
        s.per_open, s.per_open_n = r.per, r.n     -- n a day the calendar opens / n a week
      else
        s.interarrival = { kind = "exponential", p = { 1 / r.per_unit } }
      end
    elseif f.rate ~= nil then                   -- by time of day: from each time to the next
      s.rates = {}
      for _, k in ipairs(sorted_keys(f.rate)) do
        local r = f.rate[k]
        s.rates[#s.rates + 1] = { at = time_of_day(k), per_unit = r == 0 and 0 or private[r].per_unit }
      end
      sort(s.rates, function(a, b) return a.at < b.at end)
    elseif s.initial == 0 then
      fail(d.where, "prelude.set_interarrival_exponential_rate", what)
    end
    s.calendar = resolve_calendar(f.calendar, at.calendar, what)
    local prio = f.priority or 0
    s.priority = type(prio) == "function" and compile_dist(prio, at.priority) or prio
    if f.patience ~= nil then s.patience = compile_dist(f.patience, at.patience) end
    s.attributes = {}
    for _, an in ipairs(sorted_keys(f.attributes or {})) do
      local dist = compile_dist(f.attributes[an], at.attributes)
      s.attributes[#s.attributes + 1] = { name = an, dist = dist }
    end
    model.arrivals[i] = s
  end

  -- A tool's adoption as a share per role (the model's roles in order), and
  -- whether everyone concerned uses it. Adoption is about the staff: given
  -- for a tool none of whose steps a role does, it is a slip for uptake.
  local function compile_adoption(tname, adoption, at)
    local doers, names = {}, {}
    for _, aname in ipairs(decls.activity.order) do
      local d = decls.activity.by[aname]
      local r = d.fields.role
      if d.tool == tname and r ~= nil then
        for _, rname in ipairs(type(r) == "string" and { r } or r) do
          if not doers[rname] then doers[rname], names[#names + 1] = true, rname end
        end
      end
    end
    local what = fmt("tool %q", tname)
    if adoption ~= nil and check.adoption(adoption) then
      fail(at, "prelude.adoption_must", what, check.adoption(adoption))
    end
    if adoption ~= nil and #names == 0 then
      fail(at, "prelude.adoption_share_staff_who",
           what, type(adoption) == "number" and show(adoption) or "0.6")
    end
    local shares, all = {}, true
    for i, rname in ipairs(decls.role.order) do
      local share = 1
      if type(adoption) == "number" then share = adoption end
      if type(adoption) == "table" and adoption[rname] ~= nil then share = adoption[rname] end
      shares[i] = share
      if doers[rname] and share < 1 then all = false end
    end
    if type(adoption) == "table" then
      for _, rname in ipairs(sorted_keys(adoption)) do
        if not role_index[rname] then
          fail(at, "prelude.adoption_no_role_called", what, rname, suggest(rname, decls.role.order))
        elseif not doers[rname] then
          sort(names)
          fail(at, "prelude.adoption_role_does_none", what, rname,
               "\"" .. concat(names, "\", \"") .. "\"")
        end
      end
    end
    return shares, all
  end

  -- the tools this variant applies, and their steps
  model.tools = {}
  for i, tname in ipairs(store.tools) do
    local t = tools.by[tname]
    local f, at = t.fields, t.at
    local what = fmt("tool %q", tname)
    local spec = { name = tname, label = f.label, training = f.training or 0,
                   learning_start = f.learning and f.learning.start or 1,
                   half_life = f.learning and f.learning.half_life or 1 }
    if f.cost then
      spec.has_cost = true
      spec.cost_per_month, spec.cost_per_item = f.cost.per_month or 0, f.cost.per_item or 0
      spec.cost_share_of_value, spec.cost_setup = f.cost.share_of_value or 0, f.cost.setup or 0
    end
    -- uptake and adoption: the tool's, or the variant's for this tool
    local o = store.overrides[tname]
    local uptake, uptake_at = f.uptake, at.uptake
    local adoption, adoption_at = f.adoption, at.adoption
    if o and o.fields.uptake ~= nil then uptake, uptake_at = o.fields.uptake, o.at end
    if o and o.fields.adoption ~= nil then adoption, adoption_at = o.fields.adoption, o.at end
    spec.adoption, spec.all_adopt = compile_adoption(tname, adoption, adoption_at)
    if uptake ~= nil then
      if check.uptake(uptake) then                -- changed since it was checked
        fail(uptake_at, "prelude.uptake_must", what, check.uptake(uptake))
      end
      if not store.routing[tname] then
        fail(uptake_at, "prelude.uptake_share_items_customers", what)
      end
      spec.has_uptake = true
      if type(uptake) == "number" then
        spec.uptake_start, spec.uptake_final, spec.uptake_half_life = uptake, uptake, 1
      else
        spec.uptake_start, spec.uptake_final, spec.uptake_half_life = uptake.start, uptake.final, uptake.half_life
      end
    end
    spec.fallback = nil
    if f.fallback ~= nil then
      spec.fallback = resolve_step(f.fallback, at.fallback, what .. ": fallback")
    elseif not spec.all_adopt or f.downtime then
      fail(t.where, "prelude.set_fallback_step_where", what)
    end
    if f.downtime then
      spec.every = compile_dist(f.downtime.every)
      spec.lasts = compile_dist(f.downtime.lasts)
    end
    model.tools[i] = spec
  end
  for i, name in ipairs(decls.activity.order) do
    local d = decls.activity.by[name]
    model.activities[i].tool = d.tool and tool_index[d.tool] or 0
  end
  for _, spec in ipairs(model.tools) do       -- a fallback inside a tool could loop for ever
    local fb = spec.fallback
    if fb and fb > 0 and model.activities[fb].tool ~= 0 then
      local t = tools.by[spec.name]
      fail(t.at.fallback, "prelude.tool_fallback_step_tool",
           spec.name, model.activities[fb].name)
    end
  end

  for _, d in ipairs(tasks) do
    local f = d.fields
    local s = { name = d.name, to = step_index[d.name], limit = -1, initial = 0, deadline = -1,
                priority = f.priority or 0, attributes = {}, calendar = 0, task = true }
    if type(f.every) == "string" then s.points = f.every else s.interarrival = compile_dist(f.every) end
    model.arrivals[#model.arrivals + 1] = s
  end

  for _, p in ipairs(params) do p.used = true end
  for _, name in ipairs(sorted_keys(sets)) do
    if not params_by[name] then
      local names = {}
      for _, p in ipairs(params) do names[#names + 1] = p.name end
      fail("--set " .. name, "prelude.scenario_has_no_param", name, suggest(name, names))
    end
  end
  -- costs are counted when the scenario gives any: a role's rate, a stream's
  -- value, a tool's cost (a tool of any variant, so that the baseline has
  -- the same cost figures as the variants to be compared with)
  model.currency = sf.currency or ""
  model.costed = false
  for _, r in ipairs(model.roles) do if r.cost_per_hour >= 0 then model.costed = true end end
  for _, a in ipairs(model.arrivals) do if (a.value or -1) >= 0 then model.costed = true end end
  for _, tname in ipairs(tools.order) do if tools.by[tname].fields.cost then model.costed = true end end
  any_costed = any_costed or model.costed
  model.step_index = step_index
  return model
end

-- After every model is compiled: each kind labelled in the scenario's
-- `kinds`, and each kind of its `mission`, is some step's kind, in the
-- baseline or in a variant.
function M.check_kinds()
  local sf, sat = scenario_decl.fields, scenario_decl.at
  for _, k in ipairs({ "away", "overtime" }) do     -- their cost would be cost_away's, cost_overtime's name
    if any_costed and kinds_used[k] then
      fail(kinds_used[k], "prelude.kind_names_part_role", k, k, k == "away" and say("prelude.time_away") or say("prelude.time_after_closing"))
    end
  end
  local used, undeclared = sorted_keys(kinds_used), {}
  for _, u in ipairs(used) do
    if not (sf.kinds or {})[u] then undeclared[#undeclared + 1] = u end
  end
  for _, k in ipairs(sorted_keys(sf.kinds or {})) do
    if not kinds_used[k] then
      -- a step's kind that is a slip of this one: the slip is the step's
      local slip = closest(k, undeclared)
      if slip then
        local file, line = match(sat.kinds, "^(.*):(%d+)$")
        local step_file = match(kinds_used[slip], "^(.*):%d+$")
        local there = file == step_file and say("prelude.at_line", line)       -- "line 2"
                      or say("prelude.at_file_line", file or sat.kinds, line or "?")   -- "base.lua, line 1"
        fail(kinds_used[slip], "prelude.step_kind_slip", slip, there, k)
      end
      fail(sat.kinds, "prelude.scenario_kinds_no_step", scenario_decl.name, k, suggest(k, used))
    end
  end
  for _, k in ipairs(sf.mission or {}) do
    if not kinds_used[k] then
      fail(sat.mission, "prelude.scenario_mission_no_step", scenario_decl.name, k, suggest(k, used))
    end
  end
  running = true                                 -- the load is over: see while_loading
end

------------------------------------------------------------------ require --

-- require(name) loads name.lua from the scenario's folder or from remous's
-- scripts/ folder (text only, same sandbox), once.
local loaded, loading = {}, {}                  -- loading: a module being run (a cycle's mark)
function M.require(name)
  local at = where(1)
  if type(name) ~= "string" or not match(name, "^[%w_]+[%w_.]*$") or find(name, "%.%.") then
    fail(at, "prelude.require_not_module_name", show(name))
  end
  if loaded[name] == loading then
    fail(at, "prelude.require_module_requires_itself", name)
  end
  if loaded[name] ~= nil then return loaded[name] end
  local text, path = host.find_module(name)
  if not text and path then fail(at, "prelude.message", path) end    -- a link out of the folder, a binary file
  if not text then fail(at, "prelude.require_no_module_scenario", name) end
  local chunk, err = load(text, "@" .. path, "t")
  if not chunk then error(err, 0) end
  loaded[name] = loading
  local ok, result = pcall(chunk, name)
  if not ok then
    loaded[name] = nil                          -- not a cycle for a pcall that tries again
    error(result, 0)
  end
  if result == nil then result = true end
  loaded[name] = result
  return result
end

return M
