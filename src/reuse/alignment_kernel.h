// Batched local-alignment scores on the CPU's vector unit. Text reuse scores thousands of
// candidate pairs (a draft window against a source window), each a few hundred words: too short
// for one pair to fill a vector, so the kernels run many pairs side by side, one pair per 16-bit
// lane (inter-sequence vectorisation, as in Rognes' SWIPE): 16 pairs at once with AVX2, 32 with
// AVX-512BW. Every lane computes exactly the scalar recurrence of local_alignment.h, so the
// scores are identical to LocalAlignmentScore whatever the instruction set; tests hold them to
// that. Which kernel runs is decided at run time from what the CPU offers.
//
// Thread-safe: the functions keep no state.
#ifndef TREATYWATCH_REUSE_ALIGNMENT_KERNEL_H_
#define TREATYWATCH_REUSE_ALIGNMENT_KERNEL_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace tw::reuse {

enum class KernelIsa { kScalar, kAvx2, kAvx512 };

std::string_view KernelIsaName(KernelIsa isa);

// The widest kernel this CPU runs.
KernelIsa BestKernelIsa();

// Whether this CPU can run `isa`.
bool CpuSupports(KernelIsa isa);

struct AlignmentPair {
  std::span<const std::uint32_t> a;  // token ids; at most kMaxKernelTokens each
  std::span<const std::uint32_t> b;
};

// The local-alignment score of every pair, in order. Pairs longer than kMaxKernelTokens are
// scored by the scalar path. `isa` must be supported by this CPU (CpuSupports).
std::vector<std::int32_t> ScorePairs(std::span<const AlignmentPair> pairs,
                                     KernelIsa isa = BestKernelIsa());

namespace kernel_detail {

// One batch laid out for the vector kernels: pair k's tokens in lane k, position-major
// (a[i * lanes + k]), ids renumbered per pair into 16 bits (a pair of ≤ 2 × kMaxKernelTokens
// tokens has fewer distinct ids than that), padded with ids that match nothing.
struct Batch {
  int lanes = 0;
  int a_length = 0;  // longest a in the batch
  int b_length = 0;
  std::vector<std::uint16_t> a;
  std::vector<std::uint16_t> b;
};

inline constexpr std::uint16_t kPadA = 0xFFFF;
inline constexpr std::uint16_t kPadB = 0xFFFE;

// Scores of the batch's lanes (all of them, padding lanes included) into `scores`.
void ScoreBatchAvx2(const Batch& batch, std::int16_t* scores);
void ScoreBatchAvx512(const Batch& batch, std::int16_t* scores);

}  // namespace kernel_detail
}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_ALIGNMENT_KERNEL_H_
