// Benchmark figures: throughput bars per benchmark kind and GFLOP/s against the measured SGEMM
// peak of each device.
#include "reports/gnuplot_figures.h"

#include "reports/figure_style.h"
#include "reports/gnuplot_script.h"
#include "reports/text_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace aerepro::reports {

std::vector<Figure> bench_figures(const std::vector<results::BenchRow>& rows) {
  using namespace gnuplot;  // reports/gnuplot_script.h
  const auto series_of = [](const results::BenchRow& r) {
    std::string impl = r.implementation == "cpp"      ? "C++"
                       : r.implementation == "python" ? "Python"
                                                      : r.implementation;
    return impl + " " + r.device;
  };
  const auto category_of = [](const results::BenchRow& r) {
    std::string c = r.benchmark;
    if (!r.model.empty() && c.find(r.model) == std::string::npos) c += " " + r.model;
    if (r.batch_size) c += fmt::format(" (batch {})", *r.batch_size);
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

}  // namespace aerepro::reports
