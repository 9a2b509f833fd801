// S3.8 (003:14, 003:20, 003:540-615): linear interpolation between the codes of two test images,
// decoded by each of the six models, against the pixel blend of the two images; shared by the
// S3.8 claims.
#pragma once
#include "claims/s3/support.h"

#include <vector>

namespace aerepro::claims::s3 {

// S3.8 with `models` (six_models' order): the decoded paths' and the pixel blends' distances to
// the training digits (per model: latent_over_pixel_nn_distance_<key>, endpoint_mse_<key>);
// `figures`: whether to draw them (the claim's own run does).
std::vector<Measurement> interpolation_measurements(ClaimContext& ctx,
                                                    const std::vector<TrainedModel>& models,
                                                    bool figures);

}  // namespace aerepro::claims::s3
