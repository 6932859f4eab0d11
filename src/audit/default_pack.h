// The default rule pack (rules/cybercrime.yaml), embedded in the binary at build time so that
// `treatywatch audit` works from any directory; `--pack` replaces it.
#ifndef TREATYWATCH_AUDIT_DEFAULT_PACK_H_
#define TREATYWATCH_AUDIT_DEFAULT_PACK_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "audit/rule.h"

namespace tw::audit {

inline constexpr std::string_view kDefaultPackName = "rules/cybercrime.yaml";

// The YAML text as built in.
std::string_view DefaultPackYaml();

// Parsed; errors name "rules/cybercrime.yaml (built in)".
absl::StatusOr<RulePack> LoadDefaultPack();

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_DEFAULT_PACK_H_
