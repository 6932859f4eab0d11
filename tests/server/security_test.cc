// The server's security with user accounts in the store (session mode): a table over EVERY
// route the server has (iterating its route table, so routes added later are covered without
// touching this file) checking that role and CSRF are enforced before any handler; then login
// CSRF, throttling (429), session cookies and their attributes, sessions that end at logout,
// the redirect of anonymous page visits to the login form (and never to another site),
// oversized bodies, the Content-Security-Policy in session mode, and hostile user names and
// login fields stored and shown inert in the admin pages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <regex>

#include "server/auth/accounts.h"
#include "server/auth/sessions.h"
#include "server/route_table.h"
#include "server/security_headers.h"
#include "test_server.h"

namespace tw::testing {
namespace {

using server::Access;
using server::Route;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr std::string_view kRoles[] = {"viewer", "analyst", "editor", "admin"};

std::string PasswordOf(std::string_view name) { return std::string(name) + "-password"; }

// A request path for `route`: its example, else its pattern with each group made "1".
std::string PathOf(const Route& route) {
  if (!route.example_path.empty()) return route.example_path;
  std::string path;
  int depth = 0;
  for (std::size_t i = 0; i < route.pattern.size(); ++i) {
    const char c = route.pattern[i];
    if (c == '\\' && i + 1 < route.pattern.size()) {
      if (depth == 0) path += route.pattern[i + 1];
      ++i;
    } else if (c == '(') {
      if (depth++ == 0) path += '1';
    } else if (c == ')') {
      --depth;
    } else if (depth == 0) {
      path += c;
    }
  }
  return path;
}

std::optional<std::string_view> RoleOf(Access access) {
  switch (access) {
    case Access::kViewer: return "viewer";
    case Access::kAnalyst: return "analyst";
    case Access::kEditor: return "editor";
    case Access::kAdmin: return "admin";
    default: return std::nullopt;
  }
}

std::optional<std::string_view> RoleBelow(Access access) {
  switch (access) {
    case Access::kAnalyst: return "viewer";
    case Access::kEditor: return "analyst";
    case Access::kAdmin: return "editor";
    default: return std::nullopt;
  }
}

struct Session {
  std::string cookie;  // "tw_session=..."
  std::string csrf;
};

class SecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // User 1 is a bystander the table's "/users/1" routes may change; the role users follow.
    Add("bystander", "viewer");
    for (std::string_view role : kRoles) ids_[std::string(role)] = Add("demo-" + std::string(role), role);
    server_.Restart();
    ASSERT_FALSE(server_.server().config().local_owner_mode);
  }

  std::int64_t Add(const std::string& name, std::string_view role) {
    absl::StatusOr<store::UserAccount> user =
        server::auth::CreateAccount(server_.store(), name, role, PasswordOf(name));
    EXPECT_TRUE(user.ok()) << user.status();
    return user.ok() ? user->id : 0;
  }

  // A fresh session of the demo user with `role`, made in the store as a login would.
  Session SessionOf(std::string_view role) {
    const std::string token = server::auth::RandomToken();
    const std::string csrf = server::auth::RandomToken();
    absl::Status put = server_.store().PutLoginSession(server::auth::NewSession(
        ids_.at(std::string(role)), token, csrf, server::auth::UnixNow()));
    EXPECT_TRUE(put.ok()) << put;
    return {"tw_session=" + token, csrf};
  }

  // The pre-login cookie and token, as GET /login hands them out.
  Session LoginForm() {
    auto page = server_.Client()->Get("/login");
    EXPECT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    return {MergeCookies("", *page), CsrfTokenOf(page->body)};
  }

  httplib::Result Send(const std::string& method, const std::string& path,
                       const httplib::Headers& headers) {
    auto client = server_.Client();
    const bool api = path.rfind("/api/", 0) == 0;
    const std::string body = api ? "{}" : "";
    const char* type = api ? "application/json" : "application/x-www-form-urlencoded";
    if (method == "POST") return client->Post(path.c_str(), headers, body, type);
    if (method == "PUT") return client->Put(path.c_str(), headers, body, type);
    if (method == "PATCH") return client->Patch(path.c_str(), headers, body, type);
    if (method == "DELETE") return client->Delete(path.c_str(), headers, body, type);
    return client->Get(path.c_str(), headers);
  }

  // Logs in through the form; the cookie jar after it (session cookie included when it worked).
  httplib::Result PostLogin(const std::string& name, const std::string& password,
                            const std::string& next = "/") {
    const Session form = LoginForm();
    httplib::Params params = {
        {"csrf_token", form.csrf}, {"name", name}, {"password", password}, {"next", next}};
    return server_.Client()->Post("/login", {{"Cookie", form.cookie}}, params);
  }

  TestServer server_;
  std::map<std::string, std::int64_t> ids_;
};

// --- the table over every route -----------------------------------------------------------------

TEST_F(SecurityTest, EveryStateChangingRouteChecksRoleAndCsrfBeforeItsHandler) {
  int checked = 0;
  for (const Route& route : server_.server().state().routes().routes()) {
    if (route.method == "GET" || route.method == "HEAD") continue;
    const std::string path = PathOf(route);
    const std::string what = route.method + " " + path;
    const std::optional<std::string_view> role = RoleOf(route.access);
    ++checked;
    if (route.access == Access::kLoginForm) {
      if (path.rfind("/api/", 0) == 0) {
        // The API login's CSRF defence: a JSON body, which no other site can send.
        auto form = server_.Client()->Post(path.c_str(), "name=x&password=y",
                                           "application/x-www-form-urlencoded");
        ASSERT_TRUE(form) << what;
        EXPECT_EQ(form->status, 403) << what;
        auto text = server_.Client()->Post(path.c_str(), R"({"name":"x","password":"y"})",
                                           "text/plain");
        ASSERT_TRUE(text) << what;
        EXPECT_EQ(text->status, 403) << what;
        continue;
      }
      auto bare = Send(route.method, path, {});
      ASSERT_TRUE(bare) << what;
      EXPECT_EQ(bare->status, 403) << what;
      const Session form = LoginForm();
      auto wrong = Send(route.method, path,
                        {{"Cookie", form.cookie}, {"X-CSRF-Token", server::auth::RandomToken()}});
      ASSERT_TRUE(wrong) << what;
      EXPECT_EQ(wrong->status, 403) << what;
      auto right = Send(route.method, path, {{"Cookie", form.cookie}, {"X-CSRF-Token", form.csrf}});
      ASSERT_TRUE(right) << what;
      EXPECT_NE(right->status, 403) << what;
      continue;
    }
    if (!role.has_value()) {
      // Public but state-changing: the CSRF token is still required.
      auto bare = Send(route.method, path, {});
      ASSERT_TRUE(bare) << what;
      EXPECT_EQ(bare->status, 403) << what;
      continue;
    }
    // No session at all.
    auto anonymous = Send(route.method, path, {});
    ASSERT_TRUE(anonymous) << what;
    EXPECT_TRUE(anonymous->status == 401 || anonymous->status == 303) << what << ": "
                                                                      << anonymous->status;
    // A session whose role is too low, even with its right token.
    if (const std::optional<std::string_view> below = RoleBelow(route.access)) {
      const Session low = SessionOf(*below);
      auto refused = Send(route.method, path, {{"Cookie", low.cookie}, {"X-CSRF-Token", low.csrf}});
      ASSERT_TRUE(refused) << what;
      EXPECT_EQ(refused->status, 403) << what << " as " << *below;
    }
    const Session session = SessionOf(*role);
    auto no_token = Send(route.method, path, {{"Cookie", session.cookie}});
    ASSERT_TRUE(no_token) << what;
    EXPECT_EQ(no_token->status, 403) << what;
    EXPECT_THAT(no_token->body, HasSubstr("CSRF")) << what;
    auto wrong_token = Send(route.method, path,
                            {{"Cookie", session.cookie},
                             {"X-CSRF-Token", server::auth::RandomToken()}});
    ASSERT_TRUE(wrong_token) << what;
    EXPECT_EQ(wrong_token->status, 403) << what;
    // Another user's valid token is no better.
    const Session other = SessionOf(*role);
    auto crossed = Send(route.method, path,
                        {{"Cookie", session.cookie}, {"X-CSRF-Token", other.csrf}});
    ASSERT_TRUE(crossed) << what;
    EXPECT_EQ(crossed->status, 403) << what;
    auto allowed = Send(route.method, path,
                        {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf}});
    ASSERT_TRUE(allowed) << what;
    EXPECT_NE(allowed->status, 401) << what;
    EXPECT_NE(allowed->status, 403) << what << ": " << allowed->body.substr(0, 200);
  }
  EXPECT_GE(checked, 8);  // this file's own routes at least
}

TEST_F(SecurityTest, EveryReadThatNeedsARoleRefusesAnonymousVisitors) {
  int checked = 0;
  for (const Route& route : server_.server().state().routes().routes()) {
    if (route.method != "GET" || !RoleOf(route.access).has_value()) continue;
    const std::string path = PathOf(route);
    ++checked;
    auto response = Send("GET", path, {});
    ASSERT_TRUE(response) << path;
    if (path.rfind("/api/", 0) == 0) {
      EXPECT_EQ(response->status, 401) << path;
    } else {
      EXPECT_EQ(response->status, 303) << path;
      // (httplib's client decodes the Location it reads; the server sent "%2F...")
      EXPECT_THAT(response->get_header_value("Location"), StartsWith("/login?next=/")) << path;
    }
    if (const std::optional<std::string_view> below = RoleBelow(route.access)) {
      const Session low = SessionOf(*below);
      auto refused = Send("GET", path, {{"Cookie", low.cookie}});
      ASSERT_TRUE(refused) << path;
      EXPECT_EQ(refused->status, 403) << path;
    }
    const Session session = SessionOf(*RoleOf(route.access));
    auto allowed = Send("GET", path, {{"Cookie", session.cookie}});
    ASSERT_TRUE(allowed) << path;
    EXPECT_NE(allowed->status, 401) << path;
    EXPECT_NE(allowed->status, 403) << path;
  }
  EXPECT_GE(checked, 3);
}

// --- logging in and out -------------------------------------------------------------------------

TEST_F(SecurityTest, LoginSetsAStrictHttpOnlySessionCookieAndGoesToALocalNextOnly) {
  auto response = PostLogin("demo-editor", PasswordOf("demo-editor"), "/admin/users?x=1");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 303);
  EXPECT_EQ(response->get_header_value("Location"), "/admin/users?x=1");
  std::string cookie;
  for (std::size_t i = 0; i < response->get_header_value_count("Set-Cookie"); ++i) {
    const std::string header = response->get_header_value("Set-Cookie", i);
    if (header.rfind("tw_session=", 0) == 0) cookie = header;
  }
  ASSERT_FALSE(cookie.empty());
  EXPECT_THAT(cookie, HasSubstr("; HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("; SameSite=Strict"));
  EXPECT_THAT(cookie, HasSubstr("; Path=/"));
  EXPECT_THAT(cookie, Not(HasSubstr("Secure")));  // not behind TLS here
  // The store keeps the token's hash, never the token.
  const std::string token = cookie.substr(11, 64);
  EXPECT_TRUE(server_.store().FindLoginSession(server::auth::TokenHash(token))->has_value());
  EXPECT_FALSE(server_.store().FindLoginSession(token)->has_value());

  for (const char* next : {"//evil.example/x", "https://evil.example/", "/\\evil.example",
                           "evil", "/\r\nSet-Cookie: x=1"}) {
    auto away = PostLogin("demo-viewer", PasswordOf("demo-viewer"), next);
    ASSERT_TRUE(away) << next;
    EXPECT_EQ(away->status, 303) << next;
    const std::string location = away->get_header_value("Location");
    EXPECT_TRUE(location == "/" || location == next) << next << " -> " << location;
    EXPECT_THAT(location, Not(StartsWith("//")));
    EXPECT_EQ(location.find("evil.example"), std::string::npos) << next;
  }
}

TEST_F(SecurityTest, CookiesAreSecureBehindTls) {
  server::ServerConfig config = server_.server().config();
  config.port = 0;
  config.behind_tls = true;
  config.spool_dir = (server_.dir() / "tls-spool").string();  // one server per spool
  auto created = server::Server::Create(config);
  ASSERT_TRUE(created.ok()) << created.status();
  std::unique_ptr<server::Server> tls = std::move(*created);
  std::thread thread([&] { (void)tls->Run(); });
  for (int i = 0; i < 500 && !tls->IsRunning(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  httplib::Client client("127.0.0.1", tls->port());
  auto page = client.Get("/login");
  ASSERT_TRUE(page);
  EXPECT_THAT(page->get_header_value("Set-Cookie"), HasSubstr("; Secure"));
  auto login = client.Post(
      "/login", {{"Cookie", MergeCookies("", *page)}},
      httplib::Params{{"csrf_token", CsrfTokenOf(page->body)},
                      {"name", "demo-admin"},
                      {"password", PasswordOf("demo-admin")}});
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 303);
  EXPECT_THAT(login->get_header_value("Set-Cookie"), HasSubstr("; Secure"));
  tls->Stop();
  thread.join();
}

TEST_F(SecurityTest, LoginCsrfNeedsThePreLoginCookie) {
  const httplib::Params params = {{"csrf_token", server::auth::RandomToken()},
                                  {"name", "demo-admin"},
                                  {"password", PasswordOf("demo-admin")}};
  auto without_cookie = server_.Client()->Post("/login", params);
  ASSERT_TRUE(without_cookie);
  EXPECT_EQ(without_cookie->status, 403);
  const Session form = LoginForm();
  auto mismatched = server_.Client()->Post("/login", {{"Cookie", form.cookie}}, params);
  ASSERT_TRUE(mismatched);
  EXPECT_EQ(mismatched->status, 403);
  EXPECT_THAT(form.cookie, HasSubstr("tw_login="));
  auto page = server_.Client()->Get("/login");
  EXPECT_THAT(page->get_header_value("Set-Cookie"), HasSubstr("HttpOnly; SameSite=Strict"));
}

TEST_F(SecurityTest, ASessionEndsAtLogoutAndItsTokenIsUselessAfterwards) {
  auto login = server_.Client()->Post(
      "/api/v1/login", R"({"name": "DEMO-ADMIN", "password": "demo-admin-password"})",
      "application/json");
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200) << login->body;
  const nlohmann::json me = nlohmann::json::parse(login->body);
  EXPECT_EQ(me["user"]["name"], "demo-admin");
  EXPECT_EQ(me["user"]["role"], "admin");
  const std::string csrf = me["csrf_token"];
  const std::string jar = MergeCookies("", *login);
  ASSERT_THAT(jar, HasSubstr("tw_session="));
  auto users = server_.Client()->Get("/api/v1/users", {{"Cookie", jar}});
  ASSERT_TRUE(users);
  EXPECT_EQ(users->status, 200);
  EXPECT_EQ(users->body.find("argon2"), std::string::npos);  // no hash leaves the server

  auto logout = server_.Client()->Post("/api/v1/logout", {{"Cookie", jar}, {"X-CSRF-Token", csrf}},
                                       "", "application/json");
  ASSERT_TRUE(logout);
  EXPECT_EQ(logout->status, 200);
  const std::string token = jar.substr(jar.find("tw_session=") + 11, 64);
  EXPECT_FALSE(server_.store().FindLoginSession(server::auth::TokenHash(token))->has_value());
  auto after = server_.Client()->Get("/api/v1/users", {{"Cookie", jar}});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
  auto who = server_.Client()->Get("/api/v1/me", {{"Cookie", jar}});
  EXPECT_TRUE(nlohmann::json::parse(who->body)["user"].is_null());
  auto page = server_.Client()->Get("/admin/users", {{"Cookie", jar}});
  EXPECT_EQ(page->status, 303);
}

TEST_F(SecurityTest, DisablingAUserEndsTheirSessionAtOnce) {
  const Session viewer = SessionOf("viewer");
  const Session admin = SessionOf("admin");
  auto before = server_.Client()->Get("/api/v1/me", {{"Cookie", viewer.cookie}});
  EXPECT_EQ(nlohmann::json::parse(before->body)["user"]["name"], "demo-viewer");
  auto disabled = server_.Client()->Patch(
      ("/api/v1/users/" + std::to_string(ids_["viewer"])).c_str(),
      {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}}, R"({"disabled": true})",
      "application/json");
  ASSERT_TRUE(disabled);
  EXPECT_EQ(disabled->status, 200) << disabled->body;
  auto after = server_.Client()->Get("/api/v1/me", {{"Cookie", viewer.cookie}});
  EXPECT_TRUE(nlohmann::json::parse(after->body)["user"].is_null());
  auto login = PostLogin("demo-viewer", PasswordOf("demo-viewer"));
  EXPECT_EQ(login->status, 401);
  // The last admin cannot lock everyone out.
  auto last = server_.Client()->Patch(
      ("/api/v1/users/" + std::to_string(ids_["admin"])).c_str(),
      {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}}, R"({"role": "viewer"})",
      "application/json");
  EXPECT_EQ(last->status, 409);
}

TEST_F(SecurityTest, RepeatedFailuresAreThrottledWith429AndTheWait) {
  for (int i = 0; i < 5; ++i) {
    auto wrong = PostLogin("demo-analyst", "not-the-password");
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 401) << i;
    EXPECT_THAT(wrong->body, HasSubstr("wrong user name or password"));
  }
  auto sixth = PostLogin("demo-analyst", "not-the-password");
  EXPECT_EQ(sixth->status, 401);
  auto locked = PostLogin("demo-analyst", PasswordOf("demo-analyst"));  // even the right one
  ASSERT_TRUE(locked);
  EXPECT_EQ(locked->status, 429);
  EXPECT_THAT(locked->body, ::testing::ContainsRegex("try again in (29|30) seconds"));
  auto api = server_.Client()->Post(
      "/api/v1/login", R"({"name": "demo-analyst", "password": "demo-analyst-password"})",
      "application/json");
  EXPECT_EQ(api->status, 429);
  EXPECT_THAT(api->body, HasSubstr("try again in"));
  // An unknown name answers like a wrong password.
  auto unknown = PostLogin("nobody-at-all", "whatever-password");
  EXPECT_EQ(unknown->status, 401);
  EXPECT_THAT(unknown->body, HasSubstr("wrong user name or password"));
}

// --- the server's guarantees in session mode ----------------------------------------------------

TEST_F(SecurityTest, EveryKindOfResponseCarriesTheCspInSessionMode) {
  const Session admin = SessionOf("admin");
  for (const char* path : {"/login", "/admin/users", "/api/v1/me", "/api/v1/users",
                           "/static/app.css", "/no-such-page", "/api/v1/no-such"}) {
    for (bool logged_in : {false, true}) {
      httplib::Headers headers;
      if (logged_in) headers.emplace("Cookie", admin.cookie);
      auto response = server_.Client()->Get(path, headers);
      ASSERT_TRUE(response) << path;
      EXPECT_EQ(response->get_header_value("Content-Security-Policy"),
                std::string(server::kContentSecurityPolicy))
          << path << " " << response->status;
    }
  }
}

TEST_F(SecurityTest, OversizedBodiesGet413EvenOnTheLoginRoutes) {
  const std::string body(server_.server().config().max_body_bytes + 1, 'x');
  auto response = server_.Client()->Post("/api/v1/login", body, "application/json");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
}

TEST_F(SecurityTest, HostileNamesAndLoginFieldsAreStoredAndShownInert) {
  const Session admin = SessionOf("admin");
  const std::string payloads[] = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                                  "'; DROP TABLE users; --"};
  for (const std::string& name : payloads) {
    auto added = server_.Client()->Post(
        "/admin/users", {{"Cookie", admin.cookie}},
        httplib::Params{{"csrf_token", admin.csrf},
                        {"name", name},
                        {"role", "viewer"},
                        {"password", "a long enough password"}});
    ASSERT_TRUE(added);
    EXPECT_EQ(added->status, 303) << name << ": " << added->body.substr(0, 300);
    ASSERT_TRUE(server_.store().FindUser(name)->has_value()) << name;
  }
  EXPECT_EQ(*server_.store().CountUsers(), 8);
  for (const char* page : {"/admin/users", "/admin/audit"}) {
    auto response = server_.Client()->Get(page, {{"Cookie", admin.cookie}});
    ASSERT_TRUE(response) << page;
    ASSERT_EQ(response->status, 200) << page;
    EXPECT_EQ(response->body.find("<script>alert(1)"), std::string::npos) << page;
    EXPECT_EQ(response->body.find("<img src=x"), std::string::npos) << page;
    EXPECT_THAT(response->body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;")) << page;
    EXPECT_THAT(response->body, HasSubstr("&apos;; DROP TABLE users; --")) << page;
  }
  // Hostile login fields: refused as a wrong login, shown back escaped, nothing harmed.
  for (const std::string& name : payloads) {
    auto login = PostLogin(name, "' OR '1'='1");
    ASSERT_TRUE(login);
    EXPECT_EQ(login->status, 401) << name;
    EXPECT_EQ(login->body.find("<script>alert(1)"), std::string::npos);
    EXPECT_EQ(login->body.find("<img src=x"), std::string::npos);
  }
  auto sql_login = PostLogin("demo-admin' --", "anything at all");
  EXPECT_EQ(sql_login->status, 401);
  EXPECT_EQ(*server_.store().CountUsers(), 8);
  // The audit log recorded the additions under the admin's name, with their targets.
  auto log = server_.Client()->Get("/api/v1/audit-log", {{"Cookie", admin.cookie}});
  ASSERT_EQ(log->status, 200);
  const nlohmann::json entries = nlohmann::json::parse(log->body)["entries"];
  ASSERT_GE(entries.size(), 3u);
  EXPECT_EQ(entries[0]["who"], "demo-admin");
  EXPECT_EQ(entries[0]["action"], "user.add");
  EXPECT_EQ(entries[0]["client"], "127.0.0.1");
}

TEST_F(SecurityTest, BadInputToTheAccountRoutesGetsClearErrors) {
  const Session admin = SessionOf("admin");
  const httplib::Headers headers = {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}};
  struct Case {
    std::string method, path, body;
    int status;
    std::string message;
  };
  const Case cases[] = {
      {"POST", "/api/v1/users", R"({"name": "x"})", 400, "role"},
      {"POST", "/api/v1/users", R"({"name": "newbie", "role": "root", "password": "long enough pw"})",
       400, "role 'root'"},
      {"POST", "/api/v1/users", R"({"name": "newbie", "role": "viewer", "password": "short"})",
       400, "at least 12"},
      {"POST", "/api/v1/users",
       R"({"name": "Demo-Viewer", "role": "viewer", "password": "long enough pw"})", 409,
       "exists already"},
      {"POST", "/api/v1/users", "{not json", 400, "not JSON"},
      {"PATCH", "/api/v1/users/424242", R"({"role": "viewer"})", 404, "no user 424242"},
      {"PATCH", "/api/v1/users/99999999999999999999", R"({"role": "viewer"})", 404, "no user"},
      {"PATCH", "/api/v1/users/2", R"({"disabled": "yes"})", 400, "true or false"},
      {"POST", "/api/v1/login", R"({"name": 5})", 400, "name"},
  };
  for (const Case& c : cases) {
    auto response = c.method == "POST"
                        ? server_.Client()->Post(c.path.c_str(), headers, c.body, "application/json")
                        : server_.Client()->Patch(c.path.c_str(), headers, c.body,
                                                  "application/json");
    ASSERT_TRUE(response) << c.path;
    EXPECT_EQ(response->status, c.status) << c.path << " " << c.body << ": " << response->body;
    EXPECT_THAT(response->body, HasSubstr(c.message)) << c.path << " " << c.body;
  }
  auto bad_page = server_.Client()->Get("/admin/audit?page=abc", {{"Cookie", admin.cookie}});
  EXPECT_EQ(bad_page->status, 400);
  auto bad_limit = server_.Client()->Get("/api/v1/audit-log?limit=5000", {{"Cookie", admin.cookie}});
  EXPECT_EQ(bad_limit->status, 400);
}

}  // namespace
}  // namespace tw::testing
