#include "reports/markdown.h"

#include "reports/text_format.h"

#include <fmt/format.h>

#include <sstream>

namespace aerepro::reports {
namespace {

std::string m(std::string_view text) {
  return markdown_cell(text);
}

std::string list(const std::vector<std::string>& values) {
  if (values.empty()) return "—";
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + ("`" + values[i] + "`");
  return out;
}

std::string problems_list(const std::vector<Problem>& problems,
                          const std::vector<Figure>& figures) {
  std::ostringstream out;
  out << "\n## Problems\n\n";
  size_t count = 0;
  for (const auto& p : problems) {
    out << "- " << m(p.message) << "\n";
    ++count;
  }
  for (const auto& f : figures) {
    if (f.rendered) continue;
    out << "- figure `" << f.name << "`" << (f.claim.empty() ? "" : " of claim `" + f.claim + "`")
        << ": " << m(f.error) << "\n";
    ++count;
  }
  if (count == 0) out << "None: every file was read and every figure drawn.\n";
  return out.str();
}

}  // namespace

std::string report_markdown(const ProfileData& data, const std::vector<Figure>& figures,
                            const PageInfo& info) {
  const auto env = data.environment();
  std::ostringstream out;
  out << "# aerepro report — profile `" << data.profile << "`\n\n"
      << "- results folder: `" << data.dir.string() << "`\n"
      << "- generated: " << info.generated_at << "\n"
      << "- git revision: " << list(env.git_revisions) << "\n"
      << "- LibTorch: " << list(env.torch_versions) << "\n"
      << "- device: " << list(env.devices) << "\n"
      << "- threads: " << list(env.threads) << "\n"
      << "- dataset checksums: " << list(env.dataset_checksums) << "\n\n";
  if (data.profile != "full") {
    int differ = 0;
    for (const auto& c : data.claims) {
      const auto it = info.full_verdicts.find(c.id);
      differ += it != info.full_verdicts.end() && it->second != c.verdict() ? 1 : 0;
    }
    out << "**" << data.profile << ": a reduced set-up** — smaller data, fewer epochs or seeds "
        << "than the reports' own runs; "
        << (info.full_verdicts.empty()
                ? std::string("its verdicts may differ from full")
                : fmt::format("{} of its {} verdicts differ from the full profile's records",
                              differ, data.claims.size()))
        << ". See the report of record: `aerepro report --results records --profile full`.\n\n";
  }
  out << cards_markdown(grading_cards(data, info.inventory)) << "\n## Claims\n\n"
      << "One row per asserted metric; every metric is listed in the claim's section.\n\n"
         "| claim | SOURCES | metric | source figure | reproduced: mean ± std [min, max], n | "
         "threshold | verdict | bias |\n|---|---|---|---|---|---|---|---|\n";
  for (const auto& c : data.claims) {
    if (c.summary.empty()) {
      out << "| `" << c.id << "` | " << m(c.source()) << " | — | — | — | — | **" << c.verdict()
          << "** | |\n";
    }
    for (const auto& s : c.asserted()) {
      std::string figure = format_number(s.source_figure);
      if (const auto it = c.positions.find(s.metric); it != c.positions.end()) {
        const auto text = figure_position_text(figure, it->second);
        if (!text.empty()) figure += "<br>" + m(text);
      }
      if (!s.source_caveat.empty()) figure += "<br>caveat: " + m(s.source_caveat);
      const auto verdict = metric_verdict_text(s);
      const auto* control = c.control_of(s.metric);
      out << "| `" << c.id << "` | " << m(c.source()) << " | `" << m(s.metric) << "` | " << figure
          << " | " << m(format_spread(s)) << " | " << m(format_threshold(s))
          << (s.comparison.empty() ? "" : (s.met ? " ✓" : " ✗"))
          << (verdict.empty() ? "" : " (" + m(verdict) + ")")
          << (control ? "<br>" + m(control_text(*control, c.control_stands_in())) : "") << " | **"
          << m(c.verdict()) << "** | " << m(s.bias) << " |\n";
    }
  }
  for (const auto& c : data.claims) {
    out << "\n### `" << c.id << "` — " << m(c.verdict()) << "\n\n"
        << m(c.sentence()) << " (SOURCES " << m(c.source()) << ")\n\n"
        << "**Departure in this profile:** " << (c.departure().empty() ? "none" : m(c.departure()))
        << "\n";
    if (!c.summary.empty()) {
      const auto& s = c.summary.front();
      if (!s.verdict_note.empty()) out << "\n**Verdict:** " << m(s.verdict_note) << "\n";
      if (info.results_are_records) {
        out << "\nThese rows are the record itself: there is no other record to compare them "
               "with. ";
      } else {
        out << "\nAgainst its record: **" << m(s.record_status) << "**. ";
      }
      out << m(run_seconds_text(s.claim_seconds)) << "\n";
      if (!s.record_note.empty() && !info.results_are_records)
        out << "\n**Record:** " << m(s.record_note) << "\n";
      out << "\n**Revision " << m(s.git_revision) << ":** " << m(c.staleness.describe()) << "\n";
      if (!s.error.empty()) out << "\n**Error:** " << m(s.error) << "\n";
    } else {
      out << "\n"
          << (c.summary_unreadable ? "Summary unreadable (see Problems)."
                                   : "Not run in this profile.")
          << "\n";
    }
    if (!c.summary.empty()) {
      out << "\n| metric | source figure | mean ± std [min, max], n | threshold "
             "|\n|---|---|---|---|\n";
      // Each metric, its negative control (if recorded) right under it: not a metric of the
      // claim, judged by the claim's own threshold (a control must not hold).
      const std::string label = "↳ " + control_label(c.control_stands_in());
      const auto control_row = [&](const results::SummaryRow& k) {
        out << "| " << m(label) << " `" << m(k.metric) << "` | — | " << m(format_spread(k)) << " | "
            << m(format_threshold(k))
            << (k.metric_verdict.empty() ? "" : " (" + m(k.metric_verdict) + ")") << " |\n";
      };
      for (const auto& s : c.own_metrics()) {
        out << "| `" << m(s.metric) << "` | " << format_number(s.source_figure) << " | "
            << m(format_spread(s)) << " | " << m(format_threshold(s)) << " |\n";
        if (const auto* k = c.control_of(s.metric)) control_row(*k);
      }
      for (const auto& k : c.orphan_controls()) control_row(k);
    }
    bool any = false;
    for (const auto& f : figures) {
      if (f.claim != c.id) continue;
      if (!any) out << "\n";
      any = true;
      if (f.rendered) {
        out << "![" << f.title << "](" << f.file << ") — " << f.note << "\n";
      } else {
        out << "- figure `" << f.name << "` not drawn: " << m(f.error) << "\n";
      }
    }
  }
  out << "\n## Benchmarks\n\n";
  if (data.bench.empty()) {
    if (info.results_are_records) {
      out << "None here: the records hold the claims' values only; `./ci/report` measures "
             "timings on your machine, into `results/bench/`.\n";
    } else {
      out << "None: no benchmark results found (looked for `" << (info.bench_dir / "*.csv").string()
          << "`); `benchmarks/run` writes them.\n";
    }
  } else {
    out << (data.bench_rounds <= 1
                ? "**One round of timings**: times taken once vary from run to run, so the C++ "
                  "/ Python ratios are noisy (`benchmarks/run --rounds 3` keeps each "
                  "benchmark's fastest of three rounds).\n\n"
                : fmt::format("Each benchmark's fastest of {} alternating rounds.\n\n",
                              data.bench_rounds));
    for (const auto& f : figures) {
      if (f.claim.empty() && f.rendered) out << "![" << f.title << "](" << f.file << ")\n";
    }
    out << "\n| benchmark | model | kind | device | implementation | batch | ms | images/s | "
           "GFLOP/s | % of peak |\n"
           "|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& r : data.bench) {
      out << "| " << m(r.benchmark) << " | " << m(r.model) << " | " << m(r.kind) << " | "
          << m(r.device) << " | " << m(r.implementation) << " | "
          << (r.batch_size ? std::to_string(*r.batch_size) : std::string("—")) << " | "
          << format_number(r.milliseconds) << " | " << format_number(r.images_per_second) << " | "
          << format_number(r.gflop_per_second) << " | " << format_number(r.percent_of_peak)
          << " |\n";
    }
  }
  out << problems_list(data.problems, figures);
  return out.str();
}

std::string comparison_markdown(const Comparison& cmp, const PageInfo& info) {
  std::ostringstream out;
  out << "# aerepro comparison\n\n- A: `" << cmp.a.dir.string() << "`\n- B: `" << cmp.b.dir.string()
      << "`\n- generated: " << info.generated_at << "\n\n"
      << spread_rule() << "\n\n"
      << cmp.flagged << " metric(s) flagged, " << cmp.verdict_changes << " verdict change(s).\n\n"
      << "Only the asserted metrics, each side with its threshold and the metric's verdict.\n\n"
      << "| claim | verdict A | verdict B | metric | A | B | Δ (B − A) | spread | flag |\n"
         "|---|---|---|---|---|---|---|---|---|\n";
  const auto side = [](const std::optional<results::SummaryRow>& s) {
    if (!s) return std::string("—");
    return m(mean_std_n(*s)) + "; " + m(format_threshold(*s)) +
           (s->metric_verdict.empty() ? "" : ", " + m(s->metric_verdict));
  };
  for (const auto& c : cmp.claims) {
    const std::string verdicts = fmt::format("{} | {}{}", m(c.verdict_a), m(c.verdict_b),
                                             c.verdict_changed ? " (**changed**)" : "");
    if (c.metrics.empty())
      out << "| `" << c.claim << "` | " << verdicts << " | — | — | — | — | — | |\n";
    for (const auto& d : c.metrics) {
      out << "| `" << c.claim << "` | " << verdicts << " | `" << m(d.metric) << "` | " << side(d.a)
          << " | " << side(d.b) << " | " << format_number(d.delta) << " | "
          << format_number(d.spread) << " | " << (d.flagged ? "⚑ beyond spread" : "") << " |\n";
    }
  }
  std::vector<Problem> problems = cmp.a.problems;
  problems.insert(problems.end(), cmp.b.problems.begin(), cmp.b.problems.end());
  out << problems_list(problems, {});
  return out.str();
}

}  // namespace aerepro::reports
