// The sources' train/validation/test splits and S4.1's augmentation. Every split is one index
// select on the contiguous tensors; nothing is copied per sample.
#pragma once
#include "data/datasets.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace aerepro::data {

struct TrainValidation {
  LabeledImages train;
  LabeledImages validation;
};

// A seeded random permutation split: the first `train_size` of the permutation train, the rest
// validation. S0.1: random_split(mnist_train, 48000, seed) -> 48,000 / 12,000.
TrainValidation random_split(const LabeledImages& data, int64_t train_size, uint64_t seed);

// S3.1: the first 50,000 training images train, the last 10,000 validate (no shuffle; the
// report does not say how it split, so the harness takes the Keras-style head/tail reading).
TrainValidation head_tail_split(const LabeledImages& data, int64_t train_size);

// A seeded random subset of n images (profiles that subsample say so in their claims).
LabeledImages random_subset(const LabeledImages& data, int64_t n, uint64_t seed);

// The images whose label is in `classes` (S4.1: Fashion-MNIST {1, 3, 5, 7, 9}); labels are kept
// as they are (the source's output layer stays 10-wide).
LabeledImages filter_classes(const LabeledImages& data, const std::vector<int64_t>& classes);

// S4.1 augmentation, 4x: originals, horizontal flips, originals + U[0,1) noise, flips + U[0,1)
// noise (no clamp, as in the source), in that order; labels repeated accordingly.
LabeledImages augment_flip_and_uniform_noise(const LabeledImages& data, uint64_t seed);

}  // namespace aerepro::data
