#include "reports/gnuplot_figures.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "reports/figure_catalog.h"
#include "reports/text_format.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <gnuplot-iostream.h>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;

constexpr const char* kColours[] = {"1f77b4", "d62728", "2ca02c", "ff7f0e", "9467bd",
                                    "8c564b", "e377c2", "7f7f7f", "bcbd22", "17becf"};

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

struct Stats {
  double mean = 0, min = 0, max = 0;
  size_t n = 0;
};
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

// --- lines: numeric x ------------------------------------------------------------------------

struct LineSample {
  std::string series;
  long long seed;
  double x, y;
};

Figure lines_figure(Figure figure, const FigureLabels& labels,
                    const std::vector<LineSample>& samples, bool steps) {
  std::vector<std::string> names;
  std::set<long long> all_seeds;
  bool x_positive = true, y_positive = true;
  for (const auto& s : samples) {
    names.push_back(s.series);
    all_seeds.insert(s.seed);
    x_positive = x_positive && s.x > 0;
    y_positive = y_positive && s.y > 0;
  }
  const auto series = ordered_labels(names);
  std::ostringstream out, plot;
  const std::string style = steps ? "histeps" : "lines";
  for (size_t i = 0; i < series.size(); ++i) {
    std::map<long long, std::map<double, double>> per_seed;
    std::map<double, std::vector<double>> per_x;
    for (const auto& s : samples) {
      if (s.series != series[i]) continue;
      per_seed[s.seed][s.x] = s.y;
      per_x[s.x].push_back(s.y);
    }
    if (per_seed.size() > 1) {
      size_t k = 0;
      for (const auto& [seed, points] : per_seed) {
        std::string body;
        for (const auto& [x, y] : points) body += num(x) + " " + num(y) + "\n";
        const auto name = fmt::format("s{}_{}", i, k++);
        out << data_block(name, body);
        plot << fmt::format("${} with {} lc rgb {} lw 1 notitle, ", name, style, faint(i));
      }
    }
    std::string body;
    for (const auto& [x, ys] : per_x) body += num(x) + " " + num(stats(ys).mean) + "\n";
    out << data_block(fmt::format("m{}", i), body);
    const bool points = !steps && per_x.size() <= 30;
    plot << fmt::format("$m{} with {} lc rgb {} lw 2.5 {} title {}, ", i,
                        steps ? "histeps" : (points ? "linespoints" : "lines"), colour(i),
                        points ? "pt 7 ps 0.6" : "", gp_string(series[i]));
  }
  out << axis_labels(labels) << "set grid\nset key outside top center horizontal\n";
  // Log axes hug the data (gnuplot would widen them to whole decades); few x values get a tic
  // each.
  if (labels.log_x && x_positive) {
    std::set<double> xs;
    for (const auto& s : samples) xs.insert(s.x);
    out << "set logscale x\nset format x '%g'\nset autoscale xfix\n"
           "set offsets graph 0.05, graph 0.05, 0, 0\n";
    if (xs.size() <= 12) {
      std::string tics;
      for (double x : xs) tics += (tics.empty() ? "" : ", ") + num(x);
      out << "set xtics (" << tics << ")\n";
    }
  }
  // A log y axis only pays when the data spans decades (its tics sit at powers of ten).
  double y_lo = INFINITY, y_hi = 0;
  for (const auto& s : samples) {
    y_lo = std::min(y_lo, s.y);
    y_hi = std::max(y_hi, s.y);
  }
  if (labels.log_y && y_positive && y_hi / y_lo > 20) out << "set logscale y\n";
  std::string p = plot.str();
  out << "plot " << p.substr(0, p.size() - 2) << "\n";
  // Many series stack their key above the plot: keep the plot's own height.
  figure.height += 16 * static_cast<int>(series.size() > 2 ? series.size() - 2 : 0);
  figure.script = out.str();
  figure.note = all_seeds.size() > 1 ? fmt::format("bold: mean over {}; thin: each seed",
                                                   seeds_note(all_seeds.size()))
                                     : seeds_note(all_seeds.size());
  return figure;
}

// --- bars: category x ------------------------------------------------------------------------

struct BarSample {
  std::string category;
  std::string series;
  double value;
};

// Grouped bars of the mean with min–max error bars. `extra` goes before the plot command.
Figure bars_figure(Figure figure, const FigureLabels& labels, const std::vector<BarSample>& samples,
                   const std::string& extra = "", bool log_y = false) {
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

}  // namespace

// --- public ----------------------------------------------------------------------------------

std::vector<Figure> series_figures(const std::string& claim,
                                   const std::vector<results::SeriesPoint>& points) {
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
    const auto labels = figure_labels(name);
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
    if (name == "confusion_matrix") {
      figures.push_back(heatmap_figure(figure, labels, mine));
    } else if (name == "codes_2d" && numeric) {
      figures.push_back(scatter_figure(figure, labels, mine));
    } else if (numeric) {
      std::vector<LineSample> samples;
      for (const auto& p : mine) {
        parse_number(p.x, x);
        samples.push_back({p.series, p.seed, x, p.y});
      }
      figures.push_back(lines_figure(figure, labels, samples, name == "activation_histogram"));
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
    const auto labels = figure_labels(name);
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

std::vector<Figure> bench_figures(const std::vector<BenchRow>& rows) {
  const auto series_of = [](const BenchRow& r) {
    std::string impl = r.implementation == "cpp"      ? "C++"
                       : r.implementation == "python" ? "Python"
                                                      : r.implementation;
    return impl + " " + r.device;
  };
  const auto category_of = [](const BenchRow& r) {
    std::string c = r.benchmark;
    if (!r.model.empty() && c.find(r.model) == std::string::npos) c += " " + r.model;
    if (r.batch_size > 0) c += fmt::format(" (batch {})", r.batch_size);
    return c;
  };
  std::vector<std::string> kinds;
  for (const auto& r : rows) {
    if (r.kind != "sgemm" && std::find(kinds.begin(), kinds.end(), r.kind) == kinds.end()) {
      kinds.push_back(r.kind);
    }
  }
  std::vector<Figure> figures;
  for (const auto& kind : kinds) {
    bool throughput = false;
    for (const auto& r : rows)
      throughput = throughput || (r.kind == kind && std::isfinite(r.images_per_second));
    std::vector<BarSample> samples;
    double lo = INFINITY, hi = 0;
    for (const auto& r : rows) {
      if (r.kind != kind) continue;
      const double v = throughput ? r.images_per_second : r.milliseconds;
      if (!std::isfinite(v)) continue;
      samples.push_back({category_of(r), series_of(r), v});
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    if (samples.empty()) continue;
    Figure figure;
    figure.name = "bench_" + kind;
    figure.title = fmt::format(
        "Benchmark: {} ({})", kind,
        throughput ? "images per second, higher is better" : "milliseconds, lower is better");
    figure.file = file_safe("bench." + kind) + ".png";
    FigureLabels labels{figure.title, "", throughput ? "images per second" : "milliseconds"};
    figure = bars_figure(figure, labels, samples, "", lo > 0 && hi / lo > 20);
    figure.note = "mean of the rows per benchmark; error bars: min to max";
    figures.push_back(figure);
  }
  // GFLOP/s of every timed kernel against the device's measured SGEMM peak (one figure per
  // device: a GPU's scale would flatten the CPU's bars).
  std::vector<std::string> devices;
  for (const auto& r : rows) {
    if (std::isfinite(r.gflop_per_second) &&
        std::find(devices.begin(), devices.end(), r.device) == devices.end()) {
      devices.push_back(r.device);
    }
  }
  for (const auto& device : devices) {
    double peak = NAN;
    std::vector<BarSample> samples;
    for (const auto& r : rows) {
      if (r.device != device || !std::isfinite(r.gflop_per_second)) continue;
      if (r.kind == "sgemm" && r.implementation == "cpp") {
        peak = std::isnan(peak) ? r.gflop_per_second : std::max(peak, r.gflop_per_second);
      }
      samples.push_back({category_of(r), series_of(r), r.gflop_per_second});
    }
    std::string extra;
    double top = 0;
    for (const auto& sample : samples) top = std::max(top, sample.value);
    if (std::isfinite(peak)) {
      extra = fmt::format(
          "set arrow from graph 0, first {0} to graph 1, first {0} nohead dt 2 lw 1.5 lc rgb "
          "'#444444'\n"
          "set label {1} at graph 0.01, first {0} offset 0, 0.7 font ',9'\n"
          "set yrange [0:{2}]\n",
          num(peak), gp_string(fmt::format("measured SGEMM peak: {} GFLOP/s", format_number(peak))),
          num(std::max(peak, top) * 1.12));
    }
    Figure figure;
    figure.name = "bench_gflops_" + device;
    figure.title = fmt::format("Benchmark: GFLOP/s on {} against the measured SGEMM peak", device);
    figure.file = file_safe("bench.gflops." + device) + ".png";
    FigureLabels labels{figure.title, "", "GFLOP/s"};
    figure = bars_figure(figure, labels, samples, extra);
    figure.note = std::isfinite(peak) ? "dashed: the best C++ SGEMM on this device"
                                      : "no SGEMM timing on this device: no peak to compare with";
    figures.push_back(figure);
  }
  return figures;
}

bool is_png(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char signature[8] = {};
  in.read(signature, 8);
  return in.gcount() == 8 && std::string(signature, 8) == std::string("\x89PNG\r\n\x1a\n", 8);
}

void render_figures(std::vector<Figure>& figures, const fs::path& dir,
                    const std::string& gnuplot_command) {
  // Each figure goes to its own script file, loaded through the pipe: gnuplot reads files
  // fast (stdin 2-3 times slower) and an error ends only that figure's `load`.
  std::string all = "# The figures of this report; re-draw them here with: gnuplot figures.gp\n";
  std::string commands;
  std::vector<fs::path> parts;
  for (size_t k = 0; k < figures.size(); ++k) {
    const auto& f = figures[k];
    if (f.script.empty()) continue;  // nothing to draw (error already set)
    const std::string text = fmt::format(
                                 "\n# --- {} {}\nreset session\nset encoding utf8\n"
                                 "set terminal pngcairo size {},{} font 'sans,10' noenhanced\n"
                                 "set output {}\n",
                                 f.claim, f.name, f.width, f.height, gp_string(f.file)) +
                             f.script + "unset output\n";
    all += text;
    const fs::path part = dir / fmt::format(".figure-{}.gp", k);
    write_text_atomically(part, text);
    parts.push_back(part);
    commands += fmt::format("load {}\nprint 'AEREPRO_FIGURE_DONE {}'\n",
                            gp_string(part.filename().string()), k);
  }
  write_text_atomically(dir / "figures.gp", all);
  const fs::path log = dir / ".gnuplot.log";
  const auto quoted = [](const fs::path& p) {
    std::string q = "'";
    for (char c : p.string()) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  {
    // A pipe whose reader died (no gnuplot) must not kill the report: SIGPIPE is ignored while
    // writing.
    struct sigaction ignore {
    }, previous{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &previous);
    {
      Gnuplot gp("cd " + quoted(dir) + " && " + gnuplot_command + " 2> " + quoted(log));
      gp << commands << std::flush;
    }
    sigaction(SIGPIPE, &previous, nullptr);
  }
  std::error_code ignored;
  for (const auto& part : parts) fs::remove(part, ignored);
  // gnuplot's messages, split at the markers printed after each figure.
  std::map<size_t, std::string> messages;
  std::string pending, said_anywhere;
  {
    std::ifstream in(log);
    std::string line;
    while (std::getline(in, line)) {
      size_t k = 0;
      if (std::sscanf(line.c_str(), "AEREPRO_FIGURE_DONE %zu", &k) == 1) {
        messages[k] = pending;
        pending.clear();
      } else if (!line.empty()) {
        pending += line + "\n";
        said_anywhere += line + "\n";
      }
    }
  }
  fs::remove(log, ignored);
  for (size_t k = 0; k < figures.size(); ++k) {
    auto& f = figures[k];
    if (f.script.empty()) continue;
    f.rendered = is_png(dir / f.file);
    if (f.rendered) continue;
    std::string said = messages.count(k) ? messages[k] : said_anywhere;
    while (!said.empty() && (said.back() == '\n' || said.back() == ' ')) said.pop_back();
    f.error = said.empty() ? "gnuplot wrote no image" : "gnuplot wrote no image: " + said;
    fs::remove(dir / f.file, ignored);
  }
}

}  // namespace aerepro::reports
