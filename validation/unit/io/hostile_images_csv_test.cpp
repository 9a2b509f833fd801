// The images CSV reader's own checks: sizes, pixel ranges and counts.
#include "common/error.h"
#include "csv_samples.h"
#include "results/artifacts_csv.h"
#include "test_files.h"

#include <gtest/gtest.h>

namespace aerepro::testing {
namespace {

std::string valid_images(const TempDir& dir) {
  const auto& images = csv_kinds().back();
  images.write(dir / "valid.csv");
  return read_text(dir / "valid.csv");
}

void expect_images_rejected(const TempDir& dir, const std::string& text,
                            const std::vector<std::string>& fragments) {
  write_text(dir / "bad.csv", text);
  expect_error<ArtifactError>([&] { results::read_images_csv(dir / "bad.csv"); }, fragments);
}

TEST(HostileImagesCsv, PixelOutOfRangeNamesLineAndPixel) {
  TempDir dir;
  expect_images_rejected(dir, with_field(valid_images(dir), 3, "pixels", "0 10 20 30 40 256"),
                         {"bad.csv:3:", "pixel 6"});
  expect_images_rejected(dir, with_field(valid_images(dir), 3, "pixels", "0 10 -20 30 40 25"),
                         {"bad.csv:3:", "pixel 3"});
}

TEST(HostileImagesCsv, PixelCountOtherThanHeightTimesWidth) {
  TempDir dir;
  expect_images_rejected(dir, with_field(valid_images(dir), 2, "pixels", "0 10 20 30 40"),
                         {"bad.csv:2:", "5 pixels for a 2x3 image"});
}

TEST(HostileImagesCsv, SizeOutOfRangeOrNegativePosition) {
  TempDir dir;
  expect_images_rejected(dir, with_field(valid_images(dir), 2, "height", "0"),
                         {"bad.csv:2:", "out of range"});
  expect_images_rejected(dir, with_field(valid_images(dir), 2, "width", "100000"),
                         {"bad.csv:2:", "out of range"});
  expect_images_rejected(dir, with_field(valid_images(dir), 3, "col", "-1"),
                         {"bad.csv:3:", "out of range"});
}

TEST(HostileImagesCsv, DoubleSpaceBetweenPixelsIsAnError) {
  TempDir dir;
  expect_images_rejected(dir, with_field(valid_images(dir), 2, "pixels", "0 10  20 30 40 255"),
                         {"bad.csv:2:"});
}

}  // namespace
}  // namespace aerepro::testing
