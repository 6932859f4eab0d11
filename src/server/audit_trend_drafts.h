// Which drafts a trend request names, for the trend API and page: `documents=ID,ID,...` (two
// or more stored ids, oldest first) or `instrument=NAME` (its whole version chain), at most
// kMaxTrendDrafts (server/audit_results.h). InvalidArgument for a malformed or too long list,
// NotFound for an unknown id or instrument.
#ifndef TREATYWATCH_SERVER_AUDIT_TREND_DRAFTS_H_
#define TREATYWATCH_SERVER_AUDIT_TREND_DRAFTS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "doc/document.h"
#include "server/request_context.h"

namespace tw::server {

absl::StatusOr<std::vector<doc::Document>> TrendDrafts(RequestContext& ctx);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_AUDIT_TREND_DRAFTS_H_
