// SIGKILL during a large ingest leaves a valid database holding only whole documents.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace tw::testing {
namespace {

TEST(KillDuringIngest, DatabaseStaysValidWithoutPartialDocuments) {
  TempDir dir;
  std::filesystem::create_directory(dir / "many");
  const std::string base = ReadFile(CorpusDir() / "un-cybercrime-convention-2024.txt");
  constexpr int kFiles = 40;
  for (int i = 0; i < kFiles; ++i) {
    // Distinct bytes, same structure: every stored copy must have the full 68 articles.
    WriteFile(dir / "many" / fmt::format("copy{:03}.txt", i),
              base + fmt::format("\n\nNote {}.\n", i));
  }
  const auto db = dir / "t.db";
  std::mt19937 random(12345);
  for (int round = 0; round < 3; ++round) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const std::string binary = TreatywatchBinary();
      const std::string db_arg = db.string();
      const std::string folder = (dir / "many").string();
      execl(binary.c_str(), binary.c_str(), "--db", db_arg.c_str(), "ingest", folder.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300 + random() % 700));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);

    RunResult list = Tw(db, {"--json", "list"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    for (const auto& meta : nlohmann::json::parse(list.out)) {
      RunResult shown = Tw(db, {"--json", "show", std::to_string(meta["id"].get<long>()), "--outline"});
      ASSERT_EQ(shown.exit_code, 0) << shown.err;
      const auto doc = nlohmann::json::parse(shown.out);
      int articles = 0;
      std::vector<const nlohmann::json*> stack;
      for (const auto& p : doc["provisions"]) stack.push_back(&p);
      while (!stack.empty()) {
        const nlohmann::json* node = stack.back();
        stack.pop_back();
        articles += (*node)["kind"] == "article";
        for (const auto& child : (*node)["children"]) stack.push_back(&child);
      }
      EXPECT_EQ(articles, 68) << "document " << meta["id"] << " is partial";
    }
    RunResult check = tw::testing::Run({"/usr/bin/sqlite3", db.string(), "PRAGMA integrity_check;"});
    EXPECT_EQ(check.out, "ok\n") << check.err;
  }
}

}  // namespace
}  // namespace tw::testing
