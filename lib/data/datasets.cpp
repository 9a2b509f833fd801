#include "data/datasets.h"

#include "common/error.h"
#include "data/checksum.h"
#include "data/idx.h"

#include <cstdlib>

namespace aerepro::data {

LabeledImages LabeledImages::to(const torch::Device& device) const {
  return {images.to(device), labels.to(device), checksum};
}

LabeledImages LabeledImages::select(const torch::Tensor& index) const {
  return {images.index_select(0, index), labels.index_select(0, index.to(labels.device())),
          checksum};
}

LabeledImages LabeledImages::head(int64_t n) const {
  if (n < 0 || n > size()) {
    throw UsageError("asked for the first " + std::to_string(n) + " of " + std::to_string(size()) +
                     " images");
  }
  return {images.narrow(0, 0, n), labels.narrow(0, 0, n), checksum};
}

std::filesystem::path resolve_data_root(const DatasetOptions& options) {
  if (!options.root.empty()) return options.root;
  if (const char* env = std::getenv("AEREPRO_DATA_DIR"); env && *env) return env;
  return AEREPRO_DEFAULT_DATA_DIR;
}

LabeledImages load_idx_pair(const std::filesystem::path& images_file,
                            const std::filesystem::path& labels_file) {
  LabeledImages out;
  out.images = read_idx_images(images_file);
  out.labels = read_idx_labels(labels_file);
  if (out.images.size(0) != out.labels.size(0)) {
    throw DataError(images_file.string() + " holds " + std::to_string(out.images.size(0)) +
                    " images but " + labels_file.string() + " holds " +
                    std::to_string(out.labels.size(0)) + " labels");
  }
  return out;
}

namespace {

LabeledImages load_named(const std::string& folder, const std::string& suffix, Split split,
                         const DatasetOptions& options, int64_t expected_count) {
  const auto root = resolve_data_root(options);
  const std::string prefix = split == Split::train ? "train" : "t10k";
  const std::string images = folder + "/" + prefix + "-images-idx3-ubyte" + suffix;
  const std::string labels = folder + "/" + prefix + "-labels-idx1-ubyte" + suffix;
  std::string checksum = "unverified";
  if (options.verify_checksums) {
    const auto list = options.checksums.empty()
                          ? std::filesystem::path(AEREPRO_SOURCE_DIR) / "datasets" / "SHA256SUMS"
                          : options.checksums;
    const auto image_sum = verify_checksum(root, images, list);
    const auto label_sum = verify_checksum(root, labels, list);
    checksum = image_sum.substr(0, 12) + "+" + label_sum.substr(0, 12);
  }
  auto out = load_idx_pair(root / images, root / labels);
  if (out.size() != expected_count) {
    throw DataError((root / images).string() + ": holds " + std::to_string(out.size()) +
                    " images, expected " + std::to_string(expected_count));
  }
  out.checksum = checksum;
  return out;
}

}  // namespace

LabeledImages load_mnist(Split split, const DatasetOptions& options) {
  return load_named("mnist", "", split, options, split == Split::train ? 60000 : 10000);
}

LabeledImages load_fashion_mnist(Split split, const DatasetOptions& options) {
  return load_named("fashion-mnist", ".gz", split, options, split == Split::train ? 60000 : 10000);
}

}  // namespace aerepro::data
