#include "server/reader_view.h"

#include <algorithm>

#include <fmt/format.h>

#include "compare/printable_text.h"

namespace tw::server {
namespace {

using doc::ProvisionKind;

std::string Escape(std::string_view text) { return compare::EscapeMarkup(text); }

bool IsStructural(ProvisionKind kind) {
  return kind == ProvisionKind::kPart || kind == ProvisionKind::kChapter ||
         kind == ProvisionKind::kSection || kind == ProvisionKind::kTitle ||
         kind == ProvisionKind::kAnnex || kind == ProvisionKind::kPreamble;
}

// The heading level a node's title gets in the reader (the page's h1 is the document).
int HeadingLevel(ProvisionKind kind) {
  switch (kind) {
    case ProvisionKind::kPart:
    case ProvisionKind::kChapter:
    case ProvisionKind::kAnnex:
    case ProvisionKind::kPreamble: return 2;
    case ProvisionKind::kSection:
    case ProvisionKind::kTitle:
    case ProvisionKind::kArticle: return 3;
    default: return 0;
  }
}

// Every bracket span of the document once, sorted outermost first (begin up, end down).
std::vector<doc::BracketSpan> AllSpans(const doc::Document& document) {
  std::vector<doc::BracketSpan> spans;
  doc::VisitProvisions(document.root, [&](const doc::Provision& node, int) {
    spans.insert(spans.end(), node.brackets.begin(), node.brackets.end());
  });
  std::sort(spans.begin(), spans.end(), [](const doc::BracketSpan& a, const doc::BracketSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  spans.erase(std::unique(spans.begin(), spans.end(),
                          [](const doc::BracketSpan& a, const doc::BracketSpan& b) {
                            return a.begin == b.begin && a.end == b.end;
                          }),
              spans.end());
  return spans;
}

// For each byte of node.text, the document offset it stands for. The own text is the node's
// lines joined by '\n' (structure_parser.cc AppendText), each line a piece of the document
// text, sometimes after a bracket prefix ("[" of a label inside brackets) that stands just
// before the line's text. Lines are found in order from the node's start; a line not found
// (never expected) stands at the last offset found, so it lies inside no new span.
std::vector<std::size_t> DocumentOffsets(const doc::Document& document,
                                         const doc::Provision& node) {
  const std::string_view text = document.text;
  const std::string_view own = node.text;
  std::vector<std::size_t> offsets(own.size(), 0);
  std::size_t cursor = std::min(node.begin, text.size());
  const std::size_t limit = std::min(std::max(node.end, node.begin), text.size());
  std::size_t piece_begin = 0;
  while (piece_begin <= own.size()) {
    std::size_t piece_end = own.find('\n', piece_begin);
    if (piece_end == std::string_view::npos) piece_end = own.size();
    const std::string_view piece = own.substr(piece_begin, piece_end - piece_begin);
    const std::string_view window = text.substr(cursor, limit - cursor);
    std::size_t prefix = 0;
    std::size_t found = piece.empty() ? 0 : window.find(piece);
    // A bracket prefix ("[", "[[") is not next to the rest of the line in the document.
    while (found == std::string_view::npos && prefix < piece.size() && prefix < 4 &&
           (piece[prefix] == '[' || piece[prefix] == ' ')) {
      ++prefix;
      found = window.find(piece.substr(prefix));
    }
    if (found == std::string_view::npos) {
      for (std::size_t i = piece_begin; i < piece_end; ++i) offsets[i] = cursor;
    } else {
      const std::size_t at = cursor + found;
      // The prefix stands just before the line, never before what came earlier.
      const std::size_t prefix_at = at > cursor ? at - 1 : cursor;
      for (std::size_t i = 0; i < prefix; ++i) offsets[piece_begin + i] = prefix_at;
      for (std::size_t i = prefix; i < piece.size(); ++i) offsets[piece_begin + i] = at + i - prefix;
      cursor = at + piece.size() - prefix;
    }
    if (piece_end < own.size()) offsets[piece_end] = cursor;  // the '\n' joining two lines
    piece_begin = piece_end + 1;
  }
  return offsets;
}

std::vector<TextRange> RangesIn(const doc::Document& document, const doc::Provision& node,
                                const std::vector<doc::BracketSpan>& spans) {
  std::vector<TextRange> ranges;
  if (node.text.empty() || spans.empty()) return ranges;
  const std::vector<std::size_t> offsets = DocumentOffsets(document, node);
  const std::size_t first = offsets.front();
  const std::size_t last = offsets.back();
  for (const doc::BracketSpan& span : spans) {
    if (span.begin > last) break;
    if (span.end <= first) continue;
    // Offsets rise with the byte index, so a span covers one run of bytes.
    auto begin = std::lower_bound(offsets.begin(), offsets.end(), span.begin);
    auto end = std::lower_bound(begin, offsets.end(), span.end);
    if (begin == end) continue;
    ranges.push_back({static_cast<std::size_t>(begin - offsets.begin()),
                      static_cast<std::size_t>(end - offsets.begin())});
  }
  return ranges;
}

// `text` escaped, with each range (nested or disjoint, outermost first) wrapped in
// <span class="bracket">.
std::string MarkRanges(std::string_view text, const std::vector<TextRange>& ranges) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::vector<std::size_t> open_ends;  // ends of the open spans, innermost last
  std::size_t at = 0;
  std::size_t next = 0;
  while (at < text.size() || !open_ends.empty()) {
    // The next place where a span opens or closes.
    std::size_t stop = text.size();
    if (!open_ends.empty()) stop = std::min(stop, open_ends.back());
    if (next < ranges.size()) stop = std::min(stop, ranges[next].begin);
    stop = std::max(stop, at);
    out += Escape(text.substr(at, stop - at));
    at = stop;
    if (!open_ends.empty() && open_ends.back() <= at) {
      out += "</span>";
      open_ends.pop_back();
      continue;
    }
    if (next < ranges.size() && ranges[next].begin <= at) {
      // A range reaching past the enclosing one is cut at its end: the markup stays nested.
      std::size_t end = ranges[next].end;
      if (!open_ends.empty()) end = std::min(end, open_ends.back());
      ++next;
      if (end <= at) continue;
      out += "<span class=\"bracket\">";
      open_ends.push_back(end);
      continue;
    }
    if (at >= text.size()) break;
  }
  while (!open_ends.empty()) {
    out += "</span>";
    open_ends.pop_back();
  }
  return out;
}

std::string Permalink(std::int64_t id, std::string_view path, std::string_view citation) {
  const std::string href = Escape(ProvisionPermalink(id, path));
  return fmt::format(
      "<a class=\"permalink\" href=\"{0}\" data-copy=\"{0}\" title=\"Permalink to {1} "
      "(click to copy)\" aria-label=\"Permalink to {1}\">¶</a>",
      href, Escape(citation));
}

std::string OwnText(const doc::Document& document, const doc::Provision& node,
                    const std::vector<doc::BracketSpan>& spans, std::string_view element) {
  return fmt::format("<{0} class=\"text\" data-doc=\"{1}\" data-path=\"{2}\">{3}</{0}>", element,
                     document.meta.id, Escape(node.path),
                     MarkRanges(node.text, RangesIn(document, node, spans)));
}

}  // namespace

std::string ProvisionPermalink(std::int64_t document_id, std::string_view path) {
  return fmt::format("/documents/{}/read#{}", document_id, path);
}

std::vector<TextRange> BracketRangesInOwnText(const doc::Document& document,
                                              const doc::Provision& node) {
  return RangesIn(document, node, AllSpans(document));
}

std::string RenderReaderHtml(const doc::Document& document) {
  const std::vector<doc::BracketSpan> spans = AllSpans(document);
  std::string out;
  out.reserve(document.text.size() * 2);
  doc::VisitProvisions(document.root, [&](const doc::Provision& node, int depth) {
    if (node.kind == ProvisionKind::kDocument) {
      if (!node.text.empty()) {
        out += "<div class=\"provision front\">";
        out += OwnText(document, node, spans, "div");
        out += "</div>\n";
      }
      return;
    }
    const std::string citation = doc::CitationLabel(document.root, node.path);
    const int level = HeadingLevel(node.kind);
    out += fmt::format("<div class=\"provision kind-{} depth-{}\" id=\"{}\">",
                       doc::ProvisionKindName(node.kind), std::min(depth, 6), Escape(node.path));
    if (level > 0) {
      std::string title = node.label.empty() ? std::string(doc::ProvisionKindName(node.kind))
                                             : node.label;
      out += fmt::format("<h{0} class=\"heading\"><span class=\"label\">{1}</span>", level,
                         Escape(title));
      if (!node.heading.empty()) {
        out += fmt::format(" <span class=\"title\">{}</span>", Escape(node.heading));
      }
      out += " " + Permalink(document.meta.id, node.path, citation);
      out += fmt::format("</h{}>", level);
      if (!node.text.empty()) out += OwnText(document, node, spans, "div");
    } else {
      if (!node.label.empty()) {
        out += fmt::format("<span class=\"label\">{}</span> ", Escape(node.label));
      }
      out += OwnText(document, node, spans, "span");
      out += " " + Permalink(document.meta.id, node.path, citation);
    }
    out += "</div>\n";
  });
  return out;
}

std::string RenderOutlineHtml(const doc::Document& document) {
  // One <ol> per level; a node's depth is its level, as every ancestor of a shown node (a
  // division) is shown too.
  std::string out = "<ol class=\"outline-tree\">";
  std::vector<bool> item_open = {false};  // per open list: whether its last <li> is open
  doc::VisitProvisions(document.root, [&](const doc::Provision& node, int depth) {
    const bool shown = IsStructural(node.kind) || node.kind == ProvisionKind::kArticle ||
                       node.kind == ProvisionKind::kFootnote ||
                       node.kind == ProvisionKind::kClosing;
    if (node.kind == ProvisionKind::kDocument || !shown) return;
    const std::size_t level = static_cast<std::size_t>(std::max(depth, 1));
    while (item_open.size() < level) {
      if (!item_open.back()) out += "<li>";
      item_open.back() = true;
      out += "<ol>";
      item_open.push_back(false);
    }
    while (item_open.size() > level) {
      if (item_open.back()) out += "</li>";
      out += "</ol>";
      item_open.pop_back();
    }
    if (item_open.back()) out += "</li>";
    item_open.back() = true;
    const std::string name = node.label.empty() ? std::string(doc::ProvisionKindName(node.kind))
                                                : node.label;
    out += fmt::format("<li><a href=\"{}\">{}</a>",
                       Escape(ProvisionPermalink(document.meta.id, node.path)), Escape(name));
    if (!node.heading.empty()) {
      out += fmt::format(" <span class=\"title\">{}</span>", Escape(node.heading));
    }
    if (node.kind == ProvisionKind::kArticle) {
      int paragraphs = 0;
      for (const doc::Provision& child : node.children) {
        paragraphs += child.kind == ProvisionKind::kParagraph ||
                      child.kind == ProvisionKind::kUnnumbered;
      }
      int brackets = 0;
      for (const doc::BracketSpan& span : node.brackets) brackets += span.depth == 1;
      std::string detail;
      if (paragraphs > 0) {
        detail = fmt::format("{} para{}", paragraphs, paragraphs == 1 ? "" : "s");
      }
      if (brackets > 0) {
        detail += fmt::format("{}{} [bracketed]", detail.empty() ? "" : ", ", brackets);
      }
      if (!detail.empty()) out += fmt::format(" <span class=\"muted\">({})</span>", detail);
    }
  });
  while (!item_open.empty()) {
    if (item_open.back()) out += "</li>";
    out += "</ol>";
    item_open.pop_back();
  }
  return out;
}

}  // namespace tw::server
