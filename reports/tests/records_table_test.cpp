// The README's tables of the committed records are generated (aerepro report --table), never
// typed: each marked block must equal the table of records/<profile>/ as it is now.
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

TEST(RecordsTable, TheReadmesTablesAreThoseOfTheCommittedRecords) {
  const fs::path source = AEREPRO_SOURCE_DIR;
  const auto readme = read_text(source / "README.md");
  for (const std::string profile : {"ci", "full"}) {
    const auto records = source / "records" / profile;
    const auto block = marked_block(readme, profile);
    if (profile == "full" && fs::exists(records)) {
      ASSERT_TRUE(block.has_value())
          << "README.md has no table of records/full (<!-- records:full -->)";
    }
    if (!block) continue;
    ASSERT_TRUE(fs::exists(records))
        << "README.md has a table of records/" << profile << ", which does not exist";
    EXPECT_EQ(*block, records_table_markdown(load_profile(records, {})))
        << "README.md's table of records/" << profile << " is out of date; regenerate it with: "
        << "build/ci/aerepro report --table --results records --profile " << profile;
  }
}

}  // namespace
}  // namespace aerepro::reports
