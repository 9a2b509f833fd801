#include "reports/compare.h"

#include <algorithm>
#include <cmath>

namespace aerepro::reports {
namespace {

const ClaimData* find_claim(const ProfileData& data, const std::string& id) {
  for (const auto& c : data.claims) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::optional<results::SummaryRow> find_metric(const ClaimData* claim, const std::string& metric) {
  if (!claim) return std::nullopt;
  for (const auto& s : claim->summary) {
    if (s.metric == metric) return s;
  }
  return std::nullopt;
}

double spread_of(const std::optional<results::SummaryRow>& row) {
  return row && std::isfinite(row->std) ? row->std : 0.0;
}

}  // namespace

std::string spread_rule() {
  return "Δ = mean(B) − mean(A); flagged (⚑) when |Δ| exceeds the larger of the two standard "
         "deviations over seeds, max(std A, std B). A one-seed run has no spread (counted as 0), "
         "so any change of its mean is flagged.";
}

Comparison compare_profiles(ProfileData a, ProfileData b) {
  Comparison out;
  out.a = std::move(a);
  out.b = std::move(b);
  std::vector<std::string> ids;
  for (const auto* side : {&out.a, &out.b}) {
    for (const auto& c : side->claims) {
      if (std::find(ids.begin(), ids.end(), c.id) == ids.end()) ids.push_back(c.id);
    }
  }
  for (const auto& id : ids) {
    const ClaimData* ca = find_claim(out.a, id);
    const ClaimData* cb = find_claim(out.b, id);
    ClaimDelta claim;
    claim.claim = id;
    claim.verdict_a = ca ? ca->verdict() : "absent";
    claim.verdict_b = cb ? cb->verdict() : "absent";
    claim.verdict_changed = claim.verdict_a != claim.verdict_b;
    out.verdict_changes += claim.verdict_changed ? 1 : 0;
    // Only the metrics a verdict rests on (those with a threshold on either side).
    std::vector<std::string> metrics;
    for (const ClaimData* c : {ca, cb}) {
      if (!c) continue;
      for (const auto& s : c->asserted()) {
        if (std::find(metrics.begin(), metrics.end(), s.metric) == metrics.end()) {
          metrics.push_back(s.metric);
        }
      }
    }
    for (const auto& metric : metrics) {
      MetricDelta d;
      d.metric = metric;
      d.a = find_metric(ca, metric);
      d.b = find_metric(cb, metric);
      d.delta = d.a && d.b ? d.b->mean - d.a->mean : std::nan("");
      d.spread = std::max(spread_of(d.a), spread_of(d.b));
      d.flagged = std::isfinite(d.delta) && std::fabs(d.delta) > d.spread;
      out.flagged += d.flagged ? 1 : 0;
      claim.metrics.push_back(d);
    }
    out.claims.push_back(std::move(claim));
  }
  return out;
}

}  // namespace aerepro::reports
