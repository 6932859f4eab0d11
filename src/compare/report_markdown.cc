#include "compare/report_markdown.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "compare/printable_text.h"
#include "compare/redline_lines.h"
#include "compare/report_wording.h"

namespace tw::compare {
namespace {

bool IsAsciiPunctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Backslash-escapes every character Markdown (CommonMark + GFM tables, strikethrough) could read as
// syntax inside a line: emphasis, code, links, images, raw HTML, entities, table cells. A line
// start could also open a heading, a quote, a list or a thematic break: escaped there. Line breaks
// and tabs become spaces (callers cut lines themselves).
std::string Escape(std::string_view raw, bool at_line_start = false) {
  const std::string text = PrintableText(raw);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\t') {
      out += ' ';
      continue;
    }
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '&':
      case '#':
      case '!':
        out += '\\';
        break;
      default:
        break;
    }
    if (at_line_start && out.empty() && (c == '-' || c == '+' || c == '=' || c == ' ')) {
      out += c == ' ' ? "&#32;" : "\\";  // a leading space would indent into a code block
      if (c == ' ') continue;
    }
    // "1." and "1)" open an ordered list at a line start.
    if (at_line_start && (c == '.' || c == ')') && !out.empty()) {
      bool digits_only = true;
      for (char d : out) digits_only = digits_only && d >= '0' && d <= '9';
      if (digits_only) out += '\\';
    }
    out += c;
  }
  return out;
}

// One run of a redline line, its leading and trailing spaces kept outside the markers (inside, they
// would stop ~~ and ** from being read as emphasis). When the markers would not be read as such
// next to the neighbouring characters (a run starting with "(" right after a letter), GFM's raw
// <del>/<ins> tags carry the run instead.
std::string RedlineRun(const DiffOp& run, char before, char after, bool at_line_start) {
  if (run.op == OpKind::kEqual) return Escape(run.text, at_line_start);
  const std::string_view text = run.text;
  std::size_t first = 0;
  while (first < text.size() && IsSpace(text[first])) ++first;
  std::size_t last = text.size();
  while (last > first && IsSpace(text[last - 1])) --last;
  if (first == last) return run.op == OpKind::kInsert ? Escape(text, at_line_start) : "";
  const std::string_view core = text.substr(first, last - first);
  const char outer_before = first > 0 ? ' ' : before;
  const char outer_after = last < text.size() ? ' ' : after;
  auto binds = [](char inner, char outer) {
    return IsAsciiAlnum(inner) || outer == '\0' || IsSpace(outer) || IsAsciiPunctuation(outer);
  };
  const bool markers_hold = binds(core.front(), outer_before) && binds(core.back(), outer_after);
  const bool inserted = run.op == OpKind::kInsert;
  const std::string_view open =
      markers_hold ? (inserted ? "**" : "~~") : (inserted ? "<ins>" : "<del>");
  const std::string_view close = markers_hold ? open : (inserted ? "</ins>" : "</del>");
  return fmt::format("{}{}{}{}{}", first > 0 ? " " : "", open, Escape(core), close,
                     last < text.size() ? " " : "");
}

void AppendRedline(const std::vector<DiffOp>& ops, std::string& out) {
  bool first = true;
  const std::vector<RedlineLine> lines = RedlineLines(ops);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const RedlineLine& line = lines[l];
    std::string text;
    for (std::size_t r = 0; r < line.runs.size(); ++r) {
      const char before = r > 0 ? line.runs[r - 1].text.back() : '\0';
      const char after = r + 1 < line.runs.size() ? line.runs[r + 1].text.front() : '\0';
      text += RedlineRun(line.runs[r], before, after, r == 0);
    }
    if (ShowsBreak(lines, l))
      text += line.break_op == OpKind::kDelete ? " ~~\u00B6~~" : " **\u00B6**";
    if (text.empty()) continue;
    out += fmt::format("{}> {}\n", first ? "" : ">\n", text);
    first = false;
  }
}

std::string LowerFacets(const ArticleChange& change) {
  std::string out;
  for (ChangeKind facet : Facets(change)) {
    const std::string_view label = KindLabel(facet);
    if (!out.empty()) out += ", ";
    for (char c : label) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

void AppendChange(const Comparison& comparison, const ArticleChange& change, std::string& out) {
  const std::string& heading = change.new_heading.empty() ? change.old_heading : change.new_heading;
  out += fmt::format("### {}{}{} ({})\n\n", Escape(ChangeTitle(change)),
                     heading.empty() ? "" : " \u2014 ", Escape(heading), LowerFacets(change));
  for (const std::string& note : ChangeNotes(comparison, change)) {
    out += fmt::format("- {}\n", Escape(note));
  }
  out += "\n";
  if (change.ops.empty()) {
    out += "_Wording unchanged._\n\n";
  } else {
    AppendRedline(change.ops, out);
    out += "\n";
  }
  if (!change.brackets.empty()) {
    out += "**Square brackets**\n\n";
    for (const BracketChange& bracket : change.brackets) {
      const std::string& path = bracket.new_path.empty() ? bracket.old_path : bracket.new_path;
      out += fmt::format("- **{}:** \u201C{}\u201D{}\n", BracketChangeLabel(bracket.kind),
                         Escape(bracket.text),
                         path.empty() ? "" : " \u2014 " + Escape(ProvisionCitation(path)));
    }
    out += "\n";
  }
  if (!change.provisions.empty()) {
    out += "**Paragraphs and points**\n\n";
    for (const ProvisionChange& provision : change.provisions) {
      out += fmt::format(
          "- {}: {}{}\n", Escape(ProvisionTitle(provision)), KindLabel(provision.kind),
          provision.kind == ChangeKind::kInsertion || provision.kind == ChangeKind::kRepeal
              ? ""
              : ", similarity " + Escape(Percent(provision.similarity)));
    }
    out += "\n";
  }
}

void AppendCompactList(std::string_view title, const std::vector<std::string>& items,
                       std::string& out) {
  if (items.empty()) return;
  out += fmt::format("## {} ({})\n\n", title, items.size());
  for (std::size_t k = 0; k < items.size(); ++k) out += (k > 0 ? ", " : "") + items[k];
  out += "\n\n";
}

}  // namespace

std::string RenderMarkdown(const Comparison& comparison) {
  const ComparedDocument& before = comparison.old_doc;
  const ComparedDocument& after = comparison.new_doc;
  std::string out = fmt::format("# Comparison of drafts: {} \u2192 {}\n\n",
                                Escape(ShortName(before)), Escape(ShortName(after)));
  out += "| | Earlier text | Later text |\n|---|---|---|\n";
  out += fmt::format("| Document | {} | {} |\n", Escape(before.cite), Escape(after.cite));
  out += fmt::format("| Title | {} | {} |\n", Escape(before.title), Escape(after.title));
  out += fmt::format("| Date | {} | {} |\n", Escape(DisplayDate(before.date)),
                     Escape(DisplayDate(after.date)));
  if (before.version > 0 || after.version > 0) {
    out += fmt::format("| Version | {} | {} |\n", before.version, after.version);
  }
  out += fmt::format("\n{}\n\n## Summary\n\n| Measure | Value |\n|:---|---:|\n",
                     Escape(SummarySentence(comparison.summary)));
  for (const SummaryRow& row : SummaryRows(comparison.summary)) {
    out += fmt::format("| {} | {} |\n", Escape(row.label), Escape(row.value));
  }
  out +=
      "\n"
      "Legend: ~~deleted words~~ · **inserted words** · ~~\u00B6~~ / **\u00B6** paragraph break "
      "removed / added\n"
      "\n"
      "## Changes by article\n"
      "\n";
  std::vector<std::string> renumbered;
  std::vector<std::string> unchanged;
  bool any_section = false;
  for (const ArticleChange& change : comparison.changes) {
    if (change.kind == ChangeKind::kUnchanged) {
      unchanged.push_back(Escape(ChangeTitle(change)));
    } else if (ListedCompactly(change)) {
      renumbered.push_back(Escape(ChangeTitle(change)));
    } else {
      AppendChange(comparison, change, out);
      any_section = true;
    }
  }
  if (!any_section) out += "_No article was amended, moved, added or deleted._\n\n";
  if (!comparison.migrations.empty()) {
    out += "## Paragraphs moved between articles\n\n";
    for (const ProvisionChange& migration : comparison.migrations) {
      out += fmt::format("- {}: {}, similarity {}\n", Escape(ProvisionTitle(migration)),
                         KindLabel(migration.kind), Escape(Percent(migration.similarity)));
    }
    out += "\n";
  }
  AppendCompactList("Renumbered, wording unchanged", renumbered, out);
  AppendCompactList("Unchanged", unchanged, out);
  return out;
}

}  // namespace tw::compare
