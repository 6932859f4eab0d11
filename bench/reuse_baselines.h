// The two baselines `treatywatch trace` is measured against (issue 8), both answering in the
// engine's own terms (a ReuseTrace) so one scorer reads all three:
//
//   * LidBaseline follows the Legislative Influence Detector (Burgess et al., KDD 2016): the
//     sources' paragraphs in a full-text index (SQLite FTS5 here, Elasticsearch there); for each
//     paragraph of the draft a more-like-this query (its 25 rarest words, OR-ed, ranked by BM25)
//     gives the top 100 source paragraphs, and each is aligned with scalar Smith-Waterman, match
//     +3, mismatch -1, linear gap -2; the best local alignment of a pair is a passage when it
//     holds enough matched words.
//   * ExhaustiveBaseline aligns every draft paragraph with every source paragraph with the
//     engine's scalar Smith-Waterman-Gotoh (no candidate generation, no vector unit): what the
//     candidate windows and the kernels must not lose.
//
// Both index the sources once and then trace drafts one by one, as the engine's ReuseIndex
// does, so a benchmark times the same work for all three. Benchmark code, not the product.
#ifndef TREATYWATCH_BENCH_REUSE_BASELINES_H_
#define TREATYWATCH_BENCH_REUSE_BASELINES_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "compare/word_tokens.h"
#include "doc/document.h"
#include "reuse/near_duplicate_paragraphs.h"
#include "reuse/reuse_trace.h"
#include "reuse/word_sequence.h"

namespace tw::bench {

// The sources' words and paragraphs, read once (as the engine's ReuseIndex reads them), shared
// by both baselines.
class SourceParagraphs {
 public:
  explicit SourceParagraphs(const std::vector<const doc::Document*>& sources);

  struct Paragraph {
    int source;
    reuse::ParagraphSpan span;
  };
  struct Draft {
    reuse::WordSequence words;
    std::vector<reuse::ParagraphSpan> paragraphs;
  };
  Draft Read(const doc::Document& draft);  // adds the draft's new words to the token table

  const std::vector<const doc::Document*>& sources() const { return sources_; }
  const std::vector<reuse::WordSequence>& words() const { return words_; }
  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }

 private:
  std::vector<const doc::Document*> sources_;
  compare::TokenTable table_;
  std::vector<reuse::WordSequence> words_;
  std::vector<Paragraph> paragraphs_;
};

// The sources' paragraphs in an FTS5 index, built once; Trace queries it per draft paragraph.
class LidBaseline {
 public:
  explicit LidBaseline(const std::vector<const doc::Document*>& sources, int min_words = 8);
  ~LidBaseline();
  LidBaseline(const LidBaseline&) = delete;
  LidBaseline& operator=(const LidBaseline&) = delete;

  reuse::ReuseTrace Trace(const doc::Document& draft);

 private:
  class FullTextIndex;
  SourceParagraphs sources_;
  int min_words_;
  std::unique_ptr<FullTextIndex> index_;
  absl::flat_hash_map<std::uint32_t, int> paragraphs_with_;  // a word's document frequency
};

class ExhaustiveBaseline {
 public:
  explicit ExhaustiveBaseline(const std::vector<const doc::Document*>& sources, int min_words = 8)
      : sources_(sources), min_words_(min_words) {}

  reuse::ReuseTrace Trace(const doc::Document& draft);

 private:
  SourceParagraphs sources_;
  int min_words_;
};

}  // namespace tw::bench

#endif  // TREATYWATCH_BENCH_REUSE_BASELINES_H_
