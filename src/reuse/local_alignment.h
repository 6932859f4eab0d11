// LocalAlignment: the scalar Smith-Waterman-Gotoh reference (alignment_scoring.h) with
// traceback. It defines the scores the vector kernels must reproduce, and gives the passage
// boundaries once a kernel has found a pair worth reading: the best-scoring cell (the first one
// in row-major order when several tie) and the start the traceback reaches.
//
// Pure; O(|a|·|b|) time and memory (O(|a|·band) banded) (a traceback needs the whole matrix:
// callers align windows of a few hundred words, not whole documents).
#ifndef TREATYWATCH_REUSE_LOCAL_ALIGNMENT_H_
#define TREATYWATCH_REUSE_LOCAL_ALIGNMENT_H_

#include <cstdint>
#include <span>

namespace tw::reuse {

struct AlignedSpan {
  std::int32_t score = 0;
  // Token ranges [begin, end) of the best local alignment; empty (0, 0) when the score is 0.
  std::int32_t a_begin = 0;
  std::int32_t a_end = 0;
  std::int32_t b_begin = 0;
  std::int32_t b_end = 0;
  std::int32_t matches = 0;  // aligned pairs of equal tokens
};

// The best local alignment's score only, in O(|b|) memory: what the kernels compute.
std::int32_t LocalAlignmentScore(std::span<const std::uint32_t> a,
                                 std::span<const std::uint32_t> b);

// The diagonals j - i (b's index minus a's) a banded alignment may use; the default is all.
struct DiagonalBand {
  std::int32_t lo = -(1 << 29);
  std::int32_t hi = 1 << 29;
};

// The best local alignment with its boundaries, among the alignments inside `band`: a window
// whose seeds lie along a few diagonals is read in a band around them, not cell by cell.
AlignedSpan AlignLocally(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                         DiagonalBand band = {});

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_LOCAL_ALIGNMENT_H_
