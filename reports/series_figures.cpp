// Series and image figures of a claim: lines (numeric x), grouped bars (category x), the special
// cases (heat map, scatter, steps) and image grids, as gnuplot scripts with their data inline.
#include "reports/gnuplot_figures.h"

#include "reports/figure_style.h"
#include "reports/gnuplot_script.h"
#include "reports/text_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace aerepro::reports {
namespace gnuplot {
namespace {  // unity builds join the figure files: these names occur only here

// --- special cases ---------------------------------------------------------------------------

// Heat map: series = row (true class), x = column (assigned class), y = count (mean over seeds).
Figure heatmap_figure(Figure figure, const FigureLabels& labels,
                      const std::vector<results::SeriesPoint>& points) {
  std::vector<std::string> rows_seen, cols_seen;
  std::set<long long> seeds;
  for (const auto& p : points) {
    rows_seen.push_back(p.series);
    cols_seen.push_back(p.x);
    seeds.insert(p.seed);
  }
  const auto rows = ordered_labels(rows_seen);
  const auto cols = ordered_labels(cols_seen);
  std::map<std::pair<std::string, std::string>, std::vector<double>> cells;
  for (const auto& p : points) cells[{p.series, p.x}].push_back(p.y);
  std::string body;
  bool integral = true;
  for (const auto& r : rows) {
    for (size_t c = 0; c < cols.size(); ++c) {
      auto it = cells.find({r, cols[c]});
      const double v = it == cells.end() ? 0.0 : stats(it->second).mean;
      integral = integral && std::floor(v) == v;
      body += (c ? " " : "") + num(v);
    }
    body += "\n";
  }
  const auto tics = [](const std::vector<std::string>& labels) {
    std::string t = "(";
    for (size_t i = 0; i < labels.size(); ++i)
      t += fmt::format("{}{} {}", i ? ", " : "", gp_string(labels[i]), i);
    return t + ")";
  };
  std::ostringstream out;
  out << data_block("m", body) << axis_labels(labels)
      << fmt::format("set xrange [-0.5:{}]\nset yrange [{}:-0.5]\n", cols.size() - 0.5,
                     rows.size() - 0.5)
      << "set xtics " << tics(cols) << " scale 0\nset ytics " << tics(rows) << " scale 0\n"
      << "set size ratio -1\nset palette defined (0 '#ffffff', 1 '#6baed6', 2 '#2171b5')\n"
      << "set cblabel 'count'\nset tics nomirror\n"
      << fmt::format(
             "plot $m matrix with image notitle, $m matrix using 1:2:(sprintf('{}', $3)) "
             "with labels font ',8' notitle\n",
             integral ? "%.0f" : "%.1f");
  figure.script = out.str();
  figure.width = 600;
  figure.height = 520;
  figure.note = seeds.size() > 1 ? fmt::format("mean over {}", seeds_note(seeds.size()))
                                 : seeds_note(seeds.size());
  return figure;
}

// Scatter of 2-D codes coloured by class, from the lowest seed (codes of different seeds live in
// different spaces).
Figure scatter_figure(Figure figure, const FigureLabels& labels,
                      const std::vector<results::SeriesPoint>& points) {
  std::set<long long> seeds;
  for (const auto& p : points) seeds.insert(p.seed);
  const long long seed = *seeds.begin();
  std::vector<std::string> seen;
  for (const auto& p : points) {
    if (p.seed == seed) seen.push_back(p.series);
  }
  const auto classes = ordered_labels(seen);
  std::ostringstream out, plot;
  for (size_t i = 0; i < classes.size(); ++i) {
    std::string body;
    double x = 0;
    for (const auto& p : points) {
      if (p.seed == seed && p.series == classes[i] && parse_number(p.x, x)) {
        body += num(x) + " " + num(p.y) + "\n";
      }
    }
    out << data_block(fmt::format("c{}", i), body);
    plot << fmt::format("{}$c{} with points pt 7 ps 0.45 lc rgb {} title {}", i ? ", " : "", i,
                        colour(i), gp_string(classes[i]));
  }
  out << axis_labels(labels) << "set grid\nset key outside right top title 'class'\n"
      << "plot " << plot.str() << "\n";
  figure.script = out.str();
  figure.width = 660;
  figure.height = 520;
  figure.note =
      fmt::format("seed {}{}", seed,
                  seeds.size() > 1 ? fmt::format(" (lowest of {})", seeds_note(seeds.size())) : "");
  return figure;
}

// The loss curves say what they show: training only where only training is recorded, and the
// axis names the loss only where the record declares it (`loss`, "" when it does not).
void retitle_loss(FigureLabels& labels, const std::vector<results::SeriesPoint>& points,
                  const std::string& loss) {
  const bool validation = std::any_of(points.begin(), points.end(), [](const auto& p) {
    return p.series.find("validation") != std::string::npos;
  });
  labels.title = validation ? "Training and validation loss per epoch" : "Training loss per epoch";
  labels.y_label = validation ? "loss" : "training loss";
  if (!loss.empty()) labels.y_label += " (" + loss + ")";
}

// Bars of ours against the report's printed values: where a series named "report" holds one
// bar per other series (its categories are their names), ours are set beside them under the
// same labels — one category per model, the series "ours" and "printed in the report".
void pair_printed_bars(std::vector<results::SeriesPoint>& points) {
  std::set<std::string> reported, others;
  for (const auto& p : points)
    (p.series == "report" ? reported : others).insert(p.series == "report" ? p.x : p.series);
  if (reported.empty() || reported != others) return;
  for (auto& p : points) {
    if (p.series == "report") {
      p.series = "printed in the report";
    } else {
      p.x = p.series;
      p.series = "ours";
    }
  }
}

}  // namespace
}  // namespace gnuplot

// --- public ----------------------------------------------------------------------------------

std::vector<Figure> series_figures(const std::string& claim,
                                   const std::vector<results::SeriesPoint>& points,
                                   const std::string& loss) {
  using namespace gnuplot;  // reports/gnuplot_script.h
  std::vector<std::string> names;
  for (const auto& p : points) {
    if (std::find(names.begin(), names.end(), p.figure) == names.end()) names.push_back(p.figure);
  }
  std::vector<Figure> figures;
  for (const auto& name : names) {
    std::vector<results::SeriesPoint> mine;
    for (const auto& p : points) {
      if (p.figure == name) mine.push_back(p);
    }
    const auto style = figure_style(name);
    auto labels = style.labels;
    if (name == "loss_curve") retitle_loss(labels, mine, loss);
    pair_printed_bars(mine);
    Figure figure;
    figure.claim = claim;
    figure.name = name;
    figure.title = labels.title;
    figure.file = file_safe(claim + "." + name) + ".png";
    double x = 0;
    const bool numeric = std::all_of(mine.begin(), mine.end(), [&](const results::SeriesPoint& p) {
      return parse_number(p.x, x);
    });
    std::set<long long> seeds;
    for (const auto& p : mine) seeds.insert(p.seed);
    // The catalog's drawing (common/figure_catalog.h); a scatter of categories falls back to bars.
    if (style.drawing == FigureDrawing::heat_map) {
      figures.push_back(heatmap_figure(figure, labels, mine));
    } else if (style.drawing == FigureDrawing::scatter && numeric) {
      figures.push_back(scatter_figure(figure, labels, mine));
    } else if (numeric) {
      std::vector<LineSample> samples;
      for (const auto& p : mine) {
        parse_number(p.x, x);
        samples.push_back({p.series, p.seed, x, p.y});
      }
      figures.push_back(
          lines_figure(figure, labels, samples, style.drawing == FigureDrawing::steps));
    } else {
      std::vector<BarSample> samples;
      for (const auto& p : mine) samples.push_back({p.x, p.series, p.y});
      figure = bars_figure(figure, labels, samples);
      figure.note = seeds.size() > 1 ? fmt::format("mean over {}; error bars: min to max",
                                                   seeds_note(seeds.size()))
                                     : seeds_note(seeds.size());
      figures.push_back(figure);
    }
  }
  return figures;
}

std::vector<Figure> image_figures(const std::string& claim,
                                  const std::vector<results::ImageCell>& cells) {
  using namespace gnuplot;  // reports/gnuplot_script.h
  std::vector<std::string> names;
  for (const auto& c : cells) {
    if (std::find(names.begin(), names.end(), c.figure) == names.end()) names.push_back(c.figure);
  }
  std::vector<Figure> figures;
  constexpr int kGap = 2;
  for (const auto& name : names) {
    std::set<long long> seeds;
    for (const auto& c : cells) {
      if (c.figure == name) seeds.insert(c.seed);
    }
    const long long seed = *seeds.begin();
    long long rows = 0, cols = 0;
    int h = 0, w = 0;
    for (const auto& c : cells) {
      if (c.figure != name || c.seed != seed) continue;
      rows = std::max(rows, static_cast<long long>(c.row) + 1);
      cols = std::max(cols, static_cast<long long>(c.col) + 1);
      h = std::max(h, c.height);
      w = std::max(w, c.width);
    }
    // Grids are small (the reader caps each image at 1024x1024); refuse absurd layouts.
    // (rows, cols < 2^31 and h, w <= 1024: no overflow here.)
    const long long total_w = cols * (w + kGap) - kGap;
    const long long total_h = rows * (h + kGap) - kGap;
    const auto labels = figure_style(name).labels;  // drawn as an image grid whatever its entry
    Figure figure;
    figure.claim = claim;
    figure.name = name;
    figure.title = labels.title;
    figure.file = file_safe(claim + "." + name) + ".png";
    figure.note = fmt::format(
        "seed {}{}", seed,
        seeds.size() > 1 ? fmt::format(" (lowest of {})", seeds_note(seeds.size())) : "");
    if (total_w > 20'000 || total_h > 20'000 || total_w * total_h > 4'000'000) {
      figure.error =
          fmt::format("image grid of {}x{} pixels is too large to draw", total_w, total_h);
      figures.push_back(figure);
      continue;
    }
    // White gaps between cells (255); cells are placed top-left in their slot.
    std::vector<int> canvas(static_cast<size_t>(total_w * total_h), 255);
    std::map<int, std::string> row_labels;
    for (const auto& c : cells) {
      if (c.figure != name || c.seed != seed) continue;
      if (!c.row_label.empty() && (!row_labels.count(c.row) || c.col == 0)) {
        row_labels[c.row] = c.row_label;
      }
      for (int y = 0; y < c.height; ++y) {
        for (int x = 0; x < c.width; ++x) {
          const long long cy = static_cast<long long>(c.row) * (h + kGap) + y;
          const long long cx = static_cast<long long>(c.col) * (w + kGap) + x;
          canvas[static_cast<size_t>(cy * total_w + cx)] =
              c.pixels[static_cast<size_t>(y * c.width + x)];
        }
      }
    }
    std::string body;
    body.reserve(canvas.size() * 4);
    for (long long y = 0; y < total_h; ++y) {
      for (long long x = 0; x < total_w; ++x) {
        if (x) body += ' ';
        body += std::to_string(canvas[static_cast<size_t>(y * total_w + x)]);
      }
      body += '\n';
    }
    std::string tics = "(";
    bool first = true;
    for (const auto& [row, label] : row_labels) {
      tics += fmt::format("{}{} {}", first ? "" : ", ", gp_string(label),
                          row * (h + kGap) + (h - 1) / 2.0);
      first = false;
    }
    tics += ")";
    // Pixels drawn 2–4 times their size (small digits stay readable), about 1000 px wide.
    const int scale = static_cast<int>(std::clamp<long long>(1000 / std::max<long long>(total_w, 1),
                                                             std::max(h, w) <= 64 ? 2 : 1, 4));
    size_t longest = 0;
    for (const auto& [row, label] : row_labels) longest = std::max(longest, label.size());
    const int left =
        row_labels.empty() ? 20 : static_cast<int>(30 + 8 * std::min<size_t>(longest, 40));
    figure.width = static_cast<int>(total_w * scale) + left + 30;
    figure.height = static_cast<int>(total_h * scale) + 40;
    std::ostringstream out;
    out << data_block("img", body) << "set palette gray\nset cbrange [0:255]\nunset colorbox\n"
        << "set border 0\nunset xtics\nset size ratio -1\n"
        << fmt::format("set xrange [-0.5:{}]\nset yrange [{}:-0.5]\n", total_w - 0.5, total_h - 0.5)
        << fmt::format("set lmargin at screen {:.4f}\nset rmargin at screen {:.4f}\n",
                       static_cast<double>(left) / figure.width, 1.0 - 15.0 / figure.width)
        << "set tmargin at screen 0.98\nset bmargin at screen 0.02\n"
        << (row_labels.empty() ? "unset ytics\n" : "set ytics " + tics + " scale 0 font ',11'\n")
        << "plot $img matrix with image notitle\n";
    figure.script = out.str();
    figures.push_back(figure);
  }
  return figures;
}

}  // namespace aerepro::reports
