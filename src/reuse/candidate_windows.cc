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

int DocumentFrequencyBand(const WindowOptions& options, std::size_t sources) {
  return std::max(options.max_document_frequency_floor,
                  static_cast<int>(std::ceil(options.max_document_frequency_share *
                                             static_cast<double>(sources))));
}

SeedIndex::SeedIndex(const std::vector<const WordSequence*>& sources, const WindowOptions& options)
    : sources_(sources), options_(options) {
  // Every 5-gram of every source, sorted by hash, then source, then position: each hash's
  // postings are one run, and within it each source's are one group, so both filters are
  // counts over consecutive entries. (A hash map of vectors, one allocation per distinct
  // 5-gram, made building the index the largest cost of tracing against a large corpus.)
  struct Entry {
    std::uint64_t hash;
    Posting posting;
  };
  std::vector<Entry> entries;
  std::size_t total = 0;
  for (const WordSequence* words : sources_) {
    if (words->size() >= static_cast<std::size_t>(kSeedWords)) total += words->size() - 4;
  }
  entries.reserve(total);
  for (std::size_t s = 0; s < sources_.size(); ++s) {
    const std::vector<std::uint32_t>& ids = sources_[s]->ids;
    if (ids.size() < static_cast<std::size_t>(kSeedWords)) continue;
    for (std::size_t at = 0; at + kSeedWords <= ids.size(); ++at) {
      entries.push_back(
          {NgramHash(ids, at), {static_cast<std::int32_t>(s), static_cast<std::int32_t>(at)}});
    }
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
    return std::tuple(x.hash, x.posting.source, x.posting.position) <
           std::tuple(y.hash, y.posting.source, y.posting.position);
  });
  const int band = DocumentFrequencyBand(options_, sources_.size());
  const auto same_source = [&](std::size_t x, std::size_t y) {
    return entries[x].hash == entries[y].hash &&
           entries[x].posting.source == entries[y].posting.source;
  };
  // A 5-gram a source repeats is that source's boilerplate: its group is dropped, and the
  // document frequency counts the sources whose group is kept.
  const auto kept = [&](std::size_t group, std::size_t group_end) {
    return group_end - group <= static_cast<std::size_t>(options_.max_occurrences_in_document);
  };
  for (std::size_t run = 0; run < entries.size();) {
    std::size_t run_end = run;
    while (run_end < entries.size() && entries[run_end].hash == entries[run].hash) ++run_end;
    int documents = 0;
    for (std::size_t group = run, group_end = run; group < run_end; group = group_end) {
      while (group_end < run_end && same_source(group, group_end)) ++group_end;
      documents += kept(group, group_end) ? 1 : 0;
    }
    if (documents > 0 && documents <= band) {
      runs_.emplace(entries[run].hash, static_cast<std::uint32_t>(starts_.size()));
      starts_.push_back(static_cast<std::uint32_t>(postings_.size()));
      for (std::size_t group = run, group_end = run; group < run_end; group = group_end) {
        while (group_end < run_end && same_source(group, group_end)) ++group_end;
        if (!kept(group, group_end)) continue;
        for (std::size_t k = group; k < group_end; ++k) postings_.push_back(entries[k].posting);
      }
    }
    run = run_end;
  }
  starts_.push_back(static_cast<std::uint32_t>(postings_.size()));
}

std::span<const SeedIndex::Posting> SeedIndex::Find(std::uint64_t hash) const {
  const auto found = runs_.find(hash);
  if (found == runs_.end()) return {};
  const std::uint32_t k = found->second;
  return {postings_.data() + starts_[k], starts_[k + 1] - starts_[k]};
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
      for (const Posting& posting : Find(NgramHash(draft.ids, at))) {
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
      std::int32_t diagonal_min, diagonal_max;
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
      window.has_diagonals = true;
      window.diagonal_min = chain.diagonal_min;
      window.diagonal_max = chain.diagonal_max;
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
        joined->diagonal_min = std::min(joined->diagonal_min, diagonal);
        joined->diagonal_max = std::max(joined->diagonal_max, diagonal);
      } else {
        open.push_back({seed, seed, seed.source, seed.source, 1, diagonal, diagonal});
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
