// The BLAS kernels are part of a CPU run's environment: OpenBLAS's kernel sets give slightly
// different floats and very different speeds. Every row names them, and a run on kernels older
// than the CPU (OpenBLAS 0.3.21 falls back to SSE3 "Prescott" on CPU models it does not know)
// says so and how to fix it.
#include "smoke_run.h"
#include "test_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aerepro::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(BlasKernels, RowsNameTheKernelsAndOldKernelsOnANewerCpuAreWarnedAbout) {
  TempDir dir;
  const SmokeRun smoke{dir / "results", dir / "checkpoints"};
  auto env = smoke.env();
  env.push_back("OPENBLAS_CORETYPE=Prescott");  // OpenBLAS's SSE3 kernels, on any x86-64 CPU
  const auto run = run_cli(smoke.args(), env);
  ASSERT_EQ(run.exit_code, 0) << run.all();
  const auto rows = smoke.rows();
  ASSERT_FALSE(rows.empty());
  const bool openblas = rows.front().device.find("openblas") != std::string::npos;
  for (const auto& row : rows) {
    EXPECT_THAT(row.device, StartsWith("cpu (")) << "a CPU row names its BLAS";
    if (openblas) EXPECT_THAT(row.device, HasSubstr(" Prescott)"));
  }
#if defined(__x86_64__) && defined(__GNUC__)
  if (openblas && __builtin_cpu_supports("avx2")) {
    EXPECT_THAT(run.err, HasSubstr("runs its Prescott kernels"));
    const bool avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
    EXPECT_THAT(run.err,
                HasSubstr(avx512 ? "OPENBLAS_CORETYPE=SkylakeX" : "OPENBLAS_CORETYPE=Haswell"));
  } else {
    EXPECT_THAT(run.err, ::testing::Not(HasSubstr("OPENBLAS_CORETYPE")));
  }
#endif
}

}  // namespace
}  // namespace aerepro::testing
