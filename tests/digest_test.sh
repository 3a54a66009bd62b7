#!/bin/sh
# The digest lists what is real and matters: changes significant after
# Holm's correction and at least --min-change; compare.csv's `listed` is
# exactly what it says; variants with no effect list nothing (50 seeds).
# Prints "N passed, N failed" last; exits 1 on a failure.
set -u
suite=digest; . "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 1

# listed: the rows of compare.csv the digest states, as element,name,metric
listed() { tr -d '\r' < "$1" | awk -F, 'NR > 1 && $12 == "true" { print $2 "," $3 "," $4 }'; }

# Constant durations: certain changes; the size decides.
sc="$top/tests/scenarios/listed.lua"
"$remous" compare "$sc" --out l > digest.txt 2> err.txt || ko "compare listed.lua failed: $(cat err.txt)"
cat > expected.txt <<'TXT'
In short, with “faster”:
  Clerk is busy 76% of their working time instead of 84% (−8 points).

What changes with “faster” (against the baseline, 3 replications, 95% intervals):
  - step “serve”: mean duration: down 50% (5 minutes → 2.5 minutes, ±0)
  - role “clerk”: busy share of working time: down 7.9 points (84% → 76%, ±0 points)
  - arrivals “visitors”: time from arrival to exit: down 9.4% (17 minutes → 15 minutes, ±0)
  - step “pack”: mean duration: up 7% (10 minutes → 11 minutes, ±0)
TXT
cmp -s digest.txt expected.txt && ok || { ko "the digest of listed.lua:"; diff expected.txt digest.txt; }
"$remous" compare "$sc" --reps 1 > one.txt 2> err.txt
[ "$(grep '^What changes' one.txt)" = "What changes with “faster” (against the baseline, 1 replication, 95% intervals):" ] && ok ||
    ko "one replication, in the singular: $(grep '^What changes' one.txt)"
"$remous" compare "$sc" --reps 1 --lang fr > one.txt 2> err.txt
[ "$(grep '^Ce qui change' one.txt)" = "Ce qui change avec « faster » (par rapport à la situation actuelle, 1 réplication, intervalles à 95 %) :" ] && ok ||
    ko "une réplication, au singulier: $(grep '^Ce qui change' one.txt)"
[ "$(head -1 l/compare.csv | tr -d '\r')" = "variant,element,name,metric,baseline_mean,variant_mean,delta,delta_ci95_low,delta_ci95_high,relative_change,significant,listed" ] &&
    ok || ko "compare.csv's header ends with significant,listed: $(head -1 l/compare.csv)"
printf 'activity,serve,duration_mean\nrole,clerk,utilization\nactivity,pack,duration_mean\narrivals,visitors,cycle_time_mean\n' > want.txt
[ "$(listed l/compare.csv | sort)" = "$(sort want.txt)" ] && ok || ko "listed rows are the digest's 4: $(listed l/compare.csv | tr '\n' ' ')"
# the tiny real change: significant, not listed (0.2 minute, under half a minute)
grep -q "^faster,activity,check,duration_mean,2,2.2,0.2,0.2,0.2,0.1,true,false.$" l/compare.csv && ok ||
    ko "check's 0.2 minute is significant and not listed: $(grep check,duration l/compare.csv)"
# the same fact once: the role's only kind is its busy share
grep -q "^faster,role,clerk,share_work,.*,true,false" l/compare.csv && ok || ko "share_work (its busy share again) is not listed"

# --min-change: 8% hides pack's 7%; 0 lists every certain change; a floor in seconds
"$remous" compare "$sc" --min-change 8% --out m10 > d10.txt 2>&1
! grep -q 'pack' d10.txt && grep -q '“serve”' d10.txt && ok || ko "--min-change 8% hides a 7% change: $(cat d10.txt)"
[ "$(listed m10/compare.csv | wc -l)" = 3 ] && ok || ko "--min-change 8%: 3 rows listed"
"$remous" compare "$sc" --min-change 0 --out m0 > d0.txt 2>&1
grep -qF '  - step “check”: mean duration: up 10% (2 minutes → 2.2 minutes, ±0)' d0.txt && ok || ko "--min-change 0 lists the tiny change: $(cat d0.txt)"
"$remous" compare "$sc" --min-change time=6s --out m6 > d6.txt 2>&1
grep -q '“check”' d6.txt && grep -q '“pack”' d6.txt && ok || ko "--min-change time=6s lists a 0.2 minute change"
# every digest line but the new elements is a listed row, and the other way round
for d in d0 d10 d6; do
    dir=$(echo $d | sed 's/^d/m/')
    [ "$(grep -c '^  - ' $d.txt)" = "$(listed $dir/compare.csv | wc -l)" ] && ok ||
        ko "$d: as many digest lines as listed rows"
done
for bad in 10 abc% time=x share= 5%,frobs=2 -1%; do
    "$remous" compare "$sc" --min-change "$bad" > out 2> err; rc=$?
    [ $rc = 2 ] && [ "$(cat err)" = "remous: --min-change: expected N% (relative), time=MINUTES, share=POINTS, count=PER_WEEK or people=N, separated by commas (e.g. 10%,time=2), or 0 (every change the correction keeps); got \"$bad\"" ] &&
        ok || ko "--min-change $bad: exit $rc, $(cat err)"
done
"$remous" run "$sc" --min-change 10% > out 2> err; rc=$?
[ $rc = 2 ] && [ "$(cat err)" = "remous: --min-change goes with compare and workshop, where a digest is shown (see remous --help)" ] &&
    ok || ko "run --min-change: exit $rc, $(cat err)"

# From a tiny base (0.01 minute a day, under the floor), no percentage;
# counts and totals per week: 13 callers measured over 2 weeks
"$remous" compare "$top/tests/scenarios/tiny_base.lua" > tiny.txt 2>&1
grep -qxF '  - role “clerk”: overtime: from 0.065 to 32 minutes a week (±0)' tiny.txt && ok || ko "tiny base: $(cat tiny.txt)"
"$remous" compare "$top/tests/scenarios/tiny_base.lua" --lang fr > tiny_fr.txt 2>&1
grep -qxF '  - rôle « clerk » : heures supplémentaires : de 0,065 à 32 minutes par semaine (±0)' tiny_fr.txt && ok ||
    ko "tiny base, in French: $(cat tiny_fr.txt)"

# What a variant adds (tests/scenarios/new_elements.lua): a new queue where
# nobody waits is not news; a growing uptake is said as the period's
# average, with where it goes; people left at closing are per closing
ne="$top/tests/scenarios/new_elements.lua"
"$remous" compare "$ne" > ne.txt 2>/dev/null
"$remous" compare "$ne" --lang fr > ne_fr.txt 2>/dev/null
! grep -q 'kiosk line' ne.txt ne_fr.txt && ok || ko "a new queue where nobody waits is listed: $(grep 'kiosk line' ne.txt ne_fr.txt)"
grep -qxF '  - new tool “kiosk”: share of the public who use it: 27% on average over the period (growing towards 40%)' ne.txt &&
    ok || ko "a growing uptake, said as an average: $(grep 'tool' ne.txt)"
grep -qxF '  - nouvel outil « kiosk » : part du public qui l'"'"'utilise : 27 % en moyenne sur la période (en progression vers 40 %)' ne_fr.txt &&
    ok || ko "a growing uptake, said as an average, in French: $(grep 'outil' ne_fr.txt)"
grep -qxF '  - queue “serve”: people still waiting at closing time who give up before it opens: 4 per closing, none before (±0)' ne.txt &&
    ok || ko "people left at closing, per closing: $(grep 'closing' ne.txt)"
grep -qxF '  - file « serve » : personnes encore en attente à la fermeture, qui renoncent avant la réouverture : 4 par fermeture, contre zéro avant (±0)' ne_fr.txt &&
    ok || ko "people left at closing, per closing, in French: $(grep 'fermeture' ne_fr.txt)"
# units agree with their figure: 1 point in English, below 2 in French
grep -qxF '  - role “clerk”: busy share of working time: down 20 points (72% → 52%, ±2 points)' ne.txt && ok ||
    ko "the busy share in points: $(grep 'busy share' ne.txt)"
grep -qxF '  - rôle « clerk » : part du temps de travail occupée : en hausse de 24 points (72 % → 96 %, ±0 point)' ne_fr.txt && ok ||
    ko "±0 point in French: $(grep 'occupée' ne_fr.txt)"

# a batch script reads `listed` too
cp "$sc" listed.lua
printf 'local d = compare("listed.lua").faster.delta.activity\nprint(d.serve.duration_mean.listed, d.check.duration_mean.significant, d.check.duration_mean.listed)\n' > b.lua
[ "$("$remous" batch b.lua 2>&1 | tr '\t' ' ')" = "true true false" ] && ok || ko "batch: listed: $("$remous" batch b.lua 2>&1)"

# The report says which correction and which thresholds, in its language
"$remous" compare "$sc" --quiet --html en.html --min-change 10%,count=3 2>/dev/null
grep -qF '<p class="meta">A change is listed when it is significant after Holm'"'"'s correction across all the variant'"'"'s figures (at 5%: a variant with no effect lists nothing 19 times in 20) and large enough to matter: at least 10% of the baseline, and at least, for a time: 0.5 min; a share: 1 pt; a count: 0.43 a day; people waiting: 0.5.</p>' en.html &&
    ok || ko "the report's rule, with --min-change 10%,count=3 (a one-day horizon: 3 a week said as 0.43 a day): $(grep -o 'A change is listed[^<]*' en.html)"
"$remous" compare "$sc" --quiet --html fr.html --lang fr 2>/dev/null
grep -qF '<p class="meta">Un changement est listé s'"'"'il est significatif après la correction de Holm sur tous les chiffres de la variante (à 5 % : une variante sans effet ne liste rien 19 fois sur 20) et assez grand pour compter : au moins 5 % de la situation actuelle, et au moins, pour une durée : 0,5 min ; une part : 1 pt ; un décompte : 0,14 par jour ; des personnes en attente : 0,5.</p>' fr.html &&
    ok || ko "the French report's rule: $(grep -o 'Un changement est[^<]*' fr.html)"

# The bookstore: the digests have one line per listed row (plus the new
# elements); `listed` is the last field (a variant's name may hold a comma).
"$remous" compare "$top/scenarios/bookstore.lua" --reps 10 --out b > bd.txt 2>/dev/null
n_lines=$(grep '^  - ' bd.txt | grep -vc '^  - new ')
n_listed=$(tr -d '\r' < b/compare.csv | grep -c ',true$')
[ "$n_lines" -gt 10 ] && [ "$n_lines" = "$n_listed" ] && ok || ko "bookstore: $n_lines digest lines, $n_listed listed rows"
! grep -q 'share who take a tool.s way' bd.txt && ok || ko "bookstore: the stream's uptake is the tool's, said once"

# Null variants (an equivalent law drawn another way, a role nobody calls
# on, a duration drawn by a hook from the same law), 50 seeds: without the
# correction 20 to 30 seeds show a "significant" row for each law; the
# digest must be empty in at least 47 of 50 for each variant.
null="$top/tests/scenarios/null_variants.lua"
: > empty.txt
: > raw.txt
for s in $(seq 1 50); do
    "$remous" compare "$null" --seed $s --jobs 1 --out n > nd.txt 2>/dev/null || ko "null variants, seed $s: compare failed"
    awk '/^What changes/ { v = $0 } /no significant change/ { print v }' nd.txt >> empty.txt
    tr -d '\r' < n/compare.csv | awk -F, '$11 == "true" && $2 != "person" && $2 != "scenario" { print $1 }' | sort -u >> raw.txt
done
for v in "the same law written another way" "a spare role" "the same law drawn by a hook"; do
    n=$(grep -c "“$v”" empty.txt)
    [ "$n" -ge 47 ] && ok || ko "null variant “$v”: the digest is empty for $n seeds of 50 (at least 47)"
done
for v in "the same law written another way" "the same law drawn by a hook"; do
    n=$(grep -cx "$v" raw.txt)
    [ "$n" -ge 10 ] && ok || ko "null variant “$v” draws other numbers: only $n seeds with an uncorrected significant row"
done

# a change of ten times the baseline or more is said without its percentage
# ("up 1452%" says nothing a team can hear); under ten times, with it
"$remous" compare "$top/tests/scenarios/tray_in_variant.lua" --seed 1 > tray.txt 2>/dev/null
"$remous" compare "$top/tests/scenarios/tray_in_variant.lua" --seed 1 --lang fr > tray_fr.txt 2>/dev/null
grep -qxF '  - arrivals “visitors”: total wait per person: from 4.5 to 70 minutes (±11)' tray.txt &&
    grep -qxF '  - arrivals “visitors”: time from arrival to exit: up 529% (13 minutes → 79 minutes, ±11)' tray.txt &&
    grep -qxF '  - arrivées « visitors » : attente totale par personne : de 4,5 à 70 minutes (±11)' tray_fr.txt && ok ||
    ko "ten times the baseline: from 4.5 to 70 minutes, no percentage: $(grep visitors tray.txt tray_fr.txt)"
# a line is spoken of in the words of what waits there: people, forms in a
# tray (its steps have patience = false), a task's occurrences
"$remous" compare "$top/tests/scenarios/what_waits.lua" > ww.txt 2>/dev/null
"$remous" compare "$top/tests/scenarios/what_waits.lua" --lang fr > ww_fr.txt 2>/dev/null
grep -qxF '  - queue “serve”: wait of 9 people in 10: 9 minutes, none before (±0)' ww.txt &&
    grep -qxF '  - queue “file”: wait of 9 forms in 10: 9 minutes, none before (±0)' ww.txt &&
    grep -qxF '  - queue “tidy”: wait 9 times in 10: down 50% (2 minutes → 0.99 minutes, ±0)' ww.txt &&
    grep -qxF '  - file « serve » : attente de 9 personnes sur 10 : 9 minutes, contre zéro avant (±0)' ww_fr.txt &&
    grep -qxF '  - file « file » : attente de 9 dossiers sur 10 : 9 minutes, contre zéro avant (±0)' ww_fr.txt &&
    grep -qxF '  - file « tidy » : attente 9 fois sur 10 : en baisse de 50 % (2 minutes → 0,99 minute, ±0)' ww_fr.txt &&
    ok || ko "people, forms and tasks waiting: $(grep '9 ' ww.txt ww_fr.txt)"
"$remous" compare "$top/scenarios/club_registrations.lua" --reps 5 > club.txt 2>/dev/null
grep -q 'queue “keying the paper form into the online tool”: forms waiting while it is open, on average' club.txt &&
    ! grep 'queue “keying' club.txt | grep -q people && ok ||
    ko "the club's tray of paper forms holds forms, not people: $(grep keying club.txt)"

# long times in hours, days or weeks (each figure in its own unit, the
# interval in the variant's), counts grouped by thousands; a role of several
# people without a label said with its count
"$remous" compare "$top/tests/scenarios/long_waits.lua" > lw.txt 2>/dev/null
"$remous" compare "$top/tests/scenarios/long_waits.lua" --lang fr > lw_fr.txt 2>/dev/null
grep -qxF '  - queue “serve”: mean wait: 42 hours, none before (±0)' lw.txt &&
    grep -qxF '  - queue “serve”: wait of 9 people in 10: 3.1 days, none before (±0)' lw.txt &&
    grep -qxF '  - arrivals “visitors”: time from arrival to exit: from 9.5 minutes to 42 hours (±0)' lw.txt &&
    grep -qxF '  - arrivals “visitors”: journeys completed: down 17% (2,015 → 1,679 a week, ±0)' lw.txt &&
    grep -qxF '  Clerk (2 people) are busy 100% of their working time instead of 95% (+5 points).' lw.txt &&
    grep -qxF '  - file « serve » : attente de 9 personnes sur 10 : 3,1 jours, contre zéro avant (±0)' lw_fr.txt &&
    grep -qxF '  - arrivées « visitors » : temps de l'"'"'arrivée à la sortie : de 9,5 minutes à 42 heures (±0)' lw_fr.txt &&
    grep -qxF '  - arrivées « visitors » : parcours terminés : en baisse de 17 % (2 015 → 1 679 par semaine, ±0)' lw_fr.txt &&
    grep -qxF '  Clerk (2 personnes) : occupés 100 % du temps de travail au lieu de 95 % (+5 points).' lw_fr.txt &&
    ok || ko "long times and large counts as people read them: $(cat lw.txt lw_fr.txt)"

# overtime is a total of working time: in hours however large; a role's
# count that the variant changes is said with both counts
"$remous" compare "$top/tests/scenarios/long_overtime.lua" > lo.txt 2>/dev/null
"$remous" compare "$top/tests/scenarios/long_overtime.lua" --lang fr > lo_fr.txt 2>/dev/null
grep -qxF '  - role “team”: overtime: up 64% (362 hours → 595 hours a week, ±17)' lo.txt &&
    grep -qxF '  - rôle « team » : heures supplémentaires : en hausse de 64 % (362 heures → 595 heures par semaine, ±17)' lo_fr.txt &&
    grep -qxF '  Clerk (3 people instead of 2) are busy 63% of their working time instead of 95% (−32 points).' lw.txt &&
    grep -qxF '  Clerk (3 personnes au lieu de 2) : occupés 63 % du temps de travail au lieu de 95 % (−32 points).' lw_fr.txt &&
    ok || ko "overtime in hours, counts that change: $(grep -i 'overtime\|clerk (' lo.txt lw.txt)"

summary
