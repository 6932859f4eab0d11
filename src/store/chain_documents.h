// ChainDocuments: the documents of an instrument's version chain, loaded whole, for what follows
// a provision or a scorecard from version to version (compare/version_chain.h: `treatywatch
// history`, audit/audit_trend.h) — one way of finding a chain for the CLI and the web API.
// Thread safety: uses `store` only, which the caller's thread owns.
#ifndef TREATYWATCH_STORE_CHAIN_DOCUMENTS_H_
#define TREATYWATCH_STORE_CHAIN_DOCUMENTS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "doc/document.h"
#include "store/store.h"

namespace tw::store {

struct ChainDocuments {
  std::vector<doc::Document> versions;  // in version order
  std::size_t index = 0;  // the document LoadChainOf was given; 0 for LoadChain
};

// The chain `document` is a version of; FailedPrecondition when it belongs to none.
absl::StatusOr<ChainDocuments> LoadChainOf(Store& store, const doc::Document& document);

// Every version of `instrument`; NotFound when no instrument has that name.
absl::StatusOr<ChainDocuments> LoadChain(Store& store, std::string_view instrument);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_CHAIN_DOCUMENTS_H_
