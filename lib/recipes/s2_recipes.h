// S2 (Programming Assignment 3): its fully connected and convolutional AEs as the source
// trained them (batch 256 throughout, on the 60,000 MNIST training images), and the one
// set-up that is ours (well_trained_deep_autoencoder).
#pragma once
#include "models/bottleneck_ae.h"
#include "models/conv_ae.h"
#include "models/deep_ae.h"
#include "models/shallow_ae.h"
#include "recipes/recipe.h"

namespace aerepro::recipes {

// S2.2: the source's deep AE (ReLU code and output), Adam 3e-4, 10 epochs.
Recipe<models::DeepAutoencoder> source_deep_autoencoder();
// Not the source's: S2.2's layers with a linear code and a sigmoid output, Adam 1e-3, 30 epochs
// (the "well-trained" AE of s2.well_trained_ae_beats_pca).
Recipe<models::DeepAutoencoder> well_trained_deep_autoencoder();
// S2.3: 784-x-784 ReLU, Adam 3e-4, 10 epochs (also the standard AE of S2.4, S2.6 and S2.7).
Recipe<models::ShallowAutoencoder> undercomplete_autoencoder(int64_t hidden);
// S2.6: the over-complete 1156 AE with MSE + lambda * ||h||_1, Adam 3e-4, 5 epochs.
Recipe<models::ShallowAutoencoder> sparse_autoencoder(double lambda);
// S2.7: the 256 DAE trained on x + sigma N(0,1) (no clamp), Adam 3e-4, 5 epochs.
Recipe<models::ShallowAutoencoder> denoising_autoencoder(double sigma);
// S2.8: 784-64-8-64-784 ReLU, Adam 3e-4, 10 epochs.
Recipe<models::BottleneckAutoencoder> bottleneck_autoencoder();
// S2.9: the conv AEs (a)-(c), Adam 1e-3, 5 epochs.
Recipe<models::ConvAutoencoder> conv_autoencoder(models::ConvDecoder decoder);

}  // namespace aerepro::recipes
