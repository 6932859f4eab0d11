// Ranking in two stages. The store's full-text engine finds the few hundred claims that share
// rare words with the query among a million (an inverted index, BM25); the shingle similarity
// then decides among them with what BM25 cannot see: word order ignored for single keys but
// rewarded for shared pairs, synonyms and spelling variants made alike (content_words.h).
//
// The similarity of key sets A (query) and B (candidate):
//   unigrams U = Dice(A1, B1) over the sets of keys;
//   bigrams  G = Dice(A2, B2) over the sets of adjacent key pairs;
//   shingle    = U + (1 − U) · kBigramBonus · G.
// The same keys in any order give U = 1, so 1; reordering loses only the bonus; a shared phrase
// lifts a partial overlap toward 1.
//
// The blend never rises above the shingle similarity: score = shingle · (1 − kTextWeight +
// kTextWeight · text), where text is the engine's score divided by the best in the result. The
// engine's score carries what the shingle lacks (how rare the shared words are in the store),
// so among equally similar candidates the one sharing rarer words wins, and a weak match is
// not lifted just because it was the best of a poor lot.
#include "factcheck/claim_matcher.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "factcheck/content_words.h"
#include "factcheck/instrument_names.h"

namespace tw::factcheck {
namespace {

constexpr std::size_t kMaxMatchTerms = 32;
// MatchTerms and their synonyms: what one query asks the full-text engine for.
constexpr std::size_t kMaxQueryTerms = 64;
// Measured on tests/factcheck/claim_paraphrases.tsv among 10,000 generated claims (in-memory
// BM25 stage, 100 candidates): over bonus 0, 0.25, 0.5, 1 and text weight 0, 0.1, 0.2, 0.3,
// 0.5, 69 to 71 of 72 paraphrases found their claim at rank 1; these two are in the best band
// and keep the score close to the shingle similarity the thresholds are read on.
constexpr double kBigramBonus = 0.5;
constexpr double kTextWeight = 0.1;
// Texts longer than this are compared on their beginning (about 2,000 words): no claim is
// that long, and the bound keeps one pasted document from costing more than a few claims.
constexpr std::size_t kMaxTextBytes = 16 * 1024;

struct KeySets {
  absl::flat_hash_set<std::string> unigrams;
  absl::flat_hash_set<std::string> bigrams;
  // Numbers and instruments ("24", "2001", "instrument:budapest convention"): what a claim is
  // precisely about.
  absl::flat_hash_set<std::string> specifics;
};

KeySets Keys(std::string_view text) {
  // A cut inside a character leaves invalid bytes at the end, which only separate words.
  const std::vector<std::string> keys = ContentStems(text.substr(0, kMaxTextBytes));
  KeySets sets;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    sets.unigrams.insert(keys[i]);
    if (IsNumberWord(keys[i]) || IsInstrumentKey(keys[i])) sets.specifics.insert(keys[i]);
    if (i + 1 < keys.size()) sets.bigrams.insert(keys[i] + ' ' + keys[i + 1]);
  }
  return sets;
}

double Dice(const absl::flat_hash_set<std::string>& a, const absl::flat_hash_set<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  const auto& small = a.size() <= b.size() ? a : b;
  const auto& large = a.size() <= b.size() ? b : a;
  std::size_t shared = 0;
  for (const std::string& key : small) shared += large.contains(key) ? 1 : 0;
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

double Similarity(const KeySets& a, const KeySets& b) {
  const double unigrams = Dice(a.unigrams, b.unigrams);
  const double bigrams = Dice(a.bigrams, b.bigrams);
  return std::min(1.0, unigrams + (1.0 - unigrams) * kBigramBonus * bigrams);
}

// What the full-text engine is asked for: the content words, then what a restatement may say
// instead — their synonyms (one spelling per stem: the engine stems, so "country" finds
// "countries"), the numbers however the query wrote them ("article 24", "sixty-eight" → "68"),
// and the other names of each instrument it names ("the Covenant on Civil and Political
// Rights" → "ICCPR"). Numbers are what tells "article 24" from "article 28" among claims that
// share every other word, so the engine must see them.
std::vector<std::string> QueryTerms(std::string_view query) {
  std::vector<std::string> terms = MatchTerms(query);
  absl::flat_hash_set<std::string> stems;
  for (const std::string& term : terms) stems.insert(StemWord(term));
  auto add = [&](std::string_view word) {
    if (terms.size() >= kMaxQueryTerms || word.empty()) return;
    if (stems.insert(StemWord(word)).second) terms.emplace_back(word);
  };
  const std::size_t own = terms.size();
  for (std::size_t i = 0; i < own; ++i) {
    for (std::string_view synonym : SynonymWords(terms[i])) add(synonym);
  }
  for (const std::string& key : ContentStems(query)) {
    if (IsNumberWord(key)) add(key);
  }
  for (const InstrumentMention& mention : FindInstrumentMentions(query, {})) {
    for (const std::string& name : InstrumentNames(mention.canonical)) {
      for (const Word& word : SplitWords(name)) {
        if (!IsStopWord(word.folded) && !IsNumberWord(word.folded)) add(word.folded);
      }
    }
  }
  return terms;
}

}  // namespace

std::vector<std::string> MatchTerms(std::string_view text) {
  std::vector<std::string> terms;
  absl::flat_hash_set<std::string> seen;
  for (Word& word : SplitWords(text)) {
    if (terms.size() >= kMaxMatchTerms) break;
    if (IsStopWord(word.folded) || IsNumberWord(word.folded)) continue;
    if (!seen.insert(word.folded).second) continue;
    terms.push_back(std::move(word.folded));
  }
  return terms;
}

double ShingleSimilarity(std::string_view a, std::string_view b) {
  return Similarity(Keys(a), Keys(b));
}

std::vector<ClaimMatch> RankClaimMatches(std::string_view query,
                                         const std::vector<store::ClaimCandidate>& candidates,
                                         const MatchThresholds& thresholds) {
  std::vector<ClaimMatch> matches;
  if (candidates.empty()) return matches;
  double best = candidates.front().text_score;
  double worst = best;
  for (const store::ClaimCandidate& candidate : candidates) {
    best = std::max(best, candidate.text_score);
    worst = std::min(worst, candidate.text_score);
  }
  // Scores are comparable within one result only: scale by the best, or, for an engine whose
  // scores are not all positive, by the range.
  auto normalised = [&](double score) {
    if (worst >= 0 && best > 0) return score / best;
    if (best > worst) return (score - worst) / (best - worst);
    return 1.0;
  };
  const KeySets query_keys = Keys(query);
  for (const store::ClaimCandidate& candidate : candidates) {
    ClaimMatch match;
    match.text_score = normalised(candidate.text_score);
    const KeySets candidate_keys = Keys(candidate.claim.text);
    match.shingle = Similarity(query_keys, candidate_keys);
    match.score = match.shingle * (1.0 - kTextWeight + kTextWeight * match.text_score);
    if (match.score < thresholds.suggest) continue;
    match.suggested = true;
    // "Article 24 was deleted" and "article 25 was deleted" share all words but one, and so do
    // claims about the Budapest and the Malabo Convention: never the same claim, however
    // similar.
    match.confirmed =
        match.score >= thresholds.confirm && candidate_keys.specifics == query_keys.specifics;
    match.claim = candidate.claim;
    matches.push_back(std::move(match));
  }
  std::stable_sort(matches.begin(), matches.end(), [](const ClaimMatch& a, const ClaimMatch& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.claim.id < b.claim.id;
  });
  return matches;
}

absl::StatusOr<std::vector<ClaimMatch>> MatchClaim(store::FactCheckRecord& store,
                                                   std::string_view query,
                                                   const MatchThresholds& thresholds,
                                                   int candidates) {
  const std::vector<std::string> terms = QueryTerms(query);
  if (terms.empty()) return std::vector<ClaimMatch>();
  absl::StatusOr<std::vector<store::ClaimCandidate>> found =
      store.MatchClaims(terms, std::max(1, candidates));
  if (!found.ok()) return found.status();
  return RankClaimMatches(query, *found, thresholds);
}

}  // namespace tw::factcheck
