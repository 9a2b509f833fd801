// S3.4/S3.5: greedy layer-wise pretraining of a stacked autoencoder.
#pragma once
#include "models/stacked_ae.h"
#include "train/corruption.h"
#include "train/trainer.h"

#include <vector>

namespace aerepro::train {

struct LayerwiseOptions {
  TrainOptions training;     // per level (S3.4: 5 epochs each); label gets " level i"
  Corruption first_level;    // S3.5: gaussian(0.4) noisy -> clean pixels; S3.4: none
  Corruption deeper_levels;  // S3.5: gaussian(0.2) on the codes; S3.4: none
};

// Trains level 0 on `images`, then each level i on the (clean) codes of levels 0..i-1, each as
// its own autoencoder (input corrupted as `options` says, target clean), with no end-to-end
// training (that is S3.6's fine-tuning: train() on the whole stack afterwards). The codes of a
// level are computed once, without gradients, on the images' device. Returns one history per
// level.
std::vector<TrainHistory> pretrain_layerwise(models::StackedAutoencoder& stack,
                                             const torch::Tensor& images,
                                             const LayerwiseOptions& options);

}  // namespace aerepro::train
