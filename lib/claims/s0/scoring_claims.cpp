// S0's index reassignment (000:177-193): the swap loop of 000:647-665, replayed as its code ran it
// (s0/scoring.h), on k-means of the conv DAE's codes. Each claim's negative control replays the
// same loop on cluster ids drawn at random, one per point: clusters that carry nothing of the
// digits, where no swap can sort them and the best score is a chance record.
#include "analysis/cluster_mapping.h"
#include "claims/claim_support.h"
#include "claims/s0/scoring.h"
#include "claims/s0/support.h"
#include "common/compat.h"

#include <string>
#include <vector>

namespace aerepro::claims::s0 {  // per source: unity builds join these files
namespace {

// The loop's log (000:114-164), as the report prints it: 13 swaps "occur", the bar reads 79 of
// 4,800 just before the last one (000:161-164), which came at the 80th visited point or a few
// after (the bar redraws at most every 0.1 s, about 4 points here).
constexpr double kPrintedImprovingSwaps = 13;
constexpr double kPrintedLastSwapShare = 80.0 / 4800.0;
// 000:177 'the maximum accuracy score' at the report's printed precision (73.46 %: two
// decimals of a per cent): the optimum may exceed the greedy score by at most half that digit.
constexpr double kMaximumTolerance = 0.00005;
// 000:192 'the swapping actually occurs in the first 1%-2% of 4800': the upper end of the range.
constexpr double kSwapShareBound = 0.02;

constexpr const char* kSwapControl =
    "the same loop and scoring on cluster ids drawn uniformly at random, one per point, in place "
    "of k-means' (the same points, labels and number of visited points; no model): such clusters "
    "say nothing of the digits, every assignment scores about 10 %, and the loop's best score is "
    "a chance record among thousands of near-equal ones, so it must neither reach the optimal "
    "assignment nor stop improving early; if the statement held there too, the loop's behaviour "
    "would say nothing about the clusters";

// What the loop did on one set of cluster ids, with the optimum beside it.
struct SwapOutcome {
  SwapReplay replay;
  double hungarian = 0;
};

SwapOutcome swap_outcome(const torch::Tensor& clusters, const torch::Tensor& labels) {
  return {replay_greedy_swaps(clusters, labels, visited_by_s0(labels)),
          analysis::hungarian_accuracy(clusters, labels, 10, 10)};
}

// k-means (S0.7: k = 10, n_init 10) on the trained conv DAE's codes of its training images.
SwapOutcome swap_outcome_on_codes(ClaimContext& ctx, ConvDae& dae) {
  const auto result =
      cluster(encode_all(dae.model, dae.train.images), dae.train.labels, 10, ctx.seed);
  return swap_outcome(result.clusters, dae.train.labels);
}

// The controls' stand-in: one cluster id in [0, 10) per training image, drawn from the seed.
SwapOutcome swap_outcome_on_random_ids(ClaimContext& ctx) {
  const auto labels = untrained_conv_dae(ctx).train.labels;  // the split only; no model used
  auto gen = compat::make_generator(torch::kCPU, ctx.seed + 700);
  const auto ids = torch::randint(0, 10, {labels.size(0)}, gen, torch::kInt64);
  return swap_outcome(ids, labels.to(torch::kCPU));
}

double last_swap_share(const SwapReplay& replay) {
  return replay.visited > 0 ? static_cast<double>(replay.last_improving_swap) / replay.visited
                            : std::nan("");
}

}  // namespace

Claim greedy_swaps_reach_the_optimum() {
  Claim c;
  c.id = "s0.greedy_swaps_reach_the_optimum";
  c.source = "S0.7";
  c.sentence =
      "S0's index reassignment 'swap[s] the indices in a manner we obtain the maximum accuracy "
      "score, implying all clusters are correctly assigned' (000:177): replayed as its code ran "
      "it (000:647-665: the first 4,800 of the 48,000 codes visited, every tried swap kept, the "
      "best score remembered) on k-means of the conv DAE's codes, its score reaches the maximum "
      "one-to-one accuracy: the optimal (Hungarian) assignment beats it by at most 0.00005, half "
      "the last printed digit of 73.46 %, in a typical run (the median seed)";
  // The tolerance lets a score just short of the maximum pass: it can only favour the claim
  // (easier), whatever the reshuffled batches do.
  S0Departures departures;
  departures.full_more =
      "'The maximum accuracy score' (000:177) has no tolerance in the report: read as within "
      "half the last digit it prints (0.00005), which lets a score just short of the maximum "
      "pass, so this profile's departures can favour the claim";
  departures.full_bias = Bias::easier;
  departures.ci_bias = Bias::easier;
  s0_departures(c, departures);
  // The gap is never below 0 and exactly 0 wherever the loop finds the optimum: piled against
  // its floor, judged by the median (issue 34).
  c.assertions = {by_share({"optimum_minus_greedy_accuracy", Comparison::less_equal,
                            kMaximumTolerance, kMaximumTolerance, std::nullopt, ""})};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    auto dae = trained_conv_dae(ctx);
    const auto outcome = swap_outcome_on_codes(ctx, dae);
    ctx.artifacts.add_point(FigureId::clustering_accuracy, "S0's greedy swaps", "conv DAE codes",
                            outcome.replay.best);
    ctx.artifacts.add_point(FigureId::clustering_accuracy, "hungarian", "conv DAE codes",
                            outcome.hungarian);
    return {{"optimum_minus_greedy_accuracy", outcome.hungarian - outcome.replay.best},
            {"greedy_swap_accuracy_codes", outcome.replay.best, 0.7346},
            {"hungarian_accuracy_codes", outcome.hungarian}};
  };
  c.control.stands_in = kSwapControl;
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto outcome = swap_outcome_on_random_ids(ctx);
    return {{"optimum_minus_greedy_accuracy", outcome.hungarian - outcome.replay.best}};
  };
  return c;
}

Claim swaps_end_within_first_2_percent() {
  Claim c;
  c.id = "s0.swaps_end_within_first_2_percent";
  c.source = "S0.7";
  c.sentence =
      "'the swapping actually occurs in the first 1%-2% of 4800' (000:192): in S0's swap loop, "
      "replayed as its code ran it (000:647-665) on k-means of the conv DAE's codes, the last "
      "swap that raises the score (the last 'Swap Occured!' the code prints, 000:658-661) comes "
      "within the first 2 % of the 4,800 visited points, in a typical run (the median seed). The "
      "report's own log ends its swaps just after the bar reads 79 of 4,800 (000:161-164: the "
      "80th point or a few after, 1.7 %), set beside ours";
  S0Departures departures;
  departures.full_more =
      "The report's '1%-2%' is read as its upper end: the last improving swap at or before 2 % "
      "of the visited points (96 of 4,800), the reading the report's own log holds (its last "
      "swap at 79-80 of 4,800, 1.7 %, 000:161-164), not a bias";
  s0_departures(c, departures);
  // The last improving swap is the latest of several events: skewed, judged by the median.
  c.assertions = {by_share({"last_improving_swap_share_of_visited", Comparison::less_equal,
                            kSwapShareBound, kSwapShareBound, kPrintedLastSwapShare, ""})};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    auto dae = trained_conv_dae(ctx);
    const auto outcome = swap_outcome_on_codes(ctx, dae);
    return {{"last_improving_swap_share_of_visited", last_swap_share(outcome.replay),
             kPrintedLastSwapShare},
            {"last_improving_swap_point", static_cast<double>(outcome.replay.last_improving_swap),
             80.0},
            {"improving_swaps", static_cast<double>(outcome.replay.improving_swaps),
             kPrintedImprovingSwaps},
            {"visited_points", static_cast<double>(outcome.replay.visited), 4800.0},
            {"greedy_swap_accuracy_codes", outcome.replay.best, 0.7346}};
  };
  c.control.stands_in = kSwapControl;
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto outcome = swap_outcome_on_random_ids(ctx);
    return {{"last_improving_swap_share_of_visited", last_swap_share(outcome.replay)}};
  };
  return c;
}

}  // namespace aerepro::claims::s0
