#!/bin/sh
# remous workshop: the live page. A real browser moves a slider and sees the
# digest and charts of `remous compare --set`; downloads are byte-identical
# to the command line's files; bad values get a message; the token guards a
# room-wide listen; an edit of the scenario shows on the page; wrk hammers
# the server with ten clients and it keeps answering.
# Prints "N passed, N failed" last; exits 1 on a failure.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
remous="$top/${REMOUS:-build/remous}"
tmp=$(mktemp -d /tmp/remous-workshop-XXXXXX)
pids=""
trap 'for p in $pids; do kill $p 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*"; }
expect() { [ "$1" = "$2" ] && ok || ko "$3: expected '$2', got '$1'"; }

# start NAME SCENARIO [options]: starts a workshop on a free port, sets $url
start() {
    name=$1; shift
    "$remous" workshop "$@" --port 0 > "$tmp/$name.out" 2> "$tmp/$name.err" &
    pids="$pids $!"
    eval "${name}_pid=$!"
    for _ in $(seq 50); do
        url=$(grep -o 'http://[^ ]*' "$tmp/$name.out" 2>/dev/null) && break
        sleep 0.1
    done
    [ -n "$url" ] || ko "workshop $name did not print its address: $(cat "$tmp/$name.err")"
}
status() { curl -s -o "$tmp/body" -w '%{http_code}' "$@"; }

cp "$top/scenarios/bookstore.lua" "$tmp/bookstore.lua"
start main "$tmp/bookstore.lua"
base=${url%/}
case "$url" in http://127.0.0.1:*/) ok ;; *) ko "default address is loopback, got $url" ;; esac

# --- the browser: a slider moved gives what compare --set gives ---------------
"$remous" compare "$tmp/bookstore.lua" --set booksellers=3 --reps 20 --quiet \
    --html "$tmp/expected.html" --out "$tmp/expected" || ko "compare --set booksellers=3"
if timeout 120 node "$top/tests/workshop_browser.js" "$url" "$tmp/expected.html" "$tmp/profile" "$tmp/bookstore.lua" \
        > "$tmp/browser.log"; then
    ok
else
    ko "browser: $(grep FAIL "$tmp/browser.log" | tr '\n' ' ')"
fi
grep -q '13 passed, 0 failed' "$tmp/browser.log" && ok || ko "browser checks: $(tail -1 "$tmp/browser.log")"

# --- downloads: the same bytes as the command line ----------------------------
for f in summary.csv compare.csv timeseries.csv params.csv; do
    expect "$(status "$base/$f?p.booksellers=3")" 200 "download $f"
    cmp -s "$tmp/body" "$tmp/expected/$f" && ok || ko "download $f differs from compare --out"
done
expect "$(status "$base/report.html?p.booksellers=3")" 200 "download report.html"
grep -q '<script' "$tmp/body" && ko "the downloaded report has the page's script" || ok
# the model's pictures (diagram.c): one per run shown, the slider's value in them
[ "$(grep -o 'class="node"' "$tmp/body" | wc -l)" -eq 27 ] && [ "$(grep -o '>booksellers (3)</text>' "$tmp/body" | wc -l)" -eq 15 ] &&
    ok || ko "the report's pictures: 6 + 3 x 7 nodes, booksellers (3) on 3 + 4 + 4 + 4 steps"
expect "$(status "$base/report.html?p.booksellers=3&v=1&variant=online%20payment")" 200 "the report with one variant ticked"
[ "$(grep -o 'class="node"' "$tmp/body" | wc -l)" -eq 13 ] && ok || ko "one variant ticked: 6 + 7 nodes"
curl -s -D - -o /dev/null "$base/summary.csv" | grep -qi '^content-disposition: attachment' && ok ||
    ko "downloads come as attachments"

# --- bad values: a clear message on the page ------------------------------------
expect "$(status "$base/?p.booksellers=abc")" 400 "a letter for a number"
grep -qF 'booksellers: expected a number, got &quot;abc&quot;' "$tmp/body" && ok || ko "message for p.booksellers=abc"
grep -qF 'name="p.booksellers"' "$tmp/body" && ok || ko "the controls stay on the error page"
expect "$(status "$base/?p.booksellers=99")" 400 "a value above the slider's max"
grep -qF 'above its max' "$tmp/body" && ok || ko "message for p.booksellers=99"
expect "$(status "$base/?p.nobody=1")" 400 "an unknown param"
grep -qF 'nobody' "$tmp/body" && ok || ko "message for an unknown param"
expect "$(status "$base/?reps=51")" 400 "reps above the cap"
grep -qF 'reps: give a whole number from 1 to 50' "$tmp/body" && ok || ko "message for reps=51"
expect "$(status "$base/?reps=0")" 400 "reps=0"
expect "$(status "$base/?reps=1e9")" 400 "reps=1e9"
expect "$(status "$base/?lang=de")" 400 "lang=de"
expect "$(status "$base/?variant=bogus")" 400 "an unknown variant"
grep -qF 'no variant &quot;bogus&quot;' "$tmp/body" && ok || ko "message for an unknown variant"
expect "$(status "$base/?zz=1")" 400 "an unknown field"
expect "$(status "$base/summary.csv?p.booksellers=3&p.booksellers=2")" 400 "a param given twice"
grep -qF 'p.booksellers given twice in the address' "$tmp/body" && ok || ko "message for a param given twice"
expect "$(status "$base/?$(seq -s '&' 1 130 | sed 's/\([0-9]*\)/p.x\1=1/g')")" 400 "more than 128 fields"
grep -qF 'more than 128 fields' "$tmp/body" && ok || ko "message for too many fields"
expect "$(status "$base/compare.csv?v=1&reps=3")" 404 "compare.csv with no variant ticked"
grep -qF 'no compare.csv without a variant' "$tmp/body" && ok || ko "message for compare.csv without a variant"
expect "$(status "$base/?p.booksellers=%3Cscript%3E")" 400 "markup in a value"
grep -qF '<script>alert' "$tmp/body" && ko "a value is echoed unescaped" || ok
grep -c '&lt;script&gt;' "$tmp/body" | grep -q '^[1-9]' && ok || ko "a value is escaped on the page"
expect "$(status "$base/nothing")" 404 "an unknown page"
expect "$(status -X POST "$base/")" 405 "a POST"
expect "$(status -X GET --data 'x=1' "$base/generation")" 200 "a GET with a body (read and dropped)"

# --- Host and Origin: another site's page gets nothing, computes nothing ------
port=${base##*:}
host_line="remous workshop: refused: Host must be 127.0.0.1:$port, localhost:$port or [::1]:$port (another name may be a web site reaching for this machine)"
expect "$(status -H "Host: evil.example:$port" "$base/?p.booksellers=5&reps=7")" 421 "another name for 127.0.0.1 (DNS rebinding)"
expect "$(cat "$tmp/body")" "$host_line" "the Host refusal's line"
for host in "127.0.0.1:1" "127.0.0.1" "localhost" "localhost.:$port" "127.0.0.1:$port.evil.example" \
            "evil.example" "127.1:$port" "[::1]"; do
    expect "$(status -H "Host: $host" "$base/generation")" 421 "Host: $host"
done
expect "$(status --http1.0 -H 'Host:' "$base/generation")" 421 "no Host at all"
expect "$(cat "$tmp/body")" "$host_line" "no Host: the same line"
for host in "127.0.0.1:$port" "localhost:$port" "[::1]:$port" "LOCALHOST:$port"; do
    expect "$(status -H "Host: $host" "$base/generation")" 200 "Host: $host"
done
origin_line="remous workshop: refused: a request from another site's page (Origin or Sec-Fetch-Site); open the workshop's address in the browser"
expect "$(status -H 'Origin: http://evil.example' "$base/?p.booksellers=5&reps=7")" 403 "an Origin of another site"
expect "$(cat "$tmp/body")" "$origin_line" "the Origin refusal's line"
expect "$(curl -s "$base/progress?p.booksellers=5&reps=7")" "0 0 gone" "nothing computed for the refused requests"
expect "$(status -H 'Origin: null' "$base/generation")" 403 "Origin: null (a sandbox, a file)"
expect "$(status -H "Origin: http://localhost:$port" "$base/generation")" 403 "Origin: another origin of this machine"
expect "$(status -H "Origin: http://127.0.0.1:$port" "$base/generation")" 200 "Origin: the page's own"
sfs() { status -H "Sec-Fetch-Site: $1" -H "Sec-Fetch-Mode: $2" -H "Sec-Fetch-Dest: $3" "$base/generation"; }
expect "$(sfs cross-site no-cors image)" 403 "an image on another site's page"
expect "$(cat "$tmp/body")" "$origin_line" "Sec-Fetch-Site: the same line"
expect "$(sfs cross-site cors empty)" 403 "a fetch from another site's page"
expect "$(sfs same-site no-cors script)" 403 "a script on a page of another port"
expect "$(sfs cross-site navigate iframe)" 403 "a frame on another site's page"
expect "$(sfs cross-site navigate document)" 200 "a link followed from another site"
expect "$(sfs same-origin cors empty)" 200 "the page's own fetch"
expect "$(sfs none navigate document)" 200 "an address typed"
expect "$(status "$base/?lang=fr&p.booksellers=3")" 200 "the French page"
grep -qF 'Ce qui change' "$tmp/body" && ok || ko "the French digest"
# the headline beside the sliders, before the digest, with its big figures
awk '/class="wall-controls"/ { c = NR } /name="p.booksellers"/ { if (c) s = NR } /class="wall-headline"/ { h = NR }
     /<h2>En bref<\/h2>/ { b = NR } /<h2>Ce qui change<\/h2>/ { d = NR }
     END { exit !(c && s > c && h > s && b > h && d > b) }' "$tmp/body" && ok ||
    ko "the French page: sliders, then the headline beside them, then the digest"
grep -qF '<li>Booksellers : occupés ' "$tmp/body" && ok || ko "the French headline's busy share"
[ "$(grep -c 'class="figure"' "$tmp/body")" -ge 3 ] && ok || ko "the headline's big figures"
grep -qF 'situation actuelle → avec la variante' "$tmp/body" && ok || ko "the figures say baseline → variant, in French"
# wholly in French (page_words.js, as the report's test): the page, and one
# that says what is wrong with the address
cp "$tmp/body" "$tmp/page_fr.html"
grep -qF '<p class="description">Two booksellers, readers who come for advice, and a local authority that asks for online payment.</p>' \
    "$tmp/body" && ok || ko "the workshop page has the scenario's description"
expect "$(status "$base/?p.booksellers=3")" 200 "the English page"
cp "$tmp/body" "$tmp/page_en.html"
awk '/class="wall-controls"/ { c = NR } /name="p.booksellers"/ { if (c) s = NR } /class="wall-headline"/ { h = NR }
     /<h2>In short<\/h2>/ { b = NR } /<h2>What changes<\/h2>/ { d = NR }
     END { exit !(c && s > c && h > s && b > h && d > b) }' "$tmp/body" && ok ||
    ko "the English page: sliders, then the headline beside them, then the digest"
expect "$(status "$base/?lang=fr&reps=51")" 400 "reps above the cap, in French"
grep -qF 'reps : donnez un nombre entier de 1 à 50, pas « 51 »' "$tmp/body" && ok || ko "the French message for reps=51"
cp "$tmp/body" "$tmp/error_fr.html"
expect "$(status "$base/?lang=fr&p.booksellers=abc")" 400 "a bad value typed in a field, in French"
grep -qF '<p class="error">remous: booksellers: un nombre était attendu, reçu &quot;abc&quot;</p>' "$tmp/body" && ok ||
    ko "the French message for a field's bad value: $(grep -o 'class="error">[^<]*' "$tmp/body")"
cp "$tmp/body" "$tmp/field_fr.html"
version=$("$remous" --version | sed 's/^remous //')
for page in page_fr error_fr field_fr; do
    found=$(node "$top/tests/page_words.js" "$tmp/$page.html" "$top/scripts/lang/fr.lua" "$tmp/bookstore.lua" "$version" \
            --english "$tmp/page_en.html" report headline digest diagram table labels warnings workshop 2>&1) ||
        found="the check itself failed: $found"       # a checker that fails finds nothing: not a pass
    [ -z "$found" ] && ok || ko "the French workshop's $page is not wholly French: $(echo "$found" | head -5)"
done
grep -qF "oninput=\"this.nextElementSibling.value=this.value.replace('.',',')\"" "$tmp/page_fr.html" &&
    grep -qF '<output>0,3</output>' "$tmp/page_fr.html" && ok || ko "the French sliders show a decimal comma"
expect "$(status "$base/?v=1&reps=3")" 200 "no variant chosen: the baseline alone"
expect "$(status "$base/?v=1&variant=online+payment&reps=3")" 200 "one variant chosen"
grep -qF 'With online payment' "$tmp/body" && ok || ko "the chosen variant is shown"
grep -qF 'With online payment + pickup clerk' "$tmp/body" && ko "a variant not chosen is shown" || ok
grep -qF '<h3>With “online payment”</h3>' "$tmp/body" && ok || ko "the chosen variant's headline"
grep -qF 'With “online payment + pickup clerk”' "$tmp/body" && ko "a variant not chosen has a headline" || ok

# --- the scenario edited while the page is open ----------------------------------
sed -i 's/param("booksellers", 2,/param("booksellers", 4,/' "$tmp/bookstore.lua"
touch -d '+2 seconds' "$tmp/bookstore.lua"
expect "$(status "$base/generation")" 200 "the generation"
expect "$(cat "$tmp/body")" 2 "an edit bumps the generation the page watches (the browser's edit was 1)"
expect "$(status "$base/")" 200 "the page after an edit"
grep -qF 'name="p.booksellers" type="range" min="1" max="6" step="1" value="4"' "$tmp/body" && ok ||
    ko "the page shows the edited default"
printf 'local broken = )\n' >> "$tmp/bookstore.lua"
touch -d '+4 seconds' "$tmp/bookstore.lua"
expect "$(status "$base/")" 500 "a broken scenario"
grep -qE 'bookstore\.lua:[0-9]+:' "$tmp/body" && ok || ko "the error names the file and line: $(grep error "$tmp/body")"
sed -i '$d' "$tmp/bookstore.lua"
touch -d '+6 seconds' "$tmp/bookstore.lua"
expect "$(status "$base/")" 200 "the scenario fixed"

# --- ten clients at once (wrk), through the cache ------------------------------
cat > "$tmp/rotate.lua" <<'EOF'
-- each request asks one of six situations: the cache answers after the first
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/?reps=5&p.booksellers=" .. (n % 6 + 1))
end
EOF
# the six situations computed once first (a download waits for its comparison),
# so that the load measures serving, not computing (slow under ASan)
for n in 1 2 3 4 5 6; do
    expect "$(status "$base/summary.csv?reps=5&p.booksellers=$n")" 200 "warm-up booksellers=$n"
done
timeout 60 wrk -t 2 -c 10 -d 5s --latency -s "$tmp/rotate.lua" "$url" > "$tmp/wrk.log" 2>&1
requests=$(awk '/requests in/ {print $1}' "$tmp/wrk.log")
[ "${requests:-0}" -gt 1000 ] && ok || ko "wrk: too few answers: $(cat "$tmp/wrk.log")"
grep -q 'Non-2xx' "$tmp/wrk.log" && ko "wrk: errors: $(grep Non-2xx "$tmp/wrk.log")" || ok
grep -q 'Socket errors' "$tmp/wrk.log" && ko "wrk: $(grep 'Socket errors' "$tmp/wrk.log")" || ok
expect "$(status "$base/?p.booksellers=3")" 200 "the page answers after the load"
kill -INT "$main_pid"
wait "$main_pid"
expect $? 0 "the workshop stops cleanly on Ctrl-C (no leak, no sanitizer report)"
hits=$(sed -n 's/.* requests, [0-9]* answered from the cache (\([0-9]*\)%).*/\1/p' "$tmp/main.err")
[ "${hits:-0}" -ge 99 ] && ok || ko "cache hit rate: $(tail -1 "$tmp/main.err")"
echo "workshop load: $requests requests in 5 s, 10 clients; latency $(awk '/^ +50%/ {print "p50 " $2} /^ +99%/ {print "p99 " $2}' "$tmp/wrk.log" | tr '\n' ' ');" \
     "$(tail -1 "$tmp/main.err" | sed 's/remous workshop: //')"

# --- slow clients: a bounded attack on 127.0.0.1 --------------------------------
# 200 connections for 9 s (tests/workshop_slow.js): 150 trickle a header byte
# every 300 ms and never end their headers, 25 trickle a body, 25 send
# nothing. The server keeps answering at once, closes each of them 5 s after
# its accept, and works after them.
# probe NAME URL [curl options]: 200 within 2 s (the attack makes no wait)
probe() {
    name=$1 where=$2; shift 2
    got=$(curl -s -o /dev/null --max-time 10 -w '%{http_code} %{time_total}' "$@" "$where")
    case "$got" in
        "200 "[01].*) ok ;;
        *) ko "$name during the attack: expected 200 within 2 s, got '$got'" ;;
    esac
}
start guard "$top/scenarios/bookstore.lua"
g=${url%/}
gport=${g##*:}
expect "$(status "$g/?reps=3")" 200 "the page before the attack"
timeout 20 node "$top/tests/workshop_slow.js" "$gport" 150 9 > "$tmp/slow1.out" 2>&1 &
attack=$!
timeout 20 node "$top/tests/workshop_slow.js" "$gport" 25 9 127.0.0.1 body > "$tmp/slow1b.out" 2>&1 &
attack_body=$!
timeout 20 node "$top/tests/workshop_slow.js" "$gport" 25 9 127.0.0.1 silent > "$tmp/slow1s.out" 2>&1 &
attack_silent=$!
sleep 1
for i in 1 2 3 4 5 6 7 8; do
    probe "page $i" "$g/?reps=3"
    probe "generation $i" "$g/generation"
    sleep 0.3
done
probe "a new comparison" "$g/summary.csv?reps=2&p.booksellers=5"
wait $attack $attack_body $attack_silent
for kind in "1 150 headers" "1b 25 a body" "1s 25 nothing"; do
    set -- $kind
    out="$tmp/slow$1.out" n=$2; shift 2
    expect "$(grep -v -e '^after' -e '^took' "$out" | tr '\n' ' ')" "opened $n refused 0 closed $n open 0 answered 0 " \
        "the $n connections trickling $*: each closed by the server, none answered"
    awk '/^after/ { exit !($2 >= 5.0 && $4 <= 7.0) }' "$out" && ok ||
        ko "connections trickling $* closed 5 s after their accept: $(grep '^after' "$out")"
done
expect "$(status "$g/?reps=3")" 200 "the page after the attack"
kill -INT "$guard_pid"
wait "$guard_pid"
expect $? 0 "the attacked workshop stops cleanly"
expect "$(tail -1 "$tmp/guard.err")" "remous workshop: 200 connections closed for not sending their request within 5 s (1 s when crowded), 0 for not taking their answer within 60 s; 0 refused (more than 1000 at once)" \
    "the attack in the workshop's last line"

# crowded (here 300 files open at most: 200 connections, crowded from 180),
# a request has 1 s: of 300 slow connections, 200 are let in and closed after
# 1 s, then the 100 waiting (no longer a crowd) after 5 s; a real request
# waiting behind them is served within 3 s
files=$(ulimit -S -n)
ulimit -S -n 300
start crowd "$top/scenarios/bookstore.lua"
ulimit -S -n "$files"
c=${url%/}
timeout 20 node "$top/tests/workshop_slow.js" "${c##*:}" 300 8 > "$tmp/slow3.out" 2>&1 &
attack=$!
sleep 0.5
got=$(curl -s -o /dev/null --max-time 10 -w '%{http_code} %{time_total}' "$c/generation")
case "$got" in "200 "[012].*) ok ;; *) ko "crowded: expected 200 within 3 s, got '$got'" ;; esac
wait $attack
expect "$(grep -v -e '^after' -e '^took' "$tmp/slow3.out" | tr '\n' ' ')" "opened 300 refused 0 closed 300 open 0 answered 0 " \
    "300 slow connections for 200 places: each closed, none answered"
awk '/^after/ { exit !($2 >= 1.0 && $2 < 2.0 && $4 >= 6.0 && $4 <= 7.5) }' "$tmp/slow3.out" && ok ||
    ko "crowded: slow connections closed after 1 s, then 5 s: $(grep '^after' "$tmp/slow3.out")"
kill -INT "$crowd_pid"
wait "$crowd_pid"
expect "$(tail -1 "$tmp/crowd.err")" "remous workshop: 300 connections closed for not sending their request within 5 s (1 s when crowded), 0 for not taking their answer within 60 s; 0 refused (more than 200 at once)" \
    "the crowded workshop's last line"

# beyond loopback: 16 connections from one address; the room (another address) is served
start wall "$top/scenarios/bookstore.lua" --listen 0.0.0.0
wtoken=$(echo "$url" | sed -n 's/.*token=\([0-9a-f]*\).*/\1/p')
wport=$(echo "$url" | sed -n 's/.*:\([0-9]*\)\/.*/\1/p')
timeout 20 node "$top/tests/workshop_slow.js" "$wport" 200 8 > "$tmp/slow2.out" 2>&1 &
attack=$!
sleep 1
for i in 1 2 3 4 5; do
    probe "a phone $i" "http://127.0.0.1:$wport/?reps=3&token=$wtoken" --interface 127.0.0.2
    sleep 0.3
done
expect "$(status "http://127.0.0.1:$wport/generation?token=$wtoken")" 000 "the attacker's own address, beyond its 16"
wait $attack
expect "$(grep -v -e '^after' -e '^took' "$tmp/slow2.out" | tr '\n' ' ')" "opened 200 refused 184 closed 16 open 0 answered 0 " \
    "200 slow connections from one address: 16 let in, then closed"
expect "$(status "http://127.0.0.1:$wport/generation?token=$wtoken")" 200 "that address served again after the attack"
expect "$(status -H "Host: 192.168.1.20:$wport" "http://127.0.0.1:$wport/generation?token=$wtoken")" 200 \
    "beyond loopback any Host (the token guards)"
expect "$(status -H 'Origin: http://evil.example' "http://127.0.0.1:$wport/generation?token=$wtoken")" 403 \
    "beyond loopback another site's page is refused, token or not"
kill -INT "$wall_pid"
wait "$wall_pid"
expect $? 0 "the room's workshop stops cleanly"
expect "$(tail -1 "$tmp/wall.err")" "remous workshop: 16 connections closed for not sending their request within 5 s (1 s when crowded), 0 for not taking their answer within 60 s; 185 refused (more than 16 from one address, or 1000 in all)" \
    "the room's attack in its last line"

# --- long work: progress, cancellation, caps ----------------------------------
cp "$top/tests/scenarios/slow_workshop.lua" "$tmp/slow.lua"
start slow "$tmp/slow.lua"
slow=${url%/}
expect "$(status "$slow/?p.days=731")" 200 "a long comparison"
grep -qF 'Computing: ' "$tmp/body" && ok || ko "a long comparison shows progress after a second"
grep -qF "fetch('/progress?p.days=731')" "$tmp/body" && ok || ko "the progress page polls its own progress"
progress=$(curl -s "$slow/progress?p.days=731")
case "$progress" in *" 8 running") ok ;; *) ko "progress of 8 runs (4 replications x 2), got '$progress'" ;; esac
# the team moves on: nobody asks for days=731 any more; the next situation is computed
expect "$(status "$slow/?p.days=1&reps=2")" 200 "the next situation"
for _ in $(seq 60); do
    case "$(curl -s "$slow/progress?p.days=1&reps=2")" in *done) break ;; esac
    sleep 0.1
done
expect "$(curl -s "$slow/progress?p.days=1&reps=2" | awk '{print $3}')" done "the next situation is computed"
grep -qF 'cancelled ?p.days=731&reps=4 (nobody waits for it any more)' "$tmp/slow.err" && ok ||
    ko "the abandoned comparison is cancelled: $(cat "$tmp/slow.err")"
expect "$(curl -s "$slow/progress?p.days=731" | awk '{print $3}')" gone "the cancelled comparison is gone"
expect "$(status "$slow/?p.days=1&reps=2")" 200 "the next situation's page"
grep -qF 'class="digest"' "$tmp/body" && ok || ko "the next situation's page has its digest"
expect "$(status "$slow/?p.days=800")" 400 "a horizon beyond the workshop's cap"
grep -qF 'the workshop simulates at most 731 days per replication; this horizon is 800 days' "$tmp/body" && ok ||
    ko "the horizon cap's message"
# the page left (pagehide sends /abandon): cancelled within half a second, not two
expect "$(status "$slow/?p.days=730")" 200 "another long comparison"
grep -qF "fetch('/abandon'+location.search" "$tmp/body" && ok || ko "the progress page abandons its work when left"
expect "$(status "$slow/abandon?p.days=730")" 200 "the page left"
for _ in $(seq 15); do    # (not polling /progress: a poll says someone still waits)
    grep -qF 'cancelled ?p.days=730&reps=4' "$tmp/slow.err" && break
    sleep 0.1
done
grep -qF 'cancelled ?p.days=730&reps=4' "$tmp/slow.err" && ok || ko "an abandoned comparison is cancelled within 1.5 s"
expect "$(curl -s "$slow/progress?p.days=730" | awk '{print $3}')" gone "the abandoned comparison is gone"
# a long address: the progress page still polls (its script is whole)
long="p.days=731.$(printf '0%.0s' $(seq 1500))"
expect "$(status "$slow/?$long")" 200 "a long comparison with a long address"
expect "$(grep -o '</script>' "$tmp/body" | wc -l)" 2 "the progress page's scripts are whole"
# six downloads waiting for long comparisons hold no thread: the server answers
# at once meanwhile; their clients leave, and nothing is computed for them
downloads=""
for d in 601 602 603 604 605 606; do
    curl -s -o /dev/null --max-time 3 "$slow/summary.csv?p.days=$d" &
    downloads="$downloads $!"
done
sleep 0.5
for i in 1 2 3 4 5; do
    probe "generation while six downloads wait" "$slow/generation"
    probe "progress while six downloads wait" "$slow/progress?p.days=1&reps=2"
done
wait $downloads
# (not polling /progress: a poll says someone still waits)
for _ in $(seq 80); do
    grep -q 'cancelled ?p.days=60[1-6]&reps=4 (nobody waits for it any more)' "$tmp/slow.err" && break
    sleep 0.1
done
sleep 0.3
grep -q 'cancelled ?p.days=60[1-6]&reps=4 (nobody waits for it any more)' "$tmp/slow.err" && ok ||
    ko "the download computing when its client left: cancelled"
expect "$(for d in 601 602 603 604 605 606; do curl -s "$slow/progress?p.days=$d" | awk '{print $3}'; done | tr '\n' ' ')" \
    "gone gone gone gone gone gone " "downloads whose clients left: nothing kept computing for them"
# at most 64 requests wait at once: 70 downloads of one long comparison (12
# replications: long enough, about 12 s, to outlast its clients by far), the
# 6 beyond get 503 at once (a page would show its progress at once)
codes=$(curl -s -Z --parallel-immediate --parallel-max 100 --max-time 3 -w '%{http_code}\n' \
        $(for _ in $(seq 70); do printf -- '-o /dev/null %s ' "$slow/summary.csv?p.days=650&reps=12"; done) 2> /dev/null |
        sort | uniq -c | awk '{printf "%s x %s, ", $1, $2}')
expect "$codes" "64 x 000, 6 x 503, " "70 downloads waiting: 64 kept waiting (till curl gives up), 6 told to come back"
for _ in $(seq 300); do                          # (up to 30 s: under ASan the jobs before it end slowly)
    grep -q 'cancelled ?p.days=650&reps=12' "$tmp/slow.err" && break
    sleep 0.1
done
grep -q 'cancelled ?p.days=650&reps=12 (nobody waits for it any more)' "$tmp/slow.err" && ok ||
    ko "the 64 downloads gone: their comparison cancelled: $(grep -e cancelled -e dropped "$tmp/slow.err" | tail -5)"
# the file broken while a page waits for its comparison: the server stays up, the page shows the error
curl -s -o "$tmp/waiting" -w '%{http_code}' "$slow/?p.days=700" > "$tmp/waiting.code" &
sleep 0.3
printf 'local broken = )\n' >> "$tmp/slow.lua"
touch -d '+2 seconds' "$tmp/slow.lua"
expect "$(status "$slow/generation")" 200 "the server answers after the file broke"
wait $!
expect "$(cat "$tmp/waiting.code")" 500 "the waiting page gets the error"
grep -qE 'slow\.lua:[0-9]+:' "$tmp/waiting" && ok || ko "the waiting page names the file and line"
kill -INT "$slow_pid"
wait "$slow_pid"
expect $? 0 "the slow workshop stops cleanly"
# on one core (--jobs 1, or a machine of one CPU) a comparison is cancelled
# as soon, not when a replication ends: one replication of this busy counter
# takes about 8 s (much longer under ASan); its client leaves after 0.5 s,
# the cancellation comes about 2 s later
cat > "$tmp/alone.lua" <<'EOF'
scenario "busy counter" { horizon = days(param("days", 1, { min = 1, max = 730 })), replications = 4 }
role "clerk" { count = 20 }
arrivals "customers" { interarrival = exponential(0.02), to = "serve" }
activity "serve" { role = "clerk", duration = exponential(0.3) }
variant "faster clerks" { apply = function() activity "serve" { role = "clerk", duration = exponential(0.25) } end }
EOF
start alone "$tmp/alone.lua" --jobs 1
curl -s -o /dev/null --max-time 0.5 "${url%/}/summary.csv?p.days=730&reps=1"
left=$(date +%s.%N)
for _ in $(seq 100); do
    grep -q 'cancelled ?p.days=730&reps=1 ' "$tmp/alone.err" && break
    sleep 0.05
done
awk -v a="$left" -v b="$(date +%s.%N)" 'BEGIN { exit !(b - a < 3.0) }' &&
    grep -q 'cancelled ?p.days=730&reps=1 (nobody waits for it any more)' "$tmp/alone.err" && ok ||
    ko "one core: the comparison cancelled within 3 s of its client leaving: $(cat "$tmp/alone.err")"
kill -INT "$alone_pid"
wait "$alone_pid"

# --- a variant whose split breaks at a slider's value: its box says why, the others show
cat > "$tmp/shop.lua" <<'EOF'
scenario "Shop" { horizon = days(2), replications = 4 }
local share = param("share", 0.5, { label = "Share online", min = 0, max = 1, step = 0.1 })
role "clerk" { count = 1 }
arrivals "calls" { interarrival = exponential(10), to = "serve" }
activity "serve" { role = "clerk", duration = exponential(6) }
variant "channels" { apply = function() activity "serve" { next = { online = share, door = 0.2, phone = rest } }; activity "online" { duration = 1 }; activity "door" { role = "clerk", duration = 2 }; activity "phone" { role = "clerk", duration = 3 } end }
variant "second clerk" { apply = function() role "clerk" { count = 2 } end }
EOF
sed '/^variant "channels"/d' "$tmp/shop.lua" > "$tmp/shop_clerk.lua"
"$remous" compare "$tmp/shop_clerk.lua" --set share=0.9 --quiet --html "$tmp/shop_clerk.html" || ko "compare shop_clerk.lua"
start split "$tmp/shop.lua"
sb=${url%/}
expect "$(status "$sb/report.html?p.share=0.9")" 200 "the report where a variant cannot be computed"
expect "$(status "$sb/?p.share=0.9")" 200 "the page where a variant cannot be computed"
grep -qF "<h3>With channels</h3>
<p class=\"error\">This variant cannot be computed with these values: $tmp/shop.lua:6: activity &quot;serve&quot;: next: door = 0.2 and online = 0.9 leave nothing for phone (share = 0.9, set on the page)</p>" "$tmp/body" && ok ||
    ko "the variant's box gives its error: $(grep -A1 'With channels' "$tmp/body")"
sed -n '/<h3>With second clerk/,/<\/ul>/p' "$tmp/body" > "$tmp/digest.got"
sed -n '/<h3>With second clerk/,/<\/ul>/p' "$tmp/shop_clerk.html" > "$tmp/digest.expected"
[ -s "$tmp/digest.expected" ] && cmp -s "$tmp/digest.got" "$tmp/digest.expected" && ok ||
    ko "the other variant's digest is compare's: $(cat "$tmp/digest.got")"
expect "$(grep -c 'class="chart chart-time"' "$tmp/body")" 1 "the charts still show"
grep -qE '>second clerk</(tspan|text)>' "$tmp/body" && ok || ko "the charts show the other variant"
grep -qE '>channels</(tspan|text)>' "$tmp/body" && ko "the charts show the variant that cannot be computed" || ok
expect "$(status "$sb/?p.share=0.9&lang=fr")" 200 "the French page where a variant cannot be computed"
grep -qF "<h3>Avec channels</h3>
<p class=\"error\">Cette variante ne peut pas être calculée avec ces valeurs : $tmp/shop.lua:6: activity &quot;serve&quot;: next: door = 0.2 et online = 0.9 ne laissent rien pour phone (share = 0.9, réglé sur la page)</p>" "$tmp/body" && ok ||
    ko "the variant's box gives its error in French: $(grep -A1 'Avec channels' "$tmp/body")"
grep -qF '<h3>Avec second clerk</h3>' "$tmp/body" && ok || ko "the French page shows the other variant"
expect "$(status "$sb/?p.share=0.9&v=1&variant=second+clerk")" 200 "the variant that cannot be computed unticked"
grep -qF 'class="error"' "$tmp/body" && ko "an unticked variant's error shows" || ok
expect "$(status "$sb/compare.csv?p.share=0.9&v=1&variant=channels")" 404 "compare.csv of a variant that cannot be computed"
grep -qF 'the variants ticked cannot be computed with these values' "$tmp/body" && ok || ko "compare.csv says why"
expect "$(status "$sb/summary.csv?p.share=0.8")" 200 "the split at share=0.8 (rest = 0)"
expect "$(status "$sb/?p.share=0.8")" 200 "the page at share=0.8"
grep -qF 'class="error"' "$tmp/body" && ko "an error at share=0.8: $(grep 'class="error"' "$tmp/body")" || ok
grep -qF '<h3>With channels</h3>' "$tmp/body" && ok || ko "both variants at share=0.8"
kill -INT "$split_pid"
wait "$split_pid"
expect $? 0 "the workshop with a broken variant stops cleanly"

# --- what matters most: the panel under the headline, computed on request -----
# (tests/scenarios/sensitive_workshop.lua: "service" is the mean service
# time, "colour" is never read; "days", the horizon, is held at the page's value)
cp "$top/tests/scenarios/sensitive_workshop.lua" "$tmp/panel.lua"
start panel "$tmp/panel.lua"
pb=${url%/}
expect "$(status "$pb/?p.days=1")" 200 "the page before the panel is asked for"
grep -qF '<p class="ask">Compute it for: <a href="/?p.days=1&amp;sensitivity=baseline#what-matters">baseline</a> <a href="/?p.days=1&amp;sensitivity=faster%20server#what-matters">faster server</a></p>' \
    "$tmp/body" && ok || ko "the panel's question: a link per run, with the page's values: $(grep 'class="ask"' "$tmp/body")"
grep -qF 'chart-tornado' "$tmp/body" && ko "the panel computed before it is asked for" || ok
expect "$(status "$pb/?p.days=1&sensitivity=baseline")" 200 "the panel asked for"
cp "$tmp/body" "$tmp/panel_en.html"
# the tornadoes are remous sensitivity's at the page's point, ranked, "not significant" said
sed -n '/id="what-matters"/,/<\/section>/p' "$tmp/body" > "$tmp/panel_section.html"
"$remous" sensitivity "$tmp/panel.lua" --set days=1 > "$tmp/panel.txt" 2> /dev/null || ko "remous sensitivity --set days=1"
expect "$(sed -n 's/.*|[ █]*  //p' "$tmp/panel.txt" | tr '\n' '/')" \
    "+2.2 (95%: +1.4 to +3.1)/0 (95%: 0 to 0), not significant/+0.29 (95%: +0.28 to +0.3)/0 (95%: 0 to 0), not significant/" \
    "the command line's tornadoes at days = 1"
expect "$(grep -o '<h3>[^<]*</h3>\|<tspan x="0">[^<]*</tspan>\|<text x="602"[^>]*>[^<]*</text>' "$tmp/panel_section.html" |
          sed 's/<[^>]*>//g' | tr '\n' '/')" \
    "customers: total wait per person/mean service time (0.5 → 0.8)/+2.2 (95%: +1.4 to +3.1)/colour of the walls (0 → 5)/0 (95%: 0 to 0), not significant/server: busy share of working time/mean service time (0.5 → 0.8)/+0.29 (95%: +0.28 to +0.3)/colour of the walls (0 → 5)/0 (95%: 0 to 0), not significant/" \
    "the panel: per headline metric, service first, then colour, not significant, with the command line's figures"
expect "$(grep -c '<rect [^>]*fill="#bbbbbb"/>' "$tmp/panel_section.html") $(grep -c '<rect [^>]*fill="#0072B2"/>' "$tmp/panel_section.html")" "2 2" \
    "colour's bars grey (not significant), service's coloured"
expect "$(grep -o '<text x="[0-9]*" y="88" font-size="12" text-anchor="middle" fill="#555">[^<]*</text>' "$tmp/panel_section.html" |
          sed 's/<[^>]*>//g' | tr '\n' '/')" "-5/0/+5/-0.5/0/+0.5/" \
    "the panel's axes: 0 and a round top each side, as the report's tornadoes"
grep -qF '<p class="sensitivity-intro">baseline: each of 2 params at its min and at its max, the others at the values above; 4 replications, paired (the same random draws at both ends).' \
    "$tmp/body" && ok || ko "the panel says what it did: $(grep -o '<p class="sensitivity-intro">[^<]*' "$tmp/body")"
grep -qF '<p class="meta">Left out (no min and max, or not a number): days.</p>' "$tmp/body" && ok ||
    ko "the panel names the param left out"
awk '/class="wall-headline"/ { h = NR } /id="what-matters"/ { p = NR } /class="digest"/ { d = NR }
     END { exit !(h && p > h && d > p) }' "$tmp/body" && ok || ko "the panel under the headline, before the digest"
expect "$(status "$pb/?p.days=1&sensitivity=baseline&lang=fr")" 200 "the panel in French"
cp "$tmp/body" "$tmp/panel_fr.html"
grep -qF '<text x="602" y="53" font-size="13" fill="#555">0 (95 % : de 0 à 0), non significatif</text>' "$tmp/body" && ok ||
    ko "the French panel says non significatif"
grep -qF '<h2>Ce qui compte le plus</h2>' "$tmp/body" &&
    grep -qF '<a href="/?p.days=1&amp;lang=fr&amp;sensitivity=baseline#what-matters" class="chosen">situation actuelle</a>' "$tmp/body" &&
    ok || ko "the French panel's title and run"
found=$(node "$top/tests/page_words.js" "$tmp/panel_fr.html" "$top/scripts/lang/fr.lua" "$tmp/panel.lua" "$version" \
        --english "$tmp/panel_en.html" report headline digest labels sensitivity workshop workshop_sensitivity 2>&1) ||
    found="the check itself failed: $found"
[ -z "$found" ] && ok || ko "the French panel is not wholly French: $(echo "$found" | head -5)"
expect "$(status "$pb/?p.days=1&sensitivity=nobody")" 400 "a run the scenario does not have"
grep -qF 'sensitivity: the scenario has no variant &quot;nobody&quot; (give baseline or a variant' "$tmp/body" && ok ||
    ko "the message for sensitivity=nobody"
# progress, then the tornadoes (12 replications of 700 days: seconds of
# work; the comparison computed first: a download waits for it)
expect "$(status "$pb/summary.csv?p.days=700&reps=12")" 200 "the comparison at days = 700, 12 replications"
expect "$(status "$pb/?p.days=700&reps=12&sensitivity=baseline")" 200 "a long panel"
grep -qF '<p class="sensitivity-progress">Computing what matters most: ' "$tmp/body" && ok ||
    ko "a long panel shows its progress after a second: $(grep -o 'what-matters.*' "$tmp/body" | head -3)"
grep -qF "fetch('/sensitivity/progress'+location.search)" "$tmp/body" && grep -qF "fetch('/sensitivity/abandon'+location.search" "$tmp/body" &&
    ok || ko "the panel's progress polls, and lets go when the page is left"
grep -qF 'class="digest"' "$tmp/body" && ok || ko "the comparison shows while the panel computes"
progress=$(curl -s "$pb/sensitivity/progress?p.days=700&reps=12&sensitivity=baseline")
case "$progress" in *" 48 running") ok ;; *) ko "progress of 48 runs (2 params x 2 ends x 12 replications), got '$progress'" ;; esac
# a slider moved meanwhile: its comparison goes first (its page comes with
# its digest, not a progress page), then the panel goes on
expect "$(status "$pb/?p.days=2&reps=2")" 200 "a slider moved while the panel computes"
grep -qF 'class="digest"' "$tmp/body" && ok || ko "the comparison asked meanwhile is not kept waiting for the panel"
for _ in $(seq 600); do    # (up to a minute: slow under ASan)
    case "$(curl -s "$pb/sensitivity/progress?p.days=700&reps=12&sensitivity=baseline")" in *done) break ;; esac
    sleep 0.1
done
expect "$(curl -s "$pb/sensitivity/progress?p.days=700&reps=12&sensitivity=baseline")" "48 48 done" "the panel computed"
expect "$(status "$pb/?p.days=700&reps=12&sensitivity=baseline")" 200 "the long panel's page"
expect "$(grep -c 'chart-tornado' "$tmp/body")" 2 "the long panel's tornadoes"
cp "$tmp/body" "$tmp/panel_400.html"
expect "$(status "$pb/?p.days=700&reps=12&sensitivity=baseline")" 200 "the long panel again"
cmp -s "$tmp/body" "$tmp/panel_400.html" && ok || ko "the panel's page again, the same"
grep -q 'cancelled ?p.days=700' "$tmp/panel.err" && ko "the panel made way, and was not cancelled: $(cat "$tmp/panel.err")" || ok
# the client leaves while the panel computes: nobody asks, it is cancelled
# (12 replications: long enough to outlast its client by far)
expect "$(status "$pb/summary.csv?p.days=701&reps=12")" 200 "the comparison at days = 701, 12 replications"
curl -s -o /dev/null --max-time 0.5 "$pb/?p.days=701&reps=12&sensitivity=baseline"
for _ in $(seq 60); do    # (not polling /sensitivity/progress: a poll says someone still waits)
    grep -qF 'cancelled ?p.days=701&reps=12&sensitivity=baseline (nobody waits for it any more)' "$tmp/panel.err" && break
    sleep 0.1
done
grep -qF 'cancelled ?p.days=701&reps=12&sensitivity=baseline (nobody waits for it any more)' "$tmp/panel.err" && ok ||
    ko "the panel whose client left is cancelled: $(cat "$tmp/panel.err")"
expect "$(curl -s "$pb/sensitivity/progress?p.days=701&reps=12&sensitivity=baseline" | awk '{print $3}')" gone \
    "the cancelled panel is gone"
# the page left (pagehide sends /sensitivity/abandon): cancelled within half a second
expect "$(status "$pb/?p.days=701&reps=12&sensitivity=baseline")" 200 "the long panel asked again"
expect "$(status "$pb/sensitivity/abandon?p.days=701&reps=12&sensitivity=baseline")" 200 "the panel's page left"
for _ in $(seq 15); do
    [ "$(grep -c 'cancelled ?p.days=701&reps=12&sensitivity=baseline' "$tmp/panel.err")" -eq 2 ] && break
    sleep 0.1
done
expect "$(grep -c 'cancelled ?p.days=701&reps=12&sensitivity=baseline' "$tmp/panel.err")" 2 \
    "an abandoned panel is cancelled within 1.5 s"
# an end of a range beyond the workshop's horizon cap: said in the panel, nothing run
sed 's/param("days", 1)/param("days", 1, { min = 1, max = 800 })/' "$tmp/panel.lua" > "$tmp/panel_cap.lua"
cp "$tmp/panel_cap.lua" "$tmp/panel.lua"
touch -d '+2 seconds' "$tmp/panel.lua"
expect "$(status "$pb/?p.days=1&sensitivity=baseline")" 200 "a range beyond the horizon cap"
grep -qF '<p class="error">With days = 800, the horizon is 800 days: the workshop simulates at most 731 days per replication (use remous sensitivity for longer ones)</p>' \
    "$tmp/body" && ok || ko "the panel says which end is too long: $(grep -o '<p class="error">[^<]*' "$tmp/body")"
kill -INT "$panel_pid"
wait "$panel_pid"
expect $? 0 "the workshop with panels stops cleanly"

# the bookstore: a slider moved while the panel computes is answered as fast
# as without it (within 0.2 s: the panel makes way), the same three new
# situations timed on a fresh workshop alone, then on one computing a panel
# (the best of three each: the machine may be busy with other work)
cp "$top/scenarios/bookstore.lua" "$tmp/bookstore_panel.lua"
panel_query="p.booksellers=2&sensitivity=online+payment&reps=50"
timed() {    # timed BASE: the best time of the pages booksellers = 3, 4, 5 (their digest checked)
    for n in 3 4 5; do
        [ -n "${2:-}" ] && for _ in $(seq 100); do    # the panel under way again (it restarts after each)
            case "$(curl -s "$1/sensitivity/progress?$panel_query")" in [1-9]*running) break ;; esac
            sleep 0.05
        done
        curl -s -o "$tmp/timed.html" -w '%{time_total}\n' "$1/?p.booksellers=$n"
        grep -qF 'class="digest"' "$tmp/timed.html" || echo 99
    done | sort -n | head -1
}
start balone "$tmp/bookstore_panel.lua"
ba=${url%/}
expect "$(status "$ba/?p.booksellers=2")" 200 "the bookstore's page"
alone=$(timed "$ba")
kill -INT "$balone_pid"
wait "$balone_pid"
start bpanel "$tmp/bookstore_panel.lua"
bp=${url%/}
expect "$(status "$bp/?p.booksellers=2")" 200 "the bookstore's page, on the workshop with a panel"
expect "$(status "$bp/summary.csv?p.booksellers=2&reps=50")" 200 "the bookstore's comparison, 50 replications"
curl -s -o /dev/null "$bp/?$panel_query"
( while :; do curl -s -o /dev/null "$bp/sensitivity/progress?$panel_query"; sleep 0.2; done ) &
poller=$!
took=$(timed "$bp" panel)
kill $poller
wait $poller 2> /dev/null
awk -v t="$took" -v a="$alone" 'BEGIN { exit !(t < a + 0.2) }' && ok ||
    ko "the bookstore's new situations took $took s at best with the panel computing, $alone s alone"
echo "workshop panel: the bookstore's new situation in $took s while its panel computes ($alone s alone; the best of 3)"
kill -INT "$bpanel_pid"
wait "$bpanel_pid"
# --- targets: the page says what the report says ------------------------------------
# (tests/decision_test.sh checks the report's cells, known by construction)
targets_section() { sed -n '/<h2 id="targets">/,/<\/table>/p' "$1"; }
start targets "$top/tests/scenarios/decision_options.lua"
for lang in en fr; do
    "$remous" compare "$top/tests/scenarios/decision_options.lua" --lang $lang --quiet --html "$tmp/targets-$lang.html" ||
        ko "compare decision_options.lua --lang $lang"
    targets_section "$tmp/targets-$lang.html" > "$tmp/targets-expected"
    expect "$(status "${url%/}/?lang=$lang")" 200 "the workshop page of decision_options.lua in $lang"
    targets_section "$tmp/body" > "$tmp/targets-page"
    [ -s "$tmp/targets-expected" ] && cmp -s "$tmp/targets-expected" "$tmp/targets-page" && ok ||
        ko "the workshop page's targets in $lang are the report's: $(diff "$tmp/targets-expected" "$tmp/targets-page" | head -5)"
done
grep -qF '<p class="targets-answer" id="targets-answer">2 des 4 options atteignent toutes les cibles : « quick filing », « quicker filing ».</p>' \
    "$tmp/targets-page" && ok || ko "the workshop page's answer in French: $(grep targets-answer "$tmp/targets-page")"
expect "$(status "${url%/}/?v=1&variant=quick%20filing")" 200 "the workshop page with one variant ticked"
grep -qF '<p class="targets-answer" id="targets-answer">Only “quick filing” meets every target.</p>' "$tmp/body" && ok ||
    ko "the answer among the options shown: $(grep targets-answer "$tmp/body")"
kill -INT "$targets_pid"

# --- a room: beyond loopback a token is needed ---------------------------------
start room "$top/scenarios/bookstore.lua" --listen 0.0.0.0
token=$(echo "$url" | sed -n 's/.*token=\([0-9a-f]*\).*/\1/p')
port=$(echo "$url" | sed -n 's/.*:\([0-9]*\)\/.*/\1/p')
expect "${#token}" 32 "the token printed at start"
expect "$(status "http://127.0.0.1:$port/?reps=2")" 403 "no token"
grep -qF 'needs the token' "$tmp/body" && ok || ko "the refusal says why"
expect "$(status "http://127.0.0.1:$port/summary.csv")" 403 "a download without token"
expect "$(status "http://127.0.0.1:$port/?reps=2&token=0123")" 403 "a wrong token"
expect "$(status "http://127.0.0.1:$port/?reps=2&token=$token")" 200 "the right token"
grep -qF "summary.csv?reps=2&amp;token=$token" "$tmp/body" && ok || ko "links on the page carry the token"
kill -INT "$room_pid"

# --- the command line ------------------------------------------------------------
"$remous" workshop "$tmp/none.lua" > /dev/null 2> "$tmp/err"; expect $? 2 "a missing scenario"
grep -q 'none.lua' "$tmp/err" && ok || ko "the missing file is named"
"$remous" workshop "$tmp/bookstore.lua" --port 70000 > /dev/null 2> "$tmp/err"; expect $? 2 "--port 70000"
grep -qF -- '--port: expected a whole number from 0 to 65535' "$tmp/err" && ok || ko "--port message"
"$remous" workshop "$tmp/bookstore.lua" --listen nowhere > /dev/null 2> "$tmp/err"; expect $? 2 "--listen nowhere"
grep -qF -- '--listen: expected an IPv4 address' "$tmp/err" && ok || ko "--listen message"
"$remous" run "$tmp/bookstore.lua" --port 9000 > /dev/null 2> "$tmp/err"; expect $? 2 "--port with run"
grep -qF -- '--port and --listen go with workshop' "$tmp/err" && ok || ko "--port with run message"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
