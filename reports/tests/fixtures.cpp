#include "fixtures.h"

#include "reports/page_split.h"
#include "results/artifacts_csv.h"
#include "results/bench_csv.h"
#include "results/results_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>

namespace aerepro::reports::testing {
namespace {

namespace fs = std::filesystem;
using namespace aerepro::results;

struct ClaimSpec {
  std::string id, source, sentence, departure;
  std::vector<std::string> metrics;
};

std::vector<ClaimSpec> claim_specs() {
  return {
      {kCurvesClaim,
       "S2.2, S2.3",
       "Curves: loss falls <and> error grows with σ & λ (\"quoted\")",
       "Trained 2 epochs instead of 10; this departure text is long on purpose so that the page "
       "must wrap it rather than cut it: every word of it has to be shown in full.",
       {"final_loss", "pca_wins"}},
      {kBarsClaim, "S2.4, S4.1", "Bars: OOD error above in-distribution error", "", {"ood_ratio"}},
      {kSpecialClaim,
       "S0.7",
       "Special: clustering accuracy above 0.7",
       "Subsampled to 6,000 images.",
       {"majority_accuracy", "hungarian_accuracy"}},
      {kImagesClaim, "S0.6, S3.2", "Images: decoded codes look like digits", "", {"mean_pixel"}},
  };
}

// A 28x28 test pattern: a ring whose radius depends on `k`.
std::vector<uint8_t> pattern(int k, int h = 28, int w = 28) {
  std::vector<uint8_t> pixels(static_cast<size_t>(h * w));
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const double r = std::hypot(y - h / 2.0, x - w / 2.0);
      const double v = std::exp(-std::pow(r - 4.0 - (k % 6), 2) / 3.0);
      pixels[static_cast<size_t>(y * w + x)] = static_cast<uint8_t>(std::lround(255 * v));
    }
  }
  return pixels;
}

}  // namespace

std::vector<std::string> synthetic_series_figures() {
  return {"loss_curve",     "per_image_error",       "error_vs_sigma", "error_vs_hidden_size",
          "loss_vs_lambda", "error_vs_latent_noise", "ood_error",      "clustering_accuracy",
          "test_accuracy",  "confusion_matrix",      "codes_2d",       "activation_histogram",
          "some_new_figure"};
}

std::vector<std::string> synthetic_image_figures() {
  return {"denoising",
          "generated",
          "interpolation_same_class",
          "interpolation_different_class",
          "latent_noise",
          "manifold_ascent",
          "first_layer_filters"};
}

void write_synthetic_profile(const fs::path& root, const std::string& profile, int seeds,
                             double shift, bool bench) {
  const fs::path dir = root / profile;
  fs::create_directories(dir);
  std::vector<ClaimIndexRow> index;
  for (const auto& spec : claim_specs()) {
    index.push_back({spec.id, spec.source, spec.sentence, spec.departure, "none", "metric > 0.7",
                     "report", "", ""});
  }
  index.push_back({kNotRunClaim, "S1.3", "Not run: listed in the index only", "", "unknown", "",
                   "report", "", ""});
  write_index_csv(index_file(dir), index);
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0.0, 1.0);

  for (const auto& spec : claim_specs()) {
    std::vector<ResultRow> rows;
    std::vector<SummaryRow> summary;
    for (size_t m = 0; m < spec.metrics.size(); ++m) {
      std::vector<double> values;
      for (int seed = 0; seed < seeds; ++seed) {
        ResultRow r;
        r.profile = profile;
        r.claim = spec.id;
        r.source = spec.source;
        r.seed = seed;
        r.metric = spec.metrics[m];
        r.value = 0.75 + 0.01 * static_cast<double>(m) + shift + 0.01 * noise(rng);
        r.comparison = ">";
        r.threshold = 0.7;
        r.verdict = r.value > 0.7 ? "pass" : "fail";
        r.source_figure = 0.7346;
        r.git_revision = "fixture0rev1";
        r.torch_version = "1.13.1";
        r.device = "cpu";
        r.threads = 2;
        r.dataset_checksum = "fixture-mnist-checksum";
        r.seconds = 1.5;
        rows.push_back(r);
        values.push_back(r.value);
      }
      SummaryRow s;
      s.profile = profile;
      s.claim = spec.id;
      s.source = spec.source;
      s.sentence = spec.sentence;
      s.departure = spec.departure;
      s.bias = "none";
      s.record_status = "no record";
      s.metric = spec.metrics[m];
      s.comparison = ">";
      s.threshold = 0.7;
      s.source_figure = 0.7346;
      s.n = seeds;
      double sum = 0, sq = 0;
      s.min = INFINITY;
      s.max = -INFINITY;
      for (double v : values) {
        sum += v;
        s.min = std::min(s.min, v);
        s.max = std::max(s.max, v);
      }
      s.mean = sum / seeds;
      for (double v : values) sq += (v - s.mean) * (v - s.mean);
      s.std = seeds > 1 ? std::sqrt(sq / (seeds - 1)) : std::nan("");
      s.ci95_low = s.mean - 2 * s.std;
      s.ci95_high = s.mean + 2 * s.std;
      s.met = s.mean > 0.7;
      s.metric_verdict = s.met ? "holds" : "fails";
      s.bound = s.mean;
      s.opposite_bound = s.mean;
      s.verdict = s.met ? "reproduced" : "not reproduced";
      s.claim_seconds = 4.5;
      s.git_revision = "fixture0rev1";
      s.torch_version = "1.13.1";
      s.device = "cpu";
      s.threads = 2;
      s.dataset_checksum = "fixture-mnist-checksum";
      summary.push_back(s);
    }
    // Every summary row of a claim carries the claim's verdict.
    bool all = true;
    for (const auto& s : summary) all = all && s.met;
    for (auto& s : summary) {
      s.verdict = all ? "reproduced" : "not reproduced";
    }
    write_results_csv(dir / (spec.id + ".csv"), rows);
    write_summary_csv(summary_file(dir, spec.id), summary);
  }

  // Series: every figure kind, for every seed.
  std::vector<SeriesPoint> curves, bars, special;
  for (int seed = 0; seed < seeds; ++seed) {
    const double j = 0.02 * seed;
    const auto add = [&](std::vector<SeriesPoint>& v, const std::string& figure,
                         const std::string& series, const std::string& x, double y) {
      v.push_back({"", seed, figure, series, x, y});
    };
    for (int epoch = 1; epoch <= 10; ++epoch) {
      add(curves, "loss_curve", "deep AE train", std::to_string(epoch),
          0.06 / epoch + 0.02 + j * 0.01);
      add(curves, "loss_curve", "deep AE validation", std::to_string(epoch),
          0.065 / epoch + 0.022 + j * 0.01);
    }
    for (int image = 1; image <= 10; ++image) {
      add(curves, "per_image_error", "AE", std::to_string(image),
          15 + 5 * std::sin(image) + j * 10);
      add(curves, "per_image_error", "PCA", std::to_string(image), 12 + 4 * std::sin(image));
    }
    for (double sigma : {0.1, 0.2, 0.3, 0.5, 0.7}) {
      add(curves, "error_vs_sigma", "DAE", fmt::format("{}", sigma), 5 + 10 * sigma + j);
      add(curves, "error_vs_sigma", "standard AE", fmt::format("{}", sigma), 5 + 30 * sigma + j);
    }
    for (int hidden : {64, 128, 256}) {
      add(curves, "error_vs_hidden_size", "single hidden layer", std::to_string(hidden),
          800.0 / hidden + j);
    }
    for (double lambda : {1e-5, 1e-4, 1e-3, 1e-2}) {
      add(curves, "loss_vs_lambda", "sparse AE", fmt::format("{}", lambda),
          0.02 + 2 * lambda + j * 0.001);
    }
    for (double s : {0.0, 0.5, 1.0, 2.0}) {
      add(curves, "error_vs_latent_noise", "decoder", fmt::format("{}", s), 10 + 8 * s * s + j);
    }
    for (const char* x : {"MNIST test", "Fashion-MNIST", "uniform noise"}) {
      const double base = std::string(x) == "MNIST test" ? 10 : 45;
      add(bars, "ood_error", "x = 64", x, base + 3 + seed);
      add(bars, "ood_error", "x = 256", x, base + seed);
    }
    for (const char* x : {"codes", "raw pixels"}) {
      const double base = std::string(x) == "codes" ? 0.77 : 0.53;
      add(special, "clustering_accuracy", "majority", x, base + j);
      add(special, "clustering_accuracy", "hungarian", x, base - 0.03 + j);
    }
    add(bars, "test_accuracy", "CNN", "test set", 0.99 - j * 0.1);
    add(bars, "test_accuracy", "AE classifier", "test set", 0.97 - j * 0.1);
    for (int t = 0; t < 10; ++t) {
      for (int a = 0; a < 10; ++a) {
        add(special, "confusion_matrix", std::to_string(t), std::to_string(a),
            t == a ? 900 + 10 * seed : ((t + a) % 7 == 0 ? 40 : 3));
      }
    }
    for (int c = 0; c < 10; ++c) {
      for (int i = 0; i < 40; ++i) {
        const double angle = 0.628 * c;
        add(special, "codes_2d", std::to_string(c),
            fmt::format("{:.4f}", 3 * std::cos(angle) + 0.5 * noise(rng)),
            3 * std::sin(angle) + 0.5 * noise(rng));
      }
    }
    for (int b = 0; b < 20; ++b) {
      const double x = 0.025 + 0.05 * b;
      add(special, "activation_histogram", "sparse", fmt::format("{:.3f}", x),
          std::exp(-x * 12) * 0.6);
      add(special, "activation_histogram", "standard", fmt::format("{:.3f}", x),
          0.05 + 0.02 * std::sin(6 * x));
    }
    add(bars, "some_new_figure", "series", "a", 1 + seed);
    add(bars, "some_new_figure", "series", "b", 2 + seed);
  }
  for (auto* v : {&curves, &bars, &special}) {
    for (auto& p : *v)
      p.claim = (v == &curves ? kCurvesClaim : v == &bars ? kBarsClaim : kSpecialClaim);
  }
  write_series_csv(series_file(dir, kCurvesClaim), curves);
  write_series_csv(series_file(dir, kBarsClaim), bars);
  write_series_csv(series_file(dir, kSpecialClaim), special);

  // Images: one grid per figure, for seeds 1 and 0 (the report draws seed 0).
  std::vector<ImageCell> cells;
  for (int seed = std::min(seeds, 2) - 1; seed >= 0; --seed) {
    const auto add = [&](const std::string& figure, int row, int col, const std::string& label,
                         int k, int size = 28) {
      cells.push_back(
          {kImagesClaim, seed, figure, row, col, label, size, size, pattern(k + seed, size, size)});
    };
    const char* rows[] = {"original", "noisy σ=0.5", "reconstructed"};
    for (int r = 0; r < 3; ++r) {
      for (int c = 0; c < 10; ++c) add("denoising", r, c, rows[r], c + r);
    }
    for (int r = 0; r < 3; ++r) {
      for (int c = 0; c < 3; ++c) add("generated", r, c, "", 3 * r + c);
    }
    for (int c = 0; c < 9; ++c) add("interpolation_same_class", 0, c, "7 → 7", c);
    for (int r = 0; r < 2; ++r) {
      for (int c = 0; c < 9; ++c)
        add("interpolation_different_class", r, c, r ? "3 → 8" : "1 → 4", c + r);
    }
    for (int r = 0; r < 4; ++r) {
      for (int c = 0; c < 8; ++c) add("latent_noise", r, c, fmt::format("σ = {}", r * 0.5), c);
    }
    for (int c = 0; c < 10; ++c) add("manifold_ascent", 0, c, "step", c);
    for (int r = 0; r < 4; ++r) {
      for (int c = 0; c < 8; ++c) add("first_layer_filters", r, c, "", r * 8 + c);
    }
  }
  write_images_csv(images_file(dir, kImagesClaim), cells);

  if (bench) {
    std::vector<BenchRow> timings;
    const auto row = [&](const std::string& name, const std::string& model, const std::string& kind,
                         const std::string& device, const std::string& impl,
                         std::optional<long long> batch, double ms, double gflops, double peak) {
      const double ips = batch ? 1000.0 * static_cast<double>(*batch) / ms : std::nan("");
      timings.push_back({name, model, kind, device, impl, batch, ms, ips, gflops,
                         peak > 0 ? 100 * gflops / peak : std::nan(""), 2, "1.13.1",
                         "fixture0rev1"});
    };
    row("sgemm_1024", "", "sgemm", "cpu", "cpp", std::nullopt, 25, 85, 85);
    row("sgemm_1024", "", "sgemm", "cuda", "cpp", std::nullopt, 0.1, 21000, 21000);
    row("train_step_dae", "conv_dae", "train_step", "cpu", "cpp", 256, 40, 12, 85);
    row("train_step_dae", "conv_dae", "train_step", "cpu", "python", 256, 52, 9.2, 85);
    row("train_step_dae", "conv_dae", "train_step", "cuda", "cpp", 256, 1.2, 400, 21000);
    row("train_step_deep_ae", "deep_ae", "train_step", "cpu", "cpp", 256, 8, 40, 85);
    row("train_step_deep_ae", "deep_ae", "train_step", "cpu", "python", 256, 11, 29, 85);
    row("inference_dae", "conv_dae", "inference", "cpu", "cpp", 1024, 30, 20, 85);
    write_bench_csv(root / "bench" / "timings.csv", timings);
  }
}

void add_negative_control(const fs::path& profile_dir, const std::string& claim, double mean,
                          bool vacuous, const std::string& stands_in) {
  auto summary = read_summary_csv(summary_file(profile_dir, claim));
  auto rows = read_results_csv(profile_dir / (claim + ".csv"));
  std::vector<SummaryRow> controls;
  for (const auto& s : summary) {
    if (s.comparison.empty() || std::isnan(s.threshold)) continue;
    SummaryRow k = s;
    k.metric = "control." + s.metric;
    k.mean = mean;
    k.std = 0.02;
    k.min = mean - 0.02;
    k.max = mean + 0.02;
    k.ci95_low = mean - 0.04;
    k.ci95_high = mean + 0.04;
    k.bound = mean;
    k.opposite_bound = mean;
    k.source_figure = std::nan("");
    k.met = mean > s.threshold;
    k.metric_verdict = k.met ? "holds" : "fails";
    k.seeds_met = k.met ? s.n : 0;
    controls.push_back(k);
  }
  std::vector<ResultRow> control_rows;
  for (const auto& r : rows) {
    if (r.comparison.empty()) continue;
    ResultRow k = r;
    k.metric = "control." + r.metric;
    k.value = mean;
    k.source_figure = std::nan("");
    k.verdict = mean > r.threshold ? "pass" : "fail";
    control_rows.push_back(k);
  }
  summary.insert(summary.end(), controls.begin(), controls.end());
  rows.insert(rows.end(), control_rows.begin(), control_rows.end());
  if (vacuous) {
    for (auto& s : summary) {
      s.verdict = "vacuous";
      s.verdict_note = "every asserted metric holds on its negative control too (" + stands_in +
                       "): the procedure does not show the statement about the model";
    }
  }
  write_summary_csv(summary_file(profile_dir, claim), summary);
  write_results_csv(profile_dir / (claim + ".csv"), rows);
}

void write_synthetic_inventory(const fs::path& dir) {
  const std::string header = "entry,line,kind,quote,printed,checked_by,reason,note\n";
  write_text(dir / "s0.csv",
             header + "S0-01,42,number,\"the accuracy, with k-means, is 73.46 %\",73.46 %," +
                 kSpecialClaim +
                 ",,scored one-to-one\n"
                 "S0-02,50,explanation,because the codes are smooth,,,explanation,"
                 "asserts nothing measurable\n");
  write_text(dir / "s1.csv", header);
  write_text(dir / "s2.csv", header + "S2-01,7,comparison,loss falls with epochs,," + kCurvesClaim +
                                 ",,its first and last epochs\n");
  write_text(dir / "s3.csv", header);
  write_text(dir / "s4.csv", header);
}

std::vector<std::string> site_pages(const fs::path& dir) {
  const std::vector<std::string> order = {"index", "s0", "s1", "s2", "s3", "s4", "checks", "run"};
  std::vector<std::pair<std::pair<size_t, size_t>, std::string>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".html") continue;
    const std::string stem = page_stem(name);
    const size_t rank = std::find(order.begin(), order.end(), stem) - order.begin();
    const size_t k = name == stem + ".html" ? 1 : std::stoul(name.substr(stem.size() + 1));
    found.push_back({{rank, k}, name});
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (const auto& f : found) out.push_back(f.second);
  return out;
}

std::string site_text(const fs::path& dir) {
  std::string out;
  for (const auto& page : site_pages(dir)) out += read_text(dir / page);
  return out;
}

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace aerepro::reports::testing
