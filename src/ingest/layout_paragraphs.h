// Paragraph re-joining for laid-out PDF pages: body lines -> SourceText blocks.
//
// Lines wrapped by the layout are joined into one block; a new block starts where geometry or
// wording says so, checked in this order between a line L1 and the next line L2 (which may be
// on the next page: geometry is then measured against each line's own page):
//   * the type size changes by more than 15 %;
//   * L1 or L2 is a heading line ("Article 5", "Article 13.", "Chapter IV", "Annex",
//     "Preamble", "Part 2", "Section 3", "TITLE 1") — unless it is the tail of a wrapped
//     sentence ("... referred to in" / "Chapter III."): L2 at the left margin, no gap, not
//     centred, L1 full and not ending a clause; such a line is then no heading for L3 either;
//   * both lines are centred in the text column: join (a wrapped centred title) unless a
//     vertical gap separates them; only one is: break. A line that starts where many lines of
//     the document start (a paragraph indent, a tab stop: 3 lines and 2 % of all), or within 1 pt
//     of its neighbour's left edge, is aligned there and not taken as centred;
//   * L2 is indented further than L1 by more than 0.75 em (a first-line indent) — unless L1
//     opens with a list marker and L2 starts under L1's text (a hanging indent);
//   * L2 opens with a list marker ("(a)", "(iv)", "1.", "a)") and L1 ends a sentence or
//     clause (". ; : ? !") or with "and"/"or";
//   * L2 starts with a lower-case letter: join (a sentence goes on; this also covers titles
//     broken by hand and a chapeau resumed after its list, even after a vertical gap);
//   * L1 opened its block at a paragraph indent, does not start with a list marker (or ends
//     a clause), and L2 starts at the same indent: L1 was a one-line paragraph;
//   * on one page, L2 sits more than 1.3 line pitches below L1 (a vertical gap): break;
//   * L1 stops short: L2's first word, with a word space, would have fitted at L1's end
//     before the page's right margin. A wrapping engine would have put it there.
// Otherwise the lines are joined with a space, or without one at a line-end hyphen decided by
// layout_hyphenation.h. Superscript numbers in the body that name a footnote become "[n]";
// footnotes follow the body after a "__________" line as "[n] text".
//
// Margins and the text column are measured per page (the most common left edge of body
// lines, the rightmost line end), falling back to the document's value for pages of the same
// parity when a page has too few lines to tell.
//
// Pure function over values; thread-compatible.
#ifndef TREATYWATCH_INGEST_LAYOUT_PARAGRAPHS_H_
#define TREATYWATCH_INGEST_LAYOUT_PARAGRAPHS_H_

#include <string>
#include <string_view>
#include <vector>

#include "doc/source_text.h"
#include "ingest/pdf_layout.h"

namespace tw::ingest {

// True for a line that is a structural heading on its own ("Article 13.", "Chapter IV").
bool IsHeadingLineText(std::string_view text);
// True when `word` is a list marker that opens a paragraph ("(a)", "(iv)", "12.", "b)").
bool IsListMarker(std::string_view word);

// `pages`: body lines per page (furniture and footnote areas removed); `footnotes`: the
// footnote lines per page, index-aligned with `pages`. `notes` are copied to the result.
doc::SourceText AssembleSourceText(const std::vector<PageLayout>& pages,
                                   const std::vector<std::vector<LayoutLine>>& footnotes,
                                   int page_count, std::vector<std::string> notes);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_LAYOUT_PARAGRAPHS_H_
