// S4 (minor exam): on five Fashion-MNIST classes, a CNN against an autoencoder classifier.
#include "analysis/chunked_inference.h"
#include "analysis/latent.h"
#include "claims/claim_support.h"
#include "claims/source_claims.h"
#include "data/splits.h"
#include "models/ae_classifier.h"
#include "models/fashion_cnn.h"
#include "recipes/s4_recipes.h"

#include <fmt/format.h>

namespace aerepro::claims {
namespace s4 {  // per source: unity builds join these files
namespace {

// The set-up per profile; full trains as the source (recipes::fashion_cnn,
// recipes::autoencoder_classifier).
struct FashionSetup {
  int64_t originals;          // of the 30,000 training images of classes {1,3,5,7,9}
  int64_t cnn_epochs;         // S4.2: 15
  int64_t classifier_epochs;  // S4.4: 15
  int64_t test_images;        // of the 5,000
};

FashionSetup fashion_setup(Profile profile) {
  return PerProfile<FashionSetup>{
      /*smoke*/ {500, 1, 1, 500},
      /*ci*/ {7500, 2, 2, 5000},
      /*full*/
      {30000, recipes::fashion_cnn().training.epochs,
       recipes::autoencoder_classifier().training.epochs, 5000},
  }(profile);
}
const std::vector<int64_t> kClasses{1, 3, 5, 7, 9};  // S4.1

// The fraction of `test` whose argmax logit is its label (chunks of 1,000 images).
double accuracy(const analysis::TensorMap& logits, const data::LabeledImages& test) {
  int64_t correct = 0;
  analysis::for_each_chunk(test.size(), 1000, [&](int64_t start, int64_t n) {
    const auto predicted = logits(test.images.narrow(0, start, n)).argmax(1);
    correct += predicted.eq(test.labels.narrow(0, start, n)).sum().item<int64_t>();
  });
  return static_cast<double>(correct) / static_cast<double>(test.size());
}

// The report's printed per-epoch training losses (004:120-134 CNN, 004:259-273 AE classifier;
// epoch-mean running losses over the 120,000 augmented images): fidelity evidence, never
// asserted. A gap beyond the seeds' spread is a departure named in kDepartureFull.
const std::vector<double> kPrintedCnnLoss{0.3539, 0.2275, 0.1977, 0.1720, 0.1412,
                                          0.1075, 0.0795, 0.0621, 0.0524, 0.0472,
                                          0.0434, 0.0389, 0.0365, 0.0353, 0.0330};
const std::vector<double> kPrintedClassifierLoss{0.3695, 0.2387, 0.1744, 0.1295, 0.0977,
                                                 0.0837, 0.0722, 0.0655, 0.0608, 0.0565,
                                                 0.0499, 0.0488, 0.0452, 0.0412, 0.0402};

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

// S4's two classifiers trained and measured once per seed; both claims read them (the second
// loads the first's checkpoints).
struct FashionResults {
  double cnn_accuracy = 0, classifier_accuracy = 0;
  double cnn_train_accuracy = 0, classifier_train_accuracy = 0;
  train::TrainHistory cnn_history, classifier_history;
};

// Adds the report's printed curve to the loss figure beside ours.
void add_printed_curve(ClaimContext& ctx, const std::string& series,
                       const std::vector<double>& printed) {
  for (size_t e = 0; e < printed.size(); ++e)
    ctx.artifacts.add_point(FigureId::loss_curve, series, static_cast<double>(e + 1), printed[e]);
}

FashionResults train_and_measure(ClaimContext& ctx) {
  const auto setup = fashion_setup(ctx.profile);
  // S4.1: classes {1,3,5,7,9}; x4 augmentation of the originals used; labels kept 10-wide.
  const auto originals =
      data::filter_classes(fashion_mnist(ctx, data::Split::train), kClasses).head(setup.originals);
  const auto train = data::augment_flip_and_uniform_noise(originals, ctx.seed);
  const auto test =
      data::filter_classes(fashion_mnist(ctx, data::Split::test), kClasses).head(setup.test_images);
  const std::string data_note =
      fmt::format("classes=13579 originals={} augmented=x4", setup.originals);

  // S4.2: the CNN, cross-entropy, Adam 1e-3, batch 100.
  auto cnn = train_recipe(ctx, recipes::fashion_cnn(), setup.cnn_epochs,
                          {train.images, train.labels}, "S4.2 CNN", " " + data_note);
  // S4.4: a freshly initialised S4.3 encoder (ReLU code) + FC head, cross-entropy, all trained.
  auto classifier =
      train_recipe(ctx, recipes::autoencoder_classifier(), setup.classifier_epochs,
                   {train.images, train.labels}, "S4.4 AE classifier", " " + data_note);
  const analysis::TensorMap cnn_logits = [&](const torch::Tensor& x) {
    return cnn.model->forward(x);
  };
  const analysis::TensorMap classifier_logits = [&](const torch::Tensor& x) {
    return classifier.model->forward(x);
  };
  FashionResults r;
  r.cnn_accuracy = accuracy(cnn_logits, test);
  r.classifier_accuracy = accuracy(classifier_logits, test);
  r.cnn_train_accuracy = accuracy(cnn_logits, train);
  r.classifier_train_accuracy = accuracy(classifier_logits, train);
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

constexpr const char* kDepartureCi =
    "trains on 7,500 of the 30,000 original images (augmented x4 to 30,000 of 120,000); the CNN "
    "and the AE classifier train 2 of 15 epochs each; the full 5,000-image test set";

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
  c.departures[Profile::full] = {kDepartureFull, Bias::unknown};
  c.departures[Profile::ci] = {std::string(kDepartureCi) +
                                   "; the comparison is asserted as in full. Short training "
                                   "changes both models' accuracies, direction unknown",
                               Bias::unknown};
  c.departures[Profile::smoke] = {"wiring only: 500 images, 1 epoch each; its numbers mean nothing",
                                  Bias::unknown};
  c.assertions = {
      {"cnn_minus_ae_classifier_accuracy", Comparison::greater, 0.0, 0.0, 0.9792 - 0.9712, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto r = train_and_measure(ctx);
    auto out = evidence(r);
    out.insert(out.begin(), {"cnn_minus_ae_classifier_accuracy",
                             r.cnn_accuracy - r.classifier_accuracy, 0.9792 - 0.9712});
    return out;
  };
  return c;
}

// The brief's fourth headline check, beside the report's own statement (004 sets no bar).
Claim both_classifiers_above_97() {
  Claim c;
  c.id = "s4.both_classifiers_above_97";
  c.origin = ClaimOrigin::brief;
  c.source = "S4.5 (the brief's headline 4)";
  c.sentence =
      "the brief's headline check: both the CNN and the autoencoder classifier reach more than "
      "97 % test accuracy on Fashion-MNIST classes {1,3,5,7,9} (004 prints 97.92 % and 97.12 % "
      "but sets no bar)";
  c.departures[Profile::full] = {kDepartureFull, Bias::unknown};
  c.departures[Profile::ci] = {
      std::string(kDepartureCi) +
          ". THRESHOLDS: the 97 % bars are held at 90 % (the short training cannot reach 97 %). "
          "A lower bar favours the claim, so ci cannot call it reproduced",
      Bias::easier};
  c.departures[Profile::smoke] = {"wiring only: 500 images, 1 epoch each; its numbers mean nothing",
                                  Bias::unknown};
  c.assertions = {{"cnn_test_accuracy", Comparison::greater, 0.90, 0.97, 0.9792, ""},
                  {"ae_classifier_test_accuracy", Comparison::greater, 0.90, 0.97, 0.9712, ""}};
  c.evaluate = [](ClaimContext& ctx) { return evidence(train_and_measure(ctx)); };
  return c;
}

}  // namespace
}  // namespace s4

std::vector<Claim> s4_claims() {
  return {s4::cnn_beats_ae_classifier(), s4::both_classifiers_above_97()};
}

}  // namespace aerepro::claims
