// The search language users type, parsed into a structure every backend renders into its own
// full-text query (SQLite FTS5 MATCH, PostgreSQL tsquery). Raw user text never reaches a
// query parser: each term is data, quoted by the renderer, so input such as `"`, `NEAR(a b`,
// `col:x`, `*` or `'; DROP TABLE documents;--` is just words, or nothing.
//
// Syntax (web-search style):
//   word            must occur; `word*` matches words starting with "word"
//   "two words"     the phrase; `"two wor"*` makes its last word a prefix
//   -word, -"a b"   must not occur
//   a OR b          either (upper-case OR between two terms); binds tighter than the implicit AND
// Terms with no letter or digit (punctuation, lone `*` or `-`) are dropped: they would match
// nothing and, ANDed with the rest, empty the result. Ill-formed UTF-8 bytes separate words.
// A query without any required term (empty, or only exclusions) has nothing to rank and
// matches no provision.
// Thread safety: pure function.
#ifndef TREATYWATCH_STORE_SEARCH_SYNTAX_H_
#define TREATYWATCH_STORE_SEARCH_SYNTAX_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace tw::store {

// Named limits: the query is untrusted input.
inline constexpr std::size_t kMaxSearchQueryBytes = 4096;
inline constexpr std::size_t kMaxSearchTerms = 64;

struct SearchTerm {
  std::string text;     // as typed, without quotes or the prefix star
  bool phrase = false;  // written in quotes
  bool prefix = false;  // the last word is a prefix
};

// At least one of `any_of` must occur (one element unless OR was used).
struct SearchClause {
  std::vector<SearchTerm> any_of;
};

struct SearchExpression {
  std::vector<SearchClause> all_of;  // every clause must be satisfied
  std::vector<SearchTerm> none_of;   // none of these may occur
  bool MatchesNothing() const { return all_of.empty(); }
};

// InvalidArgument past kMaxSearchQueryBytes or kMaxSearchTerms; otherwise always succeeds.
absl::StatusOr<SearchExpression> ParseSearchText(std::string_view text);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_SEARCH_SYNTAX_H_
