// How the negotiation record (negotiation/records.h, actor.h) becomes rows, the same way in
// every backend: the names stances, ballots and actor kinds are stored under (the schemas'
// CHECK constraints list the same words), the checks made before any row is written, and the
// equality a copy uses to tell a row it already holds from a different one.
//
// The stored names belong to the schema, not to the display names of the negotiation module:
// a database written today must read the same after a label changes, so they are spelled here
// and in the migrations, and never change once released.
//
// The checks make both backends refuse the same values with the same message, naming the row
// ("statement 2 of 3 (BRA): date '2023-1-7' is not YYYY-MM-DD"): PostgreSQL cannot hold text
// that is not UTF-8 or holds a NUL byte, so SQLite is not allowed to either, or a store could
// not be copied to the other backend. Thread safety: pure functions.
#ifndef TREATYWATCH_STORE_NEGOTIATION_ROWS_H_
#define TREATYWATCH_STORE_NEGOTIATION_ROWS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "negotiation/actor.h"
#include "negotiation/records.h"

namespace tw::store {

// "support", "oppose", "amend", "reserve", "neutral".
std::string_view StoredStance(negotiation::Stance stance);
// "yes", "no", "abstain", "absent".
std::string_view StoredBallot(negotiation::Ballot ballot);
// "member-state", "observer-state", "regional-group", "group", "organisation", "chair",
// "secretariat".
std::string_view StoredActorKind(negotiation::ActorKind kind);

// A stored name back to its value; DataLoss naming `what` for a word the schema does not allow
// (only a damaged database holds one).
absl::StatusOr<negotiation::Stance> ReadStance(std::string_view stored, std::string_view what);
absl::StatusOr<negotiation::Ballot> ReadBallot(std::string_view stored, std::string_view what);
absl::StatusOr<negotiation::ActorKind> ReadActorKind(std::string_view stored,
                                                     std::string_view what);

// "2023-01-17": four digits, a month 01-12, a day 01-31.
bool IsIsoDate(std::string_view date);

// Well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF) without NUL: text
// both backends can hold.
bool IsStorableText(std::string_view text);

// Identifiers go into messages: `value` when it is storable text, else "?".
std::string_view Shown(std::string_view value);

// Collects the first problem of a row; Result() puts the row's description first in the
// message ("statement 2 of 3 (BRA): date '2023-1-7' is not YYYY-MM-DD"). The fact-check rows
// (factcheck_rows.h) check their values with it too.
class RowCheck {
 public:
  explicit RowCheck(std::string row) : row_(std::move(row)) {}

  void Text(std::string_view field, std::string_view value);
  // Non-empty storable text.
  void Required(std::string_view field, std::string_view value);
  // YYYY-MM-DD; empty only when not `required`.
  void Date(std::string_view field, std::string_view value, bool required);
  void Fail(std::string problem);
  bool ok() const { return problem_.empty(); }
  // InvalidArgument "<row>: <first problem>", or OK.
  absl::Status Result() const;

 private:
  std::string row_;
  std::string problem_;
};

// InvalidArgument naming the row when a value cannot be stored. `index` and `count` place a row
// of a multi-row put in its call ("statement 2 of 3").
absl::Status CheckSession(const negotiation::Session& session);
absl::Status CheckStatement(const negotiation::Statement& statement, std::size_t index,
                            std::size_t count);
absl::Status CheckPosition(const negotiation::Position& position, std::size_t index,
                           std::size_t count);
absl::Status CheckVote(const negotiation::RecordedVote& vote);
absl::Status CheckActor(const negotiation::Actor& actor);

// Every field equal (ids included).
bool SameSession(const negotiation::Session& a, const negotiation::Session& b);
bool SameStatement(const negotiation::Statement& a, const negotiation::Statement& b);
bool SamePosition(const negotiation::Position& a, const negotiation::Position& b);
bool SameVote(const negotiation::RecordedVote& a, const negotiation::RecordedVote& b);
bool SameActor(const negotiation::Actor& a, const negotiation::Actor& b);

// The bound prefix filter of StatementFilter::cited_path: a path matches `prefix` when it
// equals it or lies in the byte range [prefix + ".", prefix + "/") — '/' follows '.' in ASCII,
// so the range holds exactly the paths inside the provision, and an index on the path serves it.
std::string CitedPathRangeBegin(std::string_view prefix);
std::string CitedPathRangeEnd(std::string_view prefix);

// InvalidArgument unless the filter's limit, when set, is at least 1.
absl::Status CheckStatementFilter(std::optional<int> limit);

// The status with `context` ("statement 2 of 4") appended to its message, code kept.
absl::Status WithRowContext(const absl::Status& status, std::string_view context);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_NEGOTIATION_ROWS_H_
