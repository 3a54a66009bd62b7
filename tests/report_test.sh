#!/bin/sh
# The HTML report in a real browser (Debian's chromium, headless): the page
# renders, its charts and digest are in the DOM, a screenshot is taken.
# Prints "N passed, N failed" last; exits 1 on a failure.
set -u
suite=report; . "$(dirname "$0")/lib.sh"

browser() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/profile" "$@" 2>/dev/null
}

"$remous" compare "$top/scenarios/bookstore.lua" --reps 5 --html "$tmp/en.html" --quiet && ok || ko "compare --html"
"$remous" compare "$top/scenarios/bookstore.lua" --reps 5 --html "$tmp/fr.html" --lang fr --quiet && ok || ko "compare --html --lang fr"
"$remous" run "$top/tests/scenarios/two_lines.lua" --reps 3 --html "$tmp/run.html" --quiet && ok || ko "run --html"

browser --dump-dom "file://$tmp/en.html" > "$tmp/dom.html"
for needle in 'class="chart chart-time"' 'class="chart chart-wait"' 'class="chart chart-length"' \
              '<h2>What changes</h2>' '<h3>With online payment</h3>' 'new queue “the pickup line”' \
              '<rect' '<polyline' 'booksellers' 'pickup clerk' '<th>online payment + pickup clerk</th>' \
              'role “booksellers”: time on advising readers: down' 'advising readers</span>'; do
    grep -qF "$needle" "$tmp/dom.html" && ok || ko "the rendered page lacks $needle"
done
# the lines over time: over their open hours, as the digest says them, each
# in the words of what waits there (the till's count is a task)
grep -qF '<h2>Waiting in each line, over time</h2>' "$tmp/dom.html" &&
    grep -qF 'On average over the hours each line can be served (nights and closed days left out), period by period.' "$tmp/dom.html" &&
    grep -qF '>tasks waiting<' "$tmp/dom.html" && grep -qF '>people waiting<' "$tmp/dom.html" && ok ||
    ko "the lines over time: heading, caption and axes"
"$remous" compare "$top/tests/scenarios/tray_in_variant.lua" --reps 3 --html "$tmp/tray.html" --quiet 2>/dev/null
grep -qF '>forms waiting<' "$tmp/tray.html" && ok || ko "a tray only the variant has: its axis says forms"
grep -qF "L'attente dans chaque file, au fil du temps" "$tmp/fr.html" && grep -qF '>tâches en attente<' "$tmp/fr.html" && ok ||
    ko "the lines over time, in French"
# the page speaks with labels: no name that has one is left for people to read
for name in pickup_clerk walk_in count_the_till prepare_order online_payment '“pickup”' '>core<'; do
    grep -qF "$name" "$tmp/dom.html" && ko "the rendered page shows the name $name" || ok
done
# no script, no link to anything outside the page
grep -qE '<script|<link|src="http|href="http' "$tmp/en.html" && ko "the page is not self-contained" || ok

# The model as a picture (diagram.c): one per run, in the rendered page. Each
# has one node per step and per visible arrivals stream of its model, and the
# exit: the bookstore's baseline has walk_in; browse, advise, checkout,
# count_the_till (a task: its step, no stream); the exit: 6 nodes. Each
# variant adds the step handover: 7.
grep -qF '<h2>The model, as a picture</h2>' "$tmp/dom.html" && ok || ko "the page lacks the model's picture"
pictures() {    # per picture, in page order: "d<k> <nodes> <added nodes> <added handover>"
    awk 'BEGIN { RS = "<g id=\"d" }          # a node'"'"'s own <g id="a_d..."> (its tooltip) stays in its record
         /^[0-9]+_n[0-9]+" class="node"/ {
             d = "d" substr($0, 1, index($0, "_") - 1); n[d]++
             if (index($0, "fill=\"#fbe6bc\"")) { a[d]++; if (index($0, ">handing orders over<")) h[d]++ }
             if (!(d in seen)) { seen[d] = 1; order[++k] = d } }
         END { for (i = 1; i <= k; i++) { d = order[i]; print d, n[d], a[d] + 0, h[d] + 0 } }' "$1"
}
got=$(pictures "$tmp/dom.html" | tr '\n' ';')
[ "$got" = "d0 6 0 0;d1 7 1 1;d2 7 1 1;d3 7 1 1;" ] && ok ||
    ko "the pictures' nodes (run, nodes, added, the added handover): $got"
[ "$(tr -d '\n' < "$tmp/dom.html" | grep -o '<details class="model" open=""><summary>[^<]*</summary><svg' | sed 's/.*<summary>//; s/<.*//' | tr '\n' ';')" = \
  "baseline;online payment;online payment, used by 60% of readers;online payment + pickup clerk;" ] && ok ||
    ko "each run's picture under its name, inline SVG"
# the routes: browse's table, and the tool's route with the readers' uptake
for needle in '>60%</text>' '>25%</text>' '>15%</text>' '>80%</text>' '>with online payment (30%)</text>' \
              '>with online payment (60%)</text>' '>the others (70%)</text>' '>when the tool is not used</text>' \
              '>pickup clerk (1) or</text>' '>booksellers (2)</text>' '>out</text>'; do
    grep -qF "$needle" "$tmp/dom.html" && ok || ko "the pictures lack $needle"
done
[ "$(grep -c '<svg' "$tmp/en.html")" = "$(grep -c '<svg' "$tmp/dom.html")" ] && ! grep -qE '<\?xml|<!DOCTYPE svg' "$tmp/en.html" &&
    ok || ko "the pictures are inline SVG (no XML prolog, no doctype)"

browser --dump-dom "file://$tmp/fr.html" > "$tmp/dom_fr.html"
grep -qF '<h2>Ce qui change</h2>' "$tmp/dom_fr.html" && ok || ko "the French page lacks its digest"
# the scenario's description under its title, in its own words, in both languages
for dom in dom dom_fr; do
    tr -d '\n' < "$tmp/$dom.html" | grep -qF '<h1>Bookstore</h1><p class="description">Two booksellers, readers who come for advice, and a local authority that asks for online payment.</p><p class="meta">' &&
        ok || ko "$dom: the scenario's description under the title"
done
grep -q 'class="description"' "$tmp/run.html" && ko "a scenario without a description shows one" || ok
grep -qF 'nouvelle file « the pickup line »' "$tmp/dom_fr.html" && ok || ko "the French digest"
grep -qF '<h2>Le modèle en image</h2>' "$tmp/dom_fr.html" && grep -qF '>sortie</text>' "$tmp/dom_fr.html" &&
    grep -qF '>avec online payment (30 %)</text>' "$tmp/dom_fr.html" && [ "$(pictures "$tmp/dom_fr.html" | wc -l)" -eq 4 ] &&
    ok || ko "the French page's pictures"

# The French page wholly in French: no English word of remous's own (the
# English catalog's words of the pages' sections, and those the English page
# shows, less the scenario's own names and labels) and no decimal point in
# a number (page_words.js). On the bookstore and on the club's registrations
# (params such as 0.125); the English page proves the check sees English.
version=$("$remous" --version | sed 's/^remous //')
sections="report headline digest diagram table labels warnings cost"
"$remous" compare "$top/scenarios/club_registrations.lua" --reps 3 --html "$tmp/club_fr.html" --lang fr --quiet &&
    "$remous" compare "$top/scenarios/club_registrations.lua" --reps 3 --html "$tmp/club_en.html" --quiet && ok ||
    ko "compare club_registrations --html"
browser --dump-dom "file://$tmp/club_fr.html" > "$tmp/dom_club_fr.html"
browser --dump-dom "file://$tmp/club_en.html" > "$tmp/dom_club_en.html"
for case in "dom_fr dom bookstore" "dom_club_fr dom_club_en club_registrations"; do
    set -- $case
    found=$(node "$top/tests/page_words.js" "$tmp/$1.html" "$top/scripts/lang/fr.lua" "$top/scenarios/$3.lua" "$version" \
            --english "$tmp/$2.html" $sections 2>&1) ||
        found="the check itself failed: $found"       # a checker that fails finds nothing: not a pass
    [ -z "$found" ] && ok || ko "the French page of $3 is not wholly French: $(echo "$found" | head -5)"
done
# the targets' section (the consultant's bookstore, with --prefer): its words are the decision section's;
# the scenario's own words are those of both files (bookstore_decision.lua requires bookstore.lua)
for lang in fr en; do
    "$remous" compare "$top/scenarios/bookstore_decision.lua" --reps 3 --prefer advising_share_of_busy:max --lang $lang \
        --html "$tmp/decision_$lang.html" --quiet || ko "compare bookstore_decision --lang $lang"
    browser --dump-dom "file://$tmp/decision_$lang.html" > "$tmp/dom_decision_$lang.html"
done
cat "$top/scenarios/bookstore.lua" "$top/scenarios/bookstore_decision.lua" > "$tmp/bookstore_decision_words.lua"
found=$(node "$top/tests/page_words.js" "$tmp/dom_decision_fr.html" "$top/scripts/lang/fr.lua" "$tmp/bookstore_decision_words.lua" \
        "$version" --english "$tmp/dom_decision_en.html" $sections decision 2>&1) || found="the check itself failed: $found"
grep -q 'id="targets"' "$tmp/decision_fr.html" && [ -z "$found" ] && ok ||
    ko "the French page's targets are not wholly French: $(echo "$found" | head -5)"
found=$(node "$top/tests/page_words.js" "$tmp/dom_decision_en.html" "$top/scripts/lang/fr.lua" "$tmp/bookstore_decision_words.lua" \
        "$version" $sections decision)
echo "$found" | grep -q '^english: targets in ' && echo "$found" | grep -q '^english: undecided in ' && ok ||
    ko "the check finds the English targets' section: $(echo "$found" | head -3)"
# a scenario with costs: its headline's cost sentence and its cost chart, wholly French
"$remous" compare "$top/tests/scenarios/shop_costs.lua" --reps 3 --html "$tmp/costs_fr.html" --lang fr --quiet &&
    "$remous" compare "$top/tests/scenarios/shop_costs.lua" --reps 3 --html "$tmp/costs_en.html" --quiet && ok ||
    ko "compare shop_costs --html"
browser --dump-dom "file://$tmp/costs_fr.html" > "$tmp/dom_costs_fr.html"
browser --dump-dom "file://$tmp/costs_en.html" > "$tmp/dom_costs_en.html"
grep -qF 'class="chart chart-cost"' "$tmp/dom_costs_fr.html" && grep -qF 'Au total, cette variante coûte environ' "$tmp/dom_costs_fr.html" &&
    ok || ko "the French page of shop_costs lacks its cost chart or its cost sentence"
# an amount never split over two lines: no-break spaces inside it ("1 200 €",
# serialised &nbsp; by the browser)
said=$(grep -o '<li>Au total[^<]*' "$tmp/dom_costs_fr.html" | head -1)
echo "$said" | grep -q '[0-9]&nbsp;[0-9][0-9][0-9]&nbsp;€' && ! echo "$said" | grep -q '[0-9] [0-9€%]' &&
    ok || ko "the French cost sentence's amounts hold together: $said"
found=$(node "$top/tests/page_words.js" "$tmp/dom_costs_fr.html" "$top/scripts/lang/fr.lua" "$top/tests/scenarios/shop_costs.lua" "$version" \
        --english "$tmp/dom_costs_en.html" $sections 2>&1) || found="the check itself failed: $found"
[ -z "$found" ] && ok || ko "the French page of shop_costs is not wholly French: $(echo "$found" | head -5)"
found=$(node "$top/tests/page_words.js" "$tmp/dom.html" "$top/scripts/lang/fr.lua" "$top/scenarios/bookstore.lua" "$version" $sections)
echo "$found" | grep -q '^english: baseline in ' && echo "$found" | grep -q '^english: parameters in ' &&
    echo "$found" | grep -qF 'decimal point: «' && ok || ko "the check finds the English page's words: $found"

# Long names in the charts' margins wrapped, never cut, inside the chart:
# every line of text ends above the chart's bottom
"$remous" compare "$top/tests/scenarios/long_words.lua" --reps 2 --html "$tmp/long.html" --lang fr --quiet && ok ||
    ko "compare long_words --html"
browser --dump-dom "file://$tmp/long.html" > "$tmp/dom_long.html"
charts=$(tr -d '\n' < "$tmp/dom_long.html" | grep -o '<svg class="chart chart-[a-z]*".*</svg>')
echo "$charts" | grep -qF '…' && ko "a chart cuts a long name" || ok
echo "$charts" | grep -qF 'both</tspan><tspan x="0" dy="18">experienced and new ones</tspan>' && ok ||
    ko "the role's long name wrapped over the bars"
echo "$charts" | grep -qF 'answer</tspan><tspan x="12" dy="15">templates that every volunteer</tspan>' && ok ||
    ko "the variant's long name wrapped in its column"
node -e '
    const html = require("fs").readFileSync(process.argv[1], "utf8");
    let bad = 0;
    for (const svg of html.match(/<svg class="chart[\s\S]*?<\/svg>/g)) {
        const height = +/viewBox="0 0 [0-9.]+ ([0-9.]+)"/.exec(svg)[1];
        for (const t of svg.match(/<text[^>]*>[\s\S]*?<\/text>/g)) {
            let y = +/ y="([-0-9.]+)"/.exec(t)[1];
            for (const d of t.matchAll(/dy="([0-9.]+)"/g)) y += +d[1];
            if (y + 4 > height) { bad++; console.log("below the chart (" + height + "): " + t.slice(0, 120)); }
        }
    }
    process.exit(bad ? 1 : 0);' "$tmp/dom_long.html" && ok || ko "a chart's text runs past its bottom"

browser --dump-dom "file://$tmp/run.html" > "$tmp/dom_run.html"
grep -qF 'class="chart chart-time"' "$tmp/dom_run.html" && ok || ko "a single run's page has its charts"

"$remous" sweep "$top/scenarios/bookstore.lua" --grid booksellers=1,2 --reps 3 --out "$tmp/sweep" \
    --rank queue:counter:wait_mean --html "$tmp/sweep.html" --quiet && ok || ko "sweep --html"
browser --dump-dom "file://$tmp/sweep.html" > "$tmp/dom_sweep.html"
grep -qF 'class="chart chart-sweep"' "$tmp/dom_sweep.html" && grep -qF '>Booksellers = 2<' "$tmp/dom_sweep.html" &&
    ok || ko "the sweep's page draws the metric across the grid"
grep -qF '<h1>the counter — mean wait</h1>' "$tmp/dom_sweep.html" && ok || ko "the sweep's page names its metric in words"

browser --window-size=1200,2400 --screenshot="$tmp/shot.png" "file://$tmp/en.html"
size=$(wc -c < "$tmp/shot.png" 2>/dev/null || echo 0)
[ "$(head -c 4 "$tmp/shot.png" | od -An -c | tr -d ' ')" = "211PNG" ] && [ "$size" -gt 50000 ] && ok ||
    ko "the screenshot ($size bytes) is not a picture of the page"
[ -n "${KEEP_SCREENSHOT:-}" ] && cp "$tmp/shot.png" "$KEEP_SCREENSHOT"

summary
