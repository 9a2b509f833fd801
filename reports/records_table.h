// The Markdown table of a profile's verdicts (claim, metric, source figure, mean ± std [min,
// max] with n, threshold, 95 % bound, metric verdict, claim verdict, revision), generated from
// its summary files: the README's table of the records is this text, checked by a test.
#pragma once
#include "reports/report_data.h"

#include <string>

namespace aerepro::reports {

// One row per asserted metric of each claim that ran, in the profile's claim order; a claim
// that did not run gets one "not run" row.
std::string records_table_markdown(const ProfileData& data);

// The text between "<!-- records:<profile> -->" and "<!-- /records:<profile> -->" in
// `document` (without the marker lines); std::nullopt when the markers are absent.
std::optional<std::string> marked_block(const std::string& document, const std::string& profile);

}  // namespace aerepro::reports
