# Shared by ci/test and ci/report: install, fetch, configure, build. Sourced, not run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
stamp() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
timed() { local t0=$SECONDS; "$@"; stamp "done in $((SECONDS - t0)) s: $*"; }

# Pinned threads: results are reproducible only for a fixed thread count (recorded in each row,
# part of every CPU checkpoint key). CI runs one LibTorch thread per process and one test per
# core (ctest -j): LibTorch 1.13's CPU convolutions parallelise badly (S0 conv DAE training step
# 22 ms with 1 thread, 50-60 ms with 2, idle machine), while the GEMM-bound models lose nothing
# when each of two processes has a core. ci/report runs the claims with the same count, so it
# reuses ci/test's checkpoints; its benchmarks use every core ($AEREPRO_BENCH_THREADS).
export AEREPRO_THREADS=${AEREPRO_THREADS:-1}
export AEREPRO_BENCH_THREADS=${AEREPRO_BENCH_THREADS:-$(nproc)}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-$AEREPRO_THREADS}
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-$AEREPRO_THREADS}
# OpenBLAS 0.3.21 (Debian 12's) does not know recent CPU models (this project's 2-core VMs: Intel
# family 6 model 207) and falls back to its SSE3 "Prescott" kernels there: SGEMM 65 GFLOP/s on
# 2 cores instead of 310 with its AVX-512 ones, FC training steps 2.5x slower. Where the CPU has
# AVX-512 and no core was chosen, choose OpenBLAS's AVX-512 kernels (SkylakeX: also the SGEMM of
# its Cooperlake and SapphireRapids targets). A core already set, as some machines need, is kept.
# Every result row names the kernels in force (device "cpu (openblas 0.3.21 SkylakeX)").
if [ -z "${OPENBLAS_CORETYPE+set}" ] && [ -r /proc/cpuinfo ]; then
  flags=$(grep -m1 '^flags' /proc/cpuinfo)
  avx512=1
  for f in avx512f avx512bw avx512dq avx512vl; do [[ " $flags " == *" $f "* ]] || avx512=0; done
  [ "$avx512" = 1 ] && export OPENBLAS_CORETYPE=SkylakeX
  unset flags avx512 f
fi
# OpenMP threads that spin at barriers starve each other as soon as another process wants a
# core: a 2-thread training step measured 30-100x slower under load with the default policy.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

setup() {  # $1 = preset, $2 = extra argument of ci/install-deps (e.g. --python-reference)
  stamp "installing dependencies"; timed ./ci/install-deps ${2:+"$2"}
  stamp "fetching datasets";      timed ./datasets/fetch
  stamp "configuring ($1)";       timed cmake --preset "$1" >/dev/null
  stamp "building ($1)";          timed cmake --build --preset "$1"
}
