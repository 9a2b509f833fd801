// The images CSV reader's own checks: sizes, pixel ranges and counts.
#include "common/error.h"
#include "csv_samples.h"
#include "results/artifacts_csv.h"
#include "test_files.h"

#include <gtest/gtest.h>

namespace aerepro::testing {
namespace {

// Every HostileImagesCsv test damages a valid images file in a temporary folder of its own.
class HostileImagesCsv : public InTempDir {
 protected:
  // A valid images file, as text.
  std::string valid_images() {
    const auto& images = csv_kinds().back();
    images.write(dir / "valid.csv");
    return read_text(dir / "valid.csv");
  }
  // Writes `text` to bad.csv and expects the reader to fail naming `fragments`.
  void expect_images_rejected(const std::string& text, const std::vector<std::string>& fragments) {
    write_text(dir / "bad.csv", text);
    expect_error<ArtifactError>([&] { results::read_images_csv(dir / "bad.csv"); }, fragments);
  }
};

TEST_F(HostileImagesCsv, PixelOutOfRangeNamesLineAndPixel) {
  expect_images_rejected(with_field(valid_images(), 3, "pixels", "0 10 20 30 40 256"),
                         {"bad.csv:3:", "pixel 6"});
  expect_images_rejected(with_field(valid_images(), 3, "pixels", "0 10 -20 30 40 25"),
                         {"bad.csv:3:", "pixel 3"});
}

TEST_F(HostileImagesCsv, PixelCountOtherThanHeightTimesWidth) {
  expect_images_rejected(with_field(valid_images(), 2, "pixels", "0 10 20 30 40"),
                         {"bad.csv:2:", "5 pixels for a 2x3 image"});
}

TEST_F(HostileImagesCsv, SizeOutOfRangeOrNegativePosition) {
  expect_images_rejected(with_field(valid_images(), 2, "height", "0"),
                         {"bad.csv:2:", "out of range"});
  expect_images_rejected(with_field(valid_images(), 2, "width", "100000"),
                         {"bad.csv:2:", "out of range"});
  expect_images_rejected(with_field(valid_images(), 3, "col", "-1"),
                         {"bad.csv:3:", "out of range"});
}

TEST_F(HostileImagesCsv, DoubleSpaceBetweenPixelsIsAnError) {
  expect_images_rejected(with_field(valid_images(), 2, "pixels", "0 10  20 30 40 255"),
                         {"bad.csv:2:"});
}

}  // namespace
}  // namespace aerepro::testing
