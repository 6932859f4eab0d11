#include "reuse/local_alignment.h"

#include <algorithm>
#include <vector>

#include "reuse/alignment_scoring.h"

namespace tw::reuse {
namespace {

// Below any reachable score, and far enough from INT32_MIN that subtracting a penalty is safe.
constexpr std::int32_t kMinusInfinity = -(1 << 28);

std::int32_t Substitution(std::uint32_t x, std::uint32_t y) { return x == y ? kMatch : kMismatch; }

}  // namespace

std::int32_t LocalAlignmentScore(std::span<const std::uint32_t> a,
                                 std::span<const std::uint32_t> b) {
  const std::size_t m = b.size();
  std::vector<std::int32_t> h(m + 1, 0);
  std::vector<std::int32_t> f(m + 1, kMinusInfinity);
  std::int32_t best = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::int32_t diagonal = 0;  // H[i-1][0]
    std::int32_t left = 0;      // H[i][0]
    std::int32_t e = kMinusInfinity;
    for (std::size_t j = 1; j <= m; ++j) {
      e = std::max(e - kGapExtend, left - kGapOpen);
      f[j] = std::max(f[j] - kGapExtend, h[j] - kGapOpen);
      const std::int32_t cell = std::max({0, diagonal + Substitution(a[i - 1], b[j - 1]), e, f[j]});
      diagonal = h[j];
      h[j] = cell;
      left = cell;
      best = std::max(best, cell);
    }
  }
  return best;
}

AlignedSpan AlignLocally(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                         DiagonalBand band) {
  // The scores are kept for two rows only; the traceback reads one byte per cell saying where
  // each cell's three values came from (12 bytes a cell for three score matrices made the
  // traceback's memory traffic, not the arithmetic, the cost of reading a window).
  enum : std::uint8_t {
    kFromZero = 0,  // H: the alignment starts after this cell
    kFromDiagonal = 1,
    kFromE = 2,
    kFromF = 3,
    kHMask = 3,
    kEOpened = 4,  // E came from H of the cell to the left, not from extending E
    kFOpened = 8,  // F came from H of the cell above
  };
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  const std::size_t width = m + 1;
  // Reused across calls and never cleared as a whole: a fresh matrix per window cost a page
  // fault per page. Only cells inside the band are written; the traceback reads no other cell
  // but those just outside it, which are written kFromZero row by row below.
  thread_local std::vector<std::uint8_t> from;
  if (from.size() < (n + 1) * width) from.resize((n + 1) * width);
  std::vector<std::int32_t> h_above(width, 0);
  std::vector<std::int32_t> h_row(width, 0);
  std::vector<std::int32_t> f(width, kMinusInfinity);
  AlignedSpan best;
  std::size_t best_i = 0;
  std::size_t best_j = 0;
  const std::int64_t last_column = static_cast<std::int64_t>(m);
  for (std::size_t i = 1; i <= n; ++i) {
    const std::int64_t row = static_cast<std::int64_t>(i);
    const std::int64_t first = std::max<std::int64_t>(1, row + band.lo);
    const std::int64_t last = std::min<std::int64_t>(last_column, row + band.hi);
    if (first > last_column) break;  // the band has left the matrix: every later row is 0
    if (first > last) {              // not entered yet: the row is all 0
      std::fill_n(from.begin() + i * width, width, kFromZero);
      continue;
    }
    std::int32_t e = kMinusInfinity;
    // Cells outside the band are 0 (no alignment passes through them): the one left of it in
    // this row, and the one right of it in the row below, which the next row reads from above.
    h_row[first - 1] = 0;
    std::uint8_t* flags = from.data() + i * width;
    flags[first - 1] = kFromZero;
    if (last < last_column) flags[last + 1] = kFromZero;
    for (std::size_t j = static_cast<std::size_t>(first); j <= static_cast<std::size_t>(last);
         ++j) {
      std::uint8_t flag = 0;
      const std::int32_t e_open = h_row[j - 1] - kGapOpen;
      const std::int32_t e_extend = e - kGapExtend;
      e = std::max(e_extend, e_open);
      if (e == e_open) flag |= kEOpened;
      const std::int32_t f_open = h_above[j] - kGapOpen;
      const std::int32_t f_extend = f[j] - kGapExtend;
      f[j] = std::max(f_extend, f_open);
      if (f[j] == f_open) flag |= kFOpened;
      const std::int32_t diagonal = h_above[j - 1] + Substitution(a[i - 1], b[j - 1]);
      const std::int32_t cell = std::max({0, diagonal, e, f[j]});
      h_row[j] = cell;
      // The traceback's order of preference: diagonal, then a gap in b, then a gap in a.
      if (cell == 0) {
        flag |= kFromZero;
      } else if (cell == diagonal) {
        flag |= kFromDiagonal;
      } else if (cell == e) {
        flag |= kFromE;
      } else {
        flag |= kFromF;
      }
      flags[j] = flag;
      if (cell > best.score) {  // strictly: the first best cell in row-major order
        best.score = cell;
        best_i = i;
        best_j = j;
      }
    }
    if (last < last_column) {
      h_row[last + 1] = 0;
      f[last + 1] = kMinusInfinity;
    }
    std::swap(h_above, h_row);
  }
  if (best.score == 0) return best;

  enum class State { kH, kE, kF };
  State state = State::kH;
  std::size_t i = best_i;
  std::size_t j = best_j;
  while (i > 0 && j > 0) {
    const std::uint8_t flag = from[i * width + j];
    if (state == State::kH) {
      const int origin = flag & kHMask;
      if (origin == kFromZero) break;
      if (origin == kFromDiagonal) {
        if (a[i - 1] == b[j - 1]) ++best.matches;
        --i;
        --j;
      } else {
        state = origin == kFromE ? State::kE : State::kF;
      }
    } else if (state == State::kE) {
      state = (flag & kEOpened) != 0 ? State::kH : State::kE;
      --j;
    } else {
      state = (flag & kFOpened) != 0 ? State::kH : State::kF;
      --i;
    }
  }
  best.a_begin = static_cast<std::int32_t>(i);
  best.b_begin = static_cast<std::int32_t>(j);
  best.a_end = static_cast<std::int32_t>(best_i);
  best.b_end = static_cast<std::int32_t>(best_j);
  return best;
}

}  // namespace tw::reuse
