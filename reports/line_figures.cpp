// Line figures (numeric x): each seed a thin line and the mean over seeds bold, the report's
// printed values (a series named "… (report, printed)") dashed in the colour of our series they
// match, at most kMaxSeries series a plot — more become small multiples side by side on one
// y range, each printed series in the panel of the series it matches.
#include "reports/gnuplot_script.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace aerepro::reports::gnuplot {
namespace {

bool is_printed(const std::string& series) {
  return series.find("(report") != std::string::npos;
}

std::set<std::string> tokens(std::string text) {
  // "S3.2 one-level ae train": the section number names no model.
  if (text.size() > 1 && (text[0] == 'S' || text[0] == 's') && std::isdigit(text[1])) {
    const size_t space = text.find(' ');
    text = space == std::string::npos ? "" : text.substr(space + 1);
  }
  static const std::set<std::string> skip = {"report", "printed", "train", "training",
                                             "as",     "made",    "the"};
  std::set<std::string> out;
  std::string word;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      if (!skip.count(word) && !(word.size() == 2 && word[0] == 's' && std::isdigit(word[1])))
        out.insert(word);
      word.clear();
    }
  }
  return out;
}

// The index in `ours` of the series `printed` shares most words with (-1 when none).
int partner(const std::string& printed, const std::vector<std::string>& ours) {
  const auto mine = tokens(printed);
  int best = -1;
  size_t best_overlap = 0;
  for (size_t i = 0; i < ours.size(); ++i) {
    size_t overlap = 0;
    for (const auto& t : tokens(ours[i])) overlap += mine.count(t);
    if (overlap > best_overlap) {
      best_overlap = overlap;
      best = static_cast<int>(i);
    }
  }
  return best;
}

struct Drawn {
  std::string name;
  size_t colour = 0;
  bool printed = false;
};

}  // namespace

Figure lines_figure(Figure figure, const FigureLabels& labels,
                    const std::vector<LineSample>& samples, bool steps) {
  std::vector<std::string> names;
  std::set<long long> all_seeds;
  bool x_positive = true, y_positive = true, any_printed = false;
  double y_lo = INFINITY, y_hi = -INFINITY;
  for (const auto& s : samples) {
    names.push_back(s.series);
    all_seeds.insert(s.seed);
    x_positive = x_positive && s.x > 0;
    y_positive = y_positive && s.y > 0;
    if (std::isfinite(s.y)) {
      y_lo = std::min(y_lo, s.y);
      y_hi = std::max(y_hi, s.y);
    }
  }
  // Our series in order, each followed by the printed series that match it; a group never
  // splits across panels.
  std::vector<std::string> ours, printed;
  for (const auto& n : ordered_labels(names)) (is_printed(n) ? printed : ours).push_back(n);
  any_printed = !printed.empty();
  std::vector<std::vector<Drawn>> groups(ours.size());
  for (size_t i = 0; i < ours.size(); ++i) groups[i].push_back({ours[i], 0, false});
  for (const auto& p : printed) {
    const int k = partner(p, ours);
    if (k < 0)
      groups.push_back({{p, 0, true}});
    else
      groups[static_cast<size_t>(k)].push_back({p, 0, true});
  }
  // Panels of at most kMaxSeries series, filled in order (a group never splits).
  std::vector<std::vector<Drawn>> panel(1);
  for (auto& g : groups) {
    if (!panel.back().empty() && panel.back().size() + g.size() > kMaxSeries) panel.emplace_back();
    size_t colour = 0;
    for (const auto& d : panel.back()) colour = std::max(colour, d.colour + 1);
    for (auto& d : g) {
      d.colour = colour;
      panel.back().push_back(d);
    }
  }
  std::ostringstream out;
  const std::string style = steps ? "histeps" : "lines";
  std::vector<std::string> plots;
  size_t block = 0;
  for (const auto& drawn : panel) {
    std::ostringstream plot;
    for (const auto& d : drawn) {
      std::map<long long, std::map<double, double>> per_seed;
      std::map<double, std::vector<double>> per_x;
      for (const auto& s : samples) {
        if (s.series != d.name) continue;
        per_seed[s.seed][s.x] = s.y;
        per_x[s.x].push_back(s.y);
      }
      if (per_seed.size() > 1 && !d.printed) {
        for (const auto& [seed, points] : per_seed) {
          std::string body;
          for (const auto& [x, y] : points) body += num(x) + " " + num(y) + "\n";
          const auto name = fmt::format("s{}", block++);
          out << data_block(name, body);
          plot << fmt::format("${} with {} lc rgb {} lw 1 notitle, ", name, style, faint(d.colour));
        }
      }
      std::string body;
      for (const auto& [x, ys] : per_x) body += num(x) + " " + num(stats(ys).mean) + "\n";
      const auto name = fmt::format("m{}", block++);
      out << data_block(name, body);
      const bool points = !steps && per_x.size() <= 30;
      plot << fmt::format("${} with {} lc rgb {} lw {} {} {} title {}, ", name,
                          steps ? "histeps" : (points ? "linespoints" : "lines"), colour(d.colour),
                          d.printed ? "2" : "2.5", d.printed ? "dt 2" : "",
                          points ? (d.printed ? "pt 6 ps 0.8" : "pt 7 ps 0.6") : "",
                          gp_string(d.name));
    }
    std::string p = plot.str();
    plots.push_back(p.substr(0, p.size() - 2));
  }
  size_t most = 0;
  for (const auto& d : panel) most = std::max(most, d.size());
  // Long names stack in one column above the plot (side by side they overprint each other).
  out << axis_labels(labels) << "set grid\n"
      << (most > 2 ? fmt::format("set key tmargin left vertical Left reverse maxcols 1\n"
                                 "set tmargin {}\n",
                                 most + 1)
                   : std::string("set key outside top center horizontal\n"));
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
  const bool log_y = labels.log_y && y_positive && y_lo > 0 && y_hi / y_lo > 20;
  if (log_y) out << "set logscale y\n";
  if (plots.size() > 1 && std::isfinite(y_lo)) {  // one y range for every panel
    const double pad = log_y ? 0 : 0.05 * (y_hi - y_lo);
    out << fmt::format("set yrange [{}:{}]\n", num(log_y ? y_lo / 1.2 : y_lo - pad),
                       num(log_y ? y_hi * 1.2 : y_hi + pad));
    out << fmt::format("set multiplot layout 1,{}\n", plots.size());
  }
  for (const auto& p : plots) out << "plot " << p << "\n";
  if (plots.size() > 1) out << "unset multiplot\n";
  figure.width = plots.size() > 1 ? static_cast<int>(std::min<size_t>(520 * plots.size(), 1300))
                                  : figure.width;
  figure.height += 16 * static_cast<int>(most > 2 ? most : 0);
  std::string note = all_seeds.size() > 1 ? fmt::format("bold: mean over {}; thin: each seed",
                                                        seeds_note(all_seeds.size()))
                                          : seeds_note(all_seeds.size());
  if (any_printed)
    note += "; dashed, open circles: the report's printed values, in the colour of ours";
  if (plots.size() > 1)
    note += fmt::format("; {} panels on one y range (at most {} series a panel)", plots.size(),
                        kMaxSeries);
  figure.note = note;
  figure.script = out.str();
  return figure;
}

}  // namespace aerepro::reports::gnuplot
