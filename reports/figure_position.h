// Where the report's printed figure lies against one run of the method: the summaries' optional
// columns pi95_low, pi95_high (the 95 % prediction interval of one run over the seeds) and
// figure_position ("inside" | "above" | "below" | "no spread (n = 1)" | "not comparable" | "").
// Summaries written before these columns existed simply have none: the reader returns nothing
// for them and the report shows the source figure alone.
#pragma once
#include <filesystem>
#include <map>
#include <string>

namespace aerepro::reports {

struct FigurePosition {
  double pi95_low = 0, pi95_high = 0;  // NaN where absent
  std::string position;                // as written; "" when the column is empty
  bool range = false;  // pi_kind "range": the seeds' range, not a t interval (issue 34)
};

// metric → its position, from <claim>.summary.csv; empty when the file lacks the columns or
// cannot be read (the summary's own reader reports a broken file).
std::map<std::string, FigurePosition> read_figure_positions(const std::filesystem::path& summary);

// "report's 73.46 %: inside our 95 % prediction interval [0.66, 0.8]" — the printed figure
// (`printed`, e.g. from the inventory, or the summary's source figure) placed against the
// interval; "" when there is no position to tell.
std::string figure_position_text(const std::string& printed, const FigurePosition& position);

// Per report (issue 34): how many printed figures were placed, how many lie outside, and how
// many would by chance alone — 5 % of those placed in a 95 % prediction interval, 2 / (n + 1) of
// those placed in the range of n seeds.
struct PositionTally {
  int placed = 0, outside = 0;
  double expected = 0;
};
void tally_position(PositionTally& tally, const FigurePosition& position, int seeds);
// "S3: 1 of 10 printed figures outside (0.5 expected by chance)"
std::string position_tally_text(const std::string& report, const PositionTally& tally);

}  // namespace aerepro::reports
