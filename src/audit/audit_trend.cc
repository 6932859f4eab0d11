#include "audit/audit_trend.h"

#include <filesystem>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "compare/compare.h"
#include "audit/article_of_paths.h"
#include "audit/provision_citation.h"
#include "doc/provision.h"

namespace tw::audit {
namespace {

// Old provision paths → new ones.
class PathTranslation {
 public:
  PathTranslation(const doc::Document& old_doc, const doc::Document& new_doc,
                  TrendAlignment alignment)
      : old_articles_(ArticleOfPaths(old_doc.root)) {
    if (alignment == TrendAlignment::kNumbers) {
      const std::map<std::string, std::string> new_articles = ArticleOfPaths(new_doc.root);
      for (const auto& [path, article] : old_articles_) {
        if (new_articles.count(path) > 0) exact_[path] = path;
      }
      return;
    }
    compare::CompareOptions options;
    options.redlines = false;
    const compare::Comparison comparison = compare::CompareDocuments(old_doc, new_doc, options);
    for (const compare::ArticleChange& change : comparison.changes) {
      if (change.new_paths.empty()) continue;
      for (const std::string& old_path : change.old_paths) {
        articles_.emplace(old_path, change.new_paths.front());
      }
      for (const compare::ProvisionChange& provision : change.provisions) {
        Record(provision);
      }
    }
    for (const compare::ProvisionChange& migration : comparison.migrations) Record(migration);
  }

  // Absent when the provision has no counterpart (deleted). The document itself is path "".
  std::optional<std::string> Translate(const std::string& old_path) const {
    if (auto exact = exact_.find(old_path); exact != exact_.end()) {
      if (exact->second.empty()) return std::nullopt;
      return exact->second;
    }
    auto holder = old_articles_.find(old_path);
    if (holder == old_articles_.end() || holder->second.empty()) {
      // Outside any article (preamble, closing, the document itself): same path.
      return old_path;
    }
    const std::string& article = holder->second;
    auto moved = articles_.find(article);
    if (moved == articles_.end()) return std::nullopt;
    return moved->second + old_path.substr(article.size());
  }

 private:
  void Record(const compare::ProvisionChange& change) {
    if (change.new_paths.empty()) {
      for (const std::string& old_path : change.old_paths) exact_.emplace(old_path, std::string());
      return;
    }
    for (const std::string& old_path : change.old_paths) {
      exact_.emplace(old_path, change.new_paths.front());
    }
  }

  std::map<std::string, std::string> old_articles_;
  std::map<std::string, std::string> articles_;  // old article → new article
  std::map<std::string, std::string> exact_;     // old paragraph/point → new, or "" deleted
};

int Rank(Outcome outcome) {
  switch (outcome) {
    case Outcome::kViolated: return 0;
    case Outcome::kMissing: return 1;
    case Outcome::kMet: return 2;
  }
  return 0;
}

using FindingKey = std::tuple<std::string, std::string, std::string>;  // rule, category, path

std::string HeadingOf(const doc::Document& document, const std::string& path) {
  if (path.empty()) return std::string();  // the root's "heading" is the document's title
  const doc::Provision* provision = doc::FindProvision(document.root, path);
  return provision == nullptr ? std::string() : provision->heading;
}

// `evidence` lies in `holder`'s text; its citations are made there.
// `prefix` marks words quoted from the older text for a provision that is still there ("was
// Art. 22(2)(c)": the forbidden words that the new draft dropped).
void SetEvidence(TrendChange& change, const std::vector<Evidence>& evidence,
                 const doc::Document& holder, std::string_view prefix = {}) {
  change.evidence = evidence;
  change.evidence_citations.clear();
  for (const Evidence& item : evidence) {
    change.evidence_citations.push_back(std::string(prefix) +
                                        ProvisionCitation(holder.root, item.path));
  }
}

TrendStep CompareDrafts(const AuditedDraft& older, const AuditedDraft& newer,
                        TrendAlignment alignment) {
  const doc::Document& old_doc = *older.document;
  const doc::Document& new_doc = *newer.document;
  const PathTranslation translation(old_doc, new_doc, alignment);
  const std::map<std::string, std::string> new_articles = ArticleOfPaths(new_doc.root);
  const std::map<std::string, std::string> old_articles = ArticleOfPaths(old_doc.root);

  auto article_heading = [](const doc::Document& document,
                            const std::map<std::string, std::string>& articles,
                            const std::string& path) {
    auto holder = articles.find(path);
    const std::string& article =
        holder == articles.end() || holder->second.empty() ? path : holder->second;
    return HeadingOf(document, article);
  };

  // Old findings under their new-text keys, remembering where they were.
  std::map<FindingKey, const Finding*> old_by_key;
  // A deleted provision's findings get a key no new finding can have.
  auto key_of = [&translation](const Finding& finding) {
    const std::optional<std::string> translated = translation.Translate(finding.path);
    return FindingKey{finding.rule_id, finding.category,
                      translated ? *translated : "\x01" + finding.path};
  };
  for (const Finding& finding : older.result.findings) old_by_key.emplace(key_of(finding), &finding);

  TrendStep step;
  step.old_cite = old_doc.CiteName();
  step.new_cite = new_doc.CiteName();
  std::map<FindingKey, bool> seen;
  for (const Finding& finding : newer.result.findings) {
    const FindingKey key{finding.rule_id, finding.category, finding.path};
    seen[key] = true;
    const Finding* before = nullptr;
    if (auto found = old_by_key.find(key); found != old_by_key.end()) before = found->second;

    TrendChange change;
    change.rule_id = finding.rule_id;
    change.category = finding.category;
    change.severity = finding.severity;
    change.new_path = finding.path;
    change.new_citation = ProvisionCitation(new_doc.root, finding.path);
    change.heading = article_heading(new_doc, new_articles, finding.path);
    SetEvidence(change, finding.evidence, new_doc);
    if (before != nullptr) {
      change.old_path = before->path;
      change.old_citation = ProvisionCitation(old_doc.root, before->path);
    }
    if (!finding.category.empty()) {
      if (before != nullptr) continue;  // still in the same category
      change.direction = TrendDirection::kAdded;
    } else if (before == nullptr) {
      change.direction = TrendDirection::kAdded;
      change.after = finding.outcome;
    } else {
      const int was = Rank(before->outcome), is = Rank(finding.outcome);
      if (was == is) continue;
      change.direction = is > was ? TrendDirection::kBetter : TrendDirection::kWorse;
      change.before = before->outcome;
      change.after = finding.outcome;
      if (change.evidence.empty()) SetEvidence(change, before->evidence, old_doc, "was ");
    }
    step.changes.push_back(std::move(change));
  }
  for (const Finding& finding : older.result.findings) {
    const std::optional<std::string> translated = translation.Translate(finding.path);
    if (seen.count(key_of(finding)) > 0) continue;
    TrendChange change;
    change.rule_id = finding.rule_id;
    change.category = finding.category;
    change.severity = finding.severity;
    change.direction = TrendDirection::kRemoved;
    change.old_path = finding.path;
    change.old_citation = ProvisionCitation(old_doc.root, finding.path);
    change.heading = article_heading(old_doc, old_articles, finding.path);
    if (translated) {
      change.new_path = *translated;
      change.new_citation = ProvisionCitation(new_doc.root, *translated);
    }
    if (finding.category.empty()) change.before = finding.outcome;
    SetEvidence(change, finding.evidence, old_doc);
    step.changes.push_back(std::move(change));
  }
  for (const TrendChange& change : step.changes) {
    if (change.direction == TrendDirection::kBetter) ++step.better;
    if (change.direction == TrendDirection::kWorse) ++step.worse;
  }
  return step;
}

}  // namespace

std::string_view TrendAlignmentName(TrendAlignment alignment) {
  return alignment == TrendAlignment::kContent ? "content" : "numbers";
}

std::string_view TrendDirectionName(TrendDirection direction) {
  switch (direction) {
    case TrendDirection::kBetter: return "better";
    case TrendDirection::kWorse: return "worse";
    case TrendDirection::kAdded: return "added";
    case TrendDirection::kRemoved: return "removed";
  }
  return "better";
}

AuditTrend MakeAuditTrend(const std::vector<AuditedDraft>& drafts, const RulePack& pack,
                          TrendAlignment alignment) {
  AuditTrend trend;
  trend.alignment = alignment;
  for (const AuditedDraft& draft : drafts) {
    trend.scorecards.push_back(MakeScorecard(*draft.document, pack, draft.result));
  }
  // Drafts read from files often share a title and have no symbol: name them by file instead,
  // so the columns of a trend can be told apart.
  std::map<std::string, int> uses;
  for (const Scorecard& card : trend.scorecards) ++uses[card.cite];
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const std::string& file = drafts[i].document->meta.source_name;
    if (uses[trend.scorecards[i].cite] > 1 && !file.empty()) {
      trend.scorecards[i].cite = std::filesystem::path(file).filename().string();
    }
  }
  for (std::size_t i = 1; i < drafts.size(); ++i) {
    TrendStep step = CompareDrafts(drafts[i - 1], drafts[i], alignment);
    for (const TrendChange& change : step.changes) {
      const Rule* rule = pack.FindRule(change.rule_id);
      if (rule == nullptr || rule->topic != kProgressTopic) continue;
      const ScorecardArticle article{change.new_path, change.new_citation, change.heading};
      if (change.direction == TrendDirection::kBetter) step.agreed.push_back(article);
      if (change.direction == TrendDirection::kWorse) step.disputed.push_back(article);
    }
    step.old_cite = trend.scorecards[i - 1].cite;
    step.new_cite = trend.scorecards[i].cite;
    trend.steps.push_back(std::move(step));
  }
  return trend;
}

}  // namespace tw::audit
