// Per model at its source's batch size (model_cases.h): one training step (forward, backward,
// Adam), inference (eval mode, no gradients), and one epoch through the project's trainer
// (train/trainer.h: shuffled index-select batches on device-resident data), all on random data
// of the right shape. The epoch covers profile.epoch_batches batches (0: the source's full
// epoch); its image count is the counter epoch_images.
#include "device_timing.h"
#include "flop_count.h"
#include "model_cases.h"
#include "registration.h"

#include "common/compat.h"

namespace aerepro::bench {
namespace {

struct Batch {
  torch::Tensor images;
  torch::Tensor targets;
};

Batch random_batch(const ModelCase& c, int64_t n, const torch::Device& device) {
  auto gen = compat::make_generator(torch::kCPU, 0);
  Batch batch;
  batch.images = torch::rand({n, 1, 28, 28}, gen).to(device);
  batch.targets =
      c.classifier ? torch::randint(10, {n}, gen, torch::kInt64).to(device) : batch.images;
  return batch;
}

void train_step(benchmark::State& state, const ModelCase& c, const torch::Device& device) {
  auto model = c.build();
  model.module->to(device);
  model.module->train();
  const auto batch = random_batch(c, c.batch_size, device);
  torch::optim::Adam optimizer(model.module->parameters(), torch::optim::AdamOptions(1e-3));
  const auto step = [&] {
    optimizer.zero_grad();
    model.objective(batch.images, batch.targets).backward();
    optimizer.step();
  };
  step();  // warm-up: allocations, Adam's state
  run_timed(state, device, step);
}

void inference(benchmark::State& state, const ModelCase& c, const torch::Device& device) {
  auto model = c.build();
  model.module->to(device);
  model.module->eval();
  torch::NoGradGuard no_grad;
  const auto batch = random_batch(c, c.batch_size, device);
  const auto pass = [&] { benchmark::DoNotOptimize(model.infer(batch.images).data_ptr()); };
  pass();
  run_timed(state, device, pass);
}

void epoch(benchmark::State& state, const ModelCase& c, const torch::Device& device,
           int64_t images) {
  auto model = c.build();
  model.module->to(device);
  const auto data = random_batch(c, images, device);
  train::TrainData train_data{data.images, c.classifier ? data.targets : torch::Tensor()};
  train::TrainOptions options;
  options.epochs = 1;
  options.batch_size = c.batch_size;
  options.progress = false;
  options.label = "bench " + c.name;
  run_timed(state, device,
            [&] { train::train(*model.module, model.objective, train_data, nullptr, options); });
  state.counters["epoch_images"] = static_cast<double>(images);
  state.counters["source_epoch_images"] = static_cast<double>(c.epoch_images);
}

}  // namespace

std::string device_label(const torch::Device& device) {
  return device.is_cuda() ? "cuda" : "cpu";
}

void register_model_benchmarks(const BenchProfile& profile, const torch::Device& device,
                               double peak) {
  const std::string dev = device_label(device);
  for (const ModelCase& c : model_cases()) {
    auto probe = c.build();
    const double forward = total_flops(count_forward_flops(*probe.module, c.conv_input_side));
    const double batch = static_cast<double>(c.batch_size);
    const int64_t epoch_images =
        profile.epoch_batches > 0 ? profile.epoch_batches * c.batch_size : c.epoch_images;
    const auto images = static_cast<double>(epoch_images);

    register_described("train_step/" + c.name + "/" + dev,
                       {{c.name, "train_step", dev},
                        c.batch_size,
                        batch,
                        kTrainingStepFlopFactor * forward * batch},
                       device, peak,
                       [&c, device](benchmark::State& s) { train_step(s, c, device); });
    register_described("inference/" + c.name + "/" + dev,
                       {{c.name, "inference", dev}, c.batch_size, batch, forward * batch}, device,
                       peak, [&c, device](benchmark::State& s) { inference(s, c, device); });
    register_described(
        "epoch/" + c.name + "/" + dev,
        {{c.name, "epoch", dev}, c.batch_size, images, kTrainingStepFlopFactor * forward * images},
        device, peak,
        [&c, device, epoch_images](benchmark::State& s) { epoch(s, c, device, epoch_images); });
  }
}

}  // namespace aerepro::bench
