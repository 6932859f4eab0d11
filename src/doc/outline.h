// Counts that summarise a document's structure: what `ingest` and `list` print and what
// tests assert ("68 articles in 9 chapters").
#ifndef TREATYWATCH_DOC_OUTLINE_H_
#define TREATYWATCH_DOC_OUTLINE_H_

#include <string>

#include "doc/document.h"

namespace tw::doc {

struct OutlineCounts {
  int parts = 0;
  int chapters = 0;
  int sections = 0;
  int articles = 0;
  int paragraphs = 0;  // numbered and unnumbered, inside or outside articles
  int points = 0;      // points and sub-points
  int options = 0;
  int footnotes = 0;
  int annexes = 0;
  int provisions = 0;  // every node but the root
  int bracket_spans = 0;  // outermost disputed spans
  int warnings = 0;       // warnings that matter
};

OutlineCounts CountOutline(const Document& document);

// "68 articles in 9 chapters, 1 footnote, 46 pages" — the parts that are non-zero.
std::string OutlineSummary(const Document& document);

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_OUTLINE_H_
