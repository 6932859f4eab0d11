// ClaimMatcher: the earlier claims (and so their fact-checks) that say the same as a new one,
// robust to rewording, word order and inflection.
//
// Two stages. Candidates come from the store's full-text index (BM25 over SQLite FTS5,
// ts_rank_cd on PostgreSQL: store/factcheck_record.h MatchClaims) queried with the claim's
// content words (MatchTerms), their synonyms, its numbers and the other names of the
// instruments it names. Each candidate is then scored by word-shingle similarity over
// Snowball-stemmed content words (libstemmer, English; content_words.h makes synonyms,
// spellings, numbers in words and instrument names alike), order-insensitive single stems plus
// stem bigrams so reordering costs little and shared phrases count more, blended with the
// candidate's normalised text score. A match at or above `suggest` is shown as a suggestion;
// at or above `confirm`, and naming the same numbers and instruments as the query ("article
// 24" is never the same claim as "article 25"), it is reported as the same claim.
//
// Thread safety: MatchTerms, ShingleSimilarity and RankClaimMatches are pure and may run on
// several threads at once (each thread stems with a stemmer of its own, thread_local);
// MatchClaim reads the store given, one call per store object at a time (store.h).
#ifndef TREATYWATCH_FACTCHECK_CLAIM_MATCHER_H_
#define TREATYWATCH_FACTCHECK_CLAIM_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/factcheck_record.h"

namespace tw::factcheck {

// Calibrated on tests/factcheck/claim_paraphrases.tsv (72 claims, each restated) among 10,000
// generated claims in SQLite, 100 candidates (claim_matcher_test.cc prints the table): the
// right claim scored 0.72 or more for 95 % of the paraphrases (median 0.92), the best wrong
// one 0.55 at the median and 0.76 at the 95th percentile. At 0.5 every right claim the
// full-text stage returned is suggested (70 of 72; the best wrong one for 40); at 0.7, with
// the same numbers and instruments, 69 right claims are confirmed and a wrong one for 1
// paraphrase of 72 (at 0.6: 69 and 5; at 0.8: 60 and 1).
struct MatchThresholds {
  double suggest = 0.5;
  double confirm = 0.7;
};

struct ClaimMatch {
  Claim claim;
  double score = 0;       // 0..1, the blend; the ranking key
  double text_score = 0;  // the full-text engine's score, normalised to 0..1 in this result
  double shingle = 0;     // stemmed shingle similarity, 0..1
  bool suggested = false;
  bool confirmed = false;
};

// Content words of `text` for the full-text query: lowercased, stop words and numbers-only
// tokens dropped, each once, in order of first appearance, at most 32.
std::vector<std::string> MatchTerms(std::string_view text);

// Stemmed shingle similarity of two texts, 0..1 (1 for the same words in any order).
double ShingleSimilarity(std::string_view a, std::string_view b);

// Scores `candidates` against `query`, best first (ties: lower id first), and marks
// suggestions and confirmations. Candidates scoring below `thresholds.suggest` are dropped.
std::vector<ClaimMatch> RankClaimMatches(std::string_view query,
                                         const std::vector<store::ClaimCandidate>& candidates,
                                         const MatchThresholds& thresholds);

// The whole query: MatchTerms (with synonyms, numbers, instrument names) → store MatchClaims
// (the top `candidates`) → RankClaimMatches. On a million claims (bench/claim_match_bench.cc)
// the store's search and the loading of the candidates take most of the time: 300 candidates
// cost twice what 100 do, and find 72 of 72 paraphrases' claims at rank 1 among 10,000 where
// 100 find 70 (the full-text stage gives many near twins the same score, and a cut through a
// tie can lose the right claim). 100 keeps a million-claim query well inside 50 ms.
absl::StatusOr<std::vector<ClaimMatch>> MatchClaim(store::FactCheckRecord& store,
                                                   std::string_view query,
                                                   const MatchThresholds& thresholds,
                                                   int candidates = 100);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_CLAIM_MATCHER_H_
