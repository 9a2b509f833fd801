// One training step (forward, backward, Adam) of every model at its source's batch size, and
// inference throughput. Counters: images/s.
#include "models/ae_classifier.h"
#include "models/bottleneck_ae.h"
#include "models/conv_ae.h"
#include "models/conv_dae.h"
#include "models/deep_ae.h"
#include "models/fashion_ae.h"
#include "models/fashion_cnn.h"
#include "models/one_level_ae.h"
#include "models/shallow_ae.h"
#include "models/stacked_ae.h"
#include "train/objectives.h"

#include <benchmark/benchmark.h>

namespace {

using namespace aerepro;

// Times Adam steps of `objective` on random images (batch, 1, 28, 28) and integer labels.
template <typename Model>
void time_training_step(benchmark::State& state, Model model, train::Objective objective,
                        int64_t batch, bool labels) {
  torch::manual_seed(0);
  const auto images = torch::rand({batch, 1, 28, 28});
  const auto target = labels ? torch::randint(10, {batch}, torch::kInt64) : images;
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));
  model->train();
  for (auto _ : state) {
    optimizer.zero_grad();
    auto loss = objective(images, target);
    loss.backward();
    optimizer.step();
  }
  state.counters["images/s"] = benchmark::Counter(static_cast<double>(batch),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

#define AEREPRO_AE_STEP(name, model_expr, batch)                                    \
  void BM_TrainStep_##name(benchmark::State& state) {                              \
    auto model = model_expr;                                                        \
    time_training_step(state, model, train::reconstruction_objective(model), batch, \
                       false);                                                      \
  }                                                                                 \
  BENCHMARK(BM_TrainStep_##name)->Unit(benchmark::kMillisecond)->UseRealTime()

#define AEREPRO_CLASSIFIER_STEP(name, model_expr, batch)                              \
  void BM_TrainStep_##name(benchmark::State& state) {                                \
    auto model = model_expr;                                                          \
    time_training_step(state, model, train::classification_objective(model), batch,   \
                       true);                                                         \
  }                                                                                   \
  BENCHMARK(BM_TrainStep_##name)->Unit(benchmark::kMillisecond)->UseRealTime()

// Batch sizes: S0.5 256; S2 256; S3.2 32; S4.1 100.
AEREPRO_AE_STEP(ConvDae_S0, models::ConvDenoisingAutoencoder(), 256);
AEREPRO_AE_STEP(DeepAe_S22, models::DeepAutoencoder(), 256);
AEREPRO_AE_STEP(ShallowAe256_S27, models::ShallowAutoencoder(models::denoising_autoencoder_options()), 256);
AEREPRO_AE_STEP(SparseAe1156_S26, models::ShallowAutoencoder(models::sparse_autoencoder_options()), 256);
AEREPRO_AE_STEP(BottleneckAe_S28, models::BottleneckAutoencoder(), 256);
AEREPRO_AE_STEP(ConvAeUnpool_S29a, models::ConvAutoencoder(models::ConvAutoencoderOptions{models::ConvDecoder::unpool_conv}), 256);
AEREPRO_AE_STEP(ConvAeDeconv_S29b, models::ConvAutoencoder(models::ConvAutoencoderOptions{models::ConvDecoder::deconv}), 256);
AEREPRO_AE_STEP(ConvAeUnpoolDeconv_S29c, models::ConvAutoencoder(models::ConvAutoencoderOptions{models::ConvDecoder::unpool_deconv}), 256);
AEREPRO_AE_STEP(OneLevelAe_S32, models::OneLevelAutoencoder(), 32);
AEREPRO_AE_STEP(StackedAe_S36, models::StackedAutoencoder(), 32);
AEREPRO_AE_STEP(FashionAe_S43, models::FashionAutoencoder(), 100);
AEREPRO_CLASSIFIER_STEP(FashionCnn_S42, models::FashionCnn(), 100);
AEREPRO_CLASSIFIER_STEP(AeClassifier_S44, models::AutoencoderClassifier(), 100);

}  // namespace
