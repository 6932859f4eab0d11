#include "negotiation/records.h"

#include <array>
#include <cctype>
#include <utility>

#include "text/ascii_case.h"

namespace tw::negotiation {
namespace {

constexpr std::array<std::pair<Stance, std::string_view>, 5> kStanceNames = {{
    {Stance::kSupport, "support"},
    {Stance::kOppose, "oppose"},
    {Stance::kAmend, "amend"},
    {Stance::kReserve, "reserve"},
    {Stance::kNeutral, "neutral"},
}};

constexpr std::array<std::pair<Ballot, std::string_view>, 4> kBallotNames = {{
    {Ballot::kYes, "yes"},
    {Ballot::kNo, "no"},
    {Ballot::kAbstain, "abstain"},
    {Ballot::kAbsent, "absent"},
}};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Names come from spreadsheets and hand-typed files: " Yes " is still yes.
bool SameWord(std::string_view text, std::string_view name) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text::EqualsIgnoringAsciiCase(text, name);
}

template <typename Enum, std::size_t N>
bool ParseName(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view text,
               Enum* value) {
  for (const auto& [v, name] : names) {
    if (SameWord(text, name)) {
      *value = v;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view StanceName(Stance stance) {
  for (const auto& [s, name] : kStanceNames) {
    if (s == stance) return name;
  }
  return "neutral";
}

bool ParseStance(std::string_view name, Stance* stance) {
  return ParseName(kStanceNames, name, stance);
}

std::string_view BallotName(Ballot ballot) {
  for (const auto& [b, name] : kBallotNames) {
    if (b == ballot) return name;
  }
  return "absent";
}

bool ParseBallot(std::string_view name, Ballot* ballot) {
  return ParseName(kBallotNames, name, ballot);
}

}  // namespace tw::negotiation
