// S2.9: the three convolutional AEs' training losses.
#include "claims/s2/support.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace aerepro::claims::s2 {
namespace {

const std::vector<models::ConvDecoder> kDecoders{models::ConvDecoder::unpool_conv,
                                                 models::ConvDecoder::deconv,
                                                 models::ConvDecoder::unpool_deconv};
const char* const kNames[] = {"a_unpool_conv", "b_deconv", "c_unpool_deconv"};

// One conv AE's losses under the metric names the claim asserts.
void add_losses(std::vector<Measurement>& out, size_t i, double first, double last,
                double printed_first, double printed_final) {
  out.push_back({fmt::format("{}_final_loss", kNames[i]), last, printed_final});
  out.push_back({fmt::format("{}_first_epoch_loss", kNames[i]), first, printed_first});
  out.push_back({fmt::format("{}_final_over_first_epoch_loss", kNames[i]), last / first});
}

}  // namespace

Claim conv_aes_reach_low_loss() {
  Claim c;
  c.id = "s2.conv_aes_reach_low_loss";
  c.origin = ClaimOrigin::harness;
  c.source = "S2.9";
  c.sentence =
      "The harness's own check of S2's printed losses (S2's conv section has no text, "
      "002:2021-2254): the three conv AEs of S2.9 (shared 3-conv encoder; decoders (a) unpooling + "
      "conv, "
      "(b) transposed convs, (c) unpooling + stride-1 transposed convs), Adam 1e-3, batch 256, "
      "5 epochs, reach a low training MSE: (a) 0.0085 after 5 epochs, (b) 0.0427 in the first "
      "epoch. Asserted (full): (a) final loss < 0.0085 (the source's figure), (b) first-epoch "
      "loss < 0.0427 (the source's figure), (c) final loss < 0.0085 (no source figure: held to "
      "its sibling (a)'s).";
  // The +25 % tolerance lets a loss above the printed figure pass: it can only favour the
  // claim. Nothing else departs (training losses only; S2.9 feeds [0,1] pixels).
  c.departures[Profile::full] = {
      "training losses only: S2's evaluation slip does not enter (S2.9's loader feeds [0,1] "
      "pixels, 002:2044); model initialisation and batch order follow the run's seed (the "
      "source ran once); S2 printed single figures, so each is held with a tolerance of +25 % "
      "(a faithful rerun lands above or below one printed figure by chance): (a) final "
      "< 0.0085 x 1.25, (b) first epoch < 0.0427 x 1.25, (c) final < 0.0085 x 1.25 "
      "((c) has no printed figure: held to its sibling (a)'s); each judged by the share of "
      "seeds meeting its bar (more than half, exact sign test), not by the mean, since a run "
      "whose output collapses to zero is an outlier no mean survives. The tolerance lets a "
      "loss up to a quarter above the printed figure pass: it can only favour the claim",
      Bias::easier};
  c.departures[Profile::ci] = {
      "2 epochs of a seeded 10,000-image subset of MNIST train (80 steps instead of 1,175): "
      "ci cannot test the printed losses on 2 CPU cores, so it asserts only that each AE "
      "trains: its second epoch's mean loss below half its first's",
      Bias::unknown,
      {{WhyUnknown::full_profile_undoes_it,
        "ci asserts another quantity (that each AE trains at all); full holds the printed "
        "losses"}}};
  c.departures[Profile::smoke] = kSmoke;
  // Judged by the share of seeds reaching each bar (issue 34): a run either trains (about 0.007)
  // or its output collapses to zero (0.112), so the mean measures the collapse rate, not whether
  // a run reaches low loss. "Reaches low loss" of a typical run: more than half the runs (0.5).
  c.assertions = {by_share({"a_unpool_conv_final_loss", Comparison::less, std::nullopt,
                            0.0085 * 1.25, 0.0085, ""}),
                  by_share({"b_deconv_first_epoch_loss", Comparison::less, std::nullopt,
                            0.0427 * 1.25, 0.0427, ""}),
                  by_share({"c_unpool_deconv_final_loss", Comparison::less, std::nullopt,
                            0.0085 * 1.25, std::nullopt, ""}),
                  {"a_unpool_conv_final_over_first_epoch_loss", Comparison::less, 0.5, std::nullopt,
                   std::nullopt, ""},
                  {"b_deconv_final_over_first_epoch_loss", Comparison::less, 0.5, std::nullopt,
                   std::nullopt, ""},
                  {"c_unpool_deconv_final_over_first_epoch_loss", Comparison::less, 0.5,
                   std::nullopt, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, conv_schedule());
    const auto& decoders = kDecoders;
    const double printed_final[] = {0.0085, NAN, NAN};
    // S2's printed per-epoch losses of (a) (002:2247-2251); (b) has its first epoch only.
    add_printed_curve(ctx, "S2.9 conv AE unpool_conv train (report, printed)",
                      {0.0429, 0.0142, 0.0114, 0.0095, 0.0085});
    const double printed_first[] = {0.0429, 0.0427, NAN};
    std::vector<Measurement> out;
    for (size_t i = 0; i < decoders.size(); ++i) {
      auto trained = train_on_schedule(ctx, recipes::conv_autoencoder(decoders[i]), conv_schedule(),
                                       data, "S2.9 conv AE " + models::to_string(decoders[i]));
      auto& model = trained.model;
      const auto& h = trained.history;
      const double first = h.epochs.front().train_loss;
      const double last = h.final_train_loss();
      add_losses(out, i, first, last, printed_first[i], printed_final[i]);
      // An all-zero output (the output ReLU died) has the loss of predicting 0: flag it per seed.
      torch::NoGradGuard no_grad;
      const auto sample = data.inputs.narrow(0, 0, std::min<int64_t>(1000, data.size()));
      out.push_back(
          {fmt::format("{}_output_collapsed_to_zero", kNames[i]),
           model->forward(sample).reconstruction.max().item<double>() == 0.0 ? 1.0 : 0.0});
    }
    return out;
  };
  // A net that never trained reaches no low loss and its loss does not fall: the loss it starts
  // from stands for its first and its final epoch. No model is trained.
  c.control.stands_in =
      "the three conv AEs initialised only (same recipe and seed, never trained): their loss on "
      "1,000 training images stands for every epoch's, so it is not low and does not fall";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, conv_schedule());
    std::vector<Measurement> out;
    for (size_t i = 0; i < kDecoders.size(); ++i) {
      const double loss = untrained_loss(ctx, recipes::conv_autoencoder(kDecoders[i]), data,
                                         kControlLossImages, train::Corruption::none());
      add_losses(out, i, loss, loss, NAN, NAN);
    }
    return out;
  };
  return c;
}

}  // namespace aerepro::claims::s2
