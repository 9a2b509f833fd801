// Every model of lib/models at its source's batch size, as one type-erased benchmark case.
#pragma once
#include "train/trainer.h"

#include <torch/torch.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace aerepro::bench {

// A model built on a device, with its training loss and its inference pass.
struct BuiltModel {
  std::shared_ptr<torch::nn::Module> module;
  train::Objective objective;                                // loss(input, target)
  std::function<torch::Tensor(const torch::Tensor&)> infer;  // forward output
};

struct ModelCase {
  std::string name;          // e.g. "s0_conv_dae" (the CSV's model column)
  std::string source;        // SOURCES.md items, e.g. "S0.3-S0.5"
  int64_t batch_size = 0;    // the source's batch size
  int64_t epoch_images = 0;  // the source's training images per epoch
  bool classifier = false;   // targets are labels (10 classes), not the images
  // The input side of each conv (flop_count.h); empty for fully connected models.
  std::map<std::string, int64_t> conv_input_side;
  std::function<BuiltModel()> build;  // on the CPU, seeded; move with module->to(device)
};

// S0.3-S0.5, S2.2, S2.3, S2.6, S2.7, S2.8, S2.9 a-c, S3.2, S3.6, S4.2-S4.4.
const std::vector<ModelCase>& model_cases();

}  // namespace aerepro::bench
