// The fact-check routes' requests read from what the client sent: a JSON body (/api/v1/) or a
// page's form fields. Every field is type-checked and bounded; a wrong one is an
// InvalidArgument naming it ("revision: a whole number"), never an exception.
//
// Pure over the request; thread-safe.
#ifndef TREATYWATCH_SERVER_FACTCHECK_REQUEST_H_
#define TREATYWATCH_SERVER_FACTCHECK_REQUEST_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "server/factcheck_actions.h"
#include "server/request_context.h"

namespace tw::server {

// At most this many evidence ids or quotes in one request.
inline constexpr std::size_t kMaxListItems = 200;

// A string member of `body`; nullopt when absent or null. Longer than `max_bytes` is refused
// (InvalidArgument), so is any other type.
absl::StatusOr<std::optional<std::string>> JsonString(const nlohmann::json& body,
                                                      std::string_view name,
                                                      std::size_t max_bytes);
// An integer member in [min, max]; nullopt when absent or null. Strings of digits are taken
// too, since forms and some clients send numbers as text.
absl::StatusOr<std::optional<std::int64_t>> JsonInteger(const nlohmann::json& body,
                                                        std::string_view name, std::int64_t min,
                                                        std::int64_t max);
// A form field as an integer in [min, max]; nullopt when absent or empty.
absl::StatusOr<std::optional<std::int64_t>> FormInteger(const RequestContext& ctx,
                                                        std::string_view name, std::int64_t min,
                                                        std::int64_t max);

// The JSON body as an object (InvalidArgument when it is not one).
absl::StatusOr<nlohmann::json> JsonObjectBody(const RequestContext& ctx);

absl::StatusOr<ClaimRequest> ClaimRequestFromJson(const nlohmann::json& body);
absl::StatusOr<ClaimRequest> ClaimRequestFromForm(const RequestContext& ctx);

// {doc, path, quote, note}.
absl::StatusOr<EvidenceRequest> EvidenceRequestFromJson(const nlohmann::json& body);

// {revision, verdict, summary, rationale, note, add_evidence: [{doc, path, quote, note}],
//  remove_evidence: [id], accept_proposal: [id]}; `store` anchors the added quotes.
absl::StatusOr<FactCheckEdit> FactCheckEditFromJson(const nlohmann::json& body,
                                                    store::Store& store);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_FACTCHECK_REQUEST_H_
