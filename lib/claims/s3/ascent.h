// S3.9 (003:622-733): what the gradient-ascent claims share — the anchor digit, the report's
// pure-noise starts, the ten digit means and how an image is compared with them and shown.
#pragma once
#include "claims/s3/support.h"

namespace aerepro::claims::s3 {

constexpr int64_t kAnchorDigit = 4;  // 003:632 digit_mean(4)

// The mean image of each digit 0-9 of `test` (003:624-626 `digit_mean`): (10, 1, 28, 28).
torch::Tensor test_digit_means(const data::LabeledImages& test);

// Pearson correlation over pixels of each image of `images` (B, …) with each row of `means`
// (D, …): (B, D). Invariant to a positive scale and an offset of either side — to the report's
// L2 normalisation and to imshow's auto-scaling.
torch::Tensor pixel_correlations(const torch::Tensor& images, const torch::Tensor& means);

// Each image min-max rescaled to [0, 1], as the report's imshow shows it (auto-scaling).
torch::Tensor for_display(const torch::Tensor& images);

// Pure-noise starts as the report draws them: U[0,1) + N(0,1) (003:637, 658), seeded by the
// context's seed.
torch::Tensor noise_starts(ClaimContext& ctx, int64_t count, const torch::Tensor& like);

}  // namespace aerepro::claims::s3
