#!/bin/sh
# The HTML report in a real browser (Debian's chromium, headless): the page
# renders, its charts and digest are in the DOM, a screenshot is taken.
# Prints "N passed, N failed" last; exits 1 on a failure.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
remous="$top/${REMOUS:-build/remous}"
tmp=$(mktemp -d /tmp/remous-report-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*"; }

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
# the page speaks with labels: no name that has one is left for people to read
for name in pickup_clerk walk_in count_the_till prepare_order online_payment '“pickup”' '>core<'; do
    grep -qF "$name" "$tmp/dom.html" && ko "the rendered page shows the name $name" || ok
done
# no script, no link to anything outside the page
grep -qE '<script|<link|src="http|href="http' "$tmp/en.html" && ko "the page is not self-contained" || ok

browser --dump-dom "file://$tmp/fr.html" > "$tmp/dom_fr.html"
grep -qF '<h2>Ce qui change</h2>' "$tmp/dom_fr.html" && ok || ko "the French page lacks its digest"
grep -qF 'nouvelle file « the pickup line »' "$tmp/dom_fr.html" && ok || ko "the French digest"

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

echo "report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
