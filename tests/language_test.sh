#!/bin/sh
# What the words of the scenario language mean, checked on the numbers:
# rates per open day and per week under a calendar, the public's uptake of
# a tool (exact common random numbers at 0, everyone at 1, the share at
# 0.5, a growing share week by week), adoption per role, and the exact
# error lines of their slips. Prints "language: N passed, N failed" last.
# REMOUS is the binary, relative to the repository's top (default build/remous).
set -u
suite=language; . "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 1

# row FILE VARIANT ELEMENT NAME METRIC: the row's mean, low, high (summary.csv)
row() {
    awk -F, -v v="$2" -v e="$3" -v n="$4" -v m="$5" '{ sub(/\r$/, "") }
        $1 == v && $2 == e && $3 == n && $4 == m { print $5, $6, $7; exit }' "$1"
}

# near WHAT "MEAN LOW HIGH" EXPECTED: the expected value lies within 1.5
# half-widths of the 95% interval (about 3 standard errors)
near() {
    set -- "$1" $2 "$3"
    if [ $# -ne 5 ]; then ko "$1: no such row"; return; fi
    if awk -v m="$2" -v lo="$3" -v hi="$4" -v e="$5" 'BEGIN { h = 1.5 * (hi - lo) / 2; exit !(e >= m - h && e <= m + h) }'; then
        ok
    else
        ko "$1: $2 [$3, $4], expected $5"
    fi
}

# exactly WHAT ACTUAL EXPECTED
exactly() {
    if [ "$2" = "$3" ]; then ok; else ko "$1: got '$2', expected '$3'"; fi
}

# error_is FILE LINE: check FILE fails with exit 2 and this one line
error_is() {
    "$remous" check "$1" >/dev/null 2>err
    rc=$?
    if [ "$rc" -eq 2 ] && [ "$(cat err)" = "$2" ]; then ok; else ko "$1: exit $rc, '$(cat err)', expected '$2'"; fi
}

# ---------------------------------------------------------------- rates ---
cat > rates.lua <<'EOF'
scenario "Rates" { horizon = weeks(10), replications = 20 }
calendar "shop" { "tue-sat 10:00-19:00" }
calendar "odd" { "mon 09:00-12:00", "thu 14:00-20:00" }
arrivals "shop_days" { rate = per_day(20), calendar = "shop", to = "exit" }
arrivals "odd_days" { rate = per_day(20), calendar = "odd", to = "exit" }
arrivals "odd_weeks" { rate = per_week(30), calendar = "odd", to = "exit" }
arrivals "plain_days" { rate = per_day(24), to = "exit" }
arrivals "open_hours" { rate = per_hour(2), calendar = "shop", to = "exit" }
EOF
"$remous" run rates.lua --seed 3 --out rates --quiet 2>err || ko "rates run: $(cat err)"
near "per_day(20), tue-sat 10:00-19:00: 100 a week" "$(row rates/summary.csv baseline arrivals shop_days arrived)" 1000
near "per_day(20), mon 3 h and thu 6 h: 40 a week" "$(row rates/summary.csv baseline arrivals odd_days arrived)" 400
near "per_week(30) under a calendar: 30 a week" "$(row rates/summary.csv baseline arrivals odd_weeks arrived)" 300
near "per_day(24) without a calendar: 24 a day" "$(row rates/summary.csv baseline arrivals plain_days arrived)" 1680
near "per_hour(2) under a calendar: 2 an open hour" "$(row rates/summary.csv baseline arrivals open_hours arrived)" 900
# day by day: 20 on Monday, 20 on Thursday, none on the other days
"$remous" run rates.lua --seed 3 --period 1d --out daily --quiet 2>err || ko "daily run: $(cat err)"
day() {   # day K of the first week, stream NAME: mean low high
    awk -F, -v t="$(($1 * 1440))" -v n="$2" '{ sub(/\r$/, "") }
        $2 == t && $3 == "arrivals" && $4 == n && $5 == "arrived" { print $6, $7, $8; exit }' daily/timeseries.csv
}
near "per_day(20): Monday 09:00-12:00 gets 20" "$(day 0 odd_days)" 20
near "per_day(20): Thursday 14:00-20:00 gets 20" "$(day 3 odd_days)" 20
exactly "per_day(20): Tuesday gets none" "$(day 1 odd_days)" "0 0 0"

# --------------------------------------------------------------- uptake ---
cat > uptake.lua <<'EOF'
scenario "Booking" { horizon = weeks(6), replications = 10 }
role "volunteer" { count = 2 }
arrivals "households" { interarrival = exponential(8), to = "phone" }
activity "phone" { role = "volunteer", duration = exponential(6), kind = "core", next = "door" }
activity "door" { duration = 1 }
tool "booking" {
  uptake = param("uptake", 0.5),
  apply = function()
    arrivals "households" { to = "book_online" }
    activity "book_online" { duration = 3, next = "door" }
    activity "door" { next = "check_booking" }
    activity "check_booking" { role = "volunteer", duration = 1, kind = "tool" }
  end,
}
variant "booking" { tools = { "booking" } }
variant "30% book online" { tools = { booking = { uptake = 0.3 } } }
EOF
for u in 0 0.5 1; do
    "$remous" compare uptake.lua --set uptake=$u --seed 2 --out "u$u" --quiet 2>err || ko "uptake $u: $(cat err)"
done
# uptake 0: every element the baseline has gives exactly its figures
exactly "uptake 0: every delta of compare.csv is 0" \
    "$(awk -F, 'NR > 1 && $1 == "booking" && $7 != 0' u0/compare.csv | wc -l)" 0
awk -F, 'NR > 1 && $1 == "baseline" { print $2, $3, $4 }' u0/summary.csv | sort > base_metrics
awk -F, 'NR > 1 && $1 == "booking" { print $2, $3, $4 }' u0/compare.csv | sort > paired_metrics
exactly "uptake 0: compare.csv has every metric of the baseline" "$(comm -23 base_metrics paired_metrics | wc -l)" 0
exactly "uptake 0: nobody at the tool's step" "$(row u0/summary.csv booking activity check_booking completed)" "0 0 0"
# uptake 1: every household books online
exactly "uptake 1: the stream's uptake is 1" "$(row u1/summary.csv booking arrivals households uptake)" "1 1 1"
exactly "uptake 1: nobody phones" "$(row u1/summary.csv booking activity phone completed)" "0 0 0"
# uptake 0.5: half of them, and the same household at both of the tool's routes
near "uptake 0.5: half the households" "$(row u0.5/summary.csv booking arrivals households uptake)" 0.5
near "uptake 0.5: the tool's uptake" "$(row u0.5/summary.csv booking tool booking uptake)" 0.5
same=$(awk -F, '$1 == "booking" && $3 == "activity" && ($4 == "book_online" || $4 == "check_booking") && $5 == "completed" { v[$4 " " $2] = $6 }
    END { for (k in v) { split(k, p, " "); if (p[1] == "book_online" && v["check_booking " p[2]] != v[k]) bad++ } print bad + 0 }' u0.5/replications.csv)
exactly "uptake 0.5: who booked online is checked at the door, in every replication" "$same" 0
near "a variant's own uptake: 30%" "$(row u0.5/summary.csv "30% book online" arrivals households uptake)" 0.3
exactly "the baseline, without a tool, has no uptake" "$(row u0.5/summary.csv baseline arrivals households uptake)" ""

# a growing uptake: week k's share is the mean of 0.6 - 0.5 * 2^(-t / 1 week) over the week
cat > growing.lua <<'EOF'
scenario "Growing" { horizon = weeks(5), replications = 40 }
arrivals "calls" { interarrival = exponential(10), to = "phone" }
activity "phone" { duration = 1 }
tool "online" {
  uptake = { start = 0.1, final = 0.6, half_life = weeks(1) },
  apply = function()
    arrivals "calls" { to = "web" }
    activity "web" { duration = 1 }
  end,
}
variant "online" { tools = { "online" } }
EOF
"$remous" run growing.lua --variant online --seed 4 --out growing --quiet 2>err || ko "growing: $(cat err)"
for k in 0 1 2 3 4; do
    expected=$(awk -v k=$k 'BEGIN { printf "%.6f", 0.6 - 0.5 * 2 ^ -(k + 1) / log(2) }')
    week=$(awk -F, -v t=$((k * 10080)) '{ sub(/\r$/, "") }
        $2 == t && $3 == "tool" && $5 == "uptake" { print $6, $7, $8; exit }' growing/timeseries.csv)
    near "growing uptake, week $((k + 1)): $expected" "$week" "$expected"
done

# adoption per role, realized: 2 clerks who never use it, the boss who does
cat > adoption.lua <<'EOF'
scenario "Adoption" { horizon = days(7), replications = 3 }
role "clerk" { count = 2 }
role "boss" { count = 1 }
arrivals "calls" { interarrival = 30, to = "phone" }
activity "phone" { role = { "clerk", "boss" }, duration = 5 }
tool "crm" {
  adoption = { clerk = 0, boss = 1 }, fallback = "phone",
  apply = function()
    arrivals "calls" { to = "log" }
    activity "log" { role = { "clerk", "boss" }, duration = 2 }
  end,
}
variant "crm" { tools = { "crm" } }
EOF
"$remous" run adoption.lua --variant crm --out adoption --quiet 2>err || ko "adoption: $(cat err)"
exactly "adoption per role: 1 person in 3 uses it" "$(row adoption/summary.csv crm tool crm adoption)" "0.3333333333 0.3333333333 0.3333333333"

# patience = false on a step: paperwork in a tray does not give up
cat > tray.lua <<'EOF'
scenario "Tray" { horizon = days(2), replications = 2 }
role "clerk" {}
arrivals "people" { interarrival = 10, to = "desk", patience = 5 }
activity "desk" { duration = 1, next = "file" }
activity "file" { role = "clerk", duration = 30, patience = false }
EOF
"$remous" run tray.lua --out tray --quiet 2>err || ko "tray: $(cat err)"
exactly "patience = false: nobody gives up waiting for that step" "$(row tray/summary.csv baseline queue file abandoned)" "0 0 0"
# the form waits in the tray, not the person: no wait in person at all (the
# desk has no role), while the total wait is the tray's
exactly "patience = false: the wait in person leaves the tray out" "$(row tray/summary.csv baseline arrivals people wait_in_person_mean)" "0 0 0"
awk -F, '$2 == "arrivals" && $4 == "wait_mean" && $5 > 100 { found = 1 } END { exit !found }' tray/summary.csv && ok ||
    ko "patience = false: the total wait keeps the tray's"
sed 's/, patience = false//' tray.lua > tray2.lua
"$remous" run tray2.lua --out tray2 --quiet 2>err || ko "tray2: $(cat err)"
if [ "$(row tray2/summary.csv baseline queue file abandoned | cut -d' ' -f1)" != 0 ]; then ok; else ko "without it, they give up there too"; fi
exactly "without a tray, no wait in person apart from the wait" "$(grep -c wait_in_person_mean tray2/summary.csv)" "0"
sed 's/patience = false/patience = 30/' tray.lua > tray3.lua
error_is tray3.lua 'remous: tray3.lua:5: activity "file": patience must be false (items waiting for this step never give up; how long people wait is the arrivals'"'"' patience), got 30'

# two tools in a variant: each tool's people are its own (a tool listed
# before another changes nothing of the other's figures)
cat > two_tools.lua <<'EOF'
scenario "Two tools" { horizon = days(3), replications = 3 }
role "clerk" { count = 2 }
arrivals "walk_in" { rate = per_hour(10), to = "desk" }
activity "desk" { role = "clerk", duration = exponential(6) }
tool "a" { apply = function() activity "note" { role = "clerk", duration = 1 } end }
tool "b" { fallback = "exit", apply = function() activity "desk" { duration = exponential(5) } end }
variant "a and b" { tools = { "a", "b" } }
variant "b" { tools = { "b" } }
EOF
"$remous" run two_tools.lua --variant "a and b" --out ab --quiet 2>/dev/null || ko "two tools: exit $?"
"$remous" run two_tools.lua --variant b --out b --quiet 2>/dev/null || ko "one tool: exit $?"
exactly "a tool listed first changes nothing of the other's figures" \
    "$(grep ',desk,' ab/summary.csv | cut -d, -f2-)" "$(grep ',desk,' b/summary.csv | cut -d, -f2-)"

# a baseline step declared again only to change where it leads stays the
# baseline's: uptake 0 is the baseline exactly, even with learning
cat > reroute.lua <<'EOF'
scenario "Reroute" { horizon = weeks(1), replications = 4 }
role "clerk" { count = 2 }
arrivals "walk_in" { rate = per_hour(10), to = "desk" }
activity "desk" { role = "clerk", duration = exponential(6), next = "pay" }
activity "pay" { role = "clerk", duration = exponential(3) }
tool "online" { uptake = param("u", 0), learning = { start = 2, half_life = days(2) },
  apply = function() activity "desk" { next = "web" } activity "web" { duration = 1 } end }
variant "online" { tools = { "online" } }
variant "paying elsewhere" { tools = { "online" }, apply = function() activity "desk" { next = "pay2" } end }
variant "pay2 only" { apply = function() activity "desk" { next = "pay2" } end }
activity "pay2" { role = "clerk", duration = exponential(3) }
EOF
"$remous" compare reroute.lua --out reroute --quiet 2>/dev/null || ko "reroute: exit $?"
exactly "a step declared again for its route: uptake 0 gives the baseline's figures exactly" \
    "$(awk -F, 'NR > 1 && $1 == "online" && $7 != 0' reroute/compare.csv | wc -l)" 0
# a variant's own apply that changes a tool's route: its route, for everyone
"$remous" compare reroute.lua --set u=0.5 --out reroute5 --quiet 2>/dev/null || ko "reroute 0.5: exit $?"
exactly "the variant's own route is everyone's" \
    "$(grep '^paying elsewhere,activity,pay2,' reroute5/summary.csv | cut -d, -f4-)" \
    "$(grep '^pay2 only,activity,pay2,' reroute5/summary.csv | cut -d, -f4-)"
exactly "nobody then takes the tool's route" "$(row reroute5/summary.csv "paying elsewhere" activity web completed)" "0 0 0"

# the stream's uptake counts those who reached the tool's route, not those
# who gave up before it
cat > gave_up.lua <<'EOF'
scenario "Gave up" { horizon = weeks(1), replications = 3 }
role "clerk" { count = 1 }
arrivals "walk_in" { rate = per_hour(12), to = "desk", patience = uniform(5, 15) }
activity "desk" { role = "clerk", duration = exponential(6), next = "pay" }
activity "pay" { duration = 1 }
tool "online" { uptake = 0.5, apply = function() activity "desk" { next = "web" } activity "web" { duration = 1 } end }
variant "online" { tools = { "online" } }
EOF
"$remous" run gave_up.lua --variant online --out gave_up --quiet 2>/dev/null || ko "gave up: exit $?"
exactly "the stream's uptake is the tool's when one tool has routes" \
    "$(row gave_up/summary.csv online arrivals walk_in uptake)" "$(row gave_up/summary.csv online tool online uptake)"

# a table changed in place after its declaration changes nothing declared
cat > in_place.lua <<'EOF'
scenario "In place" { horizon = days(2), replications = 2 }
role "clerk" { count = 3 }
arrivals "walk_in" { rate = per_hour(10), to = "desk" }
local split = { pay = 0.7, exit = 0.3 }
activity "desk" { role = "clerk", duration = exponential(6), next = split }
activity "pay" { role = "clerk", duration = exponential(3) }
tool "online" { apply = function() split.pay = 0.2; split.web = 0.5; activity "web" { duration = 1 } end }
variant "online" { tools = { "online" } }
variant "none" {}
EOF
"$remous" compare in_place.lua --out in_place --quiet 2>err
exactly "a split changed in place: the declared one holds in every variant" \
    "$(grep -c '^none,activity,pay,completed' in_place/summary.csv) $(cat err)" \
    '1 remous: warning: in_place.lua: with "online": step "web" of a tool is never reached in the run: check the routes that lead to it'

# a step's no time, however written; a tool step reached but never done is reached
cat > no_time.lua <<'EOF'
scenario "No time" { horizon = days(2), replications = 1 }
role "clerk" {}
arrivals "a" { interarrival = 60, to = "sort" }
activity "sort" { role = "clerk", duration = uniform(0, 0), next = "long" }
activity "long" { duration = 10 }
tool "slow" { uptake = 0.5, apply = function() arrivals "a" { to = "wait" } activity "wait" { duration = days(5) } end }
variant "slow" { tools = { "slow" } }
EOF
"$remous" check no_time.lua >/dev/null 2>err
exactly "uniform(0, 0) with a role is a step of no time; a tool step under way is reached" "$(cat err)" \
    'remous: warning: no_time.lua: step "sort" takes no time but needs a person: what reaches it waits for someone free, for nothing, and its kind shows as a share of time; to route items, remove its role (a step without a role is a pure delay)'
sed 's/activity "long" { duration = 10 }/activity "long" { duration = 10, patience = false }/' no_time.lua > no_wait.lua
error_is no_wait.lua 'remous: no_wait.lua:5: activity "long": patience = false is for a step items wait in line for; this one has no role, so nothing waits'
sed 's/tools = { "slow" }/tools = { "slow", slow = { uptake = 0.2 } }/' no_time.lua > twice.lua
error_is twice.lua 'remous: twice.lua:7: variant "slow": tool "slow" is listed twice (to give its uptake or adoption, list it once: slow = { ... })'

# --------------------------------------------------------------- slips ---
cat > slip1.lua <<'EOF'
scenario "x" { horizon = days(7) }
arrivals "households" { interarrival = 10, to = "phone" }
activity "phone" { duration = 5 }
tool "booking" {
  adoption = 0.6,
  apply = function()
    arrivals "households" { to = "book" }
    activity "book" { duration = 2 }
  end,
}
variant "v" { tools = { "booking" } }
EOF
error_is slip1.lua 'remous: slip1.lua:4: tool "booking": adoption is the share of the staff who use it, but no role does any of its steps; for the share of the public (customers, households) who use it, write uptake = 0.6'
sed 's/adoption = 0.6,/uptake = 0.6, adoption = { volunteer = 1 },/; s/^arrivals/role "volunteer" {}\narrivals/; s/{ duration = 2 }/{ role = "volunteer", duration = 2 }/; s/"book" }/"book" }; activity "phone" { role = "volunteer" }/' slip1.lua > slip2.lua
"$remous" check slip2.lua >/dev/null 2>err && ok || ko "uptake and adoption per role: $(cat err)"
sed 's/adoption = { volunteer = 1 }/adoption = { volunter = 1 }/' slip2.lua > slip3.lua
error_is slip3.lua 'remous: slip3.lua:5: tool "booking": adoption: no role called "volunter" (did you mean "volunteer"?)'
sed 's/role = "volunteer", duration = 2/duration = 2/' slip2.lua > slip4.lua
sed -i 's/activity "phone" { role = "volunteer" }/role "driver" {}/; s/volunteer = 1/driver = 1/' slip4.lua
error_is slip4.lua 'remous: slip4.lua:5: tool "booking": adoption is the share of the staff who use it, but no role does any of its steps; for the share of the public (customers, households) who use it, write uptake = 0.6'
cat > slip5.lua <<'EOF'
scenario "x" { horizon = days(7) }
role "clerk" {}
arrivals "calls" { interarrival = 10, to = "phone" }
activity "phone" { role = "clerk", duration = 5 }
tool "faster" {
  uptake = 0.4,
  apply = function() activity "phone" { duration = 3 } end,
}
variant "v" { tools = { "faster" } }
EOF
error_is slip5.lua 'remous: slip5.lua:5: tool "faster": uptake is the share of the items (customers, households, applications) that take the routes its apply changes, but its apply changes no arrivals'"'"' to and no step'"'"'s next'
sed 's/uptake = 0.4,/uptake = { start = 0.1, final = 0.6 },/' slip5.lua > slip6.lua
error_is slip6.lua 'remous: slip6.lua:5: tool "faster": uptake must be a share between 0 and 1, or one that grows, such as { start = 0.1, final = 0.6, half_life = weeks(8) }, got a table'
sed 's/uptake = 0.4,//; s/tools = { "faster" }/tools = { faster = { uptak = 0.3 } }/' slip5.lua > slip7.lua
error_is slip7.lua 'remous: slip7.lua:9: variant "v": tools: faster: only uptake and adoption can be set here, not "uptak" (did you mean "uptake"?)'
sed 's/uptak = 0.3/uptake = 1.5/' slip7.lua > slip8.lua
error_is slip8.lua 'remous: slip8.lua:9: variant "v": tools: faster: uptake must be a share between 0 and 1, or one that grows, such as { start = 0.1, final = 0.6, half_life = weeks(8) }, got 1.5'
sed 's/uptak = 0.3/uptake = 0.3/' slip7.lua > slip9.lua
error_is slip9.lua 'remous: slip9.lua:9: tool "faster": uptake is the share of the items (customers, households, applications) that take the routes its apply changes, but its apply changes no arrivals'"'"' to and no step'"'"'s next'

# ------------------------------------------------------------ warnings ---
# Slips a model should not hide: told on stderr by check, run and compare
# (and in the report), never a change of exit code. Constant times: exact.
cat > slips.lua <<'EOF'
scenario "Desk" { horizon = weeks(2), replications = 2 }
calendar "desk" { "mon-fri 09:00-17:00" }
role "clerk" { calendar = "desk" }
arrivals "visitors" { interarrival = 10, calendar = "desk", to = "help", patience = 60 }
activity "help" { role = "clerk", duration = 15, kind = "core", label = "help at the desk" }
activity "choose" { role = "clerk", duration = 0, next = "help" }
arrivals "callers" { interarrival = 600, to = "choose" }
tool "booking" {
  uptake = 0,
  apply = function()
    arrivals "visitors" { to = "check" }
    role "door" { calendar = "desk", label = "door volunteer" }
    activity "check" { role = "door", duration = 1, next = "help" }
  end,
}
variant "booking" { tools = { "booking" } }
EOF
cat > slips.expected <<'EOF'
remous: warning: slips.lua: queue "help": when it closes, 5.9 on average are still waiting there, and their patience runs out before it opens again (give its people the hours to finish, or stop arrivals earlier)
remous: warning: slips.lua: step "choose" takes no time but needs a person: what reaches it waits for someone free, for nothing, and its kind shows as a share of time; to route items, remove its role (a step without a role is a pure delay)
remous: warning: slips.lua: with "booking": step "check" of a tool is never reached in the run: check the routes that lead to it
remous: warning: slips.lua: with "booking": role "door" is never busy in the run: no step it does is reached, or it never works
EOF
"$remous" check slips.lua >out 2>err
exactly "check with slips: exit 0, ok" "$?: $(cat out)" "0: slips.lua: ok"
cmp -s err slips.expected && ok || { ko "check tells the four slips:"; diff slips.expected err; }
"$remous" compare slips.lua --quiet --html slips.html >out 2>err
exactly "compare with slips: exit 0, nothing on stdout with --quiet" "$?: $(cat out)" "0: "
cmp -s err slips.expected && ok || { ko "compare tells the four slips:"; diff slips.expected err; }
"$remous" run slips.lua --quiet >out 2>err
exactly "run of the baseline tells its two" "$?: $(cat err)" "0: $(head -2 slips.expected)"
grep -q '<li>queue &quot;help at the desk&quot;: when it closes, 5.9 on average are still waiting there' slips.html && ok ||
    ko "the report lists the slips, with labels"
"$remous" compare slips.lua --quiet --lang fr --html slips_fr.html 2>/dev/null
grep -q '<h2>Points à vérifier dans le modèle</h2>' slips_fr.html &&
    grep -q "<li>avec « booking » : le rôle « door volunteer » n'est jamais occupé" slips_fr.html && ok ||
    ko "the French report lists the slips in French"
"$remous" check "$top/tests/scenarios/mmc.lua" >/dev/null 2>err
exactly "a model without slips: no warning" "$(cat err)" ""

# --- --lang fr: the load's errors, the warnings and the sweep's ranking in French ---
# (the English lines of the same slips are asserted in tests/cli.sh and tests/hostile_test.sh)
printf 'scenario "x" { horizon = days(1) }\nrole "a" { count = "abc" }\n' > bad_count.lua
printf 'scenario "x" { horizon = days(1) }\narrivals "a" { interarrival = exponential(-1), to = "t" }\nactivity "t" { duration = 1 }\n' > bad_mean.lua
printf 'scenario "x" { horizon = days(1) }\narrivals "a" { interarival = exponential(2), to = "t" }\nactivity "t" { duration = 1 }\n' > bad_field.lua
printf 'scenario "x" { horizon = days(1) }\nrole "a" { count = 2\n  label = "x" }\n' > bad_comma.lua
printf 'scenario "x" { horizon = days(1) }\nactivty "t" { duration = 1 }\n' > bad_word.lua
printf 'scenario "x" { horizon = days(1) }\narrivals "a" { interarrival = exponential(0,8), to = "t" }\nactivity "t" { duration = 1 }\n' > bad_decimal.lua
# fr_error WHAT EXPECTED-LINE -- ARGS: exit 2, that one line on stderr
fr_error() {
    what=$1 line=$2; shift 3
    "$remous" "$@" >out 2>err
    exactly "$what" "$?: $(cat err)" "2: $line"
}
fr_error "a field's bad value, in French" 'remous: bad_count.lua:2: role "a" : count doit être un nombre entier de 0 à 100000, reçu "abc"' -- run bad_count.lua --lang fr
fr_error "a distribution's bad parameter, in French" 'remous: bad_mean.lua:2: exponential : la moyenne doit être > 0 (reçu exponential(-1))' -- run bad_mean.lua --lang fr
fr_error "an unknown field, in French" 'remous: bad_field.lua:2: arrivals "a" : champ inconnu "interarival" (vouliez-vous dire "interarrival" ?)' -- run bad_field.lua --lang fr
fr_error "a missing comma, in French" 'remous: bad_comma.lua:2: il manque sans doute une virgule à la fin de cette ligne (la ligne suivante commence par "label")' -- compare bad_comma.lua --lang fr
fr_error "a misspelt word, in French" "remous: bad_word.lua:2: \"activty\" n'est pas un mot du langage des scénarios (vouliez-vous dire \"activity\" ?)" -- run bad_word.lua --lang fr
fr_error "a decimal comma, in French" "remous: bad_decimal.lua:2: exponential: 0,8 se lit comme deux nombres : un nombre décimal s'écrit avec un point, 0.8" -- run bad_decimal.lua --lang fr
fr_error "a --set that is not a number, in French" 'remous: --set servers: un nombre était attendu, reçu "abc"' -- run "$top/tests/scenarios/mmc.lua" --set servers=abc --lang fr
fr_error "the same in English (the default)" 'remous: --set servers: expected a number, got "abc"' -- run "$top/tests/scenarios/mmc.lua" --set servers=abc
cat > slips_fr.expected <<'EOF'
remous: attention : slips.lua : file « help » : à la fermeture, 5,9 en moyenne y attendent encore, et leur patience s'épuise avant la réouverture (donnez à son équipe le temps de finir, ou arrêtez les arrivées plus tôt)
remous: attention : slips.lua : l'étape « choose » ne prend aucun temps mais demande une personne : ce qui y arrive attend quelqu'un de libre, pour rien, et son type de travail apparaît comme une part du temps ; pour orienter, retirez son rôle (une étape sans rôle est un simple délai)
remous: attention : slips.lua : avec « booking » : l'étape « check » d'un outil n'est jamais atteinte : vérifiez les chemins qui y mènent
remous: attention : slips.lua : avec « booking » : le rôle « door » n'est jamais occupé : aucune étape qu'il fait n'est atteinte, ou il ne travaille jamais
EOF
"$remous" compare slips.lua --quiet --lang fr >out 2>err
cmp -s err slips_fr.expected && ok || { ko "compare --lang fr tells the four slips in French:"; diff slips_fr.expected err; }
cp "$top/tests/scenarios/mmc.lua" mmc.lua
"$remous" sweep mmc.lua --grid servers=2,3,4 --rank queue:serve:wait_mean --rank role:server:utilization:min --out sw_en --reps 2 >rank_en 2>/dev/null
"$remous" sweep mmc.lua --grid servers=2,3,4 --rank queue:serve:wait_mean --rank role:server:utilization:min --out sw_fr --reps 2 --lang fr >rank_fr 2>/dev/null
exactly "the French ranking's title" "$(head -1 rank_fr)" "Points de la grille classés sur queue serve wait_mean (la plus petite est la meilleure ; « ~ meilleur » : son intervalle à 95 % rejoint celui du meilleur)"
# its points: the English lines' numbers, with a decimal comma and "[low ; high]"
sed -n '2,4p' rank_en | sed -e 's/\([0-9]\)\.\([0-9]\)/\1,\2/g' -e 's/, / ; /' -e 's/  best$/  meilleur/' -e 's/  ~ best$/  ~ meilleur/' > rank_expected
sed -n '2,4p' rank_fr > rank_got
cmp -s rank_expected rank_got && ok || { ko "the French ranking's points:"; diff rank_expected rank_got; }
grep -q '^   1\. servers=4  *0,[0-9]*  \[0,[0-9]* ; 0,[0-9]*\]  meilleur$' rank_fr && ok || ko "the best point, in French: $(sed -n 2p rank_fr)"
grep -qF 'Front de Pareto sur queue serve wait_mean (la plus petite est la meilleure) et role server utilization (la plus petite est la meilleure) : 1 point sur 3, jugé sur les moyennes' rank_fr && ok ||
    ko "the French Pareto front: $(grep Pareto rank_fr)"

# a step's kind that is a slip of a declared kind: the step's line (its declaration), and the kinds'
cat > kind_slip.lua <<'EOF'
scenario "x" { horizon = days(7), kinds = { selling = "selling at the till" } }
role "clerk" {}
arrivals "members" { interarrival = 10, to = "checkout" }
activity "checkout" { role = "clerk", duration = 4,
                      kind = "sellling" }
EOF
error_is kind_slip.lua 'remous: kind_slip.lua:4: kind "sellling": the scenario'"'"'s kinds (line 1) name "selling", which no step has: write the same word in both places'
sed 's/kind = "sellling"/kind = "counting"/' kind_slip.lua > kind_unused.lua    # no slip: the kinds' line
error_is kind_unused.lua 'remous: kind_unused.lua:1: scenario "x": kinds: no step has the kind "selling"'

# a horizon written in the wrong unit: nothing arrives, and a role whose
# calendar never opens before it is never busy (its busy share has no
# working time to be a share of)
cat > short.lua <<'EOF'
scenario "short" { horizon = 12 }
calendar "shop" { "tue-sat 10:00-19:00" }
role "till" { count = 2, calendar = "shop" }
arrivals "members" { rate = per_day(60), calendar = "shop", to = "checkout" }
activity "checkout" { role = "till", duration = 4 }
EOF
"$remous" check short.lua >out 2>err
exactly "a 12-minute horizon: ok, with its warnings" "$?: $(cat out)" "0: short.lua: ok"
cat > short.expected <<'EOF'
remous: warning: short.lua: nothing arrives in the run, whose horizon is 12 minutes: a horizon counts in the scenario's unit; write it as weeks(12), days(30) or hours(6)
remous: warning: short.lua: role "till" is never busy in the run: no step it does is reached, or it never works
EOF
cmp -s err short.expected && ok || { ko "a 12-minute horizon is told:"; diff short.expected err; }
"$remous" run short.lua --quiet --lang fr >out 2>err
exactly "a 12-minute horizon, in French" "$(head -1 err)" "remous: attention : short.lua : rien n'arrive pendant la simulation, dont l'horizon est de 12 minutes : un horizon se compte dans l'unité du scénario ; écrivez-le weeks(12), days(30) ou hours(6)"
sed 's/horizon = 12 }/horizon = weeks(2) }/' short.lua > long.lua
"$remous" check long.lua >out 2>err
exactly "two weeks: no warning" "$?: $(cat err)" "0: "

# nothing arrives with a horizon of days: not a unit's slip, the other causes
cat > warm_only.lua <<'EOF'
scenario "warm" { horizon = days(5), warmup = days(1) }
role "clerk" {}
arrivals "calls" { interarrival = 10, limit = 20, to = "answer" }
activity "answer" { role = "clerk", duration = 5 }
EOF
"$remous" check warm_only.lua >out 2>err
exactly "nothing arrives after the warmup" "$(head -1 err)" "remous: warning: warm_only.lua: nothing arrives in the measured period: check the horizon (5 days), the warmup, and the arrivals' calendars and limits"
# a slip of a kind whose kinds are declared in a module: that file is named
mkdir -p kmod
cat > kmod/base.lua <<'EOF'
scenario "m" { horizon = days(7), kinds = { advising = "advising readers" } }
EOF
cat > kmod/main.lua <<'EOF'
require "base"
role "clerk" {}
arrivals "readers" { interarrival = 10, to = "advise" }
activity "advise" { role = "clerk", duration = 5, kind = "advisng" }
EOF
error_is kmod/main.lua "remous: kmod/main.lua:4: kind \"advisng\": the scenario's kinds (kmod/base.lua, line 1) name \"advising\", which no step has: write the same word in both places"

summary
