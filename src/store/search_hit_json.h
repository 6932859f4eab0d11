// The public form of a search hit: the snippet split at the store's highlight markers
// (kHighlightOpen/kHighlightClose) into plain text and highlight ranges, and the JSON that
// `search --json` prints and the HTTP API returns. Field names are a contract for scripts.
//
//   {"document","cite","path","citation","snippet","highlights":[[begin,end]...],"score"}
//
// Pure; thread-safe.
#ifndef TREATYWATCH_STORE_SEARCH_HIT_JSON_H_
#define TREATYWATCH_STORE_SEARCH_HIT_JSON_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace tw::store {

// A snippet without its markers (line breaks as spaces), and the byte ranges that were
// highlighted; adjacent highlights separated only by spaces are merged ("conditions and
// safeguards" reads as one highlight, not three).
struct RenderedSnippet {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

RenderedSnippet ParseSnippet(std::string_view snippet);

nlohmann::json SearchHitToJson(const SearchHit& hit);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_SEARCH_HIT_JSON_H_
