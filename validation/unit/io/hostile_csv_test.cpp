// Every results-folder CSV reader (results, index, summary, series, images, bench) against
// damaged files: each damage is an ArtifactError that names the file and the line (or the header).
#include "common/error.h"
#include "csv_samples.h"
#include "test_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aerepro::testing {
namespace {

class HostileCsv : public ::testing::TestWithParam<CsvKind> {
 protected:
  // A valid file of this kind, as text (lines 2 and 3 are data rows).
  std::string valid_text() {
    GetParam().write(dir_ / "valid.csv");
    return read_text(dir_ / "valid.csv");
  }
  // Writes `text` to <kind>-<name>.csv and expects the reader to fail naming it and `fragments`.
  void expect_rejected(const std::string& name, const std::string& text,
                       std::vector<std::string> fragments) {
    const auto file = dir_ / (GetParam().name + "-" + name + ".csv");
    write_text(file, text);
    fragments.push_back(file.filename().string());
    expect_error<ArtifactError>([&] { GetParam().read(file); }, fragments);
  }
  TempDir dir_;
};

std::string kind_name(const ::testing::TestParamInfo<CsvKind>& info) {
  return info.param.name;
}

TEST_P(HostileCsv, ValidSampleIsRead) {
  write_text(dir_ / "copy.csv", valid_text());
  EXPECT_NO_THROW(GetParam().read(dir_ / "copy.csv"));
}

TEST_P(HostileCsv, MissingColumnIsNamed) {
  auto text = valid_text();
  const auto column = GetParam().text_column;
  text.erase(text.find(column + ","), column.size() + 1);  // header loses the column
  expect_rejected("missing-column", text, {"Missing column", column});
}

TEST_P(HostileCsv, ExtraColumnInTheHeaderIsNamed) {
  auto text = valid_text();
  text.insert(text.find('\n'), ",surprise");
  expect_rejected("extra-column", text, {"surprise"});
}

TEST_P(HostileCsv, ExtraFieldInARowNamesTheLine) {
  auto text = valid_text();
  text.insert(text.rfind('\n', text.size() - 2), ",surprise");  // end of line 2
  expect_rejected("extra-field", text, {"line 2"});
}

TEST_P(HostileCsv, EmptyFileIsAnError) {
  expect_rejected("empty", "", {"empty"});
}

TEST_P(HostileCsv, HeaderOnlyIsNoRows) {
  auto text = valid_text();
  const auto file = dir_ / "header-only.csv";
  write_text(file, text.substr(0, text.find('\n') + 1));
  EXPECT_NO_THROW(GetParam().read(file));
}

TEST_P(HostileCsv, TruncatedLastLineNamesTheLine) {
  auto text = valid_text();
  for (size_t cut : {1, 2, 5}) {  // anywhere in the last field, even one that would still parse
    expect_rejected("truncated-" + std::to_string(cut), text.substr(0, text.size() - cut),
                    {":3:", "cut short"});
  }
}

TEST_P(HostileCsv, UnclosedQuoteNamesTheLine) {
  const auto text = with_field(valid_text(), 3, GetParam().text_column, "\"unclosed");
  expect_rejected("bad-quote", text, {"line 3", "not closed"});
}

TEST_P(HostileCsv, BinaryGarbageIsAnError) {
  expect_rejected("garbage", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + "\n", {});
}

INSTANTIATE_TEST_SUITE_P(AllReaders, HostileCsv, ::testing::ValuesIn(csv_kinds()), kind_name);

class HostileCsvNumbers : public HostileCsv {};

TEST_P(HostileCsvNumbers, BadIntegerNamesLineAndColumn) {
  const auto column = GetParam().integer_column;
  expect_rejected("bad-integer", with_field(valid_text(), 3, column, "3x"),
                  {":3:", "'" + column + "'", "3x"});
}

TEST_P(HostileCsvNumbers, NanInAnIntegerColumnIsAnError) {
  const auto column = GetParam().integer_column;
  expect_rejected("nan-integer", with_field(valid_text(), 2, column, "nan"),
                  {":2:", "'" + column + "'", "nan"});
}

TEST_P(HostileCsvNumbers, IntegerOverflowIsAnError) {
  const auto column = GetParam().integer_column;
  expect_rejected("huge-integer", with_field(valid_text(), 3, column, "99999999999999999999999"),
                  {":3:", "'" + column + "'"});
  if (GetParam().name != "series") {  // series' seed is a 64-bit integer; the others are int
    expect_rejected("int-overflow", with_field(valid_text(), 3, column, "4294967298"),
                    {":3:", "'" + column + "'"});
  }
}

TEST_P(HostileCsvNumbers, EmptyIntegerIsAnError) {
  const auto column = GetParam().integer_column;
  expect_rejected("empty-integer", with_field(valid_text(), 3, column, ""), {":3:", column});
}

INSTANTIATE_TEST_SUITE_P(NumericReaders, HostileCsvNumbers,
                         ::testing::ValuesIn(csv_kinds_with_numbers()), kind_name);

class HostileCsvFloats : public HostileCsv {};

TEST_P(HostileCsvFloats, BadNumberNamesLineAndColumn) {
  const auto column = GetParam().number_column;
  expect_rejected("bad-number", with_field(valid_text(), 3, column, "0.7x56"),
                  {":3:", "'" + column + "'", "0.7x56"});
}

TEST_P(HostileCsvFloats, InfinityIsAnError) {
  const auto column = GetParam().number_column;
  for (const std::string inf : {"inf", "-Infinity", "1e999"}) {
    expect_rejected("inf", with_field(valid_text(), 2, column, inf), {":2:", column});
  }
}

std::vector<CsvKind> kinds_with_floats() {
  std::vector<CsvKind> out;
  for (const auto& kind : csv_kinds()) {
    if (!kind.number_column.empty()) out.push_back(kind);
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(FloatReaders, HostileCsvFloats, ::testing::ValuesIn(kinds_with_floats()),
                         kind_name);

}  // namespace
}  // namespace aerepro::testing
