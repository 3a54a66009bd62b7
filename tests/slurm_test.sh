#!/bin/sh
# scripts/slurm-sweep.sh on a real, throwaway single-node Slurm cluster:
# installs Slurm and munge if missing, starts munged, slurmctld and slurmd
# in a private temporary folder, submits a sharded sweep through the adapter,
# and checks that the merged files are byte-identical to the same sweep run
# on one machine. Needs root (re-runs itself through sudo otherwise).
# Prints "slurm: N passed, N failed" last; exits 1 on a failure.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
self="$top/tests/$(basename "$0")"
# REMOUS: absolute, or relative to the repository like the other tests
case ${REMOUS:-build/remous} in
    /*) remous=$REMOUS ;;
    *)  remous="$top/${REMOUS:-build/remous}" ;;
esac
export REMOUS="$remous"

passed=0 failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*"; }
finish() { echo "slurm: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
# Bounded wait: until SECONDS COMMAND... retries COMMAND every half second.
until_ok() {
    limit=$(($1 * 2)); shift
    while [ "$limit" -gt 0 ]; do
        "$@" && return 0
        sleep 0.5; limit=$((limit - 1))
    done
    return 1
}
# No job of this cluster pending or running (and the controller answers).
queue_empty() { out=$(timeout 5 squeue -h 2>/dev/null) && [ -z "$out" ]; }

# The daemons run as root (SlurmUser=root, SlurmdUser=root).
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        exec sudo -n env REMOUS="$remous" sh "$self"
    fi
    ko "needs root or password-less sudo"; finish
fi
[ -x "$remous" ] || { ko "no remous binary at $remous (make, or set REMOUS)"; finish; }

# The private folder of this run. munged wants every folder above its
# socket searchable by all, hence 755.
tmp=$(mktemp -d /tmp/remous-slurm-XXXXXX)
chmod 755 "$tmp"
mkdir "$tmp/state" "$tmp/spool" "$tmp/log"
munge_pid="" ctld_pid="" slurmd_pid=""

# Stops what this test started, by pid, and removes the folder. Quiet, and
# safe to run twice (once before the last line, once from the trap).
cleanup() {
    if [ -n "$ctld_pid" ] && kill -0 "$ctld_pid" 2>/dev/null; then
        timeout 10 scancel --quiet --full --user=root >/dev/null 2>&1
        until_ok 10 queue_empty
    fi
    for p in $slurmd_pid $ctld_pid $munge_pid; do
        kill "$p" 2>/dev/null
    done
    for p in $slurmd_pid $ctld_pid $munge_pid; do
        until_ok 10 eval "! kill -0 $p 2>/dev/null" || kill -9 "$p" 2>/dev/null
    done
    munge_pid="" ctld_pid="" slurmd_pid=""
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'ko "interrupted"; cleanup; finish' INT TERM HUP

# Shows the logs of a cluster that would not come up or run the jobs.
show_logs() {
    for f in "$tmp"/log/* "$tmp"/out/*.log; do
        [ -s "$f" ] || continue
        echo "--- $f (last lines)"; tail -15 "$f"
    done
}

# 1. Slurm and munge from Debian, if missing. Debian's postinst would start
# the system services where it may; this test uses its own daemons anyway.
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null ||
   ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
    echo "installing slurmctld, slurmd (with slurm-client, munge) from Debian..."
    { apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd
    } >"$tmp/apt.log" 2>&1 || { tail -20 "$tmp/apt.log"; ko "apt-get install slurmctld slurmd"; finish; }
fi

# 2. A private single-node cluster. munge: a fresh key, a private socket
if command -v mungekey >/dev/null; then
    mungekey --create --keyfile="$tmp/munge.key"
else
    dd if=/dev/urandom of="$tmp/munge.key" bs=1024 count=1 2>/dev/null
fi
chmod 600 "$tmp/munge.key"
munged --foreground --socket="$tmp/munge.sock" --key-file="$tmp/munge.key" \
    --pid-file="$tmp/munged.pid" --log-file="$tmp/log/munged.log" \
    --seed-file="$tmp/munged.seed" >>"$tmp/log/munged.log" 2>&1 &
munge_pid=$!
until_ok 10 test -S "$tmp/munge.sock" &&
    munge --socket="$tmp/munge.sock" --no-input | unmunge --socket="$tmp/munge.sock" >/dev/null 2>&1 &&
    ok || { ko "munged does not start"; show_logs; cleanup; finish; }

# slurm.conf: this machine as its only node, on 127.0.0.1 (whether or not
# its name resolves), ports picked from the pid so that two runs (or a
# system Slurm) do not collide.
host=$(hostname -s)
# the machine's CPUs, their layout and RealMemory, as slurmd sees them
hw=$(slurmd -C | sed -n '1s/^NodeName=[^ ]* //p')
port=$((20000 + ($$ % 5000) * 2))
cat >"$tmp/slurm.conf" <<CONF
ClusterName=remoustest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge.sock
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
MailProg=/bin/true
DependencyParameters=kill_invalid_depend
NodeName=$host NodeAddr=127.0.0.1 $hw State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$tmp/slurm.conf"

# -c: no state from an earlier cluster; -D: in the foreground, so $! is its pid
slurmctld -D -c -f "$SLURM_CONF" >>"$tmp/log/slurmctld.out" 2>&1 &
ctld_pid=$!
slurmd -D -N "$host" -f "$SLURM_CONF" >>"$tmp/log/slurmd.out" 2>&1 &
slurmd_pid=$!

node_idle() { [ "$(timeout 5 sinfo -h -n "$host" -o %T 2>/dev/null)" = idle ]; }
daemon_died() { ! kill -0 "$ctld_pid" 2>/dev/null || ! kill -0 "$slurmd_pid" 2>/dev/null; }
idle_or_died() { node_idle || daemon_died; }
if until_ok 30 idle_or_died && ! daemon_died; then ok; else
    if daemon_died; then ko "the cluster did not come up: slurmctld or slurmd exited"
    else ko "the node is not idle after 30 s (sinfo: $(timeout 5 sinfo -h -o '%T %E' 2>&1))"; fi
    show_logs; cleanup; finish
fi

# 3. The sweep through the adapter: 2 array tasks, then the merge job,
# which ranks the points and draws the page; the scenario's path is
# relative to where sbatch runs (the adapter makes it absolute)
grid="--grid booksellers=1,2,3 --grid readers_per_hour=8,16"
scenario="$top/scenarios/bookstore.lua"
mkdir "$tmp/sub" && cp "$scenario" "$tmp/sub/bookstore.lua"
# shellcheck disable=SC2086 # $grid is split on purpose
if (cd "$tmp" && timeout 60 "$top/scripts/slurm-sweep.sh" 2 "$tmp/out" sub/bookstore.lua $grid --reps 3 \
        --rank queue:counter:wait_mean) >"$tmp/submit.txt" 2>&1; then
    ok
else
    ko "scripts/slurm-sweep.sh: $(cat "$tmp/submit.txt")"
fi
grep -q '^submitted: shards as job array [0-9]*, merge as job [0-9]*' "$tmp/submit.txt" && ok ||
    ko "the adapter's message: $(cat "$tmp/submit.txt")"
# (a failed shard cancels the merge job: kill_invalid_depend)
if ! until_ok 120 queue_empty; then
    ko "jobs still queued after 120 s: $(timeout 5 squeue -h 2>&1)"; show_logs
elif [ -f "$tmp/out/merged/summary.csv" ]; then ok; else
    ko "the jobs are done but wrote no merged/summary.csv"; show_logs
fi
# the merge job ranked the points and drew the page
if grep -q '<svg class="chart chart-sweep"' "$tmp/out/merged/sweep.html" 2>/dev/null; then ok; else
    ko "the merge job drew no page into merged/sweep.html: $(cat "$tmp/out/merge.log" 2>&1)"
fi
grep -q '^Grid points ranked on queue counter wait_mean' "$tmp/out/merge.log" && ok ||
    ko "the merge job printed no ranking: $(cat "$tmp/out/merge.log" 2>&1)"
# each array task ran its own shard
for i in 1 2; do
    [ -f "$tmp/out/shard-$i/sweep.txt" ] && ok ||
        ko "array task $i wrote no shard-$i/sweep.txt: $(cat "$tmp/out/shard-$i.log" 2>&1)"
done

# 3b. Targets without --rank: the merge job still draws the decision page
# (every point has arrivals, whatever the interval: both meet it)
if (cd "$tmp" && timeout 60 "$top/scripts/slurm-sweep.sh" 2 "$tmp/out-targets" sub/bookstore.lua \
        --grid booksellers=1,2 --reps 2 --target "arrivals:walk_in:arrived>=0") >"$tmp/submit-targets.txt" 2>&1; then
    ok
else
    ko "scripts/slurm-sweep.sh with --target: $(cat "$tmp/submit-targets.txt")"
fi
if ! until_ok 120 queue_empty; then
    ko "jobs still queued after 120 s: $(timeout 5 squeue -h 2>&1)"; show_logs
fi
answer=$(sed -n 's/.*<p class="answer" id="answer">\([^<]*\)<.*/\1/p' "$tmp/out-targets/merged/sweep.html" 2>/dev/null)
[ "$answer" = "2 of the 2 options meet every target: booksellers = 1; booksellers = 2." ] && ok ||
    ko "the merge job drew no decision page for targets alone (answer '$answer'): $(cat "$tmp/out-targets/merge.log" 2>&1)"

# 4. The same sweep on one machine, byte for byte
# shellcheck disable=SC2086
(cd "$tmp" && "$remous" sweep sub/bookstore.lua $grid --reps 3 --quiet --out "$tmp/local") >"$tmp/local.txt" 2>&1 &&
    ok || ko "the local sweep: $(cat "$tmp/local.txt")"
for f in summary.csv replications.csv timeseries.csv params.csv sweep.txt; do
    cmp "$tmp/local/$f" "$tmp/out/merged/$f" && ok || ko "merged $f differs from the one-machine $f"
done

# 5. Daemons stopped, folder removed, then the last line
cleanup
finish
