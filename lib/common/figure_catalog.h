// The figures the claims leave for the report, written once: each figure's enumerator (what a
// claim passes to claims::Artifacts), its stable name (the `figure` column of
// <claim>.series.csv and <claim>.images.csv, results/artifacts_csv.h) and how the report
// presents it (title, axis labels, log scales, drawing). Torch-free and header-only: lib/claims,
// lib/results, the report tool (reports/) and the fuzz targets all include it.
//
// The names are a file format: never rename one (recorded results carry them). The readers
// accept names not listed here (an older or newer harness's figures): the report draws those
// with labels made from the name (reports/figure_catalog.h).
#pragma once
#include "common/enum_names.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace aerepro {

enum class FigureId {
  // Points (<claim>.series.csv: series, x, y).
  loss_curve,
  per_image_error,
  error_vs_sigma,
  error_vs_hidden_size,
  loss_vs_lambda,
  activation_histogram,
  error_vs_latent_noise,
  ood_error,
  confusion_matrix,
  clustering_accuracy,
  codes_2d,
  test_accuracy,
  accuracy,  // written by no claim today; kept so that the report still titles it
  noisy_test_mse,
  nearest_training_distance,
  active_fraction_vs_lambda,
  mean_test_error,
  interpolation_distance,
  ascent_residual,
  // Image grids (<claim>.images.csv).
  denoising,
  generated,
  interpolation_same_class,
  interpolation_different_class,
  latent_noise,
  manifold_ascent,
  first_layer_filters,
  reconstructions,
  ood_reconstructions,
  generated_normal,
};

// How the report draws a figure.
enum class FigureDrawing {
  lines_or_bars,  // lines (mean over seeds, thin per seed) when every x is a number, else bars
  steps,          // lines_or_bars, the lines drawn as steps (histograms)
  heat_map,       // series = row, x = column, y = cell value (mean over seeds)
  scatter,        // 2-D points coloured by series, lowest seed only (bars when an x is no number)
  image_grid,     // the cells of <claim>.images.csv, lowest seed only
};

struct FigureInfo {
  FigureId value;
  std::string_view name;  // the `figure` column's text: a file format, never change one
  std::string_view title;
  std::string_view x_label;
  std::string_view y_label;
  bool log_x;  // applied only when every x is positive
  bool log_y;  // applied only when every y is positive (and spans decades)
  FigureDrawing drawing;
};

// In the order of FigureId (checked below).
inline constexpr FigureInfo kFigureCatalog[] = {
    {FigureId::loss_curve, "loss_curve", "Training and validation loss", "epoch", "loss (MSE)",
     false, true, FigureDrawing::lines_or_bars},
    {FigureId::per_image_error, "per_image_error", "Reconstruction error per test image",
     "test image", "sum of squared errors", false, false, FigureDrawing::lines_or_bars},
    {FigureId::error_vs_sigma, "error_vs_sigma", "Denoising error against input noise σ", "noise σ",
     "error", false, false, FigureDrawing::lines_or_bars},
    {FigureId::error_vs_hidden_size, "error_vs_hidden_size",
     "Reconstruction error against hidden size", "hidden units", "error", true, false,
     FigureDrawing::lines_or_bars},
    {FigureId::loss_vs_lambda, "loss_vs_lambda", "Loss against sparsity weight λ", "λ", "loss",
     true, false, FigureDrawing::lines_or_bars},
    {FigureId::activation_histogram, "activation_histogram", "Hidden activations", "activation",
     "fraction of units", false, false, FigureDrawing::steps},
    {FigureId::error_vs_latent_noise, "error_vs_latent_noise",
     "Error against noise added to the code", "latent noise σ", "error", false, false,
     FigureDrawing::lines_or_bars},
    {FigureId::ood_error, "ood_error", "Error on out-of-distribution inputs", "", "error", false,
     false, FigureDrawing::lines_or_bars},
    {FigureId::confusion_matrix, "confusion_matrix", "Confusion matrix", "assigned class",
     "true class", false, false, FigureDrawing::heat_map},
    {FigureId::clustering_accuracy, "clustering_accuracy", "Clustering accuracy", "", "accuracy",
     false, false, FigureDrawing::lines_or_bars},
    {FigureId::codes_2d, "codes_2d", "Codes in two dimensions", "code 1", "code 2", false, false,
     FigureDrawing::scatter},
    {FigureId::test_accuracy, "test_accuracy", "Test accuracy", "", "accuracy", false, false,
     FigureDrawing::lines_or_bars},
    {FigureId::accuracy, "accuracy", "Accuracy", "", "accuracy", false, false,
     FigureDrawing::lines_or_bars},
    {FigureId::noisy_test_mse, "noisy_test_mse", "MSE on noisy test images (x + 0.4 N), six models",
     "", "MSE", false, false, FigureDrawing::lines_or_bars},
    {FigureId::nearest_training_distance, "nearest_training_distance",
     "Distance to the nearest training image", "", "mean Euclidean distance", false, false,
     FigureDrawing::lines_or_bars},
    {FigureId::active_fraction_vs_lambda, "active_fraction_vs_lambda",
     "Active hidden units against sparsity weight λ", "λ", "fraction of active units", true, false,
     FigureDrawing::lines_or_bars},
    {FigureId::mean_test_error, "mean_test_error", "Mean per-image test error", "",
     "sum of squared errors", false, false, FigureDrawing::lines_or_bars},
    {FigureId::interpolation_distance, "interpolation_distance",
     "Distance of interpolated images to the training data", "", "mean nearest-neighbour distance",
     false, false, FigureDrawing::lines_or_bars},
    {FigureId::ascent_residual, "ascent_residual", "Manifold ascent: reconstruction residual",
     "iteration", "mean ||r(x) - x||", false, true, FigureDrawing::lines_or_bars},
    {FigureId::denoising, "denoising", "Denoising: original, noisy and reconstructed images", "",
     "", false, false, FigureDrawing::image_grid},
    {FigureId::generated, "generated", "Images decoded from random codes", "", "", false, false,
     FigureDrawing::image_grid},
    {FigureId::interpolation_same_class, "interpolation_same_class",
     "Interpolation between two codes of the same class", "", "", false, false,
     FigureDrawing::image_grid},
    {FigureId::interpolation_different_class, "interpolation_different_class",
     "Interpolation between codes of different classes", "", "", false, false,
     FigureDrawing::image_grid},
    {FigureId::latent_noise, "latent_noise", "Decoding codes with added noise", "", "", false,
     false, FigureDrawing::image_grid},
    {FigureId::manifold_ascent, "manifold_ascent", "Walking the manifold", "", "", false, false,
     FigureDrawing::image_grid},
    {FigureId::first_layer_filters, "first_layer_filters", "First-layer filters", "", "", false,
     false, FigureDrawing::image_grid},
    {FigureId::reconstructions, "reconstructions", "Reconstructions", "", "", false, false,
     FigureDrawing::image_grid},
    {FigureId::ood_reconstructions, "ood_reconstructions",
     "Out-of-distribution inputs and their reconstructions", "", "", false, false,
     FigureDrawing::image_grid},
    {FigureId::generated_normal, "generated_normal",
     "Images decoded from N(0, I) codes, and uniform noise", "", "", false, false,
     FigureDrawing::image_grid},
};

static_assert(enum_names_complete(kFigureCatalog, FigureId::generated_normal),
              "kFigureCatalog: one entry per FigureId, in its order, each with its own name");

constexpr const FigureInfo& figure_info(FigureId figure) {
  return kFigureCatalog[static_cast<std::size_t>(figure)];
}

// The figure's name in the CSV files.
constexpr std::string_view figure_name(FigureId figure) {
  return figure_info(figure).name;
}

// The figure a CSV file's name stands for; none for a name not in the catalog.
constexpr std::optional<FigureId> find_figure(std::string_view name) {
  return find_enum(kFigureCatalog, name);
}

}  // namespace aerepro
