#include "claims/s2/picture_measures.h"

#include "claims/s2/support.h"

namespace aerepro::claims::s2 {

namespace {

constexpr int64_t kBrightestPixels = 78;  // 10 % of 784
constexpr double kInStroke = 0.5;         // a pixel of the digit's stroke: value > 0.5

torch::Tensor flat64(const torch::Tensor& images) {
  return images.reshape({images.size(0), -1}).to(torch::kFloat64);
}

}  // namespace

std::string variant_id(const std::string& id, bool as_made) {
  return id + (as_made ? "" : "_corrected");
}

torch::Tensor outputs_of(const analysis::TensorMap& map, const torch::Tensor& images) {
  torch::NoGradGuard no_grad;
  return map(images);
}

torch::Tensor as_displayed(const torch::Tensor& images) {
  torch::NoGradGuard no_grad;
  const auto x = flat64(images);
  const auto lo = std::get<0>(x.min(1, true));
  const auto range = std::get<0>(x.max(1, true)) - lo;
  const auto scaled = (x - lo) / range.clamp_min(1e-300);
  return torch::where(range > 0, scaled, torch::zeros_like(scaled)).reshape(images.sizes());
}

torch::Tensor displayed_contrast(const torch::Tensor& images) {
  return flat64(as_displayed(images)).std(1, /*unbiased=*/false).cpu();
}

torch::Tensor displayed_intensity(const torch::Tensor& images) {
  return std::get<0>(flat64(as_displayed(images)).topk(kBrightestPixels, 1)).mean(1).cpu();
}

torch::Tensor displayed_border_mean(const torch::Tensor& images, int64_t width) {
  const auto shown = as_displayed(images).reshape({images.size(0), 28, 28});
  auto band = torch::ones({28, 28}, shown.options().dtype(torch::kBool));
  band.narrow(0, width, 28 - 2 * width).narrow(1, width, 28 - 2 * width).fill_(false);
  return shown.index({torch::indexing::Slice(), band}).mean(1).cpu();
}

double hole_share(const torch::Tensor& outputs, const torch::Tensor& clean) {
  torch::NoGradGuard no_grad;
  const auto stroke = flat64(clean).gt(kInStroke);
  const auto zero = flat64(outputs).eq(0.0);
  return stroke.logical_and(zero).sum().item<double>() / std::max(1.0, stroke.sum().item<double>());
}

torch::Tensor digit_class_means(ClaimContext& ctx) {
  const auto& train = mnist(ctx, data::Split::train);
  const auto x = flat64(train.images).cpu();
  const auto labels = train.labels.cpu();
  auto means = torch::zeros({10, x.size(1)}, x.options());
  for (int64_t d = 0; d < 10; ++d) means[d] = x.index({labels.eq(d)}).mean(0);
  return means;
}

torch::Tensor class_mean_correlations(const torch::Tensor& images, const torch::Tensor& means) {
  torch::NoGradGuard no_grad;
  const auto centred = [](const torch::Tensor& v) {
    const auto c = v - v.mean(1, true);
    return c / c.norm(2, 1, true).clamp_min(1e-12);
  };
  return centred(flat64(images).cpu()).matmul(centred(means).t());
}

torch::Tensor digit_likeness(const torch::Tensor& images, const torch::Tensor& means) {
  return std::get<0>(class_mean_correlations(images, means).max(1));
}

torch::Tensor nearest_class_mean_label(const torch::Tensor& images, const torch::Tensor& means) {
  return class_mean_correlations(images, means).argmax(1);
}

double digit_like_bar(ClaimContext& ctx, const torch::Tensor& means) {
  return digit_likeness(test_images(ctx), means).quantile(0.1).item<double>();
}

double digit_like_share(const torch::Tensor& images, const torch::Tensor& means, double bar) {
  return digit_likeness(images, means).ge(bar).to(torch::kFloat64).mean().item<double>();
}

}  // namespace aerepro::claims::s2
