// Per model at its source's batch size (model_cases.h): one training step (forward, backward,
// Adam), inference (eval mode, no gradients), and one epoch through the project's trainer
// (train/trainer.h: shuffled index-select batches on device-resident data), all on random data
// of the right shape. The epoch covers profile.epoch_batches batches (0: the source's full
// epoch); its image count is the counter epoch_images.
#include "bench_registry.h"
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

void train_step(benchmark::State& state, const ModelCase& c, const torch::Device& device,
                const BenchmarkInfo& info, double peak) {
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
  set_rate_counters(state, info, peak);
}

void inference(benchmark::State& state, const ModelCase& c, const torch::Device& device,
               const BenchmarkInfo& info, double peak) {
  auto model = c.build();
  model.module->to(device);
  model.module->eval();
  torch::NoGradGuard no_grad;
  const auto batch = random_batch(c, c.batch_size, device);
  const auto pass = [&] { benchmark::DoNotOptimize(model.infer(batch.images).data_ptr()); };
  pass();
  run_timed(state, device, pass);
  set_rate_counters(state, info, peak);
}

void epoch(benchmark::State& state, const ModelCase& c, const torch::Device& device, int64_t images,
           const BenchmarkInfo& info, double peak) {
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
  set_rate_counters(state, info, peak);
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

    const BenchmarkInfo step_info{c.name,
                                  "train_step",
                                  dev,
                                  "cpp",
                                  c.batch_size,
                                  batch,
                                  kTrainingStepFlopFactor * forward * batch};
    const BenchmarkInfo infer_info{c.name, "inference",    dev, "cpp", c.batch_size,
                                   batch,  forward * batch};
    const BenchmarkInfo epoch_info{
        c.name,
        "epoch",
        dev,
        "cpp",
        c.batch_size,
        static_cast<double>(epoch_images),
        kTrainingStepFlopFactor * forward * static_cast<double>(epoch_images)};

    const std::string step_name = "train_step/" + c.name + "/" + dev;
    describe_benchmark(step_name, step_info);
    time_on(benchmark::RegisterBenchmark(step_name.c_str(),
                                         [&c, device, step_info, peak](benchmark::State& s) {
                                           train_step(s, c, device, step_info, peak);
                                         }),
            device);

    const std::string infer_name = "inference/" + c.name + "/" + dev;
    describe_benchmark(infer_name, infer_info);
    time_on(benchmark::RegisterBenchmark(infer_name.c_str(),
                                         [&c, device, infer_info, peak](benchmark::State& s) {
                                           inference(s, c, device, infer_info, peak);
                                         }),
            device);

    const std::string epoch_name = "epoch/" + c.name + "/" + dev;
    describe_benchmark(epoch_name, epoch_info);
    time_on(benchmark::RegisterBenchmark(
                epoch_name.c_str(),
                [&c, device, epoch_images, epoch_info, peak](benchmark::State& s) {
                  epoch(s, c, device, epoch_images, epoch_info, peak);
                }),
            device);
  }
}

}  // namespace aerepro::bench
