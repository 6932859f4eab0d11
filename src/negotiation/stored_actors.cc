#include "negotiation/stored_actors.h"

#include <utility>
#include <vector>

namespace tw::negotiation {

absl::StatusOr<ActorRegistry> StoredActorRegistry(store::NegotiationRecord& store) {
  ActorRegistry registry = ActorRegistry::Default();
  absl::StatusOr<std::vector<Actor>> stored = store.ListActors();
  if (!stored.ok()) return stored.status();
  for (Actor& actor : *stored) {
    if (absl::Status added = registry.AddActor(std::move(actor)); !added.ok()) return added;
  }
  return registry;
}

}  // namespace tw::negotiation
