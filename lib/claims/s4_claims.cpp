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

Claim cnn_beats_ae_classifier() {
  Claim c;
  c.id = "s4.cnn_beats_ae_classifier";
  c.source = "S4.1, S4.2, S4.3, S4.4, S4.5";
  c.sentence =
      "on Fashion-MNIST classes {1,3,5,7,9} (flip and uniform-noise augmentation), the CNN's "
      "test accuracy is higher than the autoencoder classifier's, and both are above 97 % "
      "(S4: CNN 97.92 %, AE classifier 97.12 %)";
  c.departures[Profile::full] = {
      "model initialisation, the augmentation's uniform noise and the batch order follow the "
      "run's seed (the source ran once); the AE classifier's encoder is freshly initialised "
      "(S4.4: 'another AutoEncoder object'), so S4.3's trained AE does not enter this claim",
      Bias::none};
  c.departures[Profile::ci] = {
      "trains on 7,500 of the 30,000 original images (augmented x4 to 30,000 of 120,000); the "
      "CNN and the AE classifier train 2 of 15 epochs each; the full 5,000-image test set. "
      "THRESHOLDS: the comparison (CNN above AE classifier) is asserted as in the source; the "
      "97 % bars are held at 90 % (the short training cannot reach 97 %). A lower bar favours "
      "the claim, so ci cannot call it reproduced",
      Bias::easier};
  c.departures[Profile::smoke] = {"wiring only: 500 images, 1 epoch each; its numbers mean nothing",
                                  Bias::unknown};
  c.assertions = {
      {"cnn_minus_ae_classifier_accuracy", Comparison::greater, 0.0, 0.0, 0.9792 - 0.9712, ""},
      {"cnn_test_accuracy", Comparison::greater, 0.90, 0.97, 0.9792, ""},
      {"ae_classifier_test_accuracy", Comparison::greater, 0.90, 0.97, 0.9712, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto setup = fashion_setup(ctx.profile);
    // S4.1: classes {1,3,5,7,9}; x4 augmentation of the originals used; labels kept 10-wide.
    const auto originals = data::filter_classes(fashion_mnist(ctx, data::Split::train), kClasses)
                               .head(setup.originals);
    const auto train = data::augment_flip_and_uniform_noise(originals, ctx.seed);
    const auto test = data::filter_classes(fashion_mnist(ctx, data::Split::test), kClasses)
                          .head(setup.test_images);
    const std::string data_note =
        fmt::format("classes=13579 originals={} augmented=x4", setup.originals);

    // S4.2: the CNN, cross-entropy, Adam 1e-3, batch 100.
    auto cnn = train_recipe(ctx, recipes::fashion_cnn(), setup.cnn_epochs,
                            {train.images, train.labels}, "S4.2 CNN", " " + data_note);
    // S4.4: a freshly initialised S4.3 encoder (ReLU code) + FC head, cross-entropy, all trained.
    auto classifier =
        train_recipe(ctx, recipes::autoencoder_classifier(), setup.classifier_epochs,
                     {train.images, train.labels}, "S4.4 AE classifier", " " + data_note);

    const double cnn_accuracy =
        accuracy([&](const torch::Tensor& x) { return cnn.model->forward(x); }, test);
    const double classifier_accuracy =
        accuracy([&](const torch::Tensor& x) { return classifier.model->forward(x); }, test);
    ctx.artifacts.add_point(FigureId::test_accuracy, "CNN (S4.2)", "test accuracy", cnn_accuracy);
    ctx.artifacts.add_point(FigureId::test_accuracy, "AE classifier (S4.4)", "test accuracy",
                            classifier_accuracy);
    ctx.artifacts.add_point(FigureId::test_accuracy, "source", "CNN (S4.2)", 0.9792);
    return {{"cnn_minus_ae_classifier_accuracy", cnn_accuracy - classifier_accuracy},
            {"cnn_test_accuracy", cnn_accuracy},
            {"ae_classifier_test_accuracy", classifier_accuracy},
            {"cnn_final_train_loss", cnn.history.final_train_loss()},
            {"ae_classifier_final_train_loss", classifier.history.final_train_loss()}};
  };
  return c;
}

}  // namespace
}  // namespace s4

std::vector<Claim> s4_claims() {
  return {s4::cnn_beats_ae_classifier()};
}

}  // namespace aerepro::claims
