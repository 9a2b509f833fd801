#include "recipes/s0_recipes.h"

namespace aerepro::recipes {

Recipe<models::ConvDenoisingAutoencoder> conv_denoising_autoencoder() {
  Recipe<models::ConvDenoisingAutoencoder> r;
  r.item = "S0.3-S0.5";
  r.training.batch_size = 256;
  r.training.learning_rate = 1e-3;
  r.training.epochs = 30;
  r.training.train_images = 48000;                                   // S0.1
  r.training.corruption = train::Corruption::gaussian_clamped(0.3);  // S0.2
  return r;
}

Recipe<models::ConvDenoisingAutoencoder> conv_denoising_autoencoder_without_batch_norm() {
  auto r = conv_denoising_autoencoder();
  r.model.batch_norm = false;
  return r;
}

}  // namespace aerepro::recipes
