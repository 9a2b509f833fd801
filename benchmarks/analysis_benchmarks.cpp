// The analyses at the sources' sizes (scaled by the profile; the sizes are counters):
// PCA-30 of MNIST train images (S2.1) with the project's fit_pca (float64 covariance + Eigen's
// SelfAdjointEigenSolver), with torch eigh of the same covariance, and with torch SVD of the
// centred data; k-means k = 10 (S0.7/S1.3) on 48k × 4 codes and on raw 784-pixel images; MNIST
// loading (IDX read + SHA-256 check of the train split).
#include "bench_registry.h"
#include "device_timing.h"
#include "registration.h"

#include "analysis/kmeans.h"
#include "analysis/pca.h"
#include "common/compat.h"
#include "common/error.h"
#include "data/datasets.h"

namespace aerepro::bench {
namespace {

constexpr int64_t kPcaComponents = 30;  // S2.1

// The MNIST train images (N, 784) float on the CPU, read once per process.
const torch::Tensor& mnist_train_pixels() {
  static const torch::Tensor pixels =
      data::load_mnist(data::Split::train).images.reshape({-1, 784}).contiguous();
  return pixels;
}

// Runs `body`, turning a missing or broken dataset into a skipped benchmark with its reason.
template <typename Body>
void with_data(benchmark::State& state, Body&& body) {
  try {
    body();
  } catch (const Error& e) {
    state.SkipWithError(e.what());
  }
}

// 10 Gaussian blobs in 4-d (centres 3·N(0,1), unit noise): the shape of S0.7's 48k × 4 codes.
torch::Tensor synthetic_codes(int64_t n) {
  auto gen = compat::make_generator(torch::kCPU, 0);
  const auto centres = torch::randn({10, 4}, gen) * 3.0;
  const auto labels = torch::arange(n, torch::kInt64).remainder(10);
  return centres.index_select(0, labels) + torch::randn({n, 4}, gen);
}

void kmeans(benchmark::State& state, const torch::Tensor& points, int64_t n_init,
            const torch::Device& device, const BenchmarkInfo& info, double peak) {
  const auto x = points.to(device);
  analysis::KMeansOptions options;
  options.n_init = n_init;
  int64_t iterations = 0;
  run_timed(state, device, [&] { iterations = analysis::kmeans_cluster(x, options).iterations; });
  set_rate_counters(state, info, peak);
  state.counters["points"] = static_cast<double>(x.size(0));
  state.counters["dimensions"] = static_cast<double>(x.size(1));
  state.counters["n_init"] = static_cast<double>(n_init);
  state.counters["kept_run_iterations"] = static_cast<double>(iterations);
}

enum class PcaSolver { eigen, torch_eigh, torch_svd };

void pca(benchmark::State& state, int64_t n, PcaSolver solver, const torch::Device& device,
         const BenchmarkInfo& info, double peak) {
  with_data(state, [&] {
    const auto x = mnist_train_pixels().narrow(0, 0, n).to(device);
    const auto x64 = x.to(torch::kFloat64);
    run_timed(state, device, [&] {
      if (solver == PcaSolver::eigen) {
        benchmark::DoNotOptimize(analysis::fit_pca(x, kPcaComponents).components.data_ptr());
        return;
      }
      const auto centred = x64 - x64.mean(0, true);
      if (solver == PcaSolver::torch_eigh) {
        const auto covariance = centred.t().mm(centred) / static_cast<double>(n - 1);
        const auto vectors = std::get<1>(torch::linalg_eigh(covariance));  // ascending
        benchmark::DoNotOptimize(
            vectors.narrow(1, 784 - kPcaComponents, kPcaComponents).contiguous().data_ptr());
      } else {
        const auto vh = std::get<2>(torch::linalg_svd(centred, false));  // descending
        benchmark::DoNotOptimize(vh.narrow(0, 0, kPcaComponents).contiguous().data_ptr());
      }
    });
    set_rate_counters(state, info, peak);
    state.counters["images"] = static_cast<double>(n);
  });
}

void load(benchmark::State& state, const BenchmarkInfo& info) {
  with_data(state, [&] {
    for (auto _ : state) {
      benchmark::DoNotOptimize(data::load_mnist(data::Split::train).images.data_ptr());
    }
    set_rate_counters(state, info, 0);
  });
}

template <typename Fn>
void add(const std::string& name, const BenchmarkInfo& info, const torch::Device& device, Fn fn,
         bool single_iteration) {
  describe_benchmark(name, info);
  auto* b = time_on(benchmark::RegisterBenchmark(name.c_str(), fn), device);
  if (single_iteration) b->Iterations(1);
}

}  // namespace

void register_analysis_benchmarks(const BenchProfile& p, const torch::Device& device, double peak) {
  const std::string dev = device_label(device);
  const bool cpu = !device.is_cuda();
  const auto n_pca = p.pca_images;
  const auto pca_images = static_cast<double>(n_pca);
  // The covariance product of the centred data: 2·N·784² FLOPs, the part that is counted.
  const double covariance_flops = 2.0 * pca_images * 784.0 * 784.0;
  if (cpu) {
    const BenchmarkInfo info{"pca30_mnist", "pca",           dev, "cpp", std::nullopt,
                             pca_images,    covariance_flops};
    add(
        "pca/eigen/" + dev, info, device,
        [=](benchmark::State& s) { pca(s, n_pca, PcaSolver::eigen, device, info, peak); }, true);
  }
  {
    const BenchmarkInfo info{"pca30_mnist", "pca",           dev, "cpp", std::nullopt,
                             pca_images,    covariance_flops};
    add(
        "pca/torch_eigh/" + dev, info, device,
        [=](benchmark::State& s) { pca(s, n_pca, PcaSolver::torch_eigh, device, info, peak); },
        true);
    const BenchmarkInfo svd_info{"pca30_mnist", "pca", dev, "cpp", std::nullopt, pca_images, NAN};
    add(
        "pca/torch_svd/" + dev, svd_info, device,
        [=](benchmark::State& s) { pca(s, n_pca, PcaSolver::torch_svd, device, svd_info, peak); },
        true);
  }
  {
    const auto codes = synthetic_codes(p.kmeans_codes);
    const auto n_init = p.kmeans_codes_n_init;
    const BenchmarkInfo info{"kmeans_codes",
                             "kmeans",
                             dev,
                             "cpp",
                             std::nullopt,
                             static_cast<double>(p.kmeans_codes),
                             NAN};
    add(
        "kmeans/codes/" + dev, info, device,
        [=](benchmark::State& s) { kmeans(s, codes, n_init, device, info, peak); }, true);
  }
  {
    const auto n = p.kmeans_pixels;
    const auto n_init = p.kmeans_pixels_n_init;
    const BenchmarkInfo info{"kmeans_pixels",        "kmeans", dev, "cpp", std::nullopt,
                             static_cast<double>(n), NAN};
    add(
        "kmeans/pixels/" + dev, info, device,
        [=](benchmark::State& s) {
          with_data(s, [&] {
            kmeans(s, mnist_train_pixels().narrow(0, 0, n), n_init, device, info, peak);
          });
        },
        true);
  }
  if (cpu) {
    const BenchmarkInfo info{
        "mnist_train", "load", dev, "cpp", std::nullopt, static_cast<double>(p.load_images), NAN};
    add(
        "load/mnist_train/" + dev, info, device, [=](benchmark::State& s) { load(s, info); },
        false);
  }
}

}  // namespace aerepro::bench
