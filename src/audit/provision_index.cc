#include "audit/provision_index.h"

#include <algorithm>
#include <string>

namespace tw::audit {
namespace {

// Deeper nodes (only a hand-made tree has them; the parser nests < 10 levels) are not indexed:
// their bytes stay the own text of the deepest indexed ancestor, so nothing is lost.
constexpr int kMaxIndexedDepth = 64;

std::size_t Clamp(std::size_t value, std::size_t lo, std::size_t hi) {
  return std::min(std::max(value, lo), hi);
}

}  // namespace

ProvisionIndex::ProvisionIndex(const doc::Document& document) : text_(&document.text) {
  Visit(document.root, -1, 0, document.text.size());
  by_path_.reserve(nodes_.size());
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    // The first of two equal paths wins, as in doc::FindProvision.
    by_path_.emplace(nodes_[i].provision->path, static_cast<int>(i));
  }
  for (const doc::CrossReference& reference : document.references) {
    if (!reference.instrument.empty()) continue;  // paths of another instrument
    const int from = Find(reference.from_path);
    if (from < 0) continue;
    for (const std::string& target_path : reference.targets) {
      const int target = Find(target_path);
      if (target >= 0) references_.push_back({from, target});
    }
  }
  std::sort(references_.begin(), references_.end(), [](const auto& a, const auto& b) {
    return a.from != b.from ? a.from < b.from : a.target < b.target;
  });
  references_.erase(std::unique(references_.begin(), references_.end(),
                                [](const auto& a, const auto& b) {
                                  return a.from == b.from && a.target == b.target;
                                }),
                    references_.end());
}

int ProvisionIndex::Find(std::string_view path) const {
  const auto found = by_path_.find(path);
  return found == by_path_.end() ? -1 : found->second;
}

std::pair<std::vector<ResolvedReference>::const_iterator,
          std::vector<ResolvedReference>::const_iterator>
ProvisionIndex::ReferencesFrom(int first, int last) const {
  const auto begin = std::lower_bound(
      references_.begin(), references_.end(), first,
      [](const ResolvedReference& reference, int node) { return reference.from < node; });
  const auto end = std::lower_bound(
      begin, references_.end(), last,
      [](const ResolvedReference& reference, int node) { return reference.from < node; });
  return {begin, end};
}

std::size_t ProvisionIndex::Visit(const doc::Provision& provision, int parent, std::size_t lo,
                                  std::size_t hi) {
  const int index = static_cast<int>(nodes_.size());
  IndexedNode node;
  node.provision = &provision;
  node.parent = parent;
  node.begin = Clamp(provision.begin, lo, hi);
  node.end = Clamp(provision.end, node.begin, hi);
  if (parent < 0) {  // the root covers the whole text whatever it says
    node.begin = lo;
    node.end = hi;
  }
  const bool is_article = provision.kind == doc::ProvisionKind::kArticle;
  node.article = is_article ? index : (parent < 0 ? -1 : nodes_[parent].article);
  node.chapter = provision.kind == doc::ProvisionKind::kChapter
                     ? index
                     : (parent < 0 ? -1 : nodes_[parent].chapter);
  node.segment_begin = static_cast<int>(segments_.size());
  nodes_.push_back(node);

  nodes_[index].depth = parent < 0 ? 0 : nodes_[parent].depth + 1;
  const bool index_children = nodes_[index].depth < kMaxIndexedDepth;

  const std::size_t begin = node.begin;
  const std::size_t end = node.end;
  std::size_t cursor = begin;
  bool first_own = true;
  if (index_children) {
    for (const doc::Provision& child : provision.children) {
      const std::size_t child_begin = Clamp(child.begin, cursor, end);
      if (child_begin > cursor) {
        AddOwnRange(index, cursor, child_begin, is_article && first_own);
        first_own = false;
      }
      cursor = Visit(child, index, child_begin, end);
    }
  }
  if (end > cursor) AddOwnRange(index, cursor, end, is_article && first_own);
  nodes_[index].segment_end = static_cast<int>(segments_.size());
  nodes_[index].subtree_end = static_cast<int>(nodes_.size());
  return end;
}

void ProvisionIndex::AddOwnRange(int node, std::size_t begin, std::size_t end,
                                 bool first_of_article) {
  const std::string& heading = nodes_[node].provision->heading;
  if (first_of_article && !heading.empty()) {
    // The heading line follows the label ("Article 24" / "Conditions and safeguards"); the
    // parser keeps it verbatim in the text, so searching the article's first own range finds it.
    const std::string_view range = std::string_view(*text_).substr(begin, end - begin);
    const std::size_t found = range.find(heading);
    if (found != std::string_view::npos) {
      const std::size_t heading_begin = begin + found;
      const std::size_t heading_end = heading_begin + heading.size();
      if (heading_begin > begin) segments_.push_back({begin, heading_begin, node});
      nodes_[node].heading_segment = static_cast<int>(segments_.size());
      segments_.push_back({heading_begin, heading_end, node});
      if (end > heading_end) segments_.push_back({heading_end, end, node});
      return;
    }
  }
  segments_.push_back({begin, end, node});
}

}  // namespace tw::audit
