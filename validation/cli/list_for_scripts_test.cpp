// `aerepro list --ids` and `--default-seeds`: the machine-readable lists that ci/slurm-submit
// builds its task list from.
#include "cli_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace aerepro::testing {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The claims of the five reports: 64 (S0/S1 10, S2 34, S3 17, S4 3). This test binary does not
// link the claims (no LibTorch), so the count is written here: adding a claim updates it.
constexpr size_t claims_count = 64;

TEST(ListForScripts, IdsAreOnePerLineAndFollowTheSelection) {
  const auto all = run_cli({"list", "--ids"});
  ASSERT_EQ(all.exit_code, 0) << all.all();
  const auto ids = lines(all.out);
  EXPECT_EQ(ids.size(), claims_count) << all.out;
  for (const auto& id : ids) EXPECT_THAT(id, ::testing::MatchesRegex("s[0-4]\\.[a-z0-9_.]+"));
  // A claim belongs to every source its items name: S0.6 and S1.4 make it one of S1's too.
  const auto s1 = run_cli({"list", "--ids", "--source", "S1"});
  ASSERT_EQ(s1.exit_code, 0) << s1.all();
  EXPECT_EQ(lines(s1.out),
            (std::vector<std::string>{"s1.kmeans_majority_codes_above_70",
                                      "s0.generated_images_nearer_data_than_noise"}));
  const auto one = run_cli({"list", "--ids", "--claim", "s4.cnn_beats_ae_classifier"});
  EXPECT_EQ(one.out, "s4.cnn_beats_ae_classifier\n");
}

TEST(ListForScripts, DefaultSeedsOfEachProfile) {
  EXPECT_EQ(run_cli({"list", "--default-seeds", "ci"}).out, "3\n");
  EXPECT_EQ(run_cli({"list", "--default-seeds", "full"}).out, "5\n");
  const auto bad = run_cli({"list", "--default-seeds", "turbo"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_THAT(bad.err, HasSubstr("unknown profile 'turbo'"));
  const auto bad_source = run_cli({"list", "--ids", "--source", "S9"});
  EXPECT_NE(bad_source.exit_code, 0);
  EXPECT_THAT(bad_source.err, HasSubstr("unknown source 'S9'"));
}

}  // namespace
}  // namespace aerepro::testing
