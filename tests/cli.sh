#!/bin/sh
# Command-line tests: exit codes, one-line errors, byte-identical outputs,
# the CSV contract. Prints "N passed, N failed" last; exits 1 on a failure.
set -u
suite=cli; . "$(dirname "$0")/lib.sh"

# the error output is exactly this one line
stderr_is() {
    if [ "$(cat "$tmp/err")" = "$2" ]; then ok; else ko "$1: stderr was '$(cat "$tmp/err")', expected '$2'"; fi
}

mm="$top/tests/scenarios/mmc.lua"
cd "$tmp" || exit 1

# the top level is exactly what the project fixes (a test run's leftovers committed by mistake fail here)
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    tops=$(git -C "$top" ls-files | sed 's|/.*||' | LC_ALL=C sort -u | tr '\n' ' ')
else
    tops=$(ls -A "$top" | grep -vx 'build' | LC_ALL=C sort | tr '\n' ' ')
fi
[ "$tops" = ".ci .gitignore Makefile README.md engine include scenarios scripts tests " ] && ok ||
    ko "the top level holds more than engine/ scripts/ scenarios/ include/ tests/ Makefile README.md .ci/ .gitignore: $tops"
expect 0 "--version" -- "$remous" --version
[ "$(cat out)" = "remous 0.1.0" ] && ok || ko "--version prints 'remous 0.1.0'"
expect 0 "--help" -- "$remous" --help
grep -q '^usage: remous run' out && ok || ko "--help shows the usage"
expect 2 "no arguments" -- "$remous"
expect 2 "unknown command" -- "$remous" frobnicate
stderr_is "unknown command" "remous: unknown command 'frobnicate' (see remous --help)"
expect 2 "workshop without a scenario" -- "$remous" workshop
stderr_is "workshop without a scenario" "remous: workshop needs a scenario file, e.g. remous workshop scenarios/bookstore.lua (see remous --help)"
expect 2 "batch without a script" -- "$remous" batch
stderr_is "batch without a script" "remous: batch needs a script file, e.g. remous batch scripts/batch/smallest_team.lua (see remous --help)"
expect 2 "--variant with compare" -- "$remous" compare "$mm" --variant x
stderr_is "--variant with compare" "remous: --variant goes with run, sweep and trace (compare runs every variant) (see remous --help)"
expect 2 "unknown variant" -- "$remous" run "$mm" --variant x
stderr_is "unknown variant" "remous: $mm: no variant called \"x\" (the variants: none)"
expect 2 "bad --reps" -- "$remous" run "$mm" --reps many
stderr_is "bad --reps" 'remous: --reps: expected a whole number from 1 to 10000000, got "many" (see remous --help)'
expect 2 "unknown option" -- "$remous" run "$mm" --fast
stderr_is "unknown option" "remous: unknown option --fast (see remous --help)"
expect 2 "missing value" -- "$remous" run "$mm" --seed
stderr_is "missing value" "remous: --seed needs a value (see remous --help)"
expect 2 "missing file" -- "$remous" run nothere.lua
stderr_is "missing file" "remous: cannot open nothere.lua: No such file or directory"

printf 'scenario "x" { horizon = 10 }\nrole "a" { count = -2 }\n' > bad.lua
expect 2 "malformed scenario" -- "$remous" run bad.lua
stderr_is "malformed scenario" 'remous: bad.lua:2: role "a": count must be a whole number from 0 to 100000, got -2'
expect 2 "malformed scenario (check)" -- "$remous" check bad.lua

# Lua's own messages in the words of the scenario: the line to change and
# what to type. scenario_fails NAME 'SCENARIO (printf %b)' 'LINE: MESSAGE'
# checks that `remous check NAME.lua` says exactly "remous: NAME.lua:LINE: MESSAGE".
scenario_fails() {
    printf '%b\n' "$2" > "$1.lua"
    expect 2 "check $1" -- "$remous" check "$1.lua"
    stderr_is "check $1" "remous: $1.lua:$3"
}
S='scenario "x" { horizon = 100 }'
# the bookstore's first 27 lines, then a role whose line 29 lacks its comma
{ head -27 "$top/scenarios/bookstore.lua"; printf 'role "bookseller" {\n  count = 2\n  calendar = "shop",\n}\n'; } > comma.lua
expect 2 "a missing comma" -- "$remous" check comma.lua
stderr_is "a missing comma" 'remous: comma.lua:29: a comma is probably missing at the end of this line (the next line starts "calendar")'
sed 's/^activity "advise" {/activty "advise" {/' "$top/scenarios/bookstore.lua" > word.lua
expect 2 "an unknown word" -- "$remous" check word.lua
stderr_is "an unknown word" "remous: word.lua:$(grep -n '^activty' word.lua | cut -d: -f1): \"activty\" is not a word of the scenario language (did you mean \"activity\"?)"
scenario_fails comma_same_line "$S\nactivity \"a\" {\n  next = { b = 0.5 c = 0.5 },\n}" '3: a comma is probably missing before "c"'
scenario_fails comma_strings "$S\ncalendar \"office\" {\n  \"mon-fri 09:00-12:30\"\n  \"mon-fri 13:30-17:00\"\n}" \
    '3: a comma is probably missing at the end of this line (the next line starts "mon-fri 13:30-17:00")'
scenario_fails comma_time_key "$S\narrivals \"a\" { to = \"b\",\n  rate = { [\"10:00\"] = per_hour(6)\n           [\"14:00\"] = per_hour(8) } }" \
    '3: a comma is probably missing at the end of this line (the next line starts ["14:00"])'
scenario_fails comma_args "$S\nactivity \"a\" { duration = uniform(1 5) }" '2: a comma is probably missing before "5"'
scenario_fails expnential "$S\nactivity \"a\" { duration = expnential(5) }" \
    '2: "expnential" is not a word of the scenario language (did you mean "exponential"?)'
scenario_fails minuts "$S\nactivity \"a\" { duration = minuts(3) }" '2: "minuts" is not a word of the scenario language (did you mean "minutes"?)'
scenario_fails no_such_word "$S\nfrobnicate \"x\" { }" '2: "frobnicate" is not a word of the scenario language'
scenario_fails unclosed_string "$S\nrole \"bookseller {\n  count = 2,\n}" \
    '2: a closing " is missing: the text "bookseller { runs to the end of the line'
scenario_fails opening_quote "$S\nactivity \"a\" { duration = 1, kind = core\" }" '2: an opening " is probably missing: write "core"'
scenario_fails double_equals "$S\nrole \"r\" {\n  calendar = \"always\",\n  count == 2,\n}" \
    '4: role "r": a field is set with one "=": write count = 2, not count == 2'
scenario_fails if_equals "$S\nactivity \"a\" { duration = 1,\n  next = function(item) if item.kind = \"x\" then return \"exit\" end return \"exit\" end }" \
    '3: "=" gives a value; to compare two values write "=="'
scenario_fails stray_equals "$S\nrole \"r\" = { count = 2 }" '2: remove the "=": a declaration is written role "r" { ... }'
scenario_fails unquoted_name "$S\nrole bookseller { count = 2 }" '2: the name after role goes in quotes: role "bookseller"'
scenario_fails value_missing "$S\nrole \"r\" { count = }" '2: a value is missing after "count ="'
scenario_fails equals_missing "$S\nrole \"r\" { count 2 }" '2: an "=" is probably missing between "count" and "2"'
scenario_fails fr_time "$S\narrivals \"a\" { to = \"b\", rate = { [14h00] = per_hour(3) } }" \
    '2: 14h00 is not a time remous reads: write "14:00" (in quotes, with a colon)'
scenario_fails fr_hour "$S\narrivals \"a\" { to = \"b\", rate = { 9h = per_hour(3) } }" \
    '2: 9h is not a time remous reads: write "09:00" (in quotes, with a colon)'
scenario_fails fr_time_quoted "$S\narrivals \"a\" { to = \"b\", rate = { [\"14h00\"] = per_hour(3) } }" \
    '2: arrivals "a": rate: "14h00" is not a time of day: write ["14:00"] (hours:minutes, in quotes)'
scenario_fails fr_hour_quoted "$S\narrivals \"a\" { to = \"b\", rate = { [\"10:00\"] = per_hour(6), [\"14h\"] = per_hour(3) } }" \
    '2: arrivals "a": rate: "14h" is not a time of day: write ["14:00"] (hours:minutes, in quotes)'
scenario_fails time_unquoted "$S\narrivals \"a\" { to = \"b\", rate = { 14:00 = per_hour(3) } }" \
    '2: a time of day is written in quotes and brackets: ["14:00"] = ...'
scenario_fails time_no_brackets "$S\narrivals \"a\" { to = \"b\", rate = { \"14:00\" = per_hour(3) } }" \
    '2: a time of day is written in quotes and brackets: ["14:00"] = ...'
scenario_fails quoted_key "$S\nactivity \"a\" { duration = 1, next = { \"checkout\" = 0.7, exit = 0.3 } }" \
    '2: a name in quotes cannot be set with "=": write checkout = ... or ["checkout"] = ...'
scenario_fails unit_suffix "$S\nactivity \"a\" { duration = 30min }" '2: 30min is not a number: write minutes(30)'
scenario_fails brace_at_eof "$S\nrole \"r\" {\n  count = 2,\n" '3: a "}" is missing at the end of the file (to close the "{" of line 2)'
scenario_fails brace_before_next "$S\nrole \"r\" {\n  count = 2,\n\nactivity \"a\" { duration = 1 }\nactivity \"b\" { duration = 1 }" \
    '3: a "}" is probably missing at the end of this line (to close the "{" of line 2)'
scenario_fails brace_before_local "$S\ntask \"till\" {\n  every = \"mon 18:00\",\n  duration = 20,\n\nlocal n = 2" \
    '4: a "}" is probably missing at the end of this line (to close the "{" of line 2)'
scenario_fails brace_extra "$S\nrole \"r\" { count = 2 }}" '2: this "}" closes nothing: remove it'
scenario_fails paren_missing "$S\nrole \"r\" { count = param(\"n\", 2 }" '2: a ")" is probably missing before "}"'
scenario_fails end_missing "$S\nactivity \"a\" { duration = 1, next = function(item)\n  return \"exit\"\n}" \
    '3: an "end" is probably missing at the end of this line (to close the "function" of line 2)'
scenario_fails long_comment "$S\n--[[ the old variant\nrole \"r\" { count = 2 }" \
    '2: the comment opened with "--[[" on this line is never closed ("]]" is missing)'
scenario_fails smart_quotes 'scenario \342\200\234x\342\200\235 { horizon = 100 }' \
    '1: “ is a typographic quote (pasted from a word processor?): type a plain " instead'
scenario_fails french_quotes 'scenario \302\253 x \302\273 { horizon = 100 }' '1: « is a French quotation mark: type a plain " instead'
scenario_fails nbsp 'scenario "x" {\302\240horizon = 100 }' \
    '1: this line has a non-breaking space (pasted from a word processor?): retype it as an ordinary space'
scenario_fails decl_comma "$S\narrivals \"walk_in\", { interarrival = 3 }" '2: remove the ",": a declaration is written arrivals "walk_in" { ... }'
scenario_fails double_comma "$S\nrole \"r\" { count = 2,, }" '2: one comma too many here: remove it'
scenario_fails extra_end "$S\nlocal function f() return 1 end end" '2: this "end" closes nothing: remove it'
scenario_fails paren_before_comma "$S\narrivals \"a\" { to = \"b\",\n  patience = uniform(10, 25,\n}" \
    '3: a ")" is probably missing before the comma that ends this line (to close the "(" of this line)'
scenario_fails paren_of_function "$S\nvariant \"v\" {\n  apply = function(\n    role \"clerk\" { count = 1 }\n  end,\n}" \
    '3: a ")" is probably missing at the end of this line (to close the "(" of this line)'
scenario_fails percent "$S\nactivity \"a\" { duration = 1, next = { exit = 70%, b = 30% } }" \
    '2: 70% is not a number remous reads: write 0.7 (a share is a number from 0 to 1)'
scenario_fails unit_apart "$S\nactivity \"a\" { duration = 5 minutes }" '2: "5 minutes" is not a number: write minutes(5)'
# a bare word where a name in quotes was meant: nil, the field would vanish
scenario_fails bare_role "$S\nrole \"bookseller\" { count = 1 }\narrivals \"a\" { interarrival = 3, to = \"b\" }\nactivity \"b\" { duration = 1, role = bookseller }" \
    '4: bookseller is the name of a role: write it in quotes, "bookseller"'
scenario_fails bare_word "$S\narrivals \"a\" { interarrival = 3, to = \"b\" }\nactivity \"b\" { duration = 1, kind = core }" \
    '3: "core" is not a word of the scenario language (a name? write it in quotes, "core")'
scenario_fails bare_dist "$S\narrivals \"a\" { interarrival = expnential, to = \"b\" }\nactivity \"b\" { duration = 1 }" \
    '2: "expnential" is not a word of the scenario language (did you mean "exponential"?)'
scenario_fails defined_later "$S\narrivals \"a\" { interarrival = 3, to = \"b\" }\nactivity \"b\" { duration = 1, next = route }\nfunction route(item) return \"exit\" end" \
    '3: route is used here before it is defined (line 4): move its definition above'
# what stays allowed: a global given a value after its first read, a hook's own state
printf '%s\n' "$S" 'gap = gap or 3' 'arrivals "a" { interarrival = gap, to = "b" }' \
    'activity "b" { duration = 1, next = function(item) served = (served or 0) + 1 return "exit" end }' > bare_ok.lua
expect 0 "a global read before its value, a hook's state" -- "$remous" run bare_ok.lua --reps 1 --quiet
printf 'if jit then x = 1 end\nreturn { n = 2 }\n' > barelib.lua
printf 'local lib = require("barelib")\n%s\nrole "r" { count = lib.n }\n' "$S" > bare_lib.lua
expect 0 "a module may test for a global that does not exist" -- "$remous" check bare_lib.lua
scenario_fails semicolon "$S\nactivity \"a\" { duration = uniform(5; 10) }" '2: write a comma between the values, not ";"'
scenario_fails slash_comment "$S // the horizon" '1: a comment starts with "--", not "//"'
scenario_fails hash_comment "# my scenario\n$S" '1: a comment starts with "--", not "#"'
scenario_fails field_as_call "$S\nrole \"r\" {\n  count = 2,\n  absence { every = exponential(days(45)), lasts = 3 },\n}" \
    '4: "absence" is not a word of the scenario language (a field? write absence = ...)'
scenario_fails decimal_next "$S\narrivals \"a\" { interarrival = 3, to = \"b\" }\nactivity \"b\" { duration = 1, next = { exit = 0,7, c = 0,3 } }\nactivity \"c\" { duration = 1 }" \
    '3: activity "b": next: 0,7 is read as two numbers: a decimal is written with a dot, 0.7'
scenario_fails field_as_call_string "$S\ncalendar \"shop\" { \"mon-fri 09:00-17:00\" }\nrole \"r\" {\n  count = 2,\n  calendar \"shop\",\n}" \
    '5: role "r": a field is set with "=": write calendar = "shop"'
scenario_fails accent_word "$S\nactivit\303\251 \"a\" { duration = 1 }" '2: "activité" is not a word of the scenario language (did you mean "activity"?)'
scenario_fails accent_local "$S\nlocal dur\303\251e = 3" '2: "durée": letters with accents are read only inside quotes: write duree (or, for a name, "durée")'
scenario_fails decimal_field "$S\ntool \"t\" {\n  description = \"a, b\",\n  adoption = 0,8,\n}" \
    '4: tool "t": 0,8 is read as two numbers: a decimal is written with a dot, 0.8'
scenario_fails decimal_dist "$S\nactivity \"a\" { duration = exponential(0,8) }" \
    '2: exponential: 0,8 is read as two numbers: a decimal is written with a dot, 0.8'
scenario_fails decimal_days 'scenario "x" { horizon = days(2,5) }' '1: days: 2,5 is read as two numbers: a decimal is written with a dot, 2.5'
scenario_fails extra_number "$S\nactivity \"a\" { duration = uniform(1, 2, 3) }" '2: uniform takes 2 numbers (a, b), got 3'
scenario_fails brace_extra_next_line "$S\nrole \"r\" { count = 1,\n  }}" '3: this "}" closes nothing: remove it'
# a long file: the rewrite walks its lines once, within the load's time
{ printf '%s\nrole "r" {\n  count = 2,\n' "$S"; seq 200000 | sed 's/^/  -- note /'; } > long.lua
expect 2 "a long file missing its }" -- env REMOUS_LOAD_TIMEOUT=2 "$remous" check long.lua
stderr_is "a long file missing its }" 'remous: long.lua:3: a "}" is missing at the end of the file (to close the "{" of line 2)'
# a file saved on Windows: CRLF line ends, a byte-order mark
printf '%s\r\n' "$S" 'role "r" {' '  count = 2' '  calendar = "always",' '}' > crlf.lua
expect 2 "CRLF line ends" -- "$remous" check crlf.lua
stderr_is "CRLF line ends" 'remous: crlf.lua:3: a comma is probably missing at the end of this line (the next line starts "calendar")'
{ printf '\357\273\277'; cat "$mm"; } > bom.lua
expect 0 "a byte-order mark is skipped, as Lua's loadfile does" -- "$remous" check bom.lua
# ... in a module it requires, and in a CSV file it reads (a spreadsheet's "CSV UTF-8")
mkdir -p bom_dir
printf '\357\273\277return { servers = 2 }\n' > bom_dir/staff.lua
printf '\357\273\277minutes\n1.5\n2.5\n' > bom_dir/times.csv
printf '%s\n' 'local staff = require "staff"' 'scenario "b" { horizon = 100 }' 'role "r" { count = staff.servers }' \
    'arrivals "a" { interarrival = exponential(1), to = "s" }' \
    'activity "s" { role = "r", duration = empirical("times.csv", "minutes") }' > bom_dir/s.lua
expect 0 "a byte-order mark in a module and in a CSV file" -- "$remous" check bom_dir/s.lua
[ "$(cat out)" = "bom_dir/s.lua: ok" ] && ok || ko "a byte-order mark in a module and in a CSV file: $(cat out)"
printf '#!/usr/bin/env remous\nreturn { servers = nil + 1 }\n' > bom_dir/staff.lua
expect 2 "a #! line in a module" -- "$remous" check bom_dir/s.lua
stderr_is "a #! line in a module" 'remous: bom_dir/staff.lua:2: attempt to perform arithmetic on a nil value'
# in a hook, at run time (exit 1): the same words
printf '%s\n' "$S" 'arrivals "a" { interarrival = 1, to = "b" }' \
    'activity "b" { duration = 1, next = function(item) if mathh.random() < 0.5 then return "exit" end return "exit" end }' > hook_word.lua
expect 1 "an unknown word in a hook" -- "$remous" run hook_word.lua --reps 1 --quiet
stderr_is "an unknown word in a hook" 'remous: hook_word.lua:3: "mathh" is not a word of the scenario language (did you mean "math"?)'
# a message no rule knows stays Lua's own, on one line
scenario_fails lua_own "$S\nx = nil + 1" '2: attempt to perform arithmetic on a nil value'

printf 'scenario "x" { horizon = 100 }\narrivals "a" { interarrival = 1, to = "b" }\nactivity "b" { duration = 1,\n  next = function(item) return 3 end }\n' > hook.lua
expect 1 "a hook failing during the run" -- "$remous" run hook.lua --out hook_out
stderr_is "a hook failing" 'remous: hook.lua:4: activity "b": next function returned number, not a step name'
[ ! -e hook_out/summary.csv ] && ok || ko "a failed run writes no summary.csv"

expect 0 "check" -- "$remous" check "$mm"
[ "$(cat out)" = "$mm: ok" ] && ok || ko "check says ok"

# a C call that never ends (a backtracking pattern) is stopped by the watchdog
printf 'local s = string.rep("a", 30000)\nlocal x = s:find(".-.-.-b")\n' > slow.lua
expect 2 "a runaway pattern" -- env REMOUS_LOAD_TIMEOUT=1 "$remous" check slow.lua
stderr_is "a runaway pattern" "remous: slow.lua: loading took more than 1 s inside one call of a string or table function: stopped (a pattern that backtracks without end, or a huge text or table?)"

# outputs: the contract's headers, determinism, no temporary files left
expect 0 "run with --out" -- "$remous" run "$mm" --reps 3 --seed 7 --set servers=4 --out a --quiet
[ ! -s out ] && ok || ko "--quiet prints nothing"
[ "$(ls -A a | tr "\n" " ")" = "params.csv replications.csv summary.csv timeseries.csv " ] && ok || ko "exactly four files in --out: $(ls -A a)"
[ "$(head -1 a/summary.csv)" = "$(printf 'variant,element,name,metric,mean,ci95_low,ci95_high,stdev,n\r')" ] && ok || ko "summary.csv header"
[ "$(head -1 a/replications.csv)" = "$(printf 'variant,replication,element,name,metric,value\r')" ] && ok || ko "replications.csv header"
grep -q "^baseline,servers,4,--set" a/params.csv && ok || ko "params.csv echoes --set servers=4"
grep -q "^baseline,service,2.55,default" a/params.csv && ok || ko "params.csv echoes the default of service"
grep -q "^baseline,queue,serve,wait_mean,.*,3" a/summary.csv && ok || ko "summary has n = 3 replications"
[ "$(grep -c ',person,server#[0-9]*,utilization,' a/replications.csv)" -eq 12 ] && ok || ko "4 people x 3 replications"

expect 0 "same run again" -- "$remous" run "$mm" --reps 3 --seed 7 --set servers=4 --out b
for f in summary.csv replications.csv timeseries.csv params.csv; do
    cmp -s "a/$f" "b/$f" && ok || ko "$f is byte-identical for the same seed"
done
head -1 out | grep -q '^M/M/3 — baseline, 3 replications, seed 7' && ok || ko "the table's title line"
# the table in French: its words from the catalog, decimal commas, one replication in the singular
expect 0 "the table in French" -- "$remous" run "$mm" --reps 1 --seed 7 --set servers=4 --lang fr
[ "$(head -1 out)" = "M/M/3 — situation actuelle, 1 réplication, graine 7 (moyenne ± intervalle à 95 % ; durées en minutes)" ] &&
    ok || ko "the French table's title line: $(head -1 out)"
[ "$(sed -n 3,4p out)" = "Files d'attente          attente moyenne    attente p90        longueur moyenne   abandons           refoulés          
  serve                  0,613              2,21               0,615              0                  0                 " ] &&
    ok || ko "the French table's queues: $(sed -n 3,4p out)"
expect 0 "another seed" -- "$remous" run "$mm" --reps 3 --seed 8 --set servers=4 --out c --quiet
cmp -s a/summary.csv c/summary.csv && ko "another seed gives other numbers" || ok

# names that need quoting go through libcsv's escaping
cat > quoted.lua <<'LUA'
scenario "q" { horizon = 100, replications = 2 }
role 'front, "desk"' {}
arrivals "a" { interarrival = 10, to = "s" }
activity "s" { role = 'front, "desk"', duration = 5 }
LUA
expect 0 "names with a comma and quotes" -- "$remous" run quoted.lua --out q --quiet
grep -q "$(printf '^baseline,role,"front, ""desk""",utilization,0.45,0.45,0.45,0,2\r$')" q/summary.csv && ok ||
    ko "a name with a comma and quotes is quoted, its quotes doubled: $(grep utilization q/summary.csv | head -1)"

expect 2 "compare without variants" -- "$remous" compare "$mm"
stderr_is "compare without variants" "remous: $mm has no variant to compare with the baseline: declare one, e.g. variant \"online payment\" { tools = { \"online_payment\" } }"

# --jobs: the same bytes whatever the number of processes
expect 0 "compare, one process" -- "$remous" compare "$top/scenarios/bookstore.lua" --reps 6 --jobs 1 --out j1 --quiet
expect 0 "compare, three processes" -- "$remous" compare "$top/scenarios/bookstore.lua" --reps 6 --jobs 3 --out j3 --quiet
for f in summary.csv replications.csv timeseries.csv compare.csv params.csv; do
    cmp -s "j1/$f" "j3/$f" && ok || ko "$f is byte-identical with --jobs 1 and --jobs 3"
done
# a hook keeping state: each replication starts from the loaded scenario
st="$top/tests/scenarios/stateful_hook.lua"
for j in 1 2 3; do
    expect 0 "a stateful hook, --jobs $j" -- "$remous" run "$st" --jobs $j --out st$j --quiet
done
cmp -s st1/summary.csv st2/summary.csv && cmp -s st1/summary.csv st3/summary.csv && ok ||
    ko "a stateful hook gives the same summary.csv with --jobs 1, 2 and 3"
# common random numbers with hooks: each hook has its own math.random stream,
# so a variant changing only A's arrivals leaves every figure of B as it was
th="$top/tests/scenarios/two_hooked_lines.lua"
for j in 1 3; do
    expect 0 "two hooked lines, compare --jobs $j" -- "$remous" compare "$th" --jobs $j --out th$j
    mv out th$j.digest
done
[ "$(tr -d '\r' < th1/compare.csv | awk -F, '$3 ~ /^b_/' | wc -l)" = 27 ] &&
    [ "$(tr -d '\r' < th1/compare.csv | awk -F, '$3 ~ /^b_/ && ($7 != "0" || $11 != "false" || $12 != "false")' | wc -l)" = 0 ] && ok ||
    ko "two hooked lines: B's 27 rows of compare.csv have a delta of exactly 0, not significant, not listed"
[ "$(tr -d '\r' < th1/compare.csv | awk -F, '$3 ~ /^a_/ && $11 == "true"' | wc -l)" -gt 0 ] && ok ||
    ko "two hooked lines: A's figures do change"
grep -q '“a work”' th1.digest && ! grep -q '“b \|b_' th1.digest && ok || ko "two hooked lines: the digest names A, never B"
cmp -s th1/compare.csv th3/compare.csv && cmp -s th1/replications.csv th3/replications.csv && ok ||
    ko "two hooked lines: the same figures with --jobs 1 and 3"
# a next hook answering "file" and "exit" in turn: each answer is its own step
an="$top/tests/scenarios/alternating_next.lua"
expect 0 "a next hook alternating between two steps" -- "$remous" compare "$an" --out an --quiet
[ "$(grep -E '^[^,]*,activity,(sort|file|scan),completed,' an/summary.csv | cut -d, -f1,3,5 | tr '\n' ' ')" = \
  "baseline,sort,19 baseline,file,10 with a scan,sort,19 with a scan,file,10 with a scan,scan,10 " ] && ok ||
    ko "a next hook alternating: 19 sorted, the 10 odd ids filed (and scanned in the variant)"
for j in 1 2 3; do
    expect 0 "a hook drawing math.random, run --jobs $j" -- "$remous" run "$th" --jobs $j --out thr$j --quiet
done
cmp -s thr1/replications.csv thr2/replications.csv && cmp -s thr1/replications.csv thr3/replications.csv && ok ||
    ko "a hook's draws do not depend on --jobs (replications.csv with --jobs 1, 2 and 3)"
# (os.exit ends the process without freeing: LeakSanitizer, under make asan, would report it)
expect 1 "a hook ending the process, one job" -- env ASAN_OPTIONS=detect_leaks=0 "$remous" run --unsafe "$top/tests/scenarios/exit_hook.lua" --jobs 1
stderr_is "a hook ending the process, one job" "remous: replication 1 ended without results (did a hook exit the process?)"
expect 1 "a hook ending the process, two jobs" -- env ASAN_OPTIONS=detect_leaks=0 "$remous" run --unsafe "$top/tests/scenarios/exit_hook.lua" --jobs 2
stderr_is "a hook ending the process, two jobs" "remous: replication 1 ended without results (did a hook exit the process?)"
expect 1 "a hook failing in a worker" -- "$remous" run hook.lua --reps 4 --jobs 2
stderr_is "a hook failing in a worker" 'remous: hook.lua:4: activity "b": next function returned number, not a step name'

# the progress bar: on a terminal only, never with --quiet
expect 0 "no bar when stderr is not a terminal" -- "$remous" run "$mm" --reps 2
[ ! -s err ] && ok || ko "stderr is empty when it is not a terminal: $(cat err)"
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then   # (a pseudo-terminal can be made)
    script -qec "$remous run $mm --reps 3 --jobs 1 >/dev/null" /dev/null > tty.out 2>&1
    grep -q "runs" tty.out && ok || ko "a progress bar on a terminal"
    script -qec "$remous run $mm --reps 3 --quiet" /dev/null > tty.out 2>&1
    [ ! -s tty.out ] && ok || ko "no bar with --quiet on a terminal"
fi

# sweeps: shards merged are what one machine writes; resume after a kill
bs="$top/scenarios/bookstore.lua"
grid="--grid booksellers=1,2,3 --grid readers_per_hour=8,16 --reps 3 --quiet"
expect 0 "a sweep" -- "$remous" sweep "$bs" --grid booksellers=1,2,3 --grid readers_per_hour=8,16 --reps 3 \
    --out whole --rank queue:counter:wait_mean
head -1 out | grep -q "^Grid points ranked on queue counter wait_mean" && ok || ko "the ranking is printed"
grep -q "best$" out && ok || ko "the ranking marks the best"
[ "$(head -1 whole/summary.csv | tr -d '\r')" = "variant,element,name,booksellers,readers_per_hour,metric,mean,ci95_low,ci95_high,stdev,n" ] &&
    ok || ko "summary.csv has the grid columns before metric"
# a point's files are not synced one by one: each process syncs the file
# system once a second at most, after a point, and the sweep once more when
# its points are done (6 points of 1 replication on 2 worker processes: 2
# syncs of the workers and 1 of the sweep when each process takes less than
# a second; one more a worker for each second beyond)
t0=$(date +%s)
# (LeakSanitizer cannot run under ptrace: off for this run of an ASan build)
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -qq -e trace=fsync,fdatasync,syncfs,openat -o trace.txt \
    "$remous" sweep "$bs" --grid booksellers=1,2,3 --grid readers_per_hour=8,16 --reps 1 --jobs 2 --quiet --out synced ||
    ko "a sweep under strace"
took=$(( $(date +%s) - t0 ))
fsyncs=$(grep -c -e 'fsync(' -e 'fdatasync(' trace.txt)
[ "$fsyncs" = 1 ] && ok || ko "the sweep's points are not synced file by file (only points.csv is): $fsyncs fsync"
syncs=$(grep -c 'syncfs(' trace.txt)
[ "$syncs" -ge 1 ] && [ "$syncs" -le $((3 + 2 * took)) ] && ok ||
    ko "the sweep syncs once per batch of points: $syncs syncfs in $took s"
last_done=$(grep -n '/done", O_WRONLY' trace.txt | tail -1 | cut -d: -f1)
last_sync=$(grep -n 'syncfs(' trace.txt | tail -1 | cut -d: -f1)
[ "${last_sync:-0}" -gt "${last_done:-0}" ] && ok || ko "the last sync comes after the last point (line $last_sync, $last_done)"
expect 0 "shard 1/2" -- "$remous" sweep "$bs" $grid --out s1 --shard 1/2
expect 0 "shard 2/2" -- "$remous" sweep "$bs" $grid --out s2 --shard 2/2
expect 0 "merge" -- "$remous" merge s1 s2 --out merged
for f in summary.csv replications.csv timeseries.csv params.csv sweep.txt; do
    cmp -s "whole/$f" "merged/$f" && ok || ko "merged $f is byte-identical to one machine's"
done
expect 2 "a missing shard" -- "$remous" merge s1 --out nope
stderr_is "a missing shard" "remous: point 1 is missing from every folder: a shard did not finish or is not given"
expect 2 "a shard given twice" -- "$remous" merge s1 s1 s2 --out nope
stderr_is "a shard given twice" "remous: point 0 is in both s1 and s1: the shards overlap"
# a damaged point stops the merge with its file and line, before anything is written
damaged() {   # damaged DESCRIPTION 'COMMAND ON c/points/000003' 'FILE:LINE: WHAT'
    rm -rf c cm && cp -r s2 c && sh -c "$2"
    expect 2 "merging $1" -- "$remous" merge s1 c --out cm
    stderr_is "merging $1" "remous: c/points/000003/$3: the point is damaged; delete c/points/000003 and run its sweep or shard again with --resume"
    [ ! -e cm ] && ok || ko "merging $1 writes nothing: $(ls -A cm)"
}
P=c/points/000003
damaged "a truncated file" "head -n 3 $P/replications.csv > x && printf 'baseline,1,queue' >> x && mv x $P/replications.csv" \
    'replications.csv:4: the last line is cut short'
damaged "another file's header" "sed -i '1s/element/replication/' $P/summary.csv" \
    'summary.csv:1: column 2 of the header is "replication", where remous writes "element"'
damaged "a header short of a column" "sed -i '1s/,n\r\$/\r/' $P/summary.csv" \
    'summary.csv:1: the header has 10 columns where remous writes 11'
damaged "garbage bytes" "printf '\211PNG\r\n\032\n\0\0junk' > $P/timeseries.csv" 'timeseries.csv:3: a NUL byte'
damaged "a quote out of place" "sed -i '3s/,queue,/,\"queue\"x,/' $P/summary.csv" \
    'summary.csv:3: not CSV as remous writes it (error parsing data while strict checking enabled)'
damaged "a header-only file" "head -n 1 $P/params.csv > x && mv x $P/params.csv" 'params.csv:2: the header and no rows'
damaged "an empty file" ": > $P/params.csv" 'params.csv:1: the file is empty'
damaged "a row with a non-number" "sed -i '2s/,wait_mean,[0-9.]*,/,wait_mean,abc,/' $P/summary.csv" \
    'summary.csv:2: column "mean": "abc" is not a number'
damaged "a row with a field too many" "sed -i '5s/\r\$/,9\r/' $P/replications.csv" 'replications.csv:5: 9 fields where the header has 8'
damaged "another point's file" "cp c/points/000001/summary.csv $P/summary.csv" \
    'summary.csv:2: booksellers is "1" where this point has "2"'
# the points a sweep makes are checked as they are written, by the process
# that wrote them; a point made before a --resume is checked before the
# final files, as a merge checks it
rm -rf rs && cp -r whole rs && sed -i '2s/,wait_mean,[0-9.]*,/,wait_mean,abc,/' rs/points/000003/summary.csv
expect 2 "resuming a sweep with a damaged point" -- "$remous" sweep "$bs" $grid --out rs --resume
stderr_is "resuming a sweep with a damaged point" 'remous: rs/points/000003/summary.csv:2: column "mean": "abc" is not a number: the point is damaged; delete rs/points/000003 and run its sweep or shard again with --resume'
rm -rf rs/points/000003
expect 0 "resuming after the damaged point was deleted" -- "$remous" sweep "$bs" $grid --out rs --resume
cmp -s whole/summary.csv rs/summary.csv && ok || ko "the resumed sweep's summary.csv is the whole sweep's"
# shards that do not belong together: another period, another scenario text under the same name
expect 0 "a shard with another period" -- "$remous" sweep "$bs" $grid --out sp2 --shard 2/2 --period 1d
expect 2 "merging shards of different periods" -- "$remous" merge s1 sp2 --out nope
stderr_is "merging shards of different periods" "remous: s1 and sp2 are not shards of the same sweep (their sweep.txt differ)"
mkdir -p edited && sed 's/param("booksellers", 2,/param("booksellers", 3,/' "$bs" > edited/bookstore.lua
expect 0 "a shard of an edited copy" -- "$remous" sweep edited/bookstore.lua $grid --out se2 --shard 2/2
expect 2 "merging shards of different scenario texts" -- "$remous" merge s1 se2 --out nope
stderr_is "merging shards of different scenario texts" "remous: s1 and se2 are not shards of the same sweep: they were made from different contents of bookstore.lua (their sweep.txt differ)"
# what the scenario reads as it loads counts as the scenario: its CSV files, its
# modules, and a module looked for where it was not (one put there is read instead)
mkdir -p reads
printf 'return { servers = 2 }\n' > reads/staff.lua
printf 'minutes\n1.5\n2.5\n0.5\n' > reads/times.csv
printf '%s\n' 'local staff = require "staff"' 'local ok, extra = pcall(require, "extra")' 'scenario "b" { horizon = 200 }' \
    'role "r" { count = param("servers", staff.servers) }' 'arrivals "a" { interarrival = exponential(1), to = "s" }' \
    'activity "s" { role = "r", duration = empirical("times.csv", "minutes") }' > reads/s.lua
rgrid="--grid servers=1,2,3 --reps 2 --quiet"
expect 0 "a sweep of a scenario that reads files" -- "$remous" sweep reads/s.lua $rgrid --out rw
grep '^input ' rw/sweep.txt > inputs.txt
printf '%s\n' 'input absent extra.lua' "input absent remous's scripts/extra.lua" 'input ddf764ad6067bcae staff.lua' \
    'input 017f7d7da16e3242 times.csv' | cmp -s - inputs.txt && ok || ko "sweep.txt lists the files read, by name: $(cat inputs.txt)"
expect 0 "a shard before the data changed" -- "$remous" sweep reads/s.lua $rgrid --out r1 --shard 1/2
printf 'minutes\n1.5\n2.5\n0.7\n' > reads/times.csv
expect 2 "resuming after a CSV file changed" -- "$remous" sweep reads/s.lua $rgrid --out rw --resume
stderr_is "resuming after a CSV file changed" "remous: --resume: times.csv has changed since the sweep in rw began (the scenario reads it); give another --out, or drop --resume to start again"
expect 0 "a shard after the data changed" -- "$remous" sweep reads/s.lua $rgrid --out r2 --shard 2/2
expect 2 "merging shards of different data" -- "$remous" merge r1 r2 --out rm
stderr_is "merging shards of different data" "remous: r1 and r2 are not shards of the same sweep: they were made from different contents of times.csv (their sweep.txt differ)"
[ ! -e rm ] && ok || ko "a refused merge writes nothing"
printf 'minutes\n1.5\n2.5\n0.5\n' > reads/times.csv
expect 0 "resuming with the data as it was" -- "$remous" sweep reads/s.lua $rgrid --out rw --resume
printf 'return { servers = 3 }\n' > reads/staff.lua
expect 2 "resuming after a module changed" -- "$remous" sweep reads/s.lua $rgrid --out rw --resume
stderr_is "resuming after a module changed" "remous: --resume: staff.lua has changed since the sweep in rw began (the scenario reads it); give another --out, or drop --resume to start again"
printf 'return { servers = 2 }\n' > reads/staff.lua
printf 'return {}\n' > reads/extra.lua
expect 2 "resuming after a module appeared" -- "$remous" sweep reads/s.lua $rgrid --out rw --resume
stderr_is "resuming after a module appeared" "remous: --resume: extra.lua has changed since the sweep in rw began (the scenario reads it); give another --out, or drop --resume to start again"
rm reads/extra.lua
printf -- '-- a note\n' >> reads/s.lua
expect 2 "resuming after the scenario changed" -- "$remous" sweep reads/s.lua $rgrid --out rw --resume
stderr_is "resuming after the scenario changed" "remous: --resume: s.lua has changed since the sweep in rw began (the scenario itself); give another --out, or drop --resume to start again"
# files only some points read (a name made from a grid value): each point's done
# file lists what its load read, and resume and merge check those too
mkdir -p per
for i in 1 2 3; do printf 'minutes\n1.5\n2.5\n0.5\n' > per/times$i.csv; done
cp per/times1.csv per/extra.csv
printf '%s\n' 'local n = param("servers", 1)' 'local d = empirical("times" .. n .. ".csv", "minutes")' \
    'if n > 1 then d = empirical("extra.csv", "minutes") end' 'scenario "b" { horizon = 200 }' 'role "r" { count = n }' \
    'arrivals "a" { interarrival = exponential(1), to = "s" }' 'activity "s" { role = "r", duration = d }' > per/s.lua
expect 0 "a sweep whose points read files of their own" -- "$remous" sweep per/s.lua $rgrid --out pw
printf 'input 017f7d7da16e3242 extra.csv\ninput 017f7d7da16e3242 times3.csv\n' | cmp -s - pw/points/000002/done && ok ||
    ko "a point's done file lists the files its load read: $(cat pw/points/000002/done)"
expect 0 "shard 1/2, before a file of one point changed" -- "$remous" sweep per/s.lua $rgrid --out pw1 --shard 1/2
printf 'minutes\n9\n' > per/times3.csv
expect 2 "resuming after a file of one point changed" -- "$remous" sweep per/s.lua $rgrid --out pw --resume
stderr_is "resuming after a file of one point changed" "remous: --resume: times3.csv has changed since point 2 of the sweep in pw was run (the scenario reads it there); give another --out, or drop --resume to start again"
printf 'minutes\n7\n' > per/extra.csv
expect 0 "shard 2/2, after" -- "$remous" sweep per/s.lua $rgrid --out pw2 --shard 2/2
expect 2 "merging shards whose points read different contents" -- "$remous" merge pw1 pw2 --out pwm
stderr_is "merging shards whose points read different contents" "remous: pw2 and pw1 are not shards of the same sweep: their points 1 and 2 were made from different contents of extra.csv"
[ ! -e pwm ] && ok || ko "a refused merge writes nothing"
# ranking: a point without the metric comes last as "no value"; a grid of 300 values keeps its labels
small="$top/tests/scenarios/small_servers.lua"
expect 0 "ranking with a point that has no value" -- "$remous" sweep "$small" --grid service=1e12,2,3 \
    --rank arrivals:customers:cycle_time_mean --out nv
[ "$(sed -n 4p out | tr -s ' ')" = "$(printf ' 3. service=1e12 no value (the metric is not in this point'"'"'s summary)')" ] && ok ||
    ko "the point without a value is last: $(cat out)"
g300=$(seq -s, 1 300)
expect 0 "shard 1/2 of 300 points" -- "$remous" sweep "$small" --grid servers=$g300 --shard 1/2 --out w1 --quiet --reps 2
expect 0 "shard 2/2 of 300 points" -- "$remous" sweep "$small" --grid servers=$g300 --shard 2/2 --out w2 --quiet --reps 2
expect 0 "merge --rank of 300 points" -- "$remous" merge w1 w2 --out wm --rank role:server:utilization:min
sed -n 2p out | grep -q '^   1\. servers=300 ' && ok || ko "the best of 300 points is servers=300: $(sed -n 2p out)"
# one replication per point: the points themselves spread over --jobs, same files
expect 0 "a sweep of single replications, one process" -- "$remous" sweep "$small" --grid servers=1,2,3,4,5 \
    --grid service=1,2 --reps 1 --jobs 1 --out pj1 --quiet
expect 0 "a sweep of single replications, three processes" -- "$remous" sweep "$small" --grid servers=1,2,3,4,5 \
    --grid service=1,2 --reps 1 --jobs 3 --out pj3 --quiet
for f in summary.csv replications.csv timeseries.csv params.csv; do
    cmp -s "pj1/$f" "pj3/$f" && ok || ko "$f is byte-identical whether points run one by one or on three processes"
done
expect 2 "a bad point among points run in parallel" -- "$remous" sweep "$small" --grid servers=1,2,-1,4 --reps 1 \
    --jobs 3 --out pjbad --quiet
stderr_is "a bad point among points run in parallel" "remous: $small:3: role \"server\": count must be a whole number from 0 to 100000, got -1 (perhaps servers = -1, from --grid)"
[ ! -e pjbad/summary.csv ] && ok || ko "a failed sweep writes no final files"
# --resume into the folder of another sweep
expect 2 "resuming another sweep" -- "$remous" sweep "$bs" --grid booksellers=5,6 --reps 3 --quiet --out whole --resume
stderr_is "resuming another sweep" "remous: --resume: whole holds another sweep (its sweep.txt differs: scenario, grid, options or the scenario's contents); give another --out, or drop --resume to start again"
grep -q '^grid booksellers=1,2,3$' whole/sweep.txt && ok || ko "the refused resume leaves the sweep's manifest"
expect 2 "a grid param the scenario never reads" -- "$remous" sweep "$bs" --grid clerks=1,2 --out g
stderr_is "a grid param the scenario never reads" 'remous: --grid clerks: the scenario has no param("clerks")'
# killed midway (SIGKILL), then resumed: the same files
"$remous" sweep "$bs" --grid booksellers=1,2,3,4 --grid readers_per_hour=8,12,16 --reps 40 --jobs 1 --quiet --out killed &
pid=$!
while [ ! -e killed/points/000002/done ] && kill -0 $pid 2>/dev/null; do sleep 0.05; done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
[ ! -e killed/summary.csv ] && ok || ko "a killed sweep has no final files"
expect 0 "resume" -- "$remous" sweep "$bs" --grid booksellers=1,2,3,4 --grid readers_per_hour=8,12,16 --reps 40 --quiet --out killed --resume
expect 0 "uninterrupted" -- "$remous" sweep "$bs" --grid booksellers=1,2,3,4 --grid readers_per_hour=8,12,16 --reps 40 --quiet --out straight
for f in summary.csv replications.csv timeseries.csv params.csv; do
    cmp -s "killed/$f" "straight/$f" && ok || ko "resumed $f is byte-identical to an uninterrupted sweep"
done

# workers do not outlive a parent killed with SIGKILL (a killed parent's dead
# children may stay as zombies where nothing reaps them: those are gone)
descendants() { for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done; }
living() { for p in "$@"; do case "$(ps -o stat= -p "$p" 2>/dev/null)" in ''|Z*) ;; *) echo "$p" ;; esac; done; }
printf '%s\n' 'scenario "long" { horizon = 3e7 }' 'role "r" { count = param("servers", 2) }' \
    'arrivals "a" { interarrival = exponential(1), to = "s" }' 'activity "s" { role = "r", duration = exponential(1.5) }' > long.lua
orphans() {   # orphans DESCRIPTION COMMAND...: started, killed once its two workers run; none may remain
    what=$1; shift
    "$@" > /dev/null 2>&1 &
    parent=$!
    workers=
    for _ in $(seq 100); do workers=$(descendants $parent); [ "$(echo $workers | wc -w)" -ge 2 ] && break; sleep 0.05; done
    kill -KILL $parent; wait $parent 2>/dev/null
    left=
    for _ in $(seq 50); do left=$(living $workers); [ -z "$left" ] && break; sleep 0.1; done
    [ "$(echo $workers | wc -w)" -ge 2 ] && [ -z "$left" ] && ok ||
        ko "$what: workers ($workers) outlive their killed parent: $left"
    [ -n "$left" ] && kill -KILL $left 2>/dev/null
}
orphans "run --jobs 2" "$remous" run long.lua --reps 4 --jobs 2 --quiet
orphans "a sweep of single runs on two processes" "$remous" sweep long.lua --grid servers=2,3,4,5 --reps 1 --jobs 2 --quiet --out orph
orphans "hooks: a process per replication" "$remous" run "$st" --reps 100000 --jobs 2 --quiet

# the GNU parallel recipe: shards through parallel, merged, as one machine
expect 0 "the GNU parallel recipe" -- env REMOUS="$remous" "$top/scripts/parallel-sweep.sh" 3 par "$bs" $grid
for f in summary.csv replications.csv timeseries.csv params.csv sweep.txt; do
    cmp -s "whole/$f" "par/merged/$f" && ok || ko "the parallel recipe's $f is byte-identical to one machine's"
done
# paths with spaces and quotes stay whole through parallel and through the Slurm scripts
mkdir -p "odd 'dir" && cp "$bs" "odd 'dir/book store.lua"
expect 0 "the parallel recipe, paths with spaces" -- env REMOUS="$remous" "$top/scripts/parallel-sweep.sh" 2 \
    "par out" "odd 'dir/book store.lua" --grid booksellers=1,2 --reps 2 --quiet
grep -q '^baseline,queue,counter,1,wait_mean,' "par out/merged/summary.csv" && ok || ko "the parallel recipe with spaces merged its shards"
mkdir -p fakebin && printf '#!/bin/sh\necho 42\n' > fakebin/sbatch && chmod +x fakebin/sbatch
expect 0 "the Slurm script, paths with spaces and quotes" -- env PATH="$tmp/fakebin:$PATH" REMOUS="$remous" \
    "$top/scripts/slurm-sweep.sh" 2 slurm_out "odd 'dir/book store.lua" --grid booksellers=1,2 --reps 2
sh -n slurm_out/sweep.sbatch && ok || ko "the generated sweep.sbatch is valid sh"
SLURM_ARRAY_TASK_ID=1 sh slurm_out/sweep.sbatch && [ -e slurm_out/shard-1/points/000000/done ] && ok ||
    ko "the generated sweep.sbatch runs shard 1 with the quoted scenario path"
expect 2 "the Slurm script refuses an OUT it cannot quote" -- env PATH="$tmp/fakebin:$PATH" REMOUS="$remous" \
    "$top/scripts/slurm-sweep.sh" 2 "slurm out" "$bs" --grid booksellers=1,2
grep -q 'OUT must be a path of letters' err && ok || ko "the Slurm script says why it refuses OUT: $(cat err)"

# the Slurm script: CPUs per task from --jobs, the scenario's path made
# absolute, the merge's own sbatch options, the page drawn by the merge
mkdir -p logbin && printf '#!/bin/sh\nprintf "%%s\\n" "$*" >> "%s/sbatch.calls"\necho 42\n' "$tmp" > logbin/sbatch && chmod +x logbin/sbatch
mkdir -p sub && cp "$bs" sub/bookstore.lua
expect 0 "the Slurm script with --jobs, --rank and two sets of sbatch options" -- env PATH="$tmp/logbin:$PATH" REMOUS="$remous" \
    SBATCH_OPTIONS="--partition=compute" SBATCH_MERGE_OPTIONS="--partition=short --time=5" \
    "$top/scripts/slurm-sweep.sh" 2 slurm_cpus sub/bookstore.lua --grid booksellers=1,2 --reps 2 --jobs 4 \
    --rank queue:counter:wait_mean --lang fr
grep -qx '#SBATCH --cpus-per-task=4' slurm_cpus/sweep.sbatch && ok || ko "--cpus-per-task from --jobs: $(cat slurm_cpus/sweep.sbatch)"
grep -q "sweep '$tmp/sub/bookstore.lua' '--grid' 'booksellers=1,2' '--reps' '2' --jobs 4 --shard" slurm_cpus/sweep.sbatch && ok ||
    ko "the shards get the absolute scenario and --jobs, not --rank: $(tail -1 slurm_cpus/sweep.sbatch)"
grep -q -- "--out \"$tmp/slurm_cpus/merged\" --rank 'queue:counter:wait_mean' --lang 'fr' --html '$tmp/slurm_cpus/merged/sweep.html'\$" slurm_cpus/merge.sbatch &&
    ok || ko "the merge ranks and draws the page: $(tail -1 slurm_cpus/merge.sbatch)"
[ "$(sed -n 1p sbatch.calls)" = "--parsable --partition=compute $tmp/slurm_cpus/sweep.sbatch" ] && ok || ko "the shards' sbatch options: $(sed -n 1p sbatch.calls)"
[ "$(sed -n 2p sbatch.calls)" = "--parsable --partition=short --time=5 --kill-on-invalid-dep=yes --dependency=afterok:42 $tmp/slurm_cpus/merge.sbatch" ] &&
    ok || ko "the merge's sbatch options: $(sed -n 2p sbatch.calls)"
expect 0 "the Slurm script, defaults" -- env PATH="$tmp/logbin:$PATH" REMOUS="$remous" SBATCH_OPTIONS="--partition=compute" \
    "$top/scripts/slurm-sweep.sh" 2 slurm_one "$bs" --grid booksellers=1,2 --cpus-per-task 3
grep -qx '#SBATCH --cpus-per-task=3' slurm_one/sweep.sbatch && grep -q -- ' --jobs 3 --shard' slurm_one/sweep.sbatch && ok ||
    ko "--cpus-per-task given, --jobs follows: $(cat slurm_one/sweep.sbatch)"
[ "$(sed -n 4p sbatch.calls)" = "--parsable --partition=compute --kill-on-invalid-dep=yes --dependency=afterok:42 $tmp/slurm_one/merge.sbatch" ] &&
    ok || ko "the merge takes \$SBATCH_OPTIONS by default: $(sed -n 4p sbatch.calls)"
grep -q 'merged"$' slurm_one/merge.sbatch && ok || ko "no --rank, no page: $(tail -1 slurm_one/merge.sbatch)"
(cd slurm_cpus && SLURM_ARRAY_TASK_ID=2 sh sweep.sbatch) && [ -e slurm_cpus/shard-2/points/000001/done ] && ok ||
    ko "the generated sweep.sbatch runs from another folder"
(cd slurm_cpus && SLURM_ARRAY_TASK_ID=1 sh sweep.sbatch && sh merge.sbatch > merge.out) && grep -q '<html lang="fr">' slurm_cpus/merged/sweep.html &&
    ok || ko "the generated merge.sbatch draws the page in French"
# the GNU parallel recipe hands --rank and --html to the merge
expect 0 "the parallel recipe with --rank and --html" -- env REMOUS="$remous" "$top/scripts/parallel-sweep.sh" 2 par_rank "$bs" \
    --grid booksellers=1,2 --reps 2 --rank queue:counter:wait_mean --html par_rank.html
grep -q '^   1\. booksellers=' out && grep -q '<svg class="chart chart-sweep"' par_rank.html && ok || ko "the parallel recipe ranks and draws: $(cat out)"
expect 2 "the Slurm script refuses --out among the options" -- env PATH="$tmp/logbin:$PATH" REMOUS="$remous" \
    "$top/scripts/slurm-sweep.sh" 2 slurm_x "$bs" --grid booksellers=1,2 --out elsewhere
stderr_is "the Slurm script refuses --out among the options" "remous: --out: the script gives each shard its --shard and --out (OUT is its second argument)"
expect 0 "the parallel recipe takes --jobs" -- env REMOUS="$remous" "$top/scripts/parallel-sweep.sh" 2 par_jobs "$bs" \
    --grid booksellers=1,2 --reps 2 --jobs 2 --quiet
cmp -s par_jobs/merged/summary.csv par_rank/merged/summary.csv && ok || ko "the parallel recipe with --jobs 2 gives the same files"
expect 2 "a shard refuses --rank" -- "$remous" sweep "$bs" --grid booksellers=1,2 --shard 1/2 --out sr --rank queue:counter:wait_mean
stderr_is "a shard refuses --rank" "remous: --rank and --html go with the merge of a sharded sweep: a shard ranks and draws nothing (give them to remous merge) (see remous --help)"

# batch: a Lua script driving run, compare and sweep
expect 0 "the example batch script" -- "$remous" batch "$top/scripts/batch/smallest_team.lua"
[ "$(tail -1 out)" = "smallest team: 2 booksellers" ] && ok || ko "the batch script finds the smallest team: $(tail -1 out)"
# the consultant's case (README): with 5 replications, its exact answer and its CSV file
expect 0 "the cheapest option batch" -- "$remous" batch "$top/scripts/batch/cheapest_option.lua" --reps 5 --out cheapest
grep -qxF 'Answer: 8 of 15 options meet both targets; the cheapest: 1 pickup clerk, back-office adopted by 100% of the booksellers (wait 1.13 minutes, advising 66% of busy time).' out &&
    ok || ko "the cheapest option batch gives its answer: $(grep Answer out)"
grep -qxF '     0       20%   1.77 [ 1.31,  2.23] met         60% [ 57%,  64%] undecided  no' out && ok ||
    ko "the cheapest option batch: an interval across the level is undecided: $(sed -n 2p out)"
[ "$(tr -d '\r' < cheapest/cheapest_option.csv | wc -l)" = 16 ] &&
    [ "$(head -1 cheapest/cheapest_option.csv | tr -d '\r')" = "pickup_clerks,adoption,wait_mean,wait_low,wait_high,wait_verdict,advising_share_of_busy,advising_low,advising_high,advising_verdict,both_met" ] &&
    ok || ko "the cheapest option batch writes its table: $(head -2 cheapest/cheapest_option.csv)"
expect 0 "the cheapest option batch without --out" -- "$remous" batch "$top/scripts/batch/cheapest_option.lua" --reps 5
[ "$(tail -1 out)" = "Answer: 8 of 15 options meet both targets; the cheapest: 1 pickup clerk, back-office adopted by 100% of the booksellers (wait 1.13 minutes, advising 66% of busy time)." ] &&
    ok || ko "without --out, the answer is the last line: $(tail -1 out)"
cat > b.lua <<'LUA'
local r = run("mm.lua", { reps = 2, seed = 3 })
print(r.replications, r.variant, r.queue.serve.wait_mean.n, #r.queue.serve.wait_mean.values)
local c = compare("two_lines.lua", { reps = 3 })
print(c["faster B"].delta.queue.a_work.wait_mean.delta, c["faster B"].delta.queue.b_work.wait_mean.significant)
local points = sweep("mm.lua", { reps = 2, grid = { servers = { 3, 4 } } })
print(#points, points[2].values.servers, points[1].results.queue.serve.wait_mean.mean > points[2].results.queue.serve.wait_mean.mean)
LUA
cp "$mm" mm.lua
cp "$top/tests/scenarios/two_lines.lua" two_lines.lua
expect 0 "a batch script reads results as tables" -- "$remous" batch b.lua
[ "$(tr '\t' ' ' < out)" = "$(printf '2 baseline 2 2\n0.0 true\n2 4 true')" ] && ok || ko "batch results: $(cat out)"
printf 'run("bad.lua")\n' > bb.lua
expect 2 "a batch script running a bad scenario" -- "$remous" batch bb.lua
stderr_is "a batch script running a bad scenario" 'remous: bb.lua:1: ./bad.lua:2: role "a": count must be a whole number from 0 to 100000, got -2'
printf 'os.execute("ls")\n' > bs.lua
expect 2 "the batch sandbox" -- "$remous" batch bs.lua
stderr_is "the batch sandbox" 'remous: bs.lua:1: "os" is not a word of the batch language'
# the memory cap, which pcall cannot swallow (a megabyte made of 1000 copies
# of a kilobyte: string.rep copies its piece once per repetition, a million
# copies of one byte outlasted the 10 s limit under ASan)
cat > bm.lua <<'EOF'
local held, kilobyte = {}, string.rep("x", 1000)
while true do
  pcall(function() for i = 1, 1e9 do held[#held + 1] = string.rep(kilobyte, 1000) .. i end end)
end
EOF
expect 2 "a batch script holding ever more memory, under pcall" -- "$remous" batch bm.lua
stderr_is "a batch script holding ever more memory, under pcall" "remous: bm.lua: the batch script used more than 512 MB of memory: a table growing without end?"
printf 'print(pcall(error, "caught"))\nprint(xpcall(function() error("x", 0) end, function(m) return "handled " .. m end))\nprint(pcall(function(a, b) return a + b end, 1, 2))\n' > bp.lua
expect 0 "pcall and xpcall still catch ordinary errors" -- "$remous" batch bp.lua
[ "$(tr '\t' ' ' < out)" = "$(printf 'false caught\nfalse handled x\ntrue 3')" ] && ok || ko "batch pcall: $(cat out)"
# the options of run() and sweep(): each wrong one named, with the script's line
cp "$top/tests/scenarios/small_servers.lua" small.lua
# batch_fails NAME 'ONE LINE OF LUA' 'THE EXPECTED ERROR (after "remous: NAME.lua:1: ")'
batch_fails() {
    printf '%s\n' "$2" > "$1.lua"
    expect 2 "batch $2" -- "$remous" batch "$1.lua"
    stderr_is "batch $2" "remous: $1.lua:1: $3"
}
batch_fails bk 'run("small.lua", { set = { 3 } })' 'set: the names must be strings, as in { booksellers = 3 }'
# Lua's own messages, in the words of the batch language
batch_fails brn 'local r = rn("small.lua", { reps = 2 })' '"rn" is not a word of the batch language (did you mean "run"?)'
printf 'local r = run("small.lua", { reps = 2\n  seed = 3 })\n' > bcomma.lua
expect 2 "a batch script missing a comma" -- "$remous" batch bcomma.lua
stderr_is "a batch script missing a comma" 'remous: bcomma.lua:1: a comma is probably missing at the end of this line (the next line starts "seed")'
printf 'scenario "x" { horizon = 100 }\nrole "r" {\n  count = 2\n  calendar = "always",\n}\n' > bcs.lua
printf 'run("bcs.lua")\n' > bcr.lua
expect 2 "a batch script running a scenario missing a comma" -- "$remous" batch bcr.lua
stderr_is "a batch script running a scenario missing a comma" 'remous: bcr.lua:1: ./bcs.lua:3: a comma is probably missing at the end of this line (the next line starts "calendar")'
batch_fails br 'run("small.lua", { reps = "many" })' 'reps: expected a whole number from 1 to 10000000, got many'
batch_fails b53 'run("small.lua", { reps = 2, set = { servers = 2^53 } })' \
    './small.lua:3: role "server": count must be a whole number from 0 to 100000, got 9007199254740992 (perhaps servers = 9007199254740992, from the batch script)'
batch_fails bsw1 'sweep("small.lua", { grid = { servers = 3 } })' \
    'sweep: grid.servers must be a list of values, e.g. { 1, 2, 3 }'
batch_fails bsw2 'sweep("small.lua", { grid = { servers = { 2, -1 } } })' \
    './small.lua:3: role "server": count must be a whole number from 0 to 100000, got -1 (perhaps servers = -1, from the batch script)'
head -c 1100000 /dev/zero | tr '\0' ' ' > bhuge.lua
expect 2 "a batch script over 1 MB" -- "$remous" batch bhuge.lua
stderr_is "a batch script over 1 MB" "remous: bhuge.lua: a batch script is at most 1023 KB; move data into CSV files"

# batch: arguments, statistics and files of its own; options of a call checked
printf 'print(arg("booksellers", 2), math.type(arg("booksellers", 2)), arg("who", "x"), arg("fast", false), arg("share", 0.5))\n' > barg.lua
expect 0 "batch --set reaches arg()" -- "$remous" batch barg.lua --set booksellers=3 --set who=y --set fast=true --set share=0.25
[ "$(tr '\t' ' ' < out)" = "3 integer y true 0.25" ] && ok || ko "batch arg(): $(cat out)"
expect 0 "batch arg() defaults" -- "$remous" batch barg.lua
[ "$(tr '\t' ' ' < out)" = "2 integer x false 0.5" ] && ok || ko "batch arg() defaults: $(cat out)"
expect 2 "a batch --set the script never asks for" -- "$remous" batch barg.lua --set boksellers=3
stderr_is "a batch --set the script never asks for" 'remous: barg.lua: --set boksellers: the script never asks for it with arg("boksellers", default)'
expect 2 "a batch --set that is no number" -- "$remous" batch barg.lua --set booksellers=many
stderr_is "a batch --set that is no number" 'remous: barg.lua:1: --set booksellers: expected a number, got "many"'
printf 'print(run("small.lua").replications, run("small.lua", { reps = 2 }).replications)\n' > breps.lua
expect 0 "batch --reps: the default of its runs" -- "$remous" batch breps.lua --reps 3
[ "$(tr '\t' ' ' < out)" = "3 2" ] && ok || ko "batch --reps: $(cat out)"
cat > bstats.lua <<'LUA'
local v = { 2, 4, 4, 4, 5, 5, 7, 9 }
print(("%.6f %.6f %.6f"):format(stats.t_quantile(0.975, 9), stats.t_quantile(0.025, 9), stats.t_quantile(0.975, 7)))
print(("%.6f %.6f"):format(stats.mean(v), stats.sd(v)))
print(("%.6f %.6f %.6f"):format(stats.interval(v)))
print(stats.interval({ 3 }))
local w = run("small.lua", { reps = 5 }).arrivals.customers.cycle_time_mean
local m, lo, hi = stats.interval(w.values)
print(m == w.mean, lo == w.low, hi == w.high, stats.sd(w.values) == w.sd)
LUA
expect 0 "batch stats" -- "$remous" batch bstats.lua
# by hand: mean 5, sd sqrt(32/7) = 2.138090, half 2.364624 * 2.138090 / sqrt(8) = 1.787488
[ "$(tr '\t' ' ' < out)" = "$(printf '2.262157 -2.262157 2.364624\n5.000000 2.138090\n5.000000 3.212512 6.787488\n3.0 nil nil\ntrue true true true')" ] &&
    ok || ko "batch stats: $(cat out)"
batch_fails bst 'print(stats.t_quantile(1, 3))' 'stats.t_quantile: p must be between 0 and 1 (not included), got 1'
batch_fails bsm 'print(stats.mean({ 1, "x" }))' 'stats.mean: values[2] is not a number (got x)'
cat > bcsv.lua <<'LUA'
print(write_csv("points.csv", { { booksellers = 2, wait = 1.25, label = "a, b" }, { booksellers = 3, wait = 0.1 } }))
write_csv("lists.csv", { { "x", "y" }, { 1, 2.5 }, { 3 } })
write_csv("chosen.csv", { { b = 1, a = true } }, { columns = { "b", "a", "c" } })
write_csv("nan.csv", { { "a", "b", "c" }, { 0/0, -(0/0), 1/0 } })
LUA
expect 0 "batch write_csv" -- "$remous" batch bcsv.lua --out bres
[ "$(cat out)" = "bres/points.csv" ] && ok || ko "write_csv returns its path: $(cat out)"
[ "$(cat bres/points.csv)" = "$(printf 'booksellers,label,wait\r\n2,"a, b",1.25\r\n3,,0.1\r')" ] && ok || ko "write_csv records: $(cat -A bres/points.csv)"
[ "$(cat bres/lists.csv)" = "$(printf 'x,y\r\n1,2.5\r\n3,\r')" ] && ok || ko "write_csv lists: $(cat -A bres/lists.csv)"
[ "$(cat bres/chosen.csv)" = "$(printf 'b,a,c\r\n1,true,\r')" ] && ok || ko "write_csv columns: $(cat -A bres/chosen.csv)"
[ "$(cat bres/nan.csv)" = "$(printf 'a,b,c\r\n,,inf\r')" ] && ok || ko "write_csv: NaN (either sign) an empty field, as in summary.csv: $(cat -A bres/nan.csv)"
[ "$(ls -A bres | tr '\n' ' ')" = "chosen.csv lists.csv nan.csv points.csv " ] && ok || ko "write_csv leaves no temporary file: $(ls -A bres)"
batch_fails bcsv1 'write_csv("a.csv", { { a = 1 } })' 'write_csv: give the batch a folder for its files, e.g. remous batch bcsv1.lua --out results'
batch_fails bcsv2 'write_csv("../a.csv", { { a = 1 } })' 'write_csv: give the batch a folder for its files, e.g. remous batch bcsv2.lua --out results'
printf 'write_csv("../a.csv", { { a = 1 } })\n' > bcsv3.lua
expect 2 "write_csv out of --out" -- "$remous" batch bcsv3.lua --out bres
stderr_is "write_csv out of --out" 'remous: bcsv3.lua:1: write_csv: "../a.csv": give a plain file name such as "results.csv" (it goes into --out bres; no folder, no leading dot)'
printf 'write_csv("/tmp/a.csv", { { a = 1 } })\n' > bcsv4.lua
expect 2 "write_csv to an absolute path" -- "$remous" batch bcsv4.lua --out bres
stderr_is "write_csv to an absolute path" 'remous: bcsv4.lua:1: write_csv: "/tmp/a.csv": give a plain file name such as "results.csv" (it goes into --out bres; no folder, no leading dot)'
printf 'write_csv("w.csv", { { wait = 1 }, { wiat = 2 } })\n' > bcsv5.lua
expect 2 "write_csv, a key not a column" -- "$remous" batch bcsv5.lua --out bres
stderr_is "write_csv, a key not a column" 'remous: bcsv5.lua:1: write_csv: row 2 has "wiat", not a column (did you mean "wait"?)'
[ ! -e bres/w.csv ] && ok || ko "a refused write_csv writes nothing"
batch_fails brun1 'run("small.lua", { rep = 200, varaint = "x" })' 'run: unknown option "rep" (did you mean "reps"?)'
batch_fails brun2 'run("small.lua", { varaint = "x" })' 'run: unknown option "varaint" (did you mean "variant"?)'
batch_fails brun3 'run("small.lua", { colour = 2 })' 'run: unknown option "colour" (its options: reps, seed, set, variant)'
batch_fails bcmp1 'compare("small.lua", { variant = "x" })' 'compare: unknown option "variant" (compare runs every variant; its options: reps, seed, set)'
batch_fails bswp1 'sweep("small.lua", { grid = { servers = { 1 } }, rep = 3 })' 'sweep: unknown option "rep" (did you mean "reps"?)'

# every command refuses what it does not use; COMMAND --help lists what it does
expect 2 "merge --html without --rank" -- "$remous" merge s1 s2 --out mh --html mh.html
stderr_is "merge --html without --rank" "remous: --html on a merge draws the metric given by --rank: add --rank ELEMENT:NAME:METRIC"
expect 0 "merge --rank --html draws the page" -- "$remous" merge s1 s2 --out mh --rank queue:counter:wait_mean --html mh.html --quiet
grep -q '<svg class="chart chart-sweep"' mh.html && ok || ko "merge --html wrote the sweep page"
refused() {      # refused 'WHAT' 'EXPECTED LINE' -- COMMAND...
    what=$1 line=$2; shift 2
    expect 2 "$what" "$@"
    stderr_is "$what" "$line"
}
refused "merge --reps" "remous: --reps goes with run, compare, sweep, batch, fragility and sensitivity, not merge (see remous merge --help)" -- "$remous" merge s1 s2 --out mx --reps 3
refused "merge --jobs" "remous: --jobs goes with run, compare, sweep, batch, fragility, sensitivity and workshop, not merge (see remous merge --help)" -- "$remous" merge s1 s2 --out mx --jobs 2
refused "run --period without --out or --html" "remous: --period is the period of timeseries.csv and of the report's charts: add --out DIR or --html FILE (see remous run --help)" -- "$remous" run "$mm" --period 1d
refused "an option given twice" "remous: --reps is given twice: give it once (see remous --help)" -- "$remous" run "$mm" --reps 3 --reps 5
refused "batch --lang" "remous: --lang goes with run, compare, sweep, merge, fragility and sensitivity, not batch (see remous batch --help)" -- "$remous" batch barg.lua --lang fr
refused "batch --html" "remous: --html goes with run, compare, sweep and merge, not batch (see remous batch --help)" -- "$remous" batch barg.lua --html x.html
refused "batch --period" "remous: --period goes with run, compare, sweep and workshop, not batch (see remous batch --help)" -- "$remous" batch barg.lua --period 1d
refused "batch --quiet" "remous: --quiet goes with run, compare, sweep, merge, check, fragility and sensitivity, not batch (see remous batch --help)" -- "$remous" batch barg.lua --quiet
refused "trace --reps" "remous: --reps goes with run, compare, sweep, batch, fragility and sensitivity, not trace (see remous trace --help)" -- "$remous" trace "$mm" --out t.csv --reps 3
refused "check --jobs" "remous: --jobs goes with run, compare, sweep, batch, fragility, sensitivity and workshop, not check (see remous check --help)" -- "$remous" check "$mm" --jobs 2
refused "check --out" "remous: --out goes with run, compare, sweep, merge, batch, trace, fragility and sensitivity, not check (see remous check --help)" -- "$remous" check "$mm" --out x
refused "workshop --set" "remous: --set goes with run, compare, sweep, batch, trace, check, fragility and sensitivity, not workshop (see remous workshop --help)" -- "$remous" workshop "$mm" --set servers=2
refused "workshop --reps" "remous: --reps goes with run, compare, sweep, batch, fragility and sensitivity, not workshop (see remous workshop --help)" -- "$remous" workshop "$mm" --reps 5
refused "workshop --lang" "remous: --lang goes with run, compare, sweep, merge, fragility and sensitivity, not workshop (see remous workshop --help)" -- "$remous" workshop "$mm" --lang fr
expect 0 "check --quiet" -- "$remous" check "$mm" --quiet
[ ! -s out ] && ok || ko "check --quiet prints no ok line: $(cat out)"
expect 0 "merge --help" -- "$remous" merge --help
[ "$(cat out)" = "usage: remous merge DIR... --out DIR [options]
gather the shards of a sweep into what one machine writes

options:
  --out DIR            where the merged files go (needed)
  --rank ELEMENT:NAME:METRIC[:min|max]   rank the points on that metric (repeatable: the Pareto front)
  --html FILE          with --rank or targets: the decision page (heat maps, targets, the answer)
  --lang en|fr         the language of the ranking, and of the page (en)
  --quiet              no ranking on stdout" ] && ok || ko "merge --help: $(cat out)"
for cmd in run compare sweep batch trace check workshop; do
    expect 0 "$cmd --help" -- "$remous" $cmd --help
    [ "$(head -1 out | cut -d' ' -f1-3)" = "usage: remous $cmd" ] && ok || ko "$cmd --help: $(head -1 out)"
done
expect 0 "--help after other options" -- "$remous" run "$mm" --seed 2 --fast --help
[ "$(head -1 out)" = "usage: remous run SCENARIO.lua [options]" ] && ok || ko "run ... --help: $(head -1 out)"
"$remous" run "$mm" --reps 2 --help > out 2>&1 && grep -q -- '--variant NAME' out && ok || ko "run --help lists --variant"
grep -q -- '--grid' out && ko "run --help lists --grid, which run does not use" || ok

# grid ranges: FROM:TO:STEP in whole steps, no 0.6000000000000001
expect 0 "a grid range" -- "$remous" sweep "$small" --grid servers=2:4:1 --grid service=0.2:1.0:0.2 --reps 1 --out gr --quiet
[ "$(grep '^grid' gr/sweep.txt)" = "$(printf 'grid servers=2,3,4\ngrid service=0.2,0.4,0.6,0.8,1')" ] && ok || ko "grid ranges: $(grep '^grid' gr/sweep.txt)"
[ "$(cut -d, -f4,5 gr/summary.csv | sed 1d | sort -u | wc -l)" = 15 ] && ok || ko "a 3 x 5 range grid has 15 points in summary.csv"
expect 0 "ranges with negative and finer values" -- "$remous" sweep "$small" --grid service=0.05:0.3:0.1 --reps 1 --out gr2 --quiet
[ "$(grep '^grid' gr2/sweep.txt)" = "grid service=0.05,0.15,0.25" ] && ok || ko "a range whose TO is off the step: $(grep '^grid' gr2/sweep.txt)"
refused "a range with step 0" "remous: --grid service=0.2:1.0:0: the step must be above 0 (see remous --help)" -- "$remous" sweep "$small" --grid service=0.2:1.0:0 --out gx
refused "a range with a negative step" "remous: --grid service=0.2:1.0:-0.2: the step must be above 0 (see remous --help)" -- "$remous" sweep "$small" --grid service=0.2:1.0:-0.2 --out gx
refused "a range going down" "remous: --grid service=1.0:0.2:0.2: FROM is above TO: write the smaller first, e.g. service=0.2:1.0:0.2 (see remous --help)" -- "$remous" sweep "$small" --grid service=1.0:0.2:0.2 --out gx
refused "a range too long" "remous: --grid service=0:1000:0.001: 1000001 values, more than the 100000 a grid parameter may have: give a larger step (see remous --help)" -- "$remous" sweep "$small" --grid service=0:1000:0.001 --out gx
refused "a range of no numbers" "remous: --grid service: expected FROM:TO:STEP in plain decimals, e.g. service=0.2:1:0.2, got \"0.2:x:0.2\" (see remous --help)" -- "$remous" sweep "$small" --grid service=0.2:x:0.2 --out gx
[ ! -e gx ] && ok || ko "a refused range writes nothing"

# a grid param the swept model never reads: one warning line, the sweep still runs
expect 0 "sweeping a param the baseline never reads" -- "$remous" sweep "$bs" --grid adoption=0.2:1.0:0.4 --reps 1 --out gu --quiet
stderr_is "sweeping a param the baseline never reads" "remous: warning: --grid adoption: the baseline never reads it (its model is the same for adoption=0.2 and adoption=1): every point along it gives the same results; sweep a variant that uses it (--variant), or drop it"
expect 0 "sweeping a param its variant reads" -- "$remous" sweep "$bs" --grid adoption=0.2,1 --variant "online payment" --reps 1 --out gu2 --quiet
[ ! -s err ] && ok || ko "no warning for a param the variant reads: $(cat err)"
expect 0 "sweeping a param a variant overrides" -- "$remous" sweep "$bs" --grid online_share=0.2,0.4 --variant "online payment, 60% of readers" --reps 1 --out gu3 --quiet
stderr_is "sweeping a param a variant overrides" "remous: warning: --grid online_share: the variant \"online payment, 60% of readers\" never reads it (its model is the same for online_share=0.2 and online_share=0.4): every point along it gives the same results; sweep a variant that uses it (--variant), or drop it"
# read only in a hook (an upvalue, or a global): no warning
printf 'scenario "h" { horizon = 100 }\nlocal k = param("k", 2)\nG = param("g", 1)\nlocal unused = param("unused", 1)\nrole "r" {}\narrivals "a" { interarrival = 5, to = "s" }\nactivity "s" { role = "r", duration = function(item) return k + G end }\n' > hook_param.lua
expect 0 "a param read in a hook" -- "$remous" sweep hook_param.lua --grid k=1,2 --grid g=1,2 --reps 1 --out gh --quiet
[ ! -s err ] && ok || ko "no warning for params read in a hook: $(cat err)"
expect 0 "a param nothing reads, beside a hook" -- "$remous" sweep hook_param.lua --grid unused=1,2 --reps 1 --out gh2 --quiet
stderr_is "a param nothing reads, beside a hook" "remous: warning: --grid unused: the baseline never reads it (its model is the same for unused=1 and unused=2): every point along it gives the same results; sweep a variant that uses it (--variant), or drop it"

# --jobs by default: the CPUs this process may use, seen on the progress bar
if command -v script >/dev/null 2>&1 && command -v taskset >/dev/null 2>&1; then
    bar() { script -qec "$1" /dev/null | tr '\r' '\n' | grep -a 'runs' | tail -1 | sed 's/^\[#*\] \([0-9/]* runs on [0-9]* process[es]*\) .*/\1/'; }
    [ "$(bar "taskset -c 0 $remous run $mm --reps 3")" = "3/3 runs on 1 process" ] && ok || ko "--jobs under taskset -c 0: $(bar "taskset -c 0 $remous run $mm --reps 3")"
    if [ "$(taskset -c 0,1 nproc 2>/dev/null)" = 2 ]; then
        [ "$(bar "taskset -c 0,1 $remous run $mm --reps 3")" = "3/3 runs on 2 processes" ] && ok || ko "--jobs under taskset -c 0,1"
        [ "$(bar "env SLURM_CPUS_PER_TASK=1 taskset -c 0,1 $remous run $mm --reps 3")" = "3/3 runs on 1 process" ] && ok ||
            ko "--jobs under SLURM_CPUS_PER_TASK=1"
        [ "$(bar "env SLURM_CPUS_PER_TASK=8 taskset -c 0,1 $remous run $mm --reps 3")" = "3/3 runs on 2 processes" ] && ok ||
            ko "--jobs: SLURM_CPUS_PER_TASK larger than the affinity"
        [ "$(bar "taskset -c 0 $remous run $mm --reps 3 --jobs 2")" = "3/3 runs on 2 processes" ] && ok || ko "--jobs 2 given"
    fi
fi

# editor support: every word of the language has an annotation
for word in scenario calendar role queue arrivals activity task tool variant param constant uniform \
            exponential normal lognormal triangular erlang gamma weibull bernoulli choice empirical \
            per_hour per_day per_week seconds minutes hours days weeks now metric target; do
    grep -q "^function $word(" "$top/scripts/remous.meta.lua" && ok || ko "scripts/remous.meta.lua lacks $word"
done
grep -q "^rest = " "$top/scripts/remous.meta.lua" && ok || ko "scripts/remous.meta.lua lacks rest"
for word in run compare sweep arg write_csv stats.mean stats.sd stats.interval stats.t_quantile; do
    grep -q "^function $word(" "$top/scripts/remous.meta.lua" && ok || ko "scripts/remous.meta.lua lacks the batch's $word"
done
cp "$top/scripts/remous.meta.lua" meta_check.lua     # valid Lua: it loads (and only defines words)
expect 0 "scripts/remous.meta.lua is valid Lua" -- "$remous" batch meta_check.lua

# runaway models are stopped with one line saying which
printf 'scenario "flood" { horizon = 1000 }\narrivals "a" { interarrival = 0.00001, to = "s" }\nrole "r" {}\nactivity "s" { role = "r", duration = 5 }\n' > flood.lua
expect 1 "items arriving far faster than they leave" -- "$remous" run flood.lua --reps 1
grep -q "^remous: more than 2000000 items at once in the system at time" err && ok || ko "the flood is named: $(cat err)"
printf 'scenario "stuck" { horizon = 1000 }\narrivals "a" { initial = 1, to = "x" }\nactivity "x" { duration = 0, next = "y" }\nactivity "y" { duration = 0, next = "x" }\n' > stuck.lua
expect 1 "simulated time that never advances" -- "$remous" run stuck.lua --reps 1
grep -q "^remous: simulated time is stuck at 0: over 10000000 events at that instant" err && ok || ko "the stuck clock is named: $(cat err)"

# a full disk: a clear error, and the files already there stay as they were
cat > full_disk.sh <<SH
mkdir -p disk && mount -t tmpfs -o size=512k tmpfs disk || exit 1
"$remous" run "$mm" --reps 2 --out disk/out --quiet && cp disk/out/summary.csv before.csv
dd if=/dev/zero of=disk/filler bs=4k 2>/dev/null
"$remous" run "$mm" --reps 3 --seed 9 --out disk/out --quiet 2>full.err; echo \$? > full.rc
cmp -s before.csv disk/out/summary.csv && echo same > full.same
ls -A disk/out > full.ls
umount disk
SH
# root mounts the tiny disk itself; anyone else in a user namespace of their own
if [ "$(id -u)" -eq 0 ]; then sh full_disk.sh; else unshare -rm sh full_disk.sh; fi
[ "$(cat full.rc 2>/dev/null)" = 1 ] && ok || ko "a run on a full disk exits 1"
grep -q "No space left on device" full.err 2>/dev/null && ok || ko "the full disk is named: $(cat full.err 2>/dev/null)"
[ -e full.same ] && ok || ko "the earlier summary.csv is intact after a full disk"
[ "$(cat full.ls 2>/dev/null | tr '\n' ' ')" = "params.csv replications.csv summary.csv timeseries.csv " ] && ok ||
    ko "no temporary file is left on the full disk: $(cat full.ls 2>/dev/null)"

# a set of files replaces the old set whole: killed while it writes (stopped
# first, where its fresh folder shows, then SIGKILL), the folder still holds the
# old set, every file of it, and the user's own file; the next write finishes
# the new set and removes what the killed one left
bs="$top/scenarios/bookstore.lua"
set_files="compare.csv params.csv replications.csv summary.csv timeseries.csv"
"$remous" compare "$bs" --reps 2 --out set_old --quiet
"$remous" compare "$bs" --reps 300 --seed 2 --jobs 2 --out set_new --quiet
cp -r set_old kd && echo notes > kd/notes.txt
"$remous" compare "$bs" --reps 300 --seed 2 --jobs 2 --out kd --quiet &
pid=$!
while kill -0 $pid 2>/dev/null; do set -- .kd.remous-*; [ -e "$1" ] && break; done
kill -STOP $pid 2>/dev/null
[ -d ".kd.remous-$pid" ] && ok || ko "the new set is written into a fresh folder next to kd: $(ls -A)"
kill -KILL $pid 2>/dev/null; wait $pid 2>/dev/null
same=1; for f in $set_files; do cmp -s "set_old/$f" "kd/$f" || same=0; done
[ $same = 1 ] && ok || ko "a killed compare leaves the old set whole"
[ "$(ls -A kd | tr '\n' ' ')" = "compare.csv notes.txt params.csv replications.csv summary.csv timeseries.csv " ] && ok ||
    ko "a killed compare leaves no temporary file in kd: $(ls -A kd)"
expect 0 "the compare again" -- "$remous" compare "$bs" --reps 300 --seed 2 --jobs 2 --out kd --quiet
same=1; for f in $set_files; do cmp -s "set_new/$f" "kd/$f" || same=0; done
[ $same = 1 ] && ok || ko "the next compare writes its set whole"
[ "$(cat kd/notes.txt)" = notes ] && ok || ko "the user's file in kd stays"
[ -z "$(ls -A | grep '^\.kd\.')" ] && ok || ko "the next write removes what the killed one left: $(ls -A | grep '^\.kd')"
mkdir .gone.remous-99999999 ".kept.remous-$$" && touch .gone.remous-99999999/summary.csv ".kept.remous-$$/summary.csv"
expect 0 "a run next to what killed writes left" -- "$remous" run "$bs" --reps 2 --out kd2 --quiet
[ ! -e .gone.remous-99999999 ] && [ -e ".kept.remous-$$/summary.csv" ] && ok ||
    ko "a dead process's fresh folder is removed, a live one's kept: $(ls -A | grep remous-)"
rm -r ".kept.remous-$$"
# a run into a compare's folder replaces the set: no compare.csv of another run beside it
expect 0 "a run into a compare's folder" -- "$remous" run "$bs" --reps 2 --out kd --quiet
[ "$(ls -A kd | tr '\n' ' ')" = "notes.txt params.csv replications.csv summary.csv timeseries.csv " ] && ok ||
    ko "a run replaces a compare's set: $(ls -A kd)"
"$remous" run "$bs" --reps 2 --out set_run --quiet
same=1; for f in params.csv replications.csv summary.csv timeseries.csv; do cmp -s "set_run/$f" "kd/$f" || same=0; done
[ $same = 1 ] && ok || ko "the run's files are the same as in a fresh folder"
mkdir -m 700 private
expect 0 "--out a private folder" -- "$remous" run "$bs" --reps 2 --out private --quiet
expect 0 "--out a private folder, again" -- "$remous" run "$bs" --reps 2 --out private --quiet
[ "$(stat -c %a private)" = 700 ] && ok || ko "a private folder stays private: $(stat -c %a private)"
# a folder with folders in it (or ".") is not swapped: each file is renamed in turn
mkdir -p nest/sub && echo keep > nest/sub/x
expect 0 "--out a folder holding a folder" -- "$remous" run "$bs" --reps 2 --out nest/ --quiet
same=1; for f in params.csv replications.csv summary.csv timeseries.csv; do cmp -s "set_run/$f" "nest/$f" || same=0; done
[ $same = 1 ] && [ "$(cat nest/sub/x)" = keep ] && [ "$(ls -A nest | tr '\n' ' ')" = "params.csv replications.csv sub summary.csv timeseries.csv " ] &&
    ok || ko "a folder holding a folder gets the files in place: $(ls -A nest)"

# from any directory, with relative paths
mkdir -p elsewhere && cd elsewhere
expect 0 "runs from another folder" -- "$remous" run ../../../"$top/scenarios/bookstore.lua" --reps 2 --quiet
cd "$tmp"

touch afile
expect 1 "--out is a file" -- "$remous" run "$mm" --reps 1 --out afile/x --quiet
stderr_is "--out is a file" "remous: cannot create the folder afile/x: Not a directory"

# rest: the entry of a probability table that takes 1 minus the others
split() {   # split FILE TABLE: calls split by TABLE at "choose"
    cat > "$1" <<EOF
scenario "Split" { horizon = days(3), replications = 4 }
local share = param("share", 0.3, { min = 0, max = 1 })
arrivals "calls" { interarrival = exponential(10), to = "choose" }
activity "choose" { duration = 0,
  next = $2 }
activity "online" { duration = 1 }
activity "door" { duration = 2 }
activity "phone" { duration = 3 }
EOF
}
split rest.lua '{ online = share, door = rest }'
split fixed.lua '{ online = 0.3, door = 0.7 }'
split other.lua '{ online = 0.4, door = 0.6 }'
for f in rest fixed other; do
    expect 0 "run $f.lua" -- "$remous" run $f.lua --seed 5 --out $f --quiet
done
cmp -s rest/summary.csv fixed/summary.csv && ok || ko "{ online = share, door = rest } is { online = 0.3, door = 0.7 }"
cmp -s rest/summary.csv other/summary.csv && ko "a split of 0.4/0.6 gives the same summary as 0.3/0.7" || ok
split rest0.lua '{ online = share, door = 0.7, phone = rest }'
expect 0 "others summing to 1 leave rest = 0" -- "$remous" run rest0.lua --seed 5 --out rest0 --quiet
grep -q '^baseline,activity,phone,completed,0,0,0,0,4' rest0/summary.csv && ok || ko "rest = 0: phone never completes"
split two.lua '{ online = rest, door = 0.2, phone = rest }'
expect 2 "two rests" -- "$remous" check two.lua
stderr_is "two rests" 'remous: two.lua:4: activity "choose": next: "online" and "phone" both say rest; rest can stand for one entry only'
split over.lua '{ online = share, door = 0.2, phone = rest }'
expect 0 "others at 1 with --set share=0.8" -- "$remous" check over.lua --set share=0.8
over='remous: over.lua:4: activity "choose": next: door = 0.2 and online = 0.9 leave nothing for phone (share = 0.9, from --set)'
for cmd in check run compare; do
    expect 2 "others over 1 ($cmd)" -- "$remous" $cmd over.lua --set share=0.9 --quiet
    stderr_is "others over 1 ($cmd)" "$over"
done
expect 2 "others over 1 (sweep)" -- "$remous" sweep over.lua --grid share=0.5,0.9 --out over_sweep --quiet
stderr_is "others over 1 (sweep)" 'remous: over.lua:4: activity "choose": next: door = 0.2 and online = 0.9 leave nothing for phone (share = 0.9, from --grid)'
# a value a field refuses that a --set gave: named as the likely cause
cat > setcount.lua <<'EOF'
scenario "s" { horizon = days(1) }
role "clerk" { count = param("clerks", 2, { min = 1, max = 6 }) }
arrivals "a" { interarrival = 10, to = "serve" }
activity "serve" { role = "clerk", duration = 5 }
EOF
expect 2 "a count of 2.5 from --set" -- "$remous" check setcount.lua --set clerks=2.5
stderr_is "a count of 2.5 from --set" 'remous: setcount.lua:2: role "clerk": count must be a whole number from 0 to 100000, got 2.5 (perhaps clerks = 2.5, from --set)'
expect 2 "a count of 2.5 from --grid" -- "$remous" sweep setcount.lua --grid clerks=2,2.5 --out setcount_sweep --quiet
stderr_is "a count of 2.5 from --grid" 'remous: setcount.lua:2: role "clerk": count must be a whole number from 0 to 100000, got 2.5 (perhaps clerks = 2.5, from --grid)'
split under.lua '{ online = 0.5, door = 0.2, phone = 0.2 }'
expect 2 "a split under 1" -- "$remous" check under.lua
stderr_is "a split under 1" 'remous: under.lua:4: activity "choose": next: the probabilities must sum to 1, they sum to 0.9 (or write rest for one entry: it takes 1 minus the others)'
split nested.lua '{ online = 0.1, door = { rest } }'
expect 2 "rest is not a number elsewhere" -- "$remous" check nested.lua
stderr_is "rest is not a number elsewhere" 'remous: nested.lua:4: activity "choose": next: the probability of "door" must be a number between 0 and 1, got a table'
split nan.lua '{ online = 0/0, door = rest }'
expect 2 "a probability that is not a number (NaN)" -- "$remous" check nan.lua
grep -qF 'remous: nan.lua:4: activity "choose": next: the probability of "online" must be a number between 0 and 1, got ' err &&
    ok || ko "NaN is refused: $(cat err)"
# in choice; a variant's broken split fails every command as the file's would
choice() {  # choice FILE CHOICE
    cat > "$1" <<EOF
scenario "Channels" { horizon = days(3), replications = 4 }
arrivals "calls" { interarrival = exponential(10), to = "choose", attributes = { channel = $2 } }
activity "choose" { duration = 0, next = function(item) return item.attributes.channel end }
activity "web" { duration = 1 }
activity "desk" { duration = 2 }
variant "more web" { apply = function() arrivals "calls" { attributes = { channel = choice { web = 0.7, desk = 0.4, post = rest } } } end }
EOF
}
choice crest.lua 'choice { web = 0.25, desk = rest }'
choice cfixed.lua 'choice { web = 0.25, desk = 0.75 }'
sed -i '/^variant/d' crest.lua cfixed.lua
for f in crest cfixed; do
    expect 0 "run $f.lua" -- "$remous" run $f.lua --seed 3 --out $f --quiet
done
cmp -s crest/summary.csv cfixed/summary.csv && ok || ko "choice { web = 0.25, desk = rest } is choice { web = 0.25, desk = 0.75 }"
choice cvariant.lua 'choice { web = 0.25, desk = rest }'
expect 2 "a variant's choice over 1 (compare)" -- "$remous" compare cvariant.lua --quiet
stderr_is "a variant's choice over 1" 'remous: cvariant.lua:6: choice: desk = 0.4 and web = 0.7 leave nothing for post'
expect 2 "a variant's choice over 1 (run of the baseline)" -- "$remous" run cvariant.lua --quiet
stderr_is "a variant's error fails the run too" 'remous: cvariant.lua:6: choice: desk = 0.4 and web = 0.7 leave nothing for post'
choice cbase.lua 'choice { web = 0.9, desk = 0.2, post = rest }'
expect 2 "the file's choice over 1" -- "$remous" check cbase.lua
stderr_is "the file's choice over 1" 'remous: cbase.lua:2: choice: desk = 0.2 and web = 0.9 leave nothing for post'
# labels: people read words, the CSV files keep the names (Unicode, spaces,
# accents, guillemets, an emoji, characters HTML escapes). Constant
# durations: every replication is the same, the figures are exact (59
# readers, 2 of 7 minutes at the till over 2 people x 600 minutes: 9.8%).
# The headline comes first (the busy share: 34% -> 30%, in points).
uni="$top/tests/scenarios/unicode_labels.lua"
expect 0 "compare with labels" -- "$remous" compare "$uni" --out uni --html uni.html
cat > uni_en.txt <<'TXT'
In short, with “la caisse « éclair » ⚡”:
  Libraires & <amis> are busy 30% of their working time instead of 34% (−4 points).

What changes with “la caisse « éclair » ⚡” (against the baseline, 3 replications, 95% intervals):
  - new step “vérifier paiement”: times done: 59
  - role “libraires & <amis>”: time on encaisser « vite »: down 4.9 points (9.8% → 4.9%, ±0 points)
  - step “caisse”: mean duration: down 50% (2 minutes → 1 minute, ±0)
  - role “libraires & <amis>”: busy share of working time: down 4.9 points (34% → 30%, ±0 points)
  - arrivals “lecteurs qui entrent”: time from arrival to exit: down 7.1% (7 minutes → 6.5 minutes, ±0)
TXT
cmp -s out uni_en.txt && ok || { ko "the English digest speaks with labels:"; diff uni_en.txt out; }
expect 0 "compare with labels, in French" -- "$remous" compare "$uni" --lang fr --out uni_fr --html uni_fr.html
cat > uni_fr.txt <<'TXT'
En bref, avec « la caisse « éclair » ⚡ » :
  Libraires & <amis> : occupés 30 % du temps de travail au lieu de 34 % (−4 points).

Ce qui change avec « la caisse « éclair » ⚡ » (par rapport à la situation actuelle, 3 réplications, intervalles à 95 %) :
  - nouvelle étape « vérifier paiement » : réalisations : 59
  - rôle « libraires & <amis> » : temps consacré à « encaisser « vite » » : en baisse de 4,9 points (9,8 % → 4,9 %, ±0 point)
  - étape « caisse » : durée moyenne : en baisse de 50 % (2 minutes → 1 minute, ±0)
  - rôle « libraires & <amis> » : part du temps de travail occupée : en baisse de 4,9 points (34 % → 30 %, ±0 point)
  - arrivées « lecteurs qui entrent » : temps de l'arrivée à la sortie : en baisse de 7,1 % (7 minutes → 6,5 minutes, ±0)
TXT
cmp -s out uni_fr.txt && ok || { ko "the French digest speaks with labels:"; diff uni_fr.txt out; }
# the CSV files: names exactly, never a label, whatever the language
grep -qxF "$(printf 'caisse éclair,role,libraire_équipe,share_caisse rapide,0.09833333333,0.04916666667,-0.04916666667,-0.04916666667,-0.04916666667,-0.5,true,true\r')" uni/compare.csv &&
    ok || ko "compare.csv keeps the names"
grep -q "^caisse éclair,arrivals,entrée à pied,cycle_time_mean,7,6.5," uni/compare.csv && ok || ko "compare.csv: the stream's name"
grep -q "^baseline,person,libraire_équipe#2,utilization," uni/summary.csv && ok || ko "summary.csv: people as role#K"
cmp -s uni/compare.csv uni_fr/compare.csv && cmp -s uni/summary.csv uni_fr/summary.csv && ok || ko "--lang does not change the CSV files"
grep -lE 'libraires|lecteurs qui|Minutes entre|comptoir «|éclair »|encaisser|situation actuelle' uni/*.csv > labelled.txt
[ ! -s labelled.txt ] && ok || ko "a label reached a CSV file: $(cat labelled.txt)"
# the report: labels, escaped; no name that has a label
for needle in '<h1>Le café-librairie « Les Mots » 📚</h1>' 'libraires &amp; &lt;amis&gt;' 'le comptoir « principal »' \
              '<h3>With la caisse « éclair » ⚡</h3>' 'encaisser « vite »</span>' 'conseiller les lecteurs</span>' \
              'role “libraires &amp; &lt;amis&gt;”: time on encaisser « vite »: down 4.9 points'; do
    grep -qF "$needle" uni.html && ok || ko "the report lacks $needle"
done
for name in 'libraire_équipe' 'comptoir<' 'entrée à pied' 'caisse éclair' 'paiement_en_ligne' '>conseil<' 'caisse rapide'; do
    grep -qF "$name" uni.html && ko "the report shows the name $name" || ok
done
grep -qF '<h3>Avec la caisse « éclair » ⚡</h3>' uni_fr.html && grep -qF 'situation actuelle</tspan></text>' uni_fr.html &&
    ok || ko "the French report: the variant's label, the baseline in French"
expect 0 "run with labels" -- "$remous" run "$uni"
grep -qxF '  libraires & <amis>     34.4%              24.6%              9.83%             ' out && ok ||
    ko "the table shows the role's label: $(grep amis out)"
grep -qF '  le comptoir « princip… 0 ' out && ok || ko "the table cuts a long label at a character, with …"
# the sweep page speaks with labels (29 readers at a gap of 20: 29 x 7 / 1200 busy);
# the sweep's CSV files and its ranking on the terminal keep the names (the
# ranking's own words follow --lang, with a decimal comma)
expect 0 "sweep with labels" -- "$remous" sweep "$uni" --grid minutes_entre_lecteurs=10,20 \
    --rank "role:libraire_équipe:utilization" --html uni_sweep.html --lang fr --out uni_sweep
grep -qxF '   1. minutes_entre_lecteurs=20                    0,1692  [0,1692 ; 0,1692]  meilleur' out && ok ||
    ko "the ranking names the grid's params: $(cat out)"
grep -qF '<h1>libraires &amp; &lt;amis&gt; — part du temps de travail occupée</h1>' uni_sweep.html && ok ||
    ko "the sweep page's title in words"
grep -qF '>Minutes entre deux lecteurs = 20<' uni_sweep.html && ok || ko "the sweep page shows the params' labels"
grep -qF 'libraire_équipe' uni_sweep.html && ko "the sweep page shows a name" || ok
grep -qF '<html lang="fr">' uni_sweep.html && grep -qF '<title>remous : balayage</title>' uni_sweep.html &&
    grep -qF '>16,9 %</text>' uni_sweep.html && ok || ko "the sweep page in French: its title, a share in percent with a decimal comma"
grep -qF '16.9' uni_sweep.html && ko "the French sweep page writes a decimal point" || ok
[ "$(head -1 uni_sweep/summary.csv)" = "$(printf 'variant,element,name,minutes_entre_lecteurs,metric,mean,ci95_low,ci95_high,stdev,n\r')" ] &&
    grep -q '^baseline,role,libraire_équipe,20,utilization,0.1691666667,' uni_sweep/summary.csv && ok ||
    ko "the sweep's summary.csv keeps the names"
# labels and kinds are checked like any field
printf 'scenario "x" { horizon = 10 }\nrole "a" { label = 3 }\n' > lab.lua
expect 2 "a label that is not text" -- "$remous" check lab.lua
stderr_is "a label that is not text" 'remous: lab.lua:2: role "a": label must be a text on one line, at most 200 bytes, e.g. "booksellers", got 3'
printf 'scenario "x" { horizon = 10 }\nqueue "a" { label = "two\\nlines" }\n' > lab.lua
expect 2 "a label on two lines" -- "$remous" check lab.lua
stderr_is "a label on two lines" 'remous: lab.lua:2: queue "a": label must be a text on one line, at most 200 bytes, e.g. "booksellers", got "two\ lines"'
printf 'scenario "x" { horizon = 10,\n  kinds = { core = "advice", admon = "paperwork" } }\nrole "r" {}\narrivals "s" { interarrival = 1, to = "a" }\nactivity "a" { role = "r", duration = 1, kind = "core", next = "b" }\nactivity "b" { role = "r", duration = 1, kind = "admin" }\n' > kinds.lua
expect 2 "a kind no step has" -- "$remous" check kinds.lua
stderr_is "a kind no step has" 'remous: kinds.lua:6: kind "admin": the scenario'"'"'s kinds (line 1) name "admon", which no step has: write the same word in both places'
printf 'scenario "x" { horizon = 10 }\nlocal n = param("clerks", 2)\nrole "clerk" { count = n }\nvariant "more" { set = { clerks = 3 } }\n' > vset.lua
expect 2 "a variant that sets a param" -- "$remous" check vset.lua
stderr_is "a variant that sets a param" 'remous: vset.lua:4: variant "more": unknown field "set": a variant changes elements in its apply, e.g. apply = function() role "clerk" { count = 3 } end; to try values of a param, use --set NAME=VALUE, or a sweep with --grid NAME=1,2,3'
printf 'scenario "x" { horizon = 10 }\nrole "clerk" { colour = "red" }\n' > vset.lua
expect 2 "an unknown field close to none" -- "$remous" check vset.lua
stderr_is "an unknown field close to none" 'remous: vset.lua:2: role "clerk": unknown field "colour" (its fields: absence, calendar, cost_per_hour, count, description, label)'
printf 'scenario "x" { horizon = 10, kinds = { core = { label = "advice", colour = "red" } } }\n' > kinds.lua
expect 2 "a kind's table with an unknown field" -- "$remous" check kinds.lua
stderr_is "a kind's table with an unknown field" 'remous: kinds.lua:1: scenario "x": kinds must be a table of kind = label, e.g. { core = "advising readers", orders = { label = "online orders", group = "tool work" } }, got a table'

# every ready scenario passes check
for s in "$top"/scenarios/*.lua; do
    expect 0 "check $(basename "$s")" -- "$remous" check "$s"
done

# hostile declarations: what the checks saw is what the model gets (a raw
# copy, taken once), names without control characters, files confined
printf 'scenario "x" { horizon = 10 }\nlocal n = 0\nqueue "x" (setmetatable({}, { __pairs = function() n = n + 1; return next, n == 1 and {} or { discipline = true } end }))\n' > hpairs.lua
expect 0 "a __pairs answering twice: the raw table is what counts" -- "$remous" check hpairs.lua
scenario_fails hlen "$S\nlocal k = 0\ncalendar \"c\" (setmetatable({}, { __len = function() return 1 end, __index = function() k = k + 1; return k == 1 and \"mon 09:00-10:00\" or true end }))" \
    '3: calendar "c": write its hours as strings in braces, e.g. calendar "c" { "mon-fri 09:00-17:00" }'
scenario_fails hholes "$S\ncalendar \"c\" { [1] = \"mon 09:00-10:00\", [3] = \"tue 09:00-10:00\" }" \
    '2: calendar "c": write its hours as strings in braces, e.g. calendar "c" { "mon-fri 09:00-17:00" }'
printf 'scenario "x" { horizon = 100 }\nrole "r" {}\narrivals "a" { interarrival = 5, to = "s" }\nactivity "s" { role = "r", duration = 1 }\nlocal L = { start = 2, half_life = 10 }\ntool "t" { learning = L, apply = function() activity "s" { duration = 2 } end }\nL.half_life = 0/0\nvariant "v" { tools = { "t" } }\n' > hlater.lua
expect 0 "a table changed after its declaration changes nothing" -- "$remous" run hlater.lua --variant v --reps 2 --quiet
scenario_fails hnan "scenario \"x\" { horizon = 0/0 }" '1: scenario "x": horizon must be a number > 0, got NaN'
scenario_fails hdeep "$S\nlocal t = {}\nfor i = 1, 20 do t = { t } end\nrole \"r\" { absence = t }" '4: a table nested more than 8 deep: write it flatter'
scenario_fails hesc "$S\nrole \"a\\\\27[2Jb\" {}" '2: role "a\27[2Jb": a name cannot hold control characters (a tab, a new line, an escape); write it plainly'
scenario_fails htask "$S\ntask \"exit\" { every = 10, role = \"r\", duration = 1 }" '2: task: "exit" is the reserved step that ends a journey; choose another name'
scenario_fails hqueue "$S\nqueue \"exit\" {}" '2: queue: "exit" is the reserved step that ends a journey; choose another name'
ln -sf /etc/passwd outside.csv
scenario_fails hlink "$S\narrivals \"a\" { interarrival = empirical(\"outside.csv\", \"root\"), to = \"exit\" }" \
    '2: empirical: outside.csv: a scenario reads data files from its own folder only (this one leads out of it)'
batch_fails hbatch 'local r = run("/etc/passwd")' '/etc/passwd: a batch script runs scenarios from its own folder or remous'"'"'s scenarios/ only (--unsafe lifts it)'

# sweeps refuse what they cannot do well before running anything
expect 2 "a --grid name twice" -- "$remous" sweep "$mm" --grid servers=1,2 --grid servers=3 --out gtwice --reps 1 --quiet
stderr_is "a --grid name twice" "remous: --grid servers is given twice: put all its values in one, e.g. --grid servers=1,2,3"
v400=$(seq -s, 1 400)
expect 2 "a grid of 160000 points" -- "$remous" sweep "$mm" --grid servers=$v400 --grid service=$v400 --out gbig --reps 1 --quiet
stderr_is "a grid of 160000 points" "remous: the grid has more than 100000 points (the product of the numbers of values): give fewer values"
expect 2 "a --rank naming no metric" -- "$remous" sweep "$mm" --grid servers=2,3 --rank queue:srve:wait_mean --out grank --reps 1 --quiet
stderr_is "a --rank naming no metric" "remous: --rank: the scenario has no metric queue srve wait_mean (see summary.csv for the names)"
[ ! -e gtwice ] && [ ! -e gbig ] && [ ! -e grank ] && ok || ko "a refused sweep writes nothing"

# slips a facilitator makes with shares and calendars get the fix in the line
scenario_fails hcal "$S\nrole \"r\" { calendar = \"tue,thu 09:00-12:00\" }" \
    '2: role "r": calendar takes a calendar'"'"'s name; declare the hours first, e.g. calendar "open" { "tue,thu 09:00-12:00" }, then write calendar = "open"'
printf '%s\nlocal s = param("share", 0.4, { min = 0, max = 1 })\n' "$S" > hshare.lua
expect 2 "a share given as a percentage" -- "$remous" check hshare.lua --set share=70
stderr_is "a share given as a percentage" 'remous: hshare.lua:2: param "share" = 70 (from --set) is above its max 1 (a share is written from 0 to 1: 0.7 for 70%)'
expect 2 "a share above 1 that is no percentage" -- "$remous" check hshare.lua --set share=1.5
stderr_is "a share above 1 that is no percentage" 'remous: hshare.lua:2: param "share" = 1.5 (from --set) is above its max 1'
expect 2 "a grid value below a param's min" -- "$remous" sweep hshare.lua --grid share=-0.5,0.5 --out hs
stderr_is "a grid value below a param's min" 'remous: hshare.lua:2: param "share" = -0.5 (from --grid) is below its min 0'
printf '%s\nlocal s = param("share", 2, { min = 0, max = 1 })\n' "$S" > hdefault.lua
expect 2 "a default above the param's max" -- "$remous" check hdefault.lua
stderr_is "a default above the param's max" 'remous: hdefault.lua:2: param "share" = 2 is above its max 1 (a share is written from 0 to 1: 0.02 for 2%)'

summary
