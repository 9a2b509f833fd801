#include "bench_profile.h"

#include "common/error.h"

namespace aerepro::bench {

BenchProfile bench_profile(const std::string& name) {
  BenchProfile p;
  p.name = name;
  if (name == "smoke") {
    p.epoch_batches = 2;
    p.kmeans_codes = 4800;
    p.kmeans_codes_n_init = 2;
    p.kmeans_pixels = 1000;
    p.kmeans_pixels_n_init = 1;
    p.pca_images = 2000;
    p.sgemm_sides = {256};
    p.peak_side = 512;
    p.min_time_s = 0.01;
  } else if (name == "short") {
    p.epoch_batches = 4;
    p.kmeans_pixels = 6000;
    p.kmeans_pixels_n_init = 1;
    p.pca_images = 10000;
    p.sgemm_sides = {512, 2048};
    p.min_time_s = 0.1;
  } else if (name == "full") {
    p.epoch_batches = 0;
    p.sgemm_sides = {256, 512, 1024, 2048};
    p.min_time_s = 1.0;
  } else {
    throw UsageError("unknown benchmark profile '" + name + "' (use smoke, short or full)");
  }
  return p;
}

}  // namespace aerepro::bench
