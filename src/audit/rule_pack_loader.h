// Loading rule packs from YAML (yaml-cpp). Every problem is an InvalidArgumentError naming the
// file, line and column: syntax errors, unknown keys, wrong value types, bad severities, duplicate
// rule ids, patterns RE2 rejects, selectors without a criterion, categories nobody assigns,
// classification cycles. Thread-compatible; no global state.
#ifndef TREATYWATCH_AUDIT_RULE_PACK_LOADER_H_
#define TREATYWATCH_AUDIT_RULE_PACK_LOADER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "audit/rule.h"

namespace tw::audit {

// Limits on what a pack (untrusted input) may hold; a pack beyond one is refused with an error.
inline constexpr std::size_t kMaxPackBytes = 4 << 20;        // the YAML file
inline constexpr std::size_t kMaxPackTextBytes = 4 << 20;    // all text read out, aliases expanded
inline constexpr std::size_t kMaxPatternBytes = 1000;        // one pattern as written
inline constexpr std::size_t kMaxRules = 5000;
inline constexpr std::size_t kMaxCategories = 1000;
inline constexpr std::size_t kMaxPatternsPerRule = 200;      // select and test together
inline constexpr std::size_t kMaxSourcesPerRule = 100;
inline constexpr std::int64_t kMaxPatternMemory = 2 << 20;   // RE2 max_mem for one pattern

// `file_name` is used in messages only.
absl::StatusOr<RulePack> ParseRulePack(std::string_view yaml, std::string_view file_name);

absl::StatusOr<RulePack> LoadRulePackFile(const std::string& path);

// Several packs audited together: rules and categories are concatenated; a rule id or category
// id defined twice is an error naming both places.
absl::StatusOr<RulePack> MergeRulePacks(std::vector<RulePack> packs);

// Compiles one pattern as written in a pack (see rule.h) to RE2 syntax; error when RE2 rejects
// it. Exposed for the engine's tests and the docs' examples.
absl::StatusOr<std::string> PatternToRegex(std::string_view source);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_RULE_PACK_LOADER_H_
