// The fixture writer and the reader against each other: every corpus text laid out as a
// UN-style PDF by tools/pdf_writer (running headers, footers, page numbers, job numbers,
// hyphenated line ends, footnotes) must read back as the same lines, each on its page.
#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/pdf_reader.h"
#include "pdf_test_util.h"
#include "pdf_writer.h"

namespace tw::ingest {
namespace {

using testing::CompareLines;
using testing::NonEmptyLines;
using testing::ReadFileBytes;

class PdfRoundTripTest : public ::testing::TestWithParam<std::string> {};

TEST_P(PdfRoundTripTest, ReadsBackTheSameLinesOnTheirPages) {
  const std::filesystem::path source = GetParam();
  const std::string text = ReadFileBytes(source);
  ASSERT_FALSE(text.empty()) << source;
  std::vector<tools::LinePages> pages;
  tools::UnPdfOptions options;
  options.symbol = "TW/TEST/1";
  options.job = "26-00001";
  const absl::StatusOr<std::string> pdf =
      tools::WriteUnStylePdf(source.filename().string(), text, options, &pages);
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  const absl::StatusOr<doc::SourceText> read = ReadPdf("roundtrip.pdf", *pdf, ReadOptions{});
  ASSERT_TRUE(read.ok()) << read.status();

  const std::vector<std::string> expected = NonEmptyLines(text);
  const std::vector<std::string> actual = NonEmptyLines(read->text);
  ASSERT_EQ(pages.size(), expected.size());
  const testing::LineComparison comparison = CompareLines(expected, actual);
  ASSERT_TRUE(comparison.matched == expected.size() && actual.size() == expected.size())
      << comparison.matched << " of " << expected.size() << " lines match, we have "
      << actual.size() << "\n"
      << comparison.differences;

  std::size_t begin = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const std::size_t end = begin + actual[i].size();
    EXPECT_EQ(read->PageAt(begin), pages[i].first) << "first page of: " << actual[i];
    EXPECT_EQ(read->PageAt(end - 1), pages[i].last) << "last page of: " << actual[i];
    begin = end + 1;
  }
  int last_page = 0;
  for (const tools::LinePages& p : pages) last_page = std::max(last_page, p.last);
  EXPECT_EQ(read->page_count, last_page);
}

// The same for the command-line tool's own checks: the writer refuses what it cannot lay out.
TEST(PdfWriterTest, RejectsUnreferencedFootnotesAndBadUtf8) {
  EXPECT_FALSE(tools::WriteUnStylePdf("a.txt", "Text.\n__________\n[1] Never cited.\n", {}).ok());
  EXPECT_FALSE(tools::WriteUnStylePdf("b.txt", "Caf\xE9\n", {}).ok());
  EXPECT_FALSE(tools::WriteUnStylePdf("c.txt", "\n\n", {}).ok());
}

std::vector<std::string> Sources() {
  const std::filesystem::path corpus = TW_CORPUS_DIR;
  const std::filesystem::path demo = std::filesystem::path(TW_SOURCE_DIR) / "demo";
  std::vector<std::string> sources;
  for (const char* name :
       {"un-cybercrime-convention-2024.txt", "budapest-convention-ets185.txt",
        "budapest-additional-protocol-ets189.txt", "unga-resolution-79-243.txt",
        "unga-resolution-74-247.txt", "un-cybercrime-convention-2024-interpretative-notes.txt"}) {
    sources.push_back((corpus / name).string());
  }
  if (std::filesystem::is_directory(demo)) {
    for (const auto& entry : std::filesystem::directory_iterator(demo)) {
      // demo/ also holds the build's CMakeLists.txt, which is not a demo text.
      if (entry.path().extension() == ".txt" && entry.path().filename() != "CMakeLists.txt") {
        sources.push_back(entry.path().string());
      }
    }
    std::sort(sources.begin() + 6, sources.end());
  }
  return sources;
}

INSTANTIATE_TEST_SUITE_P(Texts, PdfRoundTripTest, ::testing::ValuesIn(Sources()),
                         [](const auto& info) {
                           std::string name = std::filesystem::path(info.param).stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace tw::ingest
