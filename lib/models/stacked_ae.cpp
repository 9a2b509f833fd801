#include "models/stacked_ae.h"

#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace aerepro::models {

std::string describe(const StackedAutoencoderOptions& o) {
  std::string widths = std::to_string(o.input_dim);
  for (const auto width : o.levels) widths += "-" + std::to_string(width);
  return fmt::format("StackedAutoencoder {} relu, {}, level0 {} out, deeper {} out", widths,
                     o.glorot_uniform ? "glorot-uniform" : "default init",
                     to_string(o.first_output_activation), to_string(o.deeper_output_activation));
}

StackedAutoencoderImpl::StackedAutoencoderImpl(StackedAutoencoderOptions options)
    : options_(std::move(options)) {
  if (options_.levels.empty())
    throw std::invalid_argument("StackedAutoencoder: needs at least one level");
  int64_t input_dim = options_.input_dim;
  for (size_t i = 0; i < options_.levels.size(); ++i) {
    OneLevelAutoencoderOptions level_options;
    level_options.input_dim = input_dim;
    level_options.hidden = options_.levels[i];
    level_options.output_activation =
        i == 0 ? options_.first_output_activation : options_.deeper_output_activation;
    level_options.glorot_uniform = options_.glorot_uniform;
    levels_.push_back(
        register_module("level" + std::to_string(i), OneLevelAutoencoder(level_options)));
    input_dim = options_.levels[i];
  }
}

OneLevelAutoencoder StackedAutoencoderImpl::level(int64_t i) const {
  if (i < 0 || i >= num_levels()) {
    throw std::out_of_range("StackedAutoencoder: level " + std::to_string(i) + " of " +
                            std::to_string(num_levels()));
  }
  return levels_[static_cast<size_t>(i)];
}

torch::Tensor StackedAutoencoderImpl::encode(const torch::Tensor& images) {
  auto x = images;
  for (auto& level : levels_) x = level->encode(x);
  return x;
}

torch::Tensor StackedAutoencoderImpl::decode(const torch::Tensor& code) {
  auto x = code;
  for (auto it = levels_.rbegin(); it != levels_.rend(); ++it) x = (*it)->decode(x);
  return x;
}

AutoencoderOutput StackedAutoencoderImpl::forward(const torch::Tensor& images) {
  auto code = encode(images);
  auto reconstruction = decode(code).reshape(images.sizes());
  return {reconstruction, code, code};
}

}  // namespace aerepro::models
