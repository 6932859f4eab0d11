#include "factcheck/claim_intake.h"

#include <utility>

#include <fmt/format.h>

#include "factcheck/auto_check_context.h"
#include "factcheck/claim_references.h"

namespace tw::factcheck {

absl::StatusOr<negotiation::Statement> FindStatement(store::Store& store, std::int64_t id) {
  absl::StatusOr<std::vector<negotiation::Statement>> statements =
      store.ListStatements(store::StatementFilter{});
  if (!statements.ok()) return statements.status();
  for (negotiation::Statement& statement : *statements) {
    if (statement.id == id) return std::move(statement);
  }
  return absl::NotFoundError(fmt::format("no statement #{} (see: treatywatch statement list)", id));
}

absl::Status FillFromStatement(store::Store& store, std::int64_t id, Claim& claim) {
  absl::StatusOr<negotiation::Statement> statement = FindStatement(store, id);
  if (!statement.ok()) return statement.status();
  claim.statement_id = id;
  if (claim.actor.empty()) claim.actor = statement->actor;
  if (claim.date.empty()) claim.date = statement->date;
  if (claim.session == 0) claim.session = statement->session;
  if (claim.source_url.empty()) claim.source_url = statement->source_url;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> KnownInstrumentNames(store::Store& store) {
  absl::StatusOr<std::vector<store::InstrumentInfo>> instruments = store.ListInstruments();
  if (!instruments.ok()) return instruments.status();
  std::vector<std::string> names;
  for (const store::InstrumentInfo& instrument : *instruments) names.push_back(instrument.name);
  // A reference text stored without an instrument is named by its title ("Regional Convention
  // on Computer-Related Offences"); statements are not instruments.
  absl::StatusOr<std::vector<doc::DocumentMeta>> documents = store.ListDocuments();
  if (!documents.ok()) return documents.status();
  for (const doc::DocumentMeta& meta : *documents) {
    if (meta.kind == "statement" || meta.title.empty()) continue;
    names.push_back(meta.title.substr(0, meta.title.find(';')));
  }
  return names;
}

absl::StatusOr<std::optional<doc::Document>> DraftUnderDiscussion(store::Store& store,
                                                                  const Claim& claim) {
  absl::StatusOr<AutoCheckContext> checked =
      BuildAutoCheckContext(claim, store, AutoCheckOptions{});
  if (!checked.ok()) return checked.status();
  return std::move(checked->draft);
}

absl::Status ResolveStoredReferences(store::Store& store, Claim& claim,
                                     const doc::Document* draft) {
  absl::StatusOr<std::vector<std::string>> instruments = KnownInstrumentNames(store);
  if (!instruments.ok()) return instruments.status();
  const ClaimReferences references = ResolveClaimReferences(claim.text, draft, *instruments);
  claim.cited_paths = references.cited_paths;
  claim.instruments = references.instruments;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<OwnRecordMatch>> OwnRecordOfActor(store::Store& store,
                                                             const Claim& claim) {
  store::StatementFilter statement_filter;
  statement_filter.actor = claim.actor;
  absl::StatusOr<std::vector<negotiation::Statement>> statements =
      store.ListStatements(statement_filter);
  if (!statements.ok()) return statements.status();
  store::PositionFilter position_filter;
  position_filter.actor = claim.actor;
  absl::StatusOr<std::vector<negotiation::Position>> positions =
      store.ListPositions(position_filter);
  if (!positions.ok()) return positions.status();
  Claim resolved = claim;
  absl::StatusOr<std::optional<doc::Document>> draft = DraftUnderDiscussion(store, claim);
  if (!draft.ok()) return draft.status();
  resolved.cited_paths =
      ResolveClaimReferences(claim.text, *draft ? &**draft : nullptr, {}).cited_paths;
  return FindOwnRecord(resolved, *statements, *positions);
}

}  // namespace tw::factcheck
