#include "compare/version_chain.h"

#include <fmt/format.h>

#include "compare/compare.h"
#include "compare/unit_text.h"
#include "compare/word_tokens.h"

namespace tw::compare {
namespace {

// "art5.p2.a" → {"art5", ".p2.a"}; the unit is everything before the first dot, or the
// annex-prefixed article ("annex.art7").
std::pair<std::string, std::string> SplitUnitPath(const std::string& path) {
  std::size_t dot = path.find('.');
  if (path.rfind("annex", 0) == 0 && dot != std::string::npos) dot = path.find('.', dot + 1);
  if (dot == std::string::npos) return {path, ""};
  return {path.substr(0, dot), path.substr(dot)};
}

bool Holds(const std::vector<std::string>& paths, const std::string& path) {
  for (const std::string& candidate : paths) {
    if (candidate == path) return true;
  }
  return false;
}


// Follows a path through one comparison in either direction.
std::optional<std::string> Follow(const Comparison& comparison, const doc::Document& target,
                                  const std::string& path, bool forward,
                                  std::vector<std::string>* also) {
  const auto [unit_path, rest] = SplitUnitPath(path);
  auto from_paths = [forward](const auto& change) -> const std::vector<std::string>& {
    return forward ? change.old_paths : change.new_paths;
  };
  auto to_paths = [forward](const auto& change) -> const std::vector<std::string>& {
    return forward ? change.new_paths : change.old_paths;
  };
  if (!rest.empty()) {
    for (const ProvisionChange& migration : comparison.migrations) {
      if (Holds(from_paths(migration), path)) return to_paths(migration).front();
    }
  }
  for (const ArticleChange& change : comparison.changes) {
    if (!Holds(from_paths(change), unit_path)) continue;
    const std::vector<std::string>& targets = to_paths(change);
    if (targets.empty()) return std::nullopt;
    if (rest.empty()) {
      if (also != nullptr) also->assign(targets.begin() + 1, targets.end());
      return targets.front();
    }
    for (const ProvisionChange& provision : change.provisions) {
      if (!Holds(from_paths(provision), path)) continue;
      if (to_paths(provision).empty()) return std::nullopt;
      return to_paths(provision).front();
    }
    // Not listed: unchanged, under the same relative path of whichever part holds it.
    for (const std::string& unit : targets) {
      if (doc::FindProvision(target.root, unit + rest) != nullptr) return unit + rest;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

int WordsIn(const doc::Provision& provision) {
  Unit unit;
  RenderProvision(provision, true, unit);
  TokenTable table;
  return CountWords(Tokenize(unit.text, table));
}

// What happened between two versions to the provision, read from the comparison.
void DescribeStep(const Comparison& comparison, const std::string& old_path, HistoryStep& step) {
  const auto [unit_path, rest] = SplitUnitPath(old_path);
  for (const ArticleChange& change : comparison.changes) {
    if (!Holds(change.old_paths, unit_path)) continue;
    if (rest.empty()) {
      step.change = change.kind;
      step.similarity = change.similarity;
      step.ops = change.ops;
      return;
    }
    for (const ProvisionChange& provision : change.provisions) {
      if (!Holds(provision.old_paths, old_path)) continue;
      step.change = provision.kind;
      step.similarity = provision.similarity;
      step.ops = provision.ops;
      return;
    }
  }
  for (const ProvisionChange& migration : comparison.migrations) {
    if (!Holds(migration.old_paths, old_path)) continue;
    step.change = ChangeKind::kMove;
    step.similarity = migration.similarity;
    step.ops = migration.ops;
    return;
  }
  step.change = ChangeKind::kUnchanged;
}

}  // namespace

std::optional<std::string> FollowForward(const Comparison& comparison, const doc::Document& new_doc,
                                         const std::string& path, std::vector<std::string>* also) {
  return Follow(comparison, new_doc, path, /*forward=*/true, also);
}

std::optional<std::string> FollowBackward(const Comparison& comparison, const doc::Document& old_doc,
                                          const std::string& path, std::vector<std::string>* also) {
  return Follow(comparison, old_doc, path, /*forward=*/false, also);
}

absl::StatusOr<ProvisionHistory> TraceProvision(const std::vector<doc::Document>& chain,
                                                std::size_t index, const std::string& path) {
  if (index >= chain.size()) {
    return absl::InvalidArgumentError(fmt::format("version {} is not in the chain", index + 1));
  }
  if (doc::FindProvision(chain[index].root, path) == nullptr) {
    return absl::NotFoundError(fmt::format("{} has no provision {}", chain[index].CiteName(), path));
  }
  std::vector<Comparison> comparisons;
  CompareOptions options;
  for (std::size_t k = 0; k + 1 < chain.size(); ++k) {
    comparisons.push_back(CompareDocuments(chain[k], chain[k + 1], options));
  }
  std::vector<std::optional<std::string>> paths(chain.size());
  std::vector<std::vector<std::string>> also(chain.size());
  paths[index] = path;
  for (std::size_t k = index; k + 1 < chain.size() && paths[k]; ++k) {
    paths[k + 1] = FollowForward(comparisons[k], chain[k + 1], *paths[k], &also[k + 1]);
  }
  for (std::size_t k = index; k > 0 && paths[k]; --k) {
    paths[k - 1] = FollowBackward(comparisons[k - 1], chain[k - 1], *paths[k], &also[k - 1]);
  }

  ProvisionHistory history;
  for (std::size_t k = 0; k < chain.size(); ++k) {
    HistoryStep step;
    step.document = DescribeComparedDocument(chain[k]);
    if (!step.document.version) step.document.version = static_cast<int>(k) + 1;
    const doc::Provision* provision =
        paths[k] ? doc::FindProvision(chain[k].root, *paths[k]) : nullptr;
    if (provision != nullptr) {
      step.present = true;
      step.path = provision->path;
      step.num = provision->num;
      step.citation = doc::CitationLabel(chain[k].root, provision->path);
      step.heading = provision->heading;
      step.brackets = static_cast<int>(provision->brackets.size());  // its own and its children's
      step.words = WordsIn(*provision);
      step.also = also[k];
      if (history.work_id.empty()) {
        history.work_id = fmt::format("{}@v{}", provision->path, step.document.version);
      }
      if (k > 0 && paths[k - 1]) {
        DescribeStep(comparisons[k - 1], *paths[k - 1], step);
      } else {
        // First appearance: in the chain's first version, or inserted in this one.
        step.change = ChangeKind::kInsertion;
        step.similarity = 0;
      }
    } else if (k > 0 && paths[k - 1]) {
      step.change = ChangeKind::kRepeal;
      step.similarity = 0;
    }
    history.steps.push_back(std::move(step));
  }
  return history;
}

}  // namespace tw::compare
