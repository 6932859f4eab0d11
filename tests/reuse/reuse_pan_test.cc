// The PAN text-alignment measure on hand-made cases, the PAN corpus generator's guarantees, and
// TraceReuse on the generated corpus against the targets of issue 8: PlagDet >= 0.90 for
// verbatim and lightly reworded passages, >= 0.75 for heavily reworded ones, granularity
// <= 1.05, and the right source among several for >= 95 % of the shared passages found.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "compare/word_tokens.h"
#include "tests/reuse/pan_corpus.h"
#include "tests/reuse/pan_evaluation.h"
#include "tests/reuse/pan_measure.h"

namespace tw::reuse::testing {
namespace {

PanAnnotation Pair(std::size_t suspicious_begin, std::size_t suspicious_end,
                   std::size_t source_begin, std::size_t source_end,
                   const std::string& suspicious = "susp", const std::string& source = "src") {
  return {suspicious, suspicious_begin, suspicious_end, source, source_begin, source_end};
}

// ---- The measure ----

TEST(PanMeasureTest, PerfectDetectionScoresOne) {
  const std::vector<PanAnnotation> cases = {Pair(100, 200, 1000, 1100), Pair(500, 540, 0, 50)};
  const PanScore score = ScorePan(cases, cases);
  EXPECT_DOUBLE_EQ(score.precision, 1);
  EXPECT_DOUBLE_EQ(score.recall, 1);
  EXPECT_DOUBLE_EQ(score.granularity, 1);
  EXPECT_DOUBLE_EQ(score.plagdet, 1);
  EXPECT_EQ(score.detected_cases, 2);
}

TEST(PanMeasureTest, TwoHalvesAreGranularityTwo) {
  const PanScore score =
      ScorePan({Pair(0, 100, 0, 100)}, {Pair(0, 50, 0, 50), Pair(50, 100, 50, 100)});
  EXPECT_DOUBLE_EQ(score.precision, 1);
  EXPECT_DOUBLE_EQ(score.recall, 1);
  EXPECT_DOUBLE_EQ(score.granularity, 2);
  EXPECT_NEAR(score.plagdet, 1 / std::log2(3.0), 1e-12);
}

TEST(PanMeasureTest, EmptySidesFollowTheScorersConventions) {
  const PanScore nothing_found = ScorePan({Pair(0, 100, 0, 100)}, {});
  EXPECT_DOUBLE_EQ(nothing_found.precision, 0);
  EXPECT_DOUBLE_EQ(nothing_found.recall, 0);
  EXPECT_DOUBLE_EQ(nothing_found.granularity, 1);
  EXPECT_DOUBLE_EQ(nothing_found.plagdet, 0);
  const PanScore nothing_there = ScorePan({}, {Pair(0, 100, 0, 100)});
  EXPECT_DOUBLE_EQ(nothing_there.precision, 0);
  EXPECT_DOUBLE_EQ(nothing_there.recall, 0);
  const PanScore both_empty = ScorePan({}, {});
  EXPECT_DOUBLE_EQ(both_empty.precision, 1);
  EXPECT_DOUBLE_EQ(both_empty.recall, 1);
  EXPECT_DOUBLE_EQ(both_empty.plagdet, 1);
}

TEST(PanMeasureTest, ADetectionMustOverlapInBothDocumentsOfTheSamePair) {
  const PanAnnotation reuse_case = Pair(0, 100, 0, 100);
  EXPECT_TRUE(Detects(Pair(99, 150, 0, 10), reuse_case));
  EXPECT_FALSE(Detects(Pair(100, 150, 0, 10), reuse_case));   // touches, shares no character
  EXPECT_FALSE(Detects(Pair(0, 100, 200, 300), reuse_case));  // right place, wrong source text
  EXPECT_FALSE(Detects(Pair(0, 100, 0, 100, "susp", "other"), reuse_case));  // wrong source
  EXPECT_FALSE(Detects(Pair(0, 100, 0, 100, "other", "src"), reuse_case));
  const PanScore wrong_source = ScorePan({reuse_case}, {Pair(0, 100, 0, 100, "susp", "other")});
  EXPECT_DOUBLE_EQ(wrong_source.precision, 0);
  EXPECT_DOUBLE_EQ(wrong_source.recall, 0);
  EXPECT_EQ(wrong_source.detected_cases, 0);
}

TEST(PanMeasureTest, CharactersOfBothDocumentsCount) {
  // Half of the case in each document: half of its characters.
  const PanScore half = ScorePan({Pair(0, 100, 0, 100)}, {Pair(0, 50, 0, 50)});
  EXPECT_DOUBLE_EQ(half.recall, 0.5);
  EXPECT_DOUBLE_EQ(half.precision, 1);
  // All of the suspicious side, a fifth of the source side: (100 + 20) / 200.
  const PanScore lopsided = ScorePan({Pair(0, 100, 0, 100)}, {Pair(0, 100, 0, 20)});
  EXPECT_DOUBLE_EQ(lopsided.recall, 0.6);
  // Too long on the suspicious side: 200 of its 300 characters are the case.
  const PanScore too_long = ScorePan({Pair(0, 100, 0, 100)}, {Pair(0, 200, 0, 100)});
  EXPECT_DOUBLE_EQ(too_long.recall, 1);
  EXPECT_NEAR(too_long.precision, 200.0 / 300.0, 1e-12);
  const double f1 = 2 * (2.0 / 3.0) / (1 + 2.0 / 3.0);
  EXPECT_NEAR(too_long.plagdet, f1, 1e-12);
}

TEST(PanMeasureTest, OverlappingDetectionsCountEachCharacterOnce) {
  // Two detections of one case sharing characters: the union, not the sum.
  const PanScore score =
      ScorePan({Pair(0, 100, 0, 100)}, {Pair(0, 60, 0, 60), Pair(40, 80, 40, 80)});
  EXPECT_DOUBLE_EQ(score.recall, 0.8);
  EXPECT_DOUBLE_EQ(score.precision, 1);
  EXPECT_DOUBLE_EQ(score.granularity, 2);
  // One detection spanning two cases: both count for its precision.
  const PanScore spanning =
      ScorePan({Pair(0, 40, 0, 40), Pair(60, 100, 60, 100)}, {Pair(0, 100, 0, 100)});
  EXPECT_DOUBLE_EQ(spanning.recall, 1);
  EXPECT_DOUBLE_EQ(spanning.precision, 0.8);
  EXPECT_DOUBLE_EQ(spanning.granularity, 1);
}

TEST(PanMeasureTest, AveragesAreMacroOverCasesAndDetections) {
  // One case found whole, one missed; one detection right, one false alarm elsewhere.
  const std::vector<PanAnnotation> cases = {Pair(0, 100, 0, 100), Pair(0, 10, 0, 10, "b")};
  const std::vector<PanAnnotation> detections = {Pair(0, 100, 0, 100), Pair(500, 900, 0, 100)};
  const PanScore score = ScorePan(cases, detections);
  EXPECT_DOUBLE_EQ(score.recall, 0.5);
  EXPECT_DOUBLE_EQ(score.precision, 0.5);
  EXPECT_DOUBLE_EQ(score.granularity, 1);
  EXPECT_EQ(score.detected_cases, 1);
  EXPECT_DOUBLE_EQ(score.plagdet, 0.5);
}

TEST(PanMeasureTest, PlagDetDividesF1ByLogGranularity) {
  EXPECT_DOUBLE_EQ(PlagDet(1, 1, 1), 1);
  EXPECT_DOUBLE_EQ(PlagDet(0, 0, 1), 0);
  EXPECT_NEAR(PlagDet(0.8, 0.6, 1.5), (2 * 0.8 * 0.6 / 1.4) / std::log2(2.5), 1e-12);
}

// ---- The corpus ----

std::string OneLine(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string out;
  for (std::string word; in >> word;) out += (out.empty() ? "" : " ") + word;
  return out;
}

PanCorpusParams SmallParams() {
  PanCorpusParams params;
  params.cases_per_level = 12;
  params.seed = 7;
  return params;
}

TEST(PanCorpusTest, SameSeedSameCorpus) {
  const absl::StatusOr<PanCorpus> first = GeneratePanCorpus(TW_CORPUS_DIR, SmallParams());
  const absl::StatusOr<PanCorpus> second = GeneratePanCorpus(TW_CORPUS_DIR, SmallParams());
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  ASSERT_EQ(first->drafts.size(), second->drafts.size());
  for (std::size_t d = 0; d < first->drafts.size(); ++d) {
    EXPECT_EQ(first->drafts[d].text, second->drafts[d].text);
  }
  EXPECT_EQ(first->sources.back().text, second->sources.back().text);
}

TEST(PanCorpusTest, OffsetsHoldThePlantedWords) {
  const absl::StatusOr<PanCorpus> corpus = GeneratePanCorpus(TW_CORPUS_DIR, SmallParams());
  ASSERT_TRUE(corpus.ok()) << corpus.status();
  ASSERT_EQ(corpus->passages.size(), 36u);
  ASSERT_EQ(corpus->sources.size(), 8u);
  int shared = 0;
  for (const PlantedPassage& passage : corpus->passages) {
    const std::string_view draft =
        std::string_view(corpus->drafts[passage.draft].text)
            .substr(passage.draft_begin, passage.draft_end - passage.draft_begin);
    const std::string_view source =
        std::string_view(corpus->sources[passage.truth].text)
            .substr(passage.source_begin, passage.source_end - passage.source_begin);
    EXPECT_GE(passage.words, 30);
    EXPECT_LE(passage.words, 150);
    if (passage.level == Obfuscation::kNone) {
      EXPECT_EQ(OneLine(draft), OneLine(source));
    } else if (passage.level == Obfuscation::kLight) {
      EXPECT_LE(passage.edits, passage.words / 10 + 1);
      EXPECT_GE(passage.edits, 1);
    } else {
      EXPECT_LE(passage.edits, passage.words * 3 / 10 + 1);
      EXPECT_GE(passage.clause_swaps, 1);
    }
    // The planted text stands in one line of its draft, at word boundaries.
    EXPECT_EQ(draft.find('\n'), std::string_view::npos);
    EXPECT_NE(draft.front(), ' ');
    EXPECT_NE(draft.back(), ' ');
    if (passage.holders.size() > 1) {
      ++shared;
      // The truth is the earliest holder.
      for (int holder : passage.holders) {
        EXPECT_LE(corpus->sources[passage.truth].meta.date, corpus->sources[holder].meta.date);
      }
    }
  }
  EXPECT_GE(shared, 7);  // about every fourth
}

TEST(PanCorpusTest, FillerSharesNoSeedWithTheCorpus) {
  const absl::StatusOr<PanCorpus> corpus = GeneratePanCorpus(TW_CORPUS_DIR, SmallParams());
  ASSERT_TRUE(corpus.ok()) << corpus.status();
  compare::TokenTable table;
  auto grams = [&](std::string_view text) {
    std::vector<std::uint32_t> ids = compare::WordIds(compare::Tokenize(text, table));
    std::set<std::vector<std::uint32_t>> out;
    for (std::size_t at = 0; at + 5 <= ids.size(); ++at)
      out.emplace(ids.begin() + at, ids.begin() + at + 5);
    return out;
  };
  std::set<std::vector<std::uint32_t>> corpus_grams;
  for (std::size_t s = 0; s < 6; ++s) {
    for (auto& gram : grams(corpus->sources[s].text)) corpus_grams.insert(gram);
  }
  // A draft with its planted passages cut out: filler, headings and titles.
  std::vector<std::string> rest(corpus->drafts.size());
  std::vector<std::size_t> at(corpus->drafts.size(), 0);
  for (const PlantedPassage& passage : corpus->passages) {
    const std::string& text = corpus->drafts[passage.draft].text;
    rest[passage.draft] += text.substr(at[passage.draft], passage.draft_begin - at[passage.draft]);
    rest[passage.draft] += "\n|\n";
    at[passage.draft] = passage.draft_end;
  }
  int found = 0;
  for (std::size_t d = 0; d < rest.size(); ++d) {
    rest[d] += corpus->drafts[d].text.substr(at[d]);
    for (const auto& gram : grams(rest[d])) found += corpus_grams.count(gram);
  }
  EXPECT_EQ(found, 0);
}

// ---- The engine on the benchmark ----

// Word 5-grams the planted text shares with its source passage: the seeds the engine could find.
int SharedFiveGrams(std::string_view planted, std::string_view source) {
  compare::TokenTable table;
  auto grams = [&](std::string_view text) {
    std::vector<std::uint32_t> ids = compare::WordIds(compare::Tokenize(text, table));
    std::set<std::vector<std::uint32_t>> out;
    for (std::size_t at = 0; at + 5 <= ids.size(); ++at)
      out.emplace(ids.begin() + at, ids.begin() + at + 5);
    return out;
  };
  const auto planted_grams = grams(planted);
  int shared = 0;
  for (const auto& gram : grams(source)) shared += planted_grams.count(gram);
  return shared;
}

TEST(ReusePanBenchmarkTest, TraceReuseMeetsTheTargetsOfIssue8) {
  PanCorpusParams params;
  params.cases_per_level = 60;
  const absl::StatusOr<PanCorpus> corpus = GeneratePanCorpus(TW_CORPUS_DIR, params);
  ASSERT_TRUE(corpus.ok()) << corpus.status();
  const PanEvaluation evaluation = EvaluateTraceReuse(*corpus);

  std::printf("PAN text alignment, TraceReuse, %d passages per level (seed %u)\n",
              params.cases_per_level, params.seed);
  std::printf("%-6s %9s %9s %11s %8s %9s %11s %8s\n", "level", "precision", "recall", "granularity",
              "plagdet", "detected", "attribution", "time");
  for (const LevelEvaluation& level : evaluation.levels) {
    std::printf("%-6s %9.3f %9.3f %11.3f %8.3f %5d/%-3d %5d/%-5d %6.0fms\n",
                std::string(ObfuscationName(level.level)).c_str(), level.score.precision,
                level.score.recall, level.score.granularity, level.score.plagdet,
                level.score.detected_cases, level.score.cases, level.shared_right,
                level.shared_detected, level.seconds * 1000);
  }
  // What was missed, split or cut short, to say why.
  int shown = 0;
  for (std::size_t p = 0; p < corpus->passages.size() && shown < 40; ++p) {
    const PlantedPassage& passage = corpus->passages[p];
    const PassageOutcome& outcome = evaluation.outcomes[p];
    const bool shared = passage.holders.size() > 1;
    if (outcome.recall >= 0.9 && outcome.detecting <= 1 && (!shared || outcome.attributed_right)) {
      continue;
    }
    ++shown;
    const std::string& draft = corpus->drafts[passage.draft].text;
    const std::string& source = corpus->sources[passage.truth].text;
    std::printf(
        "  %s #%zu %s %d words, %d edits, %d swaps, %d seeds: recall %.2f, %d detecting%s\n",
        std::string(ObfuscationName(passage.level)).c_str(), p,
        corpus->sources[passage.truth].meta.symbol.c_str(), passage.words, passage.edits,
        passage.clause_swaps,
        SharedFiveGrams(
            draft.substr(passage.draft_begin, passage.draft_end - passage.draft_begin),
            source.substr(passage.source_begin, passage.source_end - passage.source_begin)),
        outcome.recall, outcome.detecting,
        shared && !outcome.attributed_right ? ", wrongly attributed" : "");
    std::printf("      truth draft [%zu,%zu) source [%zu,%zu)\n", passage.draft_begin,
                passage.draft_end, passage.source_begin, passage.source_end);
    for (const PanAnnotation& found : outcome.overlapping) {
      std::printf("      found draft [%zu,%zu) %s [%zu,%zu)\n", found.suspicious_begin,
                  found.suspicious_end, found.source.c_str(), found.source_begin, found.source_end);
    }
  }

  for (const LevelEvaluation& level : evaluation.levels) {
    SCOPED_TRACE(std::string(ObfuscationName(level.level)));
    const double target = level.level == Obfuscation::kHeavy ? 0.75 : 0.90;
    EXPECT_GE(level.score.plagdet, target);
    EXPECT_LE(level.score.granularity, 1.05);
    EXPECT_GT(level.shared, 0);
  }
  ASSERT_GT(evaluation.overall_shared_detected, 0);
  const double attribution =
      static_cast<double>(evaluation.overall_shared_right) / evaluation.overall_shared_detected;
  std::printf("attribution: %d of %d shared passages found attributed to the earliest source\n",
              evaluation.overall_shared_right, evaluation.overall_shared_detected);
  EXPECT_GE(attribution, 0.95);
}

}  // namespace
}  // namespace tw::reuse::testing
