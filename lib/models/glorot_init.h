// S3.1: Keras' Dense defaults: Glorot-uniform weights, zero biases.
#pragma once
#include <torch/torch.h>

namespace aerepro::models {

// Every weight matrix (a parameter named "weight" with 2 or more dimensions) of `module` and
// its submodules drawn from U(-a, a), a = sqrt(6 / (fan_in + fan_out)) (xavier_uniform_, gain
// 1); every "bias" set to zero. Draws from torch's global generator (seed it with
// torch::manual_seed for a reproducible start).
void glorot_initialize(torch::nn::Module& module);

}  // namespace aerepro::models
