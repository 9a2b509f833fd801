// Error and activity measures used by the S2 comparisons and the "nearer the data" checks.
#pragma once
#include <torch/torch.h>

#include <cstdint>

namespace aerepro::analysis {

// S2's error: (N) sum over each image's pixels of the squared difference. a and b: the same
// (N, ...) shape, any device.
torch::Tensor per_image_squared_error(const torch::Tensor& a, const torch::Tensor& b);

// Mean over all elements of (a − b)² (the training loss's MSE).
double mean_squared_error(const torch::Tensor& a, const torch::Tensor& b);

// S2.6: the fraction of activations strictly above `threshold`.
double active_fraction(const torch::Tensor& hidden, double threshold = 0.0);

// S2.5: the first `count` rows of an encoder weight (H, side²) as (count, 1, side, side) images,
// each min-max scaled to [0, 1] on its own (a constant row gives zeros).
torch::Tensor filter_images(const torch::Tensor& weight, int64_t count);

// (M) Euclidean distance from each query (M, ...) to its nearest reference image (N, ...), the
// same per-item size. The search uses the ‖q‖² − 2q·rᵀ + ‖r‖² expansion with a matmul over query
// chunks of at most `chunk_elements` (queries × references) entries; the distance to the nearest
// one found is then recomputed directly (no cancellation error). S0.6, S1.4, S3.8, S3.9.
torch::Tensor nearest_neighbour_distance(const torch::Tensor& queries,
                                         const torch::Tensor& reference,
                                         int64_t chunk_elements = int64_t{1} << 24);

}  // namespace aerepro::analysis
