// What the claims, factcheck and export commands share: who is acting, which verdict scale
// applies, how an evidence argument ('DOC#PATH: exact words') is read. The anchoring itself,
// the scale's configuration and the JSON forms are the library's (factcheck/evidence_quote.h,
// verdict_scale_config.h, factcheck_json.h), shared with the web server.
#ifndef TREATYWATCH_CLI_FACTCHECK_SUPPORT_H_
#define TREATYWATCH_CLI_FACTCHECK_SUPPORT_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "cli/cli_context.h"
#include "factcheck/claim.h"
#include "factcheck/fact_check.h"
#include "factcheck/verdict_scale.h"

namespace tw::cli {

// The person a revision is saved by: --by, else $TREATYWATCH_USER, else $USER, else "cli".
std::string ActingUser(const std::string& by);

// The scale in FILE, else $TREATYWATCH_VERDICTS, else the default scale
// (factcheck/verdict_scale_config.h).
absl::StatusOr<factcheck::VerdictScale> LoadVerdictScale(const std::string& file);

// 'DOC#PATH: exact words' → evidence anchored in the stored document DOC (id or symbol), inside
// provision PATH ("art28.p1"; empty for anywhere: 'DOC#: words'). An optional ' -- note' after
// the words becomes the evidence note.
absl::StatusOr<factcheck::Evidence> ParseEvidenceArgument(store::Store& store,
                                                          const std::string& argument);

// A stored id given on the command line: "7" or "#7".
absl::StatusOr<std::int64_t> ParseIdArgument(const std::string& argument, std::string_view what);

absl::StatusOr<factcheck::Claim> LoadClaimOrFail(store::Store& store, std::int64_t id);
absl::StatusOr<factcheck::FactCheck> LoadFactCheckOrFail(store::Store& store, std::int64_t id);

// `text` on one line (runs of whitespace, line breaks included, become one space), clipped to
// `max_bytes` at a UTF-8 boundary: a quote printed in a terminal list.
std::string OneLine(std::string_view text, std::size_t max_bytes);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_FACTCHECK_SUPPORT_H_
