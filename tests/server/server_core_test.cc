// The server's own guarantees, whatever the routes: hardening headers on every response, JSON
// errors under /api/, static files only from their folders, 413 for oversized bodies, and in
// local-owner mode nothing answered to a Host that is not this machine.
#include <gtest/gtest.h>

#include "server/security_headers.h"
#include "test_server.h"

namespace tw::testing {
namespace {

class ServerCoreTest : public ::testing::Test {
 protected:
  TestServer server_;
};

TEST_F(ServerCoreTest, EveryKindOfResponseCarriesTheContentSecurityPolicy) {
  auto client = server_.Client();
  for (const char* path : {"/", "/documents", "/static/app.css", "/vendor/htmx.min.js",
                           "/api/v1/jobs", "/no-such-page", "/api/v1/no-such-thing"}) {
    auto response = client->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->get_header_value("Content-Security-Policy"),
              std::string(server::kContentSecurityPolicy))
        << path;
    EXPECT_EQ(response->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(response->get_header_value("X-Frame-Options"), "DENY") << path;
  }
}

TEST_F(ServerCoreTest, ApiErrorsAreJsonWithTheirStatus) {
  auto client = server_.Client();
  auto missing = client->Get("/api/v1/jobs/424242");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing->body)["error"]["code"], "NOT_FOUND");
  auto overflow = client->Get("/api/v1/jobs/99999999999999999999999");
  ASSERT_TRUE(overflow);
  EXPECT_EQ(overflow->status, 404);
  auto unrouted = client->Get("/api/v1/nothing-here");
  ASSERT_TRUE(unrouted);
  EXPECT_EQ(unrouted->status, 404);
  EXPECT_TRUE(nlohmann::json::parse(unrouted->body).contains("error"));
}

TEST_F(ServerCoreTest, StaticPathsOutsideTheirFoldersAreRefused) {
  auto client = server_.Client();
  for (const char* path :
       {"/static/../CMakeLists.txt", "/static/%2e%2e/CMakeLists.txt", "/static/..%2fREADME.md",
        "/static/.hidden", "/static//etc/passwd", "/static/a/../../README.md",
        "/vendor/../package.json", "/vendor/htmx.org/dist/htmx.js", "/static/app.css%00.js"}) {
    auto response = client->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_NE(response->status, 200) << path;
    EXPECT_EQ(response->body.find("cmake_minimum_required"), std::string::npos) << path;
    EXPECT_EQ(response->body.find("\"devDependencies\""), std::string::npos) << path;
  }
  auto css = client->Get("/static/app.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  auto htmx = client->Get("/vendor/htmx.min.js");
  ASSERT_TRUE(htmx);
  EXPECT_EQ(htmx->status, 200);
}

TEST_F(ServerCoreTest, OversizedBodiesGet413BeforeAnyHandler) {
  auto client = server_.Client();
  const std::string body(server_.server().config().max_body_bytes + 1, 'x');
  auto response = client->Post("/api/v1/jobs", body, "application/octet-stream");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
}

TEST_F(ServerCoreTest, LocalOwnerModeAnswersOnlyToLoopbackHostNames) {
  auto client = server_.Client();
  auto foreign = client->Get("/", {{"Host", "attacker.example:8080"}});
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
  for (const char* host : {"localhost:1234", "127.0.0.1", "[::1]:80"}) {
    auto local = client->Get("/", {{"Host", host}});
    ASSERT_TRUE(local) << host;
    EXPECT_EQ(local->status, 200) << host;
  }
  EXPECT_TRUE(server_.server().config().local_owner_mode);
  EXPECT_EQ(server_.server().config().host, "127.0.0.1");
}

TEST_F(ServerCoreTest, PagesCarryTheCsrfTokenOfTheirSession) {
  auto client = server_.Client();
  auto page = client->Get("/documents");
  ASSERT_TRUE(page);
  EXPECT_EQ(CsrfTokenOf(page->body).size(), 64u);
  EXPECT_NE(page->get_header_value("Set-Cookie").find("HttpOnly; SameSite=Strict"),
            std::string::npos);
}

}  // namespace
}  // namespace tw::testing
