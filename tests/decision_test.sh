#!/bin/sh
# From figures to a decision: the metrics a scenario declares (metric "x" {
# of = function(r) ... end }) and targets (declared, --target), judged on
# the 95% interval; --prefer in sweeps. Exact values on deterministic
# models, a paired interval worked out by hand from replications.csv,
# verdicts on a grid whose answer is known by construction, every error
# line. Prints "decision: N passed, N failed" last; exits 1 on a failure.
set -u
suite=decision; . "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 1
sc="$top/tests/scenarios"

# same WHAT FILE: FILE's content is expected.txt's
same() { if cmp -s "$2" expected.txt; then ok; else ko "$1:"; diff expected.txt "$2"; fi; }
# rows FILE PATTERN: FILE's rows matching PATTERN, without the CRs
rows() { tr -d '\r' < "$1" | grep -- "$2"; }

# ---- declared metrics: exact values, periods, variants, the digest ----
d="$sc/decision_derived.lua"
"$remous" compare "$d" --out d --period 1d --min-change 0 > d.txt 2> err.txt || ko "compare decision_derived.lua: $(cat err.txt)"
cat > expected.txt <<'TXT'
baseline,metric,core_share_of_busy,value,0.8,0.8,0.8,0,3
baseline,metric,admin_per_core,value,0.25,0.25,0.25,0,3
baseline,metric,wait_p90_plus_one,value,1,1,1,0,3
slower filing,metric,core_share_of_busy,value,0.6923076923,0.6923076923,0.6923076923,0,3
slower filing,metric,admin_per_core,value,0.4444444444,0.4444444444,0.4444444444,0,3
slower filing,metric,wait_p90_plus_one,value,1,1,1,0,3
slower filing,metric,pickup_wait,value,0,0,0,0,3
TXT
rows d/summary.csv '^[^,]*,metric,' > got.txt
same "summary.csv: element metric, name, metric value (4/5 and 4/6.5 of the busy time; no pickup_wait in the baseline)" got.txt
# per period: each day's own figures; a quantile has no period, so neither has wait_p90_plus_one
cat > expected.txt <<'TXT'
baseline,0,metric,core_share_of_busy,value,0.8,0.8,0.8
baseline,0,metric,admin_per_core,value,0.25,0.25,0.25
baseline,1440,metric,core_share_of_busy,value,0.8,0.8,0.8
baseline,1440,metric,admin_per_core,value,0.25,0.25,0.25
slower filing,0,metric,core_share_of_busy,value,0.6923076923,0.6923076923,0.6923076923
slower filing,0,metric,admin_per_core,value,0.4444444444,0.4444444444,0.4444444444
slower filing,0,metric,pickup_wait,value,0,0,0
slower filing,1440,metric,core_share_of_busy,value,0.6923076923,0.6923076923,0.6923076923
slower filing,1440,metric,admin_per_core,value,0.4444444444,0.4444444444,0.4444444444
slower filing,1440,metric,pickup_wait,value,0,0,0
TXT
rows d/timeseries.csv ',metric,[^,]*,value,' > got.txt
same "timeseries.csv: the declared metrics per day" got.txt
cat > expected.txt <<'TXT'
slower filing,metric,core_share_of_busy,value,0.8,0.6923076923,-0.1076923077,-0.1076923077,-0.1076923077,-0.1346153846,true,true
slower filing,metric,admin_per_core,value,0.25,0.4444444444,0.1944444444,0.1944444444,0.1944444444,0.7777777778,true,true
slower filing,metric,wait_p90_plus_one,value,1,1,0,0,0,0,false,false
TXT
rows d/compare.csv ',metric,[^,]*,value,' > got.txt
same "compare.csv: paired rows of the declared metrics (none for pickup_wait, the variant's alone)" got.txt
grep -qxF '  - metric “serving, share of busy time”: value: down 11 points (80% → 69%, ±0 points)' d.txt && ok ||
    ko "the digest says a declared share in points, by its label: $(grep metric d.txt)"
grep -qxF '  - metric “admin per core”: value: up 78% (0.25 → 0.44, ±0)' d.txt && ok ||
    ko "the digest says a declared metric without unit as it is: $(grep metric d.txt)"
"$remous" compare "$d" --min-change 0 --lang fr > fr.txt 2>&1
grep -qxF '  - mesure « serving, share of busy time » : valeur : en baisse de 11 points (80 % → 69 %, ±0 point)' fr.txt &&
    ok || ko "the digest in French: $(grep mesure fr.txt)"
# each value is the function of that replication's own metrics (replications.csv)
"$remous" run "$sc/decision_paired.lua" --out p1 --quiet || ko "run decision_paired.lua"
tr -d '\r' < p1/replications.csv | awk -F, '
    $3 == "role" && $4 == "clerk" && $5 == "share_core" { core[$2] = $6 }
    $3 == "role" && $4 == "clerk" && $5 == "utilization" { busy[$2] = $6 }
    $3 == "metric" && $4 == "core_share_of_busy" { got[$2] = $6 }
    END { n = 0; for (r in got) { n++; d = got[r] - core[r] / busy[r]; if (d > 1e-9 || d < -1e-9) bad++ }
          print n, bad + 0 }' > got.txt
[ "$(cat got.txt)" = "10 0" ] && ok || ko "core_share_of_busy = share_core / utilization in each of the 10 replications: $(cat got.txt)"

# the terminal table of run: the declared metrics, a share in percent, no value as -
"$remous" run "$d" > table.txt 2>&1
cat > expected.txt <<'TXT'
Declared metrics         value             
  serving, share of bus… 80%               
  admin per core         0.25              
  wait p90 plus one      1                 
  pickup wait            -                 
TXT
sed -n '/^Declared metrics/,/^$/p' table.txt | sed '/^$/d' > got.txt
same "run's table: the declared metrics" got.txt

# ---- the paired interval, worked out by hand from replications.csv ----
"$remous" compare "$sc/decision_paired.lua" --out p > /dev/null 2>&1 || ko "compare decision_paired.lua"
# t(0.975, 9 degrees of freedom) = 2.262157162798205
tr -d '\r' < p/replications.csv | awk -F, '
    $3 == "metric" && $4 == "core_share_of_busy" { if ($1 == "baseline") b[$2] = $6; else v[$2] = $6 }
    END { n = 0; s = 0; for (r in b) { d[r] = v[r] - b[r]; s += d[r]; n++ }
          m = s / n; ss = 0; for (r in d) ss += (d[r] - m) ^ 2
          h = 2.262157162798205 * sqrt(ss / (n - 1)) / sqrt(n)
          printf "%.6g %.6g %.6g\n", m, m - h, m + h }' > hand.txt
rows p/compare.csv ',metric,core_share_of_busy,' | awk -F, '{ printf "%.6g %.6g %.6g\n", $7, $8, $9 }' > got.txt
[ -s hand.txt ] && cmp -s hand.txt got.txt && ok || ko "the paired interval by hand $(cat hand.txt), compare.csv $(cat got.txt)"

# ---- determinism: a function that keeps state, math.random, any --jobs ----
cat > state.lua <<'EOF'
scenario "state" { horizon = days(14), replications = 5 }
role "clerk" { count = 2 }
arrivals "visitors" { interarrival = exponential(10), to = "serve" }
activity "serve" { role = "clerk", duration = exponential(12) }
local calls = 0
metric "noisy" { of = function(r) calls = calls + 1; return r.queue.serve.wait_mean + math.random() + calls end }
variant "slower" { apply = function() activity "serve" { duration = exponential(14) } end }
EOF
"$remous" compare state.lua --jobs 1 --out j1 --quiet && "$remous" compare state.lua --jobs 3 --out j3 --quiet &&
    diff -r j1 j3 > /dev/null && ok || ko "a stateful metric gives the same files with --jobs 1 and 3"
# each replication starts from the loaded state: calls is 1 for the summary, then 2, 3 for the two weeks
tr -d '\r' < j1/timeseries.csv | awk -F, '$4 == "noisy"' | wc -l | grep -qx 4 && ok || ko "noisy has a value per week and run"

# ---- errors of declared metrics: one line each ----
base='scenario "e" { horizon = 1000, replications = 3 }
role "clerk" {}
arrivals "visitors" { interarrival = 10, to = "serve" }
activity "serve" { role = "clerk", duration = 4, kind = "core" }'
# metric_error CODE 'LINE 5 OF e.lua' 'STDERR' [OPTIONS]: runs e.lua (the base, then that line)
metric_error() {
    code=$1 decl=$2 line=$3; shift 3
    printf '%s\n%s\n' "$base" "$decl" > e.lua
    "$remous" run e.lua --jobs 1 --quiet "$@" > out.txt 2> err.txt
    rc=$?
    [ $rc = "$code" ] && [ "$(cat err.txt)" = "$line" ] && ok || ko "$decl: exit $rc, '$(cat err.txt)', expected '$line'"
}
metric_error 1 'metric "m" { of = function(r) return "x" end }' \
    'remous: e.lua:5: metric "m", replication 1: its function returned string, not a number'
metric_error 1 'metric "m" { of = function(r) return nil end }' \
    'remous: e.lua:5: metric "m", replication 1: its function returned nil, not a number'
metric_error 1 'metric "m" { of = function(r) return r.role.clerk.share_core - r.role.clerk.share_core / 0 end }' \
    'remous: e.lua:5: metric "m", replication 1: its function returned -inf, not a finite number (a division by 0? return a number in every case)'
metric_error 1 'metric "m" { of = function(r) return (r.queue.serve.abandoned) / r.queue.serve.balked end }' \
    'remous: e.lua:5: metric "m", replication 1: its function returned nan, not a finite number (a division by 0? return a number in every case)'
metric_error 1 'metric "m" { of = function(r) local x; return x + 1 end }' \
    "remous: e.lua:5: metric \"m\", replication 1: line 5: attempt to perform arithmetic on a nil value (local 'x')"
metric_error 1 'metric "m" { of = function(r) if r.arrivals.visitors.arrived > 0 then error("too many") end return 1 end }' \
    'remous: e.lua:5: metric "m", replication 1: line 5: too many'
metric_error 1 'metric "m" { of = function(r) return r.role.nobody.utilization end }' \
    'remous: e.lua:5: metric "m": r.role.nobody: the scenario has no role called "nobody" (the roles: clerk)'
metric_error 1 'metric "m" { of = function(r) return r.role.clerks.utilization end }' \
    'remous: e.lua:5: metric "m": r.role.clerks: the scenario has no role called "clerks" (did you mean "clerk"?)'
metric_error 1 'metric "m" { of = function(r) return r.role.clerk.utilisation end }' \
    'remous: e.lua:5: metric "m": r.role.clerk.utilisation: no metric "utilisation" for role "clerk" (did you mean "utilization"?)'
metric_error 1 'metric "m" { of = function(r) return r.role.clerk.x end }' \
    'remous: e.lua:5: metric "m": r.role.clerk.x: no metric "x" for role "clerk" (its metrics: utilization, share_core, share_idle, overtime)'
metric_error 1 'metric "m" { of = function(r) return r.rol.clerk.utilization end }' \
    'remous: e.lua:5: metric "m": r.rol: r has no such part (did you mean "role"?)'
metric_error 1 'metric "m" { of = function(r) return r.person["clerk#2"].utilization end }' \
    'remous: e.lua:5: metric "m": r.person["clerk#2"]: the scenario has no person called "clerk#2" (did you mean "clerk#1"?)'
metric_error 1 'metric "m" { of = function(r) return r.metric.m.value end }' \
    'remous: e.lua:5: metric "m": r.metric.m.value: a metric cannot use itself'
metric_error 1 'metric "m" { of = function(r) return r.metric.later.value end } metric "later" { of = function(r) return 1 end }' \
    'remous: e.lua:5: metric "m": r.metric.later.value: that metric is declared after this one: declare it first'
metric_error 1 'metric "m" { of = function(r) r.role = 1; return 1 end }' \
    'remous: e.lua:5: metric "m", replication 1: line 5: r is read-only: compute a number from it and return it'
metric_error 1 'metric "m" { of = function(r) while true do end end }' \
    'remous: e.lua:5: metric "m", replication 1: line 5: stopped after 10 million Lua instructions: an endless loop?'
metric_error 2 'metric "m" { label = "m" }' \
    'remous: e.lua:5: metric "m": set what it computes from a replication'"'"'s metrics, e.g. of = function(r) return r.role.bookseller.utilization end'
metric_error 2 'metric "share of busy" { of = function(r) return 1 end }' \
    'remous: e.lua:5: metric "share of busy": a metric'"'"'s name is letters, digits and _ (the CSV files, --target and r.metric use it), e.g. "share_of_busy"; put the words in its label'
metric_error 2 'metric "m" { of = 1 }' \
    'remous: e.lua:5: metric "m": of must be a function, got 1'
metric_error 2 'variant "v" { apply = function() metric "m" { of = function(r) return 1 end } end }' \
    'remous: e.lua:5: metric "m": declare metrics and targets at the top of the file, not inside an apply'
# a quantile read in a period has no value there: no error
metric_error 0 'metric "m" { of = function(r) return r.queue.serve.wait_p90 end }' ''
# a long C call inside the function: the worker's watchdog, with the declaration's line
printf '%s\n%s\n' "$base" 'metric "m" { of = function(r) return #string.find(string.rep("a", 40000), ".-.-.-.-b") end }' > hang.lua
REMOUS_HOOK_TIMEOUT=2 timeout 30 "$remous" run hang.lua --jobs 2 --quiet > out.txt 2> err.txt; rc=$?
[ $rc = 1 ] && [ "$(cat err.txt)" = 'remous: hang.lua:5: metric "m": of function ran for more than 2 s inside one call of a string or table function: stopped (a pattern that backtracks, or a huge text or table?)' ] &&
    ok || ko "a derived metric in one long C call: exit $rc, $(cat err.txt)"

# ---- targets on run and compare ----
"$remous" compare "$d" > t.txt 2>&1
cat > expected.txt <<'TXT'

Targets, each judged on the 95% interval of its mean (3 replications):
  baseline
    met        serving keeps most of the time: 0.8 [0.8, 0.8], wanted at least 0.75
    met        visits under 6 minutes: 5 [5, 5], wanted below 6
  slower filing
    not met    serving keeps most of the time: 0.6923 [0.6923, 0.6923], wanted at least 0.75
    not met    visits under 6 minutes: 6.5 [6.5, 6.5], wanted below 6
Only the baseline meets every target.
TXT
sed -n '/^Targets/,$p' t.txt | sed '1i\\' > got.txt
same "compare: the targets of each run and the runs that meet them all" got.txt
cat > expected.txt <<'TXT'
variant,target,element,name,metric,operator,level,mean,ci95_low,ci95_high,verdict
baseline,serving keeps most of the time,metric,core_share_of_busy,value,>=,0.75,0.8,0.8,0.8,met
baseline,short visits,arrivals,visitors,cycle_time_mean,<,6,5,5,5,met
slower filing,serving keeps most of the time,metric,core_share_of_busy,value,>=,0.75,0.6923076923,0.6923076923,0.6923076923,not met
slower filing,short visits,arrivals,visitors,cycle_time_mean,<,6,6.5,6.5,6.5,not met
TXT
tr -d '\r' < d/targets.csv > got.txt
same "targets.csv of compare" got.txt
"$remous" run "$d" --variant "slower filing" --target "arrivals:visitors:cycle_time_mean<=6.5" --target "core_share_of_busy>=50%" > r.txt 2>&1
cat > expected.txt <<'TXT'

Targets, each judged on the 95% interval of its mean (3 replications):
  slower filing
    not met    serving keeps most of the time: 0.6923 [0.6923, 0.6923], wanted at least 0.75
    not met    visits under 6 minutes: 6.5 [6.5, 6.5], wanted below 6
    met        arrivals:visitors:cycle_time_mean<=6.5: 6.5 [6.5, 6.5], wanted at most 6.5
    met        core_share_of_busy>=50%: 0.6923 [0.6923, 0.6923], wanted at least 0.5
This option does not meet every target: 2 of 4 met.
TXT
sed -n '/^Targets/,$p' r.txt | sed '1i\\' > got.txt
same "run --target: <= at the level is met, 50% is 0.5" got.txt
"$remous" compare "$d" --lang fr > tf.txt 2>&1
grep -qxF '    manquée   serving keeps most of the time : 0,6923 [0,6923 ; 0,6923], voulue au moins à 0,75' tf.txt &&
    grep -qxF 'Seule la situation actuelle atteint toutes les cibles.' tf.txt && ok || ko "targets in French: $(sed -n '/^Cibles/,$p' tf.txt)"

# ---- which options meet every target: the terminal, the report, known by construction ----
o="$sc/decision_options.lua"
# the targets' table of a report, a line per row, " | " between cells
cells() { sed -n '/<table class="targets">/,/<\/table>/p' "$1" | sed 's/<\/t[hd]>/ | /g; s/ *<span class="[a-z]*">/ — /g; s/<[^>]*>//g' | sed '/^$/d'; }
answer() { sed -n 's/.*<p class="targets-answer" id="targets-answer">\([^<]*\)<.*/\1/p' "$1"; }
"$remous" compare "$o" --html o.html > o.txt 2> err.txt || ko "compare decision_options.lua --html: $(cat err.txt)"
cat > expected.txt <<'TXT'
Option | serving keeps most of the time — wanted at least 75% | visits under 6 minutes — wanted below 6 minutes | no wait at pickup — wanted below 1 minute | Every target | 
baseline | ✓ met — 80% [80, 80%] | ✓ met — 5 minutes [5, 5 minutes] | ? undecided — no value | no | 
slower filing | ✗ not met — 69.2% [69.2, 69.2%] | ✗ not met — 6.5 minutes [6.5, 6.5 minutes] | ✓ met — 0 minutes [0, 0 minutes] | no | 
quick filing | ✓ met — 90% [90, 90%] | ✓ met — 5 minutes [5, 5 minutes] | ✓ met — 0 minutes [0, 0 minutes] | yes | 
quicker filing | ✓ met — 94.7% [94.7, 94.7%] | ✓ met — 4.75 minutes [4.75, 4.75 minutes] | ✓ met — 0 minutes [0, 0 minutes] | yes | 
TXT
cells o.html > got.txt
same "report: the targets' table (options by targets, each cell its verdict, mean and interval in the metric's unit)" got.txt
a='2 of the 4 options meet every target: “quick filing”, “quicker filing”.'
[ "$(answer o.html)" = "$a" ] && [ "$(tail -n 1 o.txt)" = "$a" ] && ok ||
    ko "report and terminal: the same answer '$a': page '$(answer o.html)', terminal '$(tail -n 1 o.txt)'"
"$remous" compare "$o" --html of.html --lang fr --quiet || ko "compare decision_options.lua --lang fr"
cat > expected.txt <<'TXT'
Option | serving keeps most of the time — voulue au moins à 75 % | visits under 6 minutes — voulue sous 6 minutes | no wait at pickup — voulue sous 1 minute | Toutes les cibles | 
situation actuelle | ✓ atteinte — 80 % [80 ; 80 %] | ✓ atteinte — 5 minutes [5 ; 5 minutes] | ? indécise — pas de valeur | non | 
slower filing | ✗ manquée — 69,2 % [69,2 ; 69,2 %] | ✗ manquée — 6,5 minutes [6,5 ; 6,5 minutes] | ✓ atteinte — 0 minute [0 ; 0 minute] | non | 
quick filing | ✓ atteinte — 90 % [90 ; 90 %] | ✓ atteinte — 5 minutes [5 ; 5 minutes] | ✓ atteinte — 0 minute [0 ; 0 minute] | oui | 
quicker filing | ✓ atteinte — 94,7 % [94,7 ; 94,7 %] | ✓ atteinte — 4,75 minutes [4,75 ; 4,75 minutes] | ✓ atteinte — 0 minute [0 ; 0 minute] | oui | 
TXT
cells of.html > got.txt
same "report in French: the targets' table" got.txt
[ "$(answer of.html)" = '2 des 4 options atteignent toutes les cibles : « quick filing », « quicker filing ».' ] && ok ||
    ko "report in French: the answer: $(answer of.html)"
# compare_answer 'SENTENCE' OPTIONS...: the page's answer and the terminal's last line are SENTENCE
compare_answer() {
    want=$1; shift
    "$remous" compare "$o" --html a.html "$@" > a.txt 2> err.txt
    [ "$(answer a.html)" = "$want" ] && [ "$(tail -n 1 a.txt)" = "$want" ] && ok ||
        ko "compare $*: '$want': page '$(answer a.html)', terminal '$(tail -n 1 a.txt)' $(cat err.txt)"
}
# a visit over 4.8 minutes: quicker filing (4.75) is out
compare_answer 'Only “quick filing” meets every target.' --target "arrivals:visitors:cycle_time_mean>4.8"
compare_answer 'Seule « quick filing » atteint toutes les cibles.' --target "arrivals:visitors:cycle_time_mean>4.8" --lang fr
# --prefer: the means in that order (the shorter visit, the larger share), the first the cheapest
compare_answer '2 of the 4 options meet every target; the first in the order asked is “quicker filing”.' --prefer core_share_of_busy:max
compare_answer '2 of the 4 options meet every target; the first in the order asked is “quick filing”.' \
    --prefer arrivals:visitors:cycle_time_mean:max
compare_answer '2 des 4 options atteignent toutes les cibles ; la première dans l'"'"'ordre demandé est « quick filing ».' \
    --prefer "queue:pickup:wait_mean:min,arrivals:visitors:cycle_time_mean:max" --lang fr
"$remous" compare "$o" --prefer arrivals:visitors:cycle_time_mean:max | grep -qxF 'The options that meet every target, in this order: visitors — time from arrival to exit, largest first.' &&
    ok || ko "compare --prefer: the order said on the terminal"
grep -qF '<p class="meta">Chaque cible est jugée sur l'"'"'intervalle à 95 % de sa moyenne sur les 3 réplications' a.html &&
    grep -qF 'Les options qui atteignent toutes les cibles, dans cet ordre : the pickup line — attente moyenne, du plus petit au plus grand ; puis visitors — temps de l'"'"'arrivée à la sortie, du plus grand au plus petit.</p>' a.html &&
    ok || ko "the page in French: how targets are judged, the order of --prefer: $(grep -o '<p class="meta">Chaque[^<]*' a.html)"
# none: the closest (most targets met, the first of those); a --target's column says its metric
compare_answer 'No option meets every target: the closest, “quick filing”, meets 3 of 4.' --target "core_share_of_busy>0.99"
cells a.html | head -n 1 | grep -qF '| serving, share of busy time — wanted above 99% | Every target |' && ok ||
    ko "a --target's column: its metric's words and level: $(cells a.html | head -n 1)"
compare_answer 'Aucune option n'"'"'atteint toutes les cibles : la plus proche, « quick filing », en atteint 3 sur 4.' \
    --target "core_share_of_busy>0.99" --lang fr
"$remous" compare "$sc/decision_paired.lua" --target "role:clerk:utilization>2" --html n.html > n.txt 2>&1
[ "$(answer n.html)" = 'No option meets any target.' ] && [ "$(tail -n 1 n.txt)" = 'No option meets any target.' ] && ok ||
    ko "no option meets any target: $(answer n.html) / $(tail -n 1 n.txt)"
# run: one option
"$remous" run "$o" --variant "quick filing" --html r.html > r1.txt 2>&1
[ "$(answer r.html)" = 'This option meets every target.' ] && [ "$(tail -n 1 r1.txt)" = 'This option meets every target.' ] &&
    ok || ko "run: the one option meets every target: $(answer r.html) / $(tail -n 1 r1.txt)"
cells r.html | tail -n 1 | grep -qxF 'quick filing | ✓ met — 90% [90, 90%] | ✓ met — 5 minutes [5, 5 minutes] | ✓ met — 0 minutes [0, 0 minutes] | yes | ' &&
    ok || ko "run's report: its row: $(cells r.html | tail -n 1)"
"$remous" run "$o" --lang fr > r2.txt 2>&1
[ "$(tail -n 1 r2.txt)" = "Cette option n'atteint pas toutes les cibles : 2 sur 3 atteintes." ] && ok ||
    ko "run in French: $(tail -n 1 r2.txt)"
# without a target: no section
"$remous" compare "$sc/decision_paired.lua" --html none.html --quiet
! grep -q 'id="targets"' none.html && ok || ko "a report without targets has no targets' section"
# --prefer on compare: its errors, one line each
prefer_error() {
    want=$1; shift
    "$remous" compare "$@" --quiet > out.txt 2> err.txt; rc=$?
    [ $rc = 2 ] && [ "$(cat err.txt)" = "$want" ] && ok || ko "compare $*: exit $rc, '$(cat err.txt)', expected '$want'"
}
prefer_error 'remous: --prefer: on compare, expected METRIC:min or METRIC:max separated by commas, each METRIC as --target names it (e.g. role:bookseller:share_core:max or advising_share:max), got "core_share_of_busy"' \
    "$o" --prefer core_share_of_busy
prefer_error 'remous: --prefer role:clerk:utilisation:min: role "clerk" has no metric "utilisation" (did you mean "utilization"?)' \
    "$o" --prefer role:clerk:utilisation:min
prefer_error 'remous: --prefer: core_share_of_busy is given twice' "$o" --prefer core_share_of_busy:min,core_share_of_busy:max
prefer_error 'remous: --prefer orders the options that meet every target: give a --target, or declare a target in the scenario (see "target")' \
    "$sc/decision_paired.lua" --prefer role:clerk:utilization:min

# the consultant's case as the README runs it (scenarios/bookstore_decision.lua, 20 replications)
"$remous" sweep "$top/scenarios/bookstore_decision.lua" --variant "online payment + pickup clerk" \
    --grid pickup_clerks=0:2:1 --grid adoption=0.2:1.0:0.2 --prefer pickup_clerks:min,adoption:max \
    --html consultant.html --out consultant > consultant.txt 2> err.txt || ko "the README's consultant sweep: $(cat err.txt)"
grep -qxF 'Points that meet every target: 10 of 15.' consultant.txt && grep -qxF 'The cheapest: pickup_clerks=1, adoption=1.' consultant.txt &&
    grep -qF '<p class="answer" id="answer">10 of the 15 options meet every target; the cheapest is Pickup clerks = 1, Share of booksellers who use the order back-office = 1.</p>' consultant.html &&
    ok || ko "the README's consultant answer: $(tail -n 1 consultant.txt)"
"$remous" compare "$top/scenarios/bookstore_decision.lua" --html consultant-report.html > consultant-compare.txt 2>&1
a='2 of the 4 options meet every target: the baseline, “online payment + pickup clerk”.'
[ "$(tail -n 1 consultant-compare.txt)" = "$a" ] && [ "$(answer consultant-report.html)" = "$a" ] && ok ||
    ko "the README's consultant compare: $(tail -n 1 consultant-compare.txt)"

# on a random model each verdict follows from the interval, and every kind occurs
"$remous" compare "$sc/decision_paired.lua" --target "core_share_of_busy>0.8" --target "core_share_of_busy<0.7" \
    --target "role:clerk:utilization>=0.8" --target "queue:serve:wait_mean<=1000" --out pt --quiet || ko "compare --target"
tr -d '\r' < pt/targets.csv | awk -F, 'NR > 1 {
    v = $7; lo = $9; hi = $10
    if ($6 == "<") w = hi < v ? "met" : lo >= v ? "not met" : "undecided"
    if ($6 == "<=") w = hi <= v ? "met" : lo > v ? "not met" : "undecided"
    if ($6 == ">") w = lo > v ? "met" : hi <= v ? "not met" : "undecided"
    if ($6 == ">=") w = lo >= v ? "met" : hi < v ? "not met" : "undecided"
    if (w != $11) bad++; seen[$11]++ }
    END { print bad + 0, seen["met"], seen["not met"], seen["undecided"] }' > got.txt
[ "$(cat got.txt)" = "0 4 3 1" ] && ok || ko "verdicts from the intervals (bad, met, not met, undecided): $(cat got.txt)"
grep -q '^baseline,core_share_of_busy>0.8,.*,undecided.$' pt/targets.csv && ok || ko "a level inside the interval is undecided"
# --quiet: no terminal, the file still
[ -f pt/targets.csv ] && ok || ko "--quiet writes targets.csv"
# without targets: no targets.csv, no block
"$remous" run "$sc/decision_paired.lua" --out none > n.txt 2>&1
[ ! -f none/targets.csv ] && ! grep -q Targets n.txt && ok || ko "no target, no targets.csv and no block"

# ---- targets on a grid whose answer is known by construction ----
g="$sc/decision_grid.lua"
"$remous" sweep "$g" --grid clerks=1,2,3 --grid gap=5,10,20 --target "arrivals:visitors:arrived>=100" \
    --prefer clerks:min,gap:max --out g > g.txt 2> err.txt || ko "sweep decision_grid.lua: $(cat err.txt)"
cat > expected.txt <<'TXT'

Targets at each grid point, each judged on the 95% interval of its mean:
  clerks=1, gap=5   met: arrivals:visitors:arrived>=100; not met: clerks not too busy
  clerks=1, gap=10  met: arrivals:visitors:arrived>=100; not met: clerks not too busy
  clerks=1, gap=20  met: clerks not too busy; not met: arrivals:visitors:arrived>=100
  clerks=2, gap=5   met: arrivals:visitors:arrived>=100; not met: clerks not too busy
  clerks=2, gap=10  met: clerks not too busy, arrivals:visitors:arrived>=100
  clerks=2, gap=20  met: clerks not too busy; not met: arrivals:visitors:arrived>=100
  clerks=3, gap=5   met: clerks not too busy, arrivals:visitors:arrived>=100
  clerks=3, gap=10  met: clerks not too busy, arrivals:visitors:arrived>=100
  clerks=3, gap=20  met: clerks not too busy; not met: arrivals:visitors:arrived>=100
Points that meet every target: 3 of 9.
In the order of --prefer (clerks smallest first, gap largest first):
     1. clerks=2, gap=10
     2. clerks=3, gap=10
     3. clerks=3, gap=5
The cheapest: clerks=2, gap=10.
TXT
same "sweep: verdicts per point, the points that meet every target, the cheapest" g.txt
cat > expected.txt <<'TXT'
1,5,not met,met
1,10,not met,met
1,20,met,not met
2,5,not met,met
2,10,met,met
2,20,met,not met
3,5,met,met
3,10,met,met
3,20,met,not met
TXT
tr -d '\r' < g/targets.csv | awk -F, 'NR > 1 { v[$2 "," $3] = v[$2 "," $3] "," $13; if (!(($2 "," $3) in o)) { o[$2 "," $3] = ++n; k[n] = $2 "," $3 } }
    END { for (i = 1; i <= n; i++) print k[i] v[k[i]] }' > got.txt
same "targets.csv: the verdict of each target at each point" got.txt
[ "$(head -1 g/targets.csv | tr -d '\r')" = "variant,clerks,gap,target,element,name,metric,operator,level,mean,ci95_low,ci95_high,verdict" ] &&
    ok || ko "targets.csv's header has the grid after the variant: $(head -1 g/targets.csv)"
# another order: the most clerks first, then the shortest gap
"$remous" sweep "$g" --grid clerks=1,2,3 --grid gap=5,10,20 --target "arrivals:visitors:arrived>=100" \
    --prefer gap:min,clerks:max --out g2 > g2.txt 2>&1
tail -4 g2.txt > got.txt
printf '     1. clerks=3, gap=5\n     2. clerks=3, gap=10\n     3. clerks=2, gap=10\nThe cheapest: clerks=3, gap=5.\n' > expected.txt
same "--prefer gap:min,clerks:max" got.txt
# no --prefer: grid order, no cheapest; no point: said so
"$remous" sweep "$g" --grid clerks=1 --grid gap=5,10 --out g3 > g3.txt 2>&1
tail -1 g3.txt | grep -qx 'No point of the grid meets every target.' && ok || ko "no point meets the targets: $(tail -2 g3.txt)"
"$remous" sweep "$g" --grid clerks=2,3 --grid gap=10 --out g4 > g4.txt 2>&1
tail -3 g4.txt > got.txt
printf 'In grid order:\n     1. clerks=2, gap=10\n     2. clerks=3, gap=10\n' > expected.txt
same "without --prefer: the points in grid order, none named cheapest" got.txt
# shards and merge: the same files and the same decision as one machine
"$remous" sweep "$g" --grid clerks=1,2,3 --grid gap=5,10,20 --target "arrivals:visitors:arrived>=100" --shard 1/2 --out s1 > /dev/null &&
"$remous" sweep "$g" --grid clerks=1,2,3 --grid gap=5,10,20 --target "arrivals:visitors:arrived>=100" --shard 2/2 --out s2 > /dev/null &&
"$remous" merge s1 s2 --out m > m.txt && "$remous" sweep "$g" --grid clerks=1,2,3 --grid gap=5,10,20 \
    --target "arrivals:visitors:arrived>=100" --out one > one.txt && cmp -s m/targets.csv one/targets.csv &&
    cmp -s m.txt one.txt && ok || ko "merge writes one machine's targets.csv and decision"
# a resumed sweep with other targets is another sweep
"$remous" sweep "$g" --grid clerks=1,2,3 --grid gap=5,10,20 --target "arrivals:visitors:arrived>=50" --resume --out one > /dev/null 2> err.txt
[ $? = 2 ] && grep -q '^remous: --resume: one holds another sweep' err.txt && ok || ko "--resume with another --target: $(cat err.txt)"

# ---- errors of targets and --prefer: one line each ----
# opt_error CODE 'STDERR' -- COMMAND...
opt_error() {
    code=$1 line=$2; shift 3
    "$@" > out.txt 2> err.txt
    rc=$?
    [ $rc = "$code" ] && [ "$(cat err.txt)" = "$line" ] && ok || ko "$*: exit $rc, '$(cat err.txt)', expected '$line'"
}
shape='expected a metric, then <, <=, > or >= and a number, e.g. arrivals:walk_in:wait_mean<5 or advising_share>=0.6'
for bad in 'queue:serve:wait_mean' 'queue:serve:wait_mean<' 'queue:serve:wait_mean=5' 'queue:serve:wait_mean<5min' '<5' 'queue:serve:wait_mean<nan'; do
    opt_error 2 "remous: --target: $shape, got \"$bad\"" -- "$remous" run "$d" --target "$bad"
done
opt_error 2 'remous: --target queue:serve<5: expected ELEMENT:NAME:METRIC as summary.csv names it (e.g. arrivals:walk_in:wait_mean), or the name of a metric the scenario declares, got "queue:serve"' -- "$remous" run "$d" --target "queue:serve<5"
opt_error 2 'remous: --target queue:serve:wait_mea<5: queue "serve" has no metric "wait_mea" (did you mean "wait_mean"?)' -- "$remous" run "$d" --target "queue:serve:wait_mea<5"
opt_error 2 'remous: --target queue:serv:wait_mean<5: no queue called "serv" (did you mean "serve"?)' -- "$remous" run "$d" --target "queue:serv:wait_mean<5"
opt_error 2 'remous: --target queue:nothing_like_it:wait_mean<5: no queue called "nothing_like_it" (its names: serve, file, pickup)' -- "$remous" run "$d" --target "queue:nothing_like_it:wait_mean<5"
opt_error 2 'remous: --target qeue:serve:wait_mean<5: no element "qeue" in the scenario'"'"'s metrics (did you mean "queue"?)' -- "$remous" run "$d" --target "qeue:serve:wait_mean<5"
opt_error 2 'remous: --target core_share<0.5: the scenario declares no metric called "core_share" (the metrics it declares: core_share_of_busy, admin_per_core, wait_p90_plus_one, pickup_wait)' -- "$remous" run "$d" --target "core_share<0.5"
opt_error 2 'remous: --target utilization<0.5: the scenario declares no metric called "utilization" (it declares none; a metric of summary.csv is written ELEMENT:NAME:METRIC, e.g. arrivals:walk_in:wait_mean)' -- "$remous" run "$g" --target "utilization<0.5"
opt_error 2 'remous: --target goes with run, compare and sweep, not check (see remous check --help)' -- "$remous" check "$d" --target "core_share_of_busy<1"
opt_error 2 'remous: --prefer goes with compare and sweep, not run (see remous run --help)' -- "$remous" run "$d" --prefer clerks:min
opt_error 2 'remous: --prefer: clerk is not a parameter of the grid (did you mean "clerks"?)' -- "$remous" sweep "$g" --grid clerks=1,2 --grid gap=10 --prefer clerk:min --out pe
opt_error 2 'remous: --prefer: expected NAME:min or NAME:max for grid parameters, separated by commas (e.g. pickup_clerks:min,adoption:max), got "clerks:least"' -- "$remous" sweep "$g" --grid clerks=1,2 --prefer clerks:least --out pe
opt_error 2 'remous: --prefer: clerks is given twice' -- "$remous" sweep "$g" --grid clerks=1,2 --prefer clerks:min,clerks:max --out pe
printf 'scenario "g" { horizon = 100 }\nlocal c = param("c", 1)\nrole "r" { count = c }\narrivals "a" { interarrival = 10, to = "t" }\nactivity "t" { role = "r", duration = 1 }\n' > plain.lua
opt_error 2 'remous: --prefer orders the grid points that meet every target: give one with --target, e.g. --target "arrivals:walk_in:wait_mean<5", or declare one in the scenario' -- "$remous" sweep plain.lua --grid c=1,2 --prefer c:min --out pe
# ---- several metrics: the Pareto front, points.csv, the decision page ----
pa="$sc/decision_pareto.lua"
pgrid="--grid clerks=1,2,3 --grid gap=5,10 --target arrivals:visitors:arrived>=100"
two="--rank role:clerk:utilization --rank arrivals:visitors:arrived:max"
"$remous" sweep "$pa" $pgrid $two --prefer clerks:min,gap:max --html pa.html --out pa > pa.txt 2> err.txt ||
    ko "sweep decision_pareto.lua with two --rank: $(cat err.txt)"
# clerks=3 beats clerks=1 and 2 at each gap (as many readers, less busy); gap=5 and gap=10 pull apart
cat > expected.txt <<'TXT'

Pareto front on role clerk utilization (smallest best) and arrivals visitors arrived (largest best): 2 of 6 points, judged on the means ("~ front": its 95% intervals meet a front point's on every one)
  clerks=3, gap=5                              0.2657        287  front
  clerks=3, gap=10                             0.1324        143  front
TXT
sed -n '/^Pareto front/,/^$/p' pa.txt | sed '/^$/d' | sed '1i\\' > got.txt
same "the Pareto front of two ranked metrics on the terminal" got.txt
grep -c '^Grid points ranked on' pa.txt | grep -qx 2 && ok || ko "each --rank is ranked: $(grep '^Grid' pa.txt)"
cat > expected.txt <<'TXT'
clerks,gap,role:clerk:utilization:mean,role:clerk:utilization:ci95_low,role:clerk:utilization:ci95_high,arrivals:visitors:arrived:mean,arrivals:visitors:arrived:ci95_low,arrivals:visitors:arrived:ci95_high,metric:readers_per_clerk:value:mean,metric:readers_per_clerk:value:ci95_low,metric:readers_per_clerk:value:ci95_high,metric:idle_share:value:mean,metric:idle_share:value:ci95_low,metric:idle_share:value:ci95_high
1,5,0.7972222222,0.7972222222,0.7972222222,287,287,287,287,287,287,0.2027777778,0.2027777778,0.2027777778
1,10,0.3972222222,0.3972222222,0.3972222222,143,143,143,143,143,143,0.6027777778,0.6027777778,0.6027777778
2,5,0.3986111111,0.3986111111,0.3986111111,287,287,287,143.5,143.5,143.5,0.6013888889,0.6013888889,0.6013888889
2,10,0.1986111111,0.1986111111,0.1986111111,143,143,143,71.5,71.5,71.5,0.8013888889,0.8013888889,0.8013888889
3,5,0.2657407407,0.2657407407,0.2657407407,287,287,287,95.66666667,95.66666667,95.66666667,0.7342592593,0.7342592593,0.7342592593
3,10,0.1324074074,0.1324074074,0.1324074074,143,143,143,47.66666667,47.66666667,47.66666667,0.8675925926,0.8675925926,0.8675925926
TXT
tr -d '\r' < pa/points.csv > got.txt
same "points.csv: the grid, then the ranked, targeted (utilization is both) and declared metrics, each mean, ci95_low, ci95_high" got.txt
# shards and merge: the same points.csv, byte for byte
"$remous" sweep "$pa" $pgrid --shard 1/2 --out pa1 > /dev/null && "$remous" sweep "$pa" $pgrid --shard 2/2 --out pa2 > /dev/null &&
    "$remous" merge pa1 pa2 $two --html pam.html --out pam > pam.txt 2> err.txt && cmp -s pa/points.csv pam/points.csv &&
    ok || ko "merge writes one machine's points.csv: $(cat err.txt)"
sed -n '/^Pareto front/,/^$/p' pam.txt | cmp -s - "$(sed -n '/^Pareto front/,/^$/p' pa.txt > pf.txt; echo pf.txt)" && ok ||
    ko "merge lists the same Pareto front"
"$remous" sweep "$pa" --grid clerks=1,2 --out pn --quiet && [ "$(head -1 pn/points.csv | tr -d '\r')" = \
    "clerks,role:clerk:utilization:mean,role:clerk:utilization:ci95_low,role:clerk:utilization:ci95_high,metric:readers_per_clerk:value:mean,metric:readers_per_clerk:value:ci95_low,metric:readers_per_clerk:value:ci95_high,metric:idle_share:value:mean,metric:idle_share:value:ci95_low,metric:idle_share:value:ci95_high" ] &&
    ok || ko "points.csv without --rank: the targeted and declared metrics: $(head -1 pn/points.csv)"
# the page, rendered by a browser: its one-sentence answer, exactly
answer() { chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$tmp/$1" 2> /dev/null |
           sed -n 's:.*<p class="answer" id="answer">\(.*\)</p>.*:\1:p'; }
if command -v chromium > /dev/null; then
    [ "$(answer pa.html)" = "3 of the 6 options meet every target; the cheapest is Clerks = 2, Minutes between readers = 10." ] &&
        ok || ko "the page's answer (sweep, labels): '$(answer pa.html)'"
    [ "$(answer pam.html)" = "3 of the 6 options meet every target: clerks = 2, gap = 10; clerks = 3, gap = 5; clerks = 3, gap = 10." ] &&
        ok || ko "the page's answer (merge: names, grid order without --prefer): '$(answer pam.html)'"
    "$remous" sweep "$pa" $pgrid $two --prefer clerks:min,gap:max --html pafr.html --lang fr --out pafr --quiet
    [ "$(answer pafr.html)" = "3 des 6 options atteignent toutes les cibles ; la moins chère est Clerks = 2, Minutes between readers = 10." ] &&
        ok || ko "the page's answer in French: '$(answer pafr.html)'"
    "$remous" sweep "$pa" --grid clerks=1,2 --grid gap=10 --prefer clerks:min --html one.html --out one --quiet
    [ "$(answer one.html)" = "1 of the 2 options meets every target: Clerks = 2, Minutes between readers = 10." ] &&
        ok || ko "the page's answer with one option: '$(answer one.html)'"
    "$remous" sweep "$pa" --grid clerks=1 --grid gap=5,10 --html none.html --out none --quiet
    [ "$(answer none.html)" = "None of the 2 options meets every target." ] && ok || ko "the page's answer with none: '$(answer none.html)'"
    # without targets: the best on the ranked metric and the points that cannot be told apart from it
    printf 'scenario "b" { horizon = 1000, replications = 5 }\nlocal c = param("c", 1)\nrole "r" { count = c }\narrivals "a" { interarrival = exponential(10), to = "t" }\nactivity "t" { role = "r", duration = exponential(4) }\n' > best.lua
    "$remous" sweep best.lua --grid c=1,2,3 --rank role:r:utilization --html best.html --out best --quiet
    [ "$(answer best.html)" = "The best on r — busy share of working time is c = 3 (13.1%); no other point comes close (no other 95% interval meets the best's)." ] &&
        ok || ko "the page's answer on a ranking alone: '$(answer best.html)'"
    "$remous" sweep best.lua --grid c=1,2,3 --rank arrivals:a:cycle_time_mean --html near.html --out near --quiet
    [ "$(answer near.html)" = "The best on a — time from arrival to exit is c = 3 (3.98 minutes); 1 other point cannot be told apart from it (its 95% interval meets the best's): c = 2." ] &&
        ok || ko "the page's answer with a point that cannot be told apart: '$(answer near.html)'"
else
    ko "chromium is needed to render the decision page (scripts/install-deps.sh)"
fi
# what the page holds: shares in percent, the question, a heat map per ranked metric, small multiples for a third param
grep -qF '<li>clerks not too busy: wanted below 30%</li>' pa.html && ok || ko "the page states each target with its level as people read it"
grep -qF '<li>The cheapest first, in this order: Clerks, smallest first; then Minutes between readers, largest first.</li>' pa.html && ok ||
    ko "the page states the preference"
[ "$(grep -c '<table class="heat">' pa.html)" = 3 ] && grep -qF '<h2>Targets met, across the grid</h2>' pa.html && ok ||
    ko "a map of the targets met, then a heat map per ranked metric"
grep -qF '<td class="cell met" style="background:#d3f0db">✓ 2 of 2 met</td>' pa.html && ok || ko "a point that meets both targets, on the map"
grep -qF '<td class="cell best" style="background:#eff3ff;color:#111">13.2% ◆ ✓</td>' pa.html && ok ||
    ko "the best cell: its share in percent, on the front, meets every target"
grep -qF '<td class="not-met">✗ not met <span class="fig">(79.7%)</span></td>' pa.html && ok || ko "a target not met at a point"
grep -qF '<td class="cell" style="background:#eff3ff;color:#111">13,2 % ◆ ✓</td>' pafr.html ||
    grep -qF '13,2 % ◆ ✓</td>' pafr.html && ok || ko "the French page: a decimal comma, a space before %"
"$remous" sweep "$pa" --grid clerks=1,2 --grid gap=5,10 --grid service=2,4 --rank role:clerk:utilization --html sm.html --out sm --quiet
[ "$(grep -c '<figure class="map">' sm.html)" = 4 ] && [ "$(grep -c '<figcaption>service = 4</figcaption>' sm.html)" = 2 ] && ok ||
    ko "a third grid param: one map for each of its values (the targets met, the ranked metric)"
# errors
opt_error 2 'remous: --rank role:clerk:utilization is given twice: rank on each metric once' -- "$remous" sweep "$pa" --grid clerks=1,2 --rank role:clerk:utilization --rank role:clerk:utilization --out pe
opt_error 2 'remous: --rank role:clerk:utilization is given twice: rank on each metric once' -- "$remous" merge pa1 pa2 --rank role:clerk:utilization --rank role:clerk:utilization --out pe
# declared targets: the line of their metric
target_error() {
    printf '%s\n%s\n' "$base" "$1" > e.lua
    "$remous" check e.lua > out.txt 2> err.txt
    rc=$?
    [ $rc = 2 ] && [ "$(cat err.txt)" = "$2" ] && ok || ko "$1: exit $rc, '$(cat err.txt)', expected '$2'"
}
target_error 'target "t" { metric = "queue:serve:wait_mea", below = 1 }' \
    'remous: e.lua:5: target "t": queue "serve" has no metric "wait_mea" (did you mean "wait_mean"?)'
target_error 'target "t" { below = 1 }' \
    'remous: e.lua:5: target "t": set the metric it is about, e.g. metric = "arrivals:walk_in:wait_mean"'
target_error 'target "t" { metric = "queue:serve:wait_mean" }' \
    'remous: e.lua:5: target "t": give one of below, above, at_most or at_least, e.g. below = 5'
target_error 'target "t" { metric = "queue:serve:wait_mean", below = 1, at_least = 0 }' \
    'remous: e.lua:5: target "t": give only one of below, above, at_most or at_least, e.g. below = 5'
target_error 'target "t" { metric = "queue:serve:wait_mean", under = 1 }' \
    'remous: e.lua:5: target "t": unknown field "under" (its fields: above, at_least, at_most, below, description, label, metric)'
target_error 'target "t" { metric = "queue:serve:wait_mean", below = "5" }' \
    'remous: e.lua:5: target "t": below must be a number, got "5"'
target_error 'target "t" { metric = "queue:serve", below = 1 }' \
    'remous: e.lua:5: target "t": metric: expected ELEMENT:NAME:METRIC as summary.csv names it (e.g. arrivals:walk_in:wait_mean), or the name of a metric the scenario declares, got "queue:serve"'
target_error 'variant "v" { apply = function() target "t" { metric = "queue:serve:wait_mean", below = 1 } end }' \
    'remous: e.lua:5: target "t": declare metrics and targets at the top of the file, not inside an apply'

summary
