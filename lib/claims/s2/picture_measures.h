// S2's visual statements, read as measures of pictures (issue 35): each is a declared proxy for
// what the report says it sees. Every picture S2 shows is drawn by matplotlib's imshow with its
// default scaling (002:401, 725, 875, 980, 1204, 1666, 1765): each image stretched from its own
// minimum (black) to its own maximum (white). The measures that speak of what is seen
// (contrast, intensity, borders) are taken on the image so displayed.
#pragma once
#include "analysis/latent.h"
#include "claims/claim_support.h"

#include <torch/torch.h>

#include <string>

namespace aerepro::claims::s2 {

// `id` as made, or its corrected variant's id (`id` + "_corrected").
std::string variant_id(const std::string& id, bool as_made);
// map(images) without gradients.
torch::Tensor outputs_of(const analysis::TensorMap& map, const torch::Tensor& images);

// (N, 1, 28, 28) images as imshow displays them: each min-max scaled to [0, 1] on its own (a
// constant image gives zeros). Float64 on the images' device.
torch::Tensor as_displayed(const torch::Tensor& images);

// (N) contrast of each displayed image: the standard deviation of its pixels.
torch::Tensor displayed_contrast(const torch::Tensor& images);
// (N) intensity of each displayed image: the mean of its brightest 10 % of pixels (78 of 784).
torch::Tensor displayed_intensity(const torch::Tensor& images);
// (N) mean of each displayed image over its outer band of `width` pixels (the border).
torch::Tensor displayed_border_mean(const torch::Tensor& images, int64_t width = 3);

// "Holes": of the in-stroke pixels of `clean` (value > 0.5), the share `outputs` sets to
// exactly 0 (a ReLU output clipped; black in any display). Over all images together.
double hole_share(const torch::Tensor& outputs, const torch::Tensor& clean);

// The ten digit classes' mean images of the MNIST training set, (10, 784) float64 CPU.
torch::Tensor digit_class_means(ClaimContext& ctx);
// (N, 10) Pearson correlation of each image with each class mean image.
torch::Tensor class_mean_correlations(const torch::Tensor& images, const torch::Tensor& means);
// (N) how digit-like each image is: its correlation with its nearest class mean.
torch::Tensor digit_likeness(const torch::Tensor& images, const torch::Tensor& means);
// (N) int64 the nearest class mean's digit (by correlation).
torch::Tensor nearest_class_mean_label(const torch::Tensor& images, const torch::Tensor& means);
// Our reading of "looks like a digit": at least as digit-like as the least typical tenth of
// real digits, i.e. the 10th percentile of the MNIST test images' digit_likeness.
double digit_like_bar(ClaimContext& ctx, const torch::Tensor& means);
// The share of `images` at or above `bar` (digit_like_bar).
double digit_like_share(const torch::Tensor& images, const torch::Tensor& means, double bar);

}  // namespace aerepro::claims::s2
