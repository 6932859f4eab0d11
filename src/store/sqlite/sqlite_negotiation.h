// The negotiation record's part of the SQLite Store (store.h: sessions, statements, positions,
// votes, actors), over the tables of migration 3 (sqlite_migrations.cc). SqliteStore forwards
// those calls here. Each call is one transaction of its own, as every Store call is (writes
// BEGIN IMMEDIATE, reads one snapshot); values are checked (negotiation_rows.h) before the
// transaction begins. Error messages start with the database path.
// Ownership: borrows the store's connection, which must outlive it. Thread safety: as the
// connection (one thread at a time).
#ifndef TREATYWATCH_STORE_SQLITE_SQLITE_NEGOTIATION_H_
#define TREATYWATCH_STORE_SQLITE_SQLITE_NEGOTIATION_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "negotiation/actor.h"
#include "negotiation/records.h"
#include "store/negotiation_record.h"
#include "store/sqlite/sqlite_connection.h"

namespace tw::store {

class SqliteNegotiationRecord : public virtual NegotiationRecord {
 public:
  explicit SqliteNegotiationRecord(SqliteConnection& connection) : connection_(connection) {}

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
  // Steps run inside the caller's transaction. `id` nullopt: the database assigns one.
  absl::StatusOr<std::int64_t> InsertStatement(const negotiation::Statement& statement,
                                               std::optional<std::int64_t> id,
                                               SqliteStatement& insert, SqliteStatement& cite);
  absl::StatusOr<std::int64_t> InsertPosition(const negotiation::Position& position,
                                              std::optional<std::int64_t> id,
                                              SqliteStatement& insert);
  // Rows selected by `where` (constant SQL; parameters ?1.. bound from the arguments).
  template <typename... Args>
  absl::StatusOr<std::vector<negotiation::Statement>> SelectStatements(std::string_view where,
                                                                       const Args&... args);
  template <typename... Args>
  absl::StatusOr<std::vector<negotiation::Position>> SelectPositions(std::string_view where,
                                                                     const Args&... args);
  template <typename... Args>
  absl::StatusOr<std::vector<negotiation::RecordedVote>> SelectVotes(std::string_view where,
                                                                     const Args&... args);

  SqliteConnection& connection_;
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_SQLITE_SQLITE_NEGOTIATION_H_
