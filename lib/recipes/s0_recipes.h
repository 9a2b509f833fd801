// S0 (Homework 6), also S1's model: the convolutional DAE as the source trained it.
#pragma once
#include "models/conv_dae.h"
#include "recipes/recipe.h"

namespace aerepro::recipes {

// S0.3/S0.4: the conv DAE, d = 4. S0.5: MSE(decoder(encoder(noisy)), clean), Adam 1e-3,
// batch 256, 30 epochs on the 48,000 images of the S0.1 split; S0.2 noise: clamp(x + 0.3 N).
Recipe<models::ConvDenoisingAutoencoder> conv_denoising_autoencoder();

// The same recipe, the model built without its three BatchNorm2d layers (000:51, 000:58 say
// what batch norm does; S0 trains no model without it).
Recipe<models::ConvDenoisingAutoencoder> conv_denoising_autoencoder_without_batch_norm();

}  // namespace aerepro::recipes
