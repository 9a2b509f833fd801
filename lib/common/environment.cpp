#include "common/environment.h"

#include "common/compat.h"
#include "common/error.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#ifdef __linux__
#include <dlfcn.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <limits>
#include <regex>
#include <thread>

namespace aerepro {

torch::Device parse_device(const std::string& name) {
  static const std::regex pattern("cpu|cuda(:[0-9]+)?");
  if (!std::regex_match(name, pattern)) {
    throw UsageError("unknown device '" + name + "': use cpu, cuda or cuda:N");
  }
  torch::Device device(name);
  if (device.is_cuda()) {
    if (!torch::cuda::is_available()) {
      throw UsageError(
          "device '" + name +
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
#ifdef __linux__
  // OpenBLAS keeps its own pool, sized from OPENBLAS_NUM_THREADS or the CPUs it may run on, which
  // torch::set_num_threads does not touch: unpinned, a run recorded as 1 thread used 2 BLAS
  // threads on 2 cores and its values differed from a pinned run's at ~1e-9. Looked up at run
  // time (nothing links against OpenBLAS directly); absent with another BLAS.
  using SetThreads = void (*)(int);
  if (const auto set_blas_threads =
          reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) {
    set_blas_threads(threads);
  }
#endif
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
  return 1;  // the pinned count (ci/pinned-env): the records' and checkpoints' environment
}

void use_deterministic_algorithms() {
  // cuBLAS reads this when its first handle is created; deterministic GEMMs need it.
  ::setenv("CUBLAS_WORKSPACE_CONFIG", ":4096:8", /*overwrite=*/0);
  at::globalContext().setDeterministicAlgorithms(true, /*warn_only=*/false);  // 1.13 and 2.x
}

namespace {
std::string linked_blas_library() {
  // The BLAS that the dynamic linker resolved for this process (Debian's alternatives choose it).
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    if (line.find("openblas") != std::string::npos) return "openblas";
    if (line.find("libmkl") != std::string::npos) return "mkl";
    if (line.find("blis") != std::string::npos) return "blis";
    if (line.find("atlas") != std::string::npos) return "atlas";
  }
  return "reference or unknown";
}

// OpenBLAS's own words for its version and the kernels it chose for this CPU ("0.3.21",
// "SkylakeX"), looked up at run time so that nothing links against OpenBLAS directly.
struct OpenBlasKernel {
  std::string version, core;
};

std::optional<OpenBlasKernel> openblas_kernel() {
#ifdef __linux__
  using Text = char* (*)();
  const auto config = reinterpret_cast<Text>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
  const auto core = reinterpret_cast<Text>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
  if (config == nullptr || core == nullptr) return std::nullopt;
  std::istringstream words(config());  // "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH ..."
  OpenBlasKernel kernel;
  words >> kernel.version >> kernel.version;
  kernel.core = core();
  return kernel;
#else
  return std::nullopt;
#endif
}

// OpenBLAS cores older than Haswell: no AVX2/FMA kernels.
bool pre_avx2_core(const std::string& core) {
  for (const char* old : {"Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom", "Katmai",
                          "Coppermine", "Northwood", "Banias", "Sandybridge", "Opteron",
                          "Barcelona", "Bobcat", "Bulldozer", "Piledriver"}) {
    if (core == old) return true;
  }
  return false;
}
}  // namespace

std::string linked_blas() {
  const auto library = linked_blas_library();
  if (library != "openblas") return library;
  const auto kernel = openblas_kernel();
  return kernel ? "openblas " + kernel->version + " " + kernel->core : library;
}

std::optional<std::string> slow_blas_kernel_warning() {
#if defined(__x86_64__) && defined(__GNUC__)
  const auto kernel = openblas_kernel();
  if (!kernel || !pre_avx2_core(kernel->core) || !__builtin_cpu_supports("avx2"))
    return std::nullopt;
  const bool avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                      __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
  const char* better = avx512 ? "SkylakeX" : "Haswell";
  return "OpenBLAS " + kernel->version + " runs its " + kernel->core + " kernels on a CPU with " +
         (avx512 ? "AVX-512" : "AVX2") +
         " (OpenBLAS falls back to them on CPU models it does not know, or OPENBLAS_CORETYPE "
         "chose them): matrix products run several times slower than they can. "
         "OPENBLAS_CORETYPE=" +
         better +
         " selects the right kernels; the ci/ scripts set it (README: 'Threads and speed')";
#else
  return std::nullopt;
#endif
}

Environment current_environment(const torch::Device& device) {
  Environment env;
  env.git_revision = git_revision();
  env.torch_version = compat::torch_version();
  env.blas = linked_blas();
  // On the CPU the BLAS kernels are part of what a run computes on: results differ (slightly)
  // between OpenBLAS's kernel sets, so every row names them.
  env.device = device.is_cpu() ? "cpu (" + env.blas + ")" : device.str();
  env.threads = torch::get_num_threads();
  return env;
}

}  // namespace aerepro
