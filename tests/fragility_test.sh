#!/bin/sh
# remous fragility: knock-outs worked out by hand (tests/scenarios/fragile_one.lua),
# two people against one, the ranking of the grant applications, --at worst,
# byte-identical outputs whatever --jobs, --lang fr, and the errors of --away/--at.
# Prints "N passed, N failed" last; exits 1 on a failure.
set -u
suite=fragility; . "$(dirname "$0")/lib.sh"

# same TEXT EXPECTED DESCRIPTION
same() {
    if [ "$1" = "$2" ]; then ok; else ko "$3"; printf '  got:      %s\n  expected: %s\n' "$1" "$2"; fi
}
# the knock-out figures of fragility.csv in DIR, "knockout,metric,with,delta" a line
figures() {
    awk -F, '$7 == "knockout" { print $3 "," $9 "," $11 "," $12 }' "$1/fragility.csv"
}

one="$top/tests/scenarios/fragile_one.lua"
grant="$top/scenarios/grant_applications.lua"
cd "$tmp" || exit 1

# --- one clerk, worked out by hand (see the scenario's comment) ---
expect 0 "one clerk away 10 hours" -- "$remous" fragility "$one" --away 10h --out one
same "$(sed -n 1p out)" "Who the organization cannot do without (baseline): each person away 10 hours from the start of the measured period; 2 replications, each paired with the same run without the absence." "the title"
same "$(sed -n 3p out)" "1. If the clerk is away 10 hours, 11 forms miss their deadline, the wait for handle is 2.2 hours longer on average and 10 more items are waiting at the return, a backlog that takes 10 hours to clear; nobody else can do handle." "the one clerk's sentence"
same "$(sed -n '5,$p' out)" "Who can do each step:
  handle: 1 person, 100% of it done by the busiest" "who can do each step"
same "$(head -1 one/fragility.csv | tr -d '\r')" "variant,rank,knockout,people,away_from,away_until,element,name,metric,without_mean,with_mean,delta,delta_ci95_low,delta_ci95_high,n" "fragility.csv's header"
same "$(figures one)" "clerk#1,items_failed,11,11
clerk#1,extra_wait,6300,6300
clerk#1,backlog_at_return,10,10
clerk#1,clearance_time,600,600
clerk#1,not_cleared,0,0" "11 deadlines missed, 10 waiting at the return, cleared in 600 minutes, 6300 minutes of waiting more"
same "$(grep ',arrivals,forms,deadline_missed,' one/fragility.csv | tr -d '\r')" "baseline,1,clerk#1,1,1440,2040,arrivals,forms,deadline_missed,0,11,11,11,11,2" "the stream's row"
same "$(grep ',queue,handle,wait_mean,' one/fragility.csv | tr -d '\r')" "baseline,1,clerk#1,1,1440,2040,queue,handle,wait_mean,0,131.25,131.25,131.25,131.25,2" "the queue's wait: 6300 minutes over 48 forms"
same "$(ls -A one)" "fragility.csv" "no temporary file left"
same "$(cat err)" "fragility: 1 knock-out × 2 replications: 2 runs, and 2 without the absence" "its size, up front on stderr"

# plural agreement: one replication, one week to try (English and French)
expect 0 "one week to try, one replication" -- "$remous" fragility "$one" --away 10h --at worst --reps 1
same "$(sed -n 1p out)" "Who the organization cannot do without (baseline): each person away 10 hours, in the only week that fits in the measured period (the most items late or lost, then the most extra waiting); 1 replication, each paired with the same run without the absence." "1 replication, the only week"
expect 0 "the same in French" -- "$remous" fragility "$one" --away 10h --at worst --reps 1 --lang fr
same "$(sed -n 1p out)" "Ce dont l'organisation ne peut se passer (situation actuelle) : chaque personne absente 10 heures, la seule semaine qui tient dans la période mesurée (le plus de dossiers en retard ou perdus, puis le plus d'attente en plus) ; 1 réplication, chacune appariée à la même sans l'absence." "1 réplication, la seule semaine"

# stderr not a terminal: its size, then a progress line every $REMOUS_PROGRESS_SECONDS
expect 0 "a few seconds of knock-outs" -- env REMOUS_PROGRESS_SECONDS=1 "$remous" fragility "$top/tests/scenarios/fragile_slow.lua" --reps 10 --jobs 1
same "$(sed -n 1p err)" "fragility: 16 knock-outs × 10 replications: 160 runs, and 10 without the absence" "the size line first"
same "$(sed 1d err | grep -cvE '^fragility: [0-9]+/170 runs done, [0-9]+:[0-5][0-9] left$')" "0" "then only progress lines: $(cat err)"
[ "$(sed 1d err | wc -l)" -ge 1 ] && ok || ko "at least one progress line in 4 s: $(cat err)"

# busy when the absence is due: the form in hand is finished first
expect 0 "from minute 1450" -- "$remous" fragility "$one" --away 10h --at 1450 --out busy --quiet
same "$(cat out)$(cat err)" "" "--quiet prints nothing, on stdout or stderr"
same "$(figures busy)" "clerk#1,items_failed,9,9
clerk#1,extra_wait,5320,5320
clerk#1,backlog_at_return,10,10
clerk#1,clearance_time,600,600
clerk#1,not_cleared,0,0" "from 1450: 9 deadlines missed, 10 waiting at 2050, 10 hours to clear"
same "$(cut -d, -f5,6 busy/fragility.csv | sort -u | grep -v away)" "1450,2050" "away from 1450 to 2050"
expect 0 "--at 40h" -- "$remous" fragility "$one" --away 10h --at 40h --out at40 --quiet
same "$(figures at40 | head -1)" "clerk#1,items_failed,11,11" "--at 40h is minute 2400, idle as at 1440"

# --- two clerks: one away changes nothing, both away less than one clerk alone ---
expect 0 "two clerks" -- "$remous" fragility "$one" --away 10h --variant "two clerks" --out two
same "$(sed -n '3,5p' out)" "1. If both people of the clerk are away 10 hours, 7 forms miss their deadline, the wait for handle is 88 minutes longer on average and 10 more items are waiting at the return, a backlog that takes 4 hours to clear; nobody outside them can do handle.
2. If person #1 of the clerk is away 10 hours, nothing measurable changes.
3. If person #2 of the clerk is away 10 hours, nothing measurable changes." "two clerks, ranked"
same "$(figures two | grep items_failed)" "clerk,items_failed,7,7
clerk#1,items_failed,0,0
clerk#2,items_failed,0,0" "two clerks: 7 missed with both away, none with one"
same "$(sed -n '$p' out)" "  handle: 2 people, 50% of it done by the busiest" "two people can do it, half each"

# a knock-out inside the clerk's own absence (1000 to 3000) changes nothing, to the last digit
expect 0 "away anyway" -- "$remous" fragility "$one" --away 10h --variant "away anyway" --out anyway
same "$(sed -n 3p out)" "1. If the clerk is away 10 hours, nothing measurable changes; nobody else can do handle." "away anyway: nothing changes"
same "$(awk -F, 'NR > 1 && $12 != 0' anyway/fragility.csv)" "" "away anyway: every difference is 0"
same "$(figures anyway | grep backlog)" "clerk#1,backlog_at_return,17,0" "away anyway: 17 forms wait at 2040 (those of 1020 to 1980), with or without"

# --- the grant applications: the director first ---
expect 0 "grant applications" -- "$remous" fragility "$grant" --out g1 --jobs 1
case "$(sed -n 3p out)" in
    "1. If the director is away 2 weeks, "*"calls for projects miss their deadline"*"; nobody else can do manage, prepare, write, file.") ok ;;
    *) ko "the director first: $(sed -n 3p out)" ;;
esac
same "$(awk -F, '$2 == 1 { print $3 }' g1/fragility.csv | sort -u)" "director#1" "rank 1 is the director in fragility.csv"
expect 0 "grant applications, 2 jobs" -- "$remous" fragility "$grant" --out g2 --jobs 2 --quiet
cmp -s g1/fragility.csv g2/fragility.csv && ok || ko "fragility.csv differs between --jobs 1 and 2"
# common random numbers: the deputy away changes nothing of the director's work, to the last digit
same "$(awk -F, '$3 == "deputy#1" && ($8 == "manage" || $8 == "prepare" || $8 == "write" || $8 == "file" ||
                $8 == "calls" || $8 == "management") && $12 != 0' g1/fragility.csv)" "" \
     "the deputy away: the director's queues and streams have a paired difference of exactly 0"
# the trained deputy makes the director's absence cost fewer deadlines
expect 0 "trained deputy" -- "$remous" fragility "$grant" --variant "trained deputy" --out g3 --quiet
base=$(awk -F, '$3 == "director#1" && $9 == "items_failed" { print $12 }' g1/fragility.csv)
deputy=$(awk -F, '$3 == "director#1" && $9 == "items_failed" { print $12 }' g3/fragility.csv)
awk -v a="$deputy" -v b="$base" 'BEGIN { exit !(a + 0 < b + 0 && b + 0 > 1) }' && ok ||
    ko "the director away: $deputy deadlines missed with a trained deputy, $base without"

# --at worst: each week tried, the worst kept; the same whatever --jobs
expect 0 "--at worst" -- "$remous" fragility "$grant" --at worst --reps 6 --jobs 1 --out w1
same "$(sed -n 1p out)" "Who the organization cannot do without (baseline): each person away 2 weeks, in the worst of 23 weeks tried (the most items late or lost, then the most extra waiting); 6 replications, each paired with the same run without the absence." "--at worst's title"
same "$(cat err)" "fragility: 2 knock-outs × 23 weeks × 6 replications: 276 runs, and 6 without the absence" "--at worst's size: each week a knock-out"
case "$(sed -n 3p out)" in
    "1. If the director is away 2 weeks from week "*) ok ;;
    *) ko "--at worst: the director first: $(sed -n 3p out)" ;;
esac
expect 0 "--at worst, 2 jobs" -- "$remous" fragility "$grant" --at worst --reps 6 --jobs 2 --out w2 --quiet
cmp -s w1/fragility.csv w2/fragility.csv && ok || ko "--at worst: fragility.csv differs between --jobs 1 and 2"
# the worst start is worse than (or as bad as) the start of the measured period
expect 0 "--reps 6 from the start" -- "$remous" fragility "$grant" --reps 6 --out w0 --quiet
first=$(awk -F, '$3 == "director#1" && $9 == "items_failed" { print $12 }' w0/fragility.csv)
worst=$(awk -F, '$3 == "director#1" && $9 == "items_failed" { print $12 }' w1/fragility.csv)
awk -v a="$worst" -v b="$first" 'BEGIN { exit !(a + 0 >= b + 0) }' && ok || ko "--at worst kept $worst, the first week gives $first"

# --- in French ---
expect 0 "--lang fr" -- "$remous" fragility "$one" --away 10h --lang fr
same "$(sed -n 3p out)" "1. Si the clerk s'absente 10 heures, 11 forms manquent leur échéance, l'attente pour handle s'allonge de 2,2 heures en moyenne et 10 dossiers de plus attendent au retour, un retard qui met 10 heures à se résorber ; personne d'autre ne sait faire : handle." "the sentence in French"

# --- errors: one line, exit 2 ---
err() {   # err DESCRIPTION EXPECTED-LINE ARGS...
    what=$1 line=$2; shift 2
    expect 2 "$what" -- "$remous" fragility "$one" "$@"
    same "$(cat "$tmp/err")" "$line" "$what: the error line"
}
err "--away 0" 'remous: --away: expected a length such as 2w, 10d, 36h, 90min or a number in the scenario'"'"'s unit, got "0"' --away 0
err "--away 2x" 'remous: --away: expected a length such as 2w, 10d, 36h, 90min or a number in the scenario'"'"'s unit, got "2x"' --away 2x
err "--away -1d" 'remous: --away: expected a length such as 2w, 10d, 36h, 90min or a number in the scenario'"'"'s unit, got "-1d"' --away -1d
err "--at soon" 'remous: --at: expected worst, or a time from the start such as 3w, 10d, 36h, 90min or a number in the scenario'"'"'s unit, got "soon"' --at soon
err "--at in the warm-up" 'remous: --at 10h falls in the warm-up (the first 1440 minutes), which is not measured; choose --at 1440 or later' --at 10h
err "--at past the horizon" 'remous: --at 3d with --away 2w: the absence would end at 24480, after the horizon (4320 minutes); choose an earlier --at or a shorter --away' --at 3d
err "--away past the horizon" 'remous: --at (the end of the warm-up) with --away 3d: the absence would end at 5760, after the horizon (4320 minutes); choose an earlier --at or a shorter --away' --away 3d
err "--at worst too long" 'remous: --at worst with --away 3d: the absence is longer than the measured period (2880 minutes); choose a shorter --away' --at worst --away 3d
err "no --away value" 'remous: --away needs a value (see remous --help)' --away
err "an unknown variant" "remous: $one: no variant called \"nope\" (the variants: \"two clerks\", \"away anyway\")" --variant nope
expect 2 "--away with run" -- "$remous" run "$one" --away 2w
same "$(cat "$tmp/err")" "remous: --away goes with compare and fragility, not run (see remous run --help)" "--away with run: the error line"
expect 2 "--html with fragility" -- "$remous" fragility "$one" --html f.html
same "$(cat "$tmp/err")" "remous: --html goes with run, compare, sweep and merge, not fragility (see remous fragility --help)" "--html with fragility: the error line"

# --- compare --fragility: the knock-outs of every run side by side in the report ---
# section FILE HEADING: the lines of the report's section under that h2, up to the next h2
section() {
    awk -v h="<h2>$2</h2>" 'index($0, h) { on = 1; print; next } on && /^<h2>/ { exit } on { print }' "$1"
}
expect 0 "compare --fragility" -- "$remous" compare "$one" --fragility --away 10h --html c1.html --jobs 1 --quiet
section c1.html "Who the organization cannot do without" > c1.section
same "$(grep '^<li>.*dependent' c1.section)" "<li>“two clerks” makes the organization less dependent on one person than the baseline (items late or lost in the worst absence of one person: 0 instead of 11; extra waiting in all in the worst absence of one person: 0 minutes instead of 4.4 days; steps only one person can do: 0 instead of 1).</li>
<li>“away anyway” makes the organization less dependent on one person than the baseline (items late or lost in the worst absence of one person: 0 instead of 11; extra waiting in all in the worst absence of one person: 0 minutes instead of 4.4 days).</li>" "one verdict per variant: two clerks less dependent (11 missed with the clerk away, none with one of two), with its reasons"
same "$(sed -n '/<h3>baseline<\/h3>/,/<\/section>/p' c1.section | grep '^<li>')" "<li>If the clerk is away 10 hours, 11 forms miss their deadline, the wait for handle is 2.2 hours longer on average and 10 more items are waiting at the return, a backlog that takes 10 hours to clear; nobody else can do handle.</li>" "the baseline's column: the one clerk's sentence, as fragility says it"
same "$(sed -n '/<h3>two clerks<\/h3>/,/<\/section>/p' c1.section | grep '^<li>')" "<li>If both people of the clerk are away 10 hours, 7 forms miss their deadline, the wait for handle is 88 minutes longer on average and 10 more items are waiting at the return, a backlog that takes 4 hours to clear; nobody outside them can do handle.</li>
<li>If person #1 of the clerk is away 10 hours, nothing measurable changes.</li>
<li>If person #2 of the clerk is away 10 hours, nothing measurable changes.</li>" "the two clerks' column: their three knock-outs, worst first"
same "$(grep '^<tr><td>' c1.section)" "<tr><td>handle</td><td><strong>1</strong> · 100%</td><td>2 · 50%</td><td><strong>1</strong> · 100%</td></tr>" "who can do each step: 1 person (100%), 2 (50% each), 1"
expect 0 "compare --fragility, 2 jobs" -- "$remous" compare "$one" --fragility --away 10h --html c2.html --jobs 2 --quiet
cmp -s c1.html c2.html && ok || ko "compare --fragility: the same report for --jobs 1 and 2"
same "$(ls -A . | grep -c '\.tmp$')" "0" "no temporary file left"
expect 0 "compare --fragility --lang fr" -- "$remous" compare "$one" --fragility --away 10h --html cfr.html --lang fr --quiet
same "$(section cfr.html "Ce dont l'organisation ne peut se passer" | grep '^<li>« two clerks')" "<li>« two clerks » rend l'organisation moins dépendante d'une seule personne que la situation actuelle (dossiers en retard ou perdus dans la pire absence d'une personne : 0 au lieu de 11 ; attente en plus au total dans la pire absence d'une personne : 0 minute au lieu de 4,4 jours ; étapes qu'une seule personne sait faire : 0 au lieu de 1).</li>" "the verdict in French"
# the same model in the variant: as dependent
cat >same.lua <<'EOF'
scenario "one clerk" { unit = "minute", horizon = days(3), warmup = days(1), replications = 2 }
role "clerk" { label = "the clerk" }
arrivals "forms" { interarrival = 60, to = "handle", deadline = 310 }
activity "handle" { role = "clerk", duration = 30 }
variant "the same" { apply = function() activity "handle" { duration = 30 } end }
EOF
expect 0 "compare --fragility, nothing changes" -- "$remous" compare same.lua --fragility --away 10h --html same.html --quiet
same "$(grep '^<li>.*dependent' same.html)" "<li>“the same” leaves the organization as dependent on one person as the baseline: the worst absence of one person does as much harm, and as many steps rest on one person.</li>" "the same model: as dependent"
expect 0 "compare without --fragility" -- "$remous" compare "$one" --html plain.html --quiet
same "$(grep -c 'cannot do without' plain.html)" "0" "no --fragility: no section (the knock-outs are not run)"
expect 2 "--fragility without --html" -- "$remous" compare "$one" --fragility
same "$(cat "$tmp/err")" "remous: --fragility and --sensitivity add a section to the report: add --html FILE (see remous --help)" "--fragility without --html: the error line"
expect 2 "--away without --fragility" -- "$remous" compare "$one" --away 1d --html x.html
same "$(cat "$tmp/err")" "remous: --away and --at say how the knock-outs of --fragility run: add --fragility (see remous --help)" "--away without --fragility: the error line"
expect 2 "--at in the warm-up, from compare" -- "$remous" compare "$one" --fragility --at 10h --html x.html
same "$(cat "$tmp/err")" "remous: --at 10h falls in the warm-up (the first 1440 minutes), which is not measured; choose --at 1440 or later" "a bad --at from compare: fragility's line"
same "$(ls -A . | grep -c '^x.html')" "0" "no page written when the knock-outs cannot run"

# a task's line: its occurrences start later; one of several people: "person
# #3 of volunteers", whatever the role's label (a group's or one person's)
"$remous" fragility "$top/scenarios/volunteer_spreadsheet.lua" --reps 3 > vs.txt 2>/dev/null
"$remous" fragility "$top/scenarios/volunteer_spreadsheet.lua" --reps 3 --lang fr > vs_fr.txt 2>/dev/null
same "$(sed -n 3,4p vs.txt)" "1. If keeper of the spreadsheet is away 2 weeks, reconsolidate starts 47 hours later on average, the wait for document is 20 minutes longer on average and 15 more items are waiting at the return, a backlog that takes 8.2 days to clear; nobody else can do reconsolidate.
2. If person #3 of volunteers is away 2 weeks, 2.7 more items are waiting at the return, a backlog that takes 15 hours to clear." "the spreadsheet's keeper and a volunteer"
same "$(sed -n 3,4p vs_fr.txt)" "1. Si keeper of the spreadsheet s'absente 2 semaines, reconsolidate commence 47 heures plus tard en moyenne, l'attente pour document s'allonge de 20 minutes en moyenne et 15 dossiers de plus attendent au retour, un retard qui met 8,2 jours à se résorber ; personne d'autre ne sait faire : reconsolidate.
2. Si la personne nº 3 de volunteers s'absente 2 semaines, 2,7 dossiers de plus attendent au retour, un retard qui met 15 heures à se résorber." "the spreadsheet's keeper and a volunteer, in French"

summary
