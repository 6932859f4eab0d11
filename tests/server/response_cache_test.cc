// The response cache (server/response_cache.h): on its own (bounds, generations, stamps,
// compression) and in the running server (hits equal to misses; writes by this server, by a
// finished job and by another connection void it; logged-in users never get cached pages).
#include "server/response_cache.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/document_builder.h"
#include "server/auth/password_hash.h"
#include "server/auth/sessions.h"
#include "server/jobs.h"
#include "server/server_state.h"
#include "test_server.h"

namespace tw::testing {
namespace {

using server::CachedResponse;
using server::ResponseCache;

httplib::Response Ok(std::string body, std::string type = "text/html; charset=utf-8") {
  httplib::Response response;
  response.status = 200;
  response.set_content(std::move(body), type);
  return response;
}

// The entry for `key`, or null; a miss is handed back at once as a render that kept nothing.
std::shared_ptr<const CachedResponse> Peek(ResponseCache& cache, const std::string& key) {
  ResponseCache::Lookup lookup = cache.Find(key);
  if (!lookup.hit) {
    httplib::Response nothing;
    nothing.status = 500;
    cache.Fill(key, lookup, nothing);
  }
  return lookup.hit;
}

ResponseCache::Options SmallOptions(std::size_t max_bytes) {
  ResponseCache::Options options;
  options.max_bytes = max_bytes;
  options.max_entry_bytes = max_bytes / 2;
  return options;
}

TEST(ResponseCacheTest, KeepsA200AndGivesItBackWithItsHeaders) {
  ResponseCache cache(ResponseCache::Options{}, nullptr);
  httplib::Response response = Ok("<p>page</p>");
  response.set_header("Cache-Control", "no-store");
  response.set_header("Set-Cookie", "tw_local=secret; HttpOnly");
  cache.Insert("k", cache.generation(), response);
  auto hit = Peek(cache, "k");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, "<p>page</p>");
  EXPECT_EQ(hit->content_type, "text/html; charset=utf-8");
  bool cache_control = false;
  for (const auto& [name, value] : hit->headers) {
    EXPECT_NE(name, "Set-Cookie") << "a cookie is one client's, never shared";
    cache_control |= name == "Cache-Control" && value == "no-store";
  }
  EXPECT_TRUE(cache_control);
  EXPECT_EQ(Peek(cache, "other"), nullptr);
  EXPECT_EQ(cache.stats().hits, 1u);
  EXPECT_EQ(cache.stats().misses, 1u);
}

TEST(ResponseCacheTest, KeepsOnlySuccessfulAnswers) {
  ResponseCache cache(ResponseCache::Options{}, nullptr);
  for (int status : {201, 303, 400, 404, 500}) {
    httplib::Response response = Ok("x");
    response.status = status;
    cache.Insert("k" + std::to_string(status), cache.generation(), response);
  }
  EXPECT_EQ(cache.stats().entries, 0u);
  cache.Insert("", cache.generation(), Ok("no key"));
  EXPECT_EQ(cache.stats().entries, 0u);
}

TEST(ResponseCacheTest, ARenderThatStartedBeforeAClearIsNotKept) {
  ResponseCache cache(ResponseCache::Options{}, nullptr);
  const std::uint64_t before = cache.generation();
  cache.Clear();  // a write committed while the page was being rendered
  cache.Insert("k", before, Ok("stale"));
  EXPECT_EQ(Peek(cache, "k"), nullptr);
  cache.Insert("k", cache.generation(), Ok("fresh"));
  ASSERT_NE(Peek(cache, "k"), nullptr);
  cache.Clear();
  EXPECT_EQ(Peek(cache, "k"), nullptr);
}

TEST(ResponseCacheTest, StaysWithinItsBytesDroppingTheLeastRecentlyUsed) {
  constexpr std::size_t kMax = 64 * 1024;
  ResponseCache cache(SmallOptions(kMax), nullptr);
  const std::string body(5000, 'x');
  cache.Insert("first", cache.generation(), Ok(body, "application/octet-stream"));
  for (int i = 0; i < 100; ++i) {
    ASSERT_NE(Peek(cache, "first"), nullptr) << "used all along, so never the oldest: " << i;
    cache.Insert("page" + std::to_string(i), cache.generation(),
                 Ok(body + std::to_string(i), "application/octet-stream"));
    EXPECT_LE(cache.stats().bytes, kMax);
  }
  EXPECT_EQ(Peek(cache, "page0"), nullptr);
  ASSERT_NE(Peek(cache, "page99"), nullptr);
  EXPECT_EQ(Peek(cache, "page99")->body, body + "99");
  EXPECT_GT(cache.stats().entries, 5u);
  EXPECT_LT(cache.stats().entries, 14u);
  // One answer larger than an entry may be is not kept at all, and evicts nothing.
  const std::size_t entries = cache.stats().entries;
  cache.Insert("huge", cache.generation(), Ok(std::string(kMax, 'y')));
  EXPECT_EQ(Peek(cache, "huge"), nullptr);
  EXPECT_EQ(cache.stats().entries, entries);
}

TEST(ResponseCacheTest, AChangedStampClearsAtTheNextLookupOnceDue) {
  int stamp = 0;
  ResponseCache::Options options;
  options.stamp_interval = std::chrono::milliseconds(30);
  ResponseCache cache(options, [&stamp]() -> absl::StatusOr<std::string> {
    return std::to_string(stamp);
  });
  cache.Insert("k", cache.generation(), Ok("v1"));
  ASSERT_NE(Peek(cache, "k"), nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  ASSERT_NE(Peek(cache, "k"), nullptr) << "same stamp: nothing changed";
  stamp = 1;  // another process committed
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  EXPECT_EQ(Peek(cache, "k"), nullptr);
  cache.Insert("k", cache.generation(), Ok("v2"));
  ASSERT_NE(Peek(cache, "k"), nullptr);
  // A stamp that cannot be read is treated as a change.
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  ResponseCache failing(options, []() -> absl::StatusOr<std::string> {
    return absl::UnavailableError("database is locked");
  });
  failing.Insert("k", failing.generation(), Ok("v"));
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  EXPECT_EQ(Peek(failing, "k"), nullptr);
}

TEST(ResponseCacheTest, KeepsAGzipFormOfCompressibleBodiesOnly) {
  ResponseCache cache(ResponseCache::Options{}, nullptr);
  std::string page;
  for (int i = 0; i < 200; ++i) page += "<p>Article " + std::to_string(i) + ". Text.</p>\n";
  cache.Insert("html", cache.generation(), Ok(page));
  cache.Insert("png", cache.generation(), Ok(page, "image/png"));
  cache.Insert("tiny", cache.generation(), Ok("<p>a</p>"));
  EXPECT_FALSE(Peek(cache, "html")->gzip_body.empty());
  EXPECT_LT(Peek(cache, "html")->gzip_body.size(), page.size() / 3);
  EXPECT_TRUE(Peek(cache, "png")->gzip_body.empty());
  EXPECT_TRUE(Peek(cache, "tiny")->gzip_body.empty());
}

TEST(ResponseCacheTest, ManyMissesOfOnePageWaitForOneRender) {
  ResponseCache cache(ResponseCache::Options{}, nullptr);
  ResponseCache::Lookup first = cache.Find("page");
  ASSERT_EQ(first.hit, nullptr);
  ASSERT_NE(first.flight, 0u);
  std::atomic<int> hits = 0;
  std::vector<std::thread> others;
  for (int i = 0; i < 8; ++i) {
    others.emplace_back([&] {
      ResponseCache::Lookup lookup = cache.Find("page");
      if (lookup.hit && lookup.hit->body == "rendered once") ++hits;
      if (!lookup.hit) cache.Fill("page", lookup, Ok("rendered again"));
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(hits.load(), 0) << "nothing to serve before the render ends";
  cache.Fill("page", first, Ok("rendered once"));
  for (std::thread& other : others) other.join();
  EXPECT_EQ(hits.load(), 8);
  EXPECT_EQ(cache.stats().misses, 1u);
}

TEST(ResponseCacheTest, WaitersRenderThemselvesWhenTheRenderKeptNothing) {
  ResponseCache cache(ResponseCache::Options{}, nullptr);
  const auto start = std::chrono::steady_clock::now();
  ResponseCache::Lookup first = cache.Find("missing");
  std::atomic<int> misses = 0;
  std::vector<std::thread> others;
  for (int i = 0; i < 4; ++i) {
    others.emplace_back([&] {
      ResponseCache::Lookup lookup = cache.Find("missing");
      if (!lookup.hit) {
        ++misses;
        httplib::Response not_found;
        not_found.status = 404;
        cache.Fill("missing", lookup, not_found);
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  httplib::Response not_found;
  not_found.status = 404;
  cache.Fill("missing", first, not_found);
  for (std::thread& other : others) other.join();
  EXPECT_EQ(misses.load(), 4);
  EXPECT_LT(std::chrono::steady_clock::now() - start, ResponseCache::kMaxWait)
      << "nobody waited out the limit";
}

TEST(ResponseCacheTest, KeysSeparatePrincipalsQueriesAndFragments) {
  httplib::Request request;
  request.method = "GET";
  request.path = "/documents/1";
  request.target = "/documents/1?view=outline";
  const std::string anonymous = server::ResponseCacheKey(request, "anonymous");
  EXPECT_NE(anonymous, server::ResponseCacheKey(request, "owner"));
  httplib::Request plain = request;
  plain.target = "/documents/1";
  EXPECT_NE(anonymous, server::ResponseCacheKey(plain, "anonymous"));
  httplib::Request fragment = request;
  fragment.set_header("HX-Request", "true");
  EXPECT_NE(anonymous, server::ResponseCacheKey(fragment, "anonymous"));
  httplib::Request range = request;
  range.set_header("Range", "bytes=0-10");
  EXPECT_EQ(server::ResponseCacheKey(range, "anonymous"), "");
}

// --- in the running server ---------------------------------------------------------------------

class ServedCacheTest : public ::testing::Test {
 protected:
  ServedCacheTest() : server_({DemoPath("draft1.txt")}) {}

  server::ResponseCache& cache() { return *server_.server().state().cache(); }

  std::string Get(const std::string& path, httplib::Headers headers = {}) {
    auto response = server_.Client()->Get(path, headers);
    if (!response) return "<no response>";
    EXPECT_EQ(response->status, 200) << path;
    last_hit_ = response->get_header_value("X-Cache") == "hit";
    return response->body;
  }

  // A cacheable page every build has: the documents list.
  static constexpr const char* kPage = "/documents";
  TestServer server_;
  bool last_hit_ = false;
};

TEST_F(ServedCacheTest, ASecondRequestIsAHitWithTheSameBody) {
  const std::string first = Get(kPage);
  EXPECT_FALSE(last_hit_);
  const auto before = cache().stats();
  const std::string second = Get(kPage);
  EXPECT_TRUE(last_hit_);
  EXPECT_EQ(second, first);
  EXPECT_EQ(cache().stats().hits, before.hits + 1);
  // Compressed for a client that asks for it; httplib's client inflates it again.
  auto gzip = server_.Client()->Get(kPage, {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(gzip);
  EXPECT_EQ(gzip->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(gzip->body, first);
  // The security headers are on hits as on every response.
  auto headers = server_.Client()->Get(kPage);
  ASSERT_TRUE(headers);
  EXPECT_EQ(headers->get_header_value("X-Cache"), "hit");
  EXPECT_EQ(headers->get_header_value_count("Content-Security-Policy"), 1u);
  EXPECT_FALSE(headers->get_header_value("Content-Security-Policy").empty());
  // A different query is a different page.
  Get(std::string(kPage) + "?q=1");
  EXPECT_FALSE(last_hit_);
}

TEST_F(ServedCacheTest, AWriteByAnotherConnectionIsSeenWithinTheStampInterval) {
  const std::string before = Get(kPage);
  Get(kPage);
  ASSERT_TRUE(last_hit_);
  // The test's own store connection stands for a CLI ingest in another process.
  server_.Ingest(DemoPath("draft2.txt"), "A/AC.999/DEMO-2");
  std::this_thread::sleep_for(std::chrono::milliseconds(260));
  const std::string after = Get(kPage);
  EXPECT_FALSE(last_hit_);
  EXPECT_NE(after, before);
  EXPECT_NE(after.find("A/AC.999/DEMO-2"), std::string::npos);
}

TEST_F(ServedCacheTest, AFinishedJobClearsAtOnce) {
  Get(kPage);
  Get(kPage);
  ASSERT_TRUE(last_hit_);
  server::JobQueue& jobs = server_.server().state().jobs();
  jobs.Submit("ingest", "draft3.txt", "test",
              [](store::Store& store, const server::JobProgress&) -> absl::StatusOr<std::string> {
                doc::DocumentMeta meta;
                meta.symbol = "A/AC.999/DEMO-3";
                auto built = ingest::BuildDocument(DemoPath("draft3.txt"), meta, {});
                if (!built.ok()) return built.status();
                auto put = store.PutDocument(*built);
                if (!put.ok()) return put.status();
                return "/documents/" + std::to_string(put->id);
              });
  jobs.WaitIdle();
  // No waiting for the stamp: the job's end cleared the cache before it showed as done.
  const std::string after = Get(kPage);
  EXPECT_FALSE(last_hit_);
  EXPECT_NE(after.find("A/AC.999/DEMO-3"), std::string::npos);
}

TEST_F(ServedCacheTest, AStateChangingRequestClearsAtOnceButARefusedOneDoesNot) {
  // Any state-changing request that reaches its handler clears the cache, whatever it answers;
  // one the CSRF check refuses never ran, so it clears nothing.
  const server::Route* write = nullptr;
  for (const server::Route& route : server_.server().state().routes().routes()) {
    if (route.method != "GET") {
      write = &route;
      break;
    }
  }
  if (write == nullptr) GTEST_SKIP() << "no state-changing route registered yet";
  const std::string path = write->example_path.empty() ? write->pattern : write->example_path;
  auto send = [&](const httplib::Headers& headers) {
    auto client = server_.Client();
    const std::string method = write->method;
    return method == "POST"     ? client->Post(path, headers, "{}", "application/json")
           : method == "PUT"    ? client->Put(path, headers, "{}", "application/json")
           : method == "DELETE" ? client->Delete(path, headers)
                                : client->Patch(path, headers, "{}", "application/json");
  };
  Get(kPage);
  Get(kPage);
  ASSERT_TRUE(last_hit_);
  const std::uint64_t clears = cache().stats().clears;
  auto refused = send({});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403) << path;
  EXPECT_EQ(cache().stats().clears, clears);
  Get(kPage);
  EXPECT_TRUE(last_hit_);

  auto page = server_.Client()->Get(kPage);
  ASSERT_TRUE(page);
  httplib::Headers headers = {{"X-CSRF-Token", CsrfTokenOf(page->body)}};
  if (page->has_header("Set-Cookie")) headers.emplace("Cookie", MergeCookies("", *page));
  auto accepted = send(headers);
  ASSERT_TRUE(accepted);
  ASSERT_NE(accepted->status, 403) << "the CSRF check refused " << path << ": "
                                   << accepted->body;
  EXPECT_GT(cache().stats().clears, clears) << write->method << " " << path;
  Get(kPage);
  EXPECT_FALSE(last_hit_);
}

TEST(ServedCacheAccountsTest, LoggedInRequestsAreNeverServedFromTheCache) {
  TestServer server({DemoPath("draft1.txt")});
  store::UserAccount ana;
  ana.name = "ana-analyst";
  ana.role = "analyst";
  auto hash = server::auth::HashPassword("ana-analyst-password");
  ASSERT_TRUE(hash.ok()) << hash.status();
  ana.password_hash = *hash;
  auto id = server.store().CreateUser(ana);
  ASSERT_TRUE(id.ok()) << id.status();
  server.Restart();  // out of local-owner mode: there are accounts now
  const std::string token = server::auth::RandomToken();
  const std::string csrf = server::auth::RandomToken();
  ASSERT_TRUE(server.store()
                  .PutLoginSession(server::auth::NewSession(*id, token, csrf,
                                                            server::auth::UnixNow()))
                  .ok());
  server::ResponseCache& cache = *server.server().state().cache();
  const std::string page = "/documents";

  auto anonymous = server.Client()->Get(page);
  ASSERT_TRUE(anonymous);
  auto anonymous_again = server.Client()->Get(page);
  ASSERT_TRUE(anonymous_again);
  EXPECT_EQ(anonymous_again->get_header_value("X-Cache"), "hit");
  EXPECT_EQ(anonymous_again->body, anonymous->body);
  EXPECT_EQ(CsrfTokenOf(anonymous->body), "") << "an anonymous page carries no token to share";

  const std::uint64_t hits = cache.stats().hits;
  const httplib::Headers session = {
      {"Cookie", std::string(server::auth::kSessionCookie) + "=" + token}};
  for (int i = 0; i < 3; ++i) {
    auto mine = server.Client()->Get(page, session);
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->status, 200);
    EXPECT_NE(mine->get_header_value("X-Cache"), "hit");
    EXPECT_EQ(CsrfTokenOf(mine->body), csrf) << "her page, with her session's token";
    EXPECT_NE(mine->body.find("ana-analyst"), std::string::npos);
    EXPECT_NE(mine->body, anonymous->body);
  }
  EXPECT_EQ(cache.stats().hits, hits);

  // A visitor who opened the login form carries a pre-login token: their page is theirs too.
  const std::string login_token = server::auth::RandomToken();
  auto before_login = server.Client()->Get(
      page, {{"Cookie", std::string(server::auth::kLoginCookie) + "=" + login_token}});
  ASSERT_TRUE(before_login);
  EXPECT_NE(before_login->get_header_value("X-Cache"), "hit");
  EXPECT_EQ(cache.stats().hits, hits);
}

}  // namespace
}  // namespace tw::testing
