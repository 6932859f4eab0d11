// Actor: who takes part in a negotiation — a UN member or observer state, a group of states
// (a UN regional group, or a negotiating bloc the user defines), a civil-society organisation,
// the Chair, the Secretariat. Plain values.
#ifndef TREATYWATCH_NEGOTIATION_ACTOR_H_
#define TREATYWATCH_NEGOTIATION_ACTOR_H_

#include <string>
#include <string_view>
#include <vector>

namespace tw::negotiation {

enum class ActorKind {
  kMemberState,    // one of the 193 UN member states
  kObserverState,  // the Holy See, the State of Palestine
  kRegionalGroup,  // the five UN regional groups
  kGroup,          // a negotiating group or bloc defined by the user (EU, African Group, G77)
  kOrganisation,   // a CSO, an intergovernmental organisation
  kChair,
  kSecretariat,
};
std::string_view ActorKindName(ActorKind kind);  // "member-state", "observer-state", ...
bool ParseActorKind(std::string_view name, ActorKind* kind);

struct Actor {
  // Stable key: ISO 3166-1 alpha-3 for states ("BRA"); a slug for everything else
  // ("group:african-group", "regional:GRULAC", "org:eff", "chair", "secretariat").
  std::string id;
  ActorKind kind = ActorKind::kMemberState;
  std::string name;                   // UN short name: "Brazil", "Russian Federation", "Türkiye"
  std::string iso3;                   // states only
  std::string iso2;                   // states only
  std::vector<std::string> aliases;   // "Russia", "Turkey", "Iran", "Antigua & Barbuda"
  std::string regional_group;         // states: the regional group's id; empty otherwise
  std::vector<std::string> members;   // groups: member actor ids, sorted
};

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_ACTOR_H_
