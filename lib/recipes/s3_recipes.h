// S3 (ISPR midterm): its one-level AE/DAE and its stack [512, 128] as the report's code trained
// them (S3.1: Keras' fit defaults: Adam 1e-3, epsilon 1e-7, batch 32, the first 50,000 training
// images; a denoising model's noisy copy drawn once and reused every epoch).
#pragma once
#include "models/activation.h"
#include "models/one_level_ae.h"
#include "models/stacked_ae.h"
#include "recipes/recipe.h"
#include "train/corruption.h"

namespace aerepro::recipes {

// S3.2 (denoising = false): 784-128-784, 5 epochs. S3.3 (true): the same on x + N(0, 0.4), 10
// epochs.
Recipe<models::OneLevelAutoencoder> one_level_autoencoder(bool denoising);

// S3.4 (denoising = false) / S3.5 (true): the stack pretrained level by level, 5 epochs each
// (the training in `stack.training`); S3.5 corrupts the first level's pixels with N(0, 0.4)
// and the deeper levels' codes with N(0, 0.2). S3.6: then trained end to end, 5 epochs (S3.6
// gives no length; every other S3 training is 5 epochs), the DAE on noisy -> clean, N(0, 0.4).
// `deeper_output`: sigmoid as made (S3.4's design slip), ReLU corrected.
struct StackRecipe {
  Recipe<models::StackedAutoencoder> stack;
  train::Corruption first_level, deeper_levels;  // layer-wise pretraining's input noise
  SourceTraining fine_tuning;                    // S3.6
};
StackRecipe stacked_autoencoder(bool denoising, models::Activation deeper_output);

}  // namespace aerepro::recipes
