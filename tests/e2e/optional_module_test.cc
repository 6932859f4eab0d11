// The PDF reader and the PostgreSQL store are modules loaded on first use
// (src/ingest/optional_module.h): without them, plain-text work still runs, and a PDF or a
// postgresql:// URL fails with one line naming the missing module and where it was looked for.
#include <cstdlib>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_runner.h"

namespace tw::testing {
namespace {

using ::testing::HasSubstr;

// Points the module search at an empty folder for the life of the object.
class NoModules {
 public:
  explicit NoModules(const std::filesystem::path& empty) {
    setenv("TREATYWATCH_MODULE_DIR", empty.c_str(), 1);
  }
  ~NoModules() { unsetenv("TREATYWATCH_MODULE_DIR"); }
};

TEST(OptionalModuleTest, MissingPdfModuleIsOneClearLine) {
  TempDir dir;
  std::filesystem::create_directories(dir / "empty");
  const NoModules no_modules(dir / "empty");
  RunResult pdf = Tw(dir / "t.db", {"ingest", (CorpusDir() / "A-RES-79-243.pdf").string()});
  EXPECT_EQ(pdf.exit_code, 2);
  EXPECT_THAT(pdf.err, HasSubstr("reading PDF files needs the module libtw_pdf_reader.so"));
  EXPECT_THAT(pdf.err, HasSubstr((dir / "empty").string()));
  EXPECT_EQ(std::count(pdf.err.begin(), pdf.err.end(), '\n'), 1) << pdf.err;

  RunResult postgres =
      tw::testing::Run({TreatywatchBinary(), "--db", "postgresql://localhost:1/none", "list"});
  EXPECT_EQ(postgres.exit_code, 2);
  EXPECT_THAT(postgres.err, HasSubstr("libtw_store_postgres.so"));

  RunResult text = Tw(dir / "t.db", {"diff", (SourceDir() / "demo" / "draft1.txt").string(),
                                     (SourceDir() / "demo" / "draft2.txt").string()});
  EXPECT_EQ(text.exit_code, 0) << text.err;
}

}  // namespace
}  // namespace tw::testing
