#include "store/document_rows.h"

#include <fmt/format.h>

#include <ctime>
#include <utility>

namespace tw::store {
namespace {

// What CitationLabel reads of a node: the rest (text, brackets) is left out of the chains below.
doc::Provision CitationSkeleton(const doc::Provision& node) {
  doc::Provision skeleton;
  skeleton.path = node.path;
  skeleton.kind = node.kind;
  skeleton.num = node.num;
  return skeleton;
}

// doc::CitationLabel(root, path) for a node whose ancestors are `chain` (root first, the node
// last). CitationLabel resolves each prefix of the path and falls back to a search of the whole
// tree when the prefix is not a child of the previous one, as happens for every article inside
// a chapter ("art7" under "ch2"): on a thousand-provision convention that is quadratic. The
// prefixes of a well-formed path are all ancestors of the node, so a tree holding only the
// ancestor chain gives the same answer in time proportional to the depth. When it cannot
// (CitationLabel returns the bare path, meaning a prefix was not an ancestor), the full tree
// decides, so the result is always exactly CitationLabel(root, path).
std::string LabelOf(const doc::Provision& root, const std::vector<const doc::Provision*>& chain) {
  const doc::Provision& node = *chain.back();
  doc::Provision skeleton = CitationSkeleton(*chain.front());
  doc::Provision* at = &skeleton;
  for (std::size_t i = 1; i < chain.size(); ++i) {
    at->children.push_back(CitationSkeleton(*chain[i]));
    at = &at->children.back();
  }
  std::string label = doc::CitationLabel(skeleton, node.path);
  if (label == node.path && !node.path.empty()) label = doc::CitationLabel(root, node.path);
  return label;
}

}  // namespace

absl::Status ValidateForPut(const doc::Document& document) {
  const std::string_view name = document.meta.source_name.empty()
                                    ? std::string_view(document.CiteName())
                                    : std::string_view(document.meta.source_name);
  if (!doc::IsDocumentKind(document.meta.kind)) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: document kind '{}' is not one of draft, final, proposal, statement, reference, "
        "analysis",
        name, document.meta.kind));
  }
  if (document.meta.sha256.empty()) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: the document has no source SHA-256; the store identifies documents by it", name));
  }
  return absl::OkStatus();
}

std::string CitationOf(std::string_view label, std::string_view cite_name) {
  if (label.empty()) return std::string(cite_name);
  if (cite_name.empty()) return std::string(label);
  return fmt::format("{}, {}", label, cite_name);
}

absl::StatusOr<std::vector<FlatProvision>> FlattenProvisions(const doc::Document& document) {
  const std::string cite_name = document.CiteName();
  std::vector<FlatProvision> rows;
  struct Frame {
    const doc::Provision* node;
    const doc::Provision* parent;
    int depth;
  };
  std::vector<Frame> stack = {{&document.root, nullptr, 0}};
  std::vector<const doc::Provision*> chain;  // ancestors of the node being visited, root first
  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    if (rows.size() >= kMaxProvisionsPerDocument) {
      return absl::ResourceExhaustedError(
          fmt::format("{}: more than {} provisions; the store keeps at most that many per document",
                      cite_name, kMaxProvisionsPerDocument));
    }
    if (frame.depth > kMaxProvisionDepth) {
      return absl::ResourceExhaustedError(
          fmt::format("{}: provision '{}' is nested {} levels deep; the store keeps at most {}",
                      cite_name, frame.node->path, frame.depth, kMaxProvisionDepth));
    }
    chain.resize(static_cast<std::size_t>(frame.depth));
    chain.push_back(frame.node);
    rows.push_back({frame.node, frame.parent, static_cast<int>(rows.size()), frame.depth,
                    CitationOf(LabelOf(document.root, chain), cite_name)});
    const auto& children = frame.node->children;
    for (auto it = children.rbegin(); it != children.rend(); ++it) {
      stack.push_back({&*it, frame.node, frame.depth + 1});
    }
  }
  return rows;
}

absl::Status ProvisionTreeBuilder::Add(std::optional<std::string_view> parent_path, int depth,
                                       doc::Provision node) {
  const int row = rows_++;
  auto damaged = [&](std::string_view why) {
    return absl::DataLossError(
        fmt::format("{}: provision row {} ('{}') {}", what_, row, node.path, why));
  };
  if (!has_root_) {
    if (depth != 0 || parent_path.has_value()) return damaged("should be the root but is not");
    root_ = std::move(node);
    has_root_ = true;
    ancestors_ = {&root_};
    return absl::OkStatus();
  }
  if (depth < 1 || static_cast<std::size_t>(depth) > ancestors_.size()) {
    return damaged(
        fmt::format("has depth {} after a row of depth {}", depth, ancestors_.size() - 1));
  }
  ancestors_.resize(static_cast<std::size_t>(depth));
  doc::Provision* parent = ancestors_.back();
  if (!parent_path.has_value() || *parent_path != parent->path) {
    return damaged(fmt::format("names parent '{}' but follows '{}'", parent_path.value_or("(none)"),
                               parent->path));
  }
  // Only the open chain is held by pointer, and only the last node's children grow, so no
  // held pointer is invalidated by this push_back.
  parent->children.push_back(std::move(node));
  ancestors_.push_back(&parent->children.back());
  return absl::OkStatus();
}

absl::StatusOr<doc::Provision> ProvisionTreeBuilder::Finish() {
  if (!has_root_) return absl::DataLossError(fmt::format("{}: has no provision rows", what_));
  has_root_ = false;
  rows_ = 0;
  ancestors_.clear();
  return std::move(root_);
}

int NextChainVersion(int current_max) { return current_max + 1; }

std::string FormatIngestedAt(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

}  // namespace tw::store
