// The tables of the committed records in docs/verdicts.md are generated (aerepro report
// --table), never typed: each marked block must equal the table of records/<profile>/ as it is
// now, and every profile the records hold has its block.
#include "reports/records_table.h"
#include "fixtures.h"
#include "reports/report_data.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::read_text;

TEST(RecordsTable, OneRowPerAssertedMetricWithItsVerdict) {
  testing::TempDir dir;
  testing::write_synthetic_profile(dir.path(), "ci", 3, 0.0, false);
  const auto table = records_table_markdown(load_profile(dir / "ci", {}));
  EXPECT_THAT(table, HasSubstr("| claim | metric | source figure |"));
  EXPECT_THAT(table, HasSubstr("| `"));
  EXPECT_EQ(marked_block("a\n<!-- records:ci -->\nT\n<!-- /records:ci -->\nb", "ci"), "T\n");
  EXPECT_EQ(marked_block("no markers", "ci"), std::nullopt);
}

TEST(RecordsTable, TheDocsTablesAreThoseOfTheCommittedRecords) {
  const fs::path source = AEREPRO_SOURCE_DIR;
  const fs::path doc = source / "docs" / "verdicts.md";
  const auto text = read_text(doc);
  ASSERT_FALSE(text.empty()) << doc << " is missing";
  for (const std::string profile : {"ci", "full"}) {
    const auto records = source / "records" / profile;
    const auto block = marked_block(text, profile);
    if (fs::exists(records)) {
      ASSERT_TRUE(block.has_value()) << "docs/verdicts.md has no table of records/" << profile
                                     << " (<!-- records:" << profile << " -->)";
    }
    if (!block) continue;
    ASSERT_TRUE(fs::exists(records))
        << "docs/verdicts.md has a table of records/" << profile << ", which does not exist";
    EXPECT_EQ(*block, records_table_markdown(load_profile(records, {})))
        << "docs/verdicts.md's table of records/" << profile
        << " is out of date; regenerate it with: "
        << "build/report/aerepro-report --table --results records --profile " << profile;
  }
}

}  // namespace
}  // namespace aerepro::reports
