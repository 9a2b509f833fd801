#include "claims/artifacts.h"

#include "common/error.h"

#include <fmt/format.h>

namespace aerepro::claims {

void Artifacts::add_point(FigureId figure, const std::string& series, const std::string& x,
                          double y) {
  points_.push_back({figure, series, x, y});
}

void Artifacts::add_point(FigureId figure, const std::string& series, double x, double y) {
  add_point(figure, series, fmt::format("{:.9g}", x), y);
}

void Artifacts::add_curve(FigureId figure, const std::string& series, const std::vector<double>& x,
                          const std::vector<double>& y) {
  if (x.size() != y.size()) {
    throw UsageError(fmt::format("figure {} series {}: {} x values for {} y values",
                                 figure_name(figure), series, x.size(), y.size()));
  }
  for (size_t i = 0; i < x.size(); ++i) add_point(figure, series, x[i], y[i]);
}

void Artifacts::add_image_row(FigureId figure, int row, const std::string& row_label,
                              const torch::Tensor& images, bool normalize) {
  torch::NoGradGuard no_grad;
  auto batch = images.detach().to(torch::kCPU, torch::kFloat32);
  if (batch.dim() == 4) batch = batch.squeeze(1);
  if (batch.dim() != 3) {
    throw UsageError(
        fmt::format("figure {}: images must be (N, 1, H, W) or (N, H, W)", figure_name(figure)));
  }
  for (int64_t i = 0; i < batch.size(0); ++i) {
    auto image = batch[i];
    if (normalize) {
      const auto low = image.min();
      const auto range = (image.max() - low).clamp_min(1e-12);
      image = (image - low) / range;
    }
    const auto bytes = (image.clamp(0, 1) * 255).round().to(torch::kUInt8).contiguous();
    FigureImage cell;
    cell.figure = figure;
    cell.row = row;
    cell.col = static_cast<int>(i);
    cell.row_label = row_label;
    cell.height = static_cast<int>(bytes.size(0));
    cell.width = static_cast<int>(bytes.size(1));
    cell.pixels.assign(bytes.data_ptr<uint8_t>(), bytes.data_ptr<uint8_t>() + bytes.numel());
    images_.push_back(std::move(cell));
  }
}

}  // namespace aerepro::claims
