#!/bin/sh
# Runs a remous sweep as N shards through GNU parallel, on this machine's
# cores or on other hosts, then merges them into OUT/merged.
#
#   scripts/parallel-sweep.sh N OUT SCENARIO.lua --grid NAME=V1,V2 [...] [remous options]
#
# Options for parallel go in $PARALLEL_OPTIONS, e.g. "--sshlogin 8/host1,8/host2"
# (the hosts need remous at the same path and OUT on a shared file system),
# or "-j 4" to run 4 shards at a time here. Each shard runs its
# replications on one process (--jobs 1, unless given): parallel spreads
# the shards.
# --rank, --html and --lang go to the merge, which ranks the points and
# draws the page. The remous binary is $REMOUS (default: the build next to
# this script).
set -eu
[ $# -ge 3 ] || { echo "usage: $0 N OUT SCENARIO.lua --grid NAME=V1,V2 [...] [remous options]" >&2; exit 2; }
n=$1 out=$2
shift 2
remous=${REMOUS:-$(cd "$(dirname "$0")/.." && pwd)/build/remous}
mkdir -p "$out"
out=$(cd "$out" && pwd)
# the merge's options apart, in a file: sh has one list of arguments only
merge_opts="$out/.merge-options"
: > "$merge_opts"
count=$# jobs=1
i=0
while [ "$i" -lt "$count" ]; do
    a=$1; shift; i=$((i + 1))
    case "$a" in
        --out|--out=*|--shard|--shard=*)
            echo "remous: $a: the script gives each shard its --shard and --out (OUT is its second argument)" >&2
            exit 2 ;;
        --rank|--html|--lang)
            [ "$i" -lt "$count" ] || { echo "remous: $a needs a value" >&2; exit 2; }
            printf '%s\n%s\n' "$a" "$1" >> "$merge_opts"; shift; i=$((i + 1)) ;;
        --rank=*|--html=*|--lang=*) printf '%s\n' "$a" >> "$merge_opts" ;;
        --jobs)
            [ "$i" -lt "$count" ] || { echo "remous: $a needs a value" >&2; exit 2; }
            jobs=$1; shift; i=$((i + 1)) ;;
        --jobs=*) jobs=${a#*=} ;;
        *) set -- "$@" "$a" ;;
    esac
done
# -q: parallel passes each argument as it is (a path with spaces stays one)
# shellcheck disable=SC2086
seq 1 "$n" | parallel -q --halt now,fail=1 ${PARALLEL_OPTIONS:-} \
    "$remous" sweep "$@" --jobs "$jobs" --shard "{}/$n" --out "$out/shard-{}" --resume --quiet
set --
i=1
while [ "$i" -le "$n" ]; do
    set -- "$@" "$out/shard-$i"
    i=$((i + 1))
done
while IFS= read -r line; do
    set -- "$@" "$line"
done < "$merge_opts"
rm -f "$merge_opts"
"$remous" merge "$@" --out "$out/merged"
echo "results in $out/merged"
