// The server's own guarantees, whatever the routes: hardening headers on every response, JSON
// errors under /api/, static files only from their folders, 413 for oversized bodies, and in
// local-owner mode nothing answered to a Host that is not this machine.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "server/security_headers.h"
#include "test_server.h"

namespace tw::testing {
namespace {

// Sends `request` as is (what httplib::Client would never send) and returns the whole answer.
std::string RawExchange(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return {};
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  std::string answer;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, n);
  }
  close(fd);
  return answer;
}

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

TEST_F(ServerCoreTest, APostWithoutContentLengthGets411AtOnce) {
  // What `curl -X POST` sends: no body, no length. httplib alone would wait for the body until
  // the read timeout (30 s); the answer must come at once, and say what to send.
  const auto start = std::chrono::steady_clock::now();
  const std::string answer = RawExchange(
      server_.port(), "POST /api/v1/logout HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(answer.rfind("HTTP/1.1 411", 0), 0u) << answer;
  EXPECT_NE(answer.find("send a Content-Length header, 0 when there is no body"),
            std::string::npos)
      << answer;
  EXPECT_NE(answer.find("Content-Security-Policy"), std::string::npos) << answer;
}

TEST_F(ServerCoreTest, APortInUseIsAnErrorNotASharedPort) {
  // httplib's default SO_REUSEPORT would let this second server bind and take half of the
  // first one's connections.
  server::ServerConfig config = server_.server().config();
  config.spool_dir = (server_.dir() / "second-spool").string();
  config.port = server_.port();
  auto second = server::Server::Create(config);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(second.status().message().find(std::to_string(server_.port())), std::string::npos)
      << second.status();
}

TEST_F(ServerCoreTest, ASecondServerOnTheSameSpoolIsRefused) {
  server::ServerConfig config = server_.server().config();
  config.port = 0;
  auto second = server::Server::Create(config);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(second.status().message().find(config.spool_dir), std::string::npos)
      << second.status();
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
