// Word diff: the redline inside two matched provisions.
//
// Histogram diff (as in git and JGit) over token ids: trim the common ends, anchor the region on
// its rarest common token, extend that match both ways, recurse on both sides; regions with no
// rare common token fall back to an LCS when small and to a replacement when large. Then a
// semantic clean-up in the manner of diff-match-patch's cleanupSemantic: an equality no longer
// than the edits on both its sides becomes part of them, so a reworded clause reads as one
// deletion and one insertion instead of confetti.
//
// Pure; works on token ranges of compare/word_tokens.h.
#ifndef TREATYWATCH_COMPARE_WORD_DIFF_H_
#define TREATYWATCH_COMPARE_WORD_DIFF_H_

#include <string_view>
#include <vector>

#include "compare/comparison.h"
#include "compare/word_tokens.h"

namespace tw::compare {

// A run of the diff over token indices [old_begin, old_end) and [new_begin, new_end). An eq
// run has equal lengths; a del run an empty new range; an ins run an empty old range.
struct EditRun {
  OpKind op = OpKind::kEqual;
  int old_begin = 0, old_end = 0;
  int new_begin = 0, new_end = 0;
};

inline constexpr std::size_t kHistogramMaxChain = 64;  // rarer tokens anchor, commoner do not
inline constexpr double kLcsFallbackCells = 250000;

// Runs in text order, adjacent runs of the same kind merged, deletions before insertions.
std::vector<EditRun> HistogramDiff(const std::vector<Token>& old_tokens,
                                   const std::vector<Token>& new_tokens);

// The same over bare ids (similarity scoring diffs word ids without tokens).
std::vector<EditRun> HistogramDiffIds(const std::vector<std::uint32_t>& old_ids,
                                      const std::vector<std::uint32_t>& new_ids);

// For each old token, the new token it is equal to in `runs`, or -1.
std::vector<int> TokenCorrespondence(const std::vector<EditRun>& runs, std::size_t old_size);

void SemanticCleanup(std::vector<EditRun>& runs, const std::vector<Token>& old_tokens,
                     const std::vector<Token>& new_tokens);

// The runs as text: eq and ins take the new text's words, del the old text's.
std::vector<DiffOp> RenderOps(const std::vector<EditRun>& runs, std::string_view old_text,
                              const std::vector<Token>& old_tokens, std::string_view new_text,
                              const std::vector<Token>& new_tokens);

struct WordCounts {
  int deleted = 0;
  int inserted = 0;
};
WordCounts CountChangedWords(const std::vector<EditRun>& runs,
                             const std::vector<Token>& old_tokens,
                             const std::vector<Token>& new_tokens);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_WORD_DIFF_H_
