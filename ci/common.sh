# Shared by ci/test and ci/report: install, fetch, configure, build. Sourced, not run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
stamp() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
timed() { local t0=$SECONDS; "$@"; stamp "done in $((SECONDS - t0)) s: $*"; }

# Pinned threads: results are reproducible only for a fixed thread count (recorded in each row).
export AEREPRO_THREADS=${AEREPRO_THREADS:-$(nproc)}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-$AEREPRO_THREADS}
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-$AEREPRO_THREADS}
# OpenMP threads that spin at barriers starve each other as soon as another process wants a
# core: a 2-thread training step measured 30-100x slower under load with the default policy.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

setup() {  # $1 = preset, $2 = extra argument of ci/install-deps (e.g. --python-reference)
  stamp "installing dependencies"; timed ./ci/install-deps ${2:+"$2"}
  stamp "fetching datasets";      timed ./datasets/fetch
  stamp "configuring ($1)";       timed cmake --preset "$1" >/dev/null
  stamp "building ($1)";          timed cmake --build --preset "$1"
}
