// The vector kernels give the scalar reference's scores, lane for lane, whatever the lengths,
// the batch sizes and the padding.
#include "reuse/alignment_kernel.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "reuse/alignment_scoring.h"
#include "reuse/local_alignment.h"

namespace tw::reuse {
namespace {

using Ids = std::vector<std::uint32_t>;

// A source text and a reworded copy of a stretch of it: what the kernels see in practice.
struct PairData {
  Ids a;
  Ids b;
};

// `id_stride` spreads each pair's ids apart: 0 keeps every id small (the kernels use them as
// they are), 100,000 makes them too large for 16 bits but dense (renumbered through a table),
// 1,000,000 sparse (renumbered through a hash map).
std::vector<PairData> MakePairs(int count, std::uint32_t seed, std::uint32_t id_stride) {
  std::mt19937 random(seed);
  std::vector<PairData> pairs;
  for (int k = 0; k < count; ++k) {
    const int a_length = std::uniform_int_distribution<int>(0, 300)(random);
    const int b_length = std::uniform_int_distribution<int>(0, 300)(random);
    // A small vocabulary makes chance matches, ties and gaps frequent.
    const std::uint32_t vocabulary = 1 + (random() % 40);
    PairData pair;
    for (int i = 0; i < a_length; ++i) pair.a.push_back(random() % vocabulary + id_stride * k);
    for (int j = 0; j < b_length; ++j) {
      const bool copy = !pair.a.empty() && random() % 3 != 0;
      pair.b.push_back(copy ? pair.a[random() % pair.a.size()]
                            : static_cast<std::uint32_t>(random() % vocabulary));
    }
    // And one long verbatim stretch in most pairs.
    if (pair.a.size() > 40 && k % 4 != 0) {
      pair.b.insert(pair.b.begin() + static_cast<long>(pair.b.size() / 2), pair.a.begin() + 10,
                    pair.a.begin() + 40);
    }
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

std::vector<AlignmentPair> Views(const std::vector<PairData>& data) {
  std::vector<AlignmentPair> views;
  for (const PairData& pair : data) views.push_back({pair.a, pair.b});
  return views;
}

class KernelTest : public ::testing::TestWithParam<KernelIsa> {};

TEST_P(KernelTest, ScoresAreTheScalarReferenceScores) {
  if (!CpuSupports(GetParam())) {
    GTEST_SKIP() << "this CPU has no " << KernelIsaName(GetParam());
  }
  for (std::uint32_t id_stride : {0u, 100000u, 1000000u}) {
    SCOPED_TRACE(::testing::Message() << "ids " << id_stride << " apart");
    // 101 pairs: batches that are full, and a last one that is not.
    const std::vector<PairData> data = MakePairs(101, 7 + id_stride, id_stride);
    const std::vector<AlignmentPair> pairs = Views(data);
    const std::vector<std::int32_t> scores = ScorePairs(pairs, GetParam());
    ASSERT_EQ(scores.size(), pairs.size());
    int nonzero = 0;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      const std::int32_t expected = LocalAlignmentScore(pairs[k].a, pairs[k].b);
      EXPECT_EQ(scores[k], expected)
          << "pair " << k << " (" << pairs[k].a.size() << " × " << pairs[k].b.size() << ")";
      EXPECT_EQ(AlignLocally(pairs[k].a, pairs[k].b).score, expected) << "pair " << k;
      nonzero += expected > 0;
    }
    EXPECT_GT(nonzero, 80);  // the test exercises real alignments, not empty ones
  }
}

TEST_P(KernelTest, AlonePairsAndEmptyInputs) {
  if (!CpuSupports(GetParam())) GTEST_SKIP();
  const Ids a{5, 6, 7, 8};
  const Ids b{1, 5, 6, 7, 8, 2};
  const Ids empty;
  const std::vector<AlignmentPair> pairs = {{a, b}, {empty, b}, {a, empty}};
  EXPECT_EQ(ScorePairs(pairs, GetParam()), (std::vector<std::int32_t>{4 * kMatch, 0, 0}));
  EXPECT_TRUE(ScorePairs({}, GetParam()).empty());
}

TEST_P(KernelTest, TheLongestPairTheLanesHoldDoesNotOverflow) {
  if (!CpuSupports(GetParam())) GTEST_SKIP();
  Ids a(kMaxKernelTokens);
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = static_cast<std::uint32_t>(i);
  const Ids longer(kMaxKernelTokens + 5, 3);  // scored by the scalar path
  const std::vector<AlignmentPair> pairs = {{a, a}, {longer, a}};
  EXPECT_EQ(ScorePairs(pairs, GetParam()),
            (std::vector<std::int32_t>{kMatch * kMaxKernelTokens, kMatch}));
}

INSTANTIATE_TEST_SUITE_P(Isas, KernelTest,
                         ::testing::Values(KernelIsa::kScalar, KernelIsa::kAvx2,
                                           KernelIsa::kAvx512),
                         [](const auto& info) { return std::string(KernelIsaName(info.param)); });

}  // namespace
}  // namespace tw::reuse
