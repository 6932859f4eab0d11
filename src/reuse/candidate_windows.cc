#include "reuse/candidate_windows.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <tuple>

namespace tw::reuse {
namespace {

// A chain of seeds longer than this along the draft is cut: windows stay short enough for the
// kernel and the traceback's matrix, and the passages found in consecutive pieces are merged
// again afterwards (trace.h).
constexpr std::int32_t kMaxChainWords = 1500;

struct Seed {
  std::int32_t draft;
  std::int32_t source;
};

}  // namespace

std::uint64_t NgramHash(const std::vector<std::uint32_t>& ids, std::size_t at) {
  // FNV-1a over the ids, then a final mix: cheap, and collisions only cost an extra window.
  std::uint64_t hash = 1469598103934665603ull;
  for (int k = 0; k < kSeedWords; ++k) {
    hash = (hash ^ ids[at + k]) * 1099511628211ull;
  }
  hash ^= hash >> 29;
  hash *= 0xbf58476d1ce4e5b9ull;
  return hash ^ (hash >> 32);
}

SeedIndex::SeedIndex(const std::vector<const WordSequence*>& sources, const WindowOptions& options)
    : sources_(sources), options_(options) {
  absl::flat_hash_map<std::uint64_t, std::int32_t> in_document;
  for (std::size_t s = 0; s < sources_.size(); ++s) {
    const std::vector<std::uint32_t>& ids = sources_[s]->ids;
    if (ids.size() < static_cast<std::size_t>(kSeedWords)) continue;
    in_document.clear();
    const std::size_t last = ids.size() - kSeedWords;
    for (std::size_t at = 0; at <= last; ++at) ++in_document[NgramHash(ids, at)];
    for (std::size_t at = 0; at <= last; ++at) {
      const std::uint64_t hash = NgramHash(ids, at);
      if (in_document[hash] > options_.max_occurrences_in_document) continue;
      postings_[hash].push_back({static_cast<std::int32_t>(s), static_cast<std::int32_t>(at)});
    }
  }
  const int band = std::max(options_.max_document_frequency_floor,
                            static_cast<int>(std::ceil(options_.max_document_frequency_share *
                                                       static_cast<double>(sources_.size()))));
  for (auto it = postings_.begin(); it != postings_.end();) {
    int documents = 0;
    std::int32_t previous = -1;
    for (const Posting& posting : it->second) {  // postings are in source order
      if (posting.source != previous) ++documents;
      previous = posting.source;
    }
    if (documents > band) {
      postings_.erase(it++);
    } else {
      ++it;
    }
  }
}

std::vector<CandidateWindow> SeedIndex::Windows(
    const WordSequence& draft, const std::vector<std::int32_t>& draft_units) const {
  const std::int32_t draft_words = static_cast<std::int32_t>(draft.size());
  auto unit_of = [&](std::int32_t word) { return draft_units.empty() ? 0 : draft_units[word]; };
  // The word range [first, last + 1) of the unit holding each word.
  std::vector<std::int32_t> first_of_unit(draft.size());
  std::vector<std::int32_t> end_of_unit(draft.size());
  for (std::int32_t word = 0; word < draft_words; ++word) {
    const bool starts = word == 0 || unit_of(word - 1) != unit_of(word);
    first_of_unit[word] = starts ? word : first_of_unit[word - 1];
  }
  for (std::int32_t word = draft_words - 1; word >= 0; --word) {
    const bool ends = word + 1 == draft_words || unit_of(word + 1) != unit_of(word);
    end_of_unit[word] = ends ? word + 1 : end_of_unit[word + 1];
  }
  auto unit_begin = [&](std::int32_t word) { return first_of_unit[word]; };
  auto unit_end = [&](std::int32_t word) { return end_of_unit[word]; };
  std::vector<std::vector<Seed>> seeds(sources_.size());
  if (draft.size() >= static_cast<std::size_t>(kSeedWords)) {
    for (std::size_t at = 0; at + kSeedWords <= draft.size(); ++at) {
      const auto found = postings_.find(NgramHash(draft.ids, at));
      if (found == postings_.end()) continue;
      for (const Posting& posting : found->second) {
        seeds[posting.source].push_back({static_cast<std::int32_t>(at), posting.position});
      }
    }
  }
  std::vector<CandidateWindow> windows;
  for (std::size_t s = 0; s < sources_.size(); ++s) {
    std::vector<Seed>& list = seeds[s];
    if (list.empty()) continue;
    std::sort(list.begin(), list.end(), [](const Seed& x, const Seed& y) {
      return std::pair(x.draft, x.source) < std::pair(y.draft, y.source);
    });
    struct Chain {
      Seed first;
      Seed last;
      std::int32_t source_min, source_max;
      int seeds;
    };
    std::vector<Chain> open;
    auto close = [&](const Chain& chain) {
      const std::int32_t source_words = static_cast<std::int32_t>(sources_[s]->size());
      CandidateWindow window;
      window.source = static_cast<int>(s);
      window.draft_begin =
          std::max(unit_begin(chain.first.draft), chain.first.draft - options_.margin);
      window.draft_end =
          std::min(unit_end(chain.last.draft), chain.last.draft + kSeedWords + options_.margin);
      window.source_begin = std::max(0, chain.source_min - options_.margin);
      window.source_end = std::min(source_words, chain.source_max + kSeedWords + options_.margin);
      window.seeds = chain.seeds;
      windows.push_back(window);
    };
    for (const Seed& seed : list) {
      const std::int32_t diagonal = seed.source - seed.draft;
      Chain* joined = nullptr;
      for (Chain& chain : open) {
        if (seed.draft - chain.last.draft > options_.max_seed_gap) continue;
        if (std::abs(diagonal - (chain.last.source - chain.last.draft)) >
            options_.max_diagonal_drift) {
          continue;
        }
        if (seed.draft - chain.first.draft >= kMaxChainWords) continue;
        if (unit_of(seed.draft) != unit_of(chain.first.draft)) continue;
        joined = &chain;
        break;
      }
      if (joined != nullptr) {
        joined->last = seed;
        joined->source_min = std::min(joined->source_min, seed.source);
        joined->source_max = std::max(joined->source_max, seed.source);
        ++joined->seeds;
      } else {
        open.push_back({seed, seed, seed.source, seed.source, 1});
      }
      // Chains the draft has moved past for good.
      for (std::size_t k = 0; k < open.size();) {
        if (seed.draft - open[k].last.draft > options_.max_seed_gap) {
          close(open[k]);
          open[k] = open.back();
          open.pop_back();
        } else {
          ++k;
        }
      }
    }
    for (const Chain& chain : open) close(chain);
  }
  std::sort(windows.begin(), windows.end(), [](const CandidateWindow& x, const CandidateWindow& y) {
    return std::tuple(x.source, x.draft_begin, x.source_begin) <
           std::tuple(y.source, y.draft_begin, y.source_begin);
  });
  return windows;
}

}  // namespace tw::reuse
