#include "server/compare_results.h"

#include <fmt/format.h>

#include "compare/compare.h"
#include "server/result_cache.h"
#include "store/chain_documents.h"
#include "store/document_lookup.h"

namespace tw::server {
namespace {

// Entries kept. A comparison of two long drafts holds their redlines (a few MB at most).
constexpr std::size_t kComparisonsKept = 24;
constexpr std::size_t kCrosswalksKept = 8;
constexpr std::size_t kHistoriesKept = 64;

ResultCache<compare::Comparison>& Comparisons() {
  static ResultCache<compare::Comparison> cache(kComparisonsKept);
  return cache;
}

ResultCache<compare::Crosswalk>& Crosswalks() {
  static ResultCache<compare::Crosswalk> cache(kCrosswalksKept);
  return cache;
}

ResultCache<compare::ProvisionHistory>& Histories() {
  static ResultCache<compare::ProvisionHistory> cache(kHistoriesKept);
  return cache;
}

}  // namespace

absl::StatusOr<doc::Document> DocumentById(RequestContext& ctx, std::int64_t id) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<doc::Document> document = (*store)->LoadDocument(std::to_string(id));
  // A number that is no id could still be some document's symbol; here it is meant as an id.
  if (document.ok() && document->meta.id != id) {
    return store::DocumentNotFoundError(std::to_string(id));
  }
  return document;
}

absl::StatusOr<doc::Document> DocumentFromParam(RequestContext& ctx, std::string_view name) {
  absl::StatusOr<std::int64_t> id = ctx.IdParam(name);
  if (!id.ok()) return id.status();
  return DocumentById(ctx, *id);
}

absl::Status CheckProvisionPath(std::string_view path, std::string_view what) {
  bool plain = !path.empty() && path.size() <= kMaxProvisionPathBytes;
  for (char c : path) {
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_');
  }
  if (plain) return absl::OkStatus();
  return absl::InvalidArgumentError(fmt::format(
      "parameter {} must be a provision path like art5, art5.p2 or preamble (at most {} "
      "letters, digits, dots, hyphens and underscores)",
      what, kMaxProvisionPathBytes));
}

std::shared_ptr<const compare::Comparison> CachedComparison(const doc::Document& old_doc,
                                                            const doc::Document& new_doc) {
  return Comparisons().GetOrCompute(
      DocumentCacheKey(old_doc) + DocumentCacheKey(new_doc),
      [&] { return compare::CompareDocuments(old_doc, new_doc); });
}

std::shared_ptr<const compare::Crosswalk> CachedCrosswalk(const doc::Document& a,
                                                          const doc::Document& b) {
  return Crosswalks().GetOrCompute(DocumentCacheKey(a) + DocumentCacheKey(b),
                                   [&] { return compare::BuildCrosswalk(a, b); });
}

absl::StatusOr<std::shared_ptr<const compare::ProvisionHistory>> CachedHistory(
    RequestContext& ctx, const doc::Document& document, const std::string& path) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<store::ChainDocuments> chain = store::LoadChainOf(**store, document);
  if (!chain.ok()) return chain.status();
  std::string key = fmt::format("{}:{}|{}|", chain->index, path.size(), path);
  for (const doc::Document& version : chain->versions) key += DocumentCacheKey(version);
  if (auto found = Histories().Find(key)) return found;
  absl::StatusOr<compare::ProvisionHistory> history =
      compare::TraceProvision(chain->versions, chain->index, path);
  if (!history.ok()) return history.status();
  auto made = std::make_shared<const compare::ProvisionHistory>(*std::move(history));
  Histories().Put(key, made);
  return made;
}

}  // namespace tw::server
