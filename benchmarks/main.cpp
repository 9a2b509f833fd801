// Benchmark entry point. Pins the thread count (AEREPRO_THREADS, default: all hardware threads),
// measures the SGEMM peak once per device, registers every benchmark for the CPU and, where
// CUDA is available, for CUDA (else says why not), runs them, and writes the CSV summary.
// Own flags (removed before Google Benchmark sees the rest):
//   --aerepro_profile=smoke|short|full   sizes (bench_profile.h); default short
//   --aerepro_csv=PATH                   also write the CSV summary (results/bench_csv.h) to PATH
//   --aerepro_device=all|cpu|cuda        default all: the CPU, plus CUDA when available
//   --aerepro_list_flops                 print every model's per-layer FLOP count and exit
#include "bench_profile.h"
#include "csv_collecting_reporter.h"
#include "flop_count.h"
#include "model_cases.h"
#include "registration.h"
#include "sgemm_peak.h"

#include "common/environment.h"
#include "common/error.h"
#include "results/bench_csv.h"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <unistd.h>
#include <cstring>
#include <iostream>
#include <optional>

namespace {

using namespace aerepro;

struct Flags {
  std::string profile = "short";
  std::optional<std::string> csv;
  std::string device = "all";
  bool list_flops = false;
};

// Takes our --aerepro_* flags out of argv; leaves the rest for benchmark::Initialize.
Flags take_own_flags(int& argc, char** argv) {
  Flags flags;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&](const char* prefix) -> std::optional<std::string> {
      const std::string p = std::string(prefix) + "=";
      if (arg.rfind(p, 0) == 0) return arg.substr(p.size());
      return std::nullopt;
    };
    if (auto v = value("--aerepro_profile"))
      flags.profile = *v;
    else if (auto v2 = value("--aerepro_csv"))
      flags.csv = *v2;
    else if (auto v3 = value("--aerepro_device"))
      flags.device = *v3;
    else if (arg == "--aerepro_list_flops")
      flags.list_flops = true;
    else if (arg.rfind("--aerepro_", 0) == 0)
      throw UsageError("unknown flag " + arg);
    else
      argv[kept++] = argv[i];
  }
  argc = kept;
  if (flags.device != "all" && flags.device != "cpu" && flags.device != "cuda") {
    throw UsageError("--aerepro_device must be all, cpu or cuda, not '" + flags.device + "'");
  }
  return flags;
}

std::string cuda_unavailable_reason() {
  if (!at::hasCUDA()) {
    return "this LibTorch build has no CUDA support (Debian's libtorch-dev is CPU-only; build "
           "against a CUDA LibTorch, README 'Running on a GPU')";
  }
  return "LibTorch has CUDA support but no CUDA device is visible";
}

// The analytic count behind every model's GFLOP/s, layer by layer (flop_count.h).
void list_flops() {
  for (const auto& c : bench::model_cases()) {
    auto model = c.build();
    const auto layers = bench::count_forward_flops(*model.module, c.conv_input_side);
    std::cout << fmt::format(
        "{} ({}), batch {}: forward {:.4f} MFLOP/image, training step {:.4f} "
        "GFLOP/batch\n",
        c.name, c.source, c.batch_size, bench::total_flops(layers) * 1e-6,
        bench::kTrainingStepFlopFactor * bench::total_flops(layers) *
            static_cast<double>(c.batch_size) * 1e-9);
    for (const auto& l : layers) {
      std::cout << fmt::format("  {:<28} {:<17} {:<28} {:>10.4f} MFLOP\n", l.name, l.kind, l.shape,
                               l.flops * 1e-6);
    }
  }
}

void register_all(const bench::BenchProfile& profile, const torch::Device& device) {
  const double peak = bench::measure_sgemm_gflops(profile.peak_side, device);
  const std::string dev = bench::device_label(device);
  std::cout << fmt::format(
      "aerepro_benchmarks: {} SGEMM peak {:.1f} GFLOP/s (best of 5 {}^3 "
      "products, measured now; %peak is relative to it)\n",
      dev, peak, profile.peak_side);
  benchmark::AddCustomContext("sgemm_peak_gflops_" + dev, fmt::format("{:.2f}", peak));
  bench::register_sgemm_benchmarks(profile, device, peak);
  bench::register_model_benchmarks(profile, device, peak);
  bench::register_analysis_benchmarks(profile, device, peak);
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  bench::RowEnvironment row_env;
  try {
    flags = take_own_flags(argc, argv);
    if (flags.list_flops) {
      list_flops();
      return 0;
    }
    const auto profile = bench::bench_profile(flags.profile);
    row_env.threads = pin_threads(default_threads());
    const auto env = current_environment(torch::kCPU);
    row_env.torch_version = env.torch_version;
    row_env.git_revision = env.git_revision;
    benchmark::AddCustomContext("aerepro_profile", profile.name);
    benchmark::AddCustomContext("aerepro_threads", std::to_string(row_env.threads));
    benchmark::AddCustomContext("torch_version", env.torch_version);
    benchmark::AddCustomContext("git_revision", env.git_revision);
    benchmark::AddCustomContext("blas", env.blas);
    std::cout << fmt::format("aerepro_benchmarks: profile {}, {} threads, LibTorch {}, {}\n",
                             profile.name, row_env.threads, env.torch_version, env.blas);
    if (const auto warning = slow_blas_kernel_warning()) {
      std::cerr << "aerepro_benchmarks: " << *warning << "\n";
    }
    if (flags.device != "cuda") register_all(profile, torch::kCPU);
    if (flags.device != "cpu") {
      if (torch::cuda::is_available()) {
        register_all(profile, torch::Device(torch::kCUDA, 0));
      } else {
        std::cout << "aerepro_benchmarks: CUDA benchmarks skipped: " << cuda_unavailable_reason()
                  << "\n";
      }
    }
  } catch (const std::exception& e) {  // a usage error, or a model whose shape plan is wrong
    std::cerr << "aerepro_benchmarks: " << e.what() << "\n";
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const bool color = isatty(fileno(stdout)) != 0;
  bench::CsvCollectingReporter reporter(
      color ? benchmark::ConsoleReporter::OO_ColorTabular : benchmark::ConsoleReporter::OO_Tabular,
      row_env);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  if (flags.csv) {
    const auto rows = reporter.rows();
    if (rows.empty()) {
      std::cerr << "aerepro_benchmarks: no benchmark finished; " << *flags.csv << " not written\n";
      return 1;
    }
    try {
      results::write_bench_csv(*flags.csv, rows);
    } catch (const Error& e) {
      std::cerr << "aerepro_benchmarks: " << e.what() << "\n";
      return 1;
    }
    std::cout << "aerepro_benchmarks: wrote " << rows.size() << " rows to " << *flags.csv << "\n";
  }
  return 0;
}
