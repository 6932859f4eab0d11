// AuditHeatmap: an audit laid out as articles × check rules, the grid the HTML report and the
// web workbench draw. A cell stands for every check finding of one rule in one article (the
// article's paragraphs included) and points at the worst of them: violated before missing before
// met, so a click lands on what needs attention. Findings of rules that select the whole text sit
// in the row of the empty unit ("Whole text"). Pure; thread-safe. Borrows `pack`'s rules.
#ifndef TREATYWATCH_AUDIT_AUDIT_HEATMAP_H_
#define TREATYWATCH_AUDIT_AUDIT_HEATMAP_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/finding.h"
#include "audit/rule.h"
#include "doc/document.h"

namespace tw::audit {

struct HeatmapCell {
  std::size_t finding = 0;  // index into AuditResult::findings of the worst finding
  int count = 0;            // check findings of the rule in the article
};

struct HeatmapRow {
  std::string unit;  // article path; empty for the whole text
  std::vector<std::optional<HeatmapCell>> cells;  // parallel to AuditHeatmap::columns
};

struct AuditHeatmap {
  std::vector<const Rule*> columns;  // the pack's check rules, in pack order
  // Every unit holding a finding (classifications too), in the order of its first finding,
  // with its findings' indices in document order.
  std::vector<std::string> units;
  std::map<std::string, std::vector<std::size_t>> findings_by_unit;
  std::vector<HeatmapRow> rows;  // the units with a check finding, in `units` order
};

AuditHeatmap MakeAuditHeatmap(const doc::Document& document, const RulePack& pack,
                              const AuditResult& result);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_AUDIT_HEATMAP_H_
