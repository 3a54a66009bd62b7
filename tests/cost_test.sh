#!/bin/sh
# What a future costs, checked on the numbers: a role's paid hours x its rate
# split by kind, idle, away and overtime; a tool's subscription prorated to
# the measured period, its fees on the items that used it, its setup; the
# value completed and lost; the digest's words in English and French; no
# cost figure at all in a scenario that gives none; the exact error lines
# of the cost fields' slips. Prints "cost: N passed, N failed" last.
# REMOUS is the binary, relative to the repository's top (default build/remous).
set -u
suite=cost; . "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 1

# exactly WHAT ACTUAL EXPECTED
exactly() {
    if [ "$2" = "$3" ]; then ok; else ko "$1: got '$2', expected '$3'"; fi
}

# row FILE VARIANT ELEMENT NAME METRIC: mean,low,high,stdev,n of summary.csv
row() {
    awk -F, -v v="$2" -v e="$3" -v n="$4" -v m="$5" '{ sub(/\r$/, "") }
        $1 == v && $2 == e && $3 == n && $4 == m { print $5 "," $6 "," $7 "," $8 "," $9; exit }' "$1"
}

# same FILE VARIANT ELEMENT NAME METRIC VALUE: the same in each of the 3
# replications (a deterministic model), so the interval is the value itself
same() {
    exactly "$2 $3 $4 $5" "$(row "$1" "$2" "$3" "$4" "$5")" "$6,$6,$6,0,3"
}

# error_is FILE LINE: check FILE fails with exit 2 and this one line
error_is() {
    "$remous" check "$1" >/dev/null 2>err
    rc=$?
    if [ "$rc" -eq 2 ] && [ "$(cat err)" = "$2" ]; then ok; else ko "$1: exit $rc, '$(cat err)', expected '$2'"; fi
}

# ------------------------------------------------ a deterministic model ---
# The measured period is the second week, Monday 00:00 to Monday 00:00. Each
# stream brings an item every open hour (40 in the week). Two clerks (20 an
# hour) handle requests in 75 minutes: each day 8 of them (10:00 ... 16:00,
# and the one of 17:00 served at 09:00), 600 minutes of work, of which the
# 16:00 one runs 15 minutes past closing. The manager (30 an hour) is away
# Monday and Tuesday (every = 7 days from t = 0, lasts 2 days); the daily
# 60-minute task at 16:30 runs 30 minutes past closing; Monday's and
# Tuesday's wait for Wednesday morning. Calls go to nobody and give up after
# 30 minutes; letters find the tray full.
cat > costs.lua <<'EOF'
scenario "Costs" { horizon = days(14), warmup = days(7), replications = 3, currency = "EUR" }
calendar "office" { "mon-fri 09:00-17:00" }
role "clerk" { count = 2, calendar = "office", cost_per_hour = 20 }
role "manager" { calendar = "office", cost_per_hour = 30,
                 absence = { every = constant(days(7)), lasts = constant(days(2)) } }
role "nobody" { count = 0 }
queue "tray" { capacity = 0 }
arrivals "requests" { interarrival = 60, calendar = "office", to = "handle", value = 32 }
arrivals "calls" { interarrival = 60, calendar = "office", to = "answer", value = 10, patience = 30 }
arrivals "letters" { interarrival = 60, calendar = "office", to = "file", value = 5 }
activity "handle" { role = "clerk", duration = 75 }
activity "answer" { role = "nobody", duration = 5 }
activity "file" { role = "nobody", queue = "tray", duration = 5 }
task "reconcile" { every = "mon-fri 16:30", role = "manager", duration = 60, kind = "admin" }
tool "portal" {                      -- requests pay online first: the tool's route
  cost = { per_month = 49, per_item = 0.25, share_of_value = 0.014, setup = 300 },
  apply = function()
    activity "pay_online" { duration = 0, next = "handle" }
    arrivals "requests" { to = "pay_online" }
  end,
}
-- a tool step without a route of its own: the items that start it pay
tool "stamp" { cost = { per_item = 0.5 }, apply = function() activity "handle" { duration = 75 } end }
-- a task's occurrences are no items of the public: no fee
tool "ledger" { cost = { per_item = 1 }, apply = function() task "reconcile" { duration = 60 } end }
variant "online" { tools = { "portal", "stamp", "ledger" } }
EOF
"$remous" compare costs.lua --out out --quiet 2>err || ko "compare costs.lua: $(cat err)"
s=out/summary.csv
for v in baseline online; do
    # clerks: 2 x 40 h in their calendar, 48.75 h at work on requests, 1.25 h overtime
    same $s $v role clerk cost 1625              # (80 + 1.25) h x 20
    same $s $v role clerk cost_work 975          # 48.75 h x 20
    same $s $v role clerk cost_admin 0
    same $s $v role clerk cost_idle 625          # (80 - 48.75) h x 20
    same $s $v role clerk cost_away 0
    same $s $v role clerk cost_overtime 25       # 1.25 h x 20
    # manager: 40 h in the calendar, 16 away, 3.5 h on the task inside it, 1.5 h after
    same $s $v role manager cost 1245            # (40 + 1.5) h x 30
    same $s $v role manager cost_admin 105       # 3.5 h x 30
    same $s $v role manager cost_idle 615        # (40 - 16 - 3.5) h x 30
    same $s $v role manager cost_away 480        # 16 h x 30: absences are paid
    same $s $v role manager cost_overtime 45     # 1.5 h x 30
    same $s $v arrivals requests value_completed 1280   # 40 x 32
    same $s $v arrivals requests value_lost 0
    same $s $v arrivals calls value_lost 400     # 40 abandoned x 10
    same $s $v arrivals letters value_lost 200   # 40 balked x 5
    same $s $v scenario Costs cost_staff 2870
    same $s $v scenario Costs value_completed 1280
    same $s $v scenario Costs value_lost 600
done
exactly "a role without a rate has no cost" "$(grep -c '^baseline,role,nobody,cost' $s)" 0
exactly "a person has no cost figure" "$(grep -c ',person,.*,cost' $s)" 0
same $s baseline scenario Costs cost_tool 0
same $s baseline scenario Costs cost_total 2870
# portal: 49 x 7 days / (365.25 / 12) = 11.26899384; 40 x 0.25 + 0.014 x 40 x 32 = 27.92; setup 300
same $s online tool portal cost_subscription 11.26899384
same $s online tool portal cost_fees 27.92
same $s online tool portal cost_setup 300
same $s online tool portal used 40
same $s online tool portal cost 339.1889938
same $s online tool stamp used 40
same $s online tool stamp cost_fees 20          # 40 x 0.5
same $s online tool stamp cost 20
same $s online tool ledger used 0
same $s online tool ledger cost 0
same $s online scenario Costs cost_tool 359.1889938
same $s online scenario Costs cost_total 3229.188994
exactly "the costs are not in the time series" "$(grep -c 'cost\|value_' out/timeseries.csv)" 0
exactly "compare.csv: the total's paired change" \
    "$(grep '^online,scenario,Costs,cost_total,' out/compare.csv | tr -d '\r')" \
    "online,scenario,Costs,cost_total,2870,3229.188994,359.1889938,359.1889938,359.1889938,0.1251529595,true,true"
exactly "compare.csv: the staff cost does not change" \
    "$(grep '^online,scenario,Costs,cost_staff,' out/compare.csv | tr -d '\r')" \
    "online,scenario,Costs,cost_staff,2870,2870,0,0,0,0,false,false"

# the digest says them in money, in each language
"$remous" compare costs.lua 2>/dev/null | grep -E '^  - (tool|total)' > digest_en
cat > digest_en.expected <<'EOF'
  - tool costs: €359 over 7 days, none before (±€0)
  - total cost (staff and tools): up 13% (€2,870 → €3,229 over 7 days, ±€0)
EOF
cmp -s digest_en digest_en.expected && ok || { ko "the English digest's cost lines:"; diff digest_en.expected digest_en; }
"$remous" compare costs.lua --lang fr 2>/dev/null | grep -E '^  - coût' > digest_fr
cat > digest_fr.expected <<'EOF'
  - coût des outils : 359 € sur 7 jours, contre zéro avant (±0 €)
  - coût total (personnel et outils) : en hausse de 13 % (2 870 € → 3 229 € sur 7 jours, ±0 €)
EOF
cmp -s digest_fr digest_fr.expected && ok || { ko "the French digest's cost lines:"; diff digest_fr.expected digest_fr; }
sed 's/currency = "EUR"/currency = "CHF"/' costs.lua > chf.lua
exactly "Swiss francs: the code before the figure" \
    "$("$remous" compare chf.lua 2>/dev/null | grep '^  - tool costs')" "  - tool costs: CHF 359 over 7 days, none before (±CHF 0)"
sed 's/, currency = "EUR"//' costs.lua > plain.lua
exactly "no currency: the figure alone" \
    "$("$remous" compare plain.lua 2>/dev/null | grep '^  - tool costs')" "  - tool costs: 359 over 7 days, none before (±0)"

# the terminal table's line of costs
"$remous" run costs.lua --variant online 2>/dev/null | tail -2 > table
cat > table.expected <<'EOF'
Costs (EUR, 7 days)      staff              tools              total              value completed    value lost        
  Costs                  2870               359                3229               1280               600               
EOF
cmp -s table table.expected && ok || { ko "the table's costs:"; diff table.expected table; }
exactly "no currency: the table's title without it" \
    "$("$remous" run plain.lua 2>/dev/null | grep '^Costs (' | cut -c1-24)" "Costs (7 days)          "

# ------------------------------------------------ the headline's sentence ---
# The same model and three futures, a month being 365.25 / 12 days: the
# measured 7 days are 0.2299794661 months. "online": (3229.188994 - 2870 -
# 300 of setup) / 0.2299794661 = 257.4 a month, said "about €260"; its parts
# 11.26899384 / 0.2299794661 = 49 in subscriptions and (27.92 + 20) /
# 0.2299794661 = 208.4 in fees, said 210; the setup said once. "operator":
# a person in the office hours at 15 an hour answers the calls: 40 h x 15 =
# 600, / 0.2299794661 = 2609 a month, said 2,600, the one part; the calls of
# 17:00 still give up (5 x 10): value lost 600 -> 250, 350 / 0.2299794661 =
# 1522 less a month, said 1,500. "same": nothing moves: the baseline's 2870
# / 0.2299794661 = 12479 a month, said 12,000.
cp costs.lua futures.lua
cat >> futures.lua <<'EOF'
variant "operator" { apply = function()
  role "operator" { label = "the operator", calendar = "office", cost_per_hour = 15 }
  activity "answer" { role = "operator" }
end }
variant "same" { apply = function() activity "file" { duration = 6 } end }
EOF
"$remous" compare futures.lua 2>/dev/null | sed -n '/^What changes/q;p' > headline_en
cat > headline_en.expected <<'EOF'
In short, with “online”:
  All in, this variant costs about €260 more a month: €49 in subscriptions and €210 in fees, plus €300 once to set it up.

In short, with “operator”:
  Of the calls, about 5 fewer a day leave without being served.
  The operator, a new role, is busy 7% of their working time.
  All in, this variant costs about €2,600 more a month, in the operator's time; value lost with those who give up or are turned away: about €1,500 less a month.

In short, with “same”:
  No real change in what it costs a month: about €12,000.

EOF
cmp -s headline_en headline_en.expected && ok || { ko "the English headline's cost sentences:"; diff headline_en.expected headline_en; }
"$remous" compare futures.lua --lang fr 2>/dev/null | sed -n '/^Ce qui change/q;p' > headline_fr
cat > headline_fr.expected <<'EOF'
En bref, avec « online » :
  Au total, cette variante coûte environ 260 € de plus par mois : 49 € d'abonnements et 210 € de commissions, plus 300 € une fois pour la mise en place.

En bref, avec « operator » :
  Calls : environ 5 personnes de moins par jour repartent sans être servies.
  The operator (nouveau rôle) : occupé 7 % du temps de travail.
  Au total, cette variante coûte environ 2 600 € de plus par mois, en temps de travail (the operator) ; valeur perdue avec les personnes parties ou refoulées : environ 1 500 € de moins par mois.

En bref, avec « same » :
  Pas de changement réel de ce qu'elle coûte par mois : environ 12 000 €.

EOF
cmp -s headline_fr headline_fr.expected && ok || { ko "the French headline's cost sentences:"; diff headline_fr.expected headline_fr; }
# A saving said as a saving, each part its own way: the operator goes, a
# stamp at 2 an item comes. The operator's 40 h x 15 = 600 less, the
# stamp's 40 x 2 = 80 more: 520 / 0.2299794661 = 2261 saved a month, said
# 2,300; 600 -> 2,609 less (2,600), 80 -> 348 more (350). The calls nobody
# answers: 40 x 10 lost instead of the 17:00 ones' 5 x 10: 350 more, 1,522
# a month (1,500).
cat > backwards.lua <<'EOF'
scenario "Back" { horizon = days(14), warmup = days(7), replications = 3, currency = "EUR" }
calendar "office" { "mon-fri 09:00-17:00" }
role "clerk" { count = 2, calendar = "office", cost_per_hour = 20 }
role "operator" { label = "the operator", calendar = "office", cost_per_hour = 15 }
arrivals "calls" { interarrival = 60, calendar = "office", to = "answer", value = 10, patience = 30 }
activity "answer" { role = "operator", duration = 5 }
arrivals "requests" { interarrival = 60, calendar = "office", to = "handle", value = 32 }
activity "handle" { role = "clerk", duration = 75 }
tool "stamp" { cost = { per_item = 2 }, apply = function() activity "handle" { duration = 75 } end }
variant "no operator" { tools = { "stamp" }, apply = function() role "operator" { count = 0 } end }
EOF
exactly "a saving, in English" "$("$remous" compare backwards.lua 2>/dev/null | grep 'All in')" \
    "  All in, this variant saves about €2,300 a month: €350 more in fees and €2,600 less of the operator's time; value lost with those who give up or are turned away: about €1,500 more a month."
exactly "a saving, in French" "$("$remous" compare backwards.lua --lang fr 2>/dev/null | grep 'Au total')" \
    "  Au total, cette variante fait économiser environ 2 300 € par mois : 350 € de commissions en plus et 2 600 € de temps de travail en moins (the operator) ; valeur perdue avec les personnes parties ou refoulées : environ 1 500 € de plus par mois."

# ------------------------------------------------------------- units ---
# one person always at work, 10 an hour, busy half the time: 2 measured hours
for unit in second minute hour; do
    cat > units.lua <<EOF
scenario "Units" { unit = "$unit", horizon = hours(3), warmup = hours(1), replications = 3 }
role "r" { cost_per_hour = 10 }
arrivals "a" { interarrival = minutes(10), to = "work" }
activity "work" { role = "r", duration = minutes(5), kind = "core" }
EOF
    "$remous" run units.lua --out "u_$unit" --quiet 2>err || ko "units $unit: $(cat err)"
    same "u_$unit/summary.csv" baseline role r cost 20
    same "u_$unit/summary.csv" baseline role r cost_core 10
done

# ------------------------------------- a random model: the same rules ---
# each replication: paid hours x rate are the calendar's (absences paid),
# whatever happens; the parts add up to the whole; value lost is (abandoned
# + balked) x value
cat > random.lua <<'EOF'
scenario "Random" { horizon = weeks(3), warmup = days(2), replications = 8, currency = "USD" }
calendar "shop" { "tue-sat 10:00-19:30" }
role "seller" { count = 2, calendar = "shop", cost_per_hour = 18,
                absence = { every = exponential(days(10)), lasts = uniform(days(1), days(3)) } }
queue "counter" { capacity = 6 }
arrivals "walk_in" { rate = per_hour(14), calendar = "shop", to = "serve", value = 32, patience = uniform(5, 20) }
activity "serve" { role = "seller", queue = "counter", duration = exponential(7), kind = "core" }
EOF
"$remous" run random.lua --out rnd --quiet 2>err || ko "random run: $(cat err)"
r=rnd/replications.csv
# the measured period, Wednesday 00:00 to Monday 00:00 three weeks on: 4 + 5 + 5 open days of 9.5 h
bad=$(awk -F, '{ sub(/\r$/, "") } $3 == "role" && $4 == "seller" { v[$2 "," $5] = $6 }
    END { for (k in v) { split(k, p, ","); if (p[2] != "cost") continue; rep = p[1]
            whole = v[rep ",cost"]; parts = v[rep ",cost_core"] + v[rep ",cost_idle"] + v[rep ",cost_away"] + v[rep ",cost_overtime"]
            inside = whole - v[rep ",cost_overtime"]
            if ((whole - parts) ^ 2 > 1e-12 || (inside - 2 * 14 * 9.5 * 18) ^ 2 > 1e-12 ||
                (v[rep ",cost_overtime"] - v[rep ",overtime"] / 60 * 18) ^ 2 > 1e-12) bad++ }
          print bad + 0 }' $r)
exactly "each replication: the parts add up; 2 x 133 h x 18 inside the calendar; overtime x 18" "$bad" 0
exactly "absences happen: some replication has time away" \
    "$(awk -F, '$3 == "role" && $5 == "cost_away" && $6 > 0 { n++ } END { print (n > 0) }' $r)" 1
bad=$(awk -F, '{ sub(/\r$/, "") } $3 == "arrivals" { v[$2 "," $5] = $6 }
    END { n = 0; for (k in v) { split(k, p, ","); if (p[2] != "value_lost") continue; n++
            if (v[k] != 32 * (v[p[1] ",abandoned"] + v[p[1] ",balked"]) || v[p[1] ",value_completed"] != 32 * v[p[1] ",completed"]) bad++ }
          print n " " bad + 0 }' $r)
exactly "each of 8 replications: value lost = (abandoned + balked) x 32, value completed = completed x 32" "$bad" "8 0"
lost=$(awk -F, '$3 == "arrivals" && ($5 == "abandoned" || $5 == "balked") { n += $6 } END { print (n > 0) }' $r)
exactly "some gave up or were turned away" "$lost" 1

# ----------------------------------------- no cost given: no cost figure ---
cat > free.lua <<'EOF'
scenario "Free" { horizon = days(3), replications = 2, currency = "EUR" }
role "volunteer" {}
arrivals "a" { interarrival = exponential(10), to = "help" }
activity "help" { role = "volunteer", duration = exponential(5) }
tool "t" { apply = function() activity "help" { duration = exponential(4) } end }
variant "v" { tools = { "t" } }
EOF
"$remous" compare free.lua --out free --quiet 2>err || ko "free compare: $(cat err)"
exactly "a currency alone: no cost figure" "$(cat free/summary.csv free/compare.csv | grep -c 'cost\|value_\|,used,')" 0
exactly "a currency alone: no cost sentence" "$("$remous" compare free.lua 2>/dev/null | grep -c 'a month')" 0
# a rate given only in a variant's apply: the baseline has the scenario's cost figures too
cat > later.lua <<'EOF'
scenario "Later" { horizon = days(3), replications = 2 }
role "volunteer" {}
arrivals "a" { interarrival = exponential(10), to = "help" }
activity "help" { role = "volunteer", duration = exponential(5) }
variant "paid" { apply = function() role "volunteer" { cost_per_hour = 12 } end }
EOF
"$remous" compare later.lua --out later --quiet 2>err || ko "later compare: $(cat err)"
exactly "a variant's rate: the baseline's staff cost is 0" "$(row later/summary.csv baseline scenario Later cost_staff)" "0,0,0,0,2"
exactly "a variant's rate: its staff cost is 72 h x 12" "$(row later/summary.csv paid scenario Later cost_staff)" "864,864,864,0,2"

# The report's chart: a bar per run, in the order of the runs, its figures
# after it, a month: paid 2870 / 0.2299794661 = 12,479 (the online
# future's (3229.188994 - 300) / 0.2299794661 = 12,737, its setup once;
# the operator's 3470 / 0.2299794661 = 15,088), lost 600 / 0.2299794661 =
# 2,609 (250 / 0.2299794661 = 1,087 with the operator)
"$remous" compare futures.lua --html futures_en.html --quiet 2>err || ko "compare --html: $(cat err)"
"$remous" compare futures.lua --html futures_fr.html --lang fr --quiet 2>err || ko "compare --html --lang fr: $(cat err)"
figures() {   # the chart's figures after the bars, one a line
    tr -d '\n' < "$1" | grep -o '<svg class="chart chart-cost".*' | sed 's|</svg>.*||' |
        grep -o '<text x="[0-9.]*" y="[0-9]*" font-size="13">[^<]*</text>' | sed 's/<[^>]*>//g'
}
exactly "the chart's figures, one bar per run" "$(figures futures_en.html | tr '\n' ';')" \
    "€12,479 paid, €2,609 lost;€12,737 paid (+€300 once), €2,609 lost;€15,088 paid, €1,087 lost;€12,479 paid, €2,609 lost;"
exactly "the chart's figures in French" "$(figures futures_fr.html | tr '\n' ';')" \
    "12 479 € payés, 2 609 € perdus;12 737 € payés (+300 € une fois), 2 609 € perdus;15 088 € payés, 1 087 € perdus;12 479 € payés, 2 609 € perdus;"
exactly "the runs' names beside the bars" \
    "$(tr -d '\n' < futures_en.html | grep -o '<svg class="chart chart-cost".*' | sed 's|</svg>.*||' | grep -o '<tspan x="12">[^<]*' | sed 's/.*>//' | tr '\n' ';')" \
    "baseline;online;operator;same;"
# the parts as their titles say: the clerks' 975 on work, / 0.2299794661 =
# 4,240 a month; with the operator's 35 calls answered (5 give up at 17:00)
# x 5 minutes x 15 = 43.75 more, 4,430; the online future's fees 47.92 /
# 0.2299794661 = 208
title_of() { grep -o "<title>$1[^<]*</title>" futures_en.html | sed 's/<[^>]*>//g' | tr '\n' ';'; }
exactly "the online future's fees" "$(title_of 'tools: fees')" "tools: fees: €208 a month;"
exactly "each run's time on work" "$(title_of 'work: €')" \
    "work: €4,240 a month;work: €4,240 a month;work: €4,430 a month;work: €4,240 a month;"
exactly "the axis, in money" \
    "$(tr -d '\n' < futures_fr.html | grep -o '<svg class="chart chart-cost".*' | sed 's|</svg>.*||' | grep -o 'font-size="12" text-anchor="middle" fill="#555">[^<]*' | sed 's/.*>//' | tr '\n' ';')" \
    "0 €;5 000 €;10 000 €;15 000 €;20 000 €;"
"$remous" compare free.lua --html free.html --quiet 2>/dev/null
exactly "no cost given: no cost chart" "$(grep -c 'chart-cost' free.html)" 0

# ------------------------------------------------------------- slips ---
cost_slip() {   # cost_slip FIELD-TEXT EXPECTED-MESSAGE
    printf 'scenario "S" { horizon = 100 }\narrivals "a" { interarrival = 1, to = "exit" }\ntool "t" {\n  %s,\n  apply = function() end }\n' "$1" > slip.lua
    error_is slip.lua "remous: slip.lua:3: tool \"t\": $2"
}
usage='a table of amounts such as { per_month = 49, per_item = 0.25, share_of_value = 0.014, setup = 300 }'
cost_slip 'cost = 49' "cost must be $usage, got 49"
cost_slip 'cost = {}' "cost must be $usage, got a table"
cost_slip 'cost = { 49 }' "cost must be $usage, got a table"
cost_slip 'cost = { per_year = 3 }' 'cost: unknown field "per_year" (its fields: per_item, per_month, setup, share_of_value)'
cost_slip 'cost = { per_mnth = 3 }' 'cost: unknown field "per_mnth" (did you mean "per_month"?)'
cost_slip 'cost = { share_of_value = 1.4 }' 'cost: share_of_value must be a share between 0 and 1 (1.4% is written 0.014), got 1.4'
cost_slip 'cost = { share_of_value = -0.1 }' 'cost: share_of_value must be a share between 0 and 1, got -0.1'
cost_slip 'cost = { per_item = -1 }' 'cost: per_item must be a number >= 0, got -1'
cost_slip 'cost = { setup = "300" }' 'cost: setup must be a number >= 0, got "300"'
cost_slip 'cost = { per_month = 1/0 }' 'cost: per_month must be a number >= 0, got inf'
currency_slip() {   # currency_slip VALUE EXPECTED-MESSAGE
    printf 'scenario "S" { horizon = 100, currency = %s }\narrivals "a" { interarrival = 1, to = "exit" }\n' "$1" > slip.lua
    error_is slip.lua "remous: slip.lua:1: scenario \"S\": currency: $2"
}
currency_slip '"eur"' '"eur" is not an ISO 4217 code; write "EUR"'
currency_slip '"€"' '"€" is not an ISO 4217 code; write "EUR"'
currency_slip '"euros"' '"euros" is not an ISO 4217 code; write "EUR"'
currency_slip '"$"' '"$" is not an ISO 4217 code; write "USD"'
currency_slip '"£"' '"£" is not an ISO 4217 code; write "GBP"'
currency_slip '"EURO"' '"EURO" is not an ISO 4217 code; write "EUR"'
currency_slip '"Eu"' '"Eu" is not an ISO 4217 code: write three capital letters such as "EUR", "USD" or "GBP"'
currency_slip '978' '978 is not an ISO 4217 code: write three capital letters such as "EUR", "USD" or "GBP"'
printf 'scenario "S" { horizon = 100 }\narrivals "a" { interarrival = 1, to = "exit", value = -32 }\n' > slip.lua
error_is slip.lua 'remous: slip.lua:2: arrivals "a": value must be a number >= 0 (what one completed item brings on average, e.g. 32), got -32'
printf 'scenario "S" { horizon = 100 }\narrivals "a" { interarrival = 1, to = "exit", value = uniform(1, 2) }\n' > slip.lua
error_is slip.lua 'remous: slip.lua:2: arrivals "a": value must be a number >= 0 (what one completed item brings on average, e.g. 32), got uniform'
printf 'scenario "S" { horizon = 100 }\nrole "r" { cost_per_hour = "18" }\n' > slip.lua
error_is slip.lua 'remous: slip.lua:2: role "r": cost_per_hour must be a number >= 0, got "18"'
printf 'scenario "S" { horizon = 100 }\nrole "r" { cost_per_hour = -18 }\n' > slip.lua
error_is slip.lua 'remous: slip.lua:2: role "r": cost_per_hour must be a number >= 0, got -18'

# a kind whose figures would take the name of another's
kind_slip() {   # kind_slip ROLE-FIELDS KIND EXPECTED-MESSAGE ("" : it loads)
    printf 'scenario "S" { horizon = 100 }\nrole "r" { %s }\narrivals "a" { interarrival = 1, to = "w" }\nactivity "w" { role = "r", duration = 1, kind = "%s" }\n' "$1" "$2" > slip.lua
    if [ -z "$3" ]; then
        "$remous" check slip.lua >/dev/null 2>err && ok || ko "kind $2 with '$1': $(cat err)"
    else
        error_is slip.lua "$3"
    fi
}
kind_slip '' idle 'remous: slip.lua:4: activity "w": kind "idle" is the time nobody is busy (share_idle in the outputs); give this work another name, e.g. kind = "waiting"'
kind_slip '' away ''
kind_slip '' overtime ''
kind_slip 'cost_per_hour = 3' away "remous: slip.lua:4: kind \"away\" names a part of a role's cost (cost_away: the time away); give this work another name"
kind_slip 'cost_per_hour = 3' overtime "remous: slip.lua:4: kind \"overtime\" names a part of a role's cost (cost_overtime: the time after closing); give this work another name"

summary
