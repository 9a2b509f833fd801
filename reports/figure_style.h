// reports/figure_style: how the report presents each figure of the claims' CSV files: the catalog's
// entry for the figure's name (common/figure_catalog.h: title, axis labels, scales, drawing). A
// name the catalog does not list (another harness version's figure) still renders: titled with the
// name itself, drawn as lines or bars.
#pragma once
#include "common/figure_catalog.h"

#include <string>

namespace aerepro::reports {

struct FigureLabels {
  std::string title;
  std::string x_label;
  std::string y_label;
  bool log_x = false;  // applied only when every x is positive
  bool log_y = false;  // applied only when every y is positive
};

struct FigureStyle {
  FigureLabels labels;
  FigureDrawing drawing = FigureDrawing::lines_or_bars;
};

FigureStyle figure_style(const std::string& figure);

}  // namespace aerepro::reports
