// lib/data/idx_format: the torch-free IDX checks on hostile headers (the tensor side is in
// data_test.cpp).
#include "data/idx_format.h"
#include "common/error.h"
#include "test_files.h"

#include <gtest/gtest.h>

namespace aerepro::data {
namespace {

using aerepro::testing::expect_error;
using aerepro::testing::gzip;
using aerepro::testing::idx_images_bytes;

std::vector<uint8_t> header(std::vector<uint32_t> words) {
  std::vector<uint8_t> out;
  for (auto w : words) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(w >> shift));
  }
  return out;
}

TEST(IdxFormat, ValidImagesGiveShapeAndHeaderLength) {
  const auto layout = parse_idx_header("f", idx_images_bytes(2, 3, 4), 0x803, 3, "image");
  EXPECT_EQ(layout.shape, (std::vector<int64_t>{2, 3, 4}));
  EXPECT_EQ(layout.header_bytes, 16u);
}

TEST(IdxFormat, ExtentsWhoseProductOverflowsAreTruncationNotAMatch) {
  // 2^31 * 2^31 * 4 = 2^64 wraps to 0 in 64 bits: an empty payload would "match" it.
  const auto bytes = header({0x803, 0x80000000u, 0x80000000u, 4});
  expect_error<DataError>([&] { parse_idx_header("wrap", bytes, 0x803, 3, "image"); },
                          {"wrap", "truncated", "2147483648x2147483648x4"});
}

TEST(IdxFormat, HugeExtentsAgainstASmallFileAreTruncation) {
  auto bytes = header({0x803, 0xffffffffu, 0xffffffffu, 0xffffffffu});
  bytes.resize(bytes.size() + 100, 7);
  expect_error<DataError>([&] { parse_idx_header("huge", bytes, 0x803, 3, "image"); },
                          {"huge", "truncated", "file holds 100"});
}

TEST(IdxFormat, ZeroExtentMeansNoDataWhateverTheOthersSay) {
  const auto bytes = header({0x803, 0, 0xffffffffu, 0xffffffffu});
  EXPECT_EQ(parse_idx_header("zero", bytes, 0x803, 3, "image").shape[0], 0);
  auto trailing = bytes;
  trailing.push_back(1);
  expect_error<DataError>([&] { parse_idx_header("zero", trailing, 0x803, 3, "image"); },
                          {"zero", "1 unexpected bytes"});
}

TEST(IdxFormat, GzipOfGarbageAndTruncatedGzipAreDataErrors) {
  expect_error<DataError>(
      [&] {
        gunzip_if_compressed("junk.gz", {0x1f, 0x8b, 1, 2, 3});
      },
      {"junk.gz", "corrupt gzip"});
  auto zipped = gzip(idx_images_bytes(3));
  zipped.resize(zipped.size() - 9);  // the trailer and a little data gone
  expect_error<DataError>([&] { gunzip_if_compressed("cut.gz", zipped); }, {"cut.gz"});
}

TEST(IdxFormat, FirstLabelOutOfRange) {
  const std::vector<uint8_t> bytes = {0, 0, 8, 1, 0, 0, 0, 3, 4, 12, 9};
  const auto layout = parse_idx_header("labels", bytes, 0x801, 1, "label");
  EXPECT_EQ(first_label_out_of_range(bytes, layout, 10), 1);
  EXPECT_EQ(first_label_out_of_range(bytes, layout, 13), -1);
}

}  // namespace
}  // namespace aerepro::data
