#include "recipes/s2_recipes.h"

namespace aerepro::recipes {
namespace {

constexpr double kDenseLr = 3e-4;  // S2: the fully connected AEs
constexpr double kConvLr = 1e-3;   // S2.9

SourceTraining s2_training(double learning_rate, int64_t epochs) {
  SourceTraining t;
  t.batch_size = 256;  // S2: batch 256 throughout
  t.learning_rate = learning_rate;
  t.epochs = epochs;
  t.train_images = 60000;
  return t;
}

}  // namespace

Recipe<models::DeepAutoencoder> source_deep_autoencoder() {
  return {"S2.2", models::source_deep_autoencoder_options(), s2_training(kDenseLr, 10), {}};
}

Recipe<models::DeepAutoencoder> well_trained_deep_autoencoder() {
  return {"S2.2 (our set-up)",
          models::well_trained_deep_autoencoder_options(),
          s2_training(1e-3, 30),
          {}};
}

Recipe<models::ShallowAutoencoder> undercomplete_autoencoder(int64_t hidden) {
  return {"S2.3", models::undercomplete_autoencoder_options(hidden), s2_training(kDenseLr, 10), {}};
}

Recipe<models::ShallowAutoencoder> sparse_autoencoder(double lambda) {
  return {"S2.6", models::sparse_autoencoder_options(), s2_training(kDenseLr, 5), lambda};
}

Recipe<models::ShallowAutoencoder> denoising_autoencoder(double sigma) {
  auto training = s2_training(kDenseLr, 5);
  training.corruption = train::Corruption::gaussian(sigma);
  return {"S2.7", models::denoising_autoencoder_options(), training, {}};
}

Recipe<models::BottleneckAutoencoder> bottleneck_autoencoder() {
  return {"S2.8", models::BottleneckAutoencoderOptions{}, s2_training(kDenseLr, 10), {}};
}

Recipe<models::ConvAutoencoder> conv_autoencoder(models::ConvDecoder decoder) {
  models::ConvAutoencoderOptions options;
  options.decoder = decoder;
  const char* item = decoder == models::ConvDecoder::unpool_conv ? "S2.9a"
                     : decoder == models::ConvDecoder::deconv    ? "S2.9b"
                                                                 : "S2.9c";
  return {item, options, s2_training(kConvLr, 5), {}};
}

}  // namespace aerepro::recipes
