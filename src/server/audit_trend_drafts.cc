#include "server/audit_trend_drafts.h"

#include <charconv>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "server/audit_results.h"
#include "server/compare_results.h"
#include "store/chain_documents.h"

namespace tw::server {
namespace {

// An instrument's name is a title: this is generous.
constexpr std::size_t kMaxInstrumentBytes = 500;

absl::StatusOr<std::vector<std::int64_t>> ParseIdList(std::string_view list) {
  std::vector<std::int64_t> ids;
  std::size_t at = 0;
  while (at <= list.size()) {
    std::size_t end = list.find(',', at);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view item = list.substr(at, end - at);
    std::int64_t id = 0;
    auto [stop, error] = std::from_chars(item.data(), item.data() + item.size(), id);
    if (item.empty() || error != std::errc() || stop != item.data() + item.size() || id <= 0) {
      return absl::InvalidArgumentError(fmt::format(
          "parameter documents must be document ids separated by commas (2,8,11); \"{}\" is "
          "not one",
          std::string(item.substr(0, 40))));
    }
    if (ids.size() == kMaxTrendDrafts) {
      return absl::InvalidArgumentError(
          fmt::format("parameter documents names more than {} drafts", kMaxTrendDrafts));
    }
    ids.push_back(id);
    at = end + 1;
  }
  if (ids.size() < 2) {
    return absl::InvalidArgumentError("parameter documents needs two or more drafts, oldest first");
  }
  return ids;
}

}  // namespace

absl::StatusOr<std::vector<doc::Document>> TrendDrafts(RequestContext& ctx) {
  if (ctx.HasParam("documents")) {
    absl::StatusOr<std::vector<std::int64_t>> ids = ParseIdList(ctx.Param("documents"));
    if (!ids.ok()) return ids.status();
    std::vector<doc::Document> drafts;
    for (std::int64_t id : *ids) {
      absl::StatusOr<doc::Document> draft = DocumentById(ctx, id);
      if (!draft.ok()) return draft.status();
      drafts.push_back(*std::move(draft));
    }
    return drafts;
  }
  const std::string instrument = ctx.Param("instrument");
  if (instrument.empty() || instrument.size() > kMaxInstrumentBytes) {
    return absl::InvalidArgumentError(fmt::format(
        "give documents=ID,ID,... or instrument=NAME (a name of at most {} bytes)",
        kMaxInstrumentBytes));
  }
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) return store.status();
  absl::StatusOr<std::vector<doc::DocumentMeta>> chain = (*store)->VersionChain(instrument);
  if (!chain.ok()) return chain.status();
  if (chain->size() > kMaxTrendDrafts) {
    return absl::InvalidArgumentError(fmt::format(
        "{} has {} versions; a trend takes at most {}: name them with documents=ID,ID,...",
        instrument, chain->size(), kMaxTrendDrafts));
  }
  absl::StatusOr<store::ChainDocuments> loaded = store::LoadChain(**store, instrument);
  if (!loaded.ok()) return loaded.status();
  return std::move(loaded->versions);
}

}  // namespace tw::server
