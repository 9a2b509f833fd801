#include "reports/figure_catalog.h"

#include <map>

namespace aerepro::reports {

FigureLabels figure_labels(const std::string& figure) {
  static const std::map<std::string, FigureLabels> catalog = {
      {"loss_curve", {"Training and validation loss", "epoch", "loss (MSE)", false, true}},
      {"per_image_error",
       {"Reconstruction error per test image", "test image", "sum of squared errors"}},
      {"error_vs_sigma", {"Denoising error against input noise σ", "noise σ", "error"}},
      {"error_vs_hidden_size",
       {"Reconstruction error against hidden size", "hidden units", "error", true, false}},
      {"loss_vs_lambda", {"Loss against sparsity weight λ", "λ", "loss", true, false}},
      {"activation_histogram", {"Hidden activations", "activation", "fraction of units"}},
      {"error_vs_latent_noise",
       {"Error against noise added to the code", "latent noise σ", "error"}},
      {"ood_error", {"Error on out-of-distribution inputs", "", "error"}},
      {"confusion_matrix", {"Confusion matrix", "assigned class", "true class"}},
      {"clustering_accuracy", {"Clustering accuracy", "", "accuracy"}},
      {"codes_2d", {"Codes in two dimensions", "code 1", "code 2"}},
      {"test_accuracy", {"Test accuracy", "", "accuracy"}},
      {"accuracy", {"Accuracy", "", "accuracy"}},
      {"denoising", {"Denoising: original, noisy and reconstructed images", "", ""}},
      {"generated", {"Images decoded from random codes", "", ""}},
      {"interpolation_same_class", {"Interpolation between two codes of the same class", "", ""}},
      {"interpolation_different_class",
       {"Interpolation between codes of different classes", "", ""}},
      {"latent_noise", {"Decoding codes with added noise", "", ""}},
      {"manifold_ascent", {"Walking the manifold", "", ""}},
      {"first_layer_filters", {"First-layer filters", "", ""}},
      {"reconstructions", {"Reconstructions", "", ""}},
      {"noisy_test_mse", {"MSE on noisy test images (x + 0.4 N), six models", "", "MSE"}},
      {"nearest_training_distance",
       {"Distance to the nearest training image", "", "mean Euclidean distance"}},
      {"ood_reconstructions", {"Out-of-distribution inputs and their reconstructions", "", ""}},
      {"generated_normal", {"Images decoded from N(0, I) codes, and uniform noise", "", ""}},
      {"active_fraction_vs_lambda",
       {"Active hidden units against sparsity weight λ", "λ", "fraction of active units", true,
        false}},
      {"mean_test_error", {"Mean per-image test error", "", "sum of squared errors"}},
      {"interpolation_distance",
       {"Distance of interpolated images to the training data", "",
        "mean nearest-neighbour distance"}},
      {"ascent_residual",
       {"Manifold ascent: reconstruction residual", "iteration", "mean ||r(x) - x||", false, true}},
  };
  if (auto it = catalog.find(figure); it != catalog.end()) return it->second;
  FigureLabels labels;
  labels.title = figure;
  for (char& c : labels.title) {
    if (c == '_') c = ' ';
  }
  labels.y_label = "value";
  return labels;
}

}  // namespace aerepro::reports
