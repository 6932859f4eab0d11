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

AlignedSpan AlignLocally(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  const std::size_t width = m + 1;
  std::vector<std::int32_t> h((n + 1) * width, 0);
  std::vector<std::int32_t> e((n + 1) * width, kMinusInfinity);
  std::vector<std::int32_t> f((n + 1) * width, kMinusInfinity);
  AlignedSpan best;
  std::size_t best_i = 0;
  std::size_t best_j = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t at = i * width + j;
      e[at] = std::max(e[at - 1] - kGapExtend, h[at - 1] - kGapOpen);
      f[at] = std::max(f[at - width] - kGapExtend, h[at - width] - kGapOpen);
      h[at] = std::max({0, h[at - width - 1] + Substitution(a[i - 1], b[j - 1]), e[at], f[at]});
      if (h[at] > best.score) {  // strictly: the first best cell in row-major order
        best.score = h[at];
        best_i = i;
        best_j = j;
      }
    }
  }
  if (best.score == 0) return best;

  // Traceback: prefer the diagonal, then a gap in b, then a gap in a, so ties resolve the same
  // way every time.
  enum class State { kH, kE, kF };
  State state = State::kH;
  std::size_t i = best_i;
  std::size_t j = best_j;
  while (i > 0 && j > 0) {
    const std::size_t at = i * width + j;
    if (state == State::kH) {
      if (h[at] == 0) break;
      if (h[at] == h[at - width - 1] + Substitution(a[i - 1], b[j - 1])) {
        if (a[i - 1] == b[j - 1]) ++best.matches;
        --i;
        --j;
      } else if (h[at] == e[at]) {
        state = State::kE;
      } else {
        state = State::kF;
      }
    } else if (state == State::kE) {
      state = e[at] == h[at - 1] - kGapOpen ? State::kH : State::kE;
      --j;
    } else {
      state = f[at] == h[at - width] - kGapOpen ? State::kH : State::kF;
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
