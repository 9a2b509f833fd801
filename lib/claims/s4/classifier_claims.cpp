// S4 (minor exam): on five Fashion-MNIST classes, a CNN against an autoencoder classifier.
#include "claims/s4/claims.h"
#include "claims/s4/support.h"
#include "models/ae_classifier.h"
#include "models/fashion_cnn.h"
#include "recipes/s4_recipes.h"

#include <fmt/format.h>

namespace aerepro::claims::s4 {
namespace {

// Every way the full profile's method may differ from the report's (inventory/s4.csv;
// docs/findings/s4.md): the report has no code listing, so what its prose leaves open is read.
constexpr const char* kDepartureFull =
    "the report ran once; model initialisation, the augmentation's uniform noise and the batch "
    "order follow the run's seed. Readings of what 004 leaves unstated, direction unknown: "
    "pixels scaled to [0,1] with no Normalize (004:46 says only 'converted into Torch format "
    "Tensors'; the printed AE loss 0.544 -> 0.516 is worse than an all-zero output on [0,1] "
    "inputs, 0.434, and fits inputs normalised to [-1,1], where U[0,1) noise is half as strong "
    "relative to the pixel range — so the report's classifiers probably trained on milder noise "
    "than ours); MaxPool kernel 2, stride 2, padding 0 (004:100 gives 'stride = 2, padding = 2' "
    "and no kernel: kernel 5 or 6 with padding 2 also yields the printed 64x10x10 flatten); He "
    "initialisation on every weight, the output layer included, with zero biases (004:101 names "
    "'the Conv layers and the FC layer', biases unstated); batches reshuffled each epoch "
    "(shuffling unstated; the set is stacked in four quarters); fresh noise for the flipped "
    "quarter (004:59 reads as the noisy originals flipped). The AE classifier's encoder is "
    "freshly initialised (004:250 'another AutoEncoder object'), so S4.3's trained AE enters no "
    "claim. The printed training losses and accuracies are recorded beside ours as evidence";

// Why the full profile's bias stays unknown: each reading above is a variant that could be run
// (the scale's, pooling's and order's first epochs run in
// s4.printed_first_epochs_pick_the_reading), none yet for 15 epochs. A reading retrains both
// classifiers (the pooling, the CNN only): 15 CNN epochs of 120,000 images at 550-615 s each on one
// thread (docs/measurements.md) and the AE classifier's 15.
std::vector<UnknownBias> full_unknowns() {
  const std::string cost = " (both classifiers retrained: about 2.5 core-hours a seed)";
  return {{WhyUnknown::variant_not_run,
           "pixels normalised to [-1,1] (004:46 names no scaling; the printed AE loss fits it; its "
           "first epochs run in s4.printed_first_epochs_pick_the_reading)" +
               cost},
          {WhyUnknown::variant_not_run,
           "MaxPool kernel 5 or 6 with padding 2 (004:100 gives stride and padding, no kernel; the "
           "CNN retrained for each: about 2.4 core-hours a seed)"},
          {WhyUnknown::variant_not_run,
           "PyTorch's default initialisation of the biases and the output layer (004:101 names "
           "only the Conv and FC layers' He initialisation)" +
               cost},
          {WhyUnknown::variant_not_run,
           "batches in the stacked order, originals, flips, noisy, noisy flips (004:48-53, "
           "shuffling unstated)" +
               cost},
          {WhyUnknown::variant_not_run,
           "the flipped quarter's noise as the noisy originals flipped (004:59)" + cost +
               "; 5 declared seeds make each of these about 12 core-hours at one thread"}};
}

Departure departure_full() {
  return {kDepartureFull, Bias::unknown, full_unknowns()};
}

// S4's two classifiers trained and measured once per seed; both claims read them (the second
// loads the first's checkpoints).
struct FashionResults {
  double cnn_accuracy = 0, classifier_accuracy = 0;
  double cnn_train_accuracy = 0, classifier_train_accuracy = 0;
  train::TrainHistory cnn_history, classifier_history;
};

FashionResults train_and_measure(ClaimContext& ctx) {
  const auto setup = fashion_setup(ctx.profile);
  const Reading reading = plausible_readings().front();  // the reading run so far
  const auto data = fashion_data(ctx, reading.pixels);
  const auto& train = data.train;
  const auto& test = data.test;

  // S4.2: the CNN, cross-entropy, Adam 1e-3, batch 100.
  auto cnn_recipe = recipes::fashion_cnn();
  cnn_recipe.model = reading.cnn();
  auto cnn = train_recipe(ctx, cnn_recipe, setup.cnn_epochs, {train.images, train.labels},
                          "S4.2 CNN", data.key_note);
  // S4.4: a freshly initialised S4.3 encoder (ReLU code) + FC head, cross-entropy, all trained.
  auto classifier = train_recipe(ctx, recipes::autoencoder_classifier(), setup.classifier_epochs,
                                 {train.images, train.labels}, "S4.4 AE classifier", data.key_note);
  const analysis::TensorMap cnn_logits = [&](const torch::Tensor& x) {
    return cnn.model->forward(x);
  };
  const analysis::TensorMap classifier_logits = [&](const torch::Tensor& x) {
    return classifier.model->forward(x);
  };
  FashionResults r;
  r.cnn_accuracy = accuracy(cnn_logits, test);
  r.classifier_accuracy = accuracy(classifier_logits, test);
  // Over all 120,000 training images: measured once per trained model, kept beside its
  // checkpoint (a rerun from checkpoints does not measure it again).
  r.cnn_train_accuracy = measured_once(ctx, cnn.description, "train_accuracy",
                                       [&] { return accuracy(cnn_logits, train); });
  r.classifier_train_accuracy = measured_once(ctx, classifier.description, "train_accuracy",
                                              [&] { return accuracy(classifier_logits, train); });
  r.cnn_history = cnn.history;
  r.classifier_history = classifier.history;
  ctx.artifacts.add_point(FigureId::test_accuracy, "CNN (S4.2)", "test accuracy", r.cnn_accuracy);
  ctx.artifacts.add_point(FigureId::test_accuracy, "AE classifier (S4.4)", "test accuracy",
                          r.classifier_accuracy);
  ctx.artifacts.add_point(FigureId::test_accuracy, "report", "CNN (S4.2)", 0.9792);
  ctx.artifacts.add_point(FigureId::test_accuracy, "report", "AE classifier (S4.4)", 0.9712);
  add_printed_curve(ctx, "S4.2 CNN (report, printed)", kPrintedCnnLoss);
  add_printed_curve(ctx, "S4.4 AE classifier (report, printed)", kPrintedClassifierLoss);
  return r;
}

// The evidence both claims show: accuracies and the printed curves' ends against ours.
std::vector<Measurement> evidence(const FashionResults& r) {
  return {{"cnn_test_accuracy", r.cnn_accuracy, 0.9792},
          {"ae_classifier_test_accuracy", r.classifier_accuracy, 0.9712},
          {"cnn_first_epoch_train_loss",
           r.cnn_history.epochs.empty() ? std::nan("") : r.cnn_history.epochs.front().train_loss,
           kPrintedCnnLoss.front()},
          {"cnn_final_train_loss", r.cnn_history.final_train_loss(), kPrintedCnnLoss.back()},
          {"ae_classifier_first_epoch_train_loss",
           r.classifier_history.epochs.empty() ? std::nan("")
                                               : r.classifier_history.epochs.front().train_loss,
           kPrintedClassifierLoss.front()},
          {"ae_classifier_final_train_loss", r.classifier_history.final_train_loss(),
           kPrintedClassifierLoss.back()},
          // 004:134 and 004:273 print the running accuracy over the last epoch; ours is the
          // trained model's on the same 120,000 images after it (not the same quantity).
          {"cnn_train_accuracy_after_training", r.cnn_train_accuracy, 0.9885},
          {"ae_classifier_train_accuracy_after_training", r.classifier_train_accuracy, 0.9856}};
}

// The negative control of both claims (issue 33): the two classifiers as 004's recipes build
// them for the seed, before any training step, on the same test set — near chance (1 in 5),
// where neither "above 97 %" nor a trained CNN's lead can hold. Needs no trained model.
constexpr const char* kUntrainedClassifiers =
    "the CNN and the AE classifier as initialised for the seed, untrained (near chance, 20 %)";

FashionResults untrained_classifiers(ClaimContext& ctx) {
  const Reading reading = plausible_readings().front();
  const auto data = fashion_data(ctx, reading.pixels);
  auto cnn_recipe = recipes::fashion_cnn();
  cnn_recipe.model = reading.cnn();
  auto cnn = initialised_only(ctx, cnn_recipe);
  auto classifier = initialised_only(ctx, recipes::autoencoder_classifier());
  FashionResults r;
  r.cnn_accuracy = accuracy([&](const torch::Tensor& x) { return cnn->forward(x); }, data.test);
  r.classifier_accuracy =
      accuracy([&](const torch::Tensor& x) { return classifier->forward(x); }, data.test);
  return r;
}

// The ci set-up in words, from fashion_setup (declared once there); the full profile's
// departures of unknown direction stay beside `bias` where it keeps them, with ci's own.
Departure departure_ci(Bias bias, const std::string& more) {
  const FashionSetup ci = fashion_setup(Profile::ci);
  const FashionSetup full = fashion_setup(Profile::full);
  Departure out{
      fmt::format(
          "as full, and: trains on {} of the {} original images (augmented x4 to {} of {}); the "
          "CNN trains {} of {} epochs, the AE classifier {} of {}; the full {}-image test set{}",
          ci.originals, full.originals, 4 * ci.originals, 4 * full.originals, ci.cnn_epochs,
          full.cnn_epochs, ci.classifier_epochs, full.classifier_epochs, ci.test_images, more),
      bias,
      {}};
  if (bias == Bias::unknown || bias == Bias::easier) {
    out.unknown_because = full_unknowns();
    out.unknown_because.push_back(
        {WhyUnknown::full_profile_undoes_it,
         "which way the short training moves both models' accuracies is not known"});
  }
  return out;
}

const Departure kSmoke{
    "wiring only: 500 images, 1 epoch each; its numbers mean nothing",
    Bias::unknown,
    {{WhyUnknown::full_profile_undoes_it, "smoke only checks the wiring and gives no verdict"}}};

}  // namespace

// 004_c0f2a3951a22513d.txt:288-291 sets the two test accuracies side by side (CNN 97.92, AE
// classifier 97.12; each first printed at :143 and :282).
Claim cnn_beats_ae_classifier() {
  Claim c;
  c.id = "s4.cnn_beats_ae_classifier";
  c.origin = ClaimOrigin::report;
  c.source = "S4.1, S4.2, S4.4, S4.5";
  c.sentence =
      "on Fashion-MNIST classes {1,3,5,7,9} (flip and uniform-noise augmentation), the CNN's "
      "test accuracy is higher than the autoencoder classifier's (004 prints them side by side "
      "under 'Comparison between the Test Accuracies': CNN 97.92 %, AE classifier 97.12 %; the "
      "order is our reading of the printed numbers, the report draws no conclusion in words)";
  c.departures[Profile::full] = departure_full();
  c.departures[Profile::ci] =
      departure_ci(Bias::unknown,
                   "; the comparison is asserted as in full. Short training changes both models' "
                   "accuracies, direction unknown");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"cnn_minus_ae_classifier_accuracy", Comparison::greater, 0.0, 0.0, 0.9792 - 0.9712, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto r = train_and_measure(ctx);
    auto out = evidence(r);
    out.insert(out.begin(), {"cnn_minus_ae_classifier_accuracy",
                             r.cnn_accuracy - r.classifier_accuracy, 0.9792 - 0.9712});
    return out;
  };
  c.control.stands_in = kUntrainedClassifiers;
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto r = untrained_classifiers(ctx);
    return {{"cnn_minus_ae_classifier_accuracy", r.cnn_accuracy - r.classifier_accuracy}};
  };
  return c;
}

// The brief's fourth headline check, beside the report's own statement (004 sets no bar).
// The brief's check; 004 prints the accuracies (004_c0f2a3951a22513d.txt:143, :282) and no bar.
Claim both_classifiers_above_97() {
  Claim c;
  c.id = "s4.both_classifiers_above_97";
  c.origin = ClaimOrigin::brief;
  c.source = "S4.5 (the brief's headline 4)";
  c.sentence =
      "the brief's headline check: both the CNN and the autoencoder classifier reach more than "
      "97 % test accuracy on Fashion-MNIST classes {1,3,5,7,9} (004 prints 97.92 % and 97.12 % "
      "but sets no bar)";
  c.departures[Profile::full] = departure_full();
  c.departures[Profile::ci] = departure_ci(
      Bias::easier,
      ". THRESHOLDS: the 97 % bars are held at 90 % (the short training cannot reach 97 %). A "
      "lower bar favours the claim, so ci cannot call it reproduced");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{"cnn_test_accuracy", Comparison::greater, 0.90, 0.97, 0.9792, ""},
                  {"ae_classifier_test_accuracy", Comparison::greater, 0.90, 0.97, 0.9712, ""}};
  c.evaluate = [](ClaimContext& ctx) { return evidence(train_and_measure(ctx)); };
  c.control.stands_in = kUntrainedClassifiers;
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto r = untrained_classifiers(ctx);
    return {{"cnn_test_accuracy", r.cnn_accuracy},
            {"ae_classifier_test_accuracy", r.classifier_accuracy}};
  };
  return c;
}

}  // namespace aerepro::claims::s4
