#!/usr/bin/env bash
# Cluster.SlurmArrayMatchesSingleProcessRun (ctest label `cluster`): starts a one-node Slurm
# cluster on this machine (munged, slurmctld, slurmd; Debian's slurm-wlm and munge), runs the
# smoke profile of one source report's claims (S0's by default: seven claims sharing one trained
# conv DAE, so the lock on a shared checkpoint is exercised; the whole set, 60 claims x 2 seeds,
# ran past the test's 15-minute limit) through ci/slurm-submit (an sbatch array of claim x seed
# shards and a dependent merge job), runs the same claims and seeds in one process, and requires the merged values to
# equal the single process's bit for bit. It starts and stops its own daemons (by pid) and
# removes its folder; it skips (exit 77) only where the daemons cannot start, saying why.
# usage: slurm_array_test.sh <aerepro binary> [seeds]
set -uo pipefail
aerepro=${1:?usage: slurm_array_test.sh <aerepro binary> [seeds]}
seeds=${2:-2}
source=${AEREPRO_CLUSTER_SOURCE:-S0}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*"; exit 1; }

for tool in munged mungekey slurmctld slurmd sbatch squeue sinfo scontrol; do
  command -v "$tool" >/dev/null ||
    skip "$tool not found: install Debian's slurm-wlm and munge (ci/install-deps does)"
done
command -v python3 >/dev/null || fail "python3 is needed to compare the results"

T=$(mktemp -d /tmp/aerepro-slurm.XXXXXX)
chmod 755 "$T"
mkdir -p "$T"/{state,spool,log,munge}
chmod 755 "$T/munge"
pids=()
stop_daemons() {
  local f pid
  for f in "$T/slurmd.pid" "$T/slurmctld.pid" "$T/munge/munged.pid"; do
    [ -s "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [ -n "${poller:-}" ] && kill "$poller" 2>/dev/null
  rm -rf "$T"
}
trap stop_daemons EXIT
log_tail() { tail -n 20 "$T"/log/*.log 2>/dev/null; }

# munge: a key and a socket of our own (no root paths, no system service).
mungekey --create --keyfile="$T/munge/munge.key" >/dev/null 2>&1 ||
  skip "mungekey cannot create a key"
chmod 600 "$T/munge/munge.key"
munged --socket="$T/munge/munge.socket" --key-file="$T/munge/munge.key" \
  --log-file="$T/log/munged.log" --pid-file="$T/munge/munged.pid" \
  --seed-file="$T/munge/munged.seed" >/dev/null 2>&1 ||
  { log_tail; skip "munged cannot start (log above)"; }

# Slurm: one node with this machine's cores and memory, ports of our own.
host=$(hostname -s)
cpus=$(nproc)
mem_mb=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024))
port=$((20000 + RANDOM % 20000))
user=$(id -un)
cat >"$T/slurm.conf" <<EOF
ClusterName=aerepro-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$T/munge/munge.socket
SlurmctldPort=$port
SlurmdPort=$((port + 1))
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/log/slurmctld.log
SlurmdLogFile=$T/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
JobCompType=jobcomp/filetxt
JobCompLoc=$T/log/jobcomp.txt
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$T/slurm.conf"
slurmctld -f "$SLURM_CONF" >/dev/null 2>&1 || { log_tail; skip "slurmctld cannot start (log above)"; }
slurmd -f "$SLURM_CONF" >/dev/null 2>&1 || { log_tail; skip "slurmd cannot start (log above)"; }
for _ in $(seq 60); do
  [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && break
  sleep 0.5
done
[ "$(sinfo -h -o %T 2>/dev/null)" = idle ] ||
  { sinfo; log_tail; skip "the one-node cluster did not come up within 30 s (log above)"; }
echo "one-node Slurm cluster up: $(sinfo -h -o '%P %D node(s) %c CPUs %m MB %T') ($(slurmctld -V))"

# Poll squeue while the jobs run: the view a user watches.
(while sleep 2; do echo "--- $(date -u +%T)"; squeue -h -o '%.12i %.9P %.22j %.2t %.8M %R'; done \
  >"$T/squeue.log" 2>&1) &
poller=$!

export OMP_WAIT_POLICY=PASSIVE
start=$(date +%s.%N)
"$root/ci/slurm-submit" --profile smoke --source "$source" --seeds "$seeds" --aerepro "$aerepro" \
  --results "$T/slurm/results" --checkpoints "$T/slurm/checkpoints" --records "$T/no-records" \
  --work "$T/slurm/work" --time 0:20:00 --mem 2G --wait ||
  { tail -n 30 "$T"/slurm/work/logs/*.log; log_tail; fail "the Slurm run failed (logs above)"; }
slurm_seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")
kill "$poller" 2>/dev/null
poller=""
echo "squeue while it ran (first views):"
head -n 12 "$T/squeue.log"
echo "jobs completed (jobcomp/filetxt; sacct needs slurmdbd, not started here):"
awk '{ for (i = 1; i <= NF; ++i) { split($i, kv, "="); f[kv[1]] = kv[2] }
       print f["JobId"], f["Name"], f["JobState"], f["StartTime"], f["EndTime"], f["NodeList"] }' \
  "$T/log/jobcomp.txt" | head -n 5
echo "... $(wc -l <"$T/log/jobcomp.txt") jobs in all"

start=$(date +%s.%N)
AEREPRO_THREADS=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
  AEREPRO_CHECKPOINT_DIR="$T/single/checkpoints" "$aerepro" run --profile smoke --source "$source" --seeds "$seeds" \
  --threads 1 --results "$T/single/results" --records "$T/no-records" >"$T/single.log" 2>&1 ||
  { tail -n 30 "$T/single.log"; fail "the single-process run failed"; }
single_seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")

python3 - "$T/slurm/results/smoke" "$T/single/results/smoke" "$("$aerepro" list --ids --source "$source")" <<'EOF' ||
import csv, math, sys
merged, single, ids = sys.argv[1], sys.argv[2], sys.argv[3].split()
def values(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return {(r["seed"], r["metric"]): r["value"] for r in rows}, rows
problems, compared = [], 0
for claim in ids:
    a, rows_a = values(f"{merged}/{claim}.csv")
    b, rows_b = values(f"{single}/{claim}.csv")
    if a != b:
        keys = sorted(set(a) | set(b))
        diff = [k for k in keys if a.get(k) != b.get(k)]
        problems.append(f"{claim}: {len(diff)} values differ, e.g. seed {diff[0][0]} "
                        f"{diff[0][1]}: merged {a.get(diff[0])}, single {b.get(diff[0])}")
    if {r["threads"] for r in rows_a + rows_b} != {"1"}:
        problems.append(f"{claim}: not all rows ran on one thread")
    compared += len(a)
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"merged results equal the single-process run's: {compared} values of {len(ids)} claims, "
      "bit for bit")
EOF
  fail "the merged results differ from the single-process run's"
# A task that left no shard (killed, timed out, its node lost): resubmitting with --missing runs
# only that shard, and the merge joins it with the others into the same values.
first_claim=$("$aerepro" list --ids --source "$source" | head -n 1)
cp "$T/slurm/results/smoke/$first_claim.csv" "$T/before-resubmit.csv"
rm "$T/slurm/results/smoke/shards/$first_claim/seed-1.csv"
"$root/ci/slurm-submit" --profile smoke --source "$source" --seeds "$seeds" --aerepro "$aerepro" --missing \
  --results "$T/slurm/results" --checkpoints "$T/slurm/checkpoints" --records "$T/no-records" \
  --work "$T/slurm/work-missing" --time 0:20:00 --mem 2G --wait --no-report ||
  { tail -n 30 "$T"/slurm/work-missing/logs/*.log; fail "the --missing resubmission failed"; }
[ "$(wc -l <"$T/slurm/work-missing/tasks.txt")" = 1 ] ||
  fail "--missing submitted $(wc -l <"$T/slurm/work-missing/tasks.txt") tasks, not the 1 missing shard"
python3 - "$T/before-resubmit.csv" "$T/slurm/results/smoke/$first_claim.csv" <<'EOF' ||
import csv, sys
a, b = ({(r["seed"], r["metric"]): r["value"] for r in csv.DictReader(open(f))} for f in sys.argv[1:])
sys.exit(0 if a == b and a else 1)
EOF
  fail "after resubmitting the missing shard, the merged values of $first_claim differ"
echo "a removed shard resubmitted with --missing (1 task) merges into the same values"

echo "wall time: Slurm array + merge ${slurm_seconds} s, single process ${single_seconds} s" \
  "(smoke, source $source, $seeds seeds, one thread per task, $cpus CPUs)"
