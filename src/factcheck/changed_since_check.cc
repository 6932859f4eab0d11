// The changed-since check: "Art. X was (not) changed since the last draft". The draft under
// discussion is compared with the version before it in its instrument's chain
// (compare/compare.h) and each cited provision's change is read: for an article its headline
// kind, for a paragraph or point the change of that provision inside its article (none listed:
// its words stayed).
//
// Same words under another number (renumbering, or only the cross-reference numbers updated)
// count as unchanged: a delegate who says "article 8 did not change" of what was article 7
// means its substance. A move to another chapter with the same words is unchanged in words
// but not in place: partly, either way.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "compare/compare.h"
#include "factcheck/auto_check_context.h"
#include "factcheck/check_evidence.h"

namespace tw::factcheck {
namespace {

// Runs of inserted or deleted words quoted and anchored per provision, at most.
constexpr std::size_t kMaxRunsPerProvision = 3;
// Anchors of one result, at most (a claim may cite a range of articles).
constexpr std::size_t kMaxAnchors = 12;

AutoCheckResult Inconclusive(std::string finding,
                             nlohmann::json details = nlohmann::json::object()) {
  AutoCheckResult result;
  result.check = "changed-since";
  result.finding = std::move(finding);
  result.details = std::move(details);
  return result;
}

bool InsideOrAt(std::string_view path, std::string_view outer) {
  return path == outer || (path.size() > outer.size() && path.substr(0, outer.size()) == outer &&
                           path[outer.size()] == '.');
}

bool HasLetters(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool word_char =
        std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

// What happened to one cited provision.
struct ProvisionOutcome {
  std::string path;      // in the draft
  std::string old_path;  // in the previous version; empty when new
  std::string kind;      // compare::ChangeKindName
  bool same_words = true;
  bool moved = false;
  bool renumbered = false;
  bool references_renumbered = false;
  double similarity = 1.0;
  int words_inserted = 0;
  int words_deleted = 0;
  std::string old_citation;
  std::string new_citation;
  std::vector<compare::DiffOp> ops;
};

std::optional<ProvisionOutcome> OutcomeOf(const compare::Comparison& comparison,
                                          const doc::Document& previous, const doc::Document& draft,
                                          const std::string& path) {
  const std::string article = ArticleOf(path);
  const compare::ArticleChange* change = nullptr;
  for (const compare::ArticleChange& candidate : comparison.changes) {
    if (std::find(candidate.new_paths.begin(), candidate.new_paths.end(), article) !=
        candidate.new_paths.end()) {
      change = &candidate;
      break;
    }
  }
  if (change == nullptr) return std::nullopt;
  ProvisionOutcome outcome;
  outcome.path = path;
  outcome.new_citation = Cite(draft, path);
  outcome.moved = change->moved;
  outcome.renumbered = change->renumbered;
  outcome.references_renumbered = change->references_renumbered;
  if (path == article) {
    outcome.kind = std::string(compare::ChangeKindName(change->kind));
    outcome.old_path = change->old_paths.empty() ? "" : change->old_paths.front();
    outcome.old_citation = change->old_citation;
    outcome.new_citation =
        change->new_citation.empty() ? outcome.new_citation : change->new_citation;
    outcome.similarity = change->similarity;
    outcome.words_inserted = change->words_inserted;
    outcome.words_deleted = change->words_deleted;
    outcome.ops = change->ops;
    outcome.same_words = change->kind == compare::ChangeKind::kUnchanged ||
                         change->kind == compare::ChangeKind::kRenumbering ||
                         (change->kind == compare::ChangeKind::kMove && !change->text_changed);
    return outcome;
  }
  // A paragraph or point: its own change inside the article, or one that migrated here.
  const compare::ProvisionChange* inner = nullptr;
  auto find_in = [&](const std::vector<compare::ProvisionChange>& changes) {
    for (const compare::ProvisionChange& candidate : changes) {
      for (const std::string& new_path : candidate.new_paths) {
        if (InsideOrAt(path, new_path)) return &candidate;
      }
    }
    return static_cast<const compare::ProvisionChange*>(nullptr);
  };
  inner = find_in(change->provisions);
  if (inner == nullptr) inner = find_in(comparison.migrations);
  if (change->kind == compare::ChangeKind::kInsertion) {
    outcome.kind = "insertion";
    outcome.same_words = false;
    return outcome;
  }
  if (inner == nullptr) {
    // Not listed: the provision kept its words (its article's number may have changed).
    outcome.kind = change->renumbered ? "renumbering" : "unchanged";
    if (!change->old_paths.empty()) {
      const std::string& old_article = change->old_paths.front();
      outcome.old_path = old_article + path.substr(article.size());
      if (doc::FindProvision(previous.root, outcome.old_path) == nullptr) outcome.old_path.clear();
    }
    outcome.old_citation = outcome.old_path.empty() ? "" : Cite(previous, outcome.old_path);
    return outcome;
  }
  outcome.kind = std::string(compare::ChangeKindName(inner->kind));
  outcome.old_path = inner->old_paths.empty() ? "" : inner->old_paths.front();
  outcome.old_citation = outcome.old_path.empty() ? "" : Cite(previous, outcome.old_path);
  outcome.similarity = inner->similarity;
  outcome.ops = inner->ops;
  for (const compare::DiffOp& op : inner->ops) {
    if (op.op == compare::OpKind::kInsert) outcome.words_inserted += CountWords(op.text);
    if (op.op == compare::OpKind::kDelete) outcome.words_deleted += CountWords(op.text);
  }
  outcome.same_words = inner->kind == compare::ChangeKind::kUnchanged ||
                       inner->kind == compare::ChangeKind::kRenumbering ||
                       (inner->kind == compare::ChangeKind::kMove && inner->ops.empty());
  outcome.moved = inner->kind == compare::ChangeKind::kMove;
  return outcome;
}

std::vector<std::string> Runs(const std::vector<compare::DiffOp>& ops, compare::OpKind kind) {
  std::vector<std::string> runs;
  for (const compare::DiffOp& op : ops) {
    if (op.op == kind && HasLetters(op.text)) runs.push_back(op.text);
  }
  std::stable_sort(runs.begin(), runs.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  if (runs.size() > kMaxRunsPerProvision) runs.resize(kMaxRunsPerProvision);
  return runs;
}

std::string Describe(const ProvisionOutcome& outcome) {
  std::string before = outcome.old_citation.empty() ? "new" : outcome.old_citation + " before";
  if (outcome.same_words) {
    std::string how = outcome.moved ? "moved, the same words" : "the same words";
    if (outcome.references_renumbered) how += " (only cross-reference numbers updated)";
    return fmt::format("{} — {}, {} now, {}", outcome.kind, before, outcome.new_citation, how);
  }
  std::string sentence =
      fmt::format("{} — {}, {} now, {} similar, {} words inserted and {} deleted", outcome.kind,
                  before, outcome.new_citation, Decimal2(outcome.similarity),
                  outcome.words_inserted, outcome.words_deleted);
  const std::vector<std::string> inserted = Runs(outcome.ops, compare::OpKind::kInsert);
  const std::vector<std::string> deleted = Runs(outcome.ops, compare::OpKind::kDelete);
  if (!inserted.empty()) sentence += fmt::format(" (inserted {}", Quoted(inserted.front()));
  if (!deleted.empty()) {
    sentence +=
        fmt::format("{}deleted {}", inserted.empty() ? " (" : "; ", Quoted(deleted.front()));
  }
  if (!inserted.empty() || !deleted.empty()) sentence += ")";
  return sentence;
}

nlohmann::json OutcomeJson(const ProvisionOutcome& outcome, const doc::Document& previous,
                           const doc::Document& draft) {
  nlohmann::json ops = nlohmann::json::array();
  for (const compare::DiffOp& op : outcome.ops) {
    ops.push_back({{"op", std::string(compare::OpKindName(op.op))}, {"text", op.text}});
  }
  return {{"new", ProvisionJson(draft, outcome.path)},
          {"old", outcome.old_path.empty() ? nlohmann::json(nullptr)
                                           : ProvisionJson(previous, outcome.old_path)},
          {"kind", outcome.kind},
          {"same_words", outcome.same_words},
          {"moved", outcome.moved},
          {"renumbered", outcome.renumbered},
          {"references_renumbered", outcome.references_renumbered},
          {"similarity", outcome.similarity},
          {"words_inserted", outcome.words_inserted},
          {"words_deleted", outcome.words_deleted},
          {"redline", std::move(ops)}};
}

}  // namespace

absl::StatusOr<std::vector<AutoCheckResult>> RunChangedSinceCheck(const AutoCheckContext& context) {
  const ChangeWording& wording = context.wording.change;
  if (!wording.applies) return std::vector<AutoCheckResult>();
  if (context.draft_paths.empty() && context.absent_draft_paths.empty() &&
      (context.draft || context.numbered_paths.empty())) {
    return std::vector<AutoCheckResult>();
  }
  nlohmann::json details = {{"claim_says", wording.unchanged ? "unchanged" : "changed"},
                            {"phrase", wording.phrase}};
  if (!context.draft) {
    return std::vector<AutoCheckResult>{
        Inconclusive(fmt::format("No draft to compare: {}.", context.no_draft_reason), details)};
  }
  const doc::Document& draft = *context.draft;
  if (context.draft_paths.empty()) {
    details["absent_paths"] = context.absent_draft_paths;
    return std::vector<AutoCheckResult>{
        Inconclusive(fmt::format("{} has no provision {} that the claim cites.", ShortCite(draft),
                                 context.absent_draft_paths.front()),
                     details)};
  }
  if (context.draft_instrument.empty()) {
    return std::vector<AutoCheckResult>{Inconclusive(
        fmt::format("{} belongs to no instrument's version chain: there is no earlier version to "
                    "compare it with.",
                    ShortCite(draft)),
        details)};
  }
  absl::StatusOr<std::vector<doc::DocumentMeta>> chain =
      context.store->VersionChain(context.draft_instrument);
  if (!chain.ok()) return chain.status();
  std::size_t index = 0;
  while (index < chain->size() && (*chain)[index].id != draft.meta.id) ++index;
  if (index == 0 || index >= chain->size()) {
    return std::vector<AutoCheckResult>{Inconclusive(
        fmt::format("{} is the first stored version of '{}': there is no earlier version to "
                    "compare it with.",
                    ShortCite(draft), context.draft_instrument),
        details)};
  }
  absl::StatusOr<doc::Document> previous =
      context.store->LoadDocument(std::to_string((*chain)[index - 1].id));
  if (!previous.ok()) return previous.status();
  const compare::Comparison comparison = compare::CompareDocuments(*previous, draft);

  AutoCheckResult result;
  result.check = "changed-since";
  // In the order of the draft, not of the path strings ("art8" before "art10").
  std::vector<std::string> paths = context.draft_paths;
  auto begin_of = [&draft](const std::string& path) {
    const doc::Provision* provision = doc::FindProvision(draft.root, path);
    return provision == nullptr ? draft.text.size() : provision->begin;
  };
  std::stable_sort(paths.begin(), paths.end(), [&](const std::string& a, const std::string& b) {
    return begin_of(a) < begin_of(b);
  });
  std::vector<ProvisionOutcome> outcomes;
  for (const std::string& path : paths) {
    if (std::optional<ProvisionOutcome> outcome = OutcomeOf(comparison, *previous, draft, path)) {
      outcomes.push_back(*std::move(outcome));
    }
  }
  details["previous"] = ProvisionJson(*previous, "");
  details["current"] = ProvisionJson(draft, "");
  if (outcomes.empty()) {
    return std::vector<AutoCheckResult>{Inconclusive(
        fmt::format("The comparison of {} with {} does not align the cited provisions.",
                    ShortCite(draft), ShortCite(*previous)),
        details)};
  }
  int same = 0, moved_only = 0, changed = 0;
  nlohmann::json provisions = nlohmann::json::array();
  for (const ProvisionOutcome& outcome : outcomes) {
    if (!outcome.same_words) {
      ++changed;
    } else if (outcome.moved) {
      ++moved_only;
    } else {
      ++same;
    }
    provisions.push_back(OutcomeJson(outcome, *previous, draft));
    if (result.anchors.size() >= kMaxAnchors) continue;
    if (outcome.same_words) {
      AddAnchor(result.anchors, ProvisionAnchor(draft, outcome.path));
      continue;
    }
    for (const std::string& run : Runs(outcome.ops, compare::OpKind::kInsert)) {
      AddAnchor(result.anchors, QuoteAnchor(draft, outcome.path, run));
    }
    if (!outcome.old_path.empty()) {
      for (const std::string& run : Runs(outcome.ops, compare::OpKind::kDelete)) {
        AddAnchor(result.anchors, QuoteAnchor(*previous, outcome.old_path, run));
      }
    }
    if (result.anchors.empty()) AddAnchor(result.anchors, ProvisionAnchor(draft, outcome.path));
  }
  const int total = static_cast<int>(outcomes.size());
  if (wording.unchanged) {
    result.assessment = same == total      ? Assessment::kSupports
                        : changed == total ? Assessment::kContradicts
                                           : Assessment::kPartly;
  } else {
    result.assessment = changed == total                  ? Assessment::kSupports
                        : changed == 0 && moved_only == 0 ? Assessment::kContradicts
                                                          : Assessment::kPartly;
  }
  std::string sentence =
      fmt::format("{} against the previous version {}: ", ShortCite(draft), ShortCite(*previous));
  if (total == 1) {
    sentence += Describe(outcomes.front());
  } else {
    sentence += fmt::format(
        "of {} provisions cited, {} kept their words, {} moved with their "
        "words, {} changed",
        total, same, moved_only, changed);
    std::string which;
    for (const ProvisionOutcome& outcome : outcomes) {
      if (outcome.same_words) continue;
      which += fmt::format("{}{} ({}, {} words inserted, {} deleted)", which.empty() ? "" : "; ",
                           outcome.new_citation, outcome.kind, outcome.words_inserted,
                           outcome.words_deleted);
    }
    if (!which.empty()) sentence += ": " + which;
  }
  result.finding = sentence + ".";
  details["provisions"] = std::move(provisions);
  details["kept_words"] = same;
  details["moved_only"] = moved_only;
  details["changed"] = changed;
  result.details = std::move(details);
  return std::vector<AutoCheckResult>{std::move(result)};
}

}  // namespace tw::factcheck
