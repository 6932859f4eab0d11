// TraceReuse: where the words of a draft came from. For every passage of the draft that is
// reused, verbatim or reworded, from one of the sources (earlier drafts, proposals, other
// instruments), the passage's exact place in both texts, its size and similarity, and, when
// several sources share it, every one of them with the passage attributed to the earliest.
//
// The pipeline: words (word_sequence.h) → candidate windows from shared rare 5-grams
// (candidate_windows.h) and from near-duplicate paragraphs (near_duplicate_paragraphs.h) → every
// window scored at once on the vector unit (alignment_kernel.h)
// → the windows that score enough aligned with traceback for passage boundaries, and the rest
// of each window searched again for a second passage (local_alignment.h) → passages of one
// source that touch merged, so one reused passage is reported once → attribution.
//
// Thread-compatible; pure.
#ifndef TREATYWATCH_REUSE_REUSE_TRACE_H_
#define TREATYWATCH_REUSE_REUSE_TRACE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "compare/word_tokens.h"
#include "doc/document.h"
#include "reuse/alignment_kernel.h"
#include "reuse/candidate_windows.h"
#include "reuse/near_duplicate_paragraphs.h"

namespace tw::reuse {

struct TraceOptions {
  int min_words = 8;  // shorter shared stretches are coincidence, not reuse
  WindowOptions windows;
  ParagraphOptions paragraphs;
  bool near_duplicate_paragraphs = true;  // false: 5-gram seeds alone
  KernelIsa isa = BestKernelIsa();
};

// One source's copy of a draft passage. Offsets are bytes of the document's stored text.
struct PassageSource {
  int source = 0;    // index into the sources given to TraceReuse
  std::string path;  // the deepest provision holding the start; "" before the first one
  std::size_t start = 0;
  std::size_t end = 0;
  int words = 0;          // words of the source in the passage
  int matched_words = 0;  // aligned words equal in both texts
  double similarity = 0;  // matched words / the longer side's words
};

struct ReusePassage {
  std::string draft_unit_path;  // the article (or preamble, annex provision) holding it
  std::string draft_path;       // the deepest provision holding its start
  std::size_t draft_start = 0;
  std::size_t draft_end = 0;
  int draft_words = 0;
  PassageSource attributed;  // the earliest source among the candidates
  // Every source sharing it (its best copy in each), the attributed one first.
  std::vector<PassageSource> candidates;
};

struct ReuseTrace {
  std::vector<ReusePassage> passages;  // in draft order
  int windows = 0;                     // candidate windows scored
  int near_duplicate_windows = 0;      // of those, from near-duplicate paragraphs alone
  int windows_aligned = 0;             // of those, aligned with traceback
  std::size_t draft_words = 0;
  std::size_t reused_words = 0;  // draft words inside some passage (each counted once)
  std::size_t source_words = 0;
};

// The sources read once: their words, the 5-gram seed index and the paragraph signatures, so
// that several drafts traced against one set of sources pay for it once.
//
// Thread-compatible: Trace adds the draft's new words to the index's token table.
class ReuseIndex {
 public:
  // `sources` must outlive the index.
  explicit ReuseIndex(const std::vector<const doc::Document*>& sources,
                      const TraceOptions& options = {});
  ~ReuseIndex();
  ReuseIndex(const ReuseIndex&) = delete;
  ReuseIndex& operator=(const ReuseIndex&) = delete;

  // A source identical to the draft is the caller's to leave out.
  ReuseTrace Trace(const doc::Document& draft);

  std::size_t source_words() const { return source_word_count_; }

 private:
  std::vector<const doc::Document*> sources_;
  TraceOptions options_;
  compare::TokenTable table_;
  std::vector<WordSequence> source_words_;  // the indexes below point into it
  std::size_t source_word_count_ = 0;
  std::unique_ptr<SeedIndex> seeds_;
  std::unique_ptr<ParagraphLsh> paragraphs_;  // null without near-duplicate paragraphs
};

// One draft against `sources`: a ReuseIndex built for the call.
ReuseTrace TraceReuse(const doc::Document& draft, const std::vector<const doc::Document*>& sources,
                      const TraceOptions& options = {});

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_REUSE_TRACE_H_
