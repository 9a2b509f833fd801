// The analyses at the sources' sizes: k-means on 48,000 4-d codes and on 48,000 raw MNIST
// images (k = 10, n_init = 10; S0.7/S1.3), PCA-30 on 60,000 MNIST images (Eigen eigensolver)
// against LibTorch's eigh of the same covariance, and loading MNIST.
#include "analysis/kmeans.h"
#include "analysis/pca.h"
#include "common/compat.h"
#include "data/datasets.h"

#include <benchmark/benchmark.h>

namespace {

using namespace aerepro;

void BM_KMeans_Codes48kx4(benchmark::State& state) {
  auto gen = compat::make_generator(torch::kCPU, 0);
  const auto centres = torch::randn({10, 4}, gen) * 3.0;
  const auto labels = torch::arange(10, torch::kInt64).repeat_interleave(4800);
  const auto codes = centres.index_select(0, labels) + torch::randn({48000, 4}, gen);
  for (auto _ : state) benchmark::DoNotOptimize(analysis::kmeans_cluster(codes, {}).inertia);
}
BENCHMARK(BM_KMeans_Codes48kx4)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_KMeans_RawPixels48kx784(benchmark::State& state) {
  const auto pixels = data::load_mnist(data::Split::train).images.narrow(0, 0, 48000).reshape({48000, 784}).contiguous();
  analysis::KMeansOptions options;
  options.n_init = state.range(0);
  for (auto _ : state) benchmark::DoNotOptimize(analysis::kmeans_cluster(pixels, options).inertia);
  state.counters["n_init"] = static_cast<double>(options.n_init);
}
BENCHMARK(BM_KMeans_RawPixels48kx784)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void BM_Pca30_Mnist60k_Eigen(benchmark::State& state) {
  const auto images = data::load_mnist(data::Split::train).images;
  for (auto _ : state) benchmark::DoNotOptimize(analysis::fit_pca(images, 30).eigenvalues.sum());
}
BENCHMARK(BM_Pca30_Mnist60k_Eigen)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void BM_Pca30_Mnist60k_TorchEigh(benchmark::State& state) {
  const auto x = data::load_mnist(data::Split::train).images.reshape({60000, 784}).to(torch::kFloat64);
  for (auto _ : state) {
    const auto centred = x - x.mean(0, true);
    const auto covariance = centred.t().mm(centred) / 59999.0;
    benchmark::DoNotOptimize(std::get<0>(torch::linalg_eigh(covariance)).sum());
  }
}
BENCHMARK(BM_Pca30_Mnist60k_TorchEigh)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void BM_LoadMnistTrain(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(data::load_mnist(data::Split::train).images.data_ptr());
}
BENCHMARK(BM_LoadMnistTrain)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
