#!/bin/sh
# Hostile inputs (tests/hostile/): each runs under `timeout 30` and must end
# with its exact error line and exit code: no signal, no hang. Prints
# "hostile: N passed, N failed" last; exits 1 on a failure.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
remous="$top/${REMOUS:-build/remous}"
tmp=$(mktemp -d /tmp/remous-hostile-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
cd "$top/tests/hostile" || exit 1

# hostile CODE 'STDERR' -- COMMAND...: exit code CODE (124 is the timeout,
# above 128 a signal: both fail) and exactly that one line on stderr
hostile() {
    code=$1 line=$2; shift 3
    timeout 30 "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq "$code" ] && [ "$(cat "$tmp/err")" = "$line" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $*: exit $rc (expected $code), stderr '$(cat "$tmp/err")'"
        echo "      expected '$line'"
    fi
}

# ---- hangs: the instruction budget, the wall clock, the watchdogs (hang_*) ----
# The limits are lowered so that each case ends in a few seconds (raised
# again where the instruction budget must speak first, whatever the load).
export REMOUS_LOAD_TIMEOUT=2 REMOUS_HOOK_TIMEOUT=2
no_gc='setmetatable: a __gc metamethod (a finalizer) is not allowed: it would run where nothing can stop it'
budget='stopped after 500 million Lua instructions: an endless loop?'
hook_budget='stopped after 10 million Lua instructions: an endless loop?'
slow='stopped after 2 s of Lua: an endless loop, or one far too slow?'
in_c='took more than 2 s inside one call of a string or table function: stopped (a pattern that backtracks without end, or a huge text or table?)'
hook_in_c='function ran for more than 2 s inside one call of a string or table function: stopped (a pattern that backtracks, or a huge text or table?)'

# a finalizer would run in lua_close (check) or in a collection (a hook), with the hooks off
hostile 2 "remous: hang_gc_close.lua:2: $no_gc" -- "$remous" check hang_gc_close.lua
hostile 1 "remous: hang_gc_hook.lua:4: $no_gc" -- "$remous" run hang_gc_hook.lua --reps 2
# __gc added after setmetatable, or only behind __index: Lua marks nothing, nothing runs
hostile 0 "" -- "$remous" check hang_gc_nested.lua
# xpcall's handler looping after its function: the stop goes through
hostile 1 "remous: hang_xpcall_hook.lua:4: $hook_budget" -- env REMOUS_LOAD_TIMEOUT=25 REMOUS_HOOK_TIMEOUT=25 "$remous" run hang_xpcall_hook.lua --reps 2
hostile 2 "remous: hang_xpcall_batch.lua:1: $slow" -- "$remous" batch hang_xpcall_batch.lua
hostile 2 "remous: hang_pcall_loop.lua:2: $budget" -- env REMOUS_LOAD_TIMEOUT=25 REMOUS_HOOK_TIMEOUT=25 "$remous" check hang_pcall_loop.lua
# __close variables, on leaving a block, on an error, in a hook
hostile 2 "remous: hang_close_load.lua:3: $budget" -- env REMOUS_LOAD_TIMEOUT=25 REMOUS_HOOK_TIMEOUT=25 "$remous" check hang_close_load.lua
hostile 2 "remous: hang_close_error.lua:2: $budget" -- env REMOUS_LOAD_TIMEOUT=25 REMOUS_HOOK_TIMEOUT=25 "$remous" check hang_close_error.lua
hostile 1 "remous: hang_close_hook.lua:4: $hook_budget" -- env REMOUS_LOAD_TIMEOUT=25 REMOUS_HOOK_TIMEOUT=25 "$remous" run hang_close_hook.lua --reps 1
# an error object whose __tostring loops: never called; print calls it under the budget
hostile 2 "remous: hang_tostring_error.lua: an error was raised with a table value instead of a message" -- "$remous" check hang_tostring_error.lua
hostile 2 "remous: hang_tostring_print.lua:2: $budget" -- env REMOUS_LOAD_TIMEOUT=25 REMOUS_HOOK_TIMEOUT=25 "$remous" check hang_tostring_print.lua
# few instructions, each a long C call: the count hook's clock
hostile 2 "remous: hang_loop_load.lua:3: $slow" -- "$remous" check hang_loop_load.lua
hostile 1 "remous: hang_loop_hook.lua:5: $slow" -- "$remous" run hang_loop_hook.lua --reps 1
# one C call that never ends: the load watchdog (check, sweep, batch) ...
hostile 2 "remous: hang_find_load.lua: loading $in_c" -- "$remous" check hang_find_load.lua
hostile 2 "remous: hang_find_load.lua: loading $in_c" -- "$remous" sweep hang_find_load.lua --grid x=1,2 --out "$tmp/sweep"
hostile 2 "remous: hang_find_batch.lua: the batch script $in_c" -- "$remous" batch hang_find_batch.lua
hostile 2 "remous: hang_find_load.lua: loading $in_c" -- "$remous" workshop hang_find_load.lua --port 18777
hostile 2 "remous: hang_pcall_loop.lua:2: $budget" -- env REMOUS_LOAD_TIMEOUT=25 "$remous" workshop hang_pcall_loop.lua --port 18777
# ... and in a hook, the worker's tick, with the hook's line
hostile 1 "remous: hang_find_hook.lua:3: activity \"t\": duration $hook_in_c" -- "$remous" run hang_find_hook.lua --reps 2 --jobs 2
hostile 1 "remous: hang_move_hook.lua:3: activity \"t\": duration $hook_in_c" -- "$remous" run hang_move_hook.lua --reps 1
mkdir -p "$tmp/trace"
hostile 1 "remous: hang_find_hook.lua:3: activity \"t\": duration $hook_in_c" -- "$remous" trace hang_find_hook.lua --out "$tmp/trace/log.csv"
if [ -z "$(ls -A "$tmp/trace")" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: trace left $(ls "$tmp/trace")"; fi
# a hostile scenario run from a batch script
hostile 2 "remous: ./hang_xpcall_hook.lua:4: $hook_budget" -- env REMOUS_LOAD_TIMEOUT=25 REMOUS_HOOK_TIMEOUT=25 "$remous" batch hang_run_batch.lua
# what ends by itself: the memory cap, Lua's own limits
hostile 2 "remous: hang_rep_huge.lua:2: resulting string too large" -- "$remous" check hang_rep_huge.lua
hostile 2 "remous: hang_format.lua:2: invalid conversion specification: '%099999d'" -- "$remous" check hang_format.lua
hostile 2 "remous: hang_recursion.lua:2: stack overflow" -- "$remous" check hang_recursion.lua
hostile 2 "remous: hang_braces.lua: nested too deeply: more than 200 levels of braces, parentheses or calls inside one another" -- "$remous" check hang_braces.lua
# a #! first line is skipped as lua skips it: the error is on line 3, as written
hostile 2 "remous: hang_shebang.lua:3: attempt to perform arithmetic on a nil value" -- "$remous" check hang_shebang.lua
# not hangs: a long replication of short hook calls, a long run in a batch
# script, stopped by no limit even at 1 s (each takes a few seconds)
hostile 0 "" -- env REMOUS_LOAD_TIMEOUT=1 REMOUS_HOOK_TIMEOUT=1 "$remous" run hang_long.lua --quiet
hostile 0 "" -- env REMOUS_LOAD_TIMEOUT=1 REMOUS_HOOK_TIMEOUT=1 "$remous" batch hang_long_batch.lua
# the workshop: a scenario edited into a C call without end gives the page
# its line (the load is tried in a child under the watchdog); the server lives on
printf 'scenario "w" { horizon = 2000, warmup = 200 }\nrole "server" { count = 3 }\narrivals "c" { interarrival = exponential(1), to = "s" }\nactivity "s" { role = "server", duration = exponential(2.5) }\n' > "$tmp/w.lua"
"$remous" workshop "$tmp/w.lua" --port 0 >"$tmp/wlog" 2>&1 &   # any free port: it prints which
wpid=$!
up=0 wurl=
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    wurl=$(grep -o 'http://127.0.0.1:[0-9]*/' "$tmp/wlog" | head -1)
    [ -n "$wurl" ] && curl -s -o /dev/null "$wurl" && up=1 && break
    sleep 0.3
done
tail -n 1 hang_find_load.lua >> "$tmp/w.lua"   # its string.find
sleep 0.1
page=$(timeout 30 curl -s "${wurl}?after=edit")
if [ "$up" = 1 ] && printf '%s' "$page" | grep -qF "w.lua: loading $in_c"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: workshop after a hanging edit: $(printf '%s' "$page" | head -c 300)"; fi
if kill -0 "$wpid" 2>/dev/null; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: the workshop ended after a hanging edit: $(cat "$tmp/wlog")"; fi
kill "$wpid" 2>/dev/null
wait "$wpid" 2>/dev/null
# ---- end of hangs ----


# ---- outputs: a file written to a temporary name and renamed never replaces
# what is not a file (--html /dev/null, as root, used to make /dev/null a
# regular file); a pipe stands for any device here ----
mkfifo "$tmp/pipe"
mkdir -p "$tmp/page.html" "$tmp/batch"
not_file='is a device, a pipe or a socket, not a file: give the name of a file to write'
hostile 2 "remous: --html $tmp/pipe $not_file" -- "$remous" run dist_param_spread.lua --reps 2 --html "$tmp/pipe"
hostile 2 "remous: --html $tmp/page.html is a folder, not a file: give the name of a file to write" -- "$remous" run dist_param_spread.lua --reps 2 --html "$tmp/page.html"
hostile 2 "remous: --out $tmp/pipe $not_file" -- "$remous" trace dist_param_spread.lua --out "$tmp/pipe"
ln -s "$tmp/pipe" "$tmp/link.html"
hostile 2 "remous: --html $tmp/link.html $not_file" -- "$remous" sweep dist_param_spread.lua --grid spread=1,2 --rank queue:x:wait_mean --out "$tmp/sw" --html "$tmp/link.html"
mkfifo "$tmp/batch/c.csv"
hostile 2 "remous: out_pipe_batch.lua:2: write_csv: $tmp/batch/c.csv $not_file" -- "$remous" batch out_pipe_batch.lua --out "$tmp/batch"
if [ -p "$tmp/pipe" ] && [ -p "$tmp/batch/c.csv" ] && [ -d "$tmp/page.html" ] && [ -z "$(ls -A "$tmp/page.html")" ]; then
    passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: a pipe or a folder was replaced: $(ls -la "$tmp")"; fi
# ---- end of outputs ----

# ---- numbers on the command line: 1e309 reads as inf, refused as "inf" is ----
hostile 2 'remous: --set spread: expected a number, got "1e309"' -- "$remous" run dist_param_spread.lua --set spread=1e309
hostile 2 'remous: --set spread: expected a number, got "-1e999"' -- "$remous" run dist_param_spread.lua --set spread=-1e999
hostile 2 'remous: --grid spread: expected a number, got "1e309"' -- "$remous" sweep dist_param_spread.lua --grid spread=1,1e309 --out "$tmp/sw309"
hostile 2 'remous: set_overflow_batch.lua:2: --set n: expected a number, got "1e309"' -- "$remous" batch set_overflow_batch.lua --set n=1e309
# ---- end of numbers ----

# ---- modules: a link out of the folder and compiled Lua are refused with the line ----
mkdir -p "$tmp/mods"
printf 'require("secret")\nscenario "s" { horizon = days(1) }\n' > "$tmp/mods/s.lua"
printf 'root: x: 0\n' > "$tmp/secret.txt"
ln -s "$tmp/secret.txt" "$tmp/mods/secret.lua"
hostile 2 "remous: $tmp/mods/s.lua:1: require: secret.lua leads out of the scenario's folder (a link): a module is read from the scenario's folder or remous's scripts/ only" -- "$remous" check "$tmp/mods/s.lua"
printf 'require("compiled")\nscenario "s" { horizon = days(1) }\n' > "$tmp/mods/c.lua"
printf '\033LuaT' > "$tmp/mods/compiled.lua"
hostile 2 "remous: $tmp/mods/c.lua:1: require: compiled.lua is not Lua text (a binary file, or compiled Lua): give its source" -- "$remous" check "$tmp/mods/c.lua"
cp "$tmp/mods/compiled.lua" "$tmp/mods/b.lua"
hostile 2 "remous: $tmp/mods/b.lua: this is not a Lua scenario (it is a binary file)" -- "$remous" check "$tmp/mods/b.lua"
hostile 2 "remous: $tmp/mods/b.lua: this is not a Lua script (it is a binary file)" -- "$remous" batch "$tmp/mods/b.lua"
# ---- end of modules ----

# ---- one line whatever an error quotes: control characters written as \n, \27 ----
hostile 2 'remous: --target \27[2J<5: the scenario declares no metric called "\27[2J" (it declares none; a metric of summary.csv is written ELEMENT:NAME:METRIC, e.g. arrivals:walk_in:wait_mean)' -- "$remous" run dist_param_spread.lua --target "$(printf '\033[2J<5')"
hostile 2 'remous: cannot open a\nb.lua: No such file or directory' -- "$remous" check "$(printf 'a\nb.lua')"
hostile 2 'remous: --reps: expected a whole number from 1 to 10000000, got "1\n\7" (see remous --help)' -- "$remous" run dist_param_spread.lua --reps "$(printf '1\n\a')"
# ---- end of one line ----

# ---- sizes: work that grows with the model grows linearly (timeout 10) ----
sized() {
    code=$1 line=$2; shift 3
    timeout 10 "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq "$code" ] && [ "$(cat "$tmp/err")" = "$line" ]; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAIL: $*: exit $rc (expected $code, 124 is 10 s), stderr '$(head -c 300 "$tmp/err")'"; fi
}
sized 0 "" -- "$remous" compare big_variant_role.lua --reps 2 --quiet --out "$tmp/big"
# ---- end of sizes ----

# A reproducer's first two lines say what it must give:
#   -- expect: CODE COMMAND ARGS...   (run as: remous COMMAND ARGS... FILE, from tests/hostile)
#   -- line: TEXT                      (CODE != 0: stderr is exactly TEXT; 0: a line of stdout is)
ko_dist() { failed=$((failed + 1)); echo "FAIL $1: $2"; }
unset REMOUS_LOAD_TIMEOUT REMOUS_HOOK_TIMEOUT          # the default limits
# ---- distributions, the stuck-time guard, interarrivals of 0 (dist_*.lua) ----
for f in dist_*.lua text_*.lua req_*.lua frag_*.lua batch_*.lua size_*.lua; do
    expect=$(sed -n '1s/^-- expect: //p' "$f")
    line=$(sed -n '2s/^-- line: //p' "$f")
    code=${expect%% *} args=${expect#* }
    # shellcheck disable=SC2086  # args are words
    timeout 20 "$remous" $args "$f" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc -eq 124 ]; then ko_dist "$f" "still running after 20 s"; continue; fi
    if [ $rc -gt 128 ]; then ko_dist "$f" "killed by signal $((rc - 128))"; continue; fi
    if [ $rc -ne "$code" ]; then ko_dist "$f" "exit $rc, expected $code: $(head -c 300 "$tmp/err")"; continue; fi
    if [ "$code" -eq 0 ]; then
        grep -qxF -- "$line" "$tmp/out" || { ko_dist "$f" "no line '$line' in the output"; continue; }
    elif [ "$(cat "$tmp/err")" != "$line" ]; then
        ko_dist "$f" "said: $(cat "$tmp/err")"; continue
    fi
    passed=$((passed + 1))
done
# The workshop: a free field set to a value its distribution refuses gets a
# 400 with the line, and the next page is still computed (it used to freeze
# the computing thread for good).
if command -v curl > /dev/null; then
    "$remous" workshop dist_param_spread.lua --port 0 > "$tmp/out" 2> "$tmp/err" &
    ws=$!
    url=
    for _ in $(seq 50); do url=$(grep -o 'http://[^ ]*' "$tmp/out") && break; sleep 0.1; done
    url=${url%/}
    body=$(mktemp)
    code=$(curl -s --max-time 20 -o "$body" -w '%{http_code}' "$url/?p.spread=1e-200")
    if [ "$code" = 400 ] && grep -qF 'gamma: the standard deviation is too far from the mean to compute with (got gamma(5, 1e-200))' "$body"; then
        passed=$((passed + 1))
    else ko_dist "workshop ?p.spread=1e-200" "status $code: $(head -c 300 "$body")"; fi
    code=$(curl -s --max-time 20 -o "$body" -w '%{http_code}' "$url/summary.csv?p.spread=1&reps=2")
    if [ "$code" = 200 ] && grep -q '^baseline,queue,x,wait_mean,' "$body"; then
        passed=$((passed + 1))
    else ko_dist "workshop after ?p.spread=1e-200" "status $code: $(head -c 300 "$body")"; fi
    kill "$ws"; wait "$ws" 2> /dev/null
    rm -f "$body"
fi
# ---- end of distributions ----

echo "hostile: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
