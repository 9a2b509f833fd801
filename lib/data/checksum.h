// SHA-256 of files and strings, and the committed checksum list (datasets/SHA256SUMS).
#pragma once
#include <torch/torch.h>

#include <filesystem>
#include <map>
#include <string>

namespace aerepro::data {

// Lower-case hex SHA-256 of a file's bytes; throws DataError naming the file if unreadable.
std::string sha256_file(const std::filesystem::path& file);

// Lower-case hex SHA-256 of a string (checkpoint keys, cache keys).
std::string sha256_string(const std::string& text);

// Lower-case hex SHA-256 of a tensor's dtype, shape and element bytes (copied to the host and
// made contiguous first): the exact identity of a training set, whatever it was derived from.
std::string sha256_tensor(const torch::Tensor& tensor);

// Parses a `sha256sum` listing ("<64 hex>  <relative path>" per line) into path -> digest.
// Throws DataError naming the file and line on a malformed line.
std::map<std::string, std::string> read_checksum_list(const std::filesystem::path& list);

// Verifies `root / relative` against the digest listed for `relative` in `list`; returns the
// digest. Throws DataError (file, expected, actual, how to re-fetch) on a mismatch or absence.
std::string verify_checksum(const std::filesystem::path& root, const std::string& relative,
                            const std::filesystem::path& list);

}  // namespace aerepro::data
