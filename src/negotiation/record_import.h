// Importers for the negotiation record kept in spreadsheets: recorded votes, positions and
// statements as CSV (RFC 4180, parsed by libcsv through csv_table.h), statements as JSON, and
// the positions CSV written back.
//
// Every actor named in a file is resolved through the ActorRegistry (name, alias, ISO code or
// id), so "Antigua & Barbuda", "ATG" and "Antigua and Barbuda" are one actor. Columns are found
// by their header name (ASCII case-insensitive, in any order); columns we do not read are
// allowed and ignored, so a public dataset's extra columns need no editing. A required column
// that is missing is an error. Errors are one line, "file: line N: message", and nothing is
// partial: an error means no result. Input size is bounded (csv_table.h, kMaxJsonBytes).
//
// Pure functions; thread-safe as long as the registry is not modified meanwhile.
#ifndef TREATYWATCH_NEGOTIATION_RECORD_IMPORT_H_
#define TREATYWATCH_NEGOTIATION_RECORD_IMPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "doc/document.h"
#include "negotiation/actor_registry.h"
#include "negotiation/records.h"

namespace tw::negotiation {

// A statements JSON file larger than this is refused.
inline constexpr std::size_t kMaxJsonBytes = 16u << 20;
// Deeper nesting than this is not a list of statements (and would cost stack).
inline constexpr int kMaxJsonDepth = 16;
// Statements in one JSON file.
inline constexpr std::size_t kMaxJsonStatements = 200000;

// What a vote file does not say about itself.
struct VoteMeta {
  std::string symbol;    // "A/RES/74/247"
  std::string body;      // "General Assembly"
  std::string date;      // YYYY-MM-DD
  std::string question;  // "Draft resolution A/C.3/74/L.11/Rev.1 as a whole"
};

// Columns `actor,ballot`. Ballots are yes, no, abstain or absent in any case. Every actor must
// be a member or an observer state, listed once. Member states the file does not list are
// absent: the result holds every member state exactly once (and any observer listed), sorted
// by id.
absl::StatusOr<RecordedVote> ReadVoteCsv(std::string_view csv, std::string_view file_name,
                                         const ActorRegistry& actors, VoteMeta meta);

// Columns `actor,subject,stance,date` and optionally `source_kind,source,note`. Any actor
// kind may hold a position. Stances as StanceName spells them, any case; dates YYYY-MM-DD.
// Fields written with the formula guard (GuardCsvField) are read back without it.
absl::StatusOr<std::vector<Position>> ReadPositionsCsv(std::string_view csv,
                                                       std::string_view file_name,
                                                       const ActorRegistry& actors);

// The positions as a CSV file ReadPositionsCsv reads back to the same values (ids excepted):
// header `actor,subject,stance,date,source_kind,source,note`, CRLF line ends. The actor is
// written by name when the registry knows the id and the name resolves back to it, else by
// id. Every text field passes through GuardCsvField, so a note starting with "=" or "-" is not
// run as a formula by a spreadsheet.
std::string WritePositionsCsv(const std::vector<Position>& positions, const ActorRegistry& actors);

// Columns `actor,session,agenda_item,date,text,source_url`; `actor` and `text` are required,
// the others may be missing or empty (session: a positive integer). Each statement's
// cited_paths come from its text (cited_provisions.h), resolved against `draft` when given.
absl::StatusOr<std::vector<Statement>> ReadStatementsCsv(std::string_view csv,
                                                         std::string_view file_name,
                                                         const ActorRegistry& actors,
                                                         const doc::Document* draft = nullptr);

// A JSON array of objects with the keys above (session a number); other keys are ignored. An
// error names the array index: "file: statement 3: ...".
absl::StatusOr<std::vector<Statement>> ReadStatementsJson(std::string_view json,
                                                          std::string_view file_name,
                                                          const ActorRegistry& actors,
                                                          const doc::Document* draft = nullptr);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_RECORD_IMPORT_H_
