#include "reuse/alignment_kernel.h"

#include <algorithm>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "reuse/alignment_scoring.h"
#include "reuse/local_alignment.h"

namespace tw::reuse {

using kernel_detail::Batch;

std::string_view KernelIsaName(KernelIsa isa) {
  switch (isa) {
    case KernelIsa::kAvx512:
      return "avx512bw";
    case KernelIsa::kAvx2:
      return "avx2";
    case KernelIsa::kScalar:
      break;
  }
  return "scalar";
}

bool CpuSupports(KernelIsa isa) {
  switch (isa) {
    case KernelIsa::kAvx512:
      return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512f");
    case KernelIsa::kAvx2:
      return __builtin_cpu_supports("avx2");
    case KernelIsa::kScalar:
      break;
  }
  return true;
}

KernelIsa BestKernelIsa() {
  static const KernelIsa best = CpuSupports(KernelIsa::kAvx512) ? KernelIsa::kAvx512
                                : CpuSupports(KernelIsa::kAvx2) ? KernelIsa::kAvx2
                                                                : KernelIsa::kScalar;
  return best;
}

namespace {

int LanesOf(KernelIsa isa) { return isa == KernelIsa::kAvx512 ? 32 : 16; }

bool FitsKernel(const AlignmentPair& pair) {
  return pair.a.size() <= static_cast<std::size_t>(kMaxKernelTokens) &&
         pair.b.size() <= static_cast<std::size_t>(kMaxKernelTokens);
}

// Token ids as 16-bit lane values. Only equality within a pair matters to a score, so when
// every id of the call already fits below the padding values they are used as they are (dense
// ids from a TokenTable usually do); otherwise each pair's ids are renumbered 0, 1, 2, … in
// order of appearance (a pair has at most 2 × kMaxKernelTokens distinct ids), through a table
// indexed by id when ids are dense enough, else through a hash map.
class LaneIds {
 public:
  explicit LaneIds(std::uint32_t max_id) : max_id_(max_id) {
    if (!Direct() && max_id_ < kTableLimit) {
      stamp_.assign(std::size_t(max_id_) + 1, 0);
      local_.resize(std::size_t(max_id_) + 1);
    }
  }

  void StartPair() {
    ++pair_;
    next_ = 0;
    map_.clear();
  }

  std::uint16_t Of(std::uint32_t id) {
    if (Direct()) return static_cast<std::uint16_t>(id);
    if (!stamp_.empty()) {
      if (stamp_[id] != pair_) {
        stamp_[id] = pair_;
        local_[id] = next_++;
      }
      return local_[id];
    }
    auto [it, inserted] = map_.try_emplace(id, next_);
    if (inserted) ++next_;
    return it->second;
  }

 private:
  static constexpr std::uint32_t kTableLimit = 1u << 24;
  bool Direct() const { return max_id_ < kernel_detail::kPadB; }

  std::uint32_t max_id_;
  std::uint32_t pair_ = 0;
  std::uint16_t next_ = 0;
  std::vector<std::uint32_t> stamp_;
  std::vector<std::uint16_t> local_;
  absl::flat_hash_map<std::uint32_t, std::uint16_t> map_;
};

// Lays the member pairs out in lanes; unused lanes stay all padding (score 0).
Batch MakeBatch(std::span<const AlignmentPair> pairs, std::span<const std::size_t> members,
                int lanes, LaneIds& ids) {
  Batch batch;
  batch.lanes = lanes;
  for (std::size_t k : members) {
    batch.a_length = std::max(batch.a_length, static_cast<int>(pairs[k].a.size()));
    batch.b_length = std::max(batch.b_length, static_cast<int>(pairs[k].b.size()));
  }
  batch.a.assign(std::size_t(batch.a_length) * lanes, kernel_detail::kPadA);
  batch.b.assign(std::size_t(batch.b_length) * lanes, kernel_detail::kPadB);
  for (std::size_t lane = 0; lane < members.size(); ++lane) {
    const AlignmentPair& pair = pairs[members[lane]];
    ids.StartPair();
    for (std::size_t i = 0; i < pair.a.size(); ++i) batch.a[i * lanes + lane] = ids.Of(pair.a[i]);
    for (std::size_t j = 0; j < pair.b.size(); ++j) batch.b[j * lanes + lane] = ids.Of(pair.b[j]);
  }
  return batch;
}

}  // namespace

std::vector<std::int32_t> ScorePairs(std::span<const AlignmentPair> pairs, KernelIsa isa) {
  std::vector<std::int32_t> scores(pairs.size(), 0);
  std::vector<std::size_t> vector_pairs;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    if (isa != KernelIsa::kScalar && FitsKernel(pairs[k])) {
      vector_pairs.push_back(k);
    } else {
      scores[k] = LocalAlignmentScore(pairs[k].a, pairs[k].b);
    }
  }
  if (vector_pairs.empty()) return scores;
  // A batch costs its longest a times its longest b in every lane, so pairs of like lengths
  // share one: sorted by the length of a, then, within runs of eight batches (whose a differ
  // little), by the length of b.
  const int lanes = LanesOf(isa);
  auto by_length = [&](auto length) {
    return [&pairs, length](std::size_t x, std::size_t y) {
      return std::pair(length(pairs[x]), x) < std::pair(length(pairs[y]), y);
    };
  };
  std::sort(vector_pairs.begin(), vector_pairs.end(),
            by_length([](const AlignmentPair& pair) { return pair.a.size(); }));
  const std::size_t run = std::size_t(lanes) * 8;
  for (std::size_t first = 0; first < vector_pairs.size(); first += run) {
    const auto end = vector_pairs.begin() + std::min(vector_pairs.size(), first + run);
    std::sort(vector_pairs.begin() + first, end,
              by_length([](const AlignmentPair& pair) { return pair.b.size(); }));
  }
  std::uint32_t max_id = 0;
  for (std::size_t k : vector_pairs) {
    for (std::uint32_t id : pairs[k].a) max_id = std::max(max_id, id);
    for (std::uint32_t id : pairs[k].b) max_id = std::max(max_id, id);
  }
  LaneIds ids(max_id);
  std::vector<std::int16_t> lane_scores(lanes);
  for (std::size_t first = 0; first < vector_pairs.size(); first += lanes) {
    const std::size_t count = std::min<std::size_t>(lanes, vector_pairs.size() - first);
    const std::span<const std::size_t> members(vector_pairs.data() + first, count);
    const Batch batch = MakeBatch(pairs, members, lanes, ids);
    if (isa == KernelIsa::kAvx512) {
      kernel_detail::ScoreBatchAvx512(batch, lane_scores.data());
    } else {
      kernel_detail::ScoreBatchAvx2(batch, lane_scores.data());
    }
    for (std::size_t lane = 0; lane < count; ++lane) scores[members[lane]] = lane_scores[lane];
  }
  return scores;
}

}  // namespace tw::reuse
