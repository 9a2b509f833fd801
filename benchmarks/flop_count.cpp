#include "flop_count.h"

#include <set>
#include <stdexcept>

namespace aerepro::bench {
namespace {

std::string side_text(int64_t side) {
  return std::to_string(side) + "x" + std::to_string(side);
}

int64_t input_side_of(const std::string& name, const std::map<std::string, int64_t>& plan) {
  const auto it = plan.find(name);
  if (it == plan.end()) {
    throw std::invalid_argument("count_forward_flops: conv '" + name +
                                "' has no input side in the model's shape plan");
  }
  return it->second;
}

}  // namespace

std::vector<LayerFlops> count_forward_flops(torch::nn::Module& model,
                                            const std::map<std::string, int64_t>& conv_input_side) {
  torch::NoGradGuard no_grad;
  std::vector<LayerFlops> layers;
  std::set<std::string> convs_seen;
  for (const auto& item : model.named_modules()) {
    const std::string& name = item.key();
    torch::nn::Module& module = *item.value();
    if (auto* linear = module.as<torch::nn::Linear>()) {
      const auto out = linear->weight.size(0), in = linear->weight.size(1);
      const double bias = linear->bias.defined() ? static_cast<double>(out) : 0.0;
      layers.push_back({name, "linear", std::to_string(in) + "->" + std::to_string(out),
                        2.0 * static_cast<double>(in * out) + bias});
    } else if (auto* conv = module.as<torch::nn::Conv2d>()) {
      const int64_t side = input_side_of(name, conv_input_side);
      const auto& w = conv->weight;  // (out, in/groups, kh, kw)
      const auto output = conv->forward(torch::zeros({1, w.size(1), side, side}, w.options()));
      const double pixels = static_cast<double>(output.size(2) * output.size(3));
      const double bias = conv->bias.defined() ? static_cast<double>(w.size(0)) * pixels : 0.0;
      layers.push_back({name, "conv2d",
                        std::to_string(w.size(1)) + "->" + std::to_string(w.size(0)) + " k" +
                            std::to_string(w.size(2)) + " @" + side_text(side) + "->" +
                            side_text(output.size(2)),
                        2.0 * static_cast<double>(w.numel()) * pixels + bias});
      convs_seen.insert(name);
    } else if (auto* deconv = module.as<torch::nn::ConvTranspose2d>()) {
      const int64_t side = input_side_of(name, conv_input_side);
      const auto& w = deconv->weight;  // (in, out/groups, kh, kw)
      const auto output = deconv->forward(torch::zeros({1, w.size(0), side, side}, w.options()));
      const double in_pixels = static_cast<double>(side * side);
      const double out_pixels = static_cast<double>(output.size(2) * output.size(3));
      const double bias =
          deconv->bias.defined() ? static_cast<double>(output.size(1)) * out_pixels : 0.0;
      layers.push_back({name, "conv_transpose2d",
                        std::to_string(w.size(0)) + "->" + std::to_string(output.size(1)) + " k" +
                            std::to_string(w.size(2)) + " @" + side_text(side) + "->" +
                            side_text(output.size(2)),
                        2.0 * static_cast<double>(w.numel()) * in_pixels + bias});
      convs_seen.insert(name);
    }
  }
  for (const auto& entry : conv_input_side) {
    if (convs_seen.count(entry.first) == 0) {
      throw std::invalid_argument("count_forward_flops: the shape plan names '" + entry.first +
                                  "', which is not a conv of the model");
    }
  }
  return layers;
}

double total_flops(const std::vector<LayerFlops>& layers) {
  double sum = 0;
  for (const auto& layer : layers) sum += layer.flops;
  return sum;
}

}  // namespace aerepro::bench
