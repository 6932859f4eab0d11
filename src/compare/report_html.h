// RenderHtml: a comparison as one standalone HTML5 page a CSO can publish or print as is.
//
// The page needs nothing else: inline style sheet, no script, no font, image or request of any kind
// (a Content-Security-Policy meta tag forbids them too); system font stacks; print rules; a
// viewport for phones; lang="en", landmarks, a skip link, real tables with <th scope>, and focus
// outlines, so it reads with a keyboard and a screen reader.
//
// Contents: title block (earlier text → later text), the summary with a one-sentence lede and a
// legend, a table of contents of the changed articles, then every changed article in the order of
// the later text (a deleted one where it stood): heading "Art. 4 → Art. 7", badges for what
// happened, similarity, chapter change, the redline (<del> struck through in red, <ins> underlined
// in green, one block paragraph per line even when the break sits inside an inserted or deleted
// run, ¶ marking a break that was added or removed), bracket changes and paragraph changes. A moved
// article also leaves a "moved to Art. N" stub at its old place (compare/old_places.h), linked both
// ways. Then the paragraphs that moved between articles, and one-line lists of the articles only
// renumbered and of the unchanged ones.
//
// Everything taken from the comparison goes through one escaping function, after control characters
// and ill-formed UTF-8 are cleaned (compare/printable_text.h); anchor ids are rebuilt from
// [a-z0-9-] only. Deterministic (no timestamp). Pure function; thread-safe.
#ifndef TREATYWATCH_COMPARE_REPORT_HTML_H_
#define TREATYWATCH_COMPARE_REPORT_HTML_H_

#include <string>

#include "compare/comparison.h"
#include "compare/redline_html.h"

namespace tw::compare {

std::string RenderHtml(const Comparison& comparison);

struct HtmlChangesOptions {
  RedlineView view = RedlineView::kInline;
  // When set, each changed unit links to its history: the href (trusted, escaped here) followed
  // by the unit's path, percent-encoded — in the later text (`history_href`) or, for a deleted
  // unit, in the earlier one (`old_history_href`).
  std::string history_href;
  std::string old_history_href;
};

// The body of the page above without its page, title block and summary, for embedding in
// another page (the web workbench): the contents list of changed articles (#contents), every
// changed article (#changes, anchors "new-art7", "old-art2", "was-art4"), the paragraphs moved
// between articles and the compact lists. RenderHtml is the page around
// RenderHtmlChanges(comparison) with the default options.
std::string RenderHtmlChanges(const Comparison& comparison, const HtmlChangesOptions& options = {});

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REPORT_HTML_H_
