// TraceReuse: where the words of a draft came from. For every passage of the draft that is
// reused, verbatim or reworded, from one of the sources (earlier drafts, proposals, other
// instruments), the passage's exact place in both texts, its size and similarity, and, when
// several sources share it, every one of them with the passage attributed to the earliest.
//
// The pipeline: words (word_sequence.h) → candidate windows from shared rare 5-grams
// (candidate_windows.h) → every window scored at once on the vector unit (alignment_kernel.h)
// → the windows that score enough aligned with traceback for passage boundaries, and the rest
// of each window searched again for a second passage (local_alignment.h) → passages of one
// source that touch merged, so one reused passage is reported once → attribution.
//
// Thread-compatible; pure.
#ifndef TREATYWATCH_REUSE_REUSE_TRACE_H_
#define TREATYWATCH_REUSE_REUSE_TRACE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "doc/document.h"
#include "reuse/alignment_kernel.h"
#include "reuse/candidate_windows.h"

namespace tw::reuse {

struct TraceOptions {
  int min_words = 8;  // shorter shared stretches are coincidence, not reuse
  WindowOptions windows;
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
  int windows_aligned = 0;             // of those, aligned with traceback
  std::size_t draft_words = 0;
  std::size_t reused_words = 0;  // draft words inside some passage (each counted once)
  std::size_t source_words = 0;
};

// `sources` must outlive the call; a source identical to the draft is the caller's to leave out.
ReuseTrace TraceReuse(const doc::Document& draft, const std::vector<const doc::Document*>& sources,
                      const TraceOptions& options = {});

}  // namespace tw::reuse

#endif  // TREATYWATCH_REUSE_REUSE_TRACE_H_
