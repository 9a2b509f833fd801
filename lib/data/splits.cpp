#include "data/splits.h"

#include "common/compat.h"
#include "common/error.h"

namespace aerepro::data {

namespace {
torch::Tensor permutation(int64_t n, uint64_t seed, const torch::Device& device) {
  auto gen = compat::make_generator(device, seed);
  return torch::randperm(n, gen, torch::TensorOptions().dtype(torch::kInt64).device(device));
}
}  // namespace

TrainValidation random_split(const LabeledImages& data, int64_t train_size, uint64_t seed) {
  if (train_size < 0 || train_size > data.size()) {
    throw UsageError("cannot split " + std::to_string(data.size()) + " images into " +
                     std::to_string(train_size) + " for training");
  }
  const auto order = permutation(data.size(), seed, data.images.device());
  return {data.select(order.narrow(0, 0, train_size)),
          data.select(order.narrow(0, train_size, data.size() - train_size))};
}

TrainValidation head_tail_split(const LabeledImages& data, int64_t train_size) {
  if (train_size < 0 || train_size > data.size()) {
    throw UsageError("cannot split " + std::to_string(data.size()) + " images into " +
                     std::to_string(train_size) + " for training");
  }
  return {data.head(train_size),
          {data.images.narrow(0, train_size, data.size() - train_size),
           data.labels.narrow(0, train_size, data.size() - train_size), data.checksum}};
}

LabeledImages random_subset(const LabeledImages& data, int64_t n, uint64_t seed) {
  if (n >= data.size()) return data;
  return random_split(data, n, seed).train;
}

LabeledImages filter_classes(const LabeledImages& data, const std::vector<int64_t>& classes) {
  auto wanted = torch::tensor(classes, torch::kInt64).to(data.labels.device());
  auto keep = torch::isin(data.labels, wanted).nonzero().squeeze(1);
  return data.select(keep);
}

LabeledImages augment_flip_and_uniform_noise(const LabeledImages& data, uint64_t seed) {
  const auto& x = data.images;
  auto flipped = x.flip({3});
  auto gen = compat::make_generator(x.device(), seed);
  auto noise = torch::rand({2 * x.size(0), x.size(1), x.size(2), x.size(3)}, gen, x.options());
  auto noisy = torch::cat({x, flipped}).add_(noise);
  return {torch::cat({x, flipped, noisy}), data.labels.repeat({4}), data.checksum};
}

}  // namespace aerepro::data
