// What an evaluation leaves for the report besides its measurements: figure data (points of
// named series) and image grids. The claim runner (lib/results) writes them beside the rows;
// the report draws them and never retrains.
#pragma once
#include "common/figure_catalog.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace aerepro::claims {

struct FigurePoint {
  FigureId figure;     // e.g. FigureId::loss_curve (common/figure_catalog.h lists them)
  std::string series;  // a line, a bar group or a class within the figure
  std::string x;       // a number for curves, a category for bars
  double y = 0;
};

struct FigureImage {
  FigureId figure;        // e.g. FigureId::denoising, FigureId::generated
  int row = 0, col = 0;   // place in the grid
  std::string row_label;  // e.g. "original", "noisy", "reconstructed"
  int height = 0, width = 0;
  std::vector<uint8_t> pixels;  // 0..255, row-major
};

class Artifacts {
 public:
  void add_point(FigureId figure, const std::string& series, const std::string& x, double y);
  void add_point(FigureId figure, const std::string& series, double x, double y);
  // y[i] at x[i].
  void add_curve(FigureId figure, const std::string& series, const std::vector<double>& x,
                 const std::vector<double>& y);
  // One grid row from `images` ((N, 1, H, W) or (N, H, W), any device). Values are mapped to
  // 0..255 from [0, 1] (clamped) or, with `normalize`, from each image's own min..max (filters).
  void add_image_row(FigureId figure, int row, const std::string& row_label,
                     const torch::Tensor& images, bool normalize = false);

  const std::vector<FigurePoint>& points() const { return points_; }
  const std::vector<FigureImage>& images() const { return images_; }

 private:
  std::vector<FigurePoint> points_;
  std::vector<FigureImage> images_;
};

}  // namespace aerepro::claims
