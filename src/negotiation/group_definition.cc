#include "negotiation/group_definition.h"

#include <algorithm>

namespace tw::negotiation {

absl::StatusOr<Actor> DefineGroup(const GroupDefinition& definition, ActorRegistry& registry) {
  if (definition.id.empty()) return absl::InvalidArgumentError("the group's id is empty");
  if (definition.name.empty()) return absl::InvalidArgumentError("the group's name is empty");
  if (definition.members.size() > kMaxGroupMembers) {
    return absl::InvalidArgumentError("a group has at most " + std::to_string(kMaxGroupMembers) +
                                      " members");
  }
  Actor actor;
  actor.kind = definition.organisation ? ActorKind::kOrganisation : ActorKind::kGroup;
  actor.id = (definition.organisation ? "org:" : "group:") + definition.id;
  actor.name = definition.name;
  actor.aliases = definition.aliases;
  for (const std::string& member : definition.members) {
    absl::StatusOr<const Actor*> resolved = registry.Resolve(member);
    if (!resolved.ok()) return resolved.status();
    actor.members.push_back((*resolved)->id);
  }
  std::sort(actor.members.begin(), actor.members.end());
  actor.members.erase(std::unique(actor.members.begin(), actor.members.end()),
                      actor.members.end());
  if (absl::Status added = registry.AddActor(actor); !added.ok()) return added;
  return actor;
}

}  // namespace tw::negotiation
