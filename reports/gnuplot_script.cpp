#include "reports/gnuplot_script.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace aerepro::reports::gnuplot {
namespace {

// Okabe and Ito's colour-blind-safe palette (its yellow darkened to read on white); a figure
// draws at most kMaxSeries series a plot, so no colour repeats within a plot.
constexpr const char* kColours[] = {"0072b2", "d55e00", "009e73", "cc79a7",
                                    "e69f00", "56b4e9", "000000", "b8a200"};

}  // namespace

std::string colour(size_t i) {
  return fmt::format("'#{}'", kColours[i % std::size(kColours)]);
}
// The same colour, half transparent (gnuplot's #AARRGGBB, AA = transparency).
std::string faint(size_t i) {
  return fmt::format("'#90{}'", kColours[i % std::size(kColours)]);
}

// A gnuplot string literal (single quotes: no escapes but '' for ').
std::string gp_string(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "''";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "'";
}

// A category label inside a data block (double-quoted column).
std::string data_label(std::string_view text) {
  std::string out = "\"";
  for (char c : text) out += (c == '"' || c == '\n' || c == '\r') ? '\'' : c;
  return out + "\"";
}

std::string num(double v) {
  return std::isfinite(v) ? fmt::format("{:.9g}", v) : "NaN";
}

bool parse_number(const std::string& text, double& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return *end == '\0' && std::isfinite(value);
}

// Labels in first-seen order; sorted numerically when every one is a number.
std::vector<std::string> ordered_labels(std::vector<std::string> seen) {
  std::vector<std::string> unique;
  for (auto& s : seen) {
    if (std::find(unique.begin(), unique.end(), s) == unique.end()) unique.push_back(s);
  }
  double a = 0, b = 0;
  const bool numeric = std::all_of(unique.begin(), unique.end(),
                                   [&](const std::string& s) { return parse_number(s, a); });
  if (numeric) {
    std::stable_sort(unique.begin(), unique.end(), [&](const std::string& x, const std::string& y) {
      parse_number(x, a);
      parse_number(y, b);
      return a < b;
    });
  }
  return unique;
}

std::string data_block(const std::string& name, const std::string& body) {
  return fmt::format("${} << EOD\n{}EOD\n", name, body);
}

std::string axis_labels(const FigureLabels& labels) {
  // (Raised a little: glyphs such as λ reach below the default label's box.)
  return fmt::format("set xlabel {} offset 0, 0.4\nset ylabel {}\n", gp_string(labels.x_label),
                     gp_string(labels.y_label));
}

Stats stats(const std::vector<double>& values) {
  Stats s;
  double sum = 0;
  s.min = INFINITY;
  s.max = -INFINITY;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    sum += v;
    s.min = std::min(s.min, v);
    s.max = std::max(s.max, v);
    ++s.n;
  }
  if (s.n == 0) return {NAN, NAN, NAN, 0};
  s.mean = sum / static_cast<double>(s.n);
  return s;
}

std::string seeds_note(size_t seeds) {
  return seeds > 1 ? fmt::format("{} seeds", seeds) : "1 seed";
}

// --- bars: category x ------------------------------------------------------------------------

// Grouped bars of the mean with min–max error bars. `extra` goes before the plot command.
Figure bars_figure(Figure figure, const FigureLabels& labels, const std::vector<BarSample>& samples,
                   const std::string& extra, bool log_y) {
  std::vector<std::string> categories_seen, series_seen;
  for (const auto& s : samples) {
    categories_seen.push_back(s.category);
    series_seen.push_back(s.series);
  }
  const auto categories = ordered_labels(categories_seen);
  const auto series = ordered_labels(series_seen);
  std::string body;
  bool positive = true;
  size_t longest = 0;
  for (const auto& category : categories) {
    longest = std::max(longest, category.size());
    body += data_label(category);
    for (const auto& name : series) {
      std::vector<double> values;
      for (const auto& s : samples) {
        if (s.category == category && s.series == name) values.push_back(s.value);
      }
      const auto st = stats(values);
      positive = positive && (st.n == 0 || st.min > 0);
      body += fmt::format(" {} {} {}", num(st.mean), num(st.min), num(st.max));
    }
    body += "\n";
  }
  figure.width = static_cast<int>(std::clamp<size_t>(
      260 + categories.size() * std::max<size_t>(series.size(), 2) * 34, 560, 1300));
  std::ostringstream out;
  out << data_block("b", body) << axis_labels(labels)
      << "set style data histograms\nset style histogram errorbars gap 1.5 lw 1\n"
         "set style fill solid 0.85 border -1\nset boxwidth 0.9\nset grid ytics\n"
         "set key outside top center horizontal\nset xtics nomirror scale 0\n";
  // Tilt the category labels when they would not fit side by side (about 7 px a character).
  // (gnuplot leaves about one category's width of margin.)
  const double room = (figure.width - 90.0) / static_cast<double>(categories.size() + 1);
  if (static_cast<double>(longest) * 7.0 > room) {
    // Tilted by 30°, neighbouring labels lie room·sin 30° apart: under a line's height (about
    // 16 px) they overprint each other, so many categories get vertical labels instead.
    if (room * 0.5 < 16.0) {
      out << "set xtics rotate by -90 left\n";
      figure.height += static_cast<int>(std::min<size_t>(longest, 60) * 7);
    } else {
      out << "set xtics rotate by -30 left\n";
      figure.height += static_cast<int>(std::min<size_t>(longest, 50) * 3);  // room below for them
    }
  }
  if (log_y && positive) {
    out << "set logscale y\n";
  } else {
    out << "set yrange [0:*]\n";
  }
  out << extra << "plot ";
  for (size_t i = 0; i < series.size(); ++i) {
    out << fmt::format("{}$b using {}:{}:{}{} lc rgb {} title {}", i ? ", " : "", 2 + 3 * i,
                       3 + 3 * i, 4 + 3 * i, i == 0 ? ":xtic(1)" : "", colour(i),
                       gp_string(series[i]));
  }
  out << "\n";
  figure.script = out.str();
  return figure;
}

}  // namespace aerepro::reports::gnuplot
