// S4.2/S4.3: He (Kaiming normal) initialisation.
#pragma once
#include <torch/torch.h>

namespace aerepro::models {

// Every weight matrix or kernel (a parameter named "weight" with 2 or more dimensions) of
// `module` and its submodules drawn from kaiming_normal_(fan_in, relu), i.e.
// N(0, 2/fan_in); every "bias" set to zero. Draws from torch's global generator (seed it with
// torch::manual_seed for a reproducible start).
void he_initialize(torch::nn::Module& module);

}  // namespace aerepro::models
