#include "server/authenticator.h"

#include <iostream>
#include <string>

#include <fmt/format.h>
#include <sodium.h>

#include "server/auth/client_address.h"
#include "server/auth/login_throttle.h"
#include "server/auth/password_hash.h"
#include "server/auth/sessions.h"
#include "server/request_context.h"
#include "server/server_state.h"
#include "store/account_rows.h"
#include "text/text_clip.h"

namespace tw::server {
namespace {

constexpr std::string_view kLocalCookie = "tw_local";
constexpr std::string_view kWrongLogin = "wrong user name or password";

// The value of cookie `name` in the request's Cookie header, empty when absent.
std::string CookieValue(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  std::size_t at = 0;
  while (at < header.size()) {
    std::size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    std::string_view pair(header.data() + at, end - at);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    at = end + 1;
  }
  return {};
}

// The CSRF token a state-changing request carries: the X-CSRF-Token header (htmx, API) or the
// csrf_token form field.
std::string SentCsrfToken(const RequestContext& ctx) {
  std::string sent = ctx.request.get_header_value("X-CSRF-Token");
  if (sent.empty()) sent = ctx.Param("csrf_token");
  return sent;
}

std::string CookieHeader(std::string_view name, std::string_view value, bool secure,
                         std::int64_t max_age) {
  std::string cookie = fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict", name, value);
  if (max_age >= 0) cookie += fmt::format("; Max-Age={}", max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

// One audit entry in the store; a failure is reported on stderr and never undoes the change.
void WriteAudit(ServerState& state, const RequestContext& ctx, std::string_view action,
                std::string_view target, std::string_view detail) {
  constexpr std::size_t kRoom = store::kMaxAuditFieldBytes - 8;  // ClipUtf8 adds "…"
  store::AuditEntry entry;
  entry.who = ctx.user ? text::ClipUtf8(ctx.user->name, kRoom) : "anonymous";
  entry.action = text::ClipUtf8(action, kRoom);
  entry.target = text::ClipUtf8(target, kRoom);
  entry.detail = text::ClipUtf8(detail, kRoom);
  entry.client = auth::ClientAddress(ctx.request, state.config().behind_tls);
  absl::StatusOr<store::Store*> store = state.stores().ForThisThread();
  absl::Status written = store.status();
  if (store.ok()) written = (*store)->AppendAudit(entry).status();
  if (!written.ok()) {
    std::cerr << "treatywatch serve: audit log: cannot record " << action << " " << target
              << " by " << entry.who << ": " << written.message() << "\n";
  }
}

// The store has no user: one owner at the keyboard of this machine. The CSRF token is a
// per-process secret handed to pages in a SameSite=Strict cookie and in every form.
class LocalOwnerAuthenticator final : public Authenticator {
 public:
  explicit LocalOwnerAuthenticator(ServerState& state)
      : state_(state), token_(auth::RandomToken()) {}

  void Identify(RequestContext& ctx) override {
    ctx.user = Principal{0, "local owner", Role::kAdmin};
    ctx.csrf_token = token_;
    ctx.session_token = token_;
    if (!auth::SameSecret(CookieValue(ctx.request, kLocalCookie), token_)) {
      ctx.response.set_header("Set-Cookie", std::string(kLocalCookie) + "=" + token_ +
                                                "; Path=/; HttpOnly; SameSite=Strict");
    }
  }

  bool CsrfValid(const RequestContext& ctx, Access) const override {
    return auth::SameSecret(SentCsrfToken(ctx), token_);
  }

  void RecordAudit(const RequestContext& ctx, std::string_view action, std::string_view target,
                   std::string_view detail) override {
    std::cerr << "audit: " << (ctx.user ? ctx.user->name : "anonymous") << " " << action << " "
              << target << (detail.empty() ? "" : " ") << detail << "\n";
    WriteAudit(state_, ctx, action, target, detail);
  }

  void PrepareLogin(RequestContext&) override {}

  absl::Status LogIn(RequestContext&, std::string_view, std::string_view) override {
    return absl::FailedPreconditionError(
        "this server has no user accounts: everyone on this machine is the local owner "
        "(add one with: treatywatch user add NAME --role admin, then restart the server)");
  }

  absl::Status LogOut(RequestContext&) override {
    return absl::FailedPreconditionError("this server has no user accounts: nobody logs out");
  }

 private:
  ServerState& state_;
  const std::string token_;
};

// The store has users: sessions in the store, throttled logins, pre-login CSRF cookie.
class SessionAuthenticator final : public Authenticator {
 public:
  explicit SessionAuthenticator(ServerState& state) : state_(state) {}

  void Identify(RequestContext& ctx) override {
    const std::string token = CookieValue(ctx.request, auth::kSessionCookie);
    if (!token.empty()) {
      if (auth::IsTokenShaped(token) && Resume(ctx, token)) return;
      // A cookie naming no live session: drop it, so the browser stops sending it.
      ctx.response.set_header("Set-Cookie", CookieHeader(auth::kSessionCookie, "", Secure(), 0));
    }
    const std::string login_token = CookieValue(ctx.request, auth::kLoginCookie);
    if (auth::IsTokenShaped(login_token)) ctx.csrf_token = login_token;
  }

  bool CsrfValid(const RequestContext& ctx, Access access) const override {
    if (access == Access::kLoginForm && ctx.IsApi()) {
      // A JSON body: another site's page cannot send one without a CORS preflight, and this
      // server grants none. The token a script needs afterwards comes in the answer.
      const std::string type = ctx.request.get_header_value("Content-Type");
      return type.rfind("application/json", 0) == 0;
    }
    if (access == Access::kLoginForm) {
      return auth::SameSecret(SentCsrfToken(ctx), CookieValue(ctx.request, auth::kLoginCookie));
    }
    return auth::SameSecret(SentCsrfToken(ctx), ctx.csrf_token);
  }

  void RecordAudit(const RequestContext& ctx, std::string_view action, std::string_view target,
                   std::string_view detail) override {
    WriteAudit(state_, ctx, action, target, detail);
  }

  void PrepareLogin(RequestContext& ctx) override {
    if (ctx.user || !ctx.csrf_token.empty()) return;
    ctx.csrf_token = auth::RandomToken();
    ctx.response.set_header("Set-Cookie",
                            CookieHeader(auth::kLoginCookie, ctx.csrf_token, Secure(), -1));
  }

  absl::Status LogIn(RequestContext& ctx, std::string_view name,
                     std::string_view password) override {
    if (name.empty() || password.empty()) {
      return absl::InvalidArgumentError("enter your user name and password");
    }
    const std::string address = auth::ClientAddress(ctx.request, Secure());
    if (const std::chrono::seconds wait = throttle_.Wait(name, address); wait.count() > 0) {
      return absl::ResourceExhaustedError(fmt::format(
          "too many failed logins: try again in {} seconds", wait.count()));
    }
    absl::StatusOr<store::Store*> store = ctx.Store();
    if (!store.ok()) return store.status();
    absl::StatusOr<std::optional<store::UserAccount>> user =
        name.size() <= store::kMaxUserNameBytes
            ? (*store)->FindUser(name)
            : absl::StatusOr<std::optional<store::UserAccount>>(std::nullopt);
    if (!user.ok()) return user.status();
    bool accepted = false;
    std::optional<Role> role;
    if (!user->has_value()) {
      auth::BurnVerificationTime(password);  // an unknown name costs what a known one does
    } else {
      accepted = auth::VerifyPassword((*user)->password_hash, password);
      role = ParseRole((*user)->role);
      accepted = accepted && !(*user)->disabled && role.has_value();
    }
    if (!accepted) {
      throttle_.RecordFailure(name, address);
      return absl::UnauthenticatedError(std::string(kWrongLogin));
    }
    throttle_.RecordSuccess(name, address);

    const std::string token = auth::RandomToken();
    const std::string csrf = auth::RandomToken();
    const std::int64_t now = auth::UnixNow();
    if (absl::Status s = (*store)->PutLoginSession(auth::NewSession((*user)->id, token, csrf, now));
        !s.ok()) {
      return s;
    }
    // Housekeeping: ended sessions are removed when someone logs in, so the table stays small.
    (void)(*store)->DeleteExpiredLoginSessions(now, now - auth::kSessionIdleTimeout.count());
    ctx.response.set_header("Set-Cookie",
                            CookieHeader(auth::kSessionCookie, token, Secure(),
                                         auth::kSessionLifetime.count()));
    ctx.user = Principal{(*user)->id, (*user)->name, *role};
    ctx.csrf_token = csrf;
    ctx.session_token = token;
    WriteAudit(state_, ctx, "login", fmt::format("user {}", (*user)->id), "");
    return absl::OkStatus();
  }

  absl::Status LogOut(RequestContext& ctx) override {
    if (ctx.session_token.empty()) return absl::UnauthenticatedError("you are not logged in");
    absl::StatusOr<store::Store*> store = ctx.Store();
    if (!store.ok()) return store.status();
    if (absl::Status s = (*store)->DeleteLoginSession(auth::TokenHash(ctx.session_token));
        !s.ok()) {
      return s;
    }
    WriteAudit(state_, ctx, "logout", fmt::format("user {}", ctx.user ? ctx.user->user_id : 0),
               "");
    ctx.response.set_header("Set-Cookie", CookieHeader(auth::kSessionCookie, "", Secure(), 0));
    ctx.user.reset();
    ctx.session_token.clear();
    ctx.csrf_token.clear();
    return absl::OkStatus();
  }

 private:
  bool Secure() const { return state_.config().behind_tls; }

  // Sets ctx from the session `token` names; false when there is no live one.
  bool Resume(RequestContext& ctx, const std::string& token) {
    absl::StatusOr<store::Store*> store = ctx.Store();
    if (!store.ok()) {
      std::cerr << "treatywatch serve: sessions: " << store.status().message() << "\n";
      return false;
    }
    const std::string hash = auth::TokenHash(token);
    absl::StatusOr<std::optional<store::LoginSessionWithUser>> found =
        (*store)->FindLoginSession(hash);
    if (!found.ok()) {
      std::cerr << "treatywatch serve: sessions: " << found.status().message() << "\n";
      return false;
    }
    if (!found->has_value()) return false;
    const store::LoginSession& session = (*found)->session;
    const store::UserAccount& user = (*found)->user;
    const std::int64_t now = auth::UnixNow();
    const std::optional<Role> role = ParseRole(user.role);
    if (!auth::SessionLive(session, now) || user.disabled || !role.has_value()) {
      (void)(*store)->DeleteLoginSession(hash);
      return false;
    }
    if (auth::SessionNeedsTouch(session, now)) (void)(*store)->TouchLoginSession(hash, now);
    ctx.user = Principal{user.id, user.name, *role};
    ctx.csrf_token = session.csrf_token;
    ctx.session_token = token;
    return true;
  }

  ServerState& state_;
  auth::LoginThrottle throttle_;
};

}  // namespace

absl::StatusOr<bool> StoreHasUsers(store::Store& store) {
  absl::StatusOr<std::int64_t> users = store.CountUsers();
  if (!users.ok()) return users.status();
  return *users > 0;
}

std::unique_ptr<Authenticator> MakeAuthenticator(ServerState& state) {
  if (sodium_init() < 0) std::abort();  // libsodium cannot work without its RNG
  if (state.config().local_owner_mode) return std::make_unique<LocalOwnerAuthenticator>(state);
  return std::make_unique<SessionAuthenticator>(state);
}

}  // namespace tw::server
