// The terminal form of a comparison (`treatywatch diff`, the default): the summary, then one
// block per change in new-text order — its sentence (compare/change_description.h), bracket
// changes, paragraph changes and the redline in git's word-diff notation, [-deleted-]{+added+},
// coloured red and green on a terminal. Long unchanged stretches are elided around the edits;
// articles renumbered without other change are listed on one line at the end.
#ifndef TREATYWATCH_COMPARE_REPORT_TEXT_H_
#define TREATYWATCH_COMPARE_REPORT_TEXT_H_

#include <string>

#include "compare/comparison.h"

namespace tw::compare {

struct TextReportOptions {
  bool color = false;
  std::size_t context_chars = 60;  // unchanged text kept on each side of an edit
};

std::string RenderText(const Comparison& comparison, const TextReportOptions& options = {});

// The redline alone, in word-diff notation.
std::string RenderOpsText(const std::vector<DiffOp>& ops, const TextReportOptions& options);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REPORT_TEXT_H_
