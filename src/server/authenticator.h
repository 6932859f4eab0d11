// Authenticator: who a request is, whether its CSRF token is right, and the audit trail of
// changes. The server calls Identify before every handler and CsrfValid before every
// state-changing one (route_table.h).
//
// Two modes, chosen when the server starts:
//   * the store has users (disabled ones count): a session cookie tw_session (HttpOnly,
//     SameSite=Strict, Path=/, Secure behind TLS) names a session row by its token's SHA-256
//     (auth/sessions.h); the session holds the CSRF token. Anonymous otherwise; an anonymous
//     visitor's CSRF token is the pre-login cookie tw_login that GET /login sets (double submit).
//     Logins are throttled per name and per client address (auth/login_throttle.h).
//   * the store has no user (a laptop): the server listens on loopback only and every request
//     whose Host is a loopback name acts as the local owner (admin); the CSRF token still guards
//     against other web sites posting to localhost.
//
// Thread safety: all methods may be called from any worker thread at once.
#ifndef TREATYWATCH_SERVER_AUTHENTICATOR_H_
#define TREATYWATCH_SERVER_AUTHENTICATOR_H_

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "server/route_table.h"
#include "store/store.h"

namespace tw::server {

class RequestContext;
class ServerState;

class Authenticator {
 public:
  virtual ~Authenticator() = default;

  // Sets ctx.user, ctx.csrf_token and ctx.session_token from the request's cookies; may add a
  // Set-Cookie header (a pre-login CSRF cookie, a local-owner session).
  virtual void Identify(RequestContext& ctx) = 0;

  // Whether a state-changing request carries the token Identify expects for it.
  virtual bool CsrfValid(const RequestContext& ctx, Access access) const = 0;

  // Appends one entry to the audit log (RequestContext::Audit): the store's audit_log, with the
  // acting user's name and the client's address.
  virtual void RecordAudit(const RequestContext& ctx, std::string_view action,
                           std::string_view target, std::string_view detail) = 0;

  // GET /login: gives an anonymous visitor a pre-login CSRF token (cookie and ctx.csrf_token),
  // the one POST /login checks.
  virtual void PrepareLogin(RequestContext& ctx) = 0;

  // Checks the name and password and starts a session: sets the cookie on the response and
  // ctx.user, ctx.csrf_token and ctx.session_token. ResourceExhausted (429) naming the wait
  // while the name or address is locked out; Unauthenticated with one message for an unknown
  // name, a wrong password and a disabled account; FailedPrecondition in local-owner mode.
  virtual absl::Status LogIn(RequestContext& ctx, std::string_view name,
                             std::string_view password) = 0;

  // Ends the request's session (deleted from the store) and clears its cookie.
  virtual absl::Status LogOut(RequestContext& ctx) = 0;
};

// Whether the store holds at least one user account (else the server runs in local-owner mode).
absl::StatusOr<bool> StoreHasUsers(store::Store& store);

// The authenticator for `state`'s configuration (local owner or sessions).
std::unique_ptr<Authenticator> MakeAuthenticator(ServerState& state);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_AUTHENTICATOR_H_
