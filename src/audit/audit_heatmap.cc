#include "audit/audit_heatmap.h"

#include "audit/article_of_paths.h"

namespace tw::audit {
namespace {

// The article (or top-level unit) a finding belongs to.
std::string UnitOf(const std::map<std::string, std::string>& article_of, const std::string& path) {
  auto holder = article_of.find(path);
  return holder == article_of.end() || holder->second.empty() ? path : holder->second;
}

}  // namespace

AuditHeatmap MakeAuditHeatmap(const doc::Document& document, const RulePack& pack,
                              const AuditResult& result) {
  AuditHeatmap map;
  std::map<std::string, std::size_t> column_of;
  for (const Rule& rule : pack.rules) {
    if (!rule.test) continue;
    column_of.emplace(rule.id, map.columns.size());
    map.columns.push_back(&rule);
  }
  std::map<std::string, HeatmapRow> rows;
  const std::map<std::string, std::string> article_of = ArticleOfPaths(document.root);
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& finding = result.findings[i];
    const std::string unit = UnitOf(article_of, finding.path);
    auto [listed, is_new] = map.findings_by_unit.try_emplace(unit);
    if (is_new) map.units.push_back(unit);
    listed->second.push_back(i);
    if (!finding.category.empty()) continue;
    const auto column = column_of.find(finding.rule_id);
    if (column == column_of.end()) continue;
    HeatmapRow& row = rows[unit];
    if (row.cells.empty()) {
      row.unit = unit;
      row.cells.resize(map.columns.size());
    }
    std::optional<HeatmapCell>& cell = row.cells[column->second];
    if (!cell) cell = HeatmapCell{};
    // A later finding takes the cell unless it would hide a worse one.
    if (cell->count == 0 || result.findings[cell->finding].outcome == Outcome::kMet ||
        finding.outcome == Outcome::kViolated) {
      cell->finding = i;
    }
    ++cell->count;
  }
  for (const std::string& unit : map.units) {
    auto row = rows.find(unit);
    if (row != rows.end()) map.rows.push_back(std::move(row->second));
  }
  return map;
}

}  // namespace tw::audit
