// SiteSearch: search across the workbench for GET /api/v1/search and the /search page.
//
//   * provisions: the store's full-text search (Store::Search; SQLite FTS5 BM25 with headings
//     weighted above text, PostgreSQL ts_rank_cd), best first; `kind` keeps documents of one
//     kind (filtered after ranking, from a deeper candidate list);
//   * for viewers and above also statements, claims and fact-checks: a plain match — every
//     query word (ASCII case folded, quotes dropped, "-word" excluded) must occur in the text
//     (a fact-check: verdict, summary and rationale) — ranked by how often the words occur,
//     then newest (highest id) first.
// Anonymous visitors search documents only (the decided access rules), so no unpublished
// fact-check, and no claim, ever reaches them. `limit` applies to each type separately; the
// answer lists provisions, then statements, claims and fact-checks.
//
// Thread safety: one call per request, with the request's store.
#ifndef TREATYWATCH_SERVER_SITE_SEARCH_H_
#define TREATYWATCH_SERVER_SITE_SEARCH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "server/request_context.h"
#include "store/store.h"

namespace tw::server {

inline constexpr std::size_t kMaxSearchTextBytes = 500;
inline constexpr int kMaxSearchResults = 100;
// The plain match reads at most this many rows of each type.
inline constexpr int kMaxScannedRows = 50000;

inline constexpr std::string_view kSearchTypes[] = {"all", "provisions", "statements", "claims",
                                                    "factchecks"};

struct SiteSearchQuery {
  std::string text;
  std::optional<std::int64_t> document_id;
  std::string kind;          // a document kind, or empty
  std::string type = "all";  // one of kSearchTypes
  int limit = 20;
};

struct SiteSearchHit {
  std::string type;      // "provision", "statement", "claim", "factcheck"
  std::string citation;  // what to show as the hit's title
  std::string snippet;   // with the store's highlight markers around matches
  std::string url;       // a page to open, or empty
  nlohmann::json json;   // the API form
};

// The query of a request's q, document, kind, type and limit parameters; InvalidArgument
// naming the parameter when one is malformed.
absl::StatusOr<SiteSearchQuery> ParseSiteSearchQuery(const RequestContext& ctx);

// `viewer`: the caller has the viewer role or more (see above for what that adds).
absl::StatusOr<std::vector<SiteSearchHit>> SiteSearch(store::Store& store,
                                                      const SiteSearchQuery& query, bool viewer);

// A snippet as HTML: the text escaped, the highlighted words in <mark>.
std::string SnippetHtml(std::string_view snippet);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_SITE_SEARCH_H_
