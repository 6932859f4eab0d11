// Page furniture removal for laid-out PDF pages: running headers and footers, page numbers,
// document symbols, job numbers and their barcodes.
//
// A line is furniture when it sits in the top or bottom band of its page (kTopBand,
// kBottomBand) and
//   (a) its exact text recurs in the same band on at least two pages and on a quarter of all
//       pages (a running title, a symbol, a fixed footer), or
//   (b) it consists only of furniture tokens: page numbers ("3", "3/46", "- 3 -", "Page 3",
//       "Page 3 of 46", "iv"), job numbers ("24-24621", "V.23-12345", with a "(E)" language
//       suffix), barcodes ("*2424621*") and document symbols ("A/RES/79/243",
//       "A/AC.291/22/Rev.1", "CTOC/COP/2020/3"), or
//   (c) it is in the top band and touches a line removed by (a) or (b): on the same row or
//       with less than half a line of space between them. This takes a running title printed
//       beside the symbol even when the document has too few pages for (a), and the masthead
//       block around the symbol on a first page.
// Body text is never matched by pattern outside the bands, and (a) needs exact repeats, so a
// heading that happens to start two pages ("Article 5", "Article 7") is kept.
//
// Pure function over values; thread-compatible.
#ifndef TREATYWATCH_INGEST_LAYOUT_RUNNING_TEXT_H_
#define TREATYWATCH_INGEST_LAYOUT_RUNNING_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/pdf_layout.h"

namespace tw::ingest {

inline constexpr double kTopBand = 0.12;     // of the page height, from the top
inline constexpr double kBottomBand = 0.12;  // of the page height, from the bottom

// True when `text` consists only of page numbers, job numbers, barcodes and symbols.
bool IsFurnitureText(std::string_view text);

// Removes furniture lines from `pages` and returns notes describing what went (for
// SourceText::notes), e.g. "removed running header/footer \"A/RES/79/243\" on 46 pages".
std::vector<std::string> RemoveRunningText(std::vector<PageLayout>& pages);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_LAYOUT_RUNNING_TEXT_H_
