// S0's batch norm (000:49-58): "we increase the training speed by significantly reducing the
// number of training epochs" (000:51) and "thus increasing the speed of training as well as
// stabilising the neural network" (000:58). S0 states both as background and trains no model
// without batch norm. Here the conv DAE of S0.3-S0.5 (its three BatchNorm2d layers, 000:341,
// 000:393, 000:397) is set beside the same model without them, on the same seed: the same
// initial weights in every other layer (a BatchNorm2d draws nothing), split, noise draws and
// batches. The model with batch norm is the S0 claims' conv DAE (its checkpoint and per-epoch
// history, reused); only the model without it trains anew.
#include "claims/s0/batch_norm_claims.h"

#include "claims/claim_support.h"
#include "claims/s0/support.h"
#include "recipes/s0_recipes.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace aerepro::claims::s0 {  // per source: unity builds join these files
namespace {

// The epochs both models' training losses are compared over: S0's 30 (000:572) in full; ci
// trains the model without batch norm 3 epochs only; smoke: its one epoch.
int64_t compared_epochs(Profile profile) {
  return PerProfile<int64_t>{conv_dae_setup(Profile::smoke).epochs, 3,
                             recipes::conv_denoising_autoencoder().training.epochs}(profile);
}

// The S0 claims' conv DAE as trained_conv_dae keys it (s0/support.cpp): its label and key note.
constexpr const char* kWithBatchNormLabel = "S0.5 conv DAE";
constexpr const char* kWithoutBatchNormLabel = "S0.5 conv DAE without batch norm";

// S0's `train_loss` per epoch (000:464-489: the mean over the epoch's batches of
// MSE(decoder(encoder(noisy)), clean), in train mode), the first `epochs`.
std::vector<double> train_losses(const train::TrainHistory& history, int64_t epochs) {
  std::vector<double> out;
  for (const auto& e : history.epochs) {
    if (static_cast<int64_t>(out.size()) < epochs) out.push_back(e.train_loss);
  }
  return out;
}

// The S0.1 split's training images of the run's seed (the set the S0 claims train on).
train::TrainData s0_split(ClaimContext& ctx) {
  return {untrained_conv_dae(ctx).train.images, {}};
}

// The first `epochs` epochs of the S0 claims' conv DAE (trained_conv_dae's checkpoint, the
// profile's epochs): from its finished checkpoint; where there is none yet and `epochs` fall
// short of its training, those epochs trained and kept for its training to continue from.
train::TrainHistory with_batch_norm_history(ClaimContext& ctx, const train::TrainData& data,
                                            int64_t epochs) {
  const auto recipe = recipes::conv_denoising_autoencoder();
  const auto trained_epochs = conv_dae_setup(ctx.profile).epochs;
  auto model = recipe.build(ctx.seed);
  model->to(ctx.device);
  const auto options = training_options(ctx, recipe.training, kWithBatchNormLabel, trained_epochs);
  const auto key = recipe.describe() + kConvDaeSplitKeyNote;
  if (epochs < trained_epochs) {
    return train_first_epochs_cached(*model, key, recipe.objective(model), data, options, ctx,
                                     epochs);
  }
  ClaimContext quiet = ctx;  // train_cached draws its loss curve; the claim draws its own
  quiet.artifacts = {};
  return train_cached(*model, key, recipe.objective(model), data, options, quiet);
}

struct LossCurves {
  std::vector<double> with_batch_norm, without_batch_norm;
};

// Both models' losses over the compared epochs, drawn on the loss-curve figure.
LossCurves loss_curves(ClaimContext& ctx) {
  const auto epochs = compared_epochs(ctx.profile);
  const auto data = s0_split(ctx);
  const auto with = with_batch_norm_history(ctx, data, epochs);
  record_loss_curve(ctx, fmt::format("{} seed {}", kWithBatchNormLabel, ctx.seed), with);
  const auto without = train_recipe(ctx, recipes::conv_denoising_autoencoder_without_batch_norm(),
                                    epochs, data, kWithoutBatchNormLabel, kConvDaeSplitKeyNote);
  return {train_losses(with, epochs), train_losses(without.history, epochs)};
}

// The controls' curves: the model with batch norm on both sides (no training, no figure).
LossCurves with_batch_norm_twice(ClaimContext& ctx) {
  const auto epochs = compared_epochs(ctx.profile);
  const auto losses = train_losses(with_batch_norm_history(ctx, s0_split(ctx), epochs), epochs);
  return {losses, losses};
}

// ------------------------------------------------------------------ speed (000:51, 000:58)

constexpr const char* kSpeedMetric = "bn_epochs_to_no_bn_final_loss_over_epochs";

// The epoch at which `losses` (one per epoch) first fall to `target`, linear between epochs: 1
// when the first epoch's loss is already there, losses.size() + 1 when they never get there.
double epochs_to_reach(const std::vector<double>& losses, double target) {
  for (size_t e = 0; e < losses.size(); ++e) {
    if (losses[e] > target) continue;
    if (e == 0) return 1.0;
    return static_cast<double>(e) + (losses[e - 1] - target) / (losses[e - 1] - losses[e]);
  }
  return static_cast<double>(losses.size()) + 1.0;
}

// The epochs the model with batch norm needs to reach the other's loss at the last compared
// epoch, over the compared epochs (below 1: fewer).
Measurement epochs_needed(const LossCurves& c) {
  const auto epochs = static_cast<double>(c.without_batch_norm.size());
  return {kSpeedMetric, epochs_to_reach(c.with_batch_norm, c.without_batch_norm.back()) / epochs};
}

// ---------------------------------------------------------------- stabilising (000:58)

constexpr const char* kSteadinessMetric = "bn_minus_no_bn_summed_loss_rises";

// Σ max(0, ln L_e - ln L_{e-1}) over the epochs: how far the training loss went up again.
double summed_loss_rises(const std::vector<double>& losses) {
  double sum = 0;
  for (size_t e = 1; e < losses.size(); ++e)
    sum += std::max(0.0, std::log(losses[e]) - std::log(losses[e - 1]));
  return sum;
}

double epochs_loss_rose(const std::vector<double>& losses) {
  double count = 0;
  for (size_t e = 1; e < losses.size(); ++e) count += losses[e] > losses[e - 1] ? 1 : 0;
  return count;
}

Measurement rises_difference(const LossCurves& c) {
  return {kSteadinessMetric,
          summed_loss_rises(c.with_batch_norm) - summed_loss_rises(c.without_batch_norm)};
}

// The set-up both claims share, after S0's seeding and reshuffled batches (s0_departures).
constexpr const char* kPairedSetup =
    "S0 trains no model without batch norm and measures neither statement (000:51 and 000:58 "
    "are background from reading). Here the conv DAE as S0 built it (BatchNorm2d after the "
    "encoder's second conv and the decoder's first two transposed convs, 000:341, 000:393, "
    "000:397) and the same model without those three layers train as S0.5 on the run's seed: "
    "the same split, initial weights of every other layer (a BatchNorm2d draws nothing), noise "
    "draws and batches, so only batch norm differs. ";

// ci: the model without batch norm trains 3 epochs and the comparison runs over those 3; the
// full profile's departures of unknown direction stay, with the shortening's own.
Departure ci_departure(const Claim& c, const std::string& text) {
  auto out =
      with_more(Departure{}, text, Bias::unknown, c.departure(Profile::full).unknown_because);
  out.unknown_because.push_back(
      {WhyUnknown::full_profile_undoes_it,
       "which way comparing the first 3 epochs instead of 30 moves the claim is not known; full "
       "compares the source's 30"});
  return out;
}

}  // namespace

Claim batch_norm_speeds_training() {
  Claim c;
  c.id = "s0.batch_norm_speeds_training";
  c.source = "S0.3, S0.4, S0.5";
  c.sentence =
      "'we increase the training speed by significantly reducing the number of training epochs' "
      "(000:51) and 'thus increasing the speed of training' (000:58), of batch norm: the conv "
      "DAE with its batch norm reaches the training loss the same model without batch norm has "
      "after S0's 30 epochs in fewer epochs (same seed, split, initial weights, noise and "
      "batches). The report gives no measure; read as, chosen before any run: the epochs the "
      "model with batch norm needs (linear between epochs) to reach the other's epoch-30 "
      "training loss, over 30, is below 1";
  S0Departures departures;
  departures.kmeans = false;
  departures.full_more =
      std::string(kPairedSetup) +
      "The report's words have no measure: read as, declared before any run, 'reducing the "
      "number of training epochs': the epochs the model with batch norm needs to reach the "
      "training loss (S0's train_loss, 000:489) the model without it has after 30 epochs, "
      "linear between epochs, over 30, below 1. 'Significantly' has no size in the report: the "
      "bar is 'fewer', the ratio says how many fewer. A run that never reaches it within its 30 "
      "epochs counts as 31/30, a lower bound of its ratio (towards the claim only where some "
      "seeds reach it and others do not)";
  departures.full_more_unknown = {
      {WhyUnknown::not_in_report,
       "'increase the training speed by significantly reducing the number of training epochs' "
       "(000:51) names no measure, no size and no loss to reach, and the report trains no model "
       "without batch norm: the epochs-to-reach ratio reads it, with no measure of the report's "
       "to run in its place"}};
  s0_departures(c, departures);
  c.departures[Profile::ci] = ci_departure(
      c,
      "as full, and: the model without batch norm trains 3 of the 30 epochs, and the comparison "
      "runs over those 3: the epochs the model with batch norm (the first 3 of its ci training, "
      "12 epochs, the same as the first 3 of a 30-epoch one) needs to reach the other's epoch-3 "
      "loss, over 3 (never within 3: 4/3). It says how fast the first 3 epochs go, where batch "
      "norm's gain may be larger or smaller than over 30");
  c.assertions = {{kSpeedMetric, Comparison::less, 1.0, 1.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto curves = loss_curves(ctx);
    return {epochs_needed(curves),
            {"epochs_compared", static_cast<double>(curves.without_batch_norm.size())},
            {"bn_train_loss_first_epoch", curves.with_batch_norm.front()},
            {"no_bn_train_loss_first_epoch", curves.without_batch_norm.front()},
            {"bn_train_loss_last_epoch", curves.with_batch_norm.back()},
            {"no_bn_train_loss_last_epoch", curves.without_batch_norm.back()}};
  };
  c.control.stands_in =
      "the model with batch norm raced against itself (its own loss at the last compared epoch; "
      "the same history, no training): no training reaches its own final loss in fewer epochs "
      "than it took (the ratio is 1 where the loss falls every epoch), so the ratio must not "
      "fall below 1; if it does, the loss has levelled off and the count of epochs says nothing "
      "of speed";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    return {epochs_needed(with_batch_norm_twice(ctx))};
  };
  return c;
}

Claim batch_norm_stabilises_training() {
  Claim c;
  c.id = "s0.batch_norm_stabilises_training";
  c.source = "S0.3, S0.4, S0.5";
  c.sentence =
      "'as well as stabilising the neural network' (000:58), of batch norm, which 000:54 says "
      "keeps the training from pursuing a 'moving target' whose 'weights … keep shifting': the "
      "conv DAE's training loss, with its batch norm, goes up again from epoch to epoch less "
      "than the same model's without it over S0's 30 epochs (same seed, split, initial weights, "
      "noise and batches). The report gives no measure; read as, chosen before any run: the "
      "summed rises of the log training loss, sum of max(0, ln L(e) - ln L(e-1)), with batch "
      "norm minus without, is below 0";
  S0Departures departures;
  departures.kmeans = false;
  departures.full_more =
      std::string(kPairedSetup) +
      "The report's words have no measure: read as, declared before any run, a steadier descent "
      "of the training loss (S0's train_loss, 000:489), since a training that pursues a moving "
      "target shows it as a loss that goes up again: the summed rises of its log from epoch to "
      "epoch over 30 epochs, with batch norm minus without, below 0. Where neither loss ever "
      "rises the difference is 0 and the claim fails: there was nothing to stabilise. Another "
      "reading, a smaller spread of the final loss over seeds, is not checked (one seed's "
      "measure cannot state it)";
  departures.full_more_unknown = {
      {WhyUnknown::not_in_report,
       "'stabilising the neural network' (000:58) names no measure, and the report trains no "
       "model without batch norm: the summed loss rises read it, with no measure of the "
       "report's to run in its place"}};
  s0_departures(c, departures);
  c.departures[Profile::ci] = ci_departure(
      c,
      "not asserted in ci: ci trains the model without batch norm 3 of the 30 epochs, whose two "
      "steps of steepest descent say nothing of how steadily a training settles; the values are "
      "recorded only (otherwise as full)");
  c.assertions = {{kSteadinessMetric, Comparison::less, std::nullopt, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto curves = loss_curves(ctx);
    return {rises_difference(curves),
            {"bn_summed_loss_rises", summed_loss_rises(curves.with_batch_norm)},
            {"no_bn_summed_loss_rises", summed_loss_rises(curves.without_batch_norm)},
            {"bn_epochs_loss_rose", epochs_loss_rose(curves.with_batch_norm)},
            {"no_bn_epochs_loss_rose", epochs_loss_rose(curves.without_batch_norm)}};
  };
  c.control.stands_in =
      "the model with batch norm against itself (the same history, no training): the difference "
      "is 0, so the statement must not hold; if it did, the measure would favour one side by "
      "construction";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    return {rises_difference(with_batch_norm_twice(ctx))};
  };
  return c;
}

}  // namespace aerepro::claims::s0
