#include "store/store_copy.h"

#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "store/account_rows.h"
#include "store/negotiation_rows.h"

namespace tw::store {
namespace {

absl::Status OtherContent(std::string_view what) {
  return absl::FailedPreconditionError(fmt::format(
      "cannot copy {}: the destination holds another one under that key; copy into an empty "
      "store",
      what));
}

absl::Status CopyActors(Store& source, Store& destination, StoreCopyReport& report) {
  absl::StatusOr<std::vector<negotiation::Actor>> from = source.ListActors();
  if (!from.ok()) return from.status();
  absl::StatusOr<std::vector<negotiation::Actor>> there = destination.ListActors();
  if (!there.ok()) return there.status();
  report.actors = static_cast<int>(from->size());
  for (const negotiation::Actor& actor : *from) {
    const auto held = std::find_if(there->begin(), there->end(),
                                   [&](const negotiation::Actor& a) { return a.id == actor.id; });
    if (held != there->end()) {
      if (SameActor(*held, actor)) continue;
      return OtherContent(fmt::format("actor '{}'", actor.id));
    }
    if (absl::Status s = destination.PutActor(actor); !s.ok()) return s;
    ++report.actors_copied;
  }
  return absl::OkStatus();
}

absl::Status CopySessions(Store& source, Store& destination, StoreCopyReport& report) {
  absl::StatusOr<std::vector<negotiation::Session>> from = source.ListSessions();
  if (!from.ok()) return from.status();
  absl::StatusOr<std::vector<negotiation::Session>> there = destination.ListSessions();
  if (!there.ok()) return there.status();
  report.sessions = static_cast<int>(from->size());
  for (const negotiation::Session& session : *from) {
    const auto held =
        std::find_if(there->begin(), there->end(), [&](const negotiation::Session& s) {
          return s.instrument == session.instrument && s.number == session.number;
        });
    if (held != there->end()) {
      if (SameSession(*held, session)) continue;
      return OtherContent(fmt::format("session {} of '{}'", session.number, session.instrument));
    }
    if (absl::Status s = destination.PutSession(session); !s.ok()) return s;
    ++report.sessions_copied;
  }
  return absl::OkStatus();
}

absl::Status CopyVotes(Store& source, Store& destination, StoreCopyReport& report) {
  absl::StatusOr<std::vector<negotiation::RecordedVote>> from = source.ListVotes();
  if (!from.ok()) return from.status();
  report.votes = static_cast<int>(from->size());
  for (const negotiation::RecordedVote& vote : *from) {
    absl::StatusOr<std::optional<negotiation::RecordedVote>> held =
        destination.LoadVote(vote.symbol);
    if (!held.ok()) return held.status();
    if (held->has_value()) {
      if (SameVote(**held, vote)) continue;
      return OtherContent(fmt::format("vote '{}'", vote.symbol));
    }
    if (absl::Status s = destination.PutVote(vote, /*replace=*/false); !s.ok()) return s;
    ++report.votes_copied;
  }
  return absl::OkStatus();
}

// Statements or positions in batches of kCopyBatchRows, one import transaction each.
template <typename Row, typename Import>
absl::Status ImportInBatches(const std::vector<Row>& rows, const Import& import, int& copied) {
  for (std::size_t begin = 0; begin < rows.size(); begin += kCopyBatchRows) {
    const std::size_t end = std::min(rows.size(), begin + kCopyBatchRows);
    const std::vector<Row> batch(rows.begin() + static_cast<std::ptrdiff_t>(begin),
                                 rows.begin() + static_cast<std::ptrdiff_t>(end));
    absl::StatusOr<int> stored = import(batch);
    if (!stored.ok()) return stored.status();
    copied += *stored;
  }
  return absl::OkStatus();
}

absl::Status CopyNegotiationRecord(Store& source, Store& destination, StoreCopyReport& report) {
  if (absl::Status s = CopyActors(source, destination, report); !s.ok()) return s;
  if (absl::Status s = CopySessions(source, destination, report); !s.ok()) return s;

  absl::StatusOr<std::vector<negotiation::Statement>> statements =
      source.ListStatements(StatementFilter{});
  if (!statements.ok()) return statements.status();
  report.statements = static_cast<int>(statements->size());
  absl::Status imported = ImportInBatches(
      *statements,
      [&](const std::vector<negotiation::Statement>& batch) {
        return destination.ImportStatements(batch);
      },
      report.statements_copied);
  if (!imported.ok()) return imported;

  absl::StatusOr<std::vector<negotiation::Position>> positions =
      source.ListPositions(PositionFilter{});
  if (!positions.ok()) return positions.status();
  report.positions = static_cast<int>(positions->size());
  imported = ImportInBatches(
      *positions,
      [&](const std::vector<negotiation::Position>& batch) {
        return destination.ImportPositions(batch);
      },
      report.positions_copied);
  if (!imported.ok()) return imported;

  return CopyVotes(source, destination, report);
}

absl::Status CopyFactCheckRecord(Store& source, Store& destination, StoreCopyReport& report) {
  absl::StatusOr<std::vector<factcheck::Claim>> claims = source.ListClaims(ClaimFilter{});
  if (!claims.ok()) return claims.status();
  report.claims = static_cast<int>(claims->size());
  absl::Status imported = ImportInBatches(
      *claims,
      [&](const std::vector<factcheck::Claim>& batch) { return destination.ImportClaims(batch); },
      report.claims_copied);
  if (!imported.ok()) return imported;

  absl::StatusOr<std::vector<factcheck::FactCheck>> fact_checks =
      source.ListFactChecks(FactCheckFilter{});
  if (!fact_checks.ok()) return fact_checks.status();
  report.factchecks = static_cast<int>(fact_checks->size());
  for (const factcheck::FactCheck& fact_check : *fact_checks) {
    absl::StatusOr<std::vector<factcheck::FactCheckRevision>> history =
        source.FactCheckHistory(fact_check.id);
    if (!history.ok()) return history.status();
    absl::StatusOr<int> stored = destination.ImportFactCheck(fact_check, *history);
    if (!stored.ok()) return stored.status();
    report.factchecks_copied += *stored;
  }
  return absl::OkStatus();
}

absl::Status CopyAccountRecord(Store& source, Store& destination, StoreCopyReport& report) {
  absl::StatusOr<std::vector<UserAccount>> users = source.ListUsers();
  if (!users.ok()) return users.status();
  report.users = static_cast<int>(users->size());
  absl::Status imported = ImportInBatches(
      *users,
      [&](const std::vector<UserAccount>& batch) { return destination.ImportUsers(batch); },
      report.users_copied);
  if (!imported.ok()) return imported;

  // The log is read newest first, a page at a time, and imported oldest first.
  std::vector<AuditEntry> entries;
  while (true) {
    absl::StatusOr<std::vector<AuditEntry>> page =
        source.ListAudit(static_cast<std::int64_t>(entries.size()), kMaxAuditPage);
    if (!page.ok()) return page.status();
    entries.insert(entries.end(), page->begin(), page->end());
    if (page->size() < static_cast<std::size_t>(kMaxAuditPage)) break;
  }
  std::reverse(entries.begin(), entries.end());
  report.audit_entries = static_cast<int>(entries.size());
  return ImportInBatches(
      entries,
      [&](const std::vector<AuditEntry>& batch) { return destination.ImportAudit(batch); },
      report.audit_entries_copied);
}

}  // namespace

bool StoreCopyReport::Verified() const {
  if (tables.empty()) return false;
  for (const TableComparison& table : tables) {
    if (!table.Matches()) return false;
  }
  return true;
}

absl::StatusOr<StoreCopyReport> CopyStore(Store& source, Store& destination,
                                          const CopyProgress& progress) {
  StoreCopyReport report;
  // Instruments first, so that each keeps its id; ImportDocument then finds them by name.
  absl::StatusOr<std::vector<InstrumentInfo>> instruments = source.ListInstruments();
  if (!instruments.ok()) return instruments.status();
  report.instruments = static_cast<int>(instruments->size());
  for (const InstrumentInfo& instrument : *instruments) {
    absl::StatusOr<bool> stored = destination.ImportInstrument(instrument);
    if (!stored.ok()) return stored.status();
    report.instruments_copied += *stored ? 1 : 0;
  }

  absl::StatusOr<std::vector<doc::DocumentMeta>> metas = source.ListDocuments();
  if (!metas.ok()) return metas.status();
  report.documents = static_cast<int>(metas->size());
  for (std::size_t i = 0; i < metas->size(); ++i) {
    const doc::DocumentMeta& meta = (*metas)[i];
    const std::string cite = meta.symbol.empty() ? meta.title : meta.symbol;
    if (progress) progress(i, metas->size(), cite);
    // A cheap look first: on a second run no document is loaded from the source at all.
    absl::StatusOr<std::optional<doc::DocumentMeta>> there = destination.FindBySha256(meta.sha256);
    if (!there.ok()) return there.status();
    if (there->has_value() && (*there)->id == meta.id) {
      ++report.documents_present;
      continue;
    }
    absl::StatusOr<doc::Document> document = source.LoadDocument(std::to_string(meta.id));
    if (!document.ok()) return document.status();
    absl::StatusOr<PutResult> imported = destination.ImportDocument(*document);
    if (!imported.ok()) return imported.status();
    ++(imported->already_present ? report.documents_present : report.documents_copied);
  }
  if (progress) progress(metas->size(), metas->size(), "");
  // After the documents: a statement may name the document it came from.
  if (absl::Status s = CopyNegotiationRecord(source, destination, report); !s.ok()) return s;
  if (absl::Status s = CopyFactCheckRecord(source, destination, report); !s.ok()) return s;
  if (absl::Status s = CopyAccountRecord(source, destination, report); !s.ok()) return s;

  absl::StatusOr<std::vector<TableDigest>> from = source.DigestTables();
  if (!from.ok()) return from.status();
  absl::StatusOr<std::vector<TableDigest>> to = destination.DigestTables();
  if (!to.ok()) return to.status();
  if (from->size() != to->size()) {
    return absl::InternalError(fmt::format("the stores digest {} and {} tables", from->size(),
                                           to->size()));
  }
  for (std::size_t i = 0; i < from->size(); ++i) {
    report.tables.push_back({(*from)[i], (*to)[i]});
  }
  return report;
}

}  // namespace tw::store
