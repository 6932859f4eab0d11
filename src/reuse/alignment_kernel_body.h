// The vector kernel's body, written once with GCC vector extensions and compiled twice: by
// alignment_kernel_avx2.cc (-mavx2, 16 lanes) and alignment_kernel_avx512.cc (-mavx512bw,
// 32 lanes). Each lane runs the recurrence of LocalAlignmentScore (local_alignment.cc) on its
// own pair. No lane can overflow 16 bits: scores are at most kMatch × kMaxKernelTokens, and
// gap scores never fall below -kGapOpen because H is never negative.
#ifndef TREATYWATCH_REUSE_ALIGNMENT_KERNEL_BODY_H_
#define TREATYWATCH_REUSE_ALIGNMENT_KERNEL_BODY_H_

#include <cstdint>
#include <cstring>
#include <vector>

#include "reuse/alignment_kernel.h"
#include "reuse/alignment_scoring.h"

namespace tw::reuse::kernel_detail {

// GCC ignores vector_size on a type that depends on a template parameter, so each width is
// spelled out.
template <int kLanes>
struct LaneVectors;
template <>
struct LaneVectors<16> {
  typedef std::int16_t Scores __attribute__((vector_size(32)));
  typedef std::uint16_t Ids __attribute__((vector_size(32)));
};
template <>
struct LaneVectors<32> {
  typedef std::int16_t Scores __attribute__((vector_size(64)));
  typedef std::uint16_t Ids __attribute__((vector_size(64)));
};

template <int kLanes>
void ScoreBatchWithVectors(const Batch& batch, std::int16_t* scores) {
  using Scores = typename LaneVectors<kLanes>::Scores;
  using Ids = typename LaneVectors<kLanes>::Ids;
  auto splat = [](std::int32_t value) {
    Scores v;
    for (int k = 0; k < kLanes; ++k) v[k] = static_cast<std::int16_t>(value);
    return v;
  };
  auto max = [](Scores x, Scores y) { return x > y ? x : y; };
  const Scores zero = splat(0);
  const Scores match = splat(kMatch);
  const Scores mismatch = splat(kMismatch);
  const Scores gap_open = splat(kGapOpen);
  const Scores gap_extend = splat(kGapExtend);
  const Scores below_any = splat(-16000);

  const int m = batch.b_length;
  std::vector<Ids> b(m);
  for (int j = 0; j < m; ++j) std::memcpy(&b[j], &batch.b[std::size_t(j) * kLanes], sizeof(Ids));
  std::vector<Scores> h(m + 1, zero);  // H of the previous row, then of this one
  std::vector<Scores> f(m + 1, below_any);
  Scores best = zero;
  Ids padding;
  for (int k = 0; k < kLanes; ++k) padding[k] = kPadA;
  // kRows rows per pass over b: each row takes the one above's cells from registers instead of
  // memory, and the rows' recurrences overlap in the pipeline. Rows past the end of a are
  // padding, whose cells never exceed the real ones (they only lose score).
  constexpr int kRows = 4;
  for (int i = 0; i < batch.a_length; i += kRows) {
    Ids a[kRows];
    Scores diagonal[kRows];
    Scores left[kRows];
    Scores e[kRows];
    for (int r = 0; r < kRows; ++r) {
      a[r] = padding;
      if (i + r < batch.a_length) {
        std::memcpy(&a[r], &batch.a[std::size_t(i + r) * kLanes], sizeof(Ids));
      }
      diagonal[r] = zero;
      left[r] = zero;
      e[r] = below_any;
    }
    for (int j = 1; j <= m; ++j) {
      Scores up = h[j];    // H of the row above, this column
      Scores up_f = f[j];  // F of the row above, this column
      Scores row_best = zero;
#pragma GCC unroll 4
      for (int r = 0; r < kRows; ++r) {
        const Scores substitution = reinterpret_cast<Scores>(a[r] == b[j - 1]) ? match : mismatch;
        e[r] = max(e[r] - gap_extend, left[r] - gap_open);
        up_f = max(up_f - gap_extend, up - gap_open);
        const Scores cell = max(max(diagonal[r] + substitution, e[r]), max(up_f, zero));
        diagonal[r] = up;
        left[r] = cell;
        up = cell;
        row_best = max(row_best, cell);
      }
      h[j] = up;
      f[j] = up_f;
      best = max(best, row_best);
    }
  }
  std::memcpy(scores, &best, sizeof(Scores));
}

}  // namespace tw::reuse::kernel_detail

#endif  // TREATYWATCH_REUSE_ALIGNMENT_KERNEL_BODY_H_
