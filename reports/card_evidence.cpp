#include "reports/card_evidence.h"

#include "reports/text_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <set>

namespace aerepro::reports {
namespace {

bool is_percentage(const std::string& printed) {
  return printed.find('%') != std::string::npos || printed.find("percent") != std::string::npos;
}

std::vector<double> numbers_in(const std::string& text) {
  std::vector<double> out;
  static const std::regex number(R"((\d+(\.\d+)?([eE][-+]?\d+)?))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number);
       it != std::sregex_iterator(); ++it) {
    out.push_back(std::strtod(it->str().c_str(), nullptr));
  }
  return out;
}

bool close(double a, double b) {
  return std::fabs(a - b) <= std::max(0.006 * std::fabs(b), 1e-12);
}

// Whether the printed text holds `figure` (as it is, or as a percentage of it).
bool printed_holds(const std::string& printed, double figure) {
  for (double v : numbers_in(printed)) {
    if (close(figure, v) || close(figure * 100, v)) return true;
  }
  return false;
}

std::string spread_in(const results::SummaryRow& s, const std::string& printed) {
  if (s.n <= 0 || std::isnan(s.mean)) return "no value";
  const bool percent = is_percentage(printed) && std::fabs(s.mean) <= 1.0001;
  const double scale = percent ? 100 : 1;
  const std::string unit = percent ? " %" : "";
  const auto number = [&](double v) {
    return percent ? fmt::format("{:.2f}", v * scale) : format_number(v);
  };
  if (s.n == 1) return fmt::format("{}{} (1 seed: no spread)", number(s.mean), unit);
  return fmt::format("{} ± {}{} (n = {})", number(s.mean), number(s.std), unit, s.n);
}

std::string position_in(const ClaimData& c, const results::SummaryRow& s,
                        const std::string& printed, std::string& where) {
  const auto it = c.positions.find(s.metric);
  if (it == c.positions.end() || it->second.position.empty()) return "";
  const auto& p = it->second;
  where = p.position;
  if (p.position == "inside" || p.position == "above" || p.position == "below") {
    std::string interval;
    if (!std::isnan(p.pi95_low) && !std::isnan(p.pi95_high)) {
      interval = fmt::format(" [{}, {}]", in_printed_unit(p.pi95_low, printed),
                             in_printed_unit(p.pi95_high, printed));
    }
    return fmt::format("the printed figure is {} our 95 % prediction interval of one run{}",
                       p.position, interval);
  }
  where = "";
  if (p.position.rfind("no spread", 0) == 0)
    return "one seed has no spread: no interval to place the printed figure in yet";
  if (p.position == "not comparable") return "not comparable with our measure: " + s.source_caveat;
  return p.position;
}

std::string words_of_column(std::string name, const std::string& prefix) {
  if (name.compare(0, prefix.size(), prefix) == 0) name = name.substr(prefix.size());
  while (!name.empty() && name.front() == '_') name.erase(name.begin());
  return name.empty() ? prefix : metric_words(name);
}

std::vector<EvidenceLine> extras_lines(const std::vector<const ClaimData*>& claims, bool control) {
  std::vector<EvidenceLine> out;
  for (const ClaimData* c : claims) {
    for (const auto& s : c->asserted()) {
      const auto it = c->extras.metrics.find(s.metric);
      if (it == c->extras.metrics.end()) continue;
      const auto& values = control ? it->second.control : it->second.readings;
      std::string text;
      for (const auto& [name, value] : values) {
        text += (text.empty() ? "" : "; ") +
                words_of_column(name, control ? "control" : "reading") + ": " + value;
      }
      if (!text.empty()) out.push_back({metric_words(s.metric), text, ""});
    }
  }
  return out;
}

// The negative control of each asserted metric of the row's claims (as made, corrected, then the
// brief's or harness's), labelled like "what the verdict tests": "control (an untrained AE):
// 0.41 ± 0.02 (n = 5) — fails, bound 0.43, 0/5 seeds meet the threshold".
std::vector<EvidenceLine> control_lines(const CardRow& row) {
  std::vector<EvidenceLine> out;
  for (const auto* list : {&row.made, &row.corrected, &row.beside}) {
    for (const ClaimData* c : *list) {
      const std::string stands_in = c->control_stands_in();
      for (const auto& s : c->asserted()) {
        const results::SummaryRow* k = c->control_of(s.metric);
        if (!k) continue;
        const std::string verdict = metric_verdict_text(*k);
        out.push_back({metric_words(s.metric) + " " + format_threshold(s) +
                           (list == &row.corrected ? " (corrected)" : ""),
                       control_label(stands_in) + ": " + mean_std_n(*k) +
                           (verdict.empty() ? "" : " — " + verdict),
                       ""});
      }
    }
  }
  return out;
}

bool is_image_figure(const ClaimData& c, const std::string& name) {
  return std::any_of(c.images.begin(), c.images.end(),
                     [&](const results::ImageCell& i) { return i.figure == name; });
}

const Figure* deciding_figure(const CardRow& row, const std::vector<Figure>& figures) {
  const auto claims = row_claims(row);
  bool about_loss = false;
  for (const ClaimData* c : claims) {
    for (const auto& s : c->asserted()) about_loss |= s.metric.find("loss") != std::string::npos;
  }
  const bool visual = row.entry.kind == "visual";
  const Figure* best = nullptr;
  int best_score = -1;
  for (const ClaimData* c : claims) {
    for (const auto& f : figures) {
      if (f.claim != c->id || !f.rendered) continue;
      int score = 1;
      const bool loss = f.name == "loss_curve";
      const bool image = is_image_figure(*c, f.name);
      if (loss)
        score = about_loss ? 4 : 0;
      else if (visual)
        score = image ? 3 : 2;
      else
        score = image ? 2 : 3;
      if (score > best_score) {
        best = &f;
        best_score = score;
      }
    }
    if (best_score >= 3) break;  // the first claim's own deciding figure
  }
  return best;
}

}  // namespace

std::string metric_words(const std::string& metric) {
  static const std::set<std::string> upper = {"cnn", "ae", "dae", "pca", "mse", "ood", "knn"};
  std::string out, word;
  const auto flush = [&] {
    if (word.empty()) return;
    std::string w = word;
    if (upper.count(w)) std::transform(w.begin(), w.end(), w.begin(), ::toupper);
    out += (out.empty() ? "" : " ") + w;
    word.clear();
  };
  for (char c : metric) {
    if (c == '_')
      flush();
    else
      word += c;
  }
  flush();
  return out;
}

std::string in_printed_unit(double value, const std::string& printed) {
  if (std::isnan(value)) return "—";
  if (is_percentage(printed) && std::fabs(value) <= 1.0001)
    return fmt::format("{:.2f} %", value * 100);
  return format_number(value);
}

std::vector<const ClaimData*> row_claims(const CardRow& row) {
  std::vector<const ClaimData*> out = row.made;
  out.insert(out.end(), row.corrected.begin(), row.corrected.end());
  out.insert(out.end(), row.beside.begin(), row.beside.end());
  return out;
}

std::string control_beside_verdict(const std::vector<const ClaimData*>& claims) {
  // metric → its control's row (control_of points into the claim's summary: it stays valid).
  std::vector<std::pair<std::string, const results::SummaryRow*>> controlled;
  std::string stands_in;
  for (const ClaimData* c : claims) {
    if (!c) continue;
    for (const auto& s : c->asserted()) {
      if (const results::SummaryRow* k = c->control_of(s.metric)) {
        controlled.emplace_back(s.metric, k);
        if (stands_in.empty()) stands_in = c->control_stands_in();
      }
    }
  }
  if (controlled.empty()) return "";
  if (controlled.size() == 1) return control_text(*controlled.front().second, stands_in);
  std::string parts;
  for (const auto& [metric, k] : controlled) {
    parts += (parts.empty() ? "" : "; ") + metric_words(metric) + " " + mean_std_n(*k) +
             (k->metric_verdict.empty() ? "" : ", " + k->metric_verdict);
  }
  return control_label(stands_in) + ": " + parts;
}

std::string interim_text(const ClaimData& c) {
  if (c.summary.empty() || c.extras.declared_seeds <= 0) return "";
  const int n = c.summary.front().n;
  if (n >= c.extras.declared_seeds) return "";
  return fmt::format("{} of {} declared seeds", n, c.extras.declared_seeds);
}

RowEvidence row_evidence(const CardRow& row, const std::vector<Figure>& figures) {
  RowEvidence ev;
  ev.figure = deciding_figure(row, figures);
  const std::string& printed = row.entry.printed;
  const auto claims = row_claims(row);
  // Ours beside the printed figure: the metrics whose source figure the printed text holds
  // (every metric with a source figure when it holds none of them).
  std::vector<std::pair<const ClaimData*, const results::SummaryRow*>> placed, any;
  for (const ClaimData* c : claims) {
    for (const auto& s : c->summary) {
      if (std::isnan(s.source_figure) || is_control_metric(s.metric)) continue;
      any.push_back({c, &s});
      if (!printed.empty() && printed_holds(printed, s.source_figure)) placed.push_back({c, &s});
    }
  }
  if (placed.empty() && row.entry.kind.empty()) placed = any;  // no inventory: the claim's own
  for (const auto& [c, s] : placed) {
    if (ev.printed.size() == 6) break;
    std::string label = metric_words(s->metric);
    if (std::find(row.corrected.begin(), row.corrected.end(), c) != row.corrected.end())
      label += " (corrected)";
    EvidenceLine line{label, "", ""};
    std::string where;
    const std::string figure = in_printed_unit(s->source_figure, printed);
    line.text = fmt::format("printed {} · ours {}", figure, spread_in(*s, printed));
    const std::string pos = position_in(*c, *s, printed, where);
    if (!pos.empty()) line.text += " — " + pos;
    line.position = where;
    ev.printed.push_back(line);
  }
  for (const auto* list : {&row.made, &row.corrected}) {
    for (const ClaimData* c : *list) {
      for (const auto& s : c->asserted()) {
        const std::string label = metric_words(s.metric) + " " + format_threshold(s) +
                                  (list == &row.corrected ? " (corrected)" : "");
        const std::string verdict = metric_verdict_text(s);
        ev.tested.push_back({label, mean_std_n(s) + (verdict.empty() ? "" : " — " + verdict), ""});
      }
    }
  }
  ev.control = control_lines(row);  // the control's rows ("control.<metric>"), then its columns
  for (auto& line : extras_lines(claims, true)) ev.control.push_back(std::move(line));
  // Each declared reading's verdict (grading_card.h), then the record's reading columns.
  for (const auto& across : row.readings) {
    for (const auto& r : across.readings) {
      ev.readings.push_back(
          {r.reading.empty() ? "as made" : r.reading, r.verdict, ""});  // no claim id on a card
    }
    ev.readings.push_back({"across the readings", across.verdict, ""});
  }
  for (auto& line : extras_lines(claims, false)) ev.readings.push_back(std::move(line));
  for (const ClaimData* c : claims) {
    if (ev.interim.empty()) ev.interim = interim_text(*c);
    for (const auto& s : c->summary) ev.metrics.push_back(s.metric);
  }
  for (const ClaimData* c : row.made) {
    if (ev.bias.empty() && !c->summary.empty()) ev.bias = c->summary.front().bias;
  }
  return ev;
}

std::vector<Problem> stale_inventory_notes(const Cards& cards, const ProfileData& data) {
  static const std::regex identifier(R"(\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b)");
  std::vector<Problem> out;
  for (const auto& card : cards.cards) {
    if (!card.from_inventory) continue;
    for (const auto& row : card.rows) {
      const auto claims = row_claims(row);
      if (claims.empty() || row.entry.note.empty()) continue;
      std::set<std::string> known;
      for (const auto& c : data.claims) {  // naming another claim is no stale note
        known.insert(c.id);
        if (const size_t dot = c.id.find('.'); dot != std::string::npos)
          known.insert(c.id.substr(dot + 1));
      }
      for (const ClaimData* c : claims) {
        for (const auto& s : c->summary) known.insert(s.metric);
        for (const auto& r : c->rows) known.insert(r.metric);
      }
      for (const auto* ids : {&row.made_ids, &row.corrected_ids, &row.beside_ids}) {
        for (const auto& id : *ids) {
          known.insert(id);
          if (const size_t dot = id.find('.'); dot != std::string::npos)
            known.insert(id.substr(dot + 1));
        }
      }
      std::set<std::string> stale;
      const std::string& note = row.entry.note;
      for (auto it = std::sregex_iterator(note.begin(), note.end(), identifier);
           it != std::sregex_iterator(); ++it) {
        if (!known.count(it->str())) stale.insert(it->str());
      }
      if (stale.empty()) continue;
      std::string names;
      for (const auto& s : stale) names += (names.empty() ? "" : ", ") + s;
      std::string ids;
      for (const ClaimData* c : claims) ids += (ids.empty() ? "" : ", ") + c->id;
      std::string file = card.report.key + ".csv";
      std::transform(file.begin(), file.end(), file.begin(), ::tolower);
      out.push_back({std::filesystem::path("inventory") / file,
                     fmt::format("inventory {}: its note names {}, which {} does not have (the "
                                 "note describes the harness, and may be stale); the card does "
                                 "not show it",
                                 row.entry.entry, names, ids)});
    }
  }
  return out;
}

}  // namespace aerepro::reports
