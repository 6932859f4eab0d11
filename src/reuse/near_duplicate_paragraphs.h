// The second source of candidate windows: paragraphs of the draft that are near-duplicates of a
// paragraph of a source, found with MinHash signatures and locality-sensitive hashing.
//
// The 5-gram seeds (candidate_windows.h) need five words in a row left untouched. A Chair who
// rewords a proposal's paragraph densely (every third or fourth word changed, clauses swapped)
// leaves few or none, yet the two paragraphs still share most of their word pairs. MinHash
// estimates that share (the Jaccard similarity of the sets of word bigrams) from a short
// signature, and LSH finds the pairs of paragraphs whose signatures agree in some band without
// comparing every draft paragraph with every source paragraph. The pairs found are checked on
// the whole signature before they become windows, so a chance agreement in one band costs
// nothing downstream.
//
// Thread-compatible.
#ifndef TREATYWATCH_REUSE_NEAR_DUPLICATE_PARAGRAPHS_H_
#define TREATYWATCH_REUSE_NEAR_DUPLICATE_PARAGRAPHS_H_

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "reuse/candidate_windows.h"
#include "reuse/word_sequence.h"

namespace tw::reuse {

// Signature length and banding: 64 bands of 2 values find a pair whose bigram sets are 1/4
// alike (a paragraph with a third of its words reworded) with probability 0.98, and one that is
// 1/10 alike (two unrelated articles sharing treaty formulae) with 0.47, which the check on the
// whole signature then drops. (With 32 bands, near_duplicate_paragraphs_test's paragraph,
// every fourth word reworded and joined with a short line, was missed.)
inline constexpr int kMinHashValues = 128;
inline constexpr int kLshRows = 2;
inline constexpr int kLshBands = kMinHashValues / kLshRows;

struct ParagraphOptions {
  // Shorter pieces (a point "(a) Depicts ...;" on its own line) are joined with the next one;
  // longer ones are cut, so one paragraph stays a window the kernel takes.
  int min_words = 20;
  int max_words = 300;
  // Estimated Jaccard similarity of the bigram sets (equal signature values / kMinHashValues)
  // from which a pair becomes a window.
  double min_similarity = 0.2;
  // From this estimated similarity two paragraphs are copies of one text, when deciding which
  // paragraphs are formulae.
  double copy_similarity = 0.5;
  // Words added around the source paragraph: a reworded copy may begin a line early or late.
  int margin = 10;
};

struct ParagraphSpan {
  std::int32_t begin = 0;  // word range
  std::int32_t end = 0;
};

// The paragraphs of `words` (a line of `text` is a paragraph, joined and cut to the options'
// bounds), never crossing from one unit to the next when `units` (per word) is given.
std::vector<ParagraphSpan> SplitParagraphs(const WordSequence& words, std::string_view text,
                                           const ParagraphOptions& options,
                                           const std::vector<std::int32_t>& units = {});

using MinHashSignature = std::array<std::uint32_t, kMinHashValues>;

// The signature of the word bigrams of words[span).
MinHashSignature SignatureOf(const WordSequence& words, ParagraphSpan span);

// Estimated Jaccard similarity of two signatures' sets.
double EstimatedSimilarity(const MinHashSignature& a, const MinHashSignature& b);

class ParagraphLsh {
 public:
  // `texts[k]` is the stored text `sources[k]` was read from. A paragraph a source repeats, or
  // one found in more sources than the band allows, is a formula and never a candidate: the
  // same rules, and the same thresholds, as for 5-gram seeds.
  ParagraphLsh(const std::vector<const WordSequence*>& sources,
               const std::vector<std::string_view>& texts, const ParagraphOptions& options,
               const WindowOptions& formulae);

  // A window for each pair of a draft paragraph and a near-duplicate source paragraph, by
  // source then draft position. `draft_units` as in SeedIndex::Windows.
  std::vector<CandidateWindow> Windows(const WordSequence& draft, std::string_view draft_text,
                                       const std::vector<std::int32_t>& draft_units = {}) const;

 private:
  struct IndexedParagraph {
    std::int32_t source;
    ParagraphSpan span;
    MinHashSignature signature;
    bool formula = false;
    bool shares_a_bucket = false;
  };
  void MarkFormulae(const WindowOptions& formulae);
  template <typename Visit>
  void ForEachCandidate(const MinHashSignature& signature, std::vector<std::int32_t>& scratch,
                        Visit visit) const;

  std::vector<const WordSequence*> sources_;
  ParagraphOptions options_;
  std::vector<IndexedParagraph> paragraphs_;
  // A band value (band number mixed in) → its bucket's number k; the bucket's paragraphs are
  // bucket_paragraphs_[bucket_starts_[k], bucket_starts_[k + 1]).
  absl::flat_hash_map<std::uint64_t, std::uint32_t> buckets_;
  std::vector<std::uint32_t> bucket_starts_;
  std::vector<std::int32_t> bucket_paragraphs_;
};

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_NEAR_DUPLICATE_PARAGRAPHS_H_
