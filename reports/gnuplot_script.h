// The pieces the gnuplot figure scripts share (reports/series_figures.cpp,
// reports/bench_figures.cpp): colours, quoting, data blocks, axis labels, per-group statistics
// and grouped bars. Internal to the report tool; callers use reports/gnuplot_figures.h.
#pragma once
#include "reports/figure_style.h"
#include "reports/gnuplot_figures.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aerepro::reports::gnuplot {

// At most this many series in one plot (more become small multiples).
inline constexpr size_t kMaxSeries = 8;
// The i-th colour of the palette as a gnuplot colour literal ('#RRGGBB').
std::string colour(size_t i);
// The same colour, half transparent (gnuplot's #AARRGGBB, AA = transparency).
std::string faint(size_t i);
// A gnuplot string literal (single quotes: no escapes but '' for ').
std::string gp_string(std::string_view text);
// A category label inside a data block (double-quoted column).
std::string data_label(std::string_view text);
// A number as a data block writes it: 9 significant digits, NaN when not finite.
std::string num(double v);
// True when all of `text` is one finite number (then stored in `value`).
bool parse_number(const std::string& text, double& value);
// Labels in first-seen order; sorted numerically when every one is a number.
std::vector<std::string> ordered_labels(std::vector<std::string> seen);
// A named inline data block ($name << EOD ... EOD).
std::string data_block(const std::string& name, const std::string& body);
// The set xlabel / set ylabel commands of a figure.
std::string axis_labels(const FigureLabels& labels);

// Mean, min and max of the finite values, and how many there are (all NaN when none).
struct Stats {
  double mean = 0, min = 0, max = 0;
  size_t n = 0;
};
Stats stats(const std::vector<double>& values);

// "1 seed" or "N seeds".
std::string seeds_note(size_t seeds);

// One point of a line figure: its series, seed and (x, y).
struct LineSample {
  std::string series;
  long long seed;
  double x, y;
};

// Lines (line_figures.cpp): each seed thin, the mean bold; printed series ("… (report, …)")
// dashed beside the series they match; more than kMaxSeries series become panels on one y
// range. `steps` draws histogram steps instead of lines.
Figure lines_figure(Figure figure, const FigureLabels& labels,
                    const std::vector<LineSample>& samples, bool steps);

// One value of a bar chart: its category (x), series (bar colour) and value.
struct BarSample {
  std::string category;
  std::string series;
  double value;
};

// Grouped bars of the mean with min–max error bars. `extra` goes before the plot command.
Figure bars_figure(Figure figure, const FigureLabels& labels, const std::vector<BarSample>& samples,
                   const std::string& extra = "", bool log_y = false);

}  // namespace aerepro::reports::gnuplot
