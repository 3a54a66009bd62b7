#!/bin/sh
# make bench: the engine against the plain C loop on M/M/3 at load 0.85,
# whole processes timed the same way, in the same run (machines are noisy:
# the ratio is the figure to read). Then a hook on every event, and the
# memory of a short and a 10x longer horizon.
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
model=tests/bench/mm3.lua
out=$(mktemp -d /tmp/remous-bench-XXXXXX)
trap 'rm -rf "$out"' EXIT

now() { date +%s.%N; }
# events of the last remous run, from its summary
events() { grep '^baseline,scenario,.*,events,' "$out/summary.csv" | cut -d, -f5; }
rate() { awk -v e="$1" -v s="$2" 'BEGIN { printf "%.2f", e / s / 1e6 }'; }

best_plain=0 best_engine=0
for round in 1 2 3; do
    t0=$(now); "$build/plain_mm3" 20000000 >/dev/null; t1=$(now)
    plain=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print 20000000 / (b - a) }')
    t0=$(now); "$build/remous" run $model --quiet --out "$out"; t1=$(now)
    ev=$(events)
    engine=$(awk -v e="$ev" -v a="$t0" -v b="$t1" 'BEGIN { print e / (b - a) }')
    best_plain=$(awk -v x="$plain" -v y="$best_plain" 'BEGIN { print (x > y) ? x : y }')
    best_engine=$(awk -v x="$engine" -v y="$best_engine" 'BEGIN { print (x > y) ? x : y }')
done
echo "M/M/3, load 0.85, about 20 million events, best of 3 (whole process):"
awk -v p="$best_plain" -v e="$best_engine" -v n="$ev" 'BEGIN {
    printf "  plain C loop     %6.2f M events/s\n", p / 1e6
    printf "  remous, no hook  %6.2f M events/s  (%d events)  ratio %.2f (target >= 0.33)\n", e / 1e6, n, e / p }'

t0=$(now); "$build/remous" run $model --quiet --out "$out" --set horizon=2500000 --set hooks=true; t1=$(now)
ev=$(events)
awk -v e="$ev" -v a="$t0" -v b="$t1" -v p="$best_plain" 'BEGIN {
    printf "  remous, a hook    %6.2f M events/s  (a Lua call on every event, target >= 2 M)  ratio %.2f\n",
        e / (b - a) / 1e6, e / (b - a) / p }'

# --jobs: 8 replications on 1 process, then on 2 (target: 1.8x on 2 cores)
t0=$(now); "$build/remous" run $model --quiet --set horizon=2000000 --reps 8 --jobs 1; t1=$(now)
"$build/remous" run $model --quiet --set horizon=2000000 --reps 8 --jobs 2; t2=$(now)
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
    printf "  --jobs 2 over --jobs 1 (8 replications): %.2fx (target >= 1.8 on 2 cores)\n", (b - a) / (c - b) }'

# Memory must not grow with the horizon: peak resident size, 1x and 10x,
# with the same number of time-series periods (10): only the time series
# itself, one row of counters per period, grows with the number of periods.
rss() { /usr/bin/time -f %M "$build/remous" run $model --quiet --set horizon="$1" --period "$2" 2>&1 >/dev/null | tail -1; }
short=$(rss 1000000 100000); long=$(rss 10000000 1000000)
echo "  peak memory (10 periods): horizon 1e6 ${short} KB, horizon 1e7 ${long} KB"
