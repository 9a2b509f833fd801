// common/enum_names.h: the {value, name} tables and their lookups (torch-free, like the figure
// catalog that uses them).
#include "common/enum_names.h"
#include "common/error.h"
#include "common/figure_catalog.h"

#include <gtest/gtest.h>

namespace aerepro {
namespace {

enum class Colour { red, green, blue };
constexpr EnumName<Colour> kColourNames[] = {
    {Colour::red, "red"}, {Colour::green, "green"}, {Colour::blue, "blue"}};
static_assert(enum_names_complete(kColourNames, Colour::blue));
static_assert(enum_name(kColourNames, Colour::green) == "green");
static_assert(*find_enum(kColourNames, "blue") == Colour::blue);
static_assert(!find_enum(kColourNames, "Blue"));

// Incomplete, out of order or duplicated tables are caught where they are declared.
constexpr EnumName<Colour> kMissingBlue[] = {{Colour::red, "red"}, {Colour::green, "green"}};
constexpr EnumName<Colour> kSwapped[] = {
    {Colour::green, "green"}, {Colour::red, "red"}, {Colour::blue, "blue"}};
constexpr EnumName<Colour> kTwice[] = {
    {Colour::red, "red"}, {Colour::green, "red"}, {Colour::blue, "blue"}};
static_assert(!enum_names_complete(kMissingBlue, Colour::blue));
static_assert(!enum_names_complete(kSwapped, Colour::blue));
static_assert(!enum_names_complete(kTwice, Colour::blue));

TEST(EnumNames, RoundTripEveryName) {
  for (const auto& entry : kColourNames) {
    EXPECT_EQ(enum_name(kColourNames, entry.value), entry.name);
    EXPECT_EQ(parse_enum(kColourNames, entry.name, "colour"), entry.value);
  }
  EXPECT_EQ(enum_names_sentence(kColourNames), "red, green or blue");
}

TEST(EnumNames, AnUnknownNameIsAUsageErrorListingTheValidOnes) {
  try {
    parse_enum(kColourNames, "mauve", "colour");
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unknown colour 'mauve': use red, green or blue");
  }
  EXPECT_THROW(parse_enum(kColourNames, "", "colour"), UsageError);
  EXPECT_THROW(parse_enum(kColourNames, "red ", "colour"), UsageError);  // exact names only
}

TEST(EnumNames, AValueOutsideTheTableIsABug) {
  EXPECT_THROW(enum_name(kColourNames, static_cast<Colour>(7)), std::logic_error);
}

// The figure catalog is such a table: its names are the CSV files' `figure` column.
TEST(EnumNames, TheFigureCatalogNamesEachFigureOnce) {
  EXPECT_EQ(figure_name(FigureId::loss_curve), "loss_curve");
  EXPECT_EQ(figure_name(FigureId::generated_normal), "generated_normal");
  EXPECT_EQ(find_figure("confusion_matrix"), FigureId::confusion_matrix);
  EXPECT_EQ(find_figure("some_new_figure"), std::nullopt);  // read as text, drawn with fallbacks
  for (const auto& f : kFigureCatalog) EXPECT_EQ(find_figure(f.name), f.value) << f.name;
}

}  // namespace
}  // namespace aerepro
