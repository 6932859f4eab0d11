#include "negotiation/un_member_states.h"

#include <algorithm>
#include <array>
#include <string>

#include "absl/status/status.h"
#include "fmt/format.h"

namespace tw::negotiation {
namespace {

struct RegionalGroup {
  std::string_view slug;  // the value of the TSV's regional_group column
  std::string_view name;
  std::array<std::string_view, 4> aliases;
};

// "African Group" is deliberately not an alias: negotiators mean the African Union's bloc by it,
// which users define as a negotiating group of their own.
constexpr std::array<RegionalGroup, 5> kRegionalGroups = {{
    {"african-states", "African States", {"Group of African States", "African States Group"}},
    {"asia-pacific",
     "Asia-Pacific States",
     {"Asia-Pacific Group", "Group of Asia-Pacific States", "Asia and the Pacific",
      "Asia-Pacific"}},
    {"eastern-european",
     "Eastern European States",
     {"Eastern European Group", "Group of Eastern European States", "EEG"}},
    {"grulac",
     "Latin American and Caribbean States",
     {"GRULAC", "Group of Latin American and Caribbean States",
      "Latin American and Caribbean Group"}},
    {"weog",
     "Western European and other States",
     {"WEOG", "Western European and Others Group", "Group of Western European and other States"}},
}};

// The embedded file holds 195 rows; the bound only keeps a broken input from running away.
constexpr std::size_t kMaxRows = 1000;
constexpr std::size_t kColumns = 6;

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    std::size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return parts;
}

bool IsUpperAscii(std::string_view code, std::size_t length) {
  return code.size() == length && std::all_of(code.begin(), code.end(), [](char c) {
           return c >= 'A' && c <= 'Z';
         });
}

}  // namespace

absl::StatusOr<std::vector<Actor>> ParseUnMembership(std::string_view tsv,
                                                     std::string_view source) {
  std::vector<Actor> states;
  std::vector<Actor> groups;
  for (const RegionalGroup& group : kRegionalGroups) {
    Actor actor;
    actor.id = fmt::format("regional:{}", group.slug);
    actor.kind = ActorKind::kRegionalGroup;
    actor.name = std::string(group.name);
    for (std::string_view alias : group.aliases) {
      if (!alias.empty()) actor.aliases.emplace_back(alias);
    }
    groups.push_back(std::move(actor));
  }

  bool header_seen = false;
  int line_number = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    if (states.size() >= kMaxRows) {
      return absl::ResourceExhaustedError(
          fmt::format("{}: line {}: more than {} states", source, line_number, kMaxRows));
    }
    std::vector<std::string_view> cells = Split(line, '\t');
    if (cells.size() != kColumns) {
      return absl::InvalidArgumentError(fmt::format("{}: line {}: {} columns, expected {}",
                                                    source, line_number, cells.size(), kColumns));
    }
    Actor state;
    if (!IsUpperAscii(cells[0], 3) || !IsUpperAscii(cells[1], 2)) {
      return absl::InvalidArgumentError(fmt::format(
          "{}: line {}: \"{}\"/\"{}\" are not ISO 3166-1 alpha-3/alpha-2 codes", source,
          line_number, cells[0], cells[1]));
    }
    state.id = std::string(cells[0]);
    state.iso3 = state.id;
    state.iso2 = std::string(cells[1]);
    state.name = std::string(cells[2]);
    if (state.name.empty()) {
      return absl::InvalidArgumentError(fmt::format("{}: line {}: no name", source, line_number));
    }
    if (cells[3] == "member") {
      state.kind = ActorKind::kMemberState;
    } else if (cells[3] == "observer") {
      state.kind = ActorKind::kObserverState;
    } else {
      return absl::InvalidArgumentError(fmt::format(
          "{}: line {}: status \"{}\" is neither member nor observer", source, line_number,
          cells[3]));
    }
    if (!cells[4].empty()) {
      auto group = std::find_if(kRegionalGroups.begin(), kRegionalGroups.end(),
                                [&](const RegionalGroup& g) { return g.slug == cells[4]; });
      if (group == kRegionalGroups.end()) {
        return absl::InvalidArgumentError(fmt::format(
            "{}: line {}: unknown regional group \"{}\"", source, line_number, cells[4]));
      }
      Actor& group_actor = groups[group - kRegionalGroups.begin()];
      state.regional_group = group_actor.id;
      group_actor.members.push_back(state.id);
    } else if (state.kind == ActorKind::kMemberState) {
      return absl::InvalidArgumentError(fmt::format(
          "{}: line {}: member state {} has no regional group", source, line_number, state.id));
    }
    if (!cells[5].empty()) {
      for (std::string_view alias : Split(cells[5], '|')) {
        if (alias.empty()) {
          return absl::InvalidArgumentError(
              fmt::format("{}: line {}: empty alias", source, line_number));
        }
        state.aliases.emplace_back(alias);
      }
    }
    states.push_back(std::move(state));
  }
  if (!header_seen) {
    return absl::InvalidArgumentError(fmt::format("{}: no header line", source));
  }
  for (Actor& group : groups) std::sort(group.members.begin(), group.members.end());
  states.insert(states.end(), std::make_move_iterator(groups.begin()),
                std::make_move_iterator(groups.end()));
  return states;
}

}  // namespace tw::negotiation
