// The audit pages: /audit (the drafts with their scorecards), /audit/ID (scorecard, the articles
// × rules heatmap whose every cell links to its finding, then the findings with their evidence)
// and /audit/trend (the measures across an instrument's drafts as a chart and as a table, and
// what got better or worse). Audits use the built-in rule pack (server/audit_results.h).
#include <fmt/format.h>

#include "audit/audit_heatmap.h"
#include "audit/audit_report_text.h"
#include "audit/audit_trend_html.h"
#include "audit/provision_citation.h"
#include "audit/scorecard.h"
#include "doc/provision.h"
#include "server/audit_results.h"
#include "server/audit_trend_drafts.h"
#include "server/compare_results.h"
#include "server/request_context.h"
#include "server/server_routes.h"

namespace tw::server {
namespace {

// Drafts audited for the list page; the rest are listed by name to open one at a time.
constexpr std::size_t kMaxListedScorecards = 40;

std::string_view OutcomeSymbol(audit::Outcome outcome) {
  switch (outcome) {
    case audit::Outcome::kMet: return "✓";
    case audit::Outcome::kMissing: return "?";
    case audit::Outcome::kViolated: return "✗";
  }
  return "";
}

std::string FindingAnchor(std::size_t index) { return fmt::format("f{}", index + 1); }

// "u-art5": the anchor of a unit's findings; "u-document" for the whole text.
std::string UnitAnchor(const std::string& unit) {
  return "u-" + (unit.empty() ? std::string("document") : unit);
}

nlohmann::json ScorecardView(const audit::Scorecard& card) {
  nlohmann::json scope = nlohmann::json::array();
  nlohmann::json structure = nlohmann::json::array();
  for (const audit::CategoryCount& count : card.categories) {
    nlohmann::json item = {{"title", count.title},
                           {"breadth", count.breadth},
                           {"count", count.provisions.size()},
                           {"which", audit::JoinCitations(count.provisions)}};
    (count.scope ? scope : structure).push_back(std::move(item));
  }
  if (!card.unclassified.empty()) {
    scope.push_back({{"title", "Not classified"},
                     {"breadth", false},
                     {"count", card.unclassified.size()},
                     {"which", audit::JoinCitations(card.unclassified)}});
  }
  nlohmann::json coverage = nlohmann::json::array();
  for (const audit::RuleCoverage& rule : card.coverage) {
    coverage.push_back({{"title", rule.title},
                        {"topic", rule.topic},
                        {"severity", std::string(audit::SeverityName(rule.severity))},
                        {"selected", rule.selected > 0},
                        {"of", rule.selected},
                        {"met", rule.met},
                        {"percent", fmt::format("{:.0f}", rule.percent_met())},
                        {"missing", rule.missing},
                        {"violated", rule.violated}});
  }
  const audit::AgreementProgress& progress = card.progress;
  return {{"breadth_total", card.breadth_total},
          {"scope", scope},
          {"structure", structure},
          {"coverage", coverage},
          {"violated", card.violated},
          {"missing", card.missing},
          {"met", card.met},
          {"agreement", fmt::format("{} bracketed passages ({:.1f}% of the text) in {} of {} "
                                    "articles; {} options in {} articles.",
                                    progress.bracket_spans, progress.bracketed_percent,
                                    progress.articles_with_brackets, progress.articles,
                                    progress.options, progress.articles_with_options)}};
}

nlohmann::json HeatmapView(const doc::Document& document, const audit::AuditResult& result,
                           const audit::AuditHeatmap& heatmap) {
  nlohmann::json columns = nlohmann::json::array();
  for (std::size_t c = 0; c < heatmap.columns.size(); ++c) {
    const audit::Rule& rule = *heatmap.columns[c];
    columns.push_back({{"n", c + 1},
                       {"title", rule.title},
                       {"severity", std::string(audit::SeverityName(rule.severity))}});
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const audit::HeatmapRow& row : heatmap.rows) {
    const std::string citation = audit::ProvisionCitation(document.root, row.unit);
    nlohmann::json cells = nlohmann::json::array();
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (!row.cells[c]) {
        cells.push_back({{"empty", true}});
        continue;
      }
      const audit::Finding& finding = result.findings[row.cells[c]->finding];
      const std::string outcome(audit::OutcomeName(finding.outcome));
      const int count = row.cells[c]->count;
      cells.push_back(
          {{"outcome", outcome},
           {"symbol", OutcomeSymbol(finding.outcome)},
           {"count", count},
           {"anchor", FindingAnchor(row.cells[c]->finding)},
           {"label", fmt::format("{}, {}: {}{}", citation, heatmap.columns[c]->title, outcome,
                                 count > 1 ? fmt::format(" (worst of {} findings)", count)
                                           : std::string())}});
    }
    rows.push_back({{"citation", citation}, {"anchor", UnitAnchor(row.unit)}, {"cells", cells}});
  }
  return {{"columns", columns}, {"rows", rows}};
}

nlohmann::json FindingsView(const doc::Document& document, const audit::RulePack& pack,
                            const audit::AuditResult& result,
                            const audit::AuditHeatmap& heatmap) {
  const std::string cite = document.CiteName();
  nlohmann::json units = nlohmann::json::array();
  for (const std::string& unit : heatmap.units) {
    std::vector<std::string> categories;
    nlohmann::json findings = nlohmann::json::array();
    for (std::size_t index : heatmap.findings_by_unit.at(unit)) {
      const audit::Finding& finding = result.findings[index];
      if (!finding.category.empty()) {
        const audit::Category* category = pack.FindCategory(finding.category);
        categories.push_back(category == nullptr ? finding.category : category->title);
        continue;
      }
      const audit::Rule* rule = pack.FindRule(finding.rule_id);
      nlohmann::json evidence = nlohmann::json::array();
      for (const audit::Evidence& item : finding.evidence) {
        evidence.push_back(
            {{"quote", item.quote},
             {"citation", audit::ProvisionCitation(document.root, item.path) + ", " + cite},
             {"forbidden", item.forbidden},
             {"bracketed", item.bracketed}});
      }
      nlohmann::json missing = nlohmann::json::array();
      for (const std::string& pattern : finding.missing) missing.push_back(pattern);
      findings.push_back(
          {{"anchor", FindingAnchor(index)},
           {"outcome", std::string(audit::OutcomeName(finding.outcome))},
           {"severity", std::string(audit::SeverityName(finding.severity))},
           {"title", rule == nullptr ? finding.rule_id : rule->title},
           {"where", finding.path == unit
                         ? std::string()
                         : audit::ProvisionCitation(document.root, finding.path)},
           {"evidence", evidence},
           {"missing", missing},
           {"has_missing", !missing.empty()},
           {"rule_id", finding.rule_id},
           {"rationale", rule == nullptr ? std::string() : rule->rationale},
           {"sources", rule == nullptr ? std::string()
                                       : fmt::format("{}", fmt::join(rule->sources, "; "))}});
    }
    std::string title = unit.empty() ? "The whole text"
                                     : audit::ProvisionCitation(document.root, unit);
    if (const doc::Provision* provision = doc::FindProvision(document.root, unit);
        provision != nullptr && !unit.empty() && !provision->heading.empty()) {
      title += " " + provision->heading;
    }
    units.push_back({{"anchor", UnitAnchor(unit)},
                     {"title", title},
                     {"categories", fmt::format("{}", fmt::join(categories, "; "))},
                     {"findings", findings}});
  }
  return units;
}

nlohmann::json DocumentView(const doc::Document& document) {
  return {{"id", document.meta.id},
          {"cite", document.CiteName()},
          {"title", document.meta.title},
          {"date", document.meta.date},
          {"instrument", document.meta.instrument}};
}

void AuditList(RequestContext& ctx) {
  if (ctx.HasParam("document")) {
    absl::StatusOr<std::int64_t> id = ctx.IdParam("document");
    if (!id.ok()) return ctx.Error(id.status());
    return ctx.Redirect(fmt::format("/audit/{}", *id));
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return ctx.Error(store.status());
  absl::StatusOr<std::vector<doc::DocumentMeta>> metas = (*store)->ListDocuments();
  if (!metas.ok()) return ctx.Error(metas.status());
  absl::StatusOr<const audit::RuleEngine*> engine = DefaultAuditEngine();
  if (!engine.ok()) return ctx.Error(engine.status());
  nlohmann::json drafts = nlohmann::json::array();
  nlohmann::json others = nlohmann::json::array();
  std::size_t audited = 0;
  for (const doc::DocumentMeta& meta : *metas) {
    const std::string cite = meta.symbol.empty() ? meta.title : meta.symbol;
    // A draft: so marked, or a version of an instrument.
    const bool draft = meta.kind == "draft" || !meta.instrument.empty();
    if (!draft || audited == kMaxListedScorecards) {
      others.push_back({{"id", meta.id}, {"cite", cite.substr(0, 200)}});
      continue;
    }
    absl::StatusOr<doc::Document> document = DocumentById(ctx, meta.id);
    if (!document.ok()) return ctx.Error(document.status());
    auto result = CachedAudit(*document);
    if (!result.ok()) return ctx.Error(result.status());
    ++audited;
    const audit::Scorecard card = audit::MakeScorecard(*document, (*engine)->pack(), **result);
    nlohmann::json item = DocumentView(*document);
    item["card"] = ScorecardView(card);
    item["brackets"] = card.progress.bracket_spans;
    drafts.push_back(std::move(item));
  }
  absl::StatusOr<std::vector<store::InstrumentInfo>> instruments = (*store)->ListInstruments();
  if (!instruments.ok()) return ctx.Error(instruments.status());
  nlohmann::json trends = nlohmann::json::array();
  for (const store::InstrumentInfo& instrument : *instruments) {
    if (instrument.versions < 2) continue;
    // Linked by the drafts' ids: an instrument's name is user text, kept out of URLs.
    absl::StatusOr<std::vector<doc::DocumentMeta>> chain = (*store)->VersionChain(instrument.name);
    if (!chain.ok()) return ctx.Error(chain.status());
    if (chain->size() > kMaxTrendDrafts) chain->erase(chain->begin(), chain->end() - kMaxTrendDrafts);
    std::vector<std::string> ids;
    for (const doc::DocumentMeta& version : *chain) ids.push_back(std::to_string(version.id));
    trends.push_back({{"name", instrument.name},
                      {"versions", instrument.versions},
                      {"href", fmt::format("/audit/trend?documents={}", fmt::join(ids, ","))}});
  }
  nlohmann::json all = drafts;
  for (const nlohmann::json& other : others) all.push_back(other);
  nlohmann::json view = {{"drafts", drafts},
                         {"has_drafts", !drafts.empty()},
                         {"all", all},
                         {"trends", trends},
                         {"has_trends", !trends.empty()},
                         {"pack", (*engine)->pack().title}};
  ctx.Page("audit", "Audit", std::move(view));
}

void AuditDocument(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "document");
  if (!id.ok()) return ctx.Error(id.status());
  absl::StatusOr<DocumentAudit> audited = AuditStoredDocument(ctx, *id);
  if (!audited.ok()) return ctx.Error(audited.status());
  const doc::Document* document = &audited->document;
  const audit::RulePack& pack = *audited->pack;
  const audit::AuditResult* result = audited->result.get();
  const audit::Scorecard& card = audited->card;
  const audit::AuditHeatmap heatmap = audit::MakeAuditHeatmap(*document, pack, *result);
  nlohmann::json view = {{"document", DocumentView(*document)},
                         {"pack", {{"title", pack.title},
                                   {"version", pack.version},
                                   {"rules", pack.rules.size()}}},
                         {"card", ScorecardView(card)},
                         {"heatmap", HeatmapView(*document, *result, heatmap)},
                         {"has_heatmap", !heatmap.rows.empty()},
                         {"units", FindingsView(*document, pack, *result, heatmap)},
                         {"unmatched", fmt::format("{}", fmt::join(result->unmatched_rules,
                                                                   ", "))},
                         {"brackets", card.progress.bracket_spans},
                         {"nav", "audit"}};
  ctx.Page("audit_document", "Audit of " + document->CiteName(), std::move(view));
}

// The chart's data: one line per measure, one point per draft. Numbers only, plus the drafts'
// citations as labels (text: Chart.js draws it on a canvas, never as HTML).
nlohmann::json ChartData(const audit::AuditTrend& trend) {
  nlohmann::json labels = nlohmann::json::array();
  nlohmann::json violated = nlohmann::json::array();
  nlohmann::json missing = nlohmann::json::array();
  nlohmann::json breadth = nlohmann::json::array();
  nlohmann::json brackets = nlohmann::json::array();
  for (const audit::Scorecard& card : trend.scorecards) {
    labels.push_back(card.cite.substr(0, 80));
    violated.push_back(card.violated);
    missing.push_back(card.missing);
    breadth.push_back(card.breadth_total);
    brackets.push_back(card.progress.bracket_spans);
  }
  return {{"labels", labels},
          {"series",
           {{{"label", "Violated findings"}, {"data", violated}},
            {{"label", "Missing findings"}, {"data", missing}},
            {{"label", "Offence articles (breadth)"}, {"data", breadth}},
            {{"label", "Bracketed passages"}, {"data", brackets}}}}};
}

void AuditTrendPage(RequestContext& ctx) {
  if (!ctx.HasParam("documents") && !ctx.HasParam("instrument")) return ctx.Redirect("/audit");
  absl::StatusOr<std::vector<doc::Document>> drafts = TrendDrafts(ctx);
  if (!drafts.ok()) return ctx.Error(drafts.status());
  absl::StatusOr<const audit::RuleEngine*> engine = DefaultAuditEngine();
  if (!engine.ok()) return ctx.Error(engine.status());
  auto trend = CachedAuditTrend(*drafts);
  if (!trend.ok()) return ctx.Error(trend.status());
  nlohmann::json listed = nlohmann::json::array();
  for (std::size_t i = 0; i < drafts->size(); ++i) {
    const audit::Scorecard& card = (*trend)->scorecards[i];
    listed.push_back({{"id", (*drafts)[i].meta.id},
                      {"cite", card.cite},
                      {"date", card.date},
                      {"violated", card.violated},
                      {"missing", card.missing},
                      {"met", card.met},
                      {"breadth", card.breadth_total},
                      {"brackets", card.progress.bracket_spans}});
  }
  const std::string name = ctx.HasParam("instrument") ? ctx.Param("instrument")
                                                      : (*drafts).front().meta.instrument;
  nlohmann::json view = {
      {"instrument", name},
      {"drafts", listed},
      {"chart", ChartData(**trend).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)},
      {"measures_html", audit::TrendMeasuresHtml(**trend)},
      {"steps_html", audit::TrendStepsHtml(**trend, (*engine)->pack())},
      {"pack", (*engine)->pack().title},
      {"nav", "audit"}};
  ctx.Page("audit_trend", name.empty() ? "Audit trend" : "Audit trend of " + name,
           std::move(view));
}

}  // namespace

void RegisterAuditPages(RouteTable& routes) {
  routes.Add("GET", "/audit", Access::kPublic, AuditList,
             "The drafts with their scorecards; pick one to audit");
  routes.Add("GET", "/audit/trend", Access::kPublic, AuditTrendPage,
             "Scorecards across an instrument's drafts as a chart and a table "
             "(?instrument=NAME or ?documents=ID,ID,...)",
             "/audit/trend?documents=2,8,11");
  routes.Add("GET", R"(/audit/(\d+))", Access::kPublic, AuditDocument,
             "A draft's scorecard, the articles × rules heatmap and the findings",
             "/audit/11");
}

}  // namespace tw::server
