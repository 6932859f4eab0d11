#include "doc/outline.h"

#include <set>
#include <vector>

#include <fmt/format.h>

namespace tw::doc {
namespace {

std::string Plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

OutlineCounts CountOutline(const Document& document) {
  OutlineCounts counts;
  VisitProvisions(document.root, [&](const Provision& node, int depth) {
    if (depth == 0) return;
    ++counts.provisions;
    switch (node.kind) {
      case ProvisionKind::kPart: ++counts.parts; break;
      case ProvisionKind::kChapter: ++counts.chapters; break;
      case ProvisionKind::kSection: ++counts.sections; break;
      case ProvisionKind::kArticle: ++counts.articles; break;
      case ProvisionKind::kParagraph:
      case ProvisionKind::kUnnumbered: ++counts.paragraphs; break;
      case ProvisionKind::kPoint:
      case ProvisionKind::kSubpoint: ++counts.points; break;
      case ProvisionKind::kOption: ++counts.options; break;
      case ProvisionKind::kFootnote: ++counts.footnotes; break;
      case ProvisionKind::kAnnex: ++counts.annexes; break;
      default: break;
    }
  });
  // Outermost spans only: a provision's list holds its children's spans too, so count the
  // root-level view once through the set of distinct depth-1 spans.
  std::set<std::pair<std::size_t, std::size_t>> seen;
  VisitProvisions(document.root, [&](const Provision& node, int) {
    for (const BracketSpan& span : node.brackets) {
      if (span.depth == 1) seen.emplace(span.begin, span.end);
    }
  });
  counts.bracket_spans = static_cast<int>(seen.size());
  for (const ParseWarning& warning : document.warnings) counts.warnings += warning.matters;
  return counts;
}

std::string OutlineSummary(const Document& document) {
  const OutlineCounts c = CountOutline(document);
  std::vector<std::string> parts;
  if (c.articles > 0) {
    std::string articles = Plural(c.articles, "article", "articles");
    if (c.chapters > 0) articles += " in " + Plural(c.chapters, "chapter", "chapters");
    parts.push_back(std::move(articles));
  } else if (c.paragraphs > 0) {
    parts.push_back(Plural(c.paragraphs, "paragraph", "paragraphs"));
  }
  if (c.annexes > 0) parts.push_back(Plural(c.annexes, "annex", "annexes"));
  if (c.options > 0) parts.push_back(Plural(c.options, "option", "options"));
  if (c.bracket_spans > 0) {
    parts.push_back(Plural(c.bracket_spans, "bracketed span", "bracketed spans"));
  }
  if (c.footnotes > 0) parts.push_back(Plural(c.footnotes, "footnote", "footnotes"));
  if (document.meta.page_count > 0) {
    parts.push_back(Plural(document.meta.page_count, "page", "pages"));
  }
  parts.push_back(Plural(c.warnings, "warning", "warnings"));
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

}  // namespace tw::doc
