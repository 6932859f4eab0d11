// ProvisionIndex: a document's provision tree flattened for the rule engine.
//
// The text is cut into segments: each provision's OWN byte ranges (its range minus its
// children's), in document order, so the segments partition the covered text and each byte is
// scanned once. Because a subtree's bytes are contiguous, a subtree's segments are one
// contiguous run [segment_begin, segment_end) and its nodes one run [index, subtree_end) in
// pre-order. An article's first own range is further cut so its heading words are a segment of
// their own (heading_segment), which gives heading matches exact document offsets.
//
// Ranges from the document are clamped into their parent's and made non-overlapping, so a
// malformed tree (e.g. a stored document edited by hand) yields a consistent index, never a
// crash. Borrows the document: it must outlive the index. Immutable once built.
#ifndef TREATYWATCH_AUDIT_PROVISION_INDEX_H_
#define TREATYWATCH_AUDIT_PROVISION_INDEX_H_

#include <cstddef>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "doc/document.h"
#include "doc/provision.h"

namespace tw::audit {

struct IndexedNode {
  const doc::Provision* provision = nullptr;
  int parent = -1;
  int depth = 0;
  int article = -1;  // this node if it is an article, else the nearest enclosing article
  int chapter = -1;  // this node if it is a chapter, else the nearest enclosing chapter
  int subtree_end = 0;  // one past the last descendant, in pre-order
  std::size_t begin = 0, end = 0;  // clamped byte range, children included
  int segment_begin = 0, segment_end = 0;
  int heading_segment = -1;  // articles with a heading found in their text
};

struct TextSegment {
  std::size_t begin = 0, end = 0;
  int node = 0;  // whose own text it is
};

// A cross-reference whose source and target are both provisions of this document.
struct ResolvedReference {
  int from = 0;
  int target = 0;
};

class ProvisionIndex {
 public:
  explicit ProvisionIndex(const doc::Document& document);

  const std::vector<IndexedNode>& nodes() const { return nodes_; }
  const std::vector<TextSegment>& segments() const { return segments_; }
  // Sorted by `from` (pre-order index), then target.
  const std::vector<ResolvedReference>& references() const { return references_; }

  // -1 when no provision has this path.
  int Find(std::string_view path) const;

  // References made from any node of the pre-order run [first, last).
  std::pair<std::vector<ResolvedReference>::const_iterator,
            std::vector<ResolvedReference>::const_iterator>
  ReferencesFrom(int first, int last) const;

  std::string_view SegmentText(const TextSegment& segment) const {
    return std::string_view(*text_).substr(segment.begin, segment.end - segment.begin);
  }
  const std::string& text() const { return *text_; }

 private:
  std::size_t Visit(const doc::Provision& provision, int parent, std::size_t lo, std::size_t hi);
  void AddOwnRange(int node, std::size_t begin, std::size_t end, bool first_of_article);

  const std::string* text_;
  std::vector<IndexedNode> nodes_;
  std::vector<TextSegment> segments_;
  std::vector<ResolvedReference> references_;
  std::unordered_map<std::string_view, int> by_path_;
};

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_PROVISION_INDEX_H_
