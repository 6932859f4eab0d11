// RedlineHtml: one unit's word redline (compare/comparison.h DiffOp runs) as an HTML fragment, in
// either of the two views a reader switches between:
//   * inline: one text, <del> for words only the earlier text has, <ins> for words only the
//     later one has, one <p> per line and a ¶ for a paragraph break one text only has
//     (compare/redline_lines.h) — what the standalone report (compare/report_html.h) prints;
//   * side by side: a table of two columns, the earlier text with its deletions beside the later
//     text with its insertions, row by row, so each line faces its counterpart. A line one text
//     only has leaves the other cell empty.
// Everything taken from the ops goes through Esc (compare/html_page.h). Shared by the report and
// the web workbench, which embeds it in its own page. Pure functions; thread-safe.
#ifndef TREATYWATCH_COMPARE_REDLINE_HTML_H_
#define TREATYWATCH_COMPARE_REDLINE_HTML_H_

#include <string>
#include <string_view>
#include <vector>

#include "compare/comparison.h"

namespace tw::compare {

enum class RedlineView { kInline, kSideBySide };

// `heading_first`: the first line is the unit's heading. `label` (plain text, escaped here)
// names the unit for assistive technology: "Redline of {label}".
std::string RedlineHtml(const std::vector<DiffOp>& ops, bool heading_first, std::string_view label,
                        RedlineView view = RedlineView::kInline);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REDLINE_HTML_H_
