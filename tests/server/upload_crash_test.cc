// SIGKILL of `treatywatch serve` around an upload, then a restart on the same database: an
// upload the server acknowledged (202) is stored exactly once and whole, as a direct
// `treatywatch ingest` stores it; one it never acknowledged leaves no trace; nothing half
// written (a document without provisions, a spool temp file) survives. The real binary, a real
// PDF from the corpus (the 46-page A/RES/79/243).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "serve_process.h"
#include "server/spool_lock.h"

namespace tw::testing {
namespace {

using nlohmann::json;

constexpr char kPdf[] = "A-RES-79-243.pdf";

// Waits until the restarted server has finished every job; returns its documents.
json SettledDocuments(const ServeProcess& server) {
  httplib::Client client = server.Client();
  for (int i = 0; i < 1200; ++i) {
    auto jobs = client.Get("/api/v1/jobs");
    if (jobs && jobs->status == 200) {
      bool busy = false;
      const json listed = json::parse(jobs->body);
      for (const json& job : listed["jobs"]) {
        busy |= job["state"] == "queued" || job["state"] == "running";
      }
      if (!busy) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  auto documents = client.Get("/api/v1/documents");
  if (!documents || documents->status != 200) return json::array();
  return json::parse(documents->body)["documents"];
}

// What the spool holds besides its lock file (spool_lock.h).
std::vector<std::string> SpoolFiles(const std::filesystem::path& spool) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(spool, error)) {
    if (entry.path().filename() != server::kSpoolLockFile) {
      files.push_back(entry.path().filename().string());
    }
  }
  return files;
}

// Documents stored without a single provision: what a half-written document would look like.
std::string DocumentsWithoutProvisions(const std::filesystem::path& db) {
  RunResult result = Run({"/usr/bin/sqlite3", db.string(),
                          "SELECT count(*) FROM documents AS d WHERE NOT EXISTS "
                          "(SELECT 1 FROM provisions AS p WHERE p.document_id = d.id);"});
  return result.out;
}

class UploadCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    pdf_ = ReadFile(CorpusDir() / kPdf);
    ASSERT_GT(pdf_.size(), 10000u);
    // What a direct ingest of the same file stores.
    RunResult direct = Tw(dir_ / "direct.db", {"--json", "ingest", (CorpusDir() / kPdf).string()});
    ASSERT_EQ(direct.exit_code, 0) << direct.err;
    direct_provisions_ = json::parse(direct.out)[0]["provisions"].get<int>();
    ASSERT_GT(direct_provisions_, 300);
  }

  std::filesystem::path db() const { return dir_ / "t.db"; }
  std::filesystem::path spool() const { return dir_ / "t.db.spool"; }
  std::filesystem::path log() const { return dir_ / "serve.log"; }

  TempDir dir_;
  std::string pdf_;
  int direct_provisions_ = 0;
};

TEST_F(UploadCrashTest, AnAcknowledgedUploadSurvivesSigkillAndIsStoredOnceAndWhole) {
  // 0 ms: killed right after the 202, usually before the job starts; 700 ms: while the PDF
  // is being read or stored.
  for (int delay_ms : {0, 700}) {
    SCOPED_TRACE(fmt::format("killed {} ms after the 202", delay_ms));
    // A database file removed without its WAL would meet the old WAL on the next open.
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(db().string() + suffix);
    }
    std::filesystem::remove_all(spool());
    {
      ServeProcess server(db(), log());
      const ServeSession session = OpenSession(server);
      httplib::Client client = server.Client();
      auto accepted = client.Post(
          "/api/v1/documents", {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf}},
          httplib::MultipartFormDataItems{{"file", pdf_, kPdf, "application/pdf"},
                                          {"symbol", "A/RES/79/243", "", ""},
                                          {"kind", "final", "", ""}});
      ASSERT_TRUE(accepted);
      ASSERT_EQ(accepted->status, 202) << accepted->body;
      if (delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      server.Kill(SIGKILL);
    }
    ServeProcess restarted(db(), log());
    const json documents = SettledDocuments(restarted);
    ASSERT_EQ(documents.size(), 1u) << documents.dump();
    EXPECT_EQ(documents[0]["symbol"], "A/RES/79/243");
    EXPECT_EQ(documents[0]["source"], kPdf);
    httplib::Client client = restarted.Client();
    auto shown = client.Get(fmt::format("/api/v1/documents/{}", documents[0]["id"].get<int>()));
    ASSERT_TRUE(shown);
    const json document = json::parse(shown->body);
    EXPECT_EQ(document["counts"]["provisions"], direct_provisions_);
    EXPECT_TRUE(SpoolFiles(spool()).empty());
    restarted.Kill(SIGTERM);
    EXPECT_EQ(DocumentsWithoutProvisions(db()), "0\n");
    RunResult check = tw::testing::Run({"/usr/bin/sqlite3", db().string(), "PRAGMA integrity_check;"});
    EXPECT_EQ(check.out, "ok\n") << check.err;
  }
}

TEST_F(UploadCrashTest, AnUploadKilledMidBodyLeavesNothing) {
  const std::string boundary = "----treatywatch-crash-test";
  const std::string body = fmt::format(
      "--{0}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{1}\"\r\n"
      "Content-Type: application/pdf\r\n\r\n{2}\r\n--{0}--\r\n",
      boundary, kPdf, pdf_);
  {
    ServeProcess server(db(), log());
    const ServeSession session = OpenSession(server);
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    const std::string head = fmt::format(
        "POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nCookie: {}\r\n"
        "X-CSRF-Token: {}\r\nContent-Type: multipart/form-data; boundary={}\r\n"
        "Content-Length: {}\r\n\r\n",
        server.port(), session.cookie, session.csrf, boundary, body.size());
    const std::string half = head + body.substr(0, body.size() / 2);
    ASSERT_EQ(send(fd, half.data(), half.size(), 0), static_cast<ssize_t>(half.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    server.Kill(SIGKILL);
    close(fd);
  }
  ServeProcess restarted(db(), log());
  EXPECT_TRUE(SettledDocuments(restarted).empty());
  httplib::Client client = restarted.Client();
  auto jobs = client.Get("/api/v1/jobs");
  ASSERT_TRUE(jobs);
  EXPECT_TRUE(json::parse(jobs->body)["jobs"].empty()) << jobs->body;
  EXPECT_TRUE(SpoolFiles(spool()).empty());
}

TEST_F(UploadCrashTest, SpoolLeftoversOfAKilledWriteAreCleanedAtStart) {
  // What a server killed while writing the spool leaves: a temp file, and bytes whose
  // metadata never landed. Neither was acknowledged; the next start removes both.
  std::filesystem::create_directories(spool());
  WriteFile(spool() / "up-0123456789abcdef0123456789abcdef.pdf.tmp", pdf_.substr(0, 1000));
  WriteFile(spool() / "up-fedcba9876543210fedcba9876543210.pdf", pdf_);
  ServeProcess server(db(), log());
  EXPECT_TRUE(SettledDocuments(server).empty());
  EXPECT_TRUE(SpoolFiles(spool()).empty());
}

TEST_F(UploadCrashTest, ASecondServerOnTheSameSpoolIsRefusedUntilTheFirstDies) {
  ServeProcess first(db(), log());
  EXPECT_THROW(ServeProcess(db(), dir_ / "second.log"), std::runtime_error);
  const std::string said = ReadFile(dir_ / "second.log");
  EXPECT_NE(said.find("another treatywatch serve uses this upload spool folder"),
            std::string::npos)
      << said;
  EXPECT_NE(said.find(spool().string()), std::string::npos) << said;
  EXPECT_EQ(std::count(said.begin(), said.end(), '\n'), 1) << said;
  // The kernel drops the lock with the process, even on SIGKILL: no stale lock to clean.
  first.Kill(SIGKILL);
  ServeProcess next(db(), log());
  EXPECT_GT(next.port(), 0);
}

}  // namespace
}  // namespace tw::testing
