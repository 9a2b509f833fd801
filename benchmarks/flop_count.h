// Analytic FLOP counts of a model's forward pass, layer by layer (issue 6: GFLOP/s counters).
// Counts the multiply-adds of the conv and linear layers only (2 FLOPs each, plus one per bias
// output); activations, batch norm, pooling, the loss and Adam are memory-bound and not counted.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace aerepro::bench {

struct LayerFlops {
  std::string name;   // the module's path in the model, e.g. "encoder_conv2"
  std::string kind;   // "linear" | "conv2d" | "conv_transpose2d"
  std::string shape;  // e.g. "784->512" or "8->16 k3 @14x14->7x7"
  double flops = 0;   // forward FLOPs per image
};

// Every Linear, Conv2d and ConvTranspose2d of `model` (in registration order), with its forward
// FLOPs per image. Linear: 2·in·out (+out). Conv2d: 2·weight.numel()·(output pixels)
// (+out·pixels). ConvTranspose2d: 2·weight.numel()·(input pixels) (+out·output pixels).
// A conv's input side (square images) is not visible from the module, so the caller names it
// per conv in `conv_input_side` (the model's shape plan); the output side is measured by running
// the conv once on zeros. Throws std::invalid_argument for a conv missing from the plan or a plan
// entry naming no conv (so the plan cannot silently drift from the model).
std::vector<LayerFlops> count_forward_flops(torch::nn::Module& model,
                                            const std::map<std::string, int64_t>& conv_input_side);

// The sum of `layers`' FLOPs: forward FLOPs per image.
double total_flops(const std::vector<LayerFlops>& layers);

// A training step costs forward + backward, and backward computes both the input gradient and the
// weight gradient of each layer, each as costly as the forward product: 3 × forward (the usual
// convention; the first layer's unneeded input gradient is counted too).
inline constexpr double kTrainingStepFlopFactor = 3.0;

}  // namespace aerepro::bench
