// What the claims, factcheck and export commands share: who is acting, which verdict scale
// applies, how an evidence argument ('DOC#PATH: exact words') becomes an anchor, and the JSON
// forms of claims and fact-checks.
#ifndef TREATYWATCH_CLI_FACTCHECK_SUPPORT_H_
#define TREATYWATCH_CLI_FACTCHECK_SUPPORT_H_

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "cli/cli_context.h"
#include "factcheck/claim.h"
#include "factcheck/fact_check.h"
#include "factcheck/verdict_scale.h"
#include "negotiation/actor_registry.h"

namespace tw::cli {

// The person a revision is saved by: --by, else $TREATYWATCH_USER, else $USER, else "cli".
std::string ActingUser(const std::string& by);

// The scale in FILE (factcheck/verdict_scale.h Parse), else $TREATYWATCH_VERDICTS, else the
// default scale.
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

nlohmann::json ClaimJson(const factcheck::Claim& claim, const negotiation::ActorRegistry& actors);
nlohmann::json EvidenceJson(const factcheck::Evidence& evidence);
nlohmann::json FactCheckJson(const factcheck::FactCheck& fact_check);

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_FACTCHECK_SUPPORT_H_
