// NegotiationRecord: the store's half that keeps the record of a negotiation — sessions,
// statements with the provisions they cite, positions with their history, recorded votes and
// ballots, the groups and organisations the user defined (negotiation/records.h, actor.h).
//
// An interface: Store inherits it (virtually), and each backend implements it in a class of its
// own (sqlite/sqlite_negotiation.h, postgres/pg_negotiation.h) that the backend's Store mixes in.
// The guarantees of store.h hold: every write is one transaction; one object, one thread.
#ifndef TREATYWATCH_STORE_NEGOTIATION_RECORD_H_
#define TREATYWATCH_STORE_NEGOTIATION_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "negotiation/actor.h"
#include "negotiation/records.h"

namespace tw::store {

// Which statements ListStatements returns; every field set narrows the list.
struct StatementFilter {
  std::string actor;           // an actor id ("BRA"); empty: every actor
  std::optional<int> session;  // a session number (Statement::session)
  // Statements citing this provision or one inside it: "art24" matches statements citing
  // "art24" or "art24.p2", not "art240". Empty: cited or not.
  std::string cited_path;
  std::optional<int> limit;        // at most this many, the earliest first (>= 1); none: all
  std::optional<std::int64_t> id;  // exactly this statement (a page or API call showing one)
};

// Which positions ListPositions returns; every field set narrows the list.
struct PositionFilter {
  std::string actor;    // an actor id; empty: every actor
  std::string subject;  // exactly this subject ("art24", "scope: narrow"); empty: every subject
};

class NegotiationRecord {
 public:
  virtual ~NegotiationRecord() = default;

  // Values are checked before anything is written (InvalidArgument
  // naming the row and the field): dates YYYY-MM-DD or empty, ids and subjects non-empty, text
  // valid UTF-8 without NUL bytes (so both backends hold, and copy, the same). A write is one
  // transaction: when any row fails, nothing of the call is stored.

  // Stores the session, or replaces the one with the same (instrument, number), agenda items
  // included.
  virtual absl::Status PutSession(const negotiation::Session& session) = 0;
  // Ordered by instrument (byte order), then number.
  virtual absl::StatusOr<std::vector<negotiation::Session>> ListSessions() = 0;

  // Stores new statements (their `id` is ignored) and returns the ids assigned, in the order
  // given. `document_id`, when not 0, must name a stored document.
  virtual absl::StatusOr<std::vector<std::int64_t>> PutStatements(
      const std::vector<negotiation::Statement>& statements) = 0;
  // Ordered by date (undated first), then id.
  virtual absl::StatusOr<std::vector<negotiation::Statement>> ListStatements(
      const StatementFilter& filter) = 0;

  // Appends positions to the history (their `id` is ignored; nothing is ever overwritten) and
  // returns the ids assigned, in the order given.
  virtual absl::StatusOr<std::vector<std::int64_t>> PutPositions(
      const std::vector<negotiation::Position>& positions) = 0;
  // Every stored row, superseded ones included, ordered by date, then id: the last row of an
  // (actor, subject) is its current position.
  virtual absl::StatusOr<std::vector<negotiation::Position>> ListPositions(
      const PositionFilter& filter) = 0;

  // Stores a recorded vote with its ballots. A vote with the same symbol is AlreadyExists
  // (naming the symbol) unless `replace`, which replaces it and all its ballots. At most one
  // ballot per actor.
  virtual absl::Status PutVote(const negotiation::RecordedVote& vote, bool replace) = 0;
  // By exact symbol; nullopt when none. Ballots come sorted by actor id (byte order).
  virtual absl::StatusOr<std::optional<negotiation::RecordedVote>> LoadVote(
      std::string_view symbol) = 0;
  // Ordered by date, then symbol.
  virtual absl::StatusOr<std::vector<negotiation::RecordedVote>> ListVotes() = 0;

  // Stores an actor the user defined (a negotiating group, an organisation), or replaces the
  // one with the same id, aliases and members included. The built-in UN membership lives in
  // negotiation/actor_registry.h, not here; members may name actors of either.
  virtual absl::Status PutActor(const negotiation::Actor& actor) = 0;
  // Ordered by id (byte order); members sorted, aliases in the order given.
  virtual absl::StatusOr<std::vector<negotiation::Actor>> ListActors() = 0;

  // Store statements (positions) as the source holds them, in one transaction, under the ids
  // they have there; the result is how many were newly stored. Rows this store already holds
  // under the same id with the same content are skipped (a second copy stores nothing);
  // FailedPrecondition when an id holds another row here. Checked as PutStatements and
  // PutPositions check.
  virtual absl::StatusOr<int> ImportStatements(
      const std::vector<negotiation::Statement>& statements) = 0;
  virtual absl::StatusOr<int> ImportPositions(
      const std::vector<negotiation::Position>& positions) = 0;
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_NEGOTIATION_RECORD_H_
