#!/bin/sh
# Submits a remous sweep to Slurm as a job array: array task I runs shard
# I/N into OUT/shard-I (resuming if it is run again), then a job that
# depends on the whole array merges the shards into OUT/merged.
#
#   scripts/slurm-sweep.sh N OUT SCENARIO.lua --grid NAME=V1,V2 [...] [remous options]
#
# Extra sbatch options go in $SBATCH_OPTIONS (e.g. "--partition=short
# --time=01:00:00"); the remous binary is $REMOUS (default: the build next
# to this script). OUT must be on a file system every node sees.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 N OUT SCENARIO.lua --grid NAME=V1,V2 [...] [remous options]" >&2; exit 2; }
n=$1 out=$2
shift 2
remous=${REMOUS:-$(cd "$(dirname "$0")/.." && pwd)/build/remous}
mkdir -p "$out"
out=$(cd "$out" && pwd)
# OUT goes into #SBATCH lines, which Slurm does not unquote: keep it plain
case "$out" in
    *[!A-Za-z0-9_./+,:@%=-]*)
        echo "remous: OUT must be a path of letters, digits and _ . / + , : @ % = - for Slurm, got \"$out\"" >&2
        exit 2 ;;
esac

# One word, quoted for sh.
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
args=""
for a in "$@"; do
    args="$args $(quote "$a")"
done
remous_q=$(quote "$remous")

cat > "$out/sweep.sbatch" <<SCRIPT
#!/bin/sh
#SBATCH --job-name=remous-sweep
#SBATCH --array=1-$n
#SBATCH --output=$out/shard-%a.log
exec $remous_q sweep $args --shard "\$SLURM_ARRAY_TASK_ID/$n" --out "$out/shard-\$SLURM_ARRAY_TASK_ID" --resume --quiet
SCRIPT
cat > "$out/merge.sbatch" <<SCRIPT
#!/bin/sh
#SBATCH --job-name=remous-merge
#SBATCH --output=$out/merge.log
exec $remous_q merge $(i=1; while [ $i -le "$n" ]; do printf '"%s/shard-%s" ' "$out" $i; i=$((i + 1)); done) --out "$out/merged"
SCRIPT

array=$(sbatch --parsable ${SBATCH_OPTIONS:-} "$out/sweep.sbatch")
array=${array%%;*}
# a failed shard cancels the merge instead of leaving it pending for ever
merge=$(sbatch --parsable ${SBATCH_OPTIONS:-} --kill-on-invalid-dep=yes --dependency="afterok:$array" "$out/merge.sbatch")
echo "submitted: shards as job array $array, merge as job ${merge%%;*}; results in $out/merged"
