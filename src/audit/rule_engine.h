// RuleEngine: evaluates a rule pack over documents. All patterns of the pack are compiled into
// one RE2::Set (those matching almost everywhere, like "re: \\S", run beside it: see
// pattern_matcher.h), and each byte of a document's text is scanned by it once: the set runs
// over every provision's own text, and a provision's matches are the union of its own and its
// children's.
// Only the patterns a set reports are then run alone, to find the evidence words.
//
// Compile once, evaluate many documents; Evaluate is const and safe to call from several threads.
#ifndef TREATYWATCH_AUDIT_RULE_ENGINE_H_
#define TREATYWATCH_AUDIT_RULE_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "absl/status/statusor.h"
#include "audit/finding.h"
#include "audit/rule.h"
#include "doc/document.h"

namespace tw::audit {

// Limits that a pack (user input) controls. The set's DFA degrades to running the patterns one
// by one (still linear) when it runs out of memory at match time.
struct EngineLimits {
  std::int64_t set_max_mem = std::int64_t{256} << 20;   // the RE2::Set of every pattern
  std::int64_t pattern_max_mem = std::int64_t{8} << 20;  // each pattern alone (evidence)
  std::size_t max_patterns = 20000;                       // distinct regexes in a pack
  // false: never build the set and run every pattern alone — the out-of-memory path, kept
  // selectable so tests check it against the set on the same documents.
  bool use_set = true;
};

class RuleEngine {
 public:
  // Errors when a pattern does not compile or the set exceeds its memory budget; the message
  // names the pack position of the pattern.
  static absl::StatusOr<RuleEngine> Compile(const RulePack& pack);
  static absl::StatusOr<RuleEngine> Compile(const RulePack& pack, const EngineLimits& limits);

  RuleEngine(RuleEngine&&) noexcept;
  RuleEngine& operator=(RuleEngine&&) noexcept;
  ~RuleEngine();

  const RulePack& pack() const;

  AuditResult Evaluate(const doc::Document& document) const;

 private:
  struct Compiled;
  explicit RuleEngine(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_RULE_ENGINE_H_
