# What every test suite starts with, sourced after setting `suite` (its
# name, for the temporary folder and the last line):
#     suite=cost; . "$(dirname "$0")/lib.sh"
# gives $top (the checkout), $remous (the binary under test, $REMOUS or
# build/remous), $tmp (a fresh folder, removed at the end), the counters
# with ok and ko, expect, and summary (the suite's last line and status).
top=$(cd "$(dirname "$0")/.." && pwd)
remous="$top/${REMOUS:-build/remous}"
tmp=$(mktemp -d "/tmp/remous-$suite-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect CODE DESCRIPTION -- COMMAND...: runs it, keeps stdout and stderr in
# $tmp/out and $tmp/err
expect() {
    code=$1 what=$2; shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq "$code" ]; then ok; else ko "$what: exit $rc, expected $code"; cat "$tmp/err"; fi
}

# summary: "SUITE: N passed, N failed", and the suite's status
summary() {
    echo "$suite: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
