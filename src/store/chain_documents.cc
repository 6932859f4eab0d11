#include "store/chain_documents.h"

#include <string>

#include <fmt/format.h>

namespace tw::store {

absl::StatusOr<ChainDocuments> LoadChain(Store& store, std::string_view instrument) {
  absl::StatusOr<std::vector<doc::DocumentMeta>> metas = store.VersionChain(instrument);
  if (!metas.ok()) return metas.status();
  ChainDocuments chain;
  chain.versions.reserve(metas->size());
  for (const doc::DocumentMeta& meta : *metas) {
    absl::StatusOr<doc::Document> version = store.LoadDocument(std::to_string(meta.id));
    if (!version.ok()) return version.status();
    chain.versions.push_back(*std::move(version));
  }
  return chain;
}

absl::StatusOr<ChainDocuments> LoadChainOf(Store& store, const doc::Document& document) {
  if (document.meta.instrument.empty()) {
    return absl::FailedPreconditionError(fmt::format(
        "{} belongs to no version chain: ingest its versions with --instrument NAME",
        document.CiteName()));
  }
  absl::StatusOr<ChainDocuments> chain = LoadChain(store, document.meta.instrument);
  if (!chain.ok()) return chain.status();
  for (std::size_t i = 0; i < chain->versions.size(); ++i) {
    if (chain->versions[i].meta.id == document.meta.id) chain->index = i;
  }
  return chain;
}

}  // namespace tw::store
