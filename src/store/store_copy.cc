#include "store/store_copy.h"

#include <string>

#include <fmt/format.h>

namespace tw::store {

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
