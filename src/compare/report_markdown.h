// RenderMarkdown: a comparison as a GitHub-flavoured Markdown report, for briefings, issue trackers
// and mailing lists: a title block (earlier text → later text), the summary as a table, then every
// changed article as a section ("Art. 4 → Art. 7 — Jurisdiction (moved, renumbered, amended)") with
// its notes, its redline (~~deleted~~, **inserted**, ¶ for a paragraph break added or removed), its
// bracket changes and its paragraph changes; paragraphs that moved between articles; and, on one
// line each, the articles only renumbered and the unchanged ones.
//
// Every piece of document text is escaped, so nothing in a document can open a link, an image, raw
// HTML or a block structure; control characters and ill-formed UTF-8 are cleaned
// (compare/printable_text.h). Deterministic; pure function; thread-safe.
#ifndef TREATYWATCH_COMPARE_REPORT_MARKDOWN_H_
#define TREATYWATCH_COMPARE_REPORT_MARKDOWN_H_

#include <string>

#include "compare/comparison.h"

namespace tw::compare {

std::string RenderMarkdown(const Comparison& comparison);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REPORT_MARKDOWN_H_
