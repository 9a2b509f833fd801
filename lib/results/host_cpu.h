// The CPU a result row was computed on: with the device (and its BLAS kernels), threads,
// LibTorch and the data, it decides whether a fresh run should reproduce a record bit for bit.
#pragma once
#include <string>

namespace aerepro::results {

// The CPU's model name, family and model numbers (/proc/cpuinfo) and the widest vector
// instructions that LibTorch's and OpenBLAS's kernels may pick: "AMD EPYC (family 26 model 2)
// [avx512]", "Intel(R) Xeon(R) CPU @ 2.20GHz (family 6 model 85) [avx512]"; "unknown" for a
// model name it cannot read.
std::string host_cpu();

}  // namespace aerepro::results
