// The environment every result row carries: git revision, LibTorch version, device, threads.
#pragma once
#include <torch/torch.h>

#include <optional>
#include <string>

namespace aerepro {

const char* git_revision();  // generated at build time (cmake/git_revision.cmake)

// Parses "cpu", "cuda" or "cuda:N"; throws UsageError for anything else, or for CUDA on a
// machine without it (saying how to get a CUDA build).
torch::Device parse_device(const std::string& name);

// Makes glibc keep freed memory for reuse instead of unmapping it (no page faults per step).
// pin_threads calls it: every program of the project pins its threads first.
void keep_freed_memory_for_reuse();

// Pins LibTorch's intra-op thread count (threads >= 1) and keeps freed memory for reuse (above);
// returns the count in force.
// Debian's LibTorch starts with one thread, so every program pins its count explicitly.
int pin_threads(int threads);

// The thread count to pin: $AEREPRO_THREADS if set (UsageError if not a positive integer),
// else 1: the pinned count of ci/pinned-env, in which the records and checkpoints were made.
int default_threads();

// Switches LibTorch to deterministic algorithms (an error for an operation that has none) and,
// for CUDA, sets CUBLAS_WORKSPACE_CONFIG=:4096:8 unless already set. Call before any CUDA work.
void use_deterministic_algorithms();

struct Environment {
  std::string git_revision;
  std::string torch_version;
  std::string device;  // "cpu (openblas 0.3.21 SkylakeX)", "cuda:0" ...
  int threads = 0;     // LibTorch intra-op threads
  std::string blas;    // linked_blas()
};

// The BLAS LibTorch is linked against, as far as it can tell; for OpenBLAS with its version and
// the kernels it chose ("openblas 0.3.21 SkylakeX").
std::string linked_blas();

// A warning when OpenBLAS runs pre-AVX2 kernels on a CPU that has AVX2 or AVX-512 (OpenBLAS
// 0.3.21, Debian 12's, falls back to its SSE3 "Prescott" kernels on CPU models it does not
// know), saying which OPENBLAS_CORETYPE fixes it; nothing otherwise.
std::optional<std::string> slow_blas_kernel_warning();

Environment current_environment(const torch::Device& device);

}  // namespace aerepro
