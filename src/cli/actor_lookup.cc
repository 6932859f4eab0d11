#include "cli/actor_lookup.h"

namespace tw::cli {

absl::StatusOr<negotiation::ActorRegistry> LoadActorRegistry(CliContext& context) {
  negotiation::ActorRegistry registry = negotiation::ActorRegistry::Default();
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<std::vector<negotiation::Actor>> stored = (*store)->ListActors();
  if (!stored.ok()) return stored.status();
  for (negotiation::Actor& actor : *stored) {
    if (absl::Status added = registry.AddActor(std::move(actor)); !added.ok()) return added;
  }
  return registry;
}

}  // namespace tw::cli
