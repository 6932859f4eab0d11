// The word-level local alignment every text-reuse comparison uses: Smith-Waterman with Gotoh's
// affine gaps over token ids. A word that matches earns kMatch; a substituted word costs
// kMismatch; a run of k inserted or deleted words costs kGapOpen + (k - 1) * kGapExtend, so one
// inserted clause costs little more than one inserted word, as rewording by a drafter does.
//
// The same numbers drive the scalar reference (local_alignment.h) and the vector kernels
// (alignment_kernel.h), which must give identical scores.
#ifndef TREATYWATCH_REUSE_ALIGNMENT_SCORING_H_
#define TREATYWATCH_REUSE_ALIGNMENT_SCORING_H_

#include <cstdint>

namespace tw::reuse {

inline constexpr std::int32_t kMatch = 3;
inline constexpr std::int32_t kMismatch = -2;
inline constexpr std::int32_t kGapOpen = 4;
inline constexpr std::int32_t kGapExtend = 1;

// The vector kernels keep scores in 16-bit lanes. A local score never exceeds kMatch times the
// shorter sequence, so sequences up to this many tokens cannot overflow; longer windows are the
// caller's to split (candidate windows are far shorter).
inline constexpr std::int32_t kMaxKernelTokens = 10000;

// The score from which an alignment is read with traceback: what a passage of `min_words`
// words with a fifth of them reworded would score.
constexpr std::int32_t WorthAligning(int min_words) {
  return (min_words * 4 / 5) * kMatch + (min_words / 5) * kMismatch;
}
static_assert(kMatch * kMaxKernelTokens < 32767);

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_ALIGNMENT_SCORING_H_
