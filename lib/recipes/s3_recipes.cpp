#include "recipes/s3_recipes.h"

namespace aerepro::recipes {
namespace {

constexpr double kPixelNoise = 0.4;  // S3.1, S3.3, S3.5 first level, S3.6's DAE
constexpr double kCodeNoise = 0.2;   // S3.5 deeper levels

// S3.1: Keras' fit as the report called it.
SourceTraining keras_fit(int64_t epochs, const train::Corruption& noise = {}) {
  SourceTraining t;
  t.batch_size = 32;       // fit(batch_size=32)
  t.learning_rate = 1e-3;  // Adam's default rate
  t.adam_epsilon = 1e-7;   // Adam's default epsilon
  t.epochs = epochs;
  t.train_images = 50000;  // the head of the training file
  t.corruption = noise;
  t.noise_drawn_once = true;  // GaussianNoise applied to the arrays once
  return t;
}

}  // namespace

Recipe<models::OneLevelAutoencoder> one_level_autoencoder(bool denoising) {
  return {denoising ? "S3.3" : "S3.2",
          models::OneLevelAutoencoderOptions{},
          denoising ? keras_fit(10, train::Corruption::gaussian(kPixelNoise)) : keras_fit(5),
          {}};
}

StackRecipe stacked_autoencoder(bool denoising, models::Activation deeper_output) {
  models::StackedAutoencoderOptions options;
  options.deeper_output_activation = deeper_output;
  StackRecipe r{
      {denoising ? "S3.5-S3.6" : "S3.4-S3.6", options, keras_fit(5), {}},
      {},
      {},
      keras_fit(5, denoising ? train::Corruption::gaussian(kPixelNoise) : train::Corruption{})};
  if (denoising) {
    r.first_level = train::Corruption::gaussian(kPixelNoise);
    r.deeper_levels = train::Corruption::gaussian(kCodeNoise);
  }
  return r;
}

}  // namespace aerepro::recipes
