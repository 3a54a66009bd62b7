#!/bin/sh
# remous sensitivity on an M/M/1 (tests/scenarios/sensitive_mm1.lua): the
# tornado ranks the params by the size of their effect, the param the model
# never reads has an effect of exactly 0 and is called not significant, the
# effects match the analytic M/M/1 waits within their intervals, --points
# gives the response curve's exact values (whole steps with a step),
# byte-identical outputs whatever --jobs, --lang fr, --metric, --set, and
# the error lines. Prints "N passed, N failed" last; exits 1 on a failure.
set -u
suite=sensitivity; . "$(dirname "$0")/lib.sh"

# same TEXT EXPECTED DESCRIPTION
same() {
    if [ "$1" = "$2" ]; then ok; else ko "$3"; printf '  got:      %s\n  expected: %s\n' "$1" "$2"; fi
}
# the rows of sensitivity.csv in DIR for METRIC: "rank,param,value" a line
ranked() {
    tr -d '\r' <"$1/sensitivity.csv" | awk -F, -v m="$2" 'NR > 1 && $4 == m { print $5 "," $6 "," $7 }'
}
# rows DIR [PARAM]: sensitivity.csv without its CRLF line ends (the rows of PARAM only)
rows() {
    tr -d '\r' <"$1/sensitivity.csv" | awk -F, -v p="${2:-}" 'p == "" || $6 == p'
}
# inside DIR METRIC PARAM VALUE X: whether X lies in the effect's interval at that value
inside() {
    awk -F, -v m="$2" -v p="$3" -v v="$4" -v x="$5" \
        'NR > 1 && $4 == m && $6 == p && $7 == v { found = 1; if ($12 <= x && x <= $13) ok = 1 }
         END { exit !(found && ok) }' <<EOF
$(rows "$1")
EOF
}
# mean_inside DIR METRIC PARAM VALUE X: whether X lies in the mean's interval there
mean_inside() {
    awk -F, -v m="$2" -v p="$3" -v v="$4" -v x="$5" \
        'NR > 1 && $4 == m && $6 == p && $7 == v { found = 1; if ($9 <= x && x <= $10) ok = 1 }
         END { exit !(found && ok) }' <<EOF
$(rows "$1")
EOF
}

mm1="$top/tests/scenarios/sensitive_mm1.lua"
cd "$tmp" || exit 1

# --- the tornado: ranked, the still param not significant, the left-out one named ---
expect 0 "sensitivity, 1 job" -- "$remous" sensitivity "$mm1" --out j1 --jobs 1
same "$(cat out)" "What matters most (baseline): each of 3 params at its min and at its max, the others as they are; 10 replications, paired (the same random draws at both ends). Effect: the value at max minus the value at min, with its 95% interval.

customers: total wait per person
  mean service time (0.5 → 0.8)                 |████████████  +2.7 (95%: +2.6 to +2.8)
  time between arrivals (1 → 1.25)            ██|              -0.35 (95%: -0.36 to -0.34)
  colour (0 → 5)                                |              0 (95%: 0 to 0), not significant

server: busy share of working time
  mean service time (0.5 → 0.8)                 |████████████  +0.3 (95%: +0.3 to +0.3)
  time between arrivals (1 → 1.25)         █████|              -0.12 (95%: -0.12 to -0.12)
  colour (0 → 5)                                |              0 (95%: 0 to 0), not significant

Left out (no min and max, or not a number): shift." "the tornado on the terminal"
same "$(rows j1 | sed -n 1p)" "variant,element,name,metric,rank,param,value,mean,ci95_low,ci95_high,effect,effect_ci95_low,effect_ci95_high,significant,n" "the header"
same "$(ranked j1 wait_mean)" "1,service,0.5
1,service,0.8
2,gap,1
2,gap,1.25
3,colour,0
3,colour,5" "the wait's ranking: service, then gap (declared before it), then colour"
same "$(ranked j1 utilization)" "1,service,0.5
1,service,0.8
2,gap,1
2,gap,1.25
3,colour,0
3,colour,5" "the busy share's ranking"
same "$(rows j1 colour | awk -F, '{ print $11 "," $12 "," $13 "," $14 "," $15 }' | sort -u)" \
    "0,0,0,false,10" "colour: an effect of exactly 0 in every replication, not significant"
same "$(rows j1 | awk -F, 'NR > 1 && $6 != "colour" && $7 != "0.5" && $7 != "1" { print $6 "," $14 }')" \
    "service,true
gap,true
service,true
gap,true" "service and gap: significant at their max"
same "$(rows j1 | awk -F, 'NR > 1 && ($7 == "0.5" || $7 == "1") && $6 != "colour" { print $11 "," $12 "," $13 "," $14 }' | sort -u)" \
    "0,0,0,false" "at its min, a param's effect is 0 against itself"
# the analytic M/M/1: Wq = rho s / (1 - rho), rho = s / gap
inside j1 wait_mean service 0.8 2.7 && ok || ko "the effect of service on the wait contains 3.2 - 0.5 = 2.7"
inside j1 wait_mean gap 1.25 -0.346153846 && ok || ko "the effect of gap on the wait contains 0.553846 - 0.9"
inside j1 utilization service 0.8 0.3 && ok || ko "the effect of service on the busy share contains 0.3"
inside j1 utilization gap 1.25 -0.12 && ok || ko "the effect of gap on the busy share contains 0.48 - 0.6"
mean_inside j1 wait_mean service 0.5 0.5 && ok || ko "the wait at service 0.5 contains 0.5"
mean_inside j1 wait_mean service 0.8 3.2 && ok || ko "the wait at service 0.8 contains 3.2"

# --- the same whatever --jobs; --set of a varied param leaves its own runs, moves the others' ---
expect 0 "sensitivity, 2 jobs" -- "$remous" sensitivity "$mm1" --out j2 --jobs 2 --quiet
cmp -s j1/sensitivity.csv j2/sensitivity.csv && ok || ko "sensitivity.csv differs between --jobs 1 and 2"
same "$(cat out)" "" "--quiet: nothing on stdout"
# fewer replications than --jobs: the runs themselves spread over the processes
expect 0 "--reps 2, 1 job" -- "$remous" sensitivity "$mm1" --reps 2 --points 3 --out r1 --jobs 1
cp out r1.out
expect 0 "--reps 2, 3 jobs" -- "$remous" sensitivity "$mm1" --reps 2 --points 3 --out r3 --jobs 3
cmp -s r1/sensitivity.csv r3/sensitivity.csv && ok || ko "--reps 2: sensitivity.csv differs between --jobs 1 and 3"
cmp -s r1.out out && ok || ko "--reps 2: the tornado differs between --jobs 1 and 3"
same "$(rows r3 | awk -F, 'NR > 1 && $6 == "service" && $4 == "utilization" { print $7 "," $15 }')" "0.5,2
0.65,2
0.8,2" "--reps 2, 3 jobs: every run there, with its 2 replications"
expect 0 "--set service" -- "$remous" sensitivity "$mm1" --out s1 --set service=0.7 --set colour=4 --quiet
same "$(rows s1 service)" "$(rows j1 service)" "--set service: the runs of service itself are the same"
same "$(rows s1 gap | awk -F, '$4 == "utilization" { printf "%.2f\n", $8 }')" "0.70
0.56" "--set service=0.7: gap runs there (busy share 0.7 and 0.56)"
same "$(rows s1 colour | awk -F, '$4 == "utilization" { printf "%.2f\n", $8 }')" "0.70
0.70" "--set service=0.7: colour runs there"

# --- --points: the response curve of the top three, exact values ---
expect 0 "--points 4, 1 job" -- "$remous" sensitivity "$mm1" --points 4 --out p1 --jobs 1 --quiet
same "$(ranked p1 wait_mean)" "1,service,0.5
1,service,0.6
1,service,0.7
1,service,0.8
2,gap,1
2,gap,1.08333333333
2,gap,1.16666666667
2,gap,1.25
3,colour,0
3,colour,2
3,colour,4
3,colour,5" "--points 4: evenly spaced, colour in whole steps of 2 from 0, then its max"
same "$(wc -l <p1/sensitivity.csv | tr -d ' ')" "25" "--points 4: 2 metrics x 3 params x 4 values, and the header"
inside p1 wait_mean service 0.7 1.133333333 && ok || ko "the wait at service 0.7 less at 0.5: contains 1.6333 - 0.5"
expect 0 "--points 4, 2 jobs" -- "$remous" sensitivity "$mm1" --points 4 --out p2 --jobs 2 --quiet
cmp -s p1/sensitivity.csv p2/sensitivity.csv && ok || ko "--points 4: sensitivity.csv differs between --jobs 1 and 2"
expect 0 "--points 3" -- "$remous" sensitivity "$mm1" --points 3 --out p3 --quiet --metric arrivals:customers:wait_mean
same "$(ranked p3 wait_mean | tr '\n' ' ')" "1,service,0.5 1,service,0.65 1,service,0.8 2,gap,1 2,gap,1.125 2,gap,1.25 3,colour,0 3,colour,2 3,colour,5 " \
    "--points 3: the middle (2.5 rounds to the step 2)"

expect 0 "--points 4 on the terminal" -- "$remous" sensitivity "$mm1" --points 4 --metric arrivals:customers:wait_mean
same "$(sed -n '7,9p' out)" "  curve of mean service time: 0.5 → 0.51, 0.6 → 0.91, 0.7 → 1.6, 0.8 → 3.2
  curve of time between arrivals: 1 → 0.91, 1.08333333333 → 0.75, 1.16666666667 → 0.64, 1.25 → 0.56
  curve of colour: 0 → 0.91, 2 → 0.91, 4 → 0.91, 5 → 0.91" "--points 4: the curves under the tornado"
# a range's ends as they are (never rounded out of it), a range too wide to subtract
cat >ranges.lua <<'EOF'
scenario "ranges" { horizon = 100, replications = 2 }
param("odd", 0.15, { min = 0.1234567890125, max = 0.2 })
param("wide", 0, { min = -1e308, max = 1e308 })
role "clerk" { count = 1 }
arrivals "forms" { interarrival = exponential(10), to = "handle" }
activity "handle" { role = "clerk", duration = exponential(5) }
EOF
expect 0 "odd and wide ranges" -- "$remous" sensitivity ranges.lua --points 3 --metric role:clerk:utilization --out g1 --quiet
same "$(rows g1 | awk -F, 'NR > 1 { print $6 "," $7 }' | sort)" "odd,0.1234567890125
odd,0.161728394506
odd,0.2
wide,-1e+308
wide,0
wide,1e+308" "the ends as they are, the middle of a range too wide to subtract"

# --- --metric: only those, the metric without an element of its own ---
expect 0 "--metric" -- "$remous" sensitivity "$mm1" --metric arrivals:customers:lost --metric queue:serve:wait_p90 --out m1
same "$(rows m1 | cut -d, -f2-4 | sed 1d | sort -u)" "arrivals,customers,lost
queue,serve,wait_p90" "--metric: the metrics named, nothing else"
same "$(rows m1 | awk -F, '$4 == "lost" { print $8 "," $11 }' | sort -u)" "0,0" "nobody lost in an M/M/1"
same "$(sed -n 3p out)" "customers: people who gave up or were turned away" "the words of lost"

# --- the default metrics of a scenario with patience and a mission, against remous run ---
book="$top/scenarios/bookstore.lua"
expect 0 "the bookstore" -- "$remous" sensitivity "$book" --reps 2 --out b1 --quiet
same "$(rows b1 | awk -F, 'NR > 1 { print $2 ":" $3 ":" $4 }' | uniq)" "arrivals:walk_in:wait_mean
arrivals:walk_in:lost
role:bookseller:utilization
role:bookseller:mission_share" "the default metrics: the wait, those lost, the busy share, the mission's share"
expect 0 "the bookstore run at booksellers = 1" -- "$remous" run "$book" --reps 2 --set booksellers=1 --out b2 --quiet
same "$(rows b1 booksellers | awk -F, '$7 == "1" && ($4 == "lost" || $4 == "mission_share") { print $8 }')" \
    "$(tr -d '\r' <b2/summary.csv | awk -F, '$3 == "walk_in" && $4 == "abandoned" { a = $5 } $3 == "walk_in" && $4 == "balked" { b = $5 }
        $3 == "bookseller" && $4 == "share_core" { c = $5 } END { print a + b; print c }')" \
    "lost is abandoned + balked, mission_share the share of the mission's kind, as remous run has them"

# --- --lang fr ---
expect 0 "--lang fr" -- "$remous" sensitivity "$mm1" --lang fr --metric role:server:utilization
same "$(sed -n '3,$p' out)" "server : part du temps de travail occupée
  mean service time (0,5 → 0,8)                 |████████████  +0,3 (95 % : de +0,3 à +0,3)
  time between arrivals (1 → 1,25)         █████|              -0,12 (95 % : de -0,12 à -0,12)
  colour (0 → 5)                                |              0 (95 % : de 0 à 0), non significatif

Laissés de côté (sans minimum ni maximum, ou pas un nombre) : shift." "the tornado in French"

# --- the errors, one line each ---
expect 2 "a bad --metric" -- "$remous" sensitivity "$mm1" --metric customers
same "$(cat err)" 'remous: --metric: expected ELEMENT:NAME:METRIC such as arrivals:customers:wait_mean, got "customers"' "a bad --metric: the line"
expect 2 "an unknown --metric" -- "$remous" sensitivity "$mm1" --metric arrivals:walk_in:wait_mean
same "$(cat err)" "remous: --metric arrivals:walk_in:wait_mean: $mm1 has no such metric (the names are those of summary.csv, ELEMENT:NAME:METRIC, with arrivals:NAME:lost and role:NAME:mission_share); e.g. queue:serve:wait_mean" "an unknown --metric: the line"
expect 2 "--metric twice" -- "$remous" sensitivity "$mm1" --metric role:server:utilization --metric role:server:utilization
same "$(cat err)" "remous: --metric role:server:utilization is given twice: give it once" "--metric twice: the line"
expect 2 "--points 1" -- "$remous" sensitivity "$mm1" --points 1
same "$(cat err)" 'remous: --points: expected a whole number from 2 to 1000 (2: min and max only), got "1" (see remous --help)' "--points 1: the line"
expect 2 "no param with a range" -- "$remous" sensitivity "$top/tests/scenarios/mmc.lua"
same "$(cat err)" "remous: $top/tests/scenarios/mmc.lua: no param has a min and a max, so there is nothing to vary; give the params to try a range, e.g. param(\"clerks\", 2, { min = 1, max = 4 })" "no param with a range: the line"
expect 2 "an unknown variant" -- "$remous" sensitivity "$mm1" --variant faster
same "$(cat err)" "remous: $mm1: no variant called \"faster\" (the variants: none)" "an unknown variant: the line"
expect 2 "--metric with run" -- "$remous" run "$mm1" --metric role:server:utilization
same "$(cat err)" "remous: --metric goes with compare and sensitivity, not run (see remous run --help)" "--metric with run: the line"
expect 2 "--points with compare" -- "$remous" compare "$mm1" --points 3
same "$(cat err)" "remous: --points goes with sensitivity, not compare (see remous compare --help)" "--points with compare: the line"
# a param whose end the model refuses: the run named, and the scenario's own line
cat >ends.lua <<'EOF'
scenario "ends" { horizon = 1000, replications = 2 }
role "clerk" { count = 1 }
arrivals "forms" { interarrival = exponential(10), to = "handle" }
activity "handle" { role = "clerk", duration = uniform(param("shortest", 1, { min = 0.5, max = 3 }), 2) }
EOF
expect 2 "an end the model refuses" -- "$remous" sensitivity ends.lua
same "$(cat err)" "remous: shortest = 3 (its max): ends.lua:4: uniform: the lower bound must not exceed the upper bound (got uniform(3, 2))" "an end the model refuses: the param, its value, the scenario's line"
expect 2 "an end the model refuses, in a worker" -- "$remous" sensitivity ends.lua --reps 1 --jobs 2
same "$(cat err)" "remous: shortest = 3 (its max): ends.lua:4: uniform: the lower bound must not exceed the upper bound (got uniform(3, 2))" "an end the model refuses in a worker: the same line"

# one param (the title says so), a param of text left out, a count on its curve refused
cat >count.lua <<'EOF'
scenario "count" { horizon = 1000, replications = 2 }
role "clerk" { count = param("clerks", 1, { min = 1, max = 2 }) }
param("mode", "a", { min = 1, max = 2 })
arrivals "forms" { interarrival = exponential(10), to = "handle" }
activity "handle" { role = "clerk", duration = exponential(5) }
EOF
expect 0 "one param" -- "$remous" sensitivity count.lua --metric role:clerk:utilization
same "$(sed -n 1p out)" "What matters most (baseline): the one param at its min and at its max, the others as they are; 2 replications, paired (the same random draws at both ends). Effect: the value at max minus the value at min, with its 95% interval." "one param: the title"
same "$(sed -n '$p' out)" "Left out (no min and max, or not a number): mode." "a param of text: left out"
expect 2 "a count on its curve" -- "$remous" sensitivity count.lua --points 3
same "$(cat err)" 'remous: clerks = 1.5 (on its curve): count.lua:2: role "clerk": count must be a whole number from 0 to 100000, got 1.5' "a count on its curve: the line"

# --- compare --sensitivity: a tornado per metric in the report, a bar per run ---
two="$top/tests/scenarios/sensitive_mm1_compare.lua"
# chart FILE TITLE: the lines of the tornado under that h3, to its </svg>
chart() {
    awk -v h="<h3>$2</h3>" 'index($0, h) { on = 1; next } on { print } on && /^<\/svg>/ { exit }' "$1"
}
# bars FILE TITLE: each param's heading and the figure of each of its bars, a line each
bars() {
    chart "$1" "$2" | sed -n 's/^<text x="0" y="[0-9]*" font-size="14" font-weight="bold">\(.*\)<\/text>$/\1/p;
                              s/^<text x="602" y="[0-9]*" font-size="13"[^>]*>\(.*\)<\/text>$/  \1/p'
}
expect 0 "compare --sensitivity" -- "$remous" compare "$two" --sensitivity --html t1.html --jobs 1 --quiet
same "$(bars t1.html "customers: total wait per person")" "mean service time (0.5 → 0.8)
  +2.7 (95%: +2.6 to +2.8)
  +0.12 (95%: +0.12 to +0.12)
time between arrivals (1 → 1.25)
  -0.35 (95%: -0.36 to -0.34)
  -0.023 (95%: -0.024 to -0.022)
colour (0 → 5)
  0 (95%: 0 to 0), not significant
  0 (95%: 0 to 0), not significant" "the wait's tornado: service, then gap, then colour (not significant), a bar for the baseline then the second server"
same "$(bars t1.html "server: busy share of working time" | grep -v '^ ')" "mean service time (0.5 → 0.8)
time between arrivals (1 → 1.25)
colour (0 → 5)" "the busy share's tornado: the same order"
same "$(chart t1.html "customers: total wait per person" | grep -c 'fill-opacity=".35"')" "2" "the two bars of colour pale, the others solid"
same "$(grep -o 'Left out (no min and max, or not a number): [a-z]*\.' t1.html)" "Left out (no min and max, or not a number): shift." "the param left out named"
expect 0 "compare --sensitivity, 2 jobs" -- "$remous" compare "$two" --sensitivity --html t2.html --jobs 2 --quiet
cmp -s t1.html t2.html && ok || ko "compare --sensitivity: the same report for --jobs 1 and 2"
same "$(ls -A . | grep -c '\.tmp$')" "0" "no temporary file left"
expect 0 "compare --sensitivity --metric" -- "$remous" compare "$two" --sensitivity --metric role:server:utilization --html t3.html --quiet
same "$(grep -c 'class="chart chart-tornado"' t3.html)" "1" "--metric: one tornado"
expect 0 "compare --sensitivity --lang fr" -- "$remous" compare "$two" --sensitivity --html tfr.html --lang fr --quiet
same "$(bars tfr.html "customers : attente totale par personne" | sed -n '8p')" "  0 (95 % : de 0 à 0), non significatif" "the French tornado: not significant said in French"
expect 2 "--metric without --sensitivity" -- "$remous" compare "$two" --metric role:server:utilization --html x.html
same "$(cat err)" "remous: --metric says what the tornados of --sensitivity follow: add --sensitivity (see remous --help)" "--metric without --sensitivity: the error line"
cat >still.lua <<'EOF'
scenario "still" { horizon = 1000, replications = 2 }
role "clerk" { count = param("clerks", 1) }
arrivals "customers" { interarrival = 2, to = "serve" }
activity "serve" { role = "clerk", duration = 1 }
variant "two" { apply = function() role "clerk" { count = 2 } end }
EOF
expect 2 "compare --sensitivity, no param to vary" -- "$remous" compare still.lua --sensitivity --html x.html --quiet
same "$(cat err)" "remous: still.lua: no param has a min and a max, so there is nothing to vary; give the params to try a range, e.g. param(\"clerks\", 2, { min = 1, max = 4 })" "compare --sensitivity, no param to vary: sensitivity's line"
expect 2 "compare --sensitivity, a bad metric" -- "$remous" compare "$two" --sensitivity --metric queue:nope:wait_mean --html x.html
same "$(cat err)" "remous: --metric queue:nope:wait_mean: $two has no such metric (the names are those of summary.csv, ELEMENT:NAME:METRIC, with arrivals:NAME:lost and role:NAME:mission_share); e.g. queue:serve:wait_mean" "compare --sensitivity, a bad metric: sensitivity's line"
same "$(ls -A . | grep -c '^x.html')" "0" "no page written when the tornados cannot run"

# The French page with both sections wholly in French (tests/page_words.js)
version=$("$remous" --version | sed 's/^remous //')
browser() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/profile" "$@" 2>/dev/null
}
"$remous" compare "$two" --reps 3 --fragility --sensitivity --html both_fr.html --lang fr --quiet &&
    "$remous" compare "$two" --reps 3 --fragility --sensitivity --html both_en.html --quiet && ok ||
    ko "compare --fragility --sensitivity --html"
browser --dump-dom "file://$tmp/both_fr.html" > dom_fr.html
browser --dump-dom "file://$tmp/both_en.html" > dom_en.html
grep -qF '<h2>Ce qui compte le plus</h2>' dom_fr.html && grep -qF '<h2>Ce dont l'"'"'organisation ne peut se passer</h2>' dom_fr.html &&
    ok || ko "the French page has both sections"
found=$(node "$top/tests/page_words.js" dom_fr.html "$top/scripts/lang/fr.lua" "$two" "$version" --english dom_en.html \
        report report_fragility report_sensitivity fragility sensitivity headline digest labels table 2>&1) ||
    found="the check itself failed: $found"
[ -z "$found" ] && ok || ko "the French page is not wholly French: $(echo "$found" | head -5)"

summary
