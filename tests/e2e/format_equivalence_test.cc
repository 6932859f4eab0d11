// The same text given as TXT, DOCX and PDF yields the same provision tree: paths, numbers,
// headings, and text equal after whitespace normalisation. The DOCX and PDF are made from our
// text by the fixture tools (real Word auto-numbering and footnotes; UN-style page furniture).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "tree_compare.h"

namespace tw::testing {
namespace {

using nlohmann::json;

std::vector<FlatProvision> IngestAndFlatten(const std::filesystem::path& db,
                                            const std::filesystem::path& file) {
  RunResult ingest = Tw(db, {"--json", "ingest", file.string()});
  EXPECT_EQ(ingest.exit_code, 0) << ingest.err;
  if (ingest.exit_code != 0) return {};
  const json report = json::parse(ingest.out);
  RunResult shown = Tw(db, {"--json", "show", std::to_string(report[0]["id"].get<long>())});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  return Flatten(json::parse(shown.out)["provisions"]);
}

class FormatEquivalenceTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FormatEquivalenceTest, TxtDocxAndPdfGiveTheSameTree) {
  TempDir dir;
  const std::filesystem::path source = GetParam();
  const auto docx = dir / "same.docx";
  const auto pdf = dir / "same.pdf";
  RunResult made_docx = tw::testing::Run({ToolBinary("text_to_docx"), source.string(), docx.string()});
  ASSERT_EQ(made_docx.exit_code, 0) << made_docx.err;
  RunResult made_pdf = tw::testing::Run({ToolBinary("text_to_pdf"), source.string(), pdf.string(), "--symbol",
                            "TW/TEST/1", "--job", "26-00001"});
  ASSERT_EQ(made_pdf.exit_code, 0) << made_pdf.err;

  const auto from_txt = IngestAndFlatten(dir / "txt.db", source);
  const auto from_docx = IngestAndFlatten(dir / "docx.db", docx);
  const auto from_pdf = IngestAndFlatten(dir / "pdf.db", pdf);
  ASSERT_FALSE(from_txt.empty());
  EXPECT_EQ(FirstDifference(from_txt, from_docx), "") << "DOCX differs from TXT";
  EXPECT_EQ(FirstDifference(from_txt, from_pdf), "") << "PDF differs from TXT";
  for (const FlatProvision& p : from_pdf) EXPECT_GE(p.page_first, 1) << p.path;
}

INSTANTIATE_TEST_SUITE_P(
    Texts, FormatEquivalenceTest,
    ::testing::Values((CorpusDir() / "un-cybercrime-convention-2024.txt").string(),
                      (CorpusDir() / "budapest-convention-ets185.txt").string(),
                      (SourceDir() / "demo" / "draft1.txt").string(),
                      (SourceDir() / "demo" / "draft2.txt").string(),
                      (SourceDir() / "demo" / "draft3.txt").string()),
    [](const auto& info) {
      std::string name = std::filesystem::path(info.param).stem().string();
      for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

}  // namespace
}  // namespace tw::testing
