// Footnote areas at the bottom of PDF pages.
//
// A footnote area starts below a separator line (a row of underscores or rule characters, as
// Word and the UN templates print it) in the lower part of the page; without a separator, it
// is the run of bottom lines set smaller than the page's body text whose first line starts with
// a superscript mark. Footnotes start at a line that opens with a footnote label (a
// superscript number or "*"; a plain number only on an area's first line); other lines
// continue the footnote before them, also across pages.
//
// Pure functions over values; thread-compatible.
#ifndef TREATYWATCH_INGEST_LAYOUT_FOOTNOTES_H_
#define TREATYWATCH_INGEST_LAYOUT_FOOTNOTES_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/pdf_layout.h"

namespace tw::ingest {

// Where separators may be: below this fraction of the page height.
inline constexpr double kFootnoteSeparatorMinTop = 0.4;

bool IsFootnoteSeparatorText(std::string_view text);

// The label a footnote line starts with ("1", "*"), or "" when it continues a footnote.
// `first_in_area`: the line is the first of its page's footnote area.
std::string FootnoteLabelAt(const LayoutLine& line, bool first_in_area);

// Moves each page's footnote lines (separator excluded) out of `pages`; the result is
// index-aligned with `pages`.
std::vector<std::vector<LayoutLine>> SplitFootnoteAreas(std::vector<PageLayout>& pages);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_LAYOUT_FOOTNOTES_H_
