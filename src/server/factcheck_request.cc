#include "server/factcheck_request.h"

#include <charconv>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "factcheck/evidence_quote.h"

namespace tw::server {
namespace {

absl::Status Invalid(std::string_view name, std::string_view what) {
  return absl::InvalidArgumentError(fmt::format("{}: {}", name, what));
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

absl::StatusOr<std::optional<std::int64_t>> InRange(std::string_view name,
                                                    std::optional<std::int64_t> value,
                                                    std::int64_t min, std::int64_t max) {
  if (!value) return Invalid(name, "a whole number");
  if (*value < min || *value > max) {
    return Invalid(name, fmt::format("a whole number from {} to {}", min, max));
  }
  return value;
}

absl::StatusOr<std::vector<std::int64_t>> JsonIds(const nlohmann::json& body,
                                                  std::string_view name) {
  std::vector<std::int64_t> ids;
  const auto found = body.find(std::string(name));
  if (found == body.end() || found->is_null()) return ids;
  if (!found->is_array() || found->size() > kMaxListItems) {
    return Invalid(name, fmt::format("a list of at most {} ids", kMaxListItems));
  }
  for (const nlohmann::json& item : *found) {
    if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
      return Invalid(name, "a list of evidence ids (positive whole numbers)");
    }
    ids.push_back(item.get<std::int64_t>());
  }
  return ids;
}

}  // namespace

absl::StatusOr<std::optional<std::string>> JsonString(const nlohmann::json& body,
                                                      std::string_view name,
                                                      std::size_t max_bytes) {
  const auto found = body.find(std::string(name));
  if (found == body.end() || found->is_null()) return std::optional<std::string>();
  if (!found->is_string()) return Invalid(name, "a string");
  const std::string& value = found->get_ref<const std::string&>();
  if (value.size() > max_bytes) {
    return Invalid(name, fmt::format("{} bytes; at most {}", value.size(), max_bytes));
  }
  return std::optional<std::string>(value);
}

absl::StatusOr<std::optional<std::int64_t>> JsonInteger(const nlohmann::json& body,
                                                        std::string_view name, std::int64_t min,
                                                        std::int64_t max) {
  const auto found = body.find(std::string(name));
  if (found == body.end() || found->is_null()) return std::optional<std::int64_t>();
  if (found->is_number_integer()) return InRange(name, found->get<std::int64_t>(), min, max);
  if (found->is_string()) {
    return InRange(name, ParseInteger(found->get_ref<const std::string&>()), min, max);
  }
  return Invalid(name, "a whole number");
}

absl::StatusOr<std::optional<std::int64_t>> FormInteger(const RequestContext& ctx,
                                                        std::string_view name, std::int64_t min,
                                                        std::int64_t max) {
  const std::string text = ctx.Param(name);
  if (text.empty()) return std::optional<std::int64_t>();
  return InRange(name, ParseInteger(text), min, max);
}

absl::StatusOr<nlohmann::json> JsonObjectBody(const RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = ctx.JsonBody();
  if (!body.ok()) return body.status();
  if (!body->is_object()) return absl::InvalidArgumentError("the body must be a JSON object");
  return body;
}

absl::StatusOr<ClaimRequest> ClaimRequestFromJson(const nlohmann::json& body) {
  ClaimRequest request;
  struct Text {
    const char* name;
    std::string* out;
    std::size_t max;
  };
  for (const Text& field : {Text{"text", &request.text, kMaxClaimTextBytes},
                            Text{"actor", &request.actor, kMaxShortFieldBytes},
                            Text{"date", &request.date, kMaxShortFieldBytes},
                            Text{"grade", &request.grade, kMaxShortFieldBytes},
                            Text{"source_url", &request.source_url, kMaxUrlBytes}}) {
    absl::StatusOr<std::optional<std::string>> value = JsonString(body, field.name, field.max);
    if (!value.ok()) return value.status();
    if (*value) *field.out = **value;
  }
  absl::StatusOr<std::optional<std::int64_t>> statement =
      JsonInteger(body, "statement", 1, std::numeric_limits<std::int64_t>::max());
  if (!statement.ok()) return statement.status();
  request.statement_id = statement->value_or(0);
  absl::StatusOr<std::optional<std::int64_t>> session =
      JsonInteger(body, "session", 0, kMaxSession);
  if (!session.ok()) return session.status();
  request.session = static_cast<int>(session->value_or(0));
  return request;
}

absl::StatusOr<ClaimRequest> ClaimRequestFromForm(const RequestContext& ctx) {
  ClaimRequest request;
  request.text = ctx.Param("text");
  request.actor = ctx.Param("actor");
  request.date = ctx.Param("date");
  request.grade = ctx.Param("grade");
  request.source_url = ctx.Param("source_url");
  absl::StatusOr<std::optional<std::int64_t>> statement =
      FormInteger(ctx, "statement", 1, std::numeric_limits<std::int64_t>::max());
  if (!statement.ok()) return statement.status();
  request.statement_id = statement->value_or(0);
  absl::StatusOr<std::optional<std::int64_t>> session = FormInteger(ctx, "session", 0, kMaxSession);
  if (!session.ok()) return session.status();
  request.session = static_cast<int>(session->value_or(0));
  return request;
}

absl::StatusOr<EvidenceRequest> EvidenceRequestFromJson(const nlohmann::json& body) {
  if (!body.is_object()) return absl::InvalidArgumentError("evidence: {doc, path, quote, note}");
  EvidenceRequest request;
  struct Text {
    const char* name;
    std::string* out;
    std::size_t max;
  };
  for (const Text& field : {Text{"doc", &request.document, kMaxShortFieldBytes},
                            Text{"path", &request.path, kMaxShortFieldBytes},
                            Text{"quote", &request.quote, factcheck::kMaxEvidenceQuoteBytes},
                            Text{"note", &request.note, kMaxNoteBytes}}) {
    // A document may be named by its id as a number.
    if (std::string_view(field.name) == "doc" && body.contains("doc") &&
        body["doc"].is_number_integer()) {
      *field.out = std::to_string(body["doc"].get<std::int64_t>());
      continue;
    }
    absl::StatusOr<std::optional<std::string>> value = JsonString(body, field.name, field.max);
    if (!value.ok()) return value.status();
    if (*value) *field.out = **value;
  }
  return request;
}

absl::StatusOr<FactCheckEdit> FactCheckEditFromJson(const nlohmann::json& body,
                                                    store::Store& store) {
  FactCheckEdit edit;
  absl::StatusOr<std::optional<std::int64_t>> revision =
      JsonInteger(body, "revision", 1, std::numeric_limits<int>::max());
  if (!revision.ok()) return revision.status();
  edit.expected_revision = static_cast<int>(revision->value_or(0));
  struct Text {
    const char* name;
    std::optional<std::string>* out;
  };
  // The workflow bounds these; this bound only keeps a request from holding megabytes.
  constexpr std::size_t kMaxFieldBytes = 1u << 20;
  for (const Text& field : {Text{"verdict", &edit.verdict}, Text{"summary", &edit.summary},
                            Text{"rationale", &edit.rationale}}) {
    absl::StatusOr<std::optional<std::string>> value = JsonString(body, field.name, kMaxFieldBytes);
    if (!value.ok()) return value.status();
    *field.out = *std::move(value);
  }
  absl::StatusOr<std::optional<std::string>> note = JsonString(body, "note", kMaxNoteBytes);
  if (!note.ok()) return note.status();
  edit.note = note->value_or("");
  absl::StatusOr<std::vector<std::int64_t>> remove = JsonIds(body, "remove_evidence");
  if (!remove.ok()) return remove.status();
  edit.remove_evidence = *std::move(remove);
  absl::StatusOr<std::vector<std::int64_t>> accept = JsonIds(body, "accept_proposal");
  if (!accept.ok()) return accept.status();
  edit.accept_proposal = *std::move(accept);
  if (auto added = body.find("add_evidence"); added != body.end() && !added->is_null()) {
    if (!added->is_array() || added->size() > kMaxListItems) {
      return Invalid("add_evidence", fmt::format("a list of at most {} quotes {{doc, path, "
                                                 "quote, note}}",
                                                 kMaxListItems));
    }
    for (const nlohmann::json& item : *added) {
      absl::StatusOr<EvidenceRequest> request = EvidenceRequestFromJson(item);
      if (!request.ok()) return request.status();
      absl::StatusOr<factcheck::Evidence> evidence = QuoteRequested(store, *request);
      if (!evidence.ok()) return evidence.status();
      edit.add_evidence.push_back(*std::move(evidence));
    }
  }
  return edit;
}

}  // namespace tw::server
