// The page every HTML report shares (the comparison redline, the crosswalk): one standalone
// HTML5 document with an inline style sheet, no script, no font, image or request of any kind
// (a Content-Security-Policy meta tag forbids them), print rules, a phone viewport, lang="en"
// and a skip link. Text reaches a page only through Esc.
//
// Pure functions; thread-safe.
#ifndef TREATYWATCH_COMPARE_HTML_PAGE_H_
#define TREATYWATCH_COMPARE_HTML_PAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "compare/comparison.h"

namespace tw::compare {

// Cleaned (compare/printable_text.h), then escaped for element content and quoted attribute
// values alike.
std::string Esc(std::string_view raw);

// Doctype, head (title escaped here) and the opening of the page, with a skip link to
// `#skip_target`. `extra_style` (trusted CSS of the calling report, never user text) is appended
// to the shared style sheet.
std::string HtmlPageStart(std::string_view title, std::string_view skip_target,
                          std::string_view skip_label, std::string_view extra_style = {});

// A provision path as part of an anchor id: [a-z0-9-] only ("annex.art7" → "annex-art7"), at
// most 48 characters (longer paths are not citations).
std::string HtmlIdPart(std::string_view path);

// Closes <main>, writes the footer paragraph (escaped here) and ends the document.
std::string HtmlPageEnd(std::string_view footer);

// A redline's runs as text with <del>/<ins>; spaces at the ends of a run stay outside it.
void AppendRedlineRuns(const std::vector<DiffOp>& runs, std::string& out);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_HTML_PAGE_H_
