#include "compare/redline_html.h"

#include <fmt/format.h>

#include "compare/html_page.h"
#include "compare/redline_lines.h"

namespace tw::compare {
namespace {

std::string_view LineClass(const std::vector<RedlineLine>& lines, std::size_t l,
                           bool heading_first) {
  if (l == 0 && heading_first) return " class=\"line-heading\"";
  if (IsPointLine(LineText(lines[l]))) return " class=\"line-point\"";
  return "";
}

std::string InlineHtml(const std::vector<DiffOp>& ops, bool heading_first,
                       std::string_view label) {
  std::string out = fmt::format(
      "<div class=\"redline\" role=\"group\" aria-label=\"Redline of {}\">\n", Esc(label));
  const std::vector<RedlineLine> lines = RedlineLines(ops);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    out += fmt::format("<p{}>", LineClass(lines, l, heading_first));
    AppendRedlineRuns(lines[l].runs, out);
    if (ShowsBreak(lines, l)) {
      out += lines[l].break_op == OpKind::kDelete
                 ? "<del class=\"pilcrow\" title=\"Paragraph break removed\">\u00B6</del>"
                 : "<ins class=\"pilcrow\" title=\"Paragraph break added\">\u00B6</ins>";
    }
    out += "</p>\n";
  }
  out += "</div>\n";
  return out;
}

// One side of a line: its equal runs with the runs of `kept` (kDelete: the earlier text).
std::string SideHtml(const RedlineLine& line, OpKind kept) {
  std::vector<DiffOp> runs;
  for (const DiffOp& run : line.runs) {
    if (run.op == OpKind::kEqual || run.op == kept) runs.push_back(run);
  }
  std::string out;
  AppendRedlineRuns(runs, out);
  return out;
}

std::string SideBySideHtml(const std::vector<DiffOp>& ops, bool heading_first,
                           std::string_view label) {
  std::string out = fmt::format(
      "<table class=\"redline redline-columns\" aria-label=\"Redline of {}, side by side\">\n"
      "<thead><tr><th scope=\"col\">Earlier text</th><th scope=\"col\">Later text</th></tr>"
      "</thead>\n<tbody>\n",
      Esc(label));
  const std::vector<RedlineLine> lines = RedlineLines(ops);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const std::string before = SideHtml(lines[l], OpKind::kDelete);
    const std::string after = SideHtml(lines[l], OpKind::kInsert);
    // The phone layout stacks the cells; data-side names each for the reader there.
    out += fmt::format(
        "<tr{}><td class=\"side-old{}\" data-side=\"Earlier\">{}</td>"
        "<td class=\"side-new{}\" data-side=\"Later\">{}</td></tr>\n",
        LineClass(lines, l, heading_first), before.empty() ? " empty" : "", before,
        after.empty() ? " empty" : "", after);
  }
  out += "</tbody>\n</table>\n";
  return out;
}

}  // namespace

std::string RedlineHtml(const std::vector<DiffOp>& ops, bool heading_first, std::string_view label,
                        RedlineView view) {
  return view == RedlineView::kInline ? InlineHtml(ops, heading_first, label)
                                      : SideBySideHtml(ops, heading_first, label);
}

}  // namespace tw::compare
