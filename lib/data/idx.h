// IDX files (the MNIST format), plain or gzip-compressed, read into contiguous tensors.
#pragma once
#include <torch/torch.h>

#include <filesystem>

namespace aerepro::data {

// Reads an IDX3 image file (magic 0x00000803) into a float tensor (N, 1, rows, cols) in [0, 1].
// gzip is detected from the file's first bytes, not its name. Throws DataError naming the file
// and the problem: missing, corrupt gzip, wrong magic, truncated, trailing bytes, or (when
// expected_rows/cols are > 0) an image size other than expected.
torch::Tensor read_idx_images(const std::filesystem::path& file, int64_t expected_rows = 28,
                              int64_t expected_cols = 28);

// Reads an IDX1 label file (magic 0x00000801) into an int64 tensor (N). Labels must be
// < num_classes (DataError names the first offending index otherwise).
torch::Tensor read_idx_labels(const std::filesystem::path& file, int64_t num_classes = 10);

}  // namespace aerepro::data
