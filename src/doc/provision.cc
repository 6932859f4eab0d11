#include "doc/provision.h"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace tw::doc {
namespace {

constexpr std::array<std::pair<ProvisionKind, std::string_view>, 15> kKindNames = {{
    {ProvisionKind::kDocument, "document"},
    {ProvisionKind::kPreamble, "preamble"},
    {ProvisionKind::kPart, "part"},
    {ProvisionKind::kChapter, "chapter"},
    {ProvisionKind::kSection, "section"},
    {ProvisionKind::kTitle, "title"},
    {ProvisionKind::kArticle, "article"},
    {ProvisionKind::kParagraph, "paragraph"},
    {ProvisionKind::kPoint, "point"},
    {ProvisionKind::kSubpoint, "subpoint"},
    {ProvisionKind::kUnnumbered, "unnumbered"},
    {ProvisionKind::kOption, "option"},
    {ProvisionKind::kClosing, "closing"},
    {ProvisionKind::kFootnote, "footnote"},
    {ProvisionKind::kAnnex, "annex"},
}};

// The designation to print: the printed number when the parser kept one, else what the path
// segment says (segments are "art5bis", "p2", "a", "u3", "opt1", ...).
std::string Designation(const Provision& node, std::string_view segment,
                        std::string_view prefix) {
  if (!node.num.empty()) return node.num;
  if (segment.substr(0, prefix.size()) == prefix) return std::string(segment.substr(prefix.size()));
  return std::string(segment);
}

const Provision* ChildWithPath(const Provision& parent, std::string_view path) {
  for (const Provision& child : parent.children) {
    if (child.path == path) return &child;
  }
  return nullptr;
}

}  // namespace

std::string_view ProvisionKindName(ProvisionKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "document";
}

bool ParseProvisionKind(std::string_view name, ProvisionKind* kind) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

const Provision* FindProvision(const Provision& root, std::string_view path) {
  if (root.path == path) return &root;
  // Explicit stack: trees come from untrusted documents.
  std::vector<const Provision*> stack = {&root};
  while (!stack.empty()) {
    const Provision* node = stack.back();
    stack.pop_back();
    if (node->path == path) return node;
    for (auto it = node->children.rbegin(); it != node->children.rend(); ++it) {
      stack.push_back(&*it);
    }
  }
  return nullptr;
}

std::string CitationLabel(const Provision& root, std::string_view path) {
  // Walk the path segment by segment so each level prints its own printed number.
  std::string result;
  std::string annex;
  bool in_article = false;  // after "Art. N", deeper levels print as (2)(b)(ii)
  std::size_t start = 0;
  const Provision* parent = &root;
  while (start <= path.size() && !path.empty()) {
    const std::size_t dot = path.find('.', start);
    const std::size_t stop = dot == std::string_view::npos ? path.size() : dot;
    const std::string_view prefix_path = path.substr(0, stop);
    const std::string_view segment = path.substr(start, stop - start);
    const Provision* node = parent ? ChildWithPath(*parent, prefix_path) : nullptr;
    if (!node) node = FindProvision(root, prefix_path);
    if (!node) return std::string(path);
    switch (node->kind) {
      case ProvisionKind::kAnnex:
        annex = node->num.empty() ? "Annex" : fmt::format("Annex {}", node->num);
        break;
      case ProvisionKind::kPreamble:
        result = "Preamble";
        break;
      case ProvisionKind::kPart:
        result = fmt::format("Part {}", Designation(*node, segment, "part"));
        break;
      case ProvisionKind::kChapter:
        result = fmt::format("Chapter {}", Designation(*node, segment, "ch"));
        break;
      case ProvisionKind::kSection:
        result = fmt::format("{}, Section {}", result, Designation(*node, segment, "sec"));
        break;
      case ProvisionKind::kTitle:
        result = fmt::format("{}, Title {}", result, Designation(*node, segment, "title"));
        break;
      case ProvisionKind::kArticle:
        result = fmt::format("Art. {}", Designation(*node, segment, "art"));
        in_article = true;
        break;
      case ProvisionKind::kParagraph:
        if (in_article) {
          result += fmt::format("({})", Designation(*node, segment, "p"));
        } else {
          result = fmt::format("{}{}para. {}", result, result.empty() ? "" : ", ",
                               Designation(*node, segment, "p"));
          if (result.rfind("para.", 0) == 0) result[0] = 'P';
        }
        break;
      case ProvisionKind::kPoint:
      case ProvisionKind::kSubpoint:
        result += fmt::format("({})", Designation(*node, segment, ""));
        break;
      case ProvisionKind::kUnnumbered:
        result = fmt::format("{}{}unnumbered para. {}", result, result.empty() ? "" : ", ",
                             segment.substr(1));
        break;
      case ProvisionKind::kOption:
        result += fmt::format(", Option {}", Designation(*node, segment, "opt"));
        break;
      case ProvisionKind::kClosing:
        result = "Final clause";
        break;
      case ProvisionKind::kFootnote:
        result = fmt::format("Footnote {}", Designation(*node, segment, "fn"));
        break;
      case ProvisionKind::kDocument:
        break;
    }
    parent = node;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (!annex.empty()) return result.empty() ? annex : fmt::format("{}, {}", annex, result);
  return result;
}

}  // namespace tw::doc
