#include "server/factcheck_access.h"

#include <optional>
#include <utility>

#include <fmt/format.h>

#include "factcheck/verdict_scale_config.h"
#include "negotiation/stored_actors.h"

namespace tw::server {
namespace {

constexpr std::size_t kMaxHostBytes = 255;

// A Host header usable in a URL as is: letters, digits, '.', '-', ':' and the brackets of an
// IPv6 literal.
bool PlainHost(std::string_view host) {
  if (host.empty() || host.size() > kMaxHostBytes) return false;
  for (char c : host) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' || c == '[' ||
                       c == ']';
    if (!plain) return false;
  }
  return true;
}

absl::Status NoFactCheck(std::int64_t id) {
  return absl::NotFoundError(fmt::format("no fact-check {}", id));
}

}  // namespace

absl::StatusOr<factcheck::VerdictScale> VerdictScaleOf() {
  // Read once: the scale is part of how the server was started, like its database.
  static const absl::StatusOr<factcheck::VerdictScale> scale =
      factcheck::ConfiguredVerdictScale("");
  return scale;
}

absl::StatusOr<negotiation::ActorRegistry> ActorsOf(store::Store& store) {
  return negotiation::StoredActorRegistry(store);
}

bool SeesUnpublished(const RequestContext& ctx) { return ctx.HasRole(Role::kViewer); }

absl::StatusOr<factcheck::FactCheck> VisibleFactCheck(const RequestContext& ctx,
                                                      store::Store& store, std::int64_t id) {
  absl::StatusOr<std::optional<factcheck::FactCheck>> loaded = store.LoadFactCheck(id);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->has_value()) return NoFactCheck(id);
  if ((*loaded)->status != factcheck::FactCheckStatus::kPublished && !SeesUnpublished(ctx)) {
    return NoFactCheck(id);
  }
  return **std::move(loaded);
}

absl::StatusOr<std::vector<factcheck::FactCheck>> VisibleFactChecks(const RequestContext& ctx,
                                                                    store::Store& store,
                                                                    std::int64_t claim_id) {
  store::FactCheckFilter filter;
  if (claim_id > 0) filter.claim_id = claim_id;
  if (!SeesUnpublished(ctx)) filter.status = factcheck::FactCheckStatus::kPublished;
  return store.ListFactChecks(filter);
}

absl::StatusOr<factcheck::Claim> StoredClaim(store::Store& store, std::int64_t id) {
  absl::StatusOr<std::optional<factcheck::Claim>> claim = store.LoadClaim(id);
  if (!claim.ok()) return claim.status();
  if (!claim->has_value()) return absl::NotFoundError(fmt::format("no claim {}", id));
  return **std::move(claim);
}

factcheck::Publisher PublisherOf(const RequestContext& ctx) {
  factcheck::Publisher publisher;
  const std::string host = ctx.request.get_header_value("Host");
  const std::string scheme = ctx.config().behind_tls ? "https" : "http";
  publisher.base_url =
      fmt::format("{}://{}/public", scheme, PlainHost(host) ? host : std::string("127.0.0.1"));
  return publisher;
}

}  // namespace tw::server
