#!/bin/sh
# Hostile inputs (issue 13): each tests/hostile/*.lua runs under `timeout 20`
# and must end with the exit code and the exact line its header states, never
# a signal or a hang. A reproducer's first two lines:
#   -- expect: CODE COMMAND ARGS...   (run as: remous COMMAND ARGS... FILE, from tests/hostile)
#   -- line: TEXT                      (CODE != 0: stderr is exactly TEXT; 0: a line of stdout is)
# Prints "hostile: N passed, N failed"; exits 1 if any failed.
remous=$(cd "$(dirname "$0")/.." && pwd)/${REMOUS:-build/remous}
case ${REMOUS:-} in /*) remous=$REMOUS ;; esac
cd "$(dirname "$0")/hostile" || exit 1
pass=0 fail=0
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
ko() { fail=$((fail + 1)); echo "FAIL $1: $2"; }

# ---- distributions, the stuck-time guard, interarrivals of 0 (dist_*.lua) ----
for f in dist_*.lua; do
    expect=$(sed -n '1s/^-- expect: //p' "$f")
    line=$(sed -n '2s/^-- line: //p' "$f")
    code=${expect%% *} args=${expect#* }
    # shellcheck disable=SC2086  # args are words
    timeout 20 "$remous" $args "$f" >"$out" 2>"$err"
    rc=$?
    if [ $rc -eq 124 ]; then ko "$f" "still running after 20 s"; continue; fi
    if [ $rc -gt 128 ]; then ko "$f" "killed by signal $((rc - 128))"; continue; fi
    if [ $rc -ne "$code" ]; then ko "$f" "exit $rc, expected $code: $(head -c 300 "$err")"; continue; fi
    if [ "$code" -eq 0 ]; then
        grep -qxF -- "$line" "$out" || { ko "$f" "no line '$line' in the output"; continue; }
    elif [ "$(cat "$err")" != "$line" ]; then
        ko "$f" "said: $(cat "$err")"; continue
    fi
    pass=$((pass + 1))
done
# The workshop: a free field set to a value its distribution refuses gets a
# 400 with the line, and the next page is still computed (it used to freeze
# the computing thread for good).
if command -v curl > /dev/null; then
    "$remous" workshop dist_param_spread.lua --port 0 > "$out" 2> "$err" &
    ws=$!
    url=
    for _ in $(seq 50); do url=$(grep -o 'http://[^ ]*' "$out") && break; sleep 0.1; done
    url=${url%/}
    body=$(mktemp)
    code=$(curl -s --max-time 20 -o "$body" -w '%{http_code}' "$url/?p.spread=1e-200")
    if [ "$code" = 400 ] && grep -qF 'gamma: the standard deviation is too far from the mean to compute with (got gamma(5, 1e-200))' "$body"; then
        pass=$((pass + 1))
    else ko "workshop ?p.spread=1e-200" "status $code: $(head -c 300 "$body")"; fi
    code=$(curl -s --max-time 20 -o "$body" -w '%{http_code}' "$url/summary.csv?p.spread=1&reps=2")
    if [ "$code" = 200 ] && grep -q '^baseline,queue,x,wait_mean,' "$body"; then
        pass=$((pass + 1))
    else ko "workshop after ?p.spread=1e-200" "status $code: $(head -c 300 "$body")"; fi
    kill "$ws"; wait "$ws" 2> /dev/null
    rm -f "$body"
fi
# ---- end of distributions ----

echo "hostile: $pass passed, $fail failed"
[ $fail -eq 0 ]
