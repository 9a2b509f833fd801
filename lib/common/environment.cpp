#include "common/environment.h"

#include "common/compat.h"
#include "common/error.h"

#include <cstdlib>
#include <fstream>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <limits>
#include <thread>
#include <regex>

namespace aerepro {

torch::Device parse_device(const std::string& name) {
  static const std::regex pattern("cpu|cuda(:[0-9]+)?");
  if (!std::regex_match(name, pattern)) {
    throw UsageError("unknown device '" + name + "': use cpu, cuda or cuda:N");
  }
  torch::Device device(name);
  if (device.is_cuda()) {
    if (!torch::cuda::is_available()) {
      throw UsageError("device '" + name +
                       "' requested, but this LibTorch build has no CUDA or no GPU is visible; "
                       "build against a CUDA LibTorch (README: 'Running on a GPU') or use --device cpu");
    }
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (device.has_index() && device.index() >= count) {
      throw UsageError("device '" + name + "' requested, but only " + std::to_string(count) +
                       " CUDA device(s) are visible");
    }
  }
  return device;
}

void keep_freed_memory_for_reuse() {
#ifdef __GLIBC__
  // glibc returns freed blocks above a (dynamic) threshold to the kernel and maps fresh pages for
  // the next one: a training step's activations then cost page faults every step, which on the
  // project's VMs are ~30 % of a step (perf). Keeping blocks up to 32 MiB in the heap and never
  // trimming it: S4.2 CNN step 256 -> 152 ms, MNIST load 452 -> 80 ms (2 threads). Bigger blocks
  // (whole datasets) are still mapped and unmapped on their own.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
  mallopt(M_TOP_PAD, 64 << 20);
#endif
}

int pin_threads(int threads) {
  if (threads < 1) throw UsageError("thread count must be >= 1, got " + std::to_string(threads));
  keep_freed_memory_for_reuse();
  torch::set_num_threads(threads);
  return torch::get_num_threads();
}

int default_threads() {
  if (const char* env = std::getenv("AEREPRO_THREADS"); env && *env) {
    char* end = nullptr;
    const long value = std::strtol(env, &end, 10);
    if (*end != '\0' || value < 1 || value > 1024) {
      throw UsageError(std::string("AEREPRO_THREADS='") + env + "' is not a positive thread count");
    }
    return static_cast<int>(value);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

void use_deterministic_algorithms() {
  // cuBLAS reads this when its first handle is created; deterministic GEMMs need it.
  ::setenv("CUBLAS_WORKSPACE_CONFIG", ":4096:8", /*overwrite=*/0);
  at::globalContext().setDeterministicAlgorithms(true, /*warn_only=*/false);  // 1.13 and 2.x
}

namespace {
std::string linked_blas() {
  // The BLAS that the dynamic linker resolved for this process (Debian's alternatives choose it).
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    if (line.find("openblas") != std::string::npos) return "openblas";
    if (line.find("libmkl") != std::string::npos) return "mkl";
    if (line.find("blis") != std::string::npos) return "blis";
    if (line.find("atlas") != std::string::npos) return "atlas";
  }
  maps.clear();
  return "reference or unknown";
}
}  // namespace

Environment current_environment(const torch::Device& device) {
  Environment env;
  env.git_revision = git_revision();
  env.torch_version = compat::torch_version();
  env.device = device.str();
  env.threads = torch::get_num_threads();
  env.blas = linked_blas();
  return env;
}

}  // namespace aerepro
