#include "factcheck/claim_matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "claim_generator.h"
#include "factcheck/content_words.h"
#include "store/store.h"
#include "store_test_factory.h"

namespace tw::factcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::uint64_t kSeed = 20240809;
constexpr int kDistractors = 10000;

TEST(MatchTermsTest, ContentWordsOnceInOrderWithoutStopWordsOrNumbers) {
  EXPECT_THAT(
      MatchTerms("Article 28 already contains ALL the safeguards of the Budapest "
                 "Convention, and article 28 contains them."),
      ElementsAre("article", "already", "contains", "safeguards", "budapest", "convention"));
  EXPECT_THAT(MatchTerms("the of and 24 2001"), IsEmpty());
  EXPECT_THAT(MatchTerms(""), IsEmpty());
  EXPECT_THAT(MatchTerms("cross-border State's"), ElementsAre("cross", "border", "state's"));
}

TEST(MatchTermsTest, AtMost32Terms) {
  std::string text;
  for (int i = 0; i < 100; ++i)
    text += "word" + std::string(1, static_cast<char>('a' + i % 26)) +
            std::string(1, static_cast<char>('a' + i / 26)) + " ";
  EXPECT_EQ(MatchTerms(text).size(), 32u);
}

struct SimilarityCase {
  std::string_view a;
  std::string_view b;
  double at_least;
  double at_most;
};

constexpr SimilarityCase kSimilarityCases[] = {
    // The same words in any order.
    {"Article 28 contains all safeguards", "all safeguards contains Article 28", 1.0, 1.0},
    {"", "", 0.0, 0.0},
    {"anything at all", "", 0.0, 0.0},
    {"illegal access offences", "budgetary implications", 0.0, 0.0},
    // Inflection and spelling.
    {"States criminalise the offence", "state criminalizing offenses", 1.0, 1.0},
    // Synonyms delegates use.
    {"Most countries backed the proposal", "a majority of states supported the proposal", 1.0, 1.0},
    // An instrument however named; numbers however written.
    {"article 18 of UNTOC", "Palermo Convention article 18", 1.0, 1.0},
    {"sixty-eight states ratified", "68 states ratified", 1.0, 1.0},
    {"the fortieth ratification", "the 40th ratification", 1.0, 1.0},
    {"one hundred twenty-five states", "125 states", 1.0, 1.0},
    {"a hundred states", "100 states", 1.0, 1.0},
    // Shared phrases count more than the same words scattered.
    {"the broad scope of article 4", "article 4 has a broad scope", 0.99, 1.0},
    {"a different claim about article 7", "article 24 is unrelated", 0.0, 0.5},
};

TEST(ShingleSimilarityTest, Cases) {
  for (const SimilarityCase& c : kSimilarityCases) {
    const double similarity = ShingleSimilarity(c.a, c.b);
    EXPECT_GE(similarity, c.at_least) << c.a << " | " << c.b;
    EXPECT_LE(similarity, c.at_most) << c.a << " | " << c.b;
    EXPECT_DOUBLE_EQ(similarity, ShingleSimilarity(c.b, c.a)) << "symmetric: " << c.a;
  }
}

TEST(ShingleSimilarityTest, PhrasesOrderedBeatTheSameWordsScattered) {
  const std::string_view claim = "judicial review of production orders";
  const double same_phrase = ShingleSimilarity(claim, "production orders need judicial review");
  const double scattered = ShingleSimilarity(claim, "orders production review judicial");
  EXPECT_EQ(scattered, 1.0);  // same words, any order
  const double partial_phrase = ShingleSimilarity(claim, "judicial review of interception");
  const double partial_scattered = ShingleSimilarity(claim, "review of judicial interception");
  EXPECT_GT(partial_phrase, partial_scattered);
  EXPECT_GT(same_phrase, 0.8);
}

TEST(ShingleSimilarityTest, HugeAndInvalidInputsAreBounded) {
  const std::string huge(std::size_t{2} << 20, 'x');
  EXPECT_GE(ShingleSimilarity(huge, huge), 0.0);
  std::string many;
  while (many.size() < (std::size_t{1} << 20)) many += "sixty eight hundred states ";
  EXPECT_GE(ShingleSimilarity(many, "sixty states"), 0.0);
  EXPECT_GE(ShingleSimilarity("\xFF\xFE article \xC3", "article"), 0.99);
}

store::ClaimCandidate Candidate(std::int64_t id, std::string text, double text_score) {
  store::ClaimCandidate candidate;
  candidate.claim.id = id;
  candidate.claim.text = std::move(text);
  candidate.text_score = text_score;
  return candidate;
}

TEST(RankClaimMatchesTest, BestFirstWithThresholdsAndNormalisedTextScores) {
  const std::vector<store::ClaimCandidate> candidates = {
      Candidate(1, "Article 24 was deleted from the revised draft.", 4.0),
      Candidate(2, "The revised draft deletes article 24.", 8.0),
      Candidate(3, "Technical assistance is funded by voluntary contributions.", 1.0),
      Candidate(4, "Article 25 was deleted from the revised draft.", 6.0),
      Candidate(5, "Article 24 was removed from the revised Budapest Convention.", 2.0),
  };
  const MatchThresholds thresholds;
  const std::vector<ClaimMatch> matches =
      RankClaimMatches("The revised draft deleted article 24", candidates, thresholds);
  ASSERT_GE(matches.size(), 3u);
  EXPECT_EQ(matches[0].claim.id, 2);
  EXPECT_DOUBLE_EQ(matches[0].text_score, 1.0);
  EXPECT_TRUE(matches[0].confirmed);
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const ClaimMatch& match = matches[i];
    EXPECT_NE(match.claim.id, 3) << "unrelated, below suggest";
    EXPECT_TRUE(match.suggested);
    EXPECT_GE(match.score, thresholds.suggest);
    EXPECT_LE(match.score, match.shingle);
    if (match.claim.id == 4 || match.claim.id == 5) {
      // Another article, another instrument: similar, never the same claim.
      EXPECT_FALSE(match.confirmed) << match.claim.text << " " << match.score;
    } else {
      EXPECT_EQ(match.confirmed, match.score >= thresholds.confirm) << match.claim.text;
    }
    if (i > 0) {
      EXPECT_GE(matches[i - 1].score, match.score);
    }
  }
  EXPECT_TRUE(RankClaimMatches("anything", {}, thresholds).empty());
}

TEST(RankClaimMatchesTest, NegativeEngineScoresAreScaledByTheirRange) {
  const std::vector<store::ClaimCandidate> candidates = {
      Candidate(1, "article 24 deleted", -3.0),
      Candidate(2, "article 24 deleted", -1.0),
  };
  const std::vector<ClaimMatch> matches =
      RankClaimMatches("article 24 deleted", candidates, MatchThresholds{0.0, 0.9});
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].claim.id, 2);
  EXPECT_DOUBLE_EQ(matches[0].text_score, 1.0);
  EXPECT_DOUBLE_EQ(matches[1].text_score, 0.0);
}

// ---- Ranking among 10,000 generated claims.

// The full-text stage as the stores promise it (store/factcheck_record.h), in memory: BM25
// (k1 1.2, b 0.75, as FTS5) over stemmed words, terms in more than 5 % of the claims left out
// when a rarer one remains. What the matcher is developed and checked against independently of
// a database; the store test below runs the same set through SQLite.
class InMemoryClaims : public store::FactCheckRecord {
 public:
  explicit InMemoryClaims(std::vector<Claim> claims) : claims_(std::move(claims)) {
    double total = 0;
    for (std::size_t d = 0; d < claims_.size(); ++d) {
      std::map<std::string, int> counts;
      int length = 0;
      for (const Word& word : SplitWords(claims_[d].text)) {
        ++counts[StemWord(word.folded)];
        ++length;
      }
      lengths_.push_back(length);
      total += length;
      for (const auto& [stem, count] : counts) postings_[stem].push_back({d, count});
    }
    average_length_ = claims_.empty() ? 1 : total / static_cast<double>(claims_.size());
  }

  absl::StatusOr<std::vector<store::ClaimCandidate>> MatchClaims(
      const std::vector<std::string>& terms, int limit) override {
    std::vector<std::string> stems;
    for (const std::string& term : terms) {
      const std::string stem = StemWord(term);
      if (postings_.contains(stem) && std::find(stems.begin(), stems.end(), stem) == stems.end()) {
        stems.push_back(stem);
      }
    }
    const double n = static_cast<double>(claims_.size());
    auto common = [&](const std::string& stem) {
      return static_cast<double>(postings_.at(stem).size()) > 0.05 * n;
    };
    if (std::any_of(stems.begin(), stems.end(), [&](const auto& s) { return !common(s); })) {
      stems.erase(std::remove_if(stems.begin(), stems.end(), common), stems.end());
    }
    absl::flat_hash_map<std::size_t, double> scores;
    for (const std::string& stem : stems) {
      const auto& postings = postings_.at(stem);
      const double df = static_cast<double>(postings.size());
      const double idf = std::log((n - df + 0.5) / (df + 0.5) + 1.0);
      for (const auto& [d, tf] : postings) {
        const double norm = 1.2 * (0.25 + 0.75 * lengths_[d] / average_length_);
        scores[d] += idf * tf * 2.2 / (tf + norm);
      }
    }
    std::vector<std::pair<double, std::size_t>> ranked;
    for (const auto& [d, score] : scores) ranked.emplace_back(score, d);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<store::ClaimCandidate> out;
    for (std::size_t i = 0; i < ranked.size() && static_cast<int>(i) < limit; ++i) {
      out.push_back({claims_[ranked[i].second], ranked[i].first});
    }
    return out;
  }

  absl::StatusOr<std::int64_t> PutClaim(const Claim&) override { return Unsupported(); }
  absl::StatusOr<std::optional<Claim>> LoadClaim(std::int64_t) override { return Unsupported(); }
  absl::StatusOr<std::vector<Claim>> ListClaims(const store::ClaimFilter&) override {
    return Unsupported();
  }
  absl::StatusOr<std::int64_t> CreateFactCheck(const FactCheck&, const VerdictScale&) override {
    return Unsupported();
  }
  absl::StatusOr<int> ReviseFactCheck(const FactCheck&, int, std::string_view, std::string_view,
                                      const VerdictScale&) override {
    return Unsupported();
  }
  absl::StatusOr<std::optional<FactCheck>> LoadFactCheck(std::int64_t) override {
    return Unsupported();
  }
  absl::StatusOr<std::vector<FactCheck>> ListFactChecks(const store::FactCheckFilter&) override {
    return Unsupported();
  }
  absl::StatusOr<std::vector<FactCheckRevision>> FactCheckHistory(std::int64_t) override {
    return Unsupported();
  }
  absl::StatusOr<std::vector<store::StoredEvidence>> ListEvidence(
      const std::vector<std::int64_t>&) override {
    return Unsupported();
  }
  absl::Status UpdateEvidence(const std::vector<store::EvidenceUpdate>&) override {
    return Unsupported();
  }
  absl::StatusOr<int> ImportClaims(const std::vector<Claim>&) override { return Unsupported(); }
  absl::StatusOr<int> ImportFactCheck(const FactCheck&,
                                      const std::vector<FactCheckRevision>&) override {
    return Unsupported();
  }

 private:
  static absl::Status Unsupported() {
    return absl::UnimplementedError("the in-memory claims only match");
  }

  std::vector<Claim> claims_;
  std::vector<int> lengths_;
  double average_length_ = 1;
  absl::flat_hash_map<std::string, std::vector<std::pair<std::size_t, int>>> postings_;
};

// 10,000 generated claims and the paraphrase set's claims (claim_generator.h).
struct TestSet {
  std::unique_ptr<testing::Haystack> haystack;
  std::vector<Claim> claims;  // all of them, ids 1..n
};

const TestSet& LoadTestSet() {
  static const TestSet* set = [] {
    auto* t = new TestSet;
    absl::StatusOr<std::vector<testing::Paraphrase>> pairs =
        testing::LoadParaphrases(testing::ParaphrasesPath());
    if (!pairs.ok()) return t;
    t->haystack = std::make_unique<testing::Haystack>(kSeed, kDistractors, *std::move(pairs));
    t->claims = t->haystack->Claims(1, t->haystack->size());
    return t;
  }();
  return *set;
}

struct RankResult {
  int rank_one = 0;
  int total = 0;
  std::vector<double> original_scores;    // the original's score for each paraphrase (0: absent)
  std::vector<double> best_other_scores;  // the best other claim's score for each
  // The same where the claim names the query's numbers (what confirming also asks), else 0.
  std::vector<double> original_confirmable;
  std::vector<double> best_other_confirmable;
};

int CountAtLeast(const std::vector<double>& scores, double threshold) {
  return static_cast<int>(
      std::count_if(scores.begin(), scores.end(), [&](double s) { return s >= threshold; }));
}

RankResult RankParaphrases(store::FactCheckRecord& store, const testing::Haystack& haystack,
                           const char* label) {
  RankResult result;
  const MatchThresholds defaults;
  // Everything is kept and every claim naming the query's numbers is "confirmed", so the
  // thresholds can be applied afterwards.
  const MatchThresholds keep_all{0.0, 0.0};
  for (std::size_t i = 0; i < haystack.pairs().size(); ++i) {
    const std::int64_t original = haystack.original_id(i);
    absl::StatusOr<std::vector<ClaimMatch>> matches =
        MatchClaim(store, haystack.pairs()[i].paraphrase, keep_all);
    EXPECT_TRUE(matches.ok()) << matches.status();
    if (!matches.ok()) continue;
    ++result.total;
    double original_score = 0;
    double original_confirmable = 0;
    double best_other = 0;
    double best_other_confirmable = 0;
    for (const ClaimMatch& match : *matches) {
      if (match.claim.id == original) {
        original_score = match.score;
        if (match.confirmed) original_confirmable = match.score;
      } else {
        best_other = std::max(best_other, match.score);
        if (match.confirmed) best_other_confirmable = std::max(best_other_confirmable, match.score);
      }
    }
    result.original_scores.push_back(original_score);
    result.best_other_scores.push_back(best_other);
    result.original_confirmable.push_back(original_confirmable);
    result.best_other_confirmable.push_back(best_other_confirmable);
    if (!matches->empty() && matches->front().claim.id == original) {
      ++result.rank_one;
    } else {
      std::printf("%s: not rank 1: \"%s\"\n  original %.3f: %s\n", label,
                  haystack.pairs()[i].paraphrase.c_str(), original_score,
                  haystack.pairs()[i].claim.c_str());
      if (!matches->empty()) {
        std::printf("  first %.3f: %s\n", matches->front().score,
                    matches->front().claim.text.c_str());
      }
    }
  }
  std::printf("%s: %d of %d paraphrases find their claim at rank 1 among %zu claims (%.1f %%)\n",
              label, result.rank_one, result.total, static_cast<std::size_t>(haystack.size()),
              100.0 * result.rank_one / std::max(1, result.total));
  std::printf(
      "%s: at suggest %.2f / confirm %.2f: %d originals suggested, %d confirmed; another "
      "claim confirmed for %d paraphrases\n",
      label, defaults.suggest, defaults.confirm,
      CountAtLeast(result.original_scores, defaults.suggest),
      CountAtLeast(result.original_confirmable, defaults.confirm),
      CountAtLeast(result.best_other_confirmable, defaults.confirm));
  return result;
}

// How the thresholds were chosen: the scores of the right claim and of the best wrong one,
// for every paraphrase, and how many of each a threshold suggests and confirms.
void PrintCalibration(const RankResult& result) {
  std::vector<double> right = result.original_scores;
  std::vector<double> wrong = result.best_other_scores;
  std::sort(right.begin(), right.end());
  std::sort(wrong.begin(), wrong.end());
  if (right.empty()) return;
  std::printf("quantile  right claim  best wrong claim\n");
  for (double q : {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95}) {
    const auto k = static_cast<std::size_t>(q * static_cast<double>(right.size() - 1));
    std::printf("  %.2f      %.3f        %.3f\n", q, right[k], wrong[k]);
  }
  std::printf("threshold  suggested: right  wrong   confirmed: right  wrong\n");
  for (int t = 30; t <= 95; t += 5) {
    const double threshold = t / 100.0;
    std::printf("  %.2f                 %3d    %3d               %3d    %3d\n", threshold,
                CountAtLeast(result.original_scores, threshold),
                CountAtLeast(result.best_other_scores, threshold),
                CountAtLeast(result.original_confirmable, threshold),
                CountAtLeast(result.best_other_confirmable, threshold));
  }
}

TEST(ClaimMatchTest, ParaphrasesFindTheirClaimAtRankOneInMemory) {
  const TestSet& set = LoadTestSet();
  ASSERT_NE(set.haystack, nullptr) << testing::ParaphrasesPath();
  ASSERT_GE(set.haystack->pairs().size(), 60u);
  InMemoryClaims store(set.claims);
  const RankResult result = RankParaphrases(store, *set.haystack, "in memory");
  PrintCalibration(result);
  EXPECT_GE(result.rank_one, static_cast<int>(std::ceil(0.9 * result.total)));
}

// The acceptance test of claim matching: the same set through the real stores (SQLite FTS5;
// PostgreSQL when scripts/with-postgres provides a server), imported as `migrate` would import
// it, each in a fresh database.
class ClaimMatchStoreTest : public ::testing::TestWithParam<store::testing::StoreBackend> {};

TEST_P(ClaimMatchStoreTest, ParaphrasesFindTheirClaimAtRankOne) {
  const store::testing::StoreBackend& backend = GetParam();
  if (!backend.skip_reason.empty()) GTEST_SKIP() << backend.skip_reason;
  const TestSet& set = LoadTestSet();
  ASSERT_NE(set.haystack, nullptr) << testing::ParaphrasesPath();
  ASSERT_GE(set.haystack->pairs().size(), 60u);
  absl::StatusOr<std::unique_ptr<store::testing::TestDatabase>> database =
      backend.create_database();
  ASSERT_TRUE(database.ok()) << database.status();
  absl::StatusOr<std::unique_ptr<store::Store>> store = (*database)->Open();
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<int> imported = (*store)->ImportClaims(set.claims);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(*imported, static_cast<int>(set.claims.size()));

  const std::string label = absl::AsciiStrToLower(backend.name);
  const RankResult result = RankParaphrases(**store, *set.haystack, label.c_str());
  PrintCalibration(result);
  EXPECT_GE(result.rank_one, static_cast<int>(std::ceil(0.9 * result.total)));
  // The thresholds keep their calibration (claim_matcher.h): nearly every right claim is
  // suggested and most are confirmed, a wrong claim is almost never confirmed.
  const MatchThresholds defaults;
  EXPECT_GE(CountAtLeast(result.original_scores, defaults.suggest),
            static_cast<int>(std::ceil(0.95 * result.total)));
  EXPECT_GE(CountAtLeast(result.original_confirmable, defaults.confirm),
            static_cast<int>(std::ceil(0.9 * result.total)));
  EXPECT_LE(CountAtLeast(result.best_other_confirmable, defaults.confirm),
            static_cast<int>(0.05 * result.total));
}

INSTANTIATE_TEST_SUITE_P(Backends, ClaimMatchStoreTest,
                         ::testing::ValuesIn(store::testing::StoreBackendsUnderTest()),
                         [](const ::testing::TestParamInfo<store::testing::StoreBackend>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace tw::factcheck
