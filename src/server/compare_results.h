// What the compare handlers (compare_api.cc, compare_pages.cc) serve, computed once per set of
// documents and kept in process-wide ResultCaches (server/result_cache.h): the comparison of two
// stored versions, the crosswalk of two instruments, the history of one provision through its
// version chain. Plus the request parsing they share: which stored document a parameter names,
// and which provision paths are acceptable.
//
// Thread safety: every function may be called from any worker thread.
#ifndef TREATYWATCH_SERVER_COMPARE_RESULTS_H_
#define TREATYWATCH_SERVER_COMPARE_RESULTS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "compare/comparison.h"
#include "compare/crosswalk.h"
#include "compare/version_chain.h"
#include "doc/document.h"
#include "server/request_context.h"

namespace tw::server {

// A provision path is at most this long: paths are short ("art5.p2.b", "annex.art7").
inline constexpr std::size_t kMaxProvisionPathBytes = 200;

// The stored document whose id the query parameter `name` holds: InvalidArgument when it is not
// a positive whole number, NotFound when no document has that id.
absl::StatusOr<doc::Document> DocumentFromParam(RequestContext& ctx, std::string_view name);
// The stored document of id `id`; NotFound when there is none.
absl::StatusOr<doc::Document> DocumentById(RequestContext& ctx, std::int64_t id);

// InvalidArgument unless `path` looks like a provision path: 1..kMaxProvisionPathBytes of
// [A-Za-z0-9._-]. `what` names the parameter in the message.
absl::Status CheckProvisionPath(std::string_view path, std::string_view what);

std::shared_ptr<const compare::Comparison> CachedComparison(const doc::Document& old_doc,
                                                            const doc::Document& new_doc);
std::shared_ptr<const compare::Crosswalk> CachedCrosswalk(const doc::Document& a,
                                                          const doc::Document& b);

// The history of `path` of `document` through its instrument's chain (loaded from the store):
// FailedPrecondition when the document is in no chain, NotFound when it has no such provision.
absl::StatusOr<std::shared_ptr<const compare::ProvisionHistory>> CachedHistory(
    RequestContext& ctx, const doc::Document& document, const std::string& path);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_COMPARE_RESULTS_H_
