#include "reuse/reuse_trace.h"

#include <algorithm>
#include <memory>
#include <span>
#include <string_view>
#include <tuple>

#include "compare/word_tokens.h"
#include "reuse/alignment_scoring.h"
#include "reuse/draft_units.h"
#include "reuse/local_alignment.h"
#include "reuse/word_sequence.h"

namespace tw::reuse {
namespace {

// Passages of one source closer than this (in words, in both texts) are one passage.
constexpr std::int32_t kMergeGap = 8;
// Two sources' passages are the same draft passage when they share this much of the shorter.
constexpr double kSameDraftPassage = 0.5;
// Alignments with traceback per window at most: the best passage, then what is left around it.
constexpr int kMaxAlignmentsPerWindow = 8;
// A reworded copy often swaps clauses ("..., where X, if Y" → "..., if Y, where X"). Each side
// of the swap aligns on its own diagonal; two passages of one source that follow each other in
// the draft are still one passage when their places in the source are at most this far apart,
// in either order.
constexpr std::int32_t kMaxClauseSwap = 60;

struct Found {
  int source;
  std::int32_t draft_begin, draft_end;  // words
  std::int32_t source_begin, source_end;
  std::int32_t matches;
};

// The best passage of the window, then the best of each of the four regions left around it:
// before and after it in both texts, and crossed (before in the draft and after in the source,
// and the reverse), where a swapped clause lies; while they can still hold a passage.
// A window is read in a band this many diagonals wider, on each side, than its seeds' diagonals:
// words inserted or dropped before the first seed or after the last one move the passage's ends
// off them.
constexpr std::int32_t kBandSlack = 16;

// A region the kernel did not score (what is left around a passage) is scored first without
// traceback, in a fraction of the time and memory: most of them hold nothing.
void FindPassages(const WordSequence& draft, const WordSequence& source, int source_index,
                  std::int32_t d0, std::int32_t d1, std::int32_t s0, std::int32_t s1, int min_words,
                  bool scored, DiagonalBand band, int& budget, std::vector<Found>& out) {
  if (budget <= 0 || d1 - d0 < min_words || s1 - s0 < min_words) return;
  --budget;
  const std::span<const std::uint32_t> a(draft.ids.data() + d0, std::size_t(d1 - d0));
  const std::span<const std::uint32_t> b(source.ids.data() + s0, std::size_t(s1 - s0));
  if (!scored && LocalAlignmentScore(a, b) < WorthAligning(min_words)) return;
  const AlignedSpan span = AlignLocally(a, b, band);
  if (span.matches < min_words) return;
  out.push_back({source_index, d0 + span.a_begin, d0 + span.a_end, s0 + span.b_begin,
                 s0 + span.b_end, span.matches});
  const std::int32_t a_begin = d0 + span.a_begin, a_end = d0 + span.a_end;
  const std::int32_t b_begin = s0 + span.b_begin, b_end = s0 + span.b_end;
  FindPassages(draft, source, source_index, d0, a_begin, s0, b_begin, min_words, false, {}, budget,
               out);
  FindPassages(draft, source, source_index, a_end, d1, b_end, s1, min_words, false, {}, budget,
               out);
  FindPassages(draft, source, source_index, d0, a_begin, b_end, s1, min_words, false, {}, budget,
               out);
  FindPassages(draft, source, source_index, a_end, d1, s0, b_begin, min_words, false, {}, budget,
               out);
}

// Windows of one chain overlap, and one passage is found from several of them: passages of one
// source that overlap or nearly touch in both texts become one.
std::vector<Found> MergeBySource(std::vector<Found> found,
                                 const std::vector<std::int32_t>& unit_of) {
  std::sort(found.begin(), found.end(), [](const Found& x, const Found& y) {
    return std::tuple(x.source, x.draft_begin, x.source_begin) <
           std::tuple(y.source, y.draft_begin, y.source_begin);
  });
  std::vector<Found> merged;
  for (const Found& next : found) {
    if (!merged.empty()) {
      Found& last = merged.back();
      const bool same_source =
          last.source == next.source && unit_of[last.draft_begin] == unit_of[next.draft_begin];
      const bool near_in_draft = next.draft_begin <= last.draft_end + kMergeGap;
      const bool near_in_source = next.source_begin <= last.source_end + kMaxClauseSwap &&
                                  next.source_end + kMaxClauseSwap >= last.source_begin;
      if (same_source && near_in_draft && near_in_source) {
        // Matches of the part the two share are counted once, in proportion.
        const std::int32_t overlap =
            std::max(0, std::min(last.draft_end, next.draft_end) - next.draft_begin);
        const std::int32_t next_words = std::max(1, next.draft_end - next.draft_begin);
        last.matches += next.matches - next.matches * overlap / next_words;
        last.draft_end = std::max(last.draft_end, next.draft_end);
        last.source_begin = std::min(last.source_begin, next.source_begin);
        last.source_end = std::max(last.source_end, next.source_end);
        continue;
      }
    }
    merged.push_back(next);
  }
  return merged;
}

// Each draft word's unit number (index into `units` + 1; 0: in no unit) and the unit's path.
std::vector<std::int32_t> UnitOfWords(const doc::Document& draft, const WordSequence& words,
                                      std::vector<std::string>& unit_paths) {
  const std::vector<const doc::Provision*> units = DraftUnits(draft.root);
  unit_paths = {""};
  for (const doc::Provision* unit : units) unit_paths.push_back(unit->path);
  std::vector<std::int32_t> unit_of(words.size(), 0);
  std::size_t next = 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    while (next < units.size() && units[next]->end <= words.begin[k]) ++next;
    if (next < units.size() && units[next]->begin <= words.begin[k]) {
      unit_of[k] = static_cast<std::int32_t>(next + 1);
    }
  }
  return unit_of;
}

std::int32_t Overlap(const Found& x, const Found& y) {
  return std::max(0, std::min(x.draft_end, y.draft_end) - std::max(x.draft_begin, y.draft_begin));
}

// Appends the near-duplicate windows that the seed windows (sorted by source, then draft
// position) do not already hold, and returns how many: a paragraph of which a seed window of the
// same source holds half, against the same part of the source, is aligned there already.
int AddUncoveredWindows(const std::vector<CandidateWindow>& near_duplicates,
                        std::vector<CandidateWindow>& windows) {
  const std::size_t seeded = windows.size();
  auto by_source = [](const CandidateWindow& window, int source) { return window.source < source; };
  for (const CandidateWindow& candidate : near_duplicates) {
    const auto first =
        std::lower_bound(windows.begin(), windows.begin() + seeded, candidate.source, by_source);
    bool held = false;
    const std::int32_t half = (candidate.draft_end - candidate.draft_begin + 1) / 2;
    for (auto it = first; it != windows.begin() + seeded && it->source == candidate.source; ++it) {
      if (it->draft_begin >= candidate.draft_end) break;
      const std::int32_t shared = std::min(it->draft_end, candidate.draft_end) -
                                  std::max(it->draft_begin, candidate.draft_begin);
      held = shared >= half && it->source_begin < candidate.source_end &&
             it->source_end > candidate.source_begin;
      if (held) break;
    }
    if (!held) windows.push_back(candidate);
  }
  return static_cast<int>(windows.size() - seeded);
}

}  // namespace

ReuseIndex::ReuseIndex(const std::vector<const doc::Document*>& sources,
                       const TraceOptions& options)
    : sources_(sources), options_(options) {
  source_words_.reserve(sources_.size());
  for (const doc::Document* source : sources_) {
    source_words_.push_back(ReadWords(source->text, table_));
    source_word_count_ += source_words_.back().size();
  }
  std::vector<const WordSequence*> indexed;
  for (const WordSequence& words : source_words_) indexed.push_back(&words);
  seeds_ = std::make_unique<SeedIndex>(indexed, options_.windows);
  if (options_.near_duplicate_paragraphs) {
    std::vector<std::string_view> texts;
    for (const doc::Document* source : sources_) texts.push_back(source->text);
    paragraphs_ =
        std::make_unique<ParagraphLsh>(indexed, texts, options_.paragraphs, options_.windows);
  }
}

ReuseIndex::~ReuseIndex() = default;

ReuseTrace TraceReuse(const doc::Document& draft, const std::vector<const doc::Document*>& sources,
                      const TraceOptions& options) {
  ReuseIndex index(sources, options);
  return index.Trace(draft);
}

ReuseTrace ReuseIndex::Trace(const doc::Document& draft) {
  const std::vector<const doc::Document*>& sources = sources_;
  const std::vector<WordSequence>& source_words = source_words_;
  const TraceOptions& options = options_;
  ReuseTrace trace;
  const WordSequence draft_words = ReadWords(draft.text, table_);
  trace.draft_words = draft_words.size();
  trace.source_words = source_word_count_;

  std::vector<std::string> unit_paths;
  const std::vector<std::int32_t> unit_of = UnitOfWords(draft, draft_words, unit_paths);
  std::vector<CandidateWindow> windows = seeds_->Windows(draft_words, unit_of);
  if (paragraphs_ != nullptr) {
    trace.near_duplicate_windows =
        AddUncoveredWindows(paragraphs_->Windows(draft_words, draft.text, unit_of), windows);
  }
  trace.windows = static_cast<int>(windows.size());
  std::vector<AlignmentPair> pairs;
  pairs.reserve(windows.size());
  for (const CandidateWindow& window : windows) {
    const WordSequence& source = source_words[window.source];
    pairs.push_back({{draft_words.ids.data() + window.draft_begin,
                      std::size_t(window.draft_end - window.draft_begin)},
                     {source.ids.data() + window.source_begin,
                      std::size_t(window.source_end - window.source_begin)}});
  }
  const std::vector<std::int32_t> scores = ScorePairs(pairs, options.isa);

  std::vector<Found> found;
  for (std::size_t k = 0; k < windows.size(); ++k) {
    if (scores[k] < WorthAligning(options.min_words)) continue;
    ++trace.windows_aligned;
    const CandidateWindow& window = windows[k];
    int budget = kMaxAlignmentsPerWindow;
    DiagonalBand band;
    if (window.has_diagonals) {
      // In window coordinates: j - i = diagonal - (source_begin - draft_begin).
      const std::int32_t offset = window.source_begin - window.draft_begin;
      band = {window.diagonal_min - offset - kBandSlack, window.diagonal_max - offset + kBandSlack};
    }
    FindPassages(draft_words, source_words[window.source], window.source, window.draft_begin,
                 window.draft_end, window.source_begin, window.source_end, options.min_words, true,
                 band, budget, found);
  }
  found = MergeBySource(std::move(found), unit_of);

  // Attribution: the passages of different sources that are mostly the same draft words form a
  // group; the group's passage is attributed to its earliest source (an earlier draft beats a
  // later proposal repeating it), among the candidates that cover most of it.
  std::sort(found.begin(), found.end(), [](const Found& x, const Found& y) {
    return std::tuple(x.draft_begin, -x.draft_end, x.source) <
           std::tuple(y.draft_begin, -y.draft_end, y.source);
  });
  std::vector<bool> grouped(found.size(), false);
  auto date_of = [&](int source) {
    const std::string& date = sources[source]->meta.date;
    return date.empty() ? std::string("9999") : date;
  };
  auto describe = [&](const Found& f) {
    const WordSequence& words = source_words[f.source];
    PassageSource out;
    out.source = f.source;
    out.start = words.begin[f.source_begin];
    out.end = words.end[f.source_end - 1];
    out.path = DeepestProvisionAt(sources[f.source]->root, out.start).path;
    out.words = f.source_end - f.source_begin;
    out.matched_words = f.matches;
    out.similarity =
        static_cast<double>(f.matches) / std::max(out.words, f.draft_end - f.draft_begin);
    return out;
  };
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (grouped[k]) continue;
    std::vector<std::size_t> group = {k};
    grouped[k] = true;
    for (std::size_t other = k + 1; other < found.size(); ++other) {
      if (found[other].draft_begin >= found[k].draft_end) break;
      if (grouped[other]) continue;
      const std::int32_t shorter = std::min(found[k].draft_end - found[k].draft_begin,
                                            found[other].draft_end - found[other].draft_begin);
      if (Overlap(found[k], found[other]) >= kSameDraftPassage * shorter) {
        group.push_back(other);
        grouped[other] = true;
      }
    }
    std::int32_t longest = 0;
    for (std::size_t member : group) longest = std::max(longest, found[member].matches);
    // Earliest first among those that hold most of the passage; then by matched words.
    std::stable_sort(group.begin(), group.end(), [&](std::size_t x, std::size_t y) {
      const bool x_full = found[x].matches * 5 >= longest * 4;
      const bool y_full = found[y].matches * 5 >= longest * 4;
      return std::tuple(!x_full, date_of(found[x].source), -found[x].matches) <
             std::tuple(!y_full, date_of(found[y].source), -found[y].matches);
    });
    // One candidate per source: its best copy.
    std::vector<std::size_t> best_per_source;
    for (std::size_t member : group) {
      const bool seen =
          std::any_of(best_per_source.begin(), best_per_source.end(),
                      [&](std::size_t kept) { return found[kept].source == found[member].source; });
      if (!seen) best_per_source.push_back(member);
    }
    group = std::move(best_per_source);
    const Found& winner = found[group.front()];
    ReusePassage passage;
    passage.draft_unit_path = unit_paths[unit_of[winner.draft_begin]];
    passage.draft_start = draft_words.begin[winner.draft_begin];
    passage.draft_end = draft_words.end[winner.draft_end - 1];
    passage.draft_path = DeepestProvisionAt(draft.root, passage.draft_start).path;
    passage.draft_words = winner.draft_end - winner.draft_begin;
    for (std::size_t member : group) passage.candidates.push_back(describe(found[member]));
    passage.attributed = passage.candidates.front();
    trace.passages.push_back(std::move(passage));
  }
  // Words inside some passage, each counted once.
  std::vector<bool> covered(draft_words.size(), false);
  for (std::size_t k = 0; k < found.size(); ++k) {
    for (std::int32_t word = found[k].draft_begin; word < found[k].draft_end; ++word) {
      covered[word] = true;
    }
  }
  trace.reused_words = static_cast<std::size_t>(std::count(covered.begin(), covered.end(), true));
  std::sort(trace.passages.begin(), trace.passages.end(),
            [](const ReusePassage& x, const ReusePassage& y) {
              return std::pair(x.draft_start, x.attributed.source) <
                     std::pair(y.draft_start, y.attributed.source);
            });
  return trace;
}

}  // namespace tw::reuse
