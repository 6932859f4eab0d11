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

namespace tw::compare {

std::string RenderHtml(const Comparison& comparison);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REPORT_HTML_H_
