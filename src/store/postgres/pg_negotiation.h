// The negotiation record's part of the PostgreSQL Store (store.h: sessions, statements,
// positions, votes, actors), over the tables of migration 3 (pg_migrations.cc). PostgresStore
// forwards those calls here. Each call is one transaction of its own (pg_transaction.h: writes
// at READ COMMITTED, reads in one REPEATABLE READ snapshot); values are checked
// (negotiation_rows.h) before the transaction begins.
//
// Concurrent writers: new statement and position ids come from the tables' identity
// sequences, so two servers appending at once never collide. A session, vote or actor is
// written with INSERT ... ON CONFLICT: the conflicting row is locked until the first writer
// commits, so two puts of one key run one after the other and the last one wins whole, its
// child rows (agenda items, ballots, aliases, members) included. Child rows travel as one JSON
// parameter per table (json_to_recordset), never as SQL text.
// Ownership: borrows the store's connection, which must outlive it. Thread safety: as the
// connection (one thread at a time).
#ifndef TREATYWATCH_STORE_POSTGRES_PG_NEGOTIATION_H_
#define TREATYWATCH_STORE_POSTGRES_PG_NEGOTIATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "negotiation/actor.h"
#include "negotiation/records.h"
#include "store/negotiation_record.h"
#include "store/postgres/pg_connection.h"

namespace tw::store {

class PgNegotiationRecord : public virtual NegotiationRecord {
 public:
  explicit PgNegotiationRecord(PgConnection& connection) : connection_(connection) {}

  absl::Status PutSession(const negotiation::Session& session) override;
  absl::StatusOr<std::vector<negotiation::Session>> ListSessions() override;
  absl::StatusOr<std::vector<std::int64_t>> PutStatements(
      const std::vector<negotiation::Statement>& statements) override;
  absl::StatusOr<std::vector<negotiation::Statement>> ListStatements(const StatementFilter& filter) override;
  absl::StatusOr<std::vector<std::int64_t>> PutPositions(
      const std::vector<negotiation::Position>& positions) override;
  absl::StatusOr<std::vector<negotiation::Position>> ListPositions(const PositionFilter& filter) override;
  absl::Status PutVote(const negotiation::RecordedVote& vote, bool replace) override;
  absl::StatusOr<std::optional<negotiation::RecordedVote>> LoadVote(std::string_view symbol) override;
  absl::StatusOr<std::vector<negotiation::RecordedVote>> ListVotes() override;
  absl::Status PutActor(const negotiation::Actor& actor) override;
  absl::StatusOr<std::vector<negotiation::Actor>> ListActors() override;
  absl::StatusOr<int> ImportStatements(const std::vector<negotiation::Statement>& statements) override;
  absl::StatusOr<int> ImportPositions(const std::vector<negotiation::Position>& positions) override;

 private:
  // Steps run inside the caller's transaction.
  // `count` new ids from `table`'s identity, ascending.
  absl::StatusOr<std::vector<std::int64_t>> NextIds(std::string_view table, std::size_t count);
  absl::Status InsertStatements(const std::vector<negotiation::Statement>& statements,
                                const std::vector<std::int64_t>& ids);
  absl::Status InsertPositions(const std::vector<negotiation::Position>& positions,
                               const std::vector<std::int64_t>& ids);
  // After rows were inserted with explicit ids: the identity hands out ids above them.
  absl::Status AdvanceIdentity(std::string_view table, std::int64_t id);
  // Rows selected by `where` (constant SQL; `params` bound to $1, $2, ...).
  absl::StatusOr<std::vector<negotiation::Statement>> SelectStatements(
      std::string_view where, const std::vector<PgParam>& params);
  absl::StatusOr<std::vector<negotiation::Position>> SelectPositions(
      std::string_view where, const std::vector<PgParam>& params);
  absl::StatusOr<std::vector<negotiation::RecordedVote>> SelectVotes(
      std::string_view where, const std::vector<PgParam>& params);

  const std::string& db() const { return connection_.name(); }

  PgConnection& connection_;
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_POSTGRES_PG_NEGOTIATION_H_
