// How a Document becomes rows and comes back, independently of the database behind the
// store: the provision tree is flattened in document order (pre-order), each row carrying its
// ordinal, depth, parent path and the citation cached for search hits; reading the rows back
// in ordinal order rebuilds the identical tree. Version-chain numbering and the ingest
// timestamp live here too, so every backend numbers and dates documents the same way.
//
// Trees come from untrusted documents: every walk uses an explicit stack, and the size of a
// tree is bounded by kMaxProvisionsPerDocument and kMaxProvisionDepth (ResourceExhausted past
// them). FlattenProvisions borrows from the document, which must outlive the result.
// Thread safety: pure functions; a ProvisionTreeBuilder is used by one thread.
#ifndef TREATYWATCH_STORE_DOCUMENT_ROWS_H_
#define TREATYWATCH_STORE_DOCUMENT_ROWS_H_

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "doc/document.h"
#include "doc/provision.h"

namespace tw::store {

// A real convention has about a thousand provisions and depth 6; these bounds only stop a
// hostile or broken tree. The SQLite backend packs the ordinal into 20 bits of a rowid.
inline constexpr std::size_t kMaxProvisionsPerDocument = std::size_t{1} << 20;
inline constexpr int kMaxProvisionDepth = 64;

// One provision as a row. `node` and `parent` borrow from the flattened document.
struct FlatProvision {
  const doc::Provision* node = nullptr;
  const doc::Provision* parent = nullptr;  // nullptr for the root
  int ordinal = 0;                         // document order; the root is 0
  int depth = 0;                           // the root is 0
  std::string citation;                    // "Art. 24(2), A/AC.291/22"; the cite name for the root
};

// Checks what a store requires before writing: a known kind and a source SHA-256.
absl::Status ValidateForPut(const doc::Document& document);

// The whole tree, root first, in document order, with citations equal to
// doc::CitationLabel(document.root, path) + ", " + document.CiteName().
absl::StatusOr<std::vector<FlatProvision>> FlattenProvisions(const doc::Document& document);

// The citation of one provision as search hits show it (label, then the document's cite name).
std::string CitationOf(std::string_view label, std::string_view cite_name);

// Rebuilds a tree from rows given in ordinal order, checking that each row's depth and parent
// path agree with the rows before it (a damaged database yields DataLoss, not a wrong tree).
// Not copyable or movable: it keeps pointers into the tree it builds.
class ProvisionTreeBuilder {
 public:
  // `what` names the document in error messages, e.g. "document 7".
  explicit ProvisionTreeBuilder(std::string what) : what_(std::move(what)) {}
  ProvisionTreeBuilder(const ProvisionTreeBuilder&) = delete;
  ProvisionTreeBuilder& operator=(const ProvisionTreeBuilder&) = delete;

  // `node` arrives without children. The first row is the root: depth 0, no parent.
  absl::Status Add(std::optional<std::string_view> parent_path, int depth, doc::Provision node);
  // The tree; the builder is empty afterwards.
  absl::StatusOr<doc::Provision> Finish();

 private:
  std::string what_;
  doc::Provision root_;
  bool has_root_ = false;
  int rows_ = 0;
  std::vector<doc::Provision*> ancestors_;  // ancestors_[d] is the open node at depth d
};

// The version a new document gets in a chain whose highest version so far is `current_max`
// (0 for a new instrument): chains count 1, 2, 3, ... in the order documents are stored.
int NextChainVersion(int current_max);

// "2025-01-31T09:15:02Z": ISO 8601, UTC, whole seconds (sorts as text).
std::string FormatIngestedAt(std::chrono::system_clock::time_point when);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_DOCUMENT_ROWS_H_
