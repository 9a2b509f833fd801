#include "reports/grading_card.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace aerepro::reports {
namespace {

const std::string kCorrected = "_corrected";

bool is_corrected(const std::string& id) {
  return id.size() > kCorrected.size() &&
         id.compare(id.size() - kCorrected.size(), kCorrected.size(), kCorrected) == 0;
}

const ClaimData* find(const ProfileData& data, const std::string& id) {
  for (const auto& c : data.claims) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

// S0 … S4 from a source column such as "S0.3, S0.4" ("" when it names none).
std::string source_key(const std::string& source) {
  if (source.size() >= 2 && std::toupper(static_cast<unsigned char>(source[0])) == 'S' &&
      source[1] >= '0' && source[1] <= '4' &&
      (source.size() == 2 || !std::isdigit(static_cast<unsigned char>(source[2])))) {
    return std::string("S") + source[1];
  }
  return "";
}

// Whether the claim states a report's own statement (index.csv's origin; a claim without one, or
// not in the results, counts as the report's).
bool reports_own(const ProfileData& data, const std::string& id) {
  const ClaimData* c = find(data, id);
  return !c || !c->record || c->record->origin.empty() || c->record->origin == "report";
}

Outcome outcome_of(const CardRow& row) {
  if (row.made_ids.empty() && row.corrected_ids.empty())
    return row.beside_ids.empty() ? Outcome::not_checked : Outcome::beside;
  if (row.verdict_made == "reproduced") return Outcome::reproduced_as_made;
  // Holds on its negative control too: the procedure shows nothing, never "reproduced".
  if (row.verdict_made == "vacuous") return Outcome::vacuous;
  if (row.verdict_corrected == "reproduced") return Outcome::survives_correction;
  if (row.verdict_made == "not reproduced" ||
      (row.made_ids.empty() && row.verdict_corrected == "not reproduced"))
    return Outcome::not_reproduced;
  if (row.made_ids.empty() && row.verdict_corrected == "vacuous") return Outcome::vacuous;
  return Outcome::undecided;
}

// The as-made claim whose reading variant `id` is (index.csv's reading_of), else "".
std::string as_made_of(const ProfileData& data, const std::string& id) {
  const ClaimData* c = find(data, id);
  return c && c->record ? c->record->reading_of : "";
}

// The reading variants of the as-made claim `id` in the results.
std::vector<const ClaimData*> variants_of(const ProfileData& data, const std::string& id) {
  std::vector<const ClaimData*> out;
  for (const auto& c : data.claims) {
    if (c.record && !id.empty() && c.record->reading_of == id) out.push_back(&c);
  }
  return out;
}

// The verdict of as-made claim `id` (`c`: its data, or null) taken across its readings, when it
// declares variants; recorded in the row.
std::string verdict_across_readings(CardRow& row, const ProfileData& data, const std::string& id,
                                    const ClaimData* c) {
  const std::string own = c ? c->verdict() : "not run";
  const auto variants = variants_of(data, id);
  if (variants.empty()) return own;
  std::vector<results::ReadingVerdict> readings{
      {id, c && c->record ? c->record->reading : "", own}};
  for (const ClaimData* v : variants) {
    readings.push_back({v->id, v->record->reading, v->verdict()});
    row.reading_variants.push_back(v);
  }
  row.readings.push_back(results::across_readings(std::move(readings)));
  return row.readings.back().verdict;
}

// Fills ids → claims, verdicts, outcome and the metric shown.
void settle(CardRow& row, const ProfileData& data) {
  std::vector<std::string> made, corrected, beside;
  for (const auto& id : row.entry.checked_by) {
    // A reading variant the entry names beside its as-made claim is one of that claim's readings.
    const std::string of = as_made_of(data, id);
    if (!of.empty() && std::count(row.entry.checked_by.begin(), row.entry.checked_by.end(), of))
      continue;
    if (!reports_own(data, id)) {
      row.beside_ids.push_back(id);
      const ClaimData* c = find(data, id);
      beside.push_back(c ? c->verdict() : "not run");
      continue;
    }
    (is_corrected(id) ? row.corrected_ids : row.made_ids).push_back(id);
  }
  row.verdict_beside = combined_verdict(beside);
  for (const auto& id : row.made_ids) {
    const ClaimData* c = find(data, id);
    made.push_back(verdict_across_readings(row, data, id, c));
    if (c) row.made.push_back(c);
  }
  for (const auto& id : row.corrected_ids) {
    const ClaimData* c = find(data, id);
    corrected.push_back(verdict_across_readings(row, data, id, c));
    if (c) row.corrected.push_back(c);
  }
  row.verdict_made = combined_verdict(made);
  row.verdict_corrected = combined_verdict(corrected);
  row.outcome = outcome_of(row);
  for (const auto& id : row.beside_ids) {
    if (const ClaimData* c = find(data, id)) row.beside.push_back(c);
  }
  for (const auto* list : {&row.made, &row.corrected, &row.beside}) {
    for (const ClaimData* c : *list) {
      if (row.metric || c->summary.empty()) continue;
      const auto asserted = c->asserted();
      for (const auto& s : c->summary) {
        if (!asserted.empty() && s.metric == asserted.front().metric) {
          row.metric = &s;
          row.metric_claim = c;
          break;
        }
      }
    }
  }
}

void count(Tally& tally, Outcome outcome) {
  ++tally.made;
  switch (outcome) {
    case Outcome::reproduced_as_made:
      ++tally.reproduced;
      break;
    case Outcome::survives_correction:
      ++tally.survive;
      break;
    case Outcome::not_reproduced:
      ++tally.not_reproduced;
      break;
    case Outcome::vacuous:
      ++tally.vacuous;
      break;
    case Outcome::undecided:
      ++tally.undecided;
      break;
    case Outcome::not_checked:
      ++tally.not_checked;
      break;
    case Outcome::beside:  // not checked by a claim of the report's own
      ++tally.not_checked;
      ++tally.beside;
      break;
  }
}

// Without an inventory: each as-made claim of the report (by its source column) is a row, its
// `_corrected` variant beside it.
void fill_from_sources(Card& card, const ProfileData& data, std::set<std::string>& placed) {
  for (const auto& c : data.claims) {
    if (source_key(c.source()) != card.report.key || is_corrected(c.id)) continue;
    if (!as_made_of(data, c.id).empty() && find(data, as_made_of(data, c.id))) continue;
    CardRow row;
    row.entry.entry = c.id;
    row.entry.quote = c.sentence();
    row.entry.checked_by = {c.id};
    const std::string variant = c.id + kCorrected;
    if (find(data, variant)) row.entry.checked_by.push_back(variant);
    for (const auto& id : row.entry.checked_by) placed.insert(id);
    card.rows.push_back(std::move(row));
  }
  for (const auto& c : data.claims) {  // a corrected variant whose claim as made is absent
    if (source_key(c.source()) != card.report.key || placed.count(c.id)) continue;
    if (!as_made_of(data, c.id).empty() && find(data, as_made_of(data, c.id))) continue;
    CardRow row;
    row.entry.entry = c.id;
    row.entry.quote = c.sentence();
    row.entry.checked_by = {c.id};
    placed.insert(c.id);
    card.rows.push_back(std::move(row));
  }
}

}  // namespace

std::string outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::reproduced_as_made:
      return "reproduced as made";
    case Outcome::survives_correction:
      return "survives correction";
    case Outcome::not_reproduced:
      return "not reproduced";
    case Outcome::vacuous:
      return "vacuous";
    case Outcome::undecided:
      return "undecided";
    case Outcome::not_checked:
      return "not checked";
    case Outcome::beside:
      return "checked only by the brief's or the harness's own checks";
  }
  return "";
}

std::string combined_verdict(const std::vector<std::string>& verdicts) {
  if (verdicts.empty()) return "";
  if (std::count(verdicts.begin(), verdicts.end(), "not reproduced") > 0) return "not reproduced";
  for (const auto& v : verdicts) {
    if (v != "reproduced") return v;
  }
  return "reproduced";
}

Cards grading_cards(const ProfileData& data, const Inventory& inventory) {
  Cards out;
  out.inventory_found = inventory.found;
  std::set<std::string> placed;
  for (const auto& report : source_reports()) {
    Card card;
    card.report = report;
    const ReportInventory* listed = nullptr;
    for (const auto& r : inventory.reports) {
      if (r.report.key == report.key && r.found) listed = &r;
    }
    if (listed) {
      card.from_inventory = true;
      for (const auto& entry : listed->entries) {
        if (entry.checked_by.empty()) {
          card.not_checked.push_back(entry);
          continue;
        }
        CardRow row;
        row.entry = entry;
        for (const auto& id : entry.checked_by) {
          if (reports_own(data, id)) placed.insert(id);
        }
        card.rows.push_back(std::move(row));
      }
    } else {
      fill_from_sources(card, data, placed);
    }
    for (auto& row : card.rows) {
      settle(row, data);
      for (const ClaimData* v : row.reading_variants) placed.insert(v->id);
      count(card.tally, row.outcome);
      if (row.outcome == Outcome::reproduced_as_made && row.verdict_corrected == "not reproduced")
        ++card.tally.reproduced_only_as_made;
    }
    for (size_t i = 0; i < card.not_checked.size(); ++i) count(card.tally, Outcome::not_checked);
    out.cards.push_back(std::move(card));
  }
  for (const auto& c : data.claims) {
    if (!placed.count(c.id)) out.own.push_back(&c);
  }
  return out;
}

std::string tally_line(const Tally& t) {
  return fmt::format(
      "{} claim{} made: {} reproduced as made{}, {} survive{} correction, {} not reproduced, "
      "{}{} undecided, {} not checked{}",
      t.made, t.made == 1 ? "" : "s", t.reproduced,
      t.reproduced_only_as_made > 0
          ? fmt::format(" ({} of them not once the slip is corrected)", t.reproduced_only_as_made)
          : "",
      t.survive, t.survive == 1 ? "s" : "", t.not_reproduced,
      t.vacuous > 0 ? fmt::format("{} vacuous (hold{} on {} control too: show{} nothing), ",
                                  t.vacuous, t.vacuous == 1 ? "s" : "",
                                  t.vacuous == 1 ? "its" : "their", t.vacuous == 1 ? "s" : "")
                    : "",
      t.undecided, t.not_checked,
      t.beside > 0 ? fmt::format(" ({} of them by the brief's or the harness's own checks, shown "
                                 "beside)",
                                 t.beside)
                   : "");
}

}  // namespace aerepro::reports
