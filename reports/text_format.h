// Text helpers shared by the HTML and Markdown writers: escaping and number formatting.
#pragma once
#include "results/artifacts_csv.h"

#include <string>
#include <string_view>

namespace aerepro::reports {

// `text` safe inside HTML text and attribute values (& < > " ').
std::string html_escape(std::string_view text);

// `text` safe inside Markdown, also in a table cell: & < > as entities, | escaped, line
// breaks as <br>.
std::string markdown_cell(std::string_view text);

// A number with 4 significant digits; "—" for NaN.
std::string format_number(double value);

// "mean ± std [min, max], n = 3" (just the value when n = 1); "—" when there is none.
std::string format_spread(const results::SummaryRow& row);

// "mean ± std (n = 5)"; "mean (n = 1, no spread)" for one seed; "—" when there is none.
std::string mean_std_n(const results::SummaryRow& row);

// The metric's three-way verdict in words: "holds, bound 0.7074, 4/5 seeds"; an inconclusive
// one adds about how many seeds would settle it, or that "the mean sits on the threshold" when
// no practical number would (0 or more than kSettleLimit); one seed: "one seed has no spread".
// "" for an informative metric.
inline constexpr int kSettleLimit = 50;
std::string metric_verdict_text(const results::SummaryRow& row);

// The claim's wall time, said honestly: the run loaded trained models from checkpoints where
// it found them, so this is not the time to train them.
std::string run_seconds_text(double seconds);

// "> 0.7" or "informative" (no comparison or NaN threshold).
std::string format_threshold(const results::SummaryRow& row);

// A name safe as a file name or HTML id: [A-Za-z0-9._-], anything else becomes '_'.
std::string file_safe(std::string_view name);

// A negative control's row beside the metric it controls, short: "control (an untrained AE):
// 0.41 ± 0.02 (n = 5), fails" ("control: …" when `stands_in` is ""; the control's metric
// verdict, judged by the claim's own assertion, last: a control must not hold).
std::string control_text(const results::SummaryRow& control, const std::string& stands_in);
// Its value and verdict only: "0.41 ± 0.02 (n = 5), fails".
std::string control_value_text(const results::SummaryRow& control);

// "control" or "control (an untrained AE)".
std::string control_label(const std::string& stands_in);

// A CSS class for a verdict: reproduced | not-reproduced | vacuous | inconclusive | error |
// not-run | other.
std::string verdict_class(std::string_view verdict);

}  // namespace aerepro::reports
