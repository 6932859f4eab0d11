// How a user names a document or an instrument to the store, and what the store says when
// nothing has that name. Shared by every backend so that `show 7`, `show A/AC.291/22` and
// `show a/ac.291/22` resolve, and fail, the same way whatever the database.
//
// Resolution order for LoadDocument(id_or_symbol):
//   1. a decimal number (at most 18 digits) is tried as a document id;
//   2. then as a symbol, exactly (byte for byte);
//   3. then as a symbol, ignoring ASCII case (UN symbols are ASCII: "A/AC.291/L.15").
// When several documents share the symbol that matched, the most recently stored one wins
// (the highest id): re-ingesting a corrected file of the same symbol makes it the one shown,
// while older copies stay reachable by id.
// Thread safety: pure functions.
#ifndef TREATYWATCH_STORE_DOCUMENT_LOOKUP_H_
#define TREATYWATCH_STORE_DOCUMENT_LOOKUP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace tw::store {

struct DocumentKey {
  std::optional<std::int64_t> id;  // set when the text is a decimal number
  std::string symbol;              // the text as given, always tried as a symbol
};

DocumentKey ParseDocumentKey(std::string_view id_or_symbol);

// NotFound: "no document 'X' (try `treatywatch list`)".
absl::Status DocumentNotFoundError(std::string_view asked);
// NotFound: "no instrument 'X' (try `treatywatch list`)".
absl::Status InstrumentNotFoundError(std::string_view asked);

// Lowercase hex as stored; callers may pass either case.
std::string NormalizeSha256(std::string_view sha256);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_DOCUMENT_LOOKUP_H_
