#include "audit/scorecard.h"

#include <map>
#include <set>

#include "audit/provision_citation.h"
#include "doc/provision.h"

namespace tw::audit {
namespace {

ScorecardArticle DescribeProvision(const doc::Document& document, const std::string& path) {
  ScorecardArticle article;
  article.path = path;
  article.citation = ProvisionCitation(document.root, path);
  if (const doc::Provision* provision = doc::FindProvision(document.root, path)) {
    article.heading = provision->heading;
  }
  return article;
}

// The category the breadth categories subdivide: the one breadth-assigning rules select by.
std::set<std::string> SubdividedCategories(const RulePack& pack) {
  std::set<std::string> parents;
  for (const Rule& rule : pack.rules) {
    const Category* assigned = rule.assigns.empty() ? nullptr : pack.FindCategory(rule.assigns);
    if (assigned == nullptr || !assigned->breadth) continue;
    parents.insert(rule.select.categories.begin(), rule.select.categories.end());
  }
  return parents;
}

}  // namespace

AgreementProgress MeasureAgreementProgress(const doc::Document& document) {
  AgreementProgress progress;
  std::size_t bracketed_bytes = 0;
  for (const doc::BracketSpan& span : document.root.brackets) {
    if (span.depth != 1) continue;
    ++progress.bracket_spans;
    bracketed_bytes += span.end - span.begin;
  }
  if (!document.text.empty()) {
    progress.bracketed_percent = 100.0 * static_cast<double>(bracketed_bytes) /
                                 static_cast<double>(document.text.size());
  }
  doc::VisitProvisions(document.root, [&progress](const doc::Provision& node, int) {
    if (node.kind == doc::ProvisionKind::kOption) ++progress.options;
    if (node.kind != doc::ProvisionKind::kArticle) return;
    ++progress.articles;
    if (!node.brackets.empty()) ++progress.articles_with_brackets;
    for (const doc::Provision& child : node.children) {
      if (child.kind == doc::ProvisionKind::kOption) {
        ++progress.articles_with_options;
        break;
      }
    }
  });
  return progress;
}

Scorecard MakeScorecard(const doc::Document& document, const RulePack& pack,
                        const AuditResult& result) {
  Scorecard card;
  card.cite = document.CiteName();
  card.title = document.meta.title;
  card.date = document.meta.date;

  // Category id → provisions, in document order (findings are).
  std::map<std::string, std::vector<std::string>> members;
  std::map<std::string, std::size_t> coverage_index;
  for (const Rule& rule : pack.rules) {
    if (!rule.test) continue;
    coverage_index[rule.id] = card.coverage.size();
    RuleCoverage coverage;
    coverage.rule_id = rule.id;
    coverage.title = rule.title;
    coverage.topic = rule.topic;
    coverage.severity = rule.severity;
    card.coverage.push_back(coverage);
  }
  for (const Finding& finding : result.findings) {
    if (!finding.category.empty()) {
      std::vector<std::string>& paths = members[finding.category];
      if (paths.empty() || paths.back() != finding.path) paths.push_back(finding.path);
      continue;
    }
    auto index = coverage_index.find(finding.rule_id);
    if (index == coverage_index.end()) continue;
    RuleCoverage& coverage = card.coverage[index->second];
    ++coverage.selected;
    switch (finding.outcome) {
      case Outcome::kMet: ++coverage.met, ++card.met; break;
      case Outcome::kMissing: ++coverage.missing, ++card.missing; break;
      case Outcome::kViolated: ++coverage.violated, ++card.violated; break;
    }
  }

  // A subdivided provision is classified when any rule selecting by its category put it in
  // another category (breadth or not: "ancillary" is a classification too).
  const std::set<std::string> parents = SubdividedCategories(pack);
  std::set<std::string> subdivisions;
  for (const Rule& rule : pack.rules) {
    if (rule.assigns.empty()) continue;
    for (const std::string& parent : rule.select.categories) {
      if (parents.count(parent) > 0) subdivisions.insert(rule.assigns);
    }
  }
  for (const bool breadth : {true, false}) {
    for (const Category& category : pack.categories) {
      if (category.breadth != breadth) continue;
      auto found = members.find(category.id);
      if (found == members.end() && !breadth) continue;
      CategoryCount count;
      count.category = category.id;
      count.title = category.title;
      count.breadth = category.breadth;
      count.scope = category.breadth || subdivisions.count(category.id) > 0;
      if (found != members.end()) {
        for (const std::string& path : found->second) {
          count.provisions.push_back(DescribeProvision(document, path));
        }
      }
      if (breadth) card.breadth_total += static_cast<int>(count.provisions.size());
      card.categories.push_back(std::move(count));
    }
  }

  std::set<std::string> classified;
  for (const std::string& category : subdivisions) {
    auto found = members.find(category);
    if (found != members.end()) classified.insert(found->second.begin(), found->second.end());
  }
  for (const std::string& parent : parents) {
    auto found = members.find(parent);
    if (found == members.end()) continue;
    for (const std::string& path : found->second) {
      if (classified.count(path) == 0) card.unclassified.push_back(DescribeProvision(document, path));
    }
  }

  card.progress = MeasureAgreementProgress(document);
  return card;
}

}  // namespace tw::audit
