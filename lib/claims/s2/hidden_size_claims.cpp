// S2.3/S2.4: the x-AEs: error against hidden size, and out-of-distribution inputs.
#include "claims/s2/support.h"
#include "common/compat.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

namespace aerepro::claims::s2 {
namespace {

// The S2.3 x-AEs (x = 64, 128, 256) initialised only: same recipe and seed, never trained.
std::vector<models::ShallowAutoencoder> untrained_x_aes(ClaimContext& ctx) {
  std::vector<models::ShallowAutoencoder> aes;
  for (const auto x : models::undercomplete_hidden_sizes())
    aes.push_back(initialised_only(ctx, recipes::undercomplete_autoencoder(x)));
  return aes;
}

// The asserted drop: the smaller of err64 - err128 and err128 - err256.
double min_error_drop(const std::vector<double>& err) {
  return std::min(err[0] - err[1], err[1] - err[2]);
}

// S2.4's inputs: MNIST test images, as many Fashion-MNIST test images (for KMNIST) and up to
// 1,000 uniform random images.
struct OodInputs {
  torch::Tensor mnist, fashion, uniform;
};
OodInputs ood_inputs(ClaimContext& ctx) {
  OodInputs in;
  in.mnist = test_images(ctx);
  const auto& fashion = fashion_mnist(ctx, data::Split::test);
  in.fashion = fashion.images.narrow(0, 0, std::min(in.mnist.size(0), fashion.size()));
  auto gen = compat::make_generator(ctx.device, ctx.seed + 2004);
  in.uniform =
      torch::rand({std::min<int64_t>(1000, in.mnist.size(0)), 1, 28, 28}, gen, in.mnist.options());
  return in;
}

// One x-AE's mean per-image errors on each kind of input.
struct OodErrors {
  double mnist, fashion, uniform;
};
OodErrors ood_errors(const analysis::TensorMap& r, const OodInputs& in) {
  return {mean_of(per_image_errors(r, in.mnist)), mean_of(per_image_errors(r, in.fashion)),
          mean_of(per_image_errors(r, in.uniform))};
}

// The asserted ratios: the smallest over x of OOD error / MNIST error, per OOD kind.
std::vector<Measurement> min_ood_ratios(const std::vector<OodErrors>& errors) {
  double fashion = std::numeric_limits<double>::infinity();
  double uniform = std::numeric_limits<double>::infinity();
  for (const auto& e : errors) {
    fashion = std::min(fashion, e.fashion / e.mnist);
    uniform = std::min(uniform, e.uniform / e.mnist);
  }
  return {{"min_ratio_fashion_over_mnist_error", fashion},
          {"min_ratio_uniform_over_mnist_error", uniform}};
}

}  // namespace

Claim error_falls_with_hidden_size() {
  Claim c;
  c.id = "s2.error_falls_with_hidden_size";
  c.source = "S2.3";
  c.sentence =
      "Single-hidden-layer AEs 784-x-784 (ReLU, Adam 3e-4, batch 256, 10 epochs) reconstruct the "
      "MNIST test set better as x grows over 64, 128, 256. Asserted: min(err64 - err128, "
      "err128 - err256) > 0 on the mean per-image test error.";
  // S2's x-AE training cell is hidden (002:593), but its printed losses lie inside our seeds'
  // intervals (this claim's record): they pick the reading, no bias.
  c.departures[Profile::full] = {
      kFull +
          "; S2's x-AE training cell is hidden (002:593): Adam 3e-4, batch 256, 10 epochs are "
          "read from its other cells and printout, and its printed losses (002:597-633, recorded "
          "beside ours) lie inside our seeds' intervals, so they pick this reading",
      Bias::unknown,
      {as_made_evaluation_not_run()}};
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      "5 of the 10 epochs (all 60,000 images); same threshold (> 0); which way shorter training "
      "moves the gaps between sizes is not known");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{"min_error_drop_64_128_256", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, undercomplete_schedule());
    std::vector<Trained<models::ShallowAutoencoder>> aes;
    for (const auto x : models::undercomplete_hidden_sizes())
      aes.push_back(undercomplete_ae(ctx, data, x));
    const auto test = test_images(ctx);
    const auto ten = source_images(ctx);
    std::vector<double> err;
    std::vector<Measurement> evidence;
    // S2's printed per-epoch losses of the x-AEs (002:597-606, 608-617, 619-633; x by the print
    // order, the training cell is hidden).
    const std::vector<std::vector<double>> printed_loss{
        {0.0543, 0.0261, 0.0195, 0.0168, 0.0152, 0.0141, 0.0133, 0.0127, 0.0123, 0.0120},
        {0.0423, 0.0164, 0.0117, 0.0098, 0.0088, 0.0082, 0.0078, 0.0074, 0.0072, 0.0070},
        {0.0328, 0.0107, 0.0078, 0.0065, 0.0058, 0.0053, 0.0049, 0.0047, 0.0045, 0.0043}};
    for (size_t i = 0; i < aes.size(); ++i) {
      const auto x = models::undercomplete_hidden_sizes()[i];
      err.push_back(mean_of(per_image_errors(reconstruction_of(aes[i].model), test)));
      ctx.artifacts.add_point(FigureId::error_vs_hidden_size, "mean per-image test error",
                              static_cast<double>(x), err.back());
      evidence.push_back({fmt::format("mean_test_error_x{}", x), err.back()});
      evidence.push_back({fmt::format("mean_error_10_images_x{}", x),
                          mean_of(per_image_errors(reconstruction_of(aes[i].model), ten))});
      add_printed_curve(ctx, fmt::format("S2.3 AE x={} train (report, printed)", x),
                        printed_loss[i]);
      evidence.push_back({fmt::format("first_epoch_train_loss_x{}", x),
                          aes[i].history.epochs.front().train_loss, printed_loss[i].front()});
      evidence.push_back({fmt::format("final_train_loss_x{}", x), aes[i].history.final_train_loss(),
                          printed_loss[i].back()});
    }
    std::vector<Measurement> out{{"min_error_drop_64_128_256", min_error_drop(err)}};
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  // 002:758: if nets that never trained show the same ordering, it is no evidence of training.
  c.control.stands_in =
      "the three x-AEs initialised only (same recipe and seed, never trained): a hidden layer "
      "that has learned nothing captures no more details for being wider";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto test = test_images(ctx);
    std::vector<double> err;
    for (auto& ae : untrained_x_aes(ctx))
      err.push_back(mean_of(per_image_errors(reconstruction_of(ae), test)));
    return {{"min_error_drop_64_128_256", min_error_drop(err)}};
  };
  return c;
}

Claim ood_error_far_above_in_distribution() {
  Claim c;
  c.id = "s2.ood_error_far_above_in_distribution";
  c.source = "S2.4";
  c.sentence =
      "Non-digit inputs through the S2.3 x-AEs (x = 64, 128, 256) are reconstructed poorly: the "
      "mean per-image error on Fashion-MNIST test images (the source used KMNIST) and on uniform "
      "random images is far above the error on MNIST test images. Asserted, for each OOD kind: "
      "the smallest over x of OOD error / in-distribution error > 3 ('far above': larger than "
      "the whole in-distribution effect of a 4x hidden size, 0.0120/0.0043 = 2.8 in S2.3).";
  c.departures[Profile::full] = {
      kFull +
          "; Fashion-MNIST test images stand in for KMNIST (not obtainable offline); 1,000 "
          "uniform images on [0,1] for S2's one of integers 0-254 fed raw (002:953); the "
          "threshold 3 is ours (the source says 'poor')",
      Bias::unknown,
      {as_made_evaluation_not_run(),
       {WhyUnknown::not_runnable_here,
        "KMNIST (002:767): neither the Debian archive nor the npm registry ./ci/test draws on "
        "carries it, so the out-of-distribution digits are Fashion-MNIST's"},
       no_measure_for("'a poor reconstruction quality' (002:947, judged by eye, no error "
                      "printed)")}};
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      "as full, with the x-AEs of s2.error_falls_with_hidden_size as trained there (5 of 10 "
      "epochs); same threshold (3)");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"min_ratio_fashion_over_mnist_error", Comparison::greater, 3.0, 3.0, std::nullopt, ""},
      {"min_ratio_uniform_over_mnist_error", Comparison::greater, 3.0, 3.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data =
        training_images(ctx, undercomplete_schedule());  // before any other split (keys)
    std::vector<Trained<models::ShallowAutoencoder>> aes;
    for (const auto x : models::undercomplete_hidden_sizes())
      aes.push_back(undercomplete_ae(ctx, data, x));
    const auto in = ood_inputs(ctx);
    std::vector<OodErrors> errors;
    std::vector<Measurement> evidence;
    for (size_t i = 0; i < aes.size(); ++i) {
      const auto x = models::undercomplete_hidden_sizes()[i];
      const auto r = reconstruction_of(aes[i].model);
      const auto e = errors.emplace_back(ood_errors(r, in));
      const auto series = fmt::format("x={}", x);
      ctx.artifacts.add_point(FigureId::ood_error, series, "MNIST test", e.mnist);
      ctx.artifacts.add_point(FigureId::ood_error, series, "Fashion-MNIST test", e.fashion);
      ctx.artifacts.add_point(FigureId::ood_error, series, "uniform noise", e.uniform);
      if (i + 1 == aes.size()) {
        torch::NoGradGuard no_grad;
        const auto some_fashion = in.fashion.narrow(0, 0, 8);
        const auto some_uniform = in.uniform.narrow(0, 0, 8);
        ctx.artifacts.add_image_row(FigureId::ood_reconstructions, 0, "Fashion-MNIST",
                                    some_fashion);
        ctx.artifacts.add_image_row(FigureId::ood_reconstructions, 1, series + " AE",
                                    r(some_fashion));
        ctx.artifacts.add_image_row(FigureId::ood_reconstructions, 2, "uniform noise",
                                    some_uniform);
        ctx.artifacts.add_image_row(FigureId::ood_reconstructions, 3, series + " AE",
                                    r(some_uniform));
      }
      evidence.push_back({fmt::format("mnist_test_error_x{}", x), e.mnist});
      evidence.push_back({fmt::format("fashion_error_x{}", x), e.fashion});
      evidence.push_back({fmt::format("uniform_error_x{}", x), e.uniform});
    }
    auto out = min_ood_ratios(errors);
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  // 002:947: an AE that never trained on digits has no digits to be good at. Should its error
  // ratios pass too, they measure how much ink the inputs carry, not what the AE learned.
  c.control.stands_in =
      "the three x-AEs initialised only (same recipe and seed, never trained): a net that has "
      "learned no digits cannot reconstruct digits better than other images";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto in = ood_inputs(ctx);
    std::vector<OodErrors> errors;
    for (auto& ae : untrained_x_aes(ctx)) errors.push_back(ood_errors(reconstruction_of(ae), in));
    return min_ood_ratios(errors);
  };
  return c;
}

}  // namespace aerepro::claims::s2
