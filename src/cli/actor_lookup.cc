#include "cli/actor_lookup.h"

#include <filesystem>
#include <string>

#include "negotiation/stored_actors.h"

namespace tw::cli {

namespace {

// A SQLite database that is not there holds no user actors: resolving a name must not create
// an empty database file in the folder the user happens to be in.
bool MissingSqliteFile(const std::string& url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return false;
  const std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
  std::error_code error;
  return !std::filesystem::exists(path, error) && !error;
}

}  // namespace

absl::StatusOr<negotiation::ActorRegistry> LoadActorRegistry(CliContext& context) {
  if (MissingSqliteFile(context.db)) return negotiation::ActorRegistry::Default();
  absl::StatusOr<store::Store*> store = context.Store();
  if (!store.ok()) return store.status();
  return negotiation::StoredActorRegistry(**store);
}

}  // namespace tw::cli
