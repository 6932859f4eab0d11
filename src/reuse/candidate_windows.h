// Candidate generation: which stretches of a draft and of a source are worth aligning. Aligning
// a 20,000-word draft against a million-word corpus cell by cell would take minutes; instead the
// sources' word 5-grams are hashed into an index, the draft's 5-grams are looked up in it, and
// each run of shared 5-grams (seeds) along roughly one diagonal of the draft × source plane
// becomes a window pair, widened by a margin so rewording at the edges stays inside.
//
// Not every shared 5-gram is evidence of reuse. Two kinds are dropped from the index:
//   * 5-grams repeated within one document (a treaty repeats "Each State Party shall adopt such
//     legislative and other measures as may be necessary" in every criminalisation article);
//   * 5-grams found in more documents than the band allows (formulae every instrument has).
//
// Thread-compatible.
#ifndef TREATYWATCH_REUSE_CANDIDATE_WINDOWS_H_
#define TREATYWATCH_REUSE_CANDIDATE_WINDOWS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "reuse/word_sequence.h"

namespace tw::reuse {

inline constexpr int kSeedWords = 5;

struct WindowOptions {
  // A 5-gram found in more sources than this is a formula, not evidence: max(floor, share × N).
  int max_document_frequency_floor = 8;
  double max_document_frequency_share = 0.5;
  // A 5-gram occurring more often than this within one source is that source's boilerplate.
  int max_occurrences_in_document = 2;
  // Seeds further apart than this along the draft, or whose diagonals differ by more than this,
  // start a new window.
  int max_seed_gap = 40;
  int max_diagonal_drift = 30;
  // Words added around a run of seeds on each side, in both texts.
  int margin = 25;
};

// How many of `sources` documents may hold a piece of text before it counts as a formula:
// max(floor, share × sources). Seeds and near-duplicate paragraphs use the same band.
int DocumentFrequencyBand(const WindowOptions& options, std::size_t sources);

struct CandidateWindow {
  int source = 0;                               // index into the sources given to the index
  std::int32_t draft_begin = 0, draft_end = 0;  // word ranges
  std::int32_t source_begin = 0, source_end = 0;
  int seeds = 0;
  // The diagonals (source word - draft word) the seeds lie on, when the window has seeds (a
  // window of near-duplicate paragraphs has none): the passage lies near them.
  bool has_diagonals = false;
  std::int32_t diagonal_min = 0, diagonal_max = 0;
};

class SeedIndex {
 public:
  SeedIndex(const std::vector<const WordSequence*>& sources, const WindowOptions& options);

  // Windows of `draft` against every indexed source, by source then draft position.
  // `draft_units`, when not empty, gives each draft word's unit (its article, or the preamble):
  // a window never crosses from one unit into another, so every passage lies in one provision.
  std::vector<CandidateWindow> Windows(const WordSequence& draft,
                                       const std::vector<std::int32_t>& draft_units = {}) const;

 private:
  struct Posting {
    std::int32_t source;
    std::int32_t position;
  };
  // The postings of `hash`, in source then position order; empty when it is not indexed.
  std::span<const Posting> Find(std::uint64_t hash) const;

  std::vector<const WordSequence*> sources_;
  WindowOptions options_;
  // A kept 5-gram's hash → its number k; its postings are postings_[starts_[k], starts_[k + 1]).
  // One flat map of numbers and one array of postings: no allocation per 5-gram.
  absl::flat_hash_map<std::uint64_t, std::uint32_t> runs_;
  std::vector<std::uint32_t> starts_;
  std::vector<Posting> postings_;
};

// The hash of the kSeedWords words starting at `at`.
std::uint64_t NgramHash(const std::vector<std::uint32_t>& ids, std::size_t at);

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_CANDIDATE_WINDOWS_H_
