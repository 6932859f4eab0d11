#include "server/negotiation_writes.h"

#include <optional>

#include "negotiation/cited_provisions.h"
#include "server/negotiation_links.h"

namespace tw::server {
namespace {

absl::StatusOr<std::optional<doc::Document>> CitedDraft(store::Store& store,
                                                        const std::string& draft,
                                                        const std::string& date) {
  if (!draft.empty()) {
    absl::StatusOr<doc::Document> named = store.LoadDocument(draft);
    if (!named.ok()) return AsBadInput(named.status());
    return std::optional<doc::Document>(*std::move(named));
  }
  absl::StatusOr<std::vector<doc::DocumentMeta>> documents = store.ListDocuments();
  if (!documents.ok()) return documents.status();
  std::optional<doc::DocumentMeta> on_the_table = DraftOnTheTable(*documents, date);
  if (!on_the_table) return std::optional<doc::Document>();
  absl::StatusOr<doc::Document> loaded = store.LoadDocument(std::to_string(on_the_table->id));
  if (!loaded.ok()) return loaded.status();
  return std::optional<doc::Document>(*std::move(loaded));
}

}  // namespace

absl::StatusOr<negotiation::Statement> StoreStatement(store::Store& store,
                                                      const negotiation::ActorRegistry& actors,
                                                      const StatementFields& fields,
                                                      const std::string& draft) {
  absl::StatusOr<negotiation::Statement> statement = ReadStatement(fields, actors);
  if (!statement.ok()) return statement.status();
  absl::StatusOr<std::optional<doc::Document>> cited = CitedDraft(store, draft, statement->date);
  if (!cited.ok()) return cited.status();
  statement->cited_paths =
      negotiation::CitedProvisions(statement->text, *cited ? &**cited : nullptr);
  absl::StatusOr<std::vector<std::int64_t>> ids = store.PutStatements({*statement});
  if (!ids.ok()) return ids.status();
  statement->id = ids->front();
  return statement;
}

absl::StatusOr<negotiation::Position> StorePosition(store::Store& store,
                                                    const negotiation::ActorRegistry& actors,
                                                    const PositionFields& fields) {
  absl::StatusOr<negotiation::Position> position = ReadPosition(fields, actors);
  if (!position.ok()) return position.status();
  absl::StatusOr<std::vector<std::int64_t>> ids = store.PutPositions({*position});
  if (!ids.ok()) return ids.status();
  position->id = ids->front();
  return position;
}

absl::StatusOr<negotiation::Session> StoreSession(store::Store& store,
                                                  const SessionFields& fields) {
  absl::StatusOr<negotiation::Session> session = ReadSession(fields);
  if (!session.ok()) return session.status();
  if (absl::Status put = store.PutSession(*session); !put.ok()) return put;
  return session;
}

}  // namespace tw::server
