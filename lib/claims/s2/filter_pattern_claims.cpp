// S2.5/S2.6: "in the standard AE there seems some pattern in the center, while in the sparse AE
// there is not visible pattern" (002_3b48a90cb75fa7d6.txt:1470), read as how smooth the first
// layer's filters are in the image's centre.
#include "claims/s2/support.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

namespace aerepro::claims::s2 {
namespace {

const std::vector<double> kPatternLambdas{0.6e-6, 1.5e-6, 4e-6};  // S2.6
constexpr int64_t kCentreSide = 14;                               // the central 14 x 14 pixels

// (H) per filter of an encoder weight (H, 784): the correlation of horizontally and vertically
// adjacent weights inside the central 14 x 14 pixels. A weight initialised at random and left
// untouched has none (about 0); a filter that has learned strokes is smooth (above 0).
torch::Tensor centre_smoothness(const torch::Tensor& weight) {
  torch::NoGradGuard no_grad;
  const int64_t lo = (28 - kCentreSide) / 2;
  const auto w = weight.detach()
                     .to(torch::kCPU, torch::kFloat64)
                     .reshape({weight.size(0), 28, 28})
                     .narrow(1, lo, kCentreSide)
                     .narrow(2, lo, kCentreSide);
  const auto corr = [](const torch::Tensor& a, const torch::Tensor& b) {
    const auto x = a.flatten(1) - a.flatten(1).mean(1, true);
    const auto y = b.flatten(1) - b.flatten(1).mean(1, true);
    return (x * y).sum(1) / (x.norm(2, 1) * y.norm(2, 1)).clamp_min(1e-300);
  };
  const auto horizontal = corr(w.narrow(2, 0, kCentreSide - 1), w.narrow(2, 1, kCentreSide - 1));
  const auto vertical = corr(w.narrow(1, 0, kCentreSide - 1), w.narrow(1, 1, kCentreSide - 1));
  return (horizontal + vertical) / 2.0;
}

// The asserted gap: the standard AE's mean centre smoothness minus the largest of the sparse
// AEs', and the evidence (each model's mean over its filters and its filter 0, the one shown).
std::vector<Measurement> pattern_gap(models::ShallowAutoencoder& standard,
                                     std::vector<models::ShallowAutoencoder>& sparse) {
  const auto s = centre_smoothness(standard->encoder->weight);
  double most_sparse = -1.0;
  std::vector<Measurement> evidence{
      {"centre_smoothness_standard_ae_256", mean_of(s)},
      {"centre_smoothness_filter_0_standard_ae_256", s[0].item<double>()}};
  for (size_t i = 0; i < sparse.size(); ++i) {
    const auto p = centre_smoothness(sparse[i]->encoder->weight);
    most_sparse = std::max(most_sparse, mean_of(p));
    const auto tag = fmt_g(kPatternLambdas[i]);
    evidence.push_back({"centre_smoothness_sparse_lambda_" + tag, mean_of(p)});
    evidence.push_back({"centre_smoothness_filter_0_sparse_lambda_" + tag, p[0].item<double>()});
  }
  std::vector<Measurement> out{
      {"standard_minus_most_patterned_sparse_centre_smoothness", mean_of(s) - most_sparse}};
  out.insert(out.end(), evidence.begin(), evidence.end());
  return out;
}

}  // namespace

Claim standard_filters_patterned_sparse_not() {
  Claim c;
  c.id = "s2.standard_filters_patterned_sparse_not";
  c.source = "S2.5, S2.6";
  c.sentence =
      "002:1470 'in the standard AE there seems some pattern in the center, while in the sparse "
      "AE there is not visible pattern': the first-layer filters of S2.3's standard x = 256 AE "
      "(the report's model_256) show more pattern in the image's centre than those of S2.6's "
      "sparse AEs (784-1156-784, lambda in {0.6e-6, 1.5e-6, 4e-6}). Our reading, declared "
      "before any run: a filter's pattern in the centre = the correlation of adjacent weights "
      "(horizontal and vertical neighbours, averaged) inside the central 14 x 14 pixels, about "
      "0 for weights left at their random initialisation; taken as the mean over each model's "
      "filters (S2 drew filter 0 of each, recorded beside it). Asserted: the standard AE's mean "
      "minus the largest of the three sparse AEs' > 0.";
  c.departures[Profile::full] = {
      "weights only: S2's evaluation slip (0-255 inputs) does not enter; S2 showed filter 0 of "
      "each model, we take the mean over all filters; " +
          std::string("S2's sparse training cell is cut off (002:1076): the MSE + L1 loss and "
                      "Adam 3e-4 are read from what is shown; S2's x-AE training cell is hidden "
                      "(002:593); both cells' printed losses lie inside our seeds' intervals "
                      "(but one sparse first epoch, 1 % above), so they pick these readings; "
                      "the proxy and its bar (> 0) are ours; model initialisation and batch "
                      "order follow the run's seed (the source ran once)"),
      Bias::unknown,
      {no_measure_for("'some pattern in the center' against 'not visible pattern' (002:1470, "
                      "judged by eye on filter 0 of each model)")}};
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      "the standard AE as trained in ci (5 of 10 epochs, all images), the sparse AEs as in ci "
      "(3 of 5 epochs on 10,000 images): less trained filters on both sides, in an unknown "
      "balance; same threshold");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{"standard_minus_most_patterned_sparse_centre_smoothness", Comparison::greater,
                   0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto clean_data = training_images(ctx, undercomplete_schedule());
    auto standard = undercomplete_ae(ctx, clean_data, 256);
    const auto data = training_images(ctx, sparse_schedule());
    std::vector<models::ShallowAutoencoder> sparse;
    for (const double lambda : kPatternLambdas) {
      sparse.push_back(train_on_schedule(ctx, recipes::sparse_autoencoder(lambda),
                                         sparse_schedule(), data,
                                         "S2.6 sparse AE lambda=" + fmt_g(lambda))
                           .model);
    }
    return pattern_gap(standard.model, sparse);
  };
  c.control.stands_in =
      "the standard and sparse AEs initialised only (same recipes and seed, never trained): "
      "filters that have learned nothing show no pattern on either side";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    auto standard = initialised_only(ctx, recipes::undercomplete_autoencoder(256));
    std::vector<models::ShallowAutoencoder> sparse;
    for (const double lambda : kPatternLambdas)
      sparse.push_back(initialised_only(ctx, recipes::sparse_autoencoder(lambda)));
    auto all = pattern_gap(standard, sparse);
    all.resize(1);
    return all;
  };
  return c;
}

}  // namespace aerepro::claims::s2
