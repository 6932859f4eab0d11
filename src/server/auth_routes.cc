// Login and logout (pages and API), who am I, and the admin's users and audit log pages and API.
// The checks before each handler (role, CSRF) are the server's (route_table.h); logins use
// Access::kLoginForm, whose CSRF check is the pre-login cookie (authenticator.h).
#include <fmt/format.h>

#include <charconv>
#include <string>

#include "server/auth/account_json.h"
#include "server/auth/accounts.h"
#include "server/authenticator.h"
#include "server/request_context.h"
#include "server/server_routes.h"
#include "server/server_state.h"
#include "store/account_rows.h"

namespace tw::server {
namespace {

constexpr int kAuditPageSize = 50;
constexpr std::size_t kMaxNextBytes = 2000;

// Where to go after logging in: a local path ("/documents/1?x=y") only — one leading "/", no
// "//" or "/\" (which browsers read as another host), no control characters. Else "/".
std::string SafeNext(std::string_view next) {
  if (next.empty() || next.size() > kMaxNextBytes || next.front() != '/') return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  for (char c : next) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') return "/";
  }
  return std::string(next);
}

nlohmann::json RoleOptions(std::string_view selected) {
  nlohmann::json options = nlohmann::json::array();
  for (std::string_view role : store::kUserRoles) {
    options.push_back({{"name", std::string(role)}, {"selected", role == selected}});
  }
  return options;
}

// A string member of a JSON body; InvalidArgument naming it when absent or not a string.
absl::StatusOr<std::string> StringField(const nlohmann::json& body, std::string_view name) {
  const std::string key(name);
  if (!body.is_object() || !body.contains(key) || !body[key].is_string()) {
    return absl::InvalidArgumentError(fmt::format("the body needs \"{}\" as a string", name));
  }
  return body[key].get<std::string>();
}

// --- login and logout ---------------------------------------------------------------------------

void RenderLogin(RequestContext& ctx, std::string_view name, std::string_view error,
                 int status) {
  ctx.state().authenticator().PrepareLogin(ctx);
  nlohmann::json view = {{"next", SafeNext(ctx.Param("next"))},
                         {"name", std::string(name)},
                         {"local_owner", ctx.config().local_owner_mode},
                         {"nav", "login"}};
  if (!error.empty()) view["error"] = std::string(error);
  ctx.Page("login", "Log in", view, status);
}

void LoginPage(RequestContext& ctx) {
  if (ctx.user && !ctx.config().local_owner_mode) {
    ctx.Redirect(SafeNext(ctx.Param("next")));
    return;
  }
  RenderLogin(ctx, "", "", 200);
}

void LoginForm(RequestContext& ctx) {
  const std::string name = ctx.Param("name");
  absl::Status logged_in = ctx.state().authenticator().LogIn(ctx, name, ctx.Param("password"));
  if (!logged_in.ok()) {
    RenderLogin(ctx, name.substr(0, store::kMaxUserNameBytes), std::string(logged_in.message()),
                HttpStatusOf(logged_in));
    return;
  }
  ctx.Redirect(SafeNext(ctx.Param("next")));
}

void LogoutForm(RequestContext& ctx) {
  if (absl::Status s = ctx.state().authenticator().LogOut(ctx); !s.ok()) {
    ctx.Error(s);
    return;
  }
  ctx.Redirect("/");
}

nlohmann::json MeJson(const RequestContext& ctx) {
  nlohmann::json me = {{"user", nullptr}, {"local_owner", ctx.config().local_owner_mode}};
  if (ctx.user) {
    me["user"] = {{"id", ctx.user->user_id},
                  {"name", ctx.user->name},
                  {"role", std::string(RoleName(ctx.user->role))}};
    me["csrf_token"] = ctx.csrf_token;
  }
  return me;
}

void LoginApi(RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = ctx.JsonBody();
  if (!body.ok()) {
    ctx.Error(body.status());
    return;
  }
  absl::StatusOr<std::string> name = StringField(*body, "name");
  absl::StatusOr<std::string> password = StringField(*body, "password");
  if (!name.ok() || !password.ok()) {
    ctx.Error(!name.ok() ? name.status() : password.status());
    return;
  }
  if (absl::Status s = ctx.state().authenticator().LogIn(ctx, *name, *password); !s.ok()) {
    ctx.Error(s);
    return;
  }
  ctx.Json(MeJson(ctx));
}

void LogoutApi(RequestContext& ctx) {
  if (absl::Status s = ctx.state().authenticator().LogOut(ctx); !s.ok()) {
    ctx.Error(s);
    return;
  }
  ctx.Json({{"logged_out", true}});
}

void MeApi(RequestContext& ctx) { ctx.Json(MeJson(ctx)); }

// --- users --------------------------------------------------------------------------------------

void RenderUsers(RequestContext& ctx, std::string_view error, int status) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) {
    ctx.Error(store.status());
    return;
  }
  absl::StatusOr<std::vector<store::UserAccount>> users = (*store)->ListUsers();
  if (!users.ok()) {
    ctx.Error(users.status());
    return;
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const store::UserAccount& user : *users) {
    nlohmann::json row = auth::UserJson(user);
    row["roles"] = RoleOptions(user.role);
    row["is_you"] = ctx.user && ctx.user->user_id == user.id;
    rows.push_back(std::move(row));
  }
  nlohmann::json view = {{"users", rows},
                         {"count", users->size()},
                         {"roles", RoleOptions("viewer")},
                         {"local_owner", ctx.config().local_owner_mode},
                         {"nav", "users"}};
  if (!error.empty()) view["error"] = std::string(error);
  if (ctx.HasParam("done")) view["done"] = ctx.Param("done").substr(0, 200);
  ctx.Page("users", "Users", view, status);
}

void UsersPage(RequestContext& ctx) { RenderUsers(ctx, "", 200); }

// Runs `change` on the store; on success audits and redirects to the users page, else shows it
// again with the error.
template <typename Change>
void ChangeUsers(RequestContext& ctx, const Change& change) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) {
    ctx.Error(store.status());
    return;
  }
  absl::StatusOr<std::string> done = change(**store);
  if (!done.ok()) {
    RenderUsers(ctx, std::string(done.status().message()), HttpStatusOf(done.status()));
    return;
  }
  ctx.Redirect("/admin/users?done=" + *done);
}

void AddUserForm(RequestContext& ctx) {
  ChangeUsers(ctx, [&](store::Store& store) -> absl::StatusOr<std::string> {
    absl::StatusOr<store::UserAccount> user =
        auth::CreateAccount(store, ctx.Param("name"), ctx.Param("role"), ctx.Param("password"));
    if (!user.ok()) return user.status();
    ctx.Audit("user.add", fmt::format("user {}", user->id),
              fmt::format("name={} role={}", user->name, user->role));
    return std::string("added");
  });
}

void RoleForm(RequestContext& ctx) {
  ChangeUsers(ctx, [&](store::Store& store) -> absl::StatusOr<std::string> {
    absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "user");
    if (!id.ok()) return id.status();
    absl::StatusOr<store::UserAccount> user = auth::AccountWithId(store, *id);
    if (!user.ok()) return user.status();
    const std::string role = ctx.Param("role");
    if (absl::Status s = auth::ChangeRole(store, *id, role); !s.ok()) return s;
    ctx.Audit("user.role", fmt::format("user {}", *id),
              fmt::format("name={} role={} (was {})", user->name, role, user->role));
    return std::string("role");
  });
}

void DisableForm(RequestContext& ctx, bool disabled) {
  ChangeUsers(ctx, [&](store::Store& store) -> absl::StatusOr<std::string> {
    absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "user");
    if (!id.ok()) return id.status();
    absl::StatusOr<store::UserAccount> user = auth::AccountWithId(store, *id);
    if (!user.ok()) return user.status();
    if (absl::Status s = auth::SetDisabled(store, *id, disabled); !s.ok()) return s;
    ctx.Audit(disabled ? "user.disable" : "user.enable", fmt::format("user {}", *id),
              fmt::format("name={}", user->name));
    return std::string(disabled ? "disabled" : "enabled");
  });
}

void UsersApi(RequestContext& ctx) {
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!store.ok()) {
    ctx.Error(store.status());
    return;
  }
  absl::StatusOr<std::vector<store::UserAccount>> users = (*store)->ListUsers();
  if (!users.ok()) {
    ctx.Error(users.status());
    return;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const store::UserAccount& user : *users) list.push_back(auth::UserJson(user));
  ctx.Json({{"users", list}});
}

void AddUserApi(RequestContext& ctx) {
  absl::StatusOr<nlohmann::json> body = ctx.JsonBody();
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!body.ok() || !store.ok()) {
    ctx.Error(!body.ok() ? body.status() : store.status());
    return;
  }
  absl::StatusOr<std::string> name = StringField(*body, "name");
  absl::StatusOr<std::string> role = StringField(*body, "role");
  absl::StatusOr<std::string> password = StringField(*body, "password");
  for (const absl::Status& s : {name.status(), role.status(), password.status()}) {
    if (!s.ok()) {
      ctx.Error(s);
      return;
    }
  }
  absl::StatusOr<store::UserAccount> user = auth::CreateAccount(**store, *name, *role, *password);
  if (!user.ok()) {
    ctx.Error(user.status());
    return;
  }
  ctx.Audit("user.add", fmt::format("user {}", user->id),
            fmt::format("name={} role={}", user->name, user->role));
  ctx.Json(auth::UserJson(*user), 201);
}

void ChangeUserApi(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> id = ctx.MatchId(1, "user");
  absl::StatusOr<nlohmann::json> body = ctx.JsonBody();
  absl::StatusOr<store::Store*> store = ctx.Store();
  for (const absl::Status& s : {id.status(), body.status(), store.status()}) {
    if (!s.ok()) {
      ctx.Error(s);
      return;
    }
  }
  absl::StatusOr<store::UserAccount> user = auth::AccountWithId(**store, *id);
  if (!user.ok()) {
    ctx.Error(user.status());
    return;
  }
  const bool has_role = body->is_object() && body->contains("role");
  const bool has_disabled = body->is_object() && body->contains("disabled");
  if (!has_role && !has_disabled) {
    ctx.Error(absl::InvalidArgumentError("the body needs \"role\" or \"disabled\""));
    return;
  }
  if (has_disabled && !(*body)["disabled"].is_boolean()) {
    ctx.Error(absl::InvalidArgumentError("\"disabled\" must be true or false"));
    return;
  }
  if (has_role) {
    absl::StatusOr<std::string> role = StringField(*body, "role");
    absl::Status changed = role.ok() ? auth::ChangeRole(**store, *id, *role) : role.status();
    if (!changed.ok()) {
      ctx.Error(changed);
      return;
    }
    ctx.Audit("user.role", fmt::format("user {}", *id),
              fmt::format("name={} role={} (was {})", user->name, *role, user->role));
  }
  if (has_disabled) {
    const bool disabled = (*body)["disabled"].get<bool>();
    if (absl::Status s = auth::SetDisabled(**store, *id, disabled); !s.ok()) {
      ctx.Error(s);
      return;
    }
    ctx.Audit(disabled ? "user.disable" : "user.enable", fmt::format("user {}", *id),
              fmt::format("name={}", user->name));
  }
  absl::StatusOr<store::UserAccount> now = auth::AccountWithId(**store, *id);
  if (!now.ok()) {
    ctx.Error(now.status());
    return;
  }
  ctx.Json(auth::UserJson(*now));
}

// --- the audit log ------------------------------------------------------------------------------

// A non-negative whole number from the query, `fallback` when absent.
absl::StatusOr<std::int64_t> CountParam(const RequestContext& ctx, std::string_view name,
                                        std::int64_t fallback) {
  if (!ctx.HasParam(name)) return fallback;
  const std::string text = ctx.Param(name);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0) {
    return absl::InvalidArgumentError(fmt::format(
        "parameter {} must be a whole number, got \"{}\"", name, text.substr(0, 40)));
  }
  return value;
}

void AuditLogPage(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> page = CountParam(ctx, "page", 1);
  absl::StatusOr<store::Store*> store = ctx.Store();
  if (!page.ok() || !store.ok()) {
    ctx.Error(!page.ok() ? page.status() : store.status());
    return;
  }
  absl::StatusOr<std::int64_t> total = (*store)->CountAudit();
  if (!total.ok()) {
    ctx.Error(total.status());
    return;
  }
  const std::int64_t pages = std::max<std::int64_t>(1, (*total + kAuditPageSize - 1) /
                                                           kAuditPageSize);
  const std::int64_t current = std::clamp<std::int64_t>(*page, 1, pages);
  absl::StatusOr<std::vector<store::AuditEntry>> entries =
      (*store)->ListAudit((current - 1) * kAuditPageSize, kAuditPageSize);
  if (!entries.ok()) {
    ctx.Error(entries.status());
    return;
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const store::AuditEntry& entry : *entries) rows.push_back(auth::AuditEntryJson(entry));
  nlohmann::json view = {{"entries", rows},  {"total", *total},   {"page", current},
                         {"pages", pages},   {"nav", "audit_log"}, {"empty", rows.empty()}};
  if (current > 1) view["newer"] = current - 1;
  if (current < pages) view["older"] = current + 1;
  ctx.Page("audit_log", "Audit log", view);
}

void AuditLogApi(RequestContext& ctx) {
  absl::StatusOr<std::int64_t> offset = CountParam(ctx, "offset", 0);
  absl::StatusOr<std::int64_t> limit = CountParam(ctx, "limit", 100);
  absl::StatusOr<store::Store*> store = ctx.Store();
  for (const absl::Status& s : {offset.status(), limit.status(), store.status()}) {
    if (!s.ok()) {
      ctx.Error(s);
      return;
    }
  }
  if (*limit < 1 || *limit > store::kMaxAuditPage) {
    ctx.Error(absl::InvalidArgumentError(
        fmt::format("parameter limit must be 1 to {}", store::kMaxAuditPage)));
    return;
  }
  absl::StatusOr<std::int64_t> total = (*store)->CountAudit();
  absl::StatusOr<std::vector<store::AuditEntry>> entries =
      (*store)->ListAudit(*offset, static_cast<int>(*limit));
  if (!total.ok() || !entries.ok()) {
    ctx.Error(!total.ok() ? total.status() : entries.status());
    return;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const store::AuditEntry& entry : *entries) list.push_back(auth::AuditEntryJson(entry));
  ctx.Json({{"entries", list}, {"total", *total}, {"offset", *offset}});
}

}  // namespace

void RegisterAuthRoutes(RouteTable& routes) {
  routes.Add("GET", "/login", Access::kPublic, LoginPage, "The login form");
  routes.Add("POST", "/login", Access::kLoginForm, LoginForm,
             "Log in (form: name, password, next)");
  routes.Add("POST", "/logout", Access::kViewer, LogoutForm, "Log out");
  routes.Add("POST", "/api/v1/login", Access::kLoginForm, LoginApi,
             "Log in: {name, password} -> {user, csrf_token}");
  routes.Add("POST", "/api/v1/logout", Access::kViewer, LogoutApi, "Log out");
  routes.Add("GET", "/api/v1/me", Access::kPublic, MeApi, "Who this session is");

  routes.Add("GET", "/admin/users", Access::kAdmin, UsersPage, "Users: list, add, roles");
  routes.Add("POST", "/admin/users", Access::kAdmin, AddUserForm,
             "Add a user (form: name, role, password)");
  routes.Add("POST", R"(/admin/users/(\d+)/role)", Access::kAdmin, RoleForm,
             "Change a user's role (form: role)", "/admin/users/1/role");
  routes.Add("POST", R"(/admin/users/(\d+)/disable)", Access::kAdmin,
             [](RequestContext& ctx) { DisableForm(ctx, true); },
             "Disable a user (ends their sessions)", "/admin/users/1/disable");
  routes.Add("POST", R"(/admin/users/(\d+)/enable)", Access::kAdmin,
             [](RequestContext& ctx) { DisableForm(ctx, false); }, "Enable a user again",
             "/admin/users/1/enable");
  routes.Add("GET", "/admin/audit", Access::kAdmin, AuditLogPage,
             "The audit log, newest first (?page=N)");

  routes.Add("GET", "/api/v1/users", Access::kAdmin, UsersApi, "Users");
  routes.Add("POST", "/api/v1/users", Access::kAdmin, AddUserApi,
             "Add a user: {name, role, password}");
  routes.Add("PATCH", R"(/api/v1/users/(\d+))", Access::kAdmin, ChangeUserApi,
             "Change a user: {role} and/or {disabled}", "/api/v1/users/1");
  routes.Add("GET", "/api/v1/audit-log", Access::kAdmin, AuditLogApi,
             "The audit log, newest first (?offset=&limit=)");
}

}  // namespace tw::server
