#include "train/trainer.h"

#include "common/compat.h"
#include "common/error.h"
#include "train/epoch_state.h"

#include <fmt/format.h>

#include <unistd.h>
#include <chrono>
#include <cstdio>

namespace aerepro::train {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Progress of a training on stderr. On a terminal: one line, redrawn at most a few times a
// second. Elsewhere (a log: nohup, Slurm, CI): a line per epoch, at most one per 30 s, so a
// long training shows it is alive and short ones print nothing.
class Progress {
 public:
  explicit Progress(bool wanted)
      : terminal_(wanted && isatty(fileno(stderr)) != 0), log_(wanted && !terminal_) {}
  bool due() {
    if (!terminal_) return false;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return false;
    last_ = now;
    return true;
  }
  void show(const std::string& text) {
    if (terminal_) std::fprintf(stderr, "\r\033[K%s", text.c_str());
  }
  void epoch_done(const std::string& text) {
    if (!log_ || Clock::now() - last_logged_ < std::chrono::seconds(30)) return;
    last_logged_ = Clock::now();
    std::fprintf(stderr, "%s\n", text.c_str());
    std::fflush(stderr);
  }
  void finish() {
    if (terminal_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool terminal_, log_;
  Clock::time_point last_{};
  Clock::time_point last_logged_ = Clock::now();
};

void check_finite(double loss, const TrainOptions& options, int64_t epoch) {
  if (!std::isfinite(loss)) {
    throw TrainingError(fmt::format("{}: training diverged: loss is {} in epoch {} of {} ({})",
                                    options.label, loss, epoch, options.epochs,
                                    options.describe()));
  }
}

}  // namespace

std::string TrainOptions::describe() const {
  // Fields added later appear only when they differ from their defaults: the descriptions,
  // and so the checkpoint keys, of every training that leaves them alone stay as they were.
  return fmt::format(
      "adam lr={}{} batch={} epochs={} seed={} corruption={}{} shuffle={}", learning_rate,
      adam_epsilon == 1e-8 ? "" : fmt::format(" eps={}", adam_epsilon), batch_size, epochs, seed,
      corruption.describe(), noise_drawn_once && corruption.active() ? " drawn once" : "", shuffle);
}

double evaluate(torch::nn::Module& module, const Objective& objective, const TrainData& data,
                int64_t batch_size, const Corruption& corruption, uint64_t seed) {
  if (data.size() == 0) return std::numeric_limits<double>::quiet_NaN();
  const bool was_training = module.is_training();
  module.eval();
  torch::NoGradGuard no_grad;
  auto gen = compat::make_generator(data.inputs.device(), seed);
  auto total = torch::zeros({}, data.inputs.options().dtype(torch::kFloat64));
  for (int64_t start = 0; start < data.size(); start += batch_size) {
    const auto count = std::min(batch_size, data.size() - start);
    const auto input = corruption.apply(data.inputs.narrow(0, start, count), gen);
    const auto loss = objective(input, data.target_tensor().narrow(0, start, count));
    total += loss.to(torch::kFloat64) * static_cast<double>(count);
  }
  module.train(was_training);
  return total.item<double>() / static_cast<double>(data.size());
}

TrainHistory train(torch::nn::Module& module, const Objective& objective, const TrainData& data,
                   const TrainData* validation, const TrainOptions& options) {
  if (options.epochs < 0 || options.batch_size < 1 || !(options.learning_rate > 0) ||
      !(options.adam_epsilon > 0)) {
    throw UsageError(
        fmt::format("{}: invalid training options ({})", options.label, options.describe()));
  }
  if (data.size() == 0) throw UsageError(options.label + ": no training data");
  if (options.stop_after_epoch > 0 && options.epoch_state_file.empty()) {
    throw UsageError(options.label + ": stop_after_epoch without an epoch state to keep");
  }
  const auto device = data.inputs.device();
  auto gen = compat::make_generator(device, options.seed);
  const auto make_optimizer = [&] {
    return std::make_unique<torch::optim::Adam>(
        module.parameters(),
        torch::optim::AdamOptions(options.learning_rate).eps(options.adam_epsilon));
  };
  auto optimizer = make_optimizer();
  // S3.1: the noisy copy drawn once, before the first epoch's order, from the same generator.
  const bool drawn_once = options.noise_drawn_once && options.corruption.active();
  const auto noisy_inputs =
      drawn_once ? options.corruption.apply(data.inputs, gen) : torch::Tensor();
  Progress progress(options.progress);
  TrainHistory history;
  int64_t first_epoch = 1;
  // A state kept by an earlier, interrupted run of this training: continue after its last
  // complete epoch (the noisy copy above is redrawn identically; the generator's state then
  // replaces the fresh one, so batch order and noise go on as if never stopped).
  if (!options.epoch_state_file.empty()) {
    std::string note;
    if (auto state = load_epoch_state(options.epoch_state_file, options.epoch_state_description,
                                      module, *optimizer, gen, note)) {
      history = state->history;
      first_epoch = state->epochs_done + 1;
      if (options.progress) {
        std::fprintf(stderr, "%s: resuming at epoch %lld of %lld (%s)\n", options.label.c_str(),
                     static_cast<long long>(first_epoch), static_cast<long long>(options.epochs),
                     options.epoch_state_file.filename().c_str());
      }
    } else if (!note.empty()) {
      // A torn or foreign state: start afresh, with an optimiser nothing was loaded into.
      optimizer = make_optimizer();
      gen = compat::make_generator(device, options.seed);
      if (drawn_once) options.corruption.apply(data.inputs, gen);  // the same draws as above
      std::fprintf(stderr, "%s: epoch state %s not used: %s; training from epoch 1\n",
                   options.label.c_str(), options.epoch_state_file.c_str(), note.c_str());
    }
  }
  const auto start = Clock::now();
  auto last_state_saved = start;
  const double seconds_before = history.seconds;
  const int64_t n = data.size();
  const int64_t batches = (n + options.batch_size - 1) / options.batch_size;
  const auto index_options = torch::TensorOptions().dtype(torch::kInt64).device(device);

  const int64_t last_epoch = options.stop_after_epoch > 0
                                 ? std::min(options.stop_after_epoch, options.epochs)
                                 : options.epochs;
  for (int64_t epoch = first_epoch; epoch <= last_epoch; ++epoch) {
    const auto epoch_start = Clock::now();
    module.train();
    const auto order =
        options.shuffle ? torch::randperm(n, gen, index_options) : torch::arange(n, index_options);
    // The epoch's loss is summed on the device: no host synchronisation per step.
    auto total = torch::zeros({}, data.inputs.options().dtype(torch::kFloat64));
    for (int64_t b = 0; b < batches; ++b) {
      const auto first = b * options.batch_size;
      const auto count = std::min(options.batch_size, n - first);
      const auto index = order.narrow(0, first, count);
      const auto input = drawn_once
                             ? noisy_inputs.index_select(0, index)
                             : options.corruption.apply(data.inputs.index_select(0, index), gen);
      const auto target = data.target_tensor().index_select(0, index);
      optimizer->zero_grad();
      const auto loss = objective(input, target);
      loss.backward();
      optimizer->step();
      total += loss.detach().to(torch::kFloat64) * static_cast<double>(count);
      if (progress.due()) {
        progress.show(fmt::format("{}: epoch {}/{} batch {}/{} loss {:.5f} ({:.0f} s)",
                                  options.label, epoch, options.epochs, b + 1, batches,
                                  loss.item<double>(), seconds_since(start)));
      }
    }
    EpochRecord record;
    record.epoch = epoch;
    record.train_loss = total.item<double>() / static_cast<double>(n);
    check_finite(record.train_loss, options, epoch);
    if (validation != nullptr && validation->size() > 0) {
      record.validation_loss = evaluate(module, objective, *validation, options.batch_size,
                                        options.corruption, options.seed + 1);
    }
    record.seconds = seconds_since(epoch_start);
    history.epochs.push_back(record);
    history.seconds = seconds_before + seconds_since(start);
    progress.epoch_done(fmt::format("{}: epoch {}/{} loss {:.5f} ({:.0f} s)", options.label, epoch,
                                    options.epochs, record.train_loss, seconds_since(start)));
    if (!options.epoch_state_file.empty() && epoch < options.epochs &&
        (epoch == last_epoch || seconds_since(last_state_saved) >= options.epoch_state_interval)) {
      save_epoch_state(options.epoch_state_file, options.epoch_state_description, module,
                       *optimizer, gen, history);
      last_state_saved = Clock::now();
    }
  }
  progress.finish();
  module.eval();  // what follows training is evaluation
  history.seconds = seconds_before + seconds_since(start);
  return history;
}

}  // namespace aerepro::train
