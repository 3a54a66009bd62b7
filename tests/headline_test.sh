#!/bin/sh
# The headline, word for word, in English and French: the bookstore and the
# club's registrations (library scenarios) and tests/scenarios/help_line.lua
# (a group of kinds; a variant that does not touch the mission), fixed seed.
# The numbers are computed here from compare.csv and summary.csv with the
# rounding rules of the README ("The headline"), so that a change in the
# rounding or the wording fails. Prints "headline: N passed, N failed" last.
# REMOUS is the binary, relative to the repository's top (default build/remous).
set -u
suite=headline; . "$(dirname "$0")/lib.sh"

# run NAME FILE LANG: compare with seed 1 into $tmp/NAME, the terminal's
# headline (the "In short" blocks) into $tmp/NAME.LANG
run() {
    if "$remous" compare "$2" --seed 1 --lang "$3" --out "$tmp/$1" > "$tmp/$1.out" 2> "$tmp/err"; then
        ok
    else
        ko "compare $2 --lang $3: $(cat "$tmp/err")"
    fi
    sed -n '/^What changes\|^Ce qui change/q;p' "$tmp/$1.out" > "$tmp/$1.$3"
}

# get NAME FILE VARIANT ELEMENT ELNAME METRIC COLUMN: a field of compare.csv
# (5 baseline_mean, 6 variant_mean, 11 significant) or summary.csv (5 mean)
get() {
    awk -F, -v v="$3" -v e="$4" -v n="$5" -v m="$6" -v c="$7" '
        { sub(/\r$/, "") } $1 == v && $2 == e && $3 == n && $4 == m { print $c; exit }' "$tmp/$1/$2"
}

# The rounding said aloud (engine/headline.c): two significant digits, whole
# from 10, a decimal comma and a space between thousands in French.
awk_say='
function rnd(v) { return v < 0 ? -int(-v + 0.5) : int(v + 0.5) }
function rounded(v,   a, p) {
    a = v < 0 ? -v : v
    if (a >= 9.95) { p = a >= 99.5 ? 10 ^ (int(log(a) / log(10) + 1e-9) - 1) : 1; return rnd(v / p) * p }
    if (a >= 0.995) return rnd(v * 10) / 10
    if (a >= 0.001) return sprintf("%.2g", v) + 0
    return 0
}
function say(v, lang,   r, s, i, out, n) {
    r = rounded(v)
    s = (r == int(r)) ? sprintf("%d", r) : (r >= 0.995 || r <= -0.995) ? sprintf("%.1f", r) : sprintf("%.2g", r)
    if (lang == "fr") sub(/\./, ",", s)
    n = index(s, lang == "fr" ? "," : ".") ? index(s, lang == "fr" ? "," : ".") - 1 : length(s)
    out = ""
    for (i = 1; i <= length(s); i++) {
        if (i > 1 && i <= n && (n - i + 1) % 3 == 0) out = out (lang == "fr" ? " " : ",")
        out = out substr(s, i, 1)
    }
    return out
}
function pct(share,   p) { p = 100 * share; return (p >= 0.95 || p <= -0.95) ? rnd(p) : rounded(p) }
'
# (tests/test_headline.c checks the C side of these rules on fixed values.)
# say VALUE LANG / pct SHARE LANG / points AFTER BEFORE: as the headline says them
say() { awk -v v="$1" -v l="$2" "$awk_say"'BEGIN { printf "%s", say(v + 0, l) }'; }
pct() { awk -v v="$1" -v l="$2" "$awk_say"'BEGIN { printf "%s", say(pct(v + 0), l) }'; }
points() {
    awk -v a="$1" -v b="$2" "$awk_say"'BEGIN { d = pct(a + 0) - pct(b + 0); printf "%s%s", d < 0 ? "−" : "+", say(d < 0 ? -d : d, "en") }'
}
calc() { awk "BEGIN { printf \"%.10g\", $1 }"; }

# same NAME LANG WHAT EXPECTED: the headline block is exactly EXPECTED
same() {
    if [ "$(cat "$tmp/$1.$2")" = "$4" ]; then
        ok
    else
        ko "$3 ($2): headline differs"
        printf '%s\n' "$4" > "$tmp/expected"
        diff "$tmp/expected" "$tmp/$1.$2" | sed 's/^/    /'
    fi
}
# is_true NAME VARIANT ELEMENT ELNAME METRIC WHAT: that row is listed (real
# after the correction, and large enough to matter: what the headline says)
is_true() {
    [ "$(get "$1" compare.csv "$2" "$3" "$4" "$5" 12)" = true ] && ok || ko "$6: $3 $4 $5 is listed"
}
is_false() {
    [ "$(get "$1" compare.csv "$2" "$3" "$4" "$5" 12)" = false ] && ok || ko "$6: $3 $4 $5 is not listed"
}

# ---------------------------------------------------------- the bookstore --
# Measured period: 4 weeks less a day of warm-up (a Monday, closed) = 27/7
# weeks; each bookseller's calendar opens 4 x 5 x 9.5 = 190 hours in it.
bs=bookstore
run $bs "$top/scenarios/bookstore.lua" en
run ${bs}_fr "$top/scenarios/bookstore.lua" fr
weeks=$(calc "27 / 7")
v="online payment"
c() { get $bs compare.csv "$v" "$@"; }
wb=$(c arrivals walk_in wait_mean 5) wv=$(c arrivals walk_in wait_mean 6)
ub=$(c role bookseller utilization 5) uv=$(c role bookseller utilization 6)
ov=$(c role bookseller share_orders 6)
otb=$(c role bookseller overtime 5) otv=$(c role bookseller overtime 6)
cb=$(c role bookseller share_core 5) cv=$(c role bookseller share_core 6)
done_=$(get $bs summary.csv "$v" activity handover completed 5) dur=$(get $bs summary.csv "$v" activity handover duration_mean 5)
is_false $bs "$v" arrivals walk_in wait_mean "bookstore (under half a minute: no sentence on the wait)"
is_false $bs "$v" arrivals walk_in abandoned "bookstore (no sentence part on leaving)"
is_true $bs "$v" role bookseller utilization "bookstore"
for l in en fr; do
    eval "w_b=\$(say $wb $l) w_v=\$(say $wv $l) u_b=\$(pct $ub $l) u_v=\$(pct $uv $l) o_v=\$(pct $ov $l)"
    ot_b=$(say "$(calc "$otb / $weeks")" $l) ot_v=$(say "$(calc "$otv / $weeks")" $l)
    c_b=$(pct "$cb" $l) c_v=$(pct "$cv" $l)
    h_b=$(say "$(calc "$cb * 2 * 190 / $weeks")" $l) h_v=$(say "$(calc "$cv * 2 * 190 / $weeks")" $l)
    new=$(say "$(calc "$done_ * $dur / 60 / $weeks")" $l)
    pts=$(points "$uv" "$ub")
    if [ $l = en ]; then
        expected="In short, with “online payment”:
  Booksellers are busy $u_v% of their working time instead of $u_b% ($pts points), $o_v of it on online orders, with $ot_v minutes of overtime a week between them instead of $ot_b.
  Booksellers spend $c_v% of their working time on advising readers instead of $c_b%, about $h_v hours a week instead of $h_b.
  New work takes about $new hours a week: handing orders over."
        block=$(sed -n '1,/^$/p' "$tmp/$bs.en" | sed '$d')
    else
        expected="En bref, avec « online payment » :
  Booksellers : occupés $u_v % du temps de travail au lieu de $u_b % ($pts points), dont $o_v points pour « online orders », et des heures supplémentaires : $ot_v minutes par semaine à eux tous au lieu de $ot_b.
  Booksellers : $c_v % du temps de travail consacré à « advising readers » au lieu de $c_b %, soit environ $h_v heures par semaine au lieu de $h_b.
  Le travail nouveau prend environ $new heures par semaine : handing orders over."
        block=$(sed -n '1,/^$/p' "$tmp/${bs}_fr.fr" | sed '$d')
    fi
    [ "$block" = "$expected" ] && ok || { ko "bookstore, online payment ($l)"; printf '%s\n' "$expected" > "$tmp/e"; printf '%s\n' "$block" | diff "$tmp/e" - | sed 's/^/    /'; }
done
# the issue's own kind of sentence, as it reads today, for 6 readers in 10
grep -qxF "  Readers walking in wait 1.6 minutes instead of 2.6." "$tmp/$bs.en" && ok || ko "bookstore: the wait's sentence"

# ------------------------------------------------------ club registrations --
# Measured period: 4 weeks, no warm-up. The desk's calendar opens 12 hours a
# week for each of the 3 volunteers.
cl=club
run $cl "$top/scenarios/club_registrations.lua" en
run ${cl}_fr "$top/scenarios/club_registrations.lua" fr
v="online form"
c() { get $cl compare.csv "$v" "$@"; }
s() { get $cl summary.csv "$v" activity "$1" "$2" 5; }
# the club's forms wait in trays (patience = false): the headline speaks of
# the members' wait in person, not of their forms' days in a tray
wb=$(c arrivals members wait_in_person_mean 5) wv=$(c arrivals members wait_in_person_mean 6)
awk -v t="$(c arrivals members wait_mean 6)" -v p="$wv" 'BEGIN { exit !(t > 100 * p) }' && ok ||
    ko "club: the forms' wait in trays is far longer than the members' in person"
ab=$(c arrivals members abandoned 5) av=$(c arrivals members abandoned 6)
tb=$(c role treasurer utilization 5) tv=$(c role treasurer utilization 6)
otv=$(c role treasurer overtime 6)
cb=$(c role volunteer share_welcome 5) cv=$(c role volunteer share_welcome 6)
is_true $cl "$v" arrivals members abandoned "club"
is_false $cl "$v" arrivals members balked "club"
[ "$(c role treasurer overtime 5)" = 0 ] && ok || ko "club: the treasurer had no overtime before"
for l in en fr; do
    w_b=$(say "$wb" $l) w_v=$(say "$(calc "$wv * 60")" $l)      # minutes before; seconds after
    left=$(awk -v n="$(calc "($ab - $av) / 4")" 'BEGIN { printf "%s", (n >= 1.5 ? int(n + 0.5) : n) }')
    t_b=$(pct "$tb" $l) t_v=$(pct "$tv" $l) pts=$(points "$tv" "$tb")
    ot=$(say "$(calc "$otv / 4")" $l)
    c_b=$(pct "$cb" $l) c_v=$(pct "$cv" $l)
    h_b=$(say "$(calc "$cb * 3 * 12")" $l) h_v=$(say "$(calc "$cv * 3 * 12")" $l)
    new=$(say "$(calc "($(s enter_register completed) * $(s enter_register duration_mean) + \
                        $(s reconcile completed) * $(s reconcile duration_mean) + \
                        $(s sort_out completed) * $(s sort_out duration_mean)) / 60 / 4")" $l)
    if [ $l = en ]; then
        expected="In short, with “online form”:
  Members registering wait $w_v seconds instead of $w_b minutes, and about $left fewer a week leave without being served.
  The treasurer is busy $t_v% of their working time instead of $t_b% ($pts points), with $ot minutes of overtime a week instead of none.
  Desk volunteers spend $c_v% of their working time on welcoming members instead of $c_b%, about $h_v hours a week instead of $h_b.
  New work takes about $new hours a week: keying the paper form into the online tool, matching the payment and sorting out a form by phone."
        block=$(sed -n '1,/^$/p' "$tmp/$cl.en" | sed '$d')
    else
        expected="En bref, avec « online form » :
  Members registering : $w_v secondes d'attente au lieu de $w_b minutes, et environ $left personnes de moins par semaine repartent sans être servies.
  The treasurer : occupé $t_v % du temps de travail au lieu de $t_b % ($pts points), et des heures supplémentaires : $ot minute par semaine au lieu de zéro.
  Desk volunteers : $c_v % du temps de travail consacré à « welcoming members » au lieu de $c_b %, soit environ $h_v heures par semaine au lieu de $h_b.
  Le travail nouveau prend environ $new heures par semaine : keying the paper form into the online tool, matching the payment et sorting out a form by phone."
        block=$(sed -n '1,/^$/p' "$tmp/${cl}_fr.fr" | sed '$d')
    fi
    [ "$block" = "$expected" ] && ok || { ko "club, online form ($l)"; printf '%s\n' "$expected" > "$tmp/e"; printf '%s\n' "$block" | diff "$tmp/e" - | sed 's/^/    /'; }
done

# ------------------------------------------------------------- help line --
# A group of kinds (contact = on the phone + helping with the tool), and a
# variant that does not touch the mission: "no real change" for it.
# Measured period: 4 weeks less 2 days = 26/7 weeks; each coordinator's
# calendar opens 8 hours on each of 18 weekdays in it (144 hours).
hl=help
run $hl "$top/tests/scenarios/help_line.lua" en
run ${hl}_fr "$top/tests/scenarios/help_line.lua" fr
weeks=$(calc "26 / 7")
v="faster filing"
c() { get $hl compare.csv "$v" "$@"; }
for m in utilization share_cases share_phone; do
    [ "$(c role coordinator $m 7)" = 0 ] && ok || ko "help line: faster filing leaves the coordinators' $m as it was"
done
cb=$(c role coordinator share_cases 5)
h=$(say "$(calc "$cb * 3 * 144 / $weeks")" en) p=$(pct "$cb" en)
grep -qxF "  Coordinators: no real change in the time on following up cases (about $h hours a week, $p% of working time)." \
    "$tmp/$hl.en" && ok || ko "help line: the mission's 'no real change' sentence (en)"
h=$(say "$(calc "$cb * 3 * 144 / $weeks")" fr) p=$(pct "$cb" fr)
grep -qxF "  Coordinators : pas de changement réel du temps consacré à « following up cases » (environ $h heures par semaine, $p % du temps de travail)." \
    "$tmp/${hl}_fr.fr" && ok || ko "help line: the mission's 'no real change' sentence (fr)"
v="web form"
gb=$(calc "$(c role coordinator share_phone 5)")
gv=$(calc "$(c role coordinator share_phone 6) + $(c role coordinator share_tool_help 6)")
grep -qxF "  Coordinators spend $(pct "$gv" en)% of their working time on contact instead of $(pct "$gb" en)%: less on the phone, more helping with the tool." \
    "$tmp/$hl.en" && ok || ko "help line: the group's sentence (en)"
grep -qxF "  Coordinators : $(pct "$gv" fr) % du temps de travail consacré à « contact » au lieu de $(pct "$gb" fr) % : moins à « on the phone », plus à « helping with the tool »." \
    "$tmp/${hl}_fr.fr" && ok || ko "help line: the group's sentence (fr)"
# the report: the headline before "What changes", and the totals by group
# under the time chart (the group's share, then its parts)
"$remous" compare "$top/tests/scenarios/help_line.lua" --seed 1 --html "$tmp/help.html" --quiet 2>/dev/null && ok ||
    ko "help line: compare --html"
hpos=$(grep -n '<h2>In short</h2>' "$tmp/help.html" | cut -d: -f1) wpos=$(grep -n '<h2>What changes</h2>' "$tmp/help.html" | cut -d: -f1)
[ -n "$hpos" ] && [ -n "$wpos" ] && [ "$hpos" -lt "$wpos" ] && ok || ko "report: the headline comes before What changes"
grep -qF "<li>Coordinators spend $(pct "$gv" en)% of their working time on contact instead of $(pct "$gb" en)%: less on the phone, more helping with the tool.</li>" \
    "$tmp/help.html" && ok || ko "report: the group's sentence"
ph=$(c role coordinator share_phone 6) th=$(c role coordinator share_tool_help 6)
grep -qF "<tr><td>coordinators</td><td>contact</td><td><b>$(pct "$gb" en)%</b> (on the phone $(pct "$gb" en)%)</td><td><b>$(pct "$gv" en)%</b> (on the phone $(pct "$ph" en)%, helping with the tool $(pct "$th" en)%)</td>" \
    "$tmp/help.html" && ok || ko "report: the coordinators' total on contact, and its parts"
grep -qF '<i style="background:#0072B2"></i><em>contact: </em>on the phone</span><span><i style="background:#E69F00"></i><em>contact: </em>helping with the tool</span>' \
    "$tmp/help.html" && ok || ko "report: the time chart's legend puts a group's kinds side by side"
# a role the variant adds is named with its busy share, after the role of
# the baseline whose share moves (tests/scenarios/new_elements.lua)
ne=new_elements
run $ne "$top/tests/scenarios/new_elements.lua" en
run ${ne}_fr "$top/tests/scenarios/new_elements.lua" fr
v=kiosk
ub=$(get $ne compare.csv $v role clerk utilization 5) uv=$(get $ne compare.csv $v role clerk utilization 6)
ev=$(get $ne summary.csv $v role evening utilization 5)
grep -qxF "  Clerk is busy $(pct "$uv" en)% of their working time instead of $(pct "$ub" en)% ($(points "$uv" "$ub") points); evening volunteers, a new role, are busy $(pct "$ev" en)% of their working time." \
    "$tmp/$ne.en" && ok || ko "new elements: the new role's sentence (en): $(cat "$tmp/$ne.en")"
grep -qxF "  Clerk : occupé $(pct "$uv" fr) % du temps de travail au lieu de $(pct "$ub" fr) % ($(points "$uv" "$ub") points) ; evening volunteers (nouveau rôle) : occupés $(pct "$ev" fr) % du temps de travail." \
    "$tmp/${ne}_fr.fr" && ok || ko "new elements: the new role's sentence (fr): $(cat "$tmp/${ne}_fr.fr")"
# overtime in French is « heures supplémentaires », in the headline as in the digest
v=slower
ot=$(say "$(calc "$(get $ne compare.csv $v role clerk overtime 6) / 3")" fr)
grep -qF ", et des heures supplémentaires : $ot minutes par semaine au lieu de zéro." "$tmp/${ne}_fr.fr" && ok ||
    ko "new elements: overtime in French: $(cat "$tmp/${ne}_fr.fr")"
grep -q "dépassement" "$tmp/${ne}_fr.fr" "$tmp/${bs}_fr.fr" "$tmp/${cl}_fr.fr" && ko "the French headline says « dépassement »" || ok
# a tool that brings a tray (patience = false) to a baseline that has none:
# the wait said is the wait in person, the baseline's being its whole wait
# (paired as such in compare.csv), not the tray's hours against the counter
tr=tray
run $tr "$top/tests/scenarios/tray_in_variant.lua" en
v="forms first"
[ "$(get $tr compare.csv "$v" arrivals visitors wait_in_person_mean 5)" = "$(get $tr summary.csv baseline arrivals visitors wait_mean 5)" ] &&
    [ "$(get $tr compare.csv "$v" arrivals visitors wait_in_person_mean 11)" = true ] && ok ||
    ko "tray: compare.csv pairs the variant's wait in person with the baseline's whole wait"
after=$(say "$(calc "$(get $tr compare.csv "$v" arrivals visitors wait_in_person_mean 6) * 60")" en)
before=$(say "$(get $tr compare.csv "$v" arrivals visitors wait_in_person_mean 5)" en)
grep -qF "  Visitors wait $after seconds instead of $before minutes," "$tmp/$tr.en" && ok ||
    ko "tray: the headline says the wait in person ($after seconds instead of $before minutes): $(sed -n 2p "$tmp/$tr.en")"
# at most five sentences a variant, one per concern
awk '/^  / { n++ } /^$/ { if (n > 5) bad = 1; n = 0 } END { exit bad }' "$tmp/$bs.en" "$tmp/$cl.en" "$tmp/$hl.en" && ok ||
    ko "at most five sentences a variant"

summary
