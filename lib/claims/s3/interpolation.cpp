#include "claims/s3/interpolation.h"

#include "analysis/latent.h"
#include "analysis/metrics.h"
#include "common/compat.h"

#include <algorithm>
#include <array>
#include <string>

namespace aerepro::claims::s3 {
namespace {

// S3.8: pairs of test indices (same class or different classes), drawn from `gen`.
std::vector<std::array<int64_t, 2>> image_pairs(const torch::Tensor& labels, int64_t count,
                                                bool same_class, at::Generator& gen) {
  const auto cpu = labels.cpu();
  const auto n = cpu.size(0);
  std::vector<std::array<int64_t, 2>> pairs;
  while (static_cast<int64_t>(pairs.size()) < count) {
    const auto i = torch::randint(n, {1}, gen).item<int64_t>();
    const auto label = cpu[i].item<int64_t>();
    const auto candidates = (same_class ? cpu.eq(label) : cpu.ne(label)).nonzero().squeeze(1);
    const auto j =
        candidates[torch::randint(candidates.size(0), {1}, gen).item<int64_t>()].item<int64_t>();
    if (j != i) pairs.push_back({i, j});
  }
  return pairs;
}

}  // namespace

std::vector<Measurement> interpolation_measurements(ClaimContext& ctx,
                                                    const std::vector<TrainedModel>& models,
                                                    bool figures) {
  const auto s = setup(ctx.profile);
  const auto& test = mnist(ctx, data::Split::test);
  const auto reference = mnist(ctx, data::Split::train).images.narrow(0, 0, s.reference_images);
  torch::NoGradGuard no_grad;
  auto gen = compat::make_generator(torch::kCPU, 41 + ctx.seed);
  const auto a = torch::linspace(0.0, 1.0, 11, test.images.options()).view({11, 1, 1, 1});
  // The same pairs for every model; kind 0: same class, 1: different classes.
  const std::array<std::vector<std::array<int64_t, 2>>, 2> pairs{
      image_pairs(test.labels, s.pairs, true, gen), image_pairs(test.labels, s.pairs, false, gen)};
  const std::array<FigureId, 2> figure{FigureId::interpolation_same_class,
                                       FigureId::interpolation_different_class};
  const std::array<const char*, 2> kind_name{"same class", "different classes"};
  std::array<double, 2> pixel{};
  for (int kind = 0; kind < 2; ++kind) {
    std::vector<torch::Tensor> blends;
    for (const auto& [i, j] : pairs[kind]) {
      blends.push_back((a * test.images[i] + (1 - a) * test.images[j]).narrow(0, 1, 9));
    }
    pixel[kind] = mean_nearest(torch::cat(blends), reference);
    if (!figures) continue;
    ctx.artifacts.add_point(FigureId::interpolation_distance, "pixel blend", kind_name[kind],
                            pixel[kind]);
    const auto [i, j] = pairs[kind].front();
    ctx.artifacts.add_image_row(figure[kind], static_cast<int>(models.size()), "pixel blend",
                                a * test.images[i] + (1 - a) * test.images[j]);
  }
  std::vector<Measurement> per_model;
  double worst_endpoint = 0, worst_ratio = 0;
  for (size_t m = 0; m < models.size(); ++m) {
    const auto& model = models[m];
    double endpoint_sum = 0;
    int64_t endpoint_count = 0;
    std::array<double, 2> latent{};
    for (int kind = 0; kind < 2; ++kind) {
      std::vector<torch::Tensor> paths;
      for (const auto& [i, j] : pairs[kind]) {
        const auto x1 = test.images[i].unsqueeze(0), x2 = test.images[j].unsqueeze(0);
        const auto path =
            model.decode(analysis::interpolate_codes(model.encode(x1), model.encode(x2)));
        // Row 0 is x2's code (a = 0), row 10 x1's (a = 1).
        endpoint_sum += analysis::mean_squared_error(path[0], x2[0]) +
                        analysis::mean_squared_error(path[10], x1[0]);
        endpoint_count += 2;
        paths.push_back(path.narrow(0, 1, 9));
        if (figures && paths.size() == 1)
          ctx.artifacts.add_image_row(figure[kind], static_cast<int>(m), model.name, path);
      }
      latent[kind] = mean_nearest(torch::cat(paths), reference);
      if (figures)
        ctx.artifacts.add_point(FigureId::interpolation_distance, model.name + " decoded path",
                                kind_name[kind], latent[kind]);
    }
    const double endpoint = endpoint_sum / static_cast<double>(endpoint_count);
    const double ratio = (latent[0] + latent[1]) / (pixel[0] + pixel[1]);
    worst_endpoint = std::max(worst_endpoint, endpoint);
    worst_ratio = std::max(worst_ratio, ratio);
    per_model.push_back({"endpoint_mse_" + model.key, endpoint});
    per_model.push_back({"latent_over_pixel_nn_distance_" + model.key, ratio});
  }
  auto noise_gen = compat::make_generator(ctx.device, 43 + ctx.seed);
  const auto noise = torch::rand({2 * s.pairs * 9, 1, 28, 28}, noise_gen, test.images.options());
  std::vector<Measurement> out{
      {"endpoint_reconstruction_mse_worst_of_six", worst_endpoint},
      {"latent_path_over_pixel_blend_nn_distance_worst_of_six", worst_ratio},
      {"pixel_blend_nn_distance_same_class", pixel[0]},
      {"pixel_blend_nn_distance_different_class", pixel[1]},
      {"uniform_noise_nn_distance", mean_nearest(noise, reference)}};
  out.insert(out.end(), per_model.begin(), per_model.end());
  return out;
}

}  // namespace aerepro::claims::s3
