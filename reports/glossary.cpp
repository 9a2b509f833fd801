#include "reports/glossary.h"

#include "reports/text_format.h"

#include <fmt/format.h>

namespace aerepro::reports {

const std::vector<GlossaryTerm>& glossary() {
  static const std::vector<GlossaryTerm> terms = {
      {"brief", "the brief",
       "The project's assignment: it names four headline checks of its own (a well-trained "
       "autoencoder beats PCA, denoising beats plain, k-means on codes is above 70 %, both S4 "
       "classifiers above 97 %). Those checks are run and shown on their own page; they are not "
       "statements of a report and count in no report's tally."},
      {"as-made", "as made",
       "The claim run the way the report's own code ran it, its slips included (its data, model, "
       "initialisation, noise, training and measurement)."},
      {"corrected", "corrected",
       "Where a slip of the report (for example noise added to 0-255 pixels, where it is "
       "invisible) may drive its conclusion, a second run with the slip fixed. \"Holds only as "
       "made\": the statement holds because of the slip."},
      {"holds", "holds / not reproduced / inconclusive",
       "Each asserted metric is judged by the one-sided 95 % bound of its mean over the seeds: it "
       "holds when the bound clears the threshold, fails when even the opposite bound misses it, "
       "else it is inconclusive. A claim is reproduced when every metric holds, not reproduced "
       "when one fails (after Holm's correction), else inconclusive; vacuous when it is reproduced "
       "on its negative control too."},
      {"bias", "bias",
       "Which way our remaining departures from the report's set-up can push the verdict: none, "
       "harder (they can only make it harder to reproduce), easier (then the claim cannot be "
       "called reproduced) or unknown, with why in brackets: not in the report (it does not show "
       "the code or value, or gives no measure for the words a proxy reads: nothing can be run "
       "in its place), a variant could undo it, not yet run (the claim's departures name it and "
       "its cost), not runnable here, or, in a shortened profile, the full profile undoes it."},
      {"control", "negative control (control)",
       "The same procedure and the same asserted metrics, judged by the claim's own thresholds, "
       "on a case where the statement must not hold (an untrained model, the all-zero output, "
       "the identity map, zero noise), run beside the claim on every seed. Its values are shown "
       "beside the metric they control (\"control (an untrained AE): 0.41 ± 0.02 (n = 5), "
       "fails\"); they are not metrics of the claim and do not enter its verdict, except that a "
       "claim reproduced where its control is reproduced too is vacuous. A control should fail."},
      {"vacuous", "vacuous",
       "Every asserted metric holds, and holds on the claim's negative control too: the "
       "procedure would say the same of a model that cannot have the property, so it shows "
       "nothing about the model. A vacuous claim is never counted as reproduced: it has its own "
       "column in the tally (holds on its control too: shows nothing)."},
      {"reading", "reading",
       "One plausible interpretation of an ambiguous report (for example the pixel scale it "
       "used). Where readings disagree the statement depends on the reading."},
      {"interim", "interim",
       "Fewer seeds have run than were declared before the run: values only, no verdict yet."},
      {"prediction-interval", "prediction interval",
       "The range one more run of the method would fall in with 95 % probability, from our "
       "seeds. A printed figure inside it could have come from a single run of the method; "
       "outside it, the report's run was unusual or its set-up differs from ours. About 1 in 20 "
       "printed figures falls outside by chance alone."},
  };
  return terms;
}

std::string term_link(const std::string& key, const std::string& text) {
  if (key.empty()) return html_escape(text);
  return fmt::format("<a class=\"term\" href=\"index.html#g-{}\">{}</a>", key, html_escape(text));
}

std::string glossary_html() {
  std::string out = "<h2 id=\"glossary\">Glossary</h2>\n<dl class=\"glossary\">\n";
  for (const auto& t : glossary()) {
    out += fmt::format("<dt id=\"g-{}\">{}</dt><dd>{}</dd>\n", t.key, html_escape(t.term),
                       html_escape(t.definition));
  }
  return out + "</dl>\n";
}

}  // namespace aerepro::reports
