// What a request that adds to the negotiation record says, read and checked the same way for
// the JSON API and the web forms: text fields as the user typed them → a Statement, Position or
// Session the store accepts. Actors are resolved by name, alias, ISO code or id (an unknown one
// is NotFound with suggestions); numbers, stances and source URLs are checked here; dates and
// storable text are checked again by the store (store/negotiation_rows.h) before any write.
// Every field has a size limit, so no request makes the server hold or resolve a huge value.
//
// Pure functions; thread-safe while the registry is not modified.
#ifndef TREATYWATCH_SERVER_NEGOTIATION_INPUT_H_
#define TREATYWATCH_SERVER_NEGOTIATION_INPUT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "negotiation/actor_registry.h"
#include "negotiation/group_definition.h"
#include "negotiation/records.h"
#include "negotiation/record_import.h"

namespace tw::server {

inline constexpr std::size_t kMaxStatementTextBytes = 200000;  // a long speech, several times
inline constexpr std::size_t kMaxShortFieldBytes = 2000;       // dates, titles, URLs, notes
inline constexpr std::size_t kMaxAgendaItems = 100;
inline constexpr int kMaxSessionNumber = 10000;

struct StatementFields {
  std::string actor;
  std::string session;  // empty, or a number 1..kMaxSessionNumber
  std::string agenda_item;
  std::string date;
  std::string text;
  std::string source_url;  // empty, or an http(s) URL
};

struct PositionFields {
  std::string actor;
  std::string subject;
  std::string stance;
  std::string date;
  std::string source_kind;  // empty: "note"
  std::string source;
  std::string note;
};

struct SessionFields {
  std::string number;
  std::string instrument;
  std::string title;
  std::string start_date;
  std::string end_date;
  std::string venue;
  std::vector<std::string> agenda_items;
};

// The statement (id 0, cited_paths empty) or InvalidArgument naming the field.
absl::StatusOr<negotiation::Statement> ReadStatement(const StatementFields& fields,
                                                     const negotiation::ActorRegistry& actors);
absl::StatusOr<negotiation::Position> ReadPosition(const PositionFields& fields,
                                                   const negotiation::ActorRegistry& actors);
absl::StatusOr<negotiation::Session> ReadSession(const SessionFields& fields);

// A request's own content that names something unknown (an actor in a body, a form or a CSV)
// is bad input, 400, not a missing resource: NotFound becomes InvalidArgument, message kept.
absl::Status AsBadInput(const absl::Status& status);

// OK when `url` is an absolute http:// or https:// URL with a host and no spaces or control
// characters — the only kind a page may put in an href.
absl::Status CheckHttpUrl(std::string_view url, std::string_view field);

// JSON request bodies: an object whose values are strings, numbers or booleans. Absent and null
// fields are empty; other types are InvalidArgument naming the field.
absl::StatusOr<StatementFields> StatementFieldsFromJson(const nlohmann::json& body);
absl::StatusOr<PositionFields> PositionFieldsFromJson(const nlohmann::json& body);
absl::StatusOr<SessionFields> SessionFieldsFromJson(const nlohmann::json& body);
absl::StatusOr<negotiation::GroupDefinition> GroupDefinitionFromJson(const nlohmann::json& body);
// The vote's metadata and `replace` flag (the CSV itself travels apart).
absl::StatusOr<negotiation::VoteMeta> VoteMetaFromJson(const nlohmann::json& body,
                                                       bool* replace);
// A string field of a JSON object ("" when absent or null); numbers are written in decimal.
absl::StatusOr<std::string> JsonText(const nlohmann::json& body, std::string_view field,
                                     std::size_t max_bytes = kMaxShortFieldBytes);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_NEGOTIATION_INPUT_H_
