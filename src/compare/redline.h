// Redline of two renderings: tokens of both, the raw histogram runs (exact, for bracket and
// reference analysis), the cleaned-up runs and ops a reader sees, and the word counts.
//
// Pure apart from interning into the shared TokenTable.
#ifndef TREATYWATCH_COMPARE_REDLINE_H_
#define TREATYWATCH_COMPARE_REDLINE_H_

#include <string_view>
#include <vector>

#include "compare/word_diff.h"
#include "compare/word_tokens.h"

namespace tw::compare {

struct Redline {
  std::vector<Token> old_tokens;
  std::vector<Token> new_tokens;
  std::vector<EditRun> raw_runs;
  std::vector<DiffOp> ops;  // empty when unchanged or when ops were not asked for
  WordCounts words;
  bool changed = false;  // some token differs (case-folded)
};

Redline MakeRedline(std::string_view old_text, std::string_view new_text, TokenTable& table,
                    bool with_ops);

// The same from tokens already made (Tokenize of the same texts with the same table).
Redline MakeRedlineFromTokens(std::string_view old_text, std::vector<Token> old_tokens,
                              std::string_view new_text, std::vector<Token> new_tokens,
                              bool with_ops);

// Ops showing a whole text inserted or deleted.
std::vector<DiffOp> WholeText(OpKind op, std::string_view text);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REDLINE_H_
