// PAN-style ground truth for the text-reuse engine (issue 8): passages of the real texts in
// ../shared/corpus planted into generated drafts, verbatim, lightly reworded (≤ 10 % of the
// words substituted, inserted or deleted) or heavily reworded (≤ 30 % word edits, and clauses
// swapped), with the exact byte ranges of every planted passage in its draft and in the source
// it is to be attributed to. Scored with the PAN measure (pan_measure.h) by pan_evaluation.h.
//
// The sources are six corpus texts (the UN Convention, the Budapest Convention and its
// Protocol, resolutions 74/247 and 79/243, the interpretative notes) and two generated ones that
// make attribution a question: a later proposal and an earlier "model law", each holding
// verbatim copies of some of the planted passages among filler. A passage in two sources is
// attributed to the earlier one: its corpus source when the copy is in the later proposal, the
// model law when it is there.
//
// What makes the truth unambiguous, by construction:
//   * filler (drafts and generated sources) is words drawn from a document that is not a source
//     (the human-rights recommendations), and no filler word completes a word 5-gram that occurs
//     in any corpus source, so filler holds no reuse the engine could find;
//   * a planted passage stays inside one article of its source (no heading line) and at most
//     `max_shared_share` of its words lie in word 8-grams found anywhere else in the corpus, so
//     its best copy is where it was taken from;
//   * a passage copied into a generated source overlaps no other planted passage of its origin,
//     so no other case has a second copy;
//   * the passages of one draft come from different sources, one per article of the draft, and
//     each is written as one paragraph line (a drafter's paragraph: the engine keeps a passage
//     inside one provision of the draft, and numbered lines inside a plant would be provisions).
//
// Offsets are bytes of each Document's `text`, which the builder keeps byte-identical to the
// generated plain text. Deterministic for a seed on every platform: std::mt19937 with the
// uniform draws implemented here. Pure apart from reading the corpus. Thread-compatible.
#ifndef TREATYWATCH_TESTS_REUSE_PAN_CORPUS_H_
#define TREATYWATCH_TESTS_REUSE_PAN_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "doc/document.h"

namespace tw::reuse::testing {

enum class Obfuscation { kNone, kLight, kHeavy };
inline constexpr Obfuscation kObfuscations[] = {Obfuscation::kNone, Obfuscation::kLight,
                                                Obfuscation::kHeavy};
std::string_view ObfuscationName(Obfuscation level);  // "none", "light", "heavy"

struct PanCorpusParams {
  int cases_per_level = 60;
  int passages_per_draft = 4;  // each from a different source, so at most 6
  int min_words = 30;          // of a planted passage, before rewording
  int max_words = 150;
  double light_max_edits = 0.10;  // word edits per word, drawn from [1 edit, this]
  double heavy_min_edits = 0.10;  // drawn from (this, heavy_max_edits]
  double heavy_max_edits = 0.30;
  // About every this-many-th planted passage also stands verbatim in a generated source
  // (alternately the later proposal and the earlier model law); when the one due overlaps a
  // passage planted before, the next one is copied instead.
  int shared_every = 4;
  // Share of a passage's words that may lie in word 8-grams found elsewhere in the corpus
  // (formulae shared by the conventions, or repeated by one): more and the passage has a rival
  // copy, and the truth would not be unambiguous.
  double max_shared_share = 0.2;
  std::uint32_t seed = 1;
};

struct PlantedPassage {
  int draft = 0;  // index into PanCorpus::drafts
  Obfuscation level = Obfuscation::kNone;
  int origin = 0;  // the corpus source the words were taken from
  // The source it is to be attributed to (the earliest holding it) and its bytes there.
  int truth = 0;
  std::size_t source_begin = 0;
  std::size_t source_end = 0;
  std::size_t draft_begin = 0;  // bytes of the draft's text
  std::size_t draft_end = 0;
  std::vector<int> holders;  // every source holding it verbatim; two or more: shared
  int words = 0;             // whitespace-separated words of the source passage
  int edits = 0;             // word substitutions, insertions and deletions made
  int clause_swaps = 0;
};

struct PanCorpus {
  // The corpus sources, then the later proposal and the earlier model law. meta.symbol names
  // each document (the PAN measure's document names); meta.date orders them.
  std::vector<doc::Document> sources;
  std::vector<doc::Document> drafts;
  std::vector<Obfuscation> draft_levels;  // parallel to drafts; the levels take turns
  std::vector<PlantedPassage> passages;   // by draft, then place in the draft
};

// Reads the corpus from `corpus_dir` (tests: TW_CORPUS_DIR); NotFound when a text is missing,
// FailedPrecondition when a source yields no eligible passage.
absl::StatusOr<PanCorpus> GeneratePanCorpus(const std::filesystem::path& corpus_dir,
                                            const PanCorpusParams& params);

}  // namespace tw::reuse::testing

#endif  // TREATYWATCH_TESTS_REUSE_PAN_CORPUS_H_
