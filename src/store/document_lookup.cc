#include "store/document_lookup.h"

#include <fmt/format.h>

namespace tw::store {

DocumentKey ParseDocumentKey(std::string_view id_or_symbol) {
  DocumentKey key;
  key.symbol = std::string(id_or_symbol);
  // 18 digits always fit in int64; longer numbers cannot be ids we assigned.
  constexpr std::size_t kMaxIdDigits = 18;
  if (id_or_symbol.empty() || id_or_symbol.size() > kMaxIdDigits) return key;
  std::int64_t id = 0;
  for (char c : id_or_symbol) {
    if (c < '0' || c > '9') return key;
    id = id * 10 + (c - '0');
  }
  key.id = id;
  return key;
}

absl::Status DocumentNotFoundError(std::string_view asked) {
  return absl::NotFoundError(fmt::format("no document '{}' (try `treatywatch list`)", asked));
}

absl::Status InstrumentNotFoundError(std::string_view asked) {
  return absl::NotFoundError(fmt::format("no instrument '{}' (try `treatywatch list`)", asked));
}

std::string NormalizeSha256(std::string_view sha256) {
  std::string out(sha256);
  for (char& c : out) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace tw::store
