#include "negotiation/actor.h"

#include <array>
#include <cctype>
#include <utility>

#include "text/ascii_case.h"

namespace tw::negotiation {
namespace {

constexpr std::array<std::pair<ActorKind, std::string_view>, 7> kKindNames = {{
    {ActorKind::kMemberState, "member-state"},
    {ActorKind::kObserverState, "observer-state"},
    {ActorKind::kRegionalGroup, "regional-group"},
    {ActorKind::kGroup, "group"},
    {ActorKind::kOrganisation, "organisation"},
    {ActorKind::kChair, "chair"},
    {ActorKind::kSecretariat, "secretariat"},
}};

}  // namespace

std::string_view ActorKindName(ActorKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

bool ParseActorKind(std::string_view name, ActorKind* kind) {
  for (const auto& [k, kind_name] : kKindNames) {
    if (text::EqualsIgnoringAsciiCase(name, kind_name)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

}  // namespace tw::negotiation
