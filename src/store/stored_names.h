// How the store spells an enum in a row: a fixed table of (value, stored name) pairs per enum,
// kept in the store so the stored format never follows a change of display names. Reading a
// name the table lacks means the row was not written by this store: DataLoss, naming the row.
#ifndef TREATYWATCH_STORE_STORED_NAMES_H_
#define TREATYWATCH_STORE_STORED_NAMES_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/negotiation_rows.h"

namespace tw::store {

template <typename Enum, std::size_t N>
using StoredNames = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
std::string_view NameOf(const StoredNames<Enum, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return {};
}

// `kind` names the enum ("stance"), `what` the row ("position 7").
template <typename Enum, std::size_t N>
absl::StatusOr<Enum> ValueOf(const StoredNames<Enum, N>& names, std::string_view stored,
                             std::string_view kind, std::string_view what) {
  for (const auto& [value, name] : names) {
    if (name == stored) return value;
  }
  return absl::DataLossError(fmt::format("{} has unknown {} '{}'", what, kind, Shown(stored)));
}

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_STORED_NAMES_H_
