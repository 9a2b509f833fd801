// reports/staleness: a result is stale when a file that defines its claim changed (git) since
// the revision its rows were computed at.
#include "reports/staleness.h"
#include "fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::TempDir;
using testing::write_text;

TEST(Staleness, DefiningFilesAreTheLibraryBelowResultsAndTheClaimsOwnSource) {
  EXPECT_TRUE(defines_claim("lib/models/stacked_ae.cpp", "s3.fine_tuning_beats_layerwise_only"));
  EXPECT_TRUE(defines_claim("lib/claims/s3/support.cpp", "s3.interpolation_stays_near_data"));
  EXPECT_FALSE(defines_claim("lib/claims/s2_claims.cpp", "s3.interpolation_stays_near_data"));
  EXPECT_TRUE(defines_claim("lib/claims/s0/s0_claims.cpp", "s1.kmeans_majority_codes_above_70"));
  EXPECT_TRUE(defines_claim("lib/claims/s2/support.h", "s2.conv_aes_reach_low_loss"));
  EXPECT_FALSE(defines_claim("lib/claims/s2/conv_claims.cpp", "s3.interpolation_stays_near_data"));
  EXPECT_TRUE(defines_claim("lib/recipes/s4_recipes.cpp", "s4.cnn_beats_ae_classifier"));
  EXPECT_FALSE(defines_claim("lib/recipes/s4_recipes.cpp", "s2.pca_beats_source_ae"));
  EXPECT_TRUE(defines_claim("lib/recipes/s0_recipes.h", "s1.kmeans_majority_codes_above_70"));
  EXPECT_TRUE(defines_claim("lib/recipes/recipe.h", "s2.pca_beats_source_ae"));
  // The verdict rules judge values, they do not make them: a change stales verdicts only
  // (counted from the summary's judging revision).
  EXPECT_FALSE(defines_claim("lib/claims/verdict.cpp", "s2.pca_beats_source_ae"));
  EXPECT_TRUE(results::judges_claims("lib/claims/verdict.cpp"));
  EXPECT_TRUE(results::judges_claims("lib/claims/statistics.h"));
  EXPECT_FALSE(results::judges_claims("lib/claims/assertion.cpp"));
  EXPECT_FALSE(defines_claim("lib/results/record.cpp", "s2.pca_beats_source_ae"));
  EXPECT_FALSE(defines_claim("reports/html_page.cpp", "s2.pca_beats_source_ae"));
  EXPECT_FALSE(defines_claim("lib/claims/README.md", "s2.pca_beats_source_ae"));  // a guide
}

std::string git(const fs::path& repo, const std::string& args) {
  const std::string command = "git -C '" + repo.string() + "' " + args + " >/dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return command;
}

std::string head_revision(const fs::path& repo) {
  const auto file = repo / ".head";
  std::system(("git -C '" + repo.string() + "' rev-parse --short=12 HEAD > '" + file.string() + "'")
                  .c_str());
  auto text = testing::read_text(file);
  fs::remove(file);
  return text.substr(0, text.find('\n'));
}

TEST(Staleness, AChangedDefiningFileSinceTheRevisionIsListed) {
  TempDir dir;
  const auto repo = dir.path();
  git(repo, "init -q");
  write_text(repo / "lib" / "models" / "ae.cpp", "one");
  write_text(repo / "lib" / "claims" / "s2_claims.cpp", "two");
  git(repo, "add -A");
  git(repo, "-c user.name=t -c user.email=t@t commit -q -m first");
  const auto revision = head_revision(repo);
  ASSERT_EQ(revision.size(), 12u);

  StalenessChecker checker(repo);
  EXPECT_FALSE(checker.check(revision, "s3.x").stale());
  EXPECT_TRUE(checker.check(revision, "s3.x").known);

  write_text(repo / "lib" / "models" / "ae.cpp", "changed");         // every claim
  write_text(repo / "lib" / "claims" / "s2_claims.cpp", "changed");  // S2's only
  StalenessChecker after(repo);
  const auto s3 = after.check(revision, "s3.x");
  EXPECT_TRUE(s3.stale());
  EXPECT_EQ(s3.changed, (std::vector<std::string>{"lib/models/ae.cpp"}));
  EXPECT_THAT(s3.describe(), HasSubstr("STALE: 1 file(s)"));
  EXPECT_EQ(after.check(revision, "s2.y").changed.size(), 2u);
  EXPECT_TRUE(after.check(revision + "-dirty", "s2.y").dirty);
}

TEST(Staleness, AChangeInLayoutOnlyIsNotStale) {
  TempDir dir;
  const auto repo = dir.path();
  git(repo, "init -q");
  write_text(repo / "lib" / "train" / "t.cpp", "int f(int x) { return x + 1; }\n");
  git(repo, "add -A");
  git(repo, "-c user.name=t -c user.email=t@t commit -q -m first");
  const auto revision = head_revision(repo);
  write_text(repo / "lib" / "train" / "t.cpp", "int f(int x)\n{\n  return x+1;\n}\n");
  StalenessChecker layout(repo);
  const auto s = layout.check(revision, "s0.x");
  EXPECT_FALSE(s.stale()) << s.describe();
  EXPECT_EQ(s.layout_only, 1);
  write_text(repo / "lib" / "train" / "t.cpp", "int f(int x) { return x + 2; }\n");
  StalenessChecker real(repo);
  EXPECT_TRUE(real.check(revision, "s0.x").stale());
}

// Every changed file is judged at once (one git and one clang-format process a revision), each
// as it would be alone: a layout change, a real change and a deletion among several files, at
// two revisions that share some of the files' texts.
TEST(Staleness, ManyFilesAtSeveralRevisionsAreEachJudgedAsAlone) {
  TempDir dir;
  const auto repo = dir.path();
  git(repo, "init -q");
  write_text(repo / ".clang-format", "BasedOnStyle: Google\nColumnLimit: 100\n");
  write_text(repo / "lib" / "train" / "a.cpp", "int f(int x) { return x + 1; }\n");
  write_text(repo / "lib" / "train" / "b.cpp", "int g() { return 2; }\n");
  write_text(repo / "lib" / "models" / "c.h", "int h();\n");
  write_text(repo / "lib" / "claims" / "s2_claims.cpp", "int s2() { return 1; }\n");
  git(repo, "add -A");
  git(repo, "-c user.name=t -c user.email=t@t commit -q -m first");
  const auto first = head_revision(repo);
  write_text(repo / "lib" / "train" / "b.cpp", "int g() {\n  return 2;\n}\n");  // layout
  git(repo, "-c user.name=t -c user.email=t@t commit -q -am second");
  const auto second = head_revision(repo);
  write_text(repo / "lib" / "train" / "a.cpp", "int f(int x)\n{\n  return x+1;\n}\n");  // layout
  write_text(repo / "lib" / "train" / "b.cpp", "int g() { return 3; }\n");              // real
  fs::remove(repo / "lib" / "models" / "c.h");                                          // deleted
  write_text(repo / "lib" / "claims" / "s2_claims.cpp", "int s2()  {  return 1; }\n");  // layout
  StalenessChecker checker(repo);
  for (const auto& revision : {first, second, first}) {
    const auto s = checker.check(revision, "s2.x");
    EXPECT_TRUE(s.known) << s.why;
    EXPECT_EQ(s.changed, (std::vector<std::string>{"lib/models/c.h", "lib/train/b.cpp"}))
        << revision;
    EXPECT_EQ(s.layout_only, 2) << revision;  // a.cpp and s2_claims.cpp
  }
}

TEST(Staleness, AnUnknownRevisionOrNoCheckoutIsSaidNotGuessed) {
  TempDir dir;
  StalenessChecker no_checkout(dir.path());
  const auto unknown = no_checkout.check("0123456789ab", "s0.x");
  EXPECT_FALSE(unknown.known);
  EXPECT_FALSE(unknown.stale());
  EXPECT_THAT(unknown.describe(), HasSubstr("staleness unknown"));
  EXPECT_FALSE(no_checkout.check("not a revision; rm -rf /", "s0.x").known);
}

}  // namespace
}  // namespace aerepro::reports
