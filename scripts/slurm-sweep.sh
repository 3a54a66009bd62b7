#!/bin/sh
# Submits a remous sweep to Slurm as a job array: array task I runs shard
# I/N into OUT/shard-I (resuming if it is run again), then a job that
# depends on the whole array merges the shards into OUT/merged.
#
#   scripts/slurm-sweep.sh N OUT SCENARIO.lua --grid NAME=V1,V2 [...] [remous options]
#                          [--cpus-per-task C] [--rank ELEMENT:NAME:METRIC[:min|max]] [--target SPEC]
#                          [--html FILE] [--lang en|fr]
#
# Each array task asks Slurm for C CPUs (--cpus-per-task; default: the
# --jobs given, else 1) and runs its replications on --jobs processes
# (default: C). --rank, --html and --lang go to the merge job, which ranks
# the points and draws the decision page (into --html FILE, else
# OUT/merged/sweep.html) with --rank, with --target (which the shards take
# too), or with --html alone for the scenario's own targets.
# Extra sbatch options go in $SBATCH_OPTIONS (e.g. "--partition=short
# --time=01:00:00") for the shards, and in $SBATCH_MERGE_OPTIONS for the
# merge job (default: $SBATCH_OPTIONS); the remous binary is $REMOUS
# (default: the build next to this script). OUT must be on a file system
# every node sees; the scenario's path is made absolute here.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 N OUT SCENARIO.lua --grid NAME=V1,V2 [...] [remous options]" >&2; exit 2; }
n=$1 out=$2 scenario=$3
shift 3
remous=${REMOUS:-$(cd "$(dirname "$0")/.." && pwd)/build/remous}
# absolute from where sbatch runs now: the jobs start in another folder
absolute() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$(pwd)" "$1" ;; esac; }
scenario=$(absolute "$scenario")
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
needs_value() { [ $# -ge 2 ] || { echo "remous: $1 needs a value" >&2; exit 2; }; }
args="" merge_args="" cpus="" jobs="" html="" rank="" target=""
while [ $# -gt 0 ]; do
    case "$1" in
        --out|--out=*|--shard|--shard=*)
            echo "remous: $1: the script gives each shard its --shard and --out (OUT is its second argument)" >&2
            exit 2 ;;
        --cpus-per-task) needs_value "$@"; cpus=$2; shift 2 ;;
        --cpus-per-task=*) cpus=${1#*=}; shift ;;
        --jobs) needs_value "$@"; jobs=$2; shift 2 ;;
        --jobs=*) jobs=${1#*=}; shift ;;
        --rank) needs_value "$@"; rank=1; merge_args="$merge_args --rank $(quote "$2")"; shift 2 ;;
        --rank=*) rank=1; merge_args="$merge_args $(quote "$1")"; shift ;;
        --lang) needs_value "$@"; merge_args="$merge_args --lang $(quote "$2")"; shift 2 ;;
        --lang=*) merge_args="$merge_args $(quote "$1")"; shift ;;
        --target) needs_value "$@"; target=1; args="$args --target $(quote "$2")"; shift 2 ;;
        --target=*) target=1; args="$args $(quote "$1")"; shift ;;
        --html) needs_value "$@"; html=$(absolute "$2"); shift 2 ;;
        --html=*) html=$(absolute "${1#*=}"); shift ;;
        *) args="$args $(quote "$1")"; shift ;;
    esac
done
case "$cpus$jobs" in
    *[!0-9]*) echo "remous: --cpus-per-task and --jobs take a whole number" >&2; exit 2 ;;
esac
cpus=${cpus:-${jobs:-1}}
jobs=${jobs:-$cpus}
# the decision page: with --rank or --target by default, and with --html
# alone for the scenario's own targets (the merge job says in merge.log
# when there is nothing to draw)
if [ -n "$rank$target$html" ]; then
    merge_args="$merge_args --html $(quote "${html:-$out/merged/sweep.html}")"
fi
remous_q=$(quote "$remous")
scenario_q=$(quote "$scenario")

cat > "$out/sweep.sbatch" <<SCRIPT
#!/bin/sh
#SBATCH --job-name=remous-sweep
#SBATCH --array=1-$n
#SBATCH --cpus-per-task=$cpus
#SBATCH --output=$out/shard-%a.log
exec $remous_q sweep $scenario_q$args --jobs $jobs --shard "\$SLURM_ARRAY_TASK_ID/$n" --out "$out/shard-\$SLURM_ARRAY_TASK_ID" --resume --quiet
SCRIPT
cat > "$out/merge.sbatch" <<SCRIPT
#!/bin/sh
#SBATCH --job-name=remous-merge
#SBATCH --output=$out/merge.log
exec $remous_q merge $(i=1; while [ $i -le "$n" ]; do printf '"%s/shard-%s" ' "$out" $i; i=$((i + 1)); done) --out "$out/merged"$merge_args
SCRIPT

# shellcheck disable=SC2086 # the options are split on purpose
array=$(sbatch --parsable ${SBATCH_OPTIONS:-} "$out/sweep.sbatch")
array=${array%%;*}
# a failed shard cancels the merge instead of leaving it pending for ever
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_MERGE_OPTIONS-${SBATCH_OPTIONS:-}} --kill-on-invalid-dep=yes \
    --dependency="afterok:$array" "$out/merge.sbatch")
echo "submitted: shards as job array $array, merge as job ${merge%%;*}; results in $out/merged"
