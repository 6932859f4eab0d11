// Claim generator: the haystack claim matching is tested and benchmarked in. Claims in the
// shape delegations make them on the floor of the cybercrime negotiation, drawn from ~40
// templates (mirrors, safeguards, support counts, objections, changes since the last draft,
// consistency with other instruments, proposals, ratifications, ...) over 60 actors, 68
// articles, 45 topics, 10 instruments, groups, sessions and numbers. Many differ from a real
// claim only in the article, the actor or the instrument, so they are the near misses a
// matcher must rank below the right one.
//
// Deterministic: claim `index` depends only on (seed, index), so a million claims can be
// generated in batches and regenerated identically (splitmix64; no std distributions, which
// differ between standard libraries). Pure; thread-safe.
//
// The paraphrase set (tests/factcheck/claim_paraphrases.tsv): real-looking claims and each
// said again in other words, read by LoadParaphrases.
#ifndef TREATYWATCH_TESTS_FACTCHECK_CLAIM_GENERATOR_H_
#define TREATYWATCH_TESTS_FACTCHECK_CLAIM_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "factcheck/claim.h"

namespace tw::factcheck::testing {

// Generated claim `index` (0-based); its id is left 0 for the caller. Text, actor, session,
// date, grade, created_by and created_at are filled.
Claim GeneratedClaim(std::uint64_t seed, std::int64_t index);

// Claims [first, first + count) with ids id_base + index. A claim whose text (lowercase, spaces
// collapsed) is in `exclude` is drawn again (from the next sub-seed), so the haystack never
// holds a copy of a test claim.
std::vector<Claim> GenerateClaims(std::uint64_t seed, std::int64_t first, std::int64_t count,
                                  std::int64_t id_base,
                                  const absl::flat_hash_set<std::string>& exclude = {});

// The form `exclude` compares texts in.
std::string ComparableText(const std::string& text);

struct Paraphrase {
  std::string actor;
  std::string claim;
  std::string paraphrase;
};

// Reads actor<TAB>claim<TAB>paraphrase lines ('#' lines and blank lines skipped).
absl::StatusOr<std::vector<Paraphrase>> LoadParaphrases(const std::string& path);

// The paraphrase set's path in the source tree.
std::string ParaphrasesPath();

// A store's worth of claims to search: `distractors` generated claims (never a copy of a pair's
// claim) and the pairs' claims ("originals"), ids 1..size(). The originals' ids are spread
// evenly among the others: a store may favour old or new claims when it must cut a long
// posting list, and the originals must not gain from standing at either end. Claims are made
// on demand, a range at a time, so a million need not be held at once.
class Haystack {
 public:
  Haystack(std::uint64_t seed, std::int64_t distractors, std::vector<Paraphrase> pairs);

  std::int64_t size() const { return distractors_ + static_cast<std::int64_t>(pairs_.size()); }
  const std::vector<Paraphrase>& pairs() const { return pairs_; }
  // The id of pair i's claim.
  std::int64_t original_id(std::size_t pair) const { return original_ids_[pair]; }
  // The claims with ids [first_id, first_id + count), in id order (clipped to size()).
  std::vector<Claim> Claims(std::int64_t first_id, std::int64_t count) const;

 private:
  std::uint64_t seed_;
  std::int64_t distractors_;
  std::vector<Paraphrase> pairs_;
  std::vector<std::int64_t> original_ids_;  // increasing
  absl::flat_hash_set<std::string> exclude_;
};

}  // namespace tw::factcheck::testing

#endif  // TREATYWATCH_TESTS_FACTCHECK_CLAIM_GENERATOR_H_
