#include "factcheck/evidence_anchor.h"

#include <array>
#include <utility>

namespace tw::factcheck {
namespace {

constexpr std::array<std::pair<AnchorStatus, std::string_view>, 5> kStatusNames = {{
    {AnchorStatus::kIntact, "intact"},
    {AnchorStatus::kMoved, "moved"},
    {AnchorStatus::kChanged, "changed"},
    {AnchorStatus::kLost, "lost"},
    {AnchorStatus::kAmbiguous, "ambiguous"},
}};

}  // namespace

std::string_view AnchorStatusName(AnchorStatus status) {
  for (const auto& [value, name] : kStatusNames) {
    if (value == status) return name;
  }
  return "lost";
}

bool ParseAnchorStatus(std::string_view name, AnchorStatus* status) {
  for (const auto& [value, known] : kStatusNames) {
    if (name == known) {
      *status = value;
      return true;
    }
  }
  return false;
}

}  // namespace tw::factcheck
