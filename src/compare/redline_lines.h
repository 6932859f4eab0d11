// RedlineLines: a unit's word redline cut into the lines a reader sees.
//
// A redline (DiffOp runs, compare/comparison.h) is one stream over the whole unit, and a '\n' may
// sit anywhere in it, inside an inserted or deleted run too: a paragraph break that only the new
// text has (a paragraph was split or added) or only the old text had (paragraphs joined or
// removed). Every renderer needs the same cut: lines of runs, each line ending in a break that
// belongs to both texts, to the new one only or to the old one only.
//
// Pure functions; thread-safe.
#ifndef TREATYWATCH_COMPARE_REDLINE_LINES_H_
#define TREATYWATCH_COMPARE_REDLINE_LINES_H_

#include <string>
#include <string_view>
#include <vector>

#include "compare/comparison.h"

namespace tw::compare {

struct RedlineLine {
  std::vector<DiffOp> runs;  // no '\n' inside, no empty text, adjacent runs differ in op
  bool has_break = false;    // ends with a paragraph break; false for the last line only
  // kEqual: the break is in both texts; kInsert: only in the new; kDelete: only in the old.
  OpKind break_op = OpKind::kEqual;
};

// Always at least one line (an empty redline is one empty line).
std::vector<RedlineLine> RedlineLines(const std::vector<DiffOp>& ops);

// Whether the break ending lines[at] deserves a ¶ mark: it is in one text only and splits or
// joins words the other text has too. A break inside a wholly inserted or deleted passage (a new
// article, a deleted paragraph) goes without saying.
bool ShowsBreak(const std::vector<RedlineLine>& lines, std::size_t at);

// True for a point's line, "(a) …", "(iv) …" or "a) …", which reports indent.
bool IsPointLine(std::string_view text);

// The words of `line` as the new text has them, else (a line only the old text has) as the old.
std::string LineText(const RedlineLine& line);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REDLINE_LINES_H_
