// DefineGroup: a negotiating group, bloc or organisation the user adds to the record (`actors
// add-group`, POST /api/v1/actors). Its id gets the kind's prefix ("eu" → "group:eu",
// "org:eff"); members are named as users name actors (name, alias, ISO code, id) and stored as
// ids, sorted, each once. The registry checks the new actor against every known name before
// the caller stores it, and holds it afterwards.
//
// Thread-compatible: modifies the registry.
#ifndef TREATYWATCH_NEGOTIATION_GROUP_DEFINITION_H_
#define TREATYWATCH_NEGOTIATION_GROUP_DEFINITION_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "negotiation/actor.h"
#include "negotiation/actor_registry.h"

namespace tw::negotiation {

struct GroupDefinition {
  std::string id;    // without the prefix: "eu"
  std::string name;  // "European Union"
  bool organisation = false;  // a CSO or organisation ("org:") rather than a group ("group:")
  std::vector<std::string> members;  // as users name them
  std::vector<std::string> aliases;
};

// The actor, added to `registry`. Errors: an unknown member (with suggestions), an id or name
// already taken, an empty id or name, and the registry's limits.
absl::StatusOr<Actor> DefineGroup(const GroupDefinition& definition, ActorRegistry& registry);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_GROUP_DEFINITION_H_
