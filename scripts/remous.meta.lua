---@meta remous
-- Editor support for remous scenarios (Lua Language Server, "LuaLS"): with
-- this file on the workspace library, VS Code (extension "Lua" by sumneko)
-- or Neovim (lua_ls) complete and document every word of the language.
-- Setup: add this folder to "Lua.workspace.library" in .luarc.json, e.g.
--   { "workspace.library": ["/path/to/remous/scripts"] }
-- This file is never run: remous defines these words itself.

---A distribution: a number, or one of exponential(), uniform(), ...
---@alias remous.Dist number|remous.Distribution

---@class remous.Distribution
---A sealed value made by a distribution function.

---@class remous.Rate
---A rate made by per_hour(), per_day() or per_week().

---@class remous.Item
---@field id integer The item's number (1, 2, ... within a replication).
---@field arrivals string The name of its arrival stream.
---@field priority number Its priority (smaller is more urgent).
---@field attributes table<string, number|boolean|string> Drawn at its arrival (bernoulli: boolean, choice: a name).

---@class remous.ScenarioFields
---@field unit? "second"|"minute"|"hour" The unit of every time (default "minute").
---@field horizon number Simulated time per replication, e.g. days(28).
---@field warmup? number The first stretch, left out of the figures.
---@field replications? integer Replications by default (10).
---@field start? string Weekday and time at t = 0, e.g. "mon 08:00".
---@field description? string
---@field label? string What people read instead of the name (the digest, the table, the pages).
---@field kinds? table<string, string|{ label: string, group?: string }> The words of each kind, e.g. { core = "advising readers" }.
---@field mission? string[] The kinds of work the organization exists for, e.g. { "core" }: the headline follows them.
---@field currency? string The ISO 4217 code of the amounts (cost_per_hour, cost, value), e.g. "EUR".

---Declares the scenario (once per file).
---@param name string
---@return fun(fields: remous.ScenarioFields)
function scenario(name) end

---Opening hours: calendar "shop" { "tue-sat 10:00-19:00", "sun 10:00-13:00" }. "always" is predefined.
---@param name string
---@return fun(hours: string[])
function calendar(name) end

---@class remous.Absence
---@field every remous.Dist From the end of an absence (or t = 0) to the next.
---@field lasts remous.Dist How long one lasts.

---@class remous.RoleFields
---@field count? integer People in the role (default 1), tracked as name#1, name#2, ...
---@field calendar? string When they work (default "always").
---@field absence? remous.Absence Each person away now and then.
---@field cost_per_hour? number What an hour of its people's paid time costs (their calendar's hours and overtime).
---@field description? string
---@field label? string What people read instead of the name (the digest, the table, the pages).

---People who do steps: role "bookseller" { count = 2, calendar = "shop" }.
---@param name string
---@return fun(fields: remous.RoleFields)
function role(name) end

---@class remous.QueueFields
---@field discipline? "fifo"|"lifo"|"priority" Who is served first (default "fifo").
---@field capacity? integer Waiting places; a newcomer who finds it full leaves (balked).
---@field description? string
---@field label? string What people read instead of the name (the digest, the table, the pages).

---Where items wait: queue "counter" { discipline = "fifo" }.
---@param name string
---@return fun(fields: remous.QueueFields)
function queue(name) end

---@class remous.ArrivalsFields
---@field interarrival? remous.Dist The gap between two arrivals.
---@field rate? remous.Rate|table<string, remous.Rate|number> per_hour(r), or rates by time of day { ["10:00"] = per_hour(6), ... }.
---@field calendar? string Arrivals only while open (time stands still while closed).
---@field to string The first step.
---@field priority? number|fun(item: remous.Item): number Smaller is more urgent.
---@field patience? remous.Dist Leaves a queue after waiting this long.
---@field deadline? number Counted in deadline_missed if not done within this time.
---@field attributes? table<string, remous.Dist> Drawn for each item.
---@field limit? integer Stop after this many arrivals.
---@field initial? integer Items already waiting at t = 0.
---@field value? number What one completed item brings (a sale, a grant); abandoned and turned-away items are value lost.
---@field description? string
---@field label? string What people read instead of the name (the digest, the table, the pages).

---What comes in: arrivals "walk_in" { rate = per_hour(12), to = "advise" }.
---@param name string
---@return fun(fields: remous.ArrivalsFields)
function arrivals(name) end

---@class remous.ActivityFields
---@field role? string|string[] Who does it (alternatives in order); none: a pure delay.
---@field queue? string Where items wait for it (default: a queue named after it).
---@field duration remous.Dist|fun(item: remous.Item): number
---@field kind? string A label for people's time, e.g. "core", "admin" (default "work").
---@field next? string|table<string, number|remous.Rest>|fun(item: remous.Item): string A step, { a = 0.7, exit = 0.3 } or { a = share, exit = rest }, or a function; default "exit".
---@field interruptible? boolean Left for a more urgent item, resumed later.
---@field switch_cost? number Added each time it is resumed.
---@field resume? "same"|"anyone" Who takes up an interrupted item: the person who left it (default) or any free person of its roles.
---@field description? string
---@field label? string What people read instead of the name (the digest, the table, the pages).

---A step: activity "advise" { role = "bookseller", duration = triangular(3, 6, 15), kind = "core" }.
---@param name string
---@return fun(fields: remous.ActivityFields)
function activity(name) end

---@class remous.TaskFields
---@field every string|remous.Dist Days and times ("mon-sat 18:30") or the gap between two.
---@field role string|string[]
---@field duration remous.Dist|fun(item: remous.Item): number
---@field kind? string
---@field queue? string
---@field priority? number
---@field description? string
---@field label? string What people read instead of the name (the digest, the table, the pages).

---Recurring work: task "count_the_till" { every = "tue-sat 18:45", role = "bookseller", duration = 20 }.
---@param name string
---@return fun(fields: remous.TaskFields)
function task(name) end

---@class remous.Learning
---@field start number Tool steps take this much longer at first (>= 1).
---@field half_life number The excess halves every half_life.

---@class remous.Uptake
---@field start number The share at t = 0.
---@field final number The share it tends to.
---@field half_life number The gap to the final share halves every half_life.

---@class remous.ToolCost
---@field per_month? number A subscription, prorated to the measured period (a month is 365.25/12 days).
---@field per_item? number A fee for each item that starts one of its steps.
---@field share_of_value? number A fee, this share (0 to 1) of those items' value.
---@field setup? number Once, in each replication.

---@class remous.ToolFields
---@field description? string
---@field label? string What people read instead of the name (the digest, the table, the pages).
---@field uptake? number|remous.Uptake Share of the public (the items) that takes the routes its apply changes (default: all).
---@field adoption? number|table<string, number> Share of the staff concerned who really use it, or per role (default 1).
---@field learning? remous.Learning
---@field training? number Working time each person concerned spends learning it, at the start.
---@field downtime? remous.Absence When the tool is unavailable.
---@field fallback? string Where items go when it is down or not used.
---@field cost? remous.ToolCost What it costs, e.g. { per_month = 49, per_item = 0.25, share_of_value = 0.014, setup = 300 }.
---@field apply? fun() The declarations the tool brings (its steps are tool steps).

---A tool the variants can bring: tool "online_payment" { adoption = 0.8, fallback = "checkout", apply = function() ... end }.
---@param name string
---@return fun(fields: remous.ToolFields)
function tool(name) end

---@class remous.VariantFields
---@field tools? table<integer|string, string|{ uptake?: number|remous.Uptake, adoption?: number|table<string, number> }> The tools it brings, in order; or tool = { uptake = ... } to set them.
---@field apply? fun() What else it changes (declare names again to change them).
---@field description? string
---@field label? string What people read instead of the name (the digest, the table, the pages).

---A future to compare with the baseline (the file itself).
---@param name string
---@return fun(fields: remous.VariantFields)
function variant(name) end

---@class remous.ParamMeta
---@field label? string For people (and the workshop page).
---@field min? number
---@field max? number
---@field step? number

---A number a team may change: --set name=value, or a sweep's grid.
---@generic T: number|string|boolean
---@param name string
---@param default T
---@param meta? remous.ParamMeta
---@return T
function param(name, default, meta) end

---@param x number
---@return remous.Distribution
function constant(x) end
---Anywhere between a and b.
---@param a number
---@param b number
---@return remous.Distribution
function uniform(a, b) end
---Memoryless: random arrivals, for instance. The mean, not a rate.
---@param mean number
---@return remous.Distribution
function exponential(mean) end
---Bell curve, truncated at 0.
---@param mean number
---@param sd number
---@return remous.Distribution
function normal(mean, sd) end
---Skewed to the right; mean and sd of the value itself.
---@param mean number
---@param sd number
---@return remous.Distribution
function lognormal(mean, sd) end
---"At least, usually, at most".
---@param min number
---@param mode number
---@param max number
---@return remous.Distribution
function triangular(min, mode, max) end
---@param k integer
---@param mean number
---@return remous.Distribution
function erlang(k, mean) end
---@param mean number
---@param sd number
---@return remous.Distribution
function gamma(mean, sd) end
---@param shape number
---@param scale number
---@return remous.Distribution
function weibull(shape, scale) end
---true with probability p (for attributes).
---@param p number
---@return remous.Distribution
function bernoulli(p) end
---One of the names, for attributes: choice { web = 0.3, shop = 0.7 } or choice { web = share, shop = rest }.
---@param weights table<string, number|remous.Rest>
---@return remous.Distribution
function choice(weights) end
---Resampled from a column of a CSV file next to the scenario.
---@param file string
---@param column string
---@return remous.Distribution
function empirical(file, column) end

---In a table of probabilities (next, choice), the one entry that takes 1 minus the others.
---@class remous.Rest
---@type remous.Rest
rest = nil

---@param r number
---@return remous.Rate
function per_hour(r) end
---Under a calendar: r on every day it opens, spread over that day's open hours.
---@param r number
---@return remous.Rate
function per_day(r) end
---Under a calendar: r a week, spread over its open hours.
---@param r number
---@return remous.Rate
function per_week(r) end

---@param n number
---@return number
function seconds(n) end
---@param n number
---@return number
function minutes(n) end
---@param n number
---@return number
function hours(n) end
---@param n number
---@return number
function days(n) end
---@param n number
---@return number
function weeks(n) end

---The simulated time, in a hook.
---@return number
function now() end
