// The analyses at the sources' sizes (scaled by the profile; the sizes are counters):
// PCA-30 of MNIST train images (S2.1) with the project's fit_pca (float64 covariance + Eigen's
// SelfAdjointEigenSolver), with torch eigh of the same covariance, and with torch SVD of the
// centred data; k-means k = 10 (S0.7/S1.3) on 48k × 4 codes and on raw 784-pixel images; MNIST
// loading (IDX read + SHA-256 check of the train split).
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
            const torch::Device& device) {
  const auto x = points.to(device);
  analysis::KMeansOptions options;
  options.n_init = n_init;
  int64_t iterations = 0;
  run_timed(state, device, [&] { iterations = analysis::kmeans_cluster(x, options).iterations; });
  state.counters["points"] = static_cast<double>(x.size(0));
  state.counters["dimensions"] = static_cast<double>(x.size(1));
  state.counters["n_init"] = static_cast<double>(n_init);
  state.counters["kept_run_iterations"] = static_cast<double>(iterations);
}

enum class PcaSolver { eigen, torch_eigh, torch_svd };

void pca(benchmark::State& state, int64_t n, PcaSolver solver, const torch::Device& device) {
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
    state.counters["images"] = static_cast<double>(n);
  });
}

void load(benchmark::State& state) {
  with_data(state, [&] {
    for (auto _ : state) {
      benchmark::DoNotOptimize(data::load_mnist(data::Split::train).images.data_ptr());
    }
  });
}

}  // namespace

void register_analysis_benchmarks(const BenchProfile& p, const torch::Device& device, double peak) {
  const std::string dev = device_label(device);
  const bool cpu = !device.is_cuda();
  const auto n_pca = p.pca_images;
  const auto pca_images = static_cast<double>(n_pca);
  // The covariance product of the centred data: 2·N·784² FLOPs, the part that is counted.
  const double covariance_flops = 2.0 * pca_images * 784.0 * 784.0;
  const BenchmarkInfo pca_info{
      {"pca30_mnist", "pca", dev}, std::nullopt, pca_images, covariance_flops};
  if (cpu) {
    register_described("pca/eigen/" + dev, pca_info, device, peak, [=](benchmark::State& s) {
      pca(s, n_pca, PcaSolver::eigen, device);
    })->Iterations(1);
  }
  register_described("pca/torch_eigh/" + dev, pca_info, device, peak, [=](benchmark::State& s) {
    pca(s, n_pca, PcaSolver::torch_eigh, device);
  })->Iterations(1);
  register_described("pca/torch_svd/" + dev,
                     {{"pca30_mnist", "pca", dev}, std::nullopt, pca_images}, device, peak,
                     [=](benchmark::State& s) { pca(s, n_pca, PcaSolver::torch_svd, device); })
      ->Iterations(1);
  {
    const auto codes = synthetic_codes(p.kmeans_codes);
    const auto n_init = p.kmeans_codes_n_init;
    register_described(
        "kmeans/codes/" + dev,
        {{"kmeans_codes", "kmeans", dev}, std::nullopt, static_cast<double>(p.kmeans_codes)},
        device, peak, [=](benchmark::State& s) { kmeans(s, codes, n_init, device); })
        ->Iterations(1);
  }
  {
    const auto n = p.kmeans_pixels;
    const auto n_init = p.kmeans_pixels_n_init;
    register_described(
        "kmeans/pixels/" + dev,
        {{"kmeans_pixels", "kmeans", dev}, std::nullopt, static_cast<double>(n)}, device, peak,
        [=](benchmark::State& s) {
          with_data(s, [&] { kmeans(s, mnist_train_pixels().narrow(0, 0, n), n_init, device); });
        })
        ->Iterations(1);
  }
  if (cpu) {
    // Loading counts no FLOPs; its images/s is the MNIST train split per load.
    register_described(
        "load/mnist_train/" + dev,
        {{"mnist_train", "load", dev}, std::nullopt, static_cast<double>(p.load_images)}, device,
        peak, [](benchmark::State& s) { load(s); });
  }
}

}  // namespace aerepro::bench
