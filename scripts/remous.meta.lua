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

---@class remous.MetricFields
---@field of fun(r: table): number A number from one replication's metrics: r.ELEMENT.NAME.METRIC, e.g. r.role.bookseller.utilization.
---@field label? string What people read instead of the name (the digest).
---@field unit? string "share", "time", "count", "people", or another word (a currency).
---@field description? string

---A metric of your own, computed once per replication: element "metric", metric "value" in the CSV files.
---@param name string letters, digits and _
---@return fun(fields: remous.MetricFields)
function metric(name) end

---@class remous.TargetFields
---@field metric string "ELEMENT:NAME:METRIC" as summary.csv names it, or a declared metric's name.
---@field below? number Met when the whole 95% interval is below.
---@field at_most? number Met when the whole 95% interval is at or below.
---@field above? number Met when the whole 95% interval is above.
---@field at_least? number Met when the whole 95% interval is at or above.
---@field label? string What the terminal shows instead of the name.
---@field description? string

---A level a decision asks of a metric, judged on its 95% interval: met, not met or undecided.
---@param name string
---@return fun(fields: remous.TargetFields)
function target(name) end

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

------------------------------------------------------------------------------
-- Batch scripts (`remous batch SCRIPT.lua`) only: the words below do not
-- exist in a scenario.

---@class remous.RunOptions
---@field reps? integer Replications (default: --reps, else the scenario's).
---@field seed? integer Seed of the random streams (default: --seed, else 1).
---@field variant? string A variant instead of the baseline (run and sweep).
---@field set? table<string, number|string|boolean> Values of the scenario's params.

---@class remous.SweepOptions: remous.RunOptions
---@field grid table<string, (number|string|boolean)[]> The values of each param; the names in alphabetical order, the first varying slowest.

---@class remous.Figure
---@field mean number The mean over the replications.
---@field low? number The 95% interval of the mean (Student's t); nil with one replication.
---@field high? number
---@field sd? number The standard deviation across replications.
---@field n integer Replications that had a value.
---@field values number[] One value per replication that had one.

---@class remous.Results
---@field variant string
---@field replications integer
---Then results[element][name][metric], e.g. r.queue.counter.wait_mean: a remous.Figure.
---@field [string] table<string, table<string, remous.Figure>>

---@class remous.Delta
---@field delta number Variant minus baseline, paired.
---@field low number The 95% interval of the difference.
---@field high number
---@field relative? number delta / the baseline's mean.
---@field significant boolean The interval leaves out 0.
---@field listed boolean The digest says it (after the correction and --min-change).

---@class remous.VariantComparison
---@field results remous.Results
---@field delta table<string, table<string, table<string, remous.Delta>>> delta[element][name][metric]

---@class remous.Comparison
---@field baseline remous.Results
---Then c[variant], e.g. c["online payment"]: a remous.VariantComparison.
---@field [string] remous.VariantComparison

---@class remous.Point
---@field values table<string, number|string|boolean> The grid's values at this point.
---@field results remous.Results

---@class remous.CsvOptions
---@field columns? string[] The columns, in order (default: the first row's keys, sorted; for rows given as lists, the first row is the header).

---Runs a scenario (its path relative to the script) and returns its figures.
---An unknown option is an error: run(s, { rep = 20 }) says did you mean "reps"?
---@param path string
---@param options? remous.RunOptions
---@return remous.Results
function run(path, options) end

---The baseline against every variant, paired (common random numbers).
---@param path string
---@param options? { reps?: integer, seed?: integer, set?: table<string, number|string|boolean> }
---@return remous.Comparison
function compare(path, options) end

---run() at every point of a grid.
---@param path string
---@param options remous.SweepOptions
---@return remous.Point[]
function sweep(path, options) end

---The value of `--set NAME=VALUE` on the command line, converted to the
---default's type (as param does), or the default. A --set the script never
---asks for is an error.
---@generic T: number|string|boolean
---@param name string
---@param default T
---@return T
function arg(name, default) end

---Writes a CSV file (RFC 4180) into the batch's --out folder, through a
---temporary file renamed into place. name is a plain file name ("results.csv").
---rows: records ({ booksellers = 2, wait = 3.1 }) or lists ({ 2, 3.1 }).
---@param name string
---@param rows table[]
---@param options? remous.CsvOptions
---@return string path The file written, "OUT/name".
function write_csv(name, rows, options) end

---Statistics over a list of numbers, as remous computes its own.
stats = {}

---The mean of the values.
---@param values number[]
---@return number
function stats.mean(values) end

---The sample standard deviation (divisor n - 1); nil for one value.
---@param values number[]
---@return number?
function stats.sd(values) end

---The mean and its 95% interval (Student's t, as summary.csv has it);
---low and high are nil for one value.
---@param values number[]
---@return number mean
---@return number? low
---@return number? high
function stats.interval(values) end

---Student's t quantile: t with P(T <= t) = p, for df degrees of freedom
---(0 < p < 1, df >= 1); stats.t_quantile(0.975, 9) = 2.2622.
---@param p number
---@param df number
---@return number
function stats.t_quantile(p, df) end
