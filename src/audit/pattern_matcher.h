// PatternMatcher: the distinct regexes of a rule pack, compiled once as one RE2::Set (which
// patterns occur in a text: one linear pass for all of them) and as one RE2 each (where the
// first occurrence is: run only for patterns the set reported, on the segments that hold them).
//
// A pattern that matches at most positions of ordinary prose ("re: \\S") is kept out of the set:
// in the set's DFA every position where some pattern matches costs a bookkeeping step, which
// such a pattern would impose on every byte (it halved the set's speed on the corpus), whereas
// alone it is found at a segment's first bytes and the search stops there.
//
// When the set's DFA runs out of memory on a text, the patterns run one by one on that text and
// every later one — slower (linear in text size × pattern count) but never a failure. Both
// engines see the same string_view for a segment, so they agree on \b at segment edges.
//
// Compile once; every const method is safe to call from several threads (RE2 and RE2::Set are).
#ifndef TREATYWATCH_AUDIT_PATTERN_MATCHER_H_
#define TREATYWATCH_AUDIT_PATTERN_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "audit/bit_rows.h"
#include "audit/provision_index.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace tw::audit {

struct PatternMatcherOptions {
  std::int64_t set_max_mem = std::int64_t{256} << 20;
  std::int64_t pattern_max_mem = std::int64_t{8} << 20;
  bool use_set = true;
};

struct RegexToCompile {
  std::string regex;
  std::string where;  // "pack.yaml:12:7", prefixed to errors
};

class PatternMatcher {
 public:
  // Pattern i of the result is regexes[i]. Errors name `where` of the pattern that failed.
  static absl::StatusOr<PatternMatcher> Compile(const std::vector<RegexToCompile>& regexes,
                                                const PatternMatcherOptions& options);

  PatternMatcher(PatternMatcher&&) noexcept;
  PatternMatcher& operator=(PatternMatcher&&) noexcept;
  ~PatternMatcher();

  std::size_t size() const { return alone_.size(); }

  // Row s of `found` (one bit per pattern) = the patterns occurring in index.segments()[s].
  // Returns false when the set ran out of memory and the patterns ran alone instead.
  bool MatchSegments(const ProvisionIndex& index, BitRows* found) const;

  // Whether `pattern` occurs in `text` (used for chapter labels and headings, which are strings
  // of the tree rather than ranges of the text).
  bool Occurs(std::size_t pattern, std::string_view text) const;

  // The first occurrence of `pattern` in `text`, as a sub-view of `text`; false when none.
  bool FirstMatch(std::size_t pattern, std::string_view text, std::string_view* match) const;

 private:
  struct Set;
  PatternMatcher(std::unique_ptr<Set> set, std::vector<std::size_t> in_set,
                 std::vector<std::size_t> dense, std::vector<std::unique_ptr<re2::RE2>> alone);
  void MatchAlone(std::string_view text, std::size_t row, BitRows* found) const;

  std::unique_ptr<Set> set_;  // null when no pattern is in it or use_set is off
  std::vector<std::size_t> in_set_;  // set index -> pattern
  std::vector<std::size_t> dense_;   // patterns run alone on every segment even with the set
  std::vector<std::unique_ptr<re2::RE2>> alone_;
};

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_PATTERN_MATCHER_H_
