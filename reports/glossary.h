// The words a grader meets on the cards, defined once (on the index page) and linked from each
// use: brief, as made, corrected, bias, negative control, vacuous, reading, interim, prediction
// interval, and the verdicts.
#pragma once
#include <string>
#include <vector>

namespace aerepro::reports {

struct GlossaryTerm {
  std::string key;         // the anchor: index.html#g-<key>
  std::string term;        // "as made"
  std::string definition;  // plain text
};

const std::vector<GlossaryTerm>& glossary();

// `text` as a link to the term's definition on the index page ("" key: `text` escaped only).
std::string term_link(const std::string& key, const std::string& text);

// The glossary as an HTML definition list (index page).
std::string glossary_html();

}  // namespace aerepro::reports
