#include "audit/default_pack.h"

#include <string>

#include "audit/rule_pack_loader.h"

namespace tw::audit {

absl::StatusOr<RulePack> LoadDefaultPack() {
  return ParseRulePack(DefaultPackYaml(), std::string(kDefaultPackName) + " (built in)");
}

}  // namespace tw::audit
