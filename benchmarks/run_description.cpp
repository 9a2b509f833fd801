#include "run_description.h"

#include <array>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace aerepro::bench {
namespace {

// The label's keys in the order they are written, each with the name it holds.
template <typename Label>  // RunLabel or const RunLabel
auto label_fields(Label& label) {
  return std::array{std::pair{"model", &label.model}, std::pair{"kind", &label.kind},
                    std::pair{"device", &label.device},
                    std::pair{"implementation", &label.implementation}};
}

}  // namespace

std::string format_run_label(const RunLabel& label) {
  std::string text;
  for (const auto& [key, value] : label_fields(label)) {
    if (value->empty() || value->find_first_of(" =") != std::string::npos) {
      throw std::invalid_argument(std::string("benchmark label: the ") + key + " '" + *value +
                                  "' is empty or holds a space or '='");
    }
    if (!text.empty()) text += ' ';
    text += std::string(key) + "=" + *value;
  }
  return text;
}

std::optional<RunLabel> parse_run_label(const std::string& text) {
  RunLabel label;
  std::istringstream words(text);
  std::string word;
  for (const auto& [key, value] : label_fields(label)) {
    const std::string prefix = std::string(key) + "=";
    if (!(words >> word) || word.rfind(prefix, 0) != 0 || word.size() == prefix.size() ||
        word.find('=', prefix.size()) != std::string::npos) {
      return std::nullopt;
    }
    *value = word.substr(prefix.size());
  }
  if (words >> word) return std::nullopt;  // more than a label holds
  return label;
}

void describe_run(benchmark::State& state, const BenchmarkInfo& info, double peak_gflops) {
  using benchmark::Counter;
  state.SetLabel(format_run_label(info.label));
  if (info.batch_size) state.counters[kBatchSizeCounter] = static_cast<double>(*info.batch_size);
  if (!std::isnan(info.images_per_iteration)) {
    state.counters[kImagesRateCounter] =
        Counter(info.images_per_iteration, Counter::kIsIterationInvariantRate);
  }
  if (!std::isnan(info.flops_per_iteration)) {
    state.counters[kGflopRateCounter] =
        Counter(info.flops_per_iteration * 1e-9, Counter::kIsIterationInvariantRate);
    if (peak_gflops > 0) {
      state.counters[kPeakPercentCounter] =
          Counter(info.flops_per_iteration * 1e-9 / peak_gflops * 100.0,
                  Counter::kIsIterationInvariantRate);
    }
  }
}

}  // namespace aerepro::bench
