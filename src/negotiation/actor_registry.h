// ActorRegistry: every actor known to a negotiation and the one place names are resolved.
//
// Default() holds the 193 UN member states and 2 observer states (UN short names and common
// aliases, ISO 3166-1 codes; official and common names also read from Debian's iso-codes data
// when it is installed), the five UN regional groups with their members, the Chair and the
// Secretariat. Users add negotiating groups and organisations (AddActor).
//
// Resolve() is robust to case, accents, punctuation, "&" for "and", a leading "the", word order
// of UN forms ("Iran (Islamic Republic of)" = "Iran"), and ISO alpha-2/alpha-3 codes. An unknown
// name is a NotFound error that suggests the nearest actors. Thread-compatible: resolving is
// const; adding needs exclusive access.
#ifndef TREATYWATCH_NEGOTIATION_ACTOR_REGISTRY_H_
#define TREATYWATCH_NEGOTIATION_ACTOR_REGISTRY_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "negotiation/actor.h"

namespace tw::negotiation {

// Limits on what AddActor and Resolve accept (names come from user files and requests).
inline constexpr std::size_t kMaxActorNameBytes = 256;  // ids, names, aliases and queries
inline constexpr std::size_t kMaxActorAliases = 100;
inline constexpr std::size_t kMaxGroupMembers = 1000;
inline constexpr std::size_t kMaxActors = 10000;

class ActorRegistry {
 public:
  // The UN membership, observers, regional groups, Chair and Secretariat. Built once per process
  // (the embedded data cannot fail: tests load it), then copied.
  static ActorRegistry Default();

  // Default() from explicit data: `states_tsv` in the format of un_member_states.tsv, and the
  // iso-codes JSON at `iso_codes_json` for extra aliases (empty, missing or broken = none; an
  // iso-codes name that would designate another actor is skipped).
  static absl::StatusOr<ActorRegistry> FromUnData(std::string_view states_tsv,
                                                  const std::string& iso_codes_json);

  ActorRegistry();
  ActorRegistry(const ActorRegistry&);
  ActorRegistry& operator=(const ActorRegistry&);
  ActorRegistry(ActorRegistry&&) noexcept;
  ActorRegistry& operator=(ActorRegistry&&) noexcept;
  ~ActorRegistry();

  // Error when the id is taken, or a name or alias would resolve to two actors, or a group
  // member is unknown.
  absl::Status AddActor(Actor actor);

  // The actor a name, alias, ISO code or id designates. Error message:
  //   `unknown actor "Brazl"; did you mean Brazil, Bahrain?`
  // A name several actors share is NotFound as well, listing them:
  //   `ambiguous actor "Korea"; did you mean Democratic People's Republic of Korea, ...?`
  // One NameKey and one hash lookup; the pointer is valid until the next AddActor.
  absl::StatusOr<const Actor*> Resolve(std::string_view name) const;

  const Actor* FindById(std::string_view id) const;

  // In a stable order: member states by name, then observers, groups, others.
  const std::vector<Actor>& actors() const;

  // The 193 member states, sorted by name (the denominator of "share of the total membership").
  std::vector<const Actor*> MemberStates() const;

  // Up to `limit` actors whose names are closest to `name` (for error messages and UIs).
  std::vector<const Actor*> Suggest(std::string_view name, int limit = 3) const;

 private:
  struct Index;
  // `check_references`: whether members and regional_group must name known actors (off while
  // FromUnData adds the states before their groups; it checks them at the end).
  absl::Status AddActorImpl(Actor actor, bool check_references);

  std::vector<Actor> actors_;
  std::unique_ptr<Index> index_;
};

// The comparison key Resolve uses: case-folded, accents removed, punctuation dropped, "&" →
// "and", a leading "the" dropped, "(Islamic Republic of)"-style suffixes folded in. Exposed
// for tests.
std::string NameKey(std::string_view name);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_ACTOR_REGISTRY_H_
