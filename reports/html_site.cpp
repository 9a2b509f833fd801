// The report's pages (html_page.h), put together from their parts (html_page_parts.h): the index,
// each report's card with its checks' details, the brief's and the harness's checks, and the
// run. A card, the own checks or the run's table longer than PageLimits allows is cut into
// linked pages (page_split.h), each claim's details on the page of the first row that cites it.
#include "reports/glossary.h"
#include "reports/html_page.h"
#include "reports/html_page_parts.h"
#include "reports/page_split.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace aerepro::reports {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), ::tolower);
  return text;
}

// The stem of a report's pages: "s2" (s2.html, s2-2.html, …).
std::string card_stem(const Card& card) {
  return lower(card.report.key);
}

// The revision once: the latest of the rows' revisions, and how many others there are.
std::string footer(const ProfileData& data, const PageInfo& info) {
  const auto revisions = data.environment().git_revisions;
  std::string latest;
  std::string date;
  for (const auto& c : data.claims) {
    if (c.summary.empty()) continue;
    if (c.summary.front().date >= date) {
      date = c.summary.front().date;
      latest = c.summary.front().git_revision;
    }
  }
  return fmt::format(
      "<footer>Generated {} from <code>{}</code>. The latest rows were measured at revision "
      "<code>{}</code>{}; each check's details name its own.</footer>\n",
      html::e(info.generated_at), html::e(data.dir.string()),
      html::e(latest.empty() ? "—" : latest),
      revisions.size() > 1
          ? fmt::format(" ({} revisions in all, listed on <a href=\"run.html\">the "
                        "run page</a>)",
                        revisions.size())
          : std::string());
}

// The site's links; the pages of `here` (a stem: "s2", "checks", "run") in bold.
std::string nav(const Cards& cards, const std::string& here) {
  std::string out = "<nav class=\"pages\"><a href=\"index.html\">all reports</a>";
  for (const auto& card : cards.cards) {
    const std::string stem = card_stem(card);
    out += stem == here
               ? " · <b>" + html::e(card.report.key) + "</b>"
               : fmt::format(" · <a href=\"{}.html\">{}</a>", stem, html::e(card.report.key));
  }
  out += here == "checks" ? " · <b>the brief's and the harness's checks</b>"
                          : " · <a href=\"checks.html\">the brief's and the harness's checks</a>";
  out += here == "run" ? " · <b>the run</b>" : " · <a href=\"run.html\">the run</a>";
  return out + " · <a href=\"index.html#glossary\">glossary</a></nav>\n";
}

// The claims whose details a row's page holds: as made, corrected, and its readings' variants
// (those in the results).
std::vector<const ClaimData*> detailed(const CardRow& row) {
  std::vector<const ClaimData*> out;
  for (const auto* list : {&row.made, &row.corrected, &row.reading_variants}) {
    out.insert(out.end(), list->begin(), list->end());
  }
  return out;
}

std::vector<PageRange> card_pages(const Card& card, const PageLimits& limits) {
  return split_pages(std::vector<std::string>(card.rows.size()), limits.rows);
}

std::vector<PageRange> own_pages(const Cards& cards, const PageLimits& limits) {
  return split_pages(std::vector<std::string>(cards.own.size()), limits.rows);
}

// The report a claim belongs to, by its id: "s2.pca_beats_source_ae" → "S2".
std::string report_of(const std::string& claim) {
  std::string key = claim.substr(0, claim.find('.'));
  std::transform(key.begin(), key.end(), key.begin(), ::toupper);
  return key;
}

// The run's table, page by page: a report's claims together where they fit.
std::vector<PageRange> run_pages(const ProfileData& data, const PageLimits& limits) {
  std::vector<std::string> groups;
  for (const auto& c : data.claims) groups.push_back(report_of(c.id));
  return split_pages(groups, limits.claims);
}

// "S2-21 – S2-53": the entries of a card's page (rows 1–10 without an inventory).
std::string rows_label(const Card& card, const PageRange& r) {
  if (r.size() == 0) return "no rows";
  const std::string first = card.rows[r.begin].entry.entry, last = card.rows[r.end - 1].entry.entry;
  if (!card.from_inventory || first.empty() || last.empty())
    return fmt::format("rows {}–{}", r.begin + 1, r.end);
  return html::e(first == last ? first : first + " – " + last);
}

// "claims 1–24: S0, S1, S2".
std::string claims_label(const ProfileData& data, const PageRange& r) {
  std::vector<std::string> reports;
  for (size_t i = r.begin; i < r.end; ++i) {
    const auto key = report_of(data.claims[i].id);
    if (std::find(reports.begin(), reports.end(), key) == reports.end()) reports.push_back(key);
  }
  return fmt::format("claims {}–{}: {}", r.begin + 1, r.end, html::e(html::join(reports)));
}

std::string index_page(const ProfileData& data, const Cards& cards, const PageInfo& info,
                       const std::string& foot) {
  std::ostringstream out;
  out << html::page_start("aerepro — five autoencoder reports, checked") << nav(cards, "index");
  out << "<h1>Five autoencoder reports: what their statements come to</h1>\n"
      << html::reduced_profile_banner(data, info)
      << "<p>Each report has a page that opens with its card: one row per statement the "
         "harness checks, with the report's printed figure, ours in the same unit, the "
         "verdicts and the figure that decides it. Below, each report's checkable statements "
         "(numbers, comparisons, visual judgements, curves), each counted once.</p>\n";
  std::vector<const Card*> all;
  for (const auto& c : cards.cards) all.push_back(&c);
  out << html::tally_table(all, true);
  const auto run = run_pages(data, info.limits);
  out << fmt::format(
      "<p>The {} and the harness's own checks: <a href=\"checks.html\">{} check{}</a>, counted "
      "on their own page and nowhere else. <a href=\"run.html\">The run</a>: where the numbers "
      "come from, every asserted metric, benchmarks and <a href=\"{}#problems\">{} "
      "problem{}</a>.</p>\n",
      term_link("brief", "brief's headline checks"), cards.own.size(),
      cards.own.size() == 1 ? "" : "s", page_file("run", run.size() - 1), data.problems.size(),
      data.problems.size() == 1 ? "" : "s");
  out << glossary_html() << foot << html::page_end();
  return out.str();
}

// The details of `claims`, in their order, each once.
std::string details(const ProfileData& data, const std::vector<const ClaimData*>& claims,
                    const std::vector<Figure>& figures, const PageInfo& info) {
  std::string out;
  std::vector<const ClaimData*> done;
  for (const ClaimData* c : claims) {
    if (std::find(done.begin(), done.end(), c) != done.end()) continue;
    done.push_back(c);
    out += html::claim_section(data, *c, figures, info);
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> claim_pages(const Cards& cards, const PageLimits& limits) {
  std::map<std::string, std::string> out;
  const auto own = own_pages(cards, limits);
  for (size_t k = 0; k < own.size(); ++k) {
    for (size_t i = own[k].begin; i < own[k].end; ++i)
      out[cards.own[i]->id] = page_file("checks", k);
  }
  for (const auto& card : cards.cards) {
    const auto pages = card_pages(card, limits);
    for (size_t k = 0; k < pages.size(); ++k) {
      for (size_t i = pages[k].begin; i < pages[k].end; ++i) {
        for (const ClaimData* c : detailed(card.rows[i]))
          out.emplace(c->id, page_file(card_stem(card), k));
      }
    }
  }
  return out;
}

std::vector<SitePage> report_site(const ProfileData& data, const std::vector<Figure>& figures,
                                  const PageInfo& info) {
  using html::e, html::page_end, html::page_start;
  const Cards cards = grading_cards(data, info.inventory);
  const auto where = claim_pages(cards, info.limits);
  const std::string foot = footer(data, info);
  std::vector<SitePage> site;
  site.push_back({"index.html", index_page(data, cards, info, foot)});
  for (const auto& card : cards.cards) {
    const std::string stem = card_stem(card);
    const auto pages = card_pages(card, info.limits);
    std::vector<std::string> labels;
    for (const auto& r : pages) labels.push_back(rows_label(card, r));
    if (!card.not_checked.empty()) labels.back() += ", the statements nothing checks";
    for (size_t k = 0; k < pages.size(); ++k) {
      const std::string file = page_file(stem, k), pager = pager_html(stem, labels, k);
      std::ostringstream out;
      out << page_start(card.report.key + " — " + card.report.name +
                        (pages.size() > 1 ? fmt::format(" ({} of {})", k + 1, pages.size()) : "") +
                        " — aerepro")
          << nav(cards, stem) << html::reduced_profile_banner(data, info)
          << html::card_html(card, figures, where, pages[k], pager);
      std::vector<const ClaimData*> here;
      for (size_t i = pages[k].begin; i < pages[k].end; ++i) {
        for (const ClaimData* c : detailed(card.rows[i])) {
          if (where.at(c->id) == file) here.push_back(c);
        }
      }
      if (!here.empty()) out << "<h2 id=\"details\">The checks in detail</h2>\n";
      out << details(data, here, figures, info) << pager << foot << page_end();
      site.push_back({file, out.str()});
    }
  }
  {  // the brief's and the harness's own checks
    const auto pages = own_pages(cards, info.limits);
    std::vector<std::string> labels;
    for (const auto& r : pages) labels.push_back(fmt::format("checks {}–{}", r.begin + 1, r.end));
    for (size_t k = 0; k < pages.size(); ++k) {
      const std::string pager = pager_html("checks", labels, k);
      std::ostringstream out;
      out << page_start("the brief's and the harness's checks — aerepro") << nav(cards, "checks")
          << html::own_checks_section(cards, figures, pages[k], pager);
      const std::vector<const ClaimData*> here(cards.own.begin() + pages[k].begin,
                                               cards.own.begin() + pages[k].end);
      out << details(data, here, figures, info) << pager << foot << page_end();
      site.push_back({page_file("checks", k), out.str()});
    }
  }
  {  // the run: its table of every asserted metric, cut by report where it is long
    const auto pages = run_pages(data, info.limits);
    std::vector<std::string> labels;
    for (const auto& r : pages) labels.push_back(claims_label(data, r));
    labels.front() = "the environment, " + labels.front();
    labels.back() += "; benchmarks and problems";
    for (size_t k = 0; k < pages.size(); ++k) {
      const std::string pager = pager_html("run", labels, k);
      std::ostringstream out;
      out << page_start("the run — aerepro " + data.profile +
                        (pages.size() > 1 ? fmt::format(" ({} of {})", k + 1, pages.size()) : ""))
          << nav(cards, "run");
      if (k == 0) {
        out << "<h1>The run behind the pages (profile <code>" << e(data.profile)
            << "</code>)</h1>\n"
            << html::reduced_profile_banner(data, info) << "<p>Everything is read from the "
            << "results files in <code>" << e(data.dir.string()) << "</code>; nothing here "
            << "trains. " << html::counts_line(data) << "</p>\n"
            << html::environment_table(data, info)
            << "<h2 id=\"claims\">Every asserted metric</h2>\n"
            << html::verdict_rule() << html::claims_table_intro();
      } else {
        out << "<h1>The run behind the pages (profile <code>" << e(data.profile)
            << "</code>)</h1>\n"
            << "<h2 id=\"claims\">Every asserted metric: " << claims_label(data, pages[k])
            << "</h2>\n";
      }
      std::vector<const ClaimData*> claims;
      for (size_t i = pages[k].begin; i < pages[k].end; ++i) claims.push_back(&data.claims[i]);
      out << pager << html::claims_table(claims, where);
      if (k + 1 == pages.size()) {
        out << html::bench_section(data, figures, info)
            << html::problems_section(data.problems, figures);
      }
      out << pager << foot << page_end();
      site.push_back({page_file("run", k), out.str()});
    }
  }
  return site;
}

}  // namespace aerepro::reports
