#include "reports/figure_style.h"

namespace aerepro::reports {

FigureStyle figure_style(const std::string& figure) {
  FigureStyle style;
  if (const auto id = find_figure(figure)) {
    const auto& info = figure_info(*id);
    style.labels = {std::string(info.title), std::string(info.x_label), std::string(info.y_label),
                    info.log_x, info.log_y};
    style.drawing = info.drawing;
    return style;
  }
  style.labels.title = figure;
  for (char& c : style.labels.title) {
    if (c == '_') c = ' ';
  }
  style.labels.y_label = "value";
  return style;
}

}  // namespace aerepro::reports
