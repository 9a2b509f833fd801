// MNIST and Fashion-MNIST as one contiguous tensor each, checksummed against datasets/SHA256SUMS.
#pragma once
#include <torch/torch.h>

#include <filesystem>
#include <string>

namespace aerepro::data {

// Images (N, 1, 28, 28) float in [0, 1] and labels (N) int64, plus where they came from.
struct LabeledImages {
  torch::Tensor images;
  torch::Tensor labels;
  std::string checksum;  // short digest of the image and label files (recorded in results)

  int64_t size() const { return images.size(0); }
  LabeledImages to(const torch::Device& device) const;
  // Rows `index` (an int64 tensor) of images and labels: one index select each.
  LabeledImages select(const torch::Tensor& index) const;
  // The first n rows (a view, no copy).
  LabeledImages head(int64_t n) const;
};

enum class Split { train, test };

struct DatasetOptions {
  // Folder holding mnist/ and fashion-mnist/. Empty: $AEREPRO_DATA_DIR, else the build default
  // (the source tree's datasets/).
  std::filesystem::path root;
  // The committed checksum list; empty: <source tree>/datasets/SHA256SUMS.
  std::filesystem::path checksums;
  bool verify_checksums = true;
};

// The data folder that `options` resolves to (see DatasetOptions::root).
std::filesystem::path resolve_data_root(const DatasetOptions& options = {});

// MNIST (S0.1, S2, S3.1): 60,000 train / 10,000 test; files datasets/mnist/*-ubyte.
LabeledImages load_mnist(Split split, const DatasetOptions& options = {});

// Fashion-MNIST (S4.1, S2.4's non-digit inputs): 60,000 / 10,000; datasets/fashion-mnist/*.gz.
LabeledImages load_fashion_mnist(Split split, const DatasetOptions& options = {});

// Reads an image/label file pair and checks that they agree (count); used by the two loaders
// and by tests on small files. Throws DataError naming the files on a count mismatch.
LabeledImages load_idx_pair(const std::filesystem::path& images_file,
                            const std::filesystem::path& labels_file);

}  // namespace aerepro::data
