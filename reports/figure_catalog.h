// What each figure name the claims write means: its title, axis labels and scales. Unknown
// names fall back to the name itself, so a new figure still renders.
#pragma once
#include <string>

namespace aerepro::reports {

struct FigureLabels {
  std::string title;
  std::string x_label;
  std::string y_label;
  bool log_x = false;  // applied only when every x is positive
  bool log_y = false;  // applied only when every y is positive
};

FigureLabels figure_labels(const std::string& figure);

}  // namespace aerepro::reports
