#include "test_server.h"

#include <chrono>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "ingest/document_builder.h"

namespace tw::testing {
namespace {

std::filesystem::path MakeTempDir() {
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto path = std::filesystem::temp_directory_path() /
                ("tw-server-test-" + std::to_string(random()));
    if (std::filesystem::create_directory(path)) return path;
  }
  throw std::runtime_error("cannot make a temp folder");
}

}  // namespace

TestServer::TestServer(std::vector<std::filesystem::path> documents)
    : dir_(MakeTempDir()), db_path_(dir_ / "test.db") {
  auto opened = store::OpenStore(db_path_.string());
  if (!opened.ok()) throw std::runtime_error(std::string(opened.status().message()));
  store_ = std::move(*opened);
  for (const auto& document : documents) Ingest(document);
  Start();
}

TestServer::~TestServer() {
  Stop();
  store_.reset();
  std::error_code ignored;  // a temp folder left behind is harmless
  std::filesystem::remove_all(dir_, ignored);
}

void TestServer::Start() {
  server::ServerConfig config;
  config.db_url = db_path_.string();
  config.port = 0;
  config.web_dir = TW_SOURCE_DIR "/web";
  config.node_modules_dir = TW_SOURCE_DIR "/node_modules";
  config.spool_dir = (dir_ / "spool").string();
  config.worker_threads = 8;
  config.quiet = true;
  auto created = server::Server::Create(config);
  if (!created.ok()) throw std::runtime_error(std::string(created.status().message()));
  server_ = std::move(*created);
  port_ = server_->port();
  thread_ = std::thread([this] { (void)server_->Run(); });
  for (int i = 0; i < 500 && !server_->IsRunning(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

void TestServer::Stop() {
  if (server_ == nullptr) return;
  server_->Stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

void TestServer::Restart() {
  Stop();
  Start();
}

std::unique_ptr<httplib::Client> TestServer::Client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_read_timeout(60);
  return client;
}

std::string TestServer::BaseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }

store::Store& TestServer::store() { return *store_; }

std::int64_t TestServer::Ingest(const std::filesystem::path& file, const std::string& symbol,
                                const std::string& instrument) {
  doc::DocumentMeta meta;
  meta.symbol = symbol;
  meta.instrument = instrument;
  auto built = ingest::BuildDocument(file, meta, ingest::ReadOptions{});
  if (!built.ok()) throw std::runtime_error(std::string(built.status().message()));
  auto put = store_->PutDocument(*built);
  if (!put.ok()) throw std::runtime_error(std::string(put.status().message()));
  return put->id;
}

std::string MergeCookies(const std::string& jar, const httplib::Response& response) {
  std::map<std::string, std::string> cookies;
  auto add = [&](std::string_view pair) {
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) return;
    cookies[std::string(pair.substr(0, equals))] = std::string(pair.substr(equals + 1));
  };
  std::size_t at = 0;
  while (at < jar.size()) {
    std::size_t end = jar.find(';', at);
    if (end == std::string::npos) end = jar.size();
    add(std::string_view(jar).substr(at, end - at));
    at = end + 1;
  }
  const std::size_t count = response.get_header_value_count("Set-Cookie");
  for (std::size_t i = 0; i < count; ++i) {
    const std::string header = response.get_header_value("Set-Cookie", i);
    add(std::string_view(header).substr(0, header.find(';')));
  }
  std::string merged;
  for (const auto& [name, value] : cookies) {
    if (value.empty()) continue;  // an emptied cookie is a deleted one
    merged += (merged.empty() ? "" : "; ") + name + "=" + value;
  }
  return merged;
}

std::string CsrfTokenOf(const std::string& page_html) {
  const std::string marker = "\"X-CSRF-Token\": \"";
  std::size_t at = page_html.find(marker);
  std::size_t skip = marker.size();
  if (at == std::string::npos) {
    // The attribute value is HTML-escaped by the template: &quot;X-CSRF-Token&quot;: &quot;
    const std::string escaped = "&quot;X-CSRF-Token&quot;: &quot;";
    at = page_html.find(escaped);
    skip = escaped.size();
  }
  if (at == std::string::npos) return {};
  const std::size_t start = at + skip;
  std::size_t end = start;
  while (end < page_html.size() && std::isxdigit(static_cast<unsigned char>(page_html[end]))) {
    ++end;
  }
  return page_html.substr(start, end - start);
}

std::filesystem::path DemoPath(const std::string& name) {
  return std::filesystem::path(TW_SOURCE_DIR) / "demo" / name;
}

std::filesystem::path CorpusPath(const std::string& name) {
  return std::filesystem::path(TW_CORPUS_DIR) / name;
}

}  // namespace tw::testing
