// Bad input, end to end: each bad file gets one clear line on stderr naming the file and the
// problem, exit code 2, and the database is exactly as it was.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace tw::testing {
namespace {

struct BadFile {
  const char* name;        // file name in the temp folder
  const char* expect;      // words the error line must contain
  std::string (*make)();   // content
};

std::string Empty() { return ""; }
std::string CorruptPdf() { return "%PDF-1.7\n1 0 obj\n<< /Type /Catalog garbage"; }
std::string Png() { return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16); }
std::string InvalidUtf8() { return "Article 1\nScope\n\nThis text has a bad byte: \xFF here.\n"; }
std::string TruncatedRealPdf() {
  return ReadFile(CorpusDir() / "A-RES-79-243.pdf").substr(0, 20000);
}

std::string DatabaseSnapshot(const std::filesystem::path& db) {
  RunResult list = Tw(db, {"--json", "list"});
  RunResult search = Tw(db, {"--json", "search", "computer"});
  return list.out + search.out;
}

class BadInputTest : public ::testing::TestWithParam<BadFile> {};

TEST_P(BadInputTest, OneLineExitTwoDatabaseUnchanged) {
  TempDir dir;
  const auto db = dir / "t.db";
  ASSERT_EQ(Tw(db, {"ingest", (CorpusDir() / "budapest-convention-ets185.txt").string()}).exit_code,
            0);
  const std::string before = DatabaseSnapshot(db);
  const BadFile& bad = GetParam();
  const auto file = dir / bad.name;
  WriteFile(file, bad.make());
  RunResult run = Tw(db, {"ingest", file.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_NE(run.err.find(bad.name), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(bad.expect), std::string::npos) << run.err;
  EXPECT_EQ(DatabaseSnapshot(db), before);
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadInputTest,
    ::testing::Values(BadFile{"empty.txt", "empty", Empty},
                      BadFile{"corrupt.pdf", "PDF", CorruptPdf},
                      BadFile{"truncated.pdf", "PDF", TruncatedRealPdf},
                      BadFile{"picture.docx", "PNG", Png},
                      BadFile{"latin1.txt", "UTF-8", InvalidUtf8}),
    [](const auto& info) {
      std::string name = info.param.name;
      return name.substr(0, name.find('.'));
    });

TEST(BadInput, TwoHundredMegabyteTextIsRefusedWithoutReadingIt) {
  TempDir dir;
  const auto file = dir / "huge.txt";
  {
    std::ofstream out(file, std::ios::binary);
    const std::string line(1023, 'a');
    for (int i = 0; i < 200 * 1024; ++i) out << line << '\n';
  }
  RunResult run = Tw(dir / "t.db", {"ingest", file.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("huge.txt"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("200.0 MB"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("limit"), std::string::npos) << run.err;
}

TEST(BadInput, MissingPathIsNamed) {
  TempDir dir;
  RunResult run = Tw(dir / "t.db", {"ingest", (dir / "no-such-draft.pdf").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("no-such-draft.pdf: no such file"), std::string::npos) << run.err;
}

TEST(BadInput, ABadFileInABatchStoresNothing) {
  TempDir dir;
  std::filesystem::create_directory(dir / "batch");
  std::filesystem::copy(CorpusDir() / "budapest-convention-ets185.txt", dir / "batch" / "a.txt");
  WriteFile(dir / "batch" / "b.txt", InvalidUtf8());
  RunResult run = Tw(dir / "t.db", {"ingest", (dir / "batch").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("b.txt"), std::string::npos);
  EXPECT_NE(run.err.find("nothing was stored"), std::string::npos) << run.err;
  EXPECT_EQ(nlohmann::json::parse(Tw(dir / "t.db", {"--json", "list"}).out).size(), 0u);
}

TEST(BadInput, MetadataIsCheckedBeforeAnythingIsRead) {
  TempDir dir;
  const std::string file = (CorpusDir() / "budapest-convention-ets185.txt").string();
  RunResult date = Tw(dir / "t.db", {"ingest", file, "--date", "2024-02-30"});
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_NE(date.err.find("2024-02-30"), std::string::npos);
  RunResult kind = Tw(dir / "t.db", {"ingest", file, "--kind", "memo"});
  EXPECT_EQ(kind.exit_code, 2);
  EXPECT_NE(kind.err.find("memo"), std::string::npos);
}

TEST(BadInput, UnknownDocumentAndPathAreExplained) {
  TempDir dir;
  ASSERT_EQ(Tw(dir / "t.db", {"ingest", (CorpusDir() / "budapest-convention-ets185.txt").string()})
                .exit_code,
            0);
  RunResult doc = Tw(dir / "t.db", {"show", "A/NOPE"});
  EXPECT_EQ(doc.exit_code, 2);
  EXPECT_NE(doc.err.find("A/NOPE"), std::string::npos);
  RunResult path = Tw(dir / "t.db", {"show", "1", "art99"});
  EXPECT_EQ(path.exit_code, 2);
  EXPECT_NE(path.err.find("art99"), std::string::npos);
}

}  // namespace
}  // namespace tw::testing
