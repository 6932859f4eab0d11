#include "audit/audit_json.h"

#include <string>

#include "audit/provision_citation.h"
#include "doc/provision.h"

namespace tw::audit {
namespace {

nlohmann::json ArticleListJson(const std::vector<ScorecardArticle>& articles) {
  nlohmann::json list = nlohmann::json::array();
  for (const ScorecardArticle& article : articles) {
    list.push_back({{"path", article.path}, {"citation", article.citation},
                    {"heading", article.heading}});
  }
  return list;
}

nlohmann::json EvidenceJson(const doc::Provision& root, const std::string& cite,
                            const std::vector<Evidence>& evidence) {
  nlohmann::json list = nlohmann::json::array();
  for (const Evidence& item : evidence) {
    list.push_back({{"path", item.path},
                    {"citation", ProvisionCitation(root, item.path) + ", " + cite},
                    {"begin", item.begin},
                    {"end", item.end},
                    {"quote", item.quote},
                    {"pattern", item.pattern},
                    {"forbidden", item.forbidden},
                    {"bracketed", item.bracketed}});
  }
  return list;
}

nlohmann::json PackJson(const RulePack& pack) {
  return {{"name", pack.name},
          {"title", pack.title},
          {"version", pack.version},
          {"files", pack.files},
          {"rules", pack.rules.size()}};
}

nlohmann::json RuleJson(const Rule* rule) {
  if (rule == nullptr) return nullptr;
  return {{"id", rule->id},
          {"title", rule->title},
          {"severity", std::string(SeverityName(rule->severity))},
          {"topic", rule->topic},
          {"rationale", rule->rationale},
          {"sources", rule->sources}};
}

}  // namespace

nlohmann::json ScorecardToJson(const Scorecard& card) {
  nlohmann::json categories = nlohmann::json::array();
  nlohmann::json breadth = nlohmann::json::object();
  for (const CategoryCount& count : card.categories) {
    categories.push_back({{"category", count.category},
                          {"title", count.title},
                          {"breadth", count.breadth},
                          {"count", count.provisions.size()},
                          {"provisions", ArticleListJson(count.provisions)}});
    if (count.breadth) breadth[count.category] = count.provisions.size();
  }
  nlohmann::json coverage = nlohmann::json::array();
  for (const RuleCoverage& rule : card.coverage) {
    coverage.push_back({{"rule", rule.rule_id},
                        {"title", rule.title},
                        {"topic", rule.topic},
                        {"severity", std::string(SeverityName(rule.severity))},
                        {"selected", rule.selected},
                        {"met", rule.met},
                        {"missing", rule.missing},
                        {"violated", rule.violated},
                        {"percent_met", rule.percent_met()}});
  }
  const AgreementProgress& progress = card.progress;
  return {{"cite", card.cite},
          {"title", card.title},
          {"date", card.date},
          {"breadth", breadth},
          {"breadth_total", card.breadth_total},
          {"categories", categories},
          {"unclassified", ArticleListJson(card.unclassified)},
          {"coverage", coverage},
          {"progress",
           {{"articles", progress.articles},
            {"articles_with_brackets", progress.articles_with_brackets},
            {"bracket_spans", progress.bracket_spans},
            {"bracketed_percent", progress.bracketed_percent},
            {"options", progress.options},
            {"articles_with_options", progress.articles_with_options}}},
          {"findings", {{"met", card.met}, {"missing", card.missing}, {"violated", card.violated}}}};
}

nlohmann::json AuditToJson(const doc::Document& document, const RulePack& pack,
                           const AuditResult& result, const Scorecard& card) {
  const std::string cite = document.CiteName();
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& finding : result.findings) {
    const Rule* rule = pack.FindRule(finding.rule_id);
    nlohmann::json item = {
        {"rule", finding.rule_id},
        {"title", rule == nullptr ? std::string() : rule->title},
        {"topic", rule == nullptr ? std::string() : rule->topic},
        {"severity", std::string(SeverityName(finding.severity))},
        {"path", finding.path},
        {"citation", ProvisionCitation(document.root, finding.path) + ", " + cite},
        {"outcome", std::string(OutcomeName(finding.outcome))},
        {"evidence", EvidenceJson(document.root, cite, finding.evidence)},
        {"missing", finding.missing}};
    if (!finding.category.empty()) item["category"] = finding.category;
    findings.push_back(std::move(item));
  }
  nlohmann::json rules = nlohmann::json::array();
  for (const Rule& rule : pack.rules) rules.push_back(RuleJson(&rule));
  return {{"document",
           {{"id", document.meta.id},
            {"cite", cite},
            {"symbol", document.meta.symbol},
            {"title", document.meta.title},
            {"date", document.meta.date}}},
          {"pack", PackJson(pack)},
          {"scorecard", ScorecardToJson(card)},
          {"findings", findings},
          {"unmatched_rules", result.unmatched_rules},
          {"rules", rules}};
}

nlohmann::json AuditTrendToJson(const AuditTrend& trend, const RulePack& pack) {
  nlohmann::json scorecards = nlohmann::json::array();
  for (const Scorecard& card : trend.scorecards) scorecards.push_back(ScorecardToJson(card));
  nlohmann::json steps = nlohmann::json::array();
  for (const TrendStep& step : trend.steps) {
    nlohmann::json changes = nlohmann::json::array();
    for (const TrendChange& change : step.changes) {
      nlohmann::json item = {{"rule", change.rule_id},
                             {"direction", std::string(TrendDirectionName(change.direction))},
                             {"severity", std::string(SeverityName(change.severity))},
                             {"old_path", change.old_path},
                             {"new_path", change.new_path},
                             {"old_citation", change.old_citation},
                             {"new_citation", change.new_citation},
                             {"heading", change.heading}};
      if (!change.category.empty()) item["category"] = change.category;
      if (change.before) item["before"] = std::string(OutcomeName(*change.before));
      if (change.after) item["after"] = std::string(OutcomeName(*change.after));
      nlohmann::json quotes = nlohmann::json::array();
      for (std::size_t k = 0; k < change.evidence.size(); ++k) {
        const Evidence& evidence = change.evidence[k];
        quotes.push_back({{"path", evidence.path},
                          {"citation", k < change.evidence_citations.size()
                                           ? change.evidence_citations[k]
                                           : std::string()},
                          {"quote", evidence.quote},
                          {"forbidden", evidence.forbidden},
                          {"bracketed", evidence.bracketed}});
      }
      item["evidence"] = quotes;
      changes.push_back(std::move(item));
    }
    steps.push_back({{"from", step.old_cite},
                     {"to", step.new_cite},
                     {"better", step.better},
                     {"worse", step.worse},
                     {"agreed", ArticleListJson(step.agreed)},
                     {"bracketed_again", ArticleListJson(step.disputed)},
                     {"changes", changes}});
  }
  return {{"alignment", std::string(TrendAlignmentName(trend.alignment))},
          {"pack", PackJson(pack)},
          {"scorecards", scorecards},
          {"steps", steps}};
}

}  // namespace tw::audit
