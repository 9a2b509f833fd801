// Figures as gnuplot scripts with their data inline, and one gnuplot process (through
// gnuplot-iostream) that draws them all as PNG files (pngcairo).
#pragma once
#include "results/artifacts_csv.h"
#include "results/bench_csv.h"

#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::reports {

struct Figure {
  std::string claim;  // "" for benchmark figures
  std::string name;   // the figure name in the CSV (e.g. loss_curve)
  std::string title;  // from the figure catalog
  std::string note;   // what is drawn, e.g. "bold: mean over 3 seeds; thin: each seed"
  std::string file;   // PNG file name, relative to the report folder
  int width = 660, height = 420;
  std::string script;  // gnuplot commands (data blocks, settings, plot) that draw it
  bool rendered = false;
  std::string error;  // what gnuplot said when no image came out
};

// One figure per figure name in `points` (all of one claim): numeric x → lines (each seed thin,
// the mean bold); category x → grouped bars of the mean with min–max error bars;
// confusion_matrix → heat map; codes_2d → scatter by class; activation_histogram → steps.
// `loss`: the loss the claim's record declares (its loss curves' axis names it; "" names none).
std::vector<Figure> series_figures(const std::string& claim,
                                   const std::vector<results::SeriesPoint>& points,
                                   const std::string& loss = "");

// One image grid per figure name in `cells` (all of one claim), from the lowest seed present,
// row labels at the left.
std::vector<Figure> image_figures(const std::string& claim,
                                  const std::vector<results::ImageCell>& cells);

// Throughput bars per benchmark kind (C++ CPU, C++ GPU, Python reference side by side) and
// GFLOP/s against the measured SGEMM peak of each device.
std::vector<Figure> bench_figures(const std::vector<results::BenchRow>& rows);

// Draws every figure into `dir` with one gnuplot process (`gnuplot_command`), keeping the whole
// script as dir/figures.gp (re-run it there with `gnuplot figures.gp`). Sets `rendered` where a
// real PNG file came out, else `error` with gnuplot's messages for that figure.
void render_figures(std::vector<Figure>& figures, const std::filesystem::path& dir,
                    const std::string& gnuplot_command = "gnuplot");

// True when `file` starts with the PNG signature.
bool is_png(const std::filesystem::path& file);

}  // namespace aerepro::reports
