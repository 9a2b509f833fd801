# Shared by ci/test and ci/report: install, fetch, configure, build. Sourced, not run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
stamp() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
timed() { local t0=$SECONDS; "$@"; stamp "done in $((SECONDS - t0)) s: $*"; }

# The pinned run environment (threads, OpenMP policy, OpenBLAS kernels): ci/pinned-env says what
# and why; the ctest presets give the claim tests the same (validation/CMakeLists.txt). ci/report
# runs the claims with the same count, so it reuses ci/test's checkpoints; its benchmarks use
# every core ($AEREPRO_BENCH_THREADS).
# (Before the pinned variables: nproc honours OMP_NUM_THREADS.)
export AEREPRO_BENCH_THREADS=${AEREPRO_BENCH_THREADS:-$(nproc)}
while IFS= read -r assignment; do export "${assignment?}"; done < <("$root/ci/pinned-env")

setup() {  # $1 = preset, $2 = extra argument of ci/install-deps (e.g. --python-reference)
  stamp "installing dependencies"; timed ./ci/install-deps ${2:+"$2"}
  stamp "fetching datasets";      timed ./datasets/fetch
  stamp "configuring ($1)";       timed cmake --preset "$1" >/dev/null
  stamp "building ($1)";          timed cmake --build --preset "$1"
}
