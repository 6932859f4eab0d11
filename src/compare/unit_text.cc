#include "compare/unit_text.h"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

namespace tw::compare {
namespace {

using doc::Provision;
using doc::ProvisionKind;

void AppendLine(Unit& unit, std::string_view line, const Provision* provision, int depth) {
  if (!unit.text.empty()) unit.text += '\n';
  UnitLine entry;
  entry.begin = unit.text.size();
  unit.text += line;
  entry.end = unit.text.size();
  entry.provision = provision;
  entry.depth = depth;
  unit.lines.push_back(entry);
}

// Own text may hold several blocks joined by '\n'; the label goes before the first.
void AppendOwnText(Unit& unit, const Provision& node, std::string_view label, int depth) {
  std::string_view text = node.text;
  bool first = true;
  while (true) {
    const std::size_t newline = text.find('\n');
    const std::string_view block = text.substr(0, newline);
    if (first && !label.empty()) {
      AppendLine(unit, block.empty() ? std::string(label) : fmt::format("{} {}", label, block),
                 &node, depth);
    } else if (!block.empty()) {
      AppendLine(unit, block, &node, depth);
    }
    first = false;
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
}

void RenderChildren(const Provision& node, Unit& unit, int depth) {
  for (const Provision& child : node.children) {
    if (child.kind == ProvisionKind::kFootnote) continue;
    std::string label = child.label;
    if (!child.heading.empty()) label = label.empty() ? child.heading : label + " " + child.heading;
    AppendOwnText(unit, child, label, depth);
    RenderChildren(child, unit, depth + 1);
  }
}

bool HoldsArticles(const Provision& node) {
  if (node.kind == ProvisionKind::kArticle) return true;
  return std::any_of(node.children.begin(), node.children.end(), HoldsArticles);
}

std::string ChapterName(const Provision& chapter) {
  if (chapter.heading.empty()) return chapter.label;
  return fmt::format("{} {}", chapter.label, chapter.heading);
}

Unit MakeUnit(const doc::Document& document, const Provision& node, std::string chapter) {
  Unit unit;
  unit.provision = &node;
  unit.citation = doc::CitationLabel(document.root, node.path);
  unit.chapter = std::move(chapter);
  unit.is_article = node.kind == ProvisionKind::kArticle;
  RenderProvision(node, true, unit);
  return unit;
}

void Collect(const doc::Document& document, const Provision& node, const std::string& chapter,
             std::vector<Unit>& units) {
  for (const Provision& child : node.children) {
    switch (child.kind) {
      case ProvisionKind::kPreamble:
      case ProvisionKind::kArticle:
      case ProvisionKind::kClosing:
        units.push_back(MakeUnit(document, child, chapter));
        break;
      case ProvisionKind::kChapter:
        Collect(document, child, ChapterName(child), units);
        break;
      case ProvisionKind::kPart:
      case ProvisionKind::kSection:
      case ProvisionKind::kTitle:
      case ProvisionKind::kAnnex:
        Collect(document, child, chapter, units);
        break;
      default:
        break;
    }
  }
}

}  // namespace

void RenderProvision(const Provision& node, bool with_heading, Unit& unit) {
  if (with_heading && !node.heading.empty()) AppendLine(unit, node.heading, &node, 0);
  AppendOwnText(unit, node, "", 0);
  RenderChildren(node, unit, 1);
}

std::vector<Unit> ExtractUnits(const doc::Document& document) {
  std::vector<Unit> units;
  if (HoldsArticles(document.root)) {
    Collect(document, document.root, "", units);
    return units;
  }
  // A resolution or statement: its top-level blocks are what moves and changes.
  for (const Provision& child : document.root.children) {
    if (child.kind == ProvisionKind::kFootnote) continue;
    Unit unit;
    unit.provision = &child;
    unit.citation = doc::CitationLabel(document.root, child.path);
    AppendOwnText(unit, child, child.label, 0);
    RenderChildren(child, unit, 1);
    units.push_back(std::move(unit));
  }
  return units;
}

const Provision* ProvisionAt(const Unit& unit, std::size_t at) {
  auto it = std::upper_bound(unit.lines.begin(), unit.lines.end(), at,
                             [](std::size_t offset, const UnitLine& line) {
                               return offset < line.begin;
                             });
  if (it == unit.lines.begin()) return unit.provision;
  return std::prev(it)->provision;
}

}  // namespace tw::compare
