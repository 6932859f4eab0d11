// The DOCX fixture writer and text_to_docx, checked through the DOCX reader: a text written as
// a DOCX with real Word numbering and footnotes must read back line for line.
#include "docx_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/docx_reader.h"
#include "ingest/txt_reader.h"

namespace tw::tools {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string PlainText(std::string_view name, std::string_view bytes) {
  absl::StatusOr<doc::SourceText> text = ingest::ReadPlainText(name, bytes, ingest::ReadOptions{});
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? text->text : "";
}

std::string DocxText(const std::string& docx,
                     ingest::TrackedChanges mode = ingest::TrackedChanges::kAccept) {
  ingest::ReadOptions options;
  options.tracked_changes = mode;
  absl::StatusOr<doc::SourceText> text = ingest::ReadDocx("written.docx", docx, options);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? text->text : "";
}

// A member of a zip held in memory.
std::string Member(const std::string& zip_bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  std::string out;
  if (!archive) {
    zip_source_free(source);
    return out;
  }
  if (zip_file_t* file = zip_fopen(archive, name, 0)) {
    char buffer[4096];
    zip_int64_t n;
    while ((n = zip_fread(file, buffer, sizeof buffer)) > 0)
      out.append(buffer, static_cast<std::size_t>(n));
    zip_fclose(file);
  }
  zip_discard(archive);
  return out;
}

std::string RoundTrip(const std::string& text) {
  absl::StatusOr<std::string> docx = WriteDocx(Lines(text));
  EXPECT_TRUE(docx.ok()) << docx.status();
  return docx.ok() ? DocxText(*docx) : "";
}

// --- The key property: txt -> DOCX -> text is the identity on every real text -----------------

class CorpusRoundTripTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(CorpusRoundTripTest, DocxReadsBackTheSameLines) {
  const std::string text = PlainText(GetParam().string(), ReadFile(GetParam()));
  ASSERT_FALSE(text.empty());
  absl::StatusOr<std::string> docx = WriteDocx(Lines(text));
  ASSERT_TRUE(docx.ok()) << docx.status();
  EXPECT_EQ(Lines(DocxText(*docx)), Lines(text));
}

std::vector<std::filesystem::path> CorpusTexts() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(TW_CORPUS_DIR)) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  for (const char* demo : {"draft1.txt", "draft2.txt", "draft3.txt", "proposal-brazil.txt",
                           "reference-regional-convention.txt"}) {
    paths.push_back(std::filesystem::path(TW_SOURCE_DIR) / "demo" / demo);
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

INSTANTIATE_TEST_SUITE_P(Texts, CorpusRoundTripTest, ::testing::ValuesIn(CorpusTexts()),
                         [](const auto& info) {
                           std::string name = info.param.stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(CorpusRoundTrip, AllSevenCorpusTextsAreCovered) { EXPECT_EQ(CorpusTexts().size(), 12u); }

// Every numbering pattern the writer knows, and the places where Word must restart a list.
constexpr std::string_view kAllPatterns =
    "Draft Convention\n"
    "Preamble\n"
    "The States Parties,\n"
    "Chapter I\n"
    "General provisions\n"
    "Article 1\n"
    "Purposes\n"
    "1. First paragraph.\n"
    "(a) Point a;\n"
    "(b) Point b;\n"
    "(i) Sub-point one;\n"
    "(ii) Sub-point two;\n"
    "(iii) Sub-point three;\n"
    "(iv) Sub-point four;\n"
    "(v) Sub-point five;\n"
    "(c) Point c;\n"
    "(d) d\n(e) e\n(f) f\n(g) g\n(h) h\n"
    "(i) Point i, a letter after (h);\n"
    "(j) Point j.\n"
    "2. Second paragraph.[1]\n"
    "Article 5 bis\n"
    "Definitions\n"
    "1. A new list restarting at one.\n"
    "3. A gap: paragraph 2 was deleted.\n"
    "(c) A list of points starting at c;\n"
    "(i) A Roman list under it.\n"
    "Article 13.\n"
    "a) Budapest style item;\n"
    "b) next item;\n"
    "(x) Roman ten without a list before it;\n"
    "(v) Letter or Roman five: a new list.\n"
    "7. Starts at seven.\n"
    "8. Continues.\n"
    "1.5 per cent is not a label.\n"
    "(2019) neither.\n"
    "1.  Two spaces after a label collapse.\n"
    "Text with [2] a second note and [bracketed] words.\n"
    "__________\n"
    "[1] The first footnote.\n"
    "[2] The second footnote, with <angle> & ampersand.\n";

TEST(DocxWriter, AllNumberingPatternsRoundTrip) {
  const std::string text = PlainText("patterns.txt", kAllPatterns);
  EXPECT_EQ(Lines(RoundTrip(text)), Lines(text));
}

TEST(DocxWriter, LabelsBecomeRealWordNumberingAndFootnotes) {
  const std::string text = PlainText("patterns.txt", kAllPatterns);
  absl::StatusOr<std::string> docx = WriteDocx(Lines(text));
  ASSERT_TRUE(docx.ok());
  const std::string document = Member(*docx, "word/document.xml");
  const std::string numbering = Member(*docx, "word/numbering.xml");
  const std::string footnotes = Member(*docx, "word/footnotes.xml");
  // Labels are not in the text runs.
  EXPECT_THAT(document, HasSubstr(">First paragraph.<"));
  EXPECT_THAT(document, Not(HasSubstr(">1. First")));
  EXPECT_THAT(document, Not(HasSubstr(">(a) Point")));
  EXPECT_THAT(document, HasSubstr("<w:numPr><w:ilvl w:val=\"2\"/>"));
  // Headings keep their text.
  EXPECT_THAT(
      document,
      HasSubstr(
          "<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Article 5 bis<"));
  // "3." after "1." and "7." start lists of their own.
  EXPECT_THAT(numbering, HasSubstr("<w:startOverride w:val=\"3\"/>"));
  EXPECT_THAT(numbering, HasSubstr("<w:startOverride w:val=\"7\"/>"));
  EXPECT_THAT(numbering, HasSubstr("<w:lvlText w:val=\"(%3)\"/>"));
  // Real footnotes, no literal markers left.
  EXPECT_THAT(document, HasSubstr("<w:footnoteReference w:id=\"2\"/>"));
  EXPECT_THAT(document, Not(HasSubstr("[1]")));
  EXPECT_THAT(footnotes, HasSubstr("The second footnote, with &lt;angle&gt; &amp; ampersand."));
  EXPECT_THAT(document, Not(HasSubstr("__________")));
}

TEST(DocxWriter, IrregularFootnotesStayText) {
  // [2] is referred to before [1]: Word could not number that, so everything stays text.
  const std::string text = "Text.[2] More.[1]\n__________\n[1] One.\n[2] Two.";
  absl::StatusOr<std::string> docx = WriteDocx(Lines(text));
  ASSERT_TRUE(docx.ok());
  EXPECT_THAT(Member(*docx, "word/document.xml"), Not(HasSubstr("footnoteReference")));
  EXPECT_EQ(DocxText(*docx), text);
}

TEST(DocxWriter, XmlSpecialCharactersAndUnicode) {
  const std::string text =
      "A & B < C > D \"quoted\"\nСтатья 5\n第五条\nالمادة 5\n\xF0\x9F\x98\x80 emoji";
  EXPECT_EQ(RoundTrip(text), text);
}

// --- Tracked changes -------------------------------------------------------------------------

struct TrackedCase {
  const char* name;
  std::string base;
  std::string revised;
};

class TrackedChangesTest : public ::testing::TestWithParam<TrackedCase> {};

TEST_P(TrackedChangesTest, AcceptGivesRevisedAndRejectGivesBase) {
  absl::StatusOr<std::string> docx =
      WriteTrackedDocx(Lines(GetParam().base), Lines(GetParam().revised));
  ASSERT_TRUE(docx.ok()) << docx.status();
  EXPECT_EQ(DocxText(*docx, ingest::TrackedChanges::kAccept), GetParam().revised);
  EXPECT_EQ(DocxText(*docx, ingest::TrackedChanges::kReject), GetParam().base);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TrackedChangesTest,
    ::testing::Values(TrackedCase{"WordsChanged", "Article 1\n1. States may act promptly.",
                                  "Article 1\n1. States Parties shall act."},
                      TrackedCase{"ParagraphInsertedRenumbers", "Article 1\n1. A.\n2. B.\n3. C.",
                                  "Article 1\n1. A.\n2. New.\n3. B.\n4. C."},
                      TrackedCase{"ParagraphDeleted", "1. A.\n(a) x;\n(b) y;\n2. B.",
                                  "1. A.\n(a) y;\n2. B."},
                      TrackedCase{"LabelChangedWithinParagraph", "3. Text here.", "4. Text here."},
                      TrackedCase{"EverythingNew", "Old text.", "Completely\nDifferent\n1. lines"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(DocxWriter, TrackedDemoDraftsAcceptAndReject) {
  const std::filesystem::path demo = std::filesystem::path(TW_SOURCE_DIR) / "demo";
  const std::string base = PlainText("draft1.txt", ReadFile(demo / "draft1.txt"));
  const std::string revised = PlainText("draft2.txt", ReadFile(demo / "draft2.txt"));
  absl::StatusOr<std::string> docx = WriteTrackedDocx(Lines(base), Lines(revised));
  ASSERT_TRUE(docx.ok()) << docx.status();
  EXPECT_EQ(Lines(DocxText(*docx, ingest::TrackedChanges::kAccept)), Lines(revised));
  EXPECT_EQ(Lines(DocxText(*docx, ingest::TrackedChanges::kReject)), Lines(base));
  EXPECT_THAT(Member(*docx, "word/document.xml"), HasSubstr("<w:delText"));
}

// --- The tool --------------------------------------------------------------------------------

struct ToolRun {
  int exit_code = -1;
  std::string err;
};

ToolRun RunTool(const std::vector<std::string>& args, const std::filesystem::path& dir) {
  std::string command = std::string(TW_BINARY_DIR) + "/tools/text_to_docx";
  for (const std::string& arg : args) command += " '" + arg + "'";
  const std::filesystem::path err = dir / "stderr.txt";
  command += " 2>'" + err.string() + "'";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(err)};
}

class ToolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("text_to_docx_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(ToolTest, ConvertsACorpusFile) {
  const std::filesystem::path source =
      std::filesystem::path(TW_CORPUS_DIR) / "un-cybercrime-convention-2024.txt";
  const std::filesystem::path out = dir_ / "convention.docx";
  const ToolRun run = RunTool({source.string(), out.string()}, dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(DocxText(ReadFile(out)), PlainText("c.txt", ReadFile(source)));
}

TEST_F(ToolTest, TrackedChangesOption) {
  const std::filesystem::path base = dir_ / "base.txt";
  const std::filesystem::path revised = dir_ / "revised.txt";
  std::ofstream(base) << "Article 1\n\n1. States may act.\n";
  std::ofstream(revised) << "Article 1\n\n1. States shall act.\n\n2. New.\n";
  const ToolRun run = RunTool(
      {base.string(), (dir_ / "t.docx").string(), "--tracked-changes", revised.string()}, dir_);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string docx = ReadFile(dir_ / "t.docx");
  EXPECT_EQ(DocxText(docx), "Article 1\n1. States shall act.\n2. New.");
  EXPECT_EQ(DocxText(docx, ingest::TrackedChanges::kReject), "Article 1\n1. States may act.");
}

TEST_F(ToolTest, ErrorsExitTwoWithOneLine) {
  const ToolRun usage = RunTool({"only-one-argument"}, dir_);
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_THAT(usage.err, HasSubstr("usage: text_to_docx IN.txt OUT.docx"));
  const ToolRun missing = RunTool({(dir_ / "nope.txt").string(), (dir_ / "o.docx").string()}, dir_);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("nope.txt: cannot be opened"));
  std::ofstream(dir_ / "bad.txt") << "bad \xFF byte\n";
  const ToolRun bad = RunTool({(dir_ / "bad.txt").string(), (dir_ / "o.docx").string()}, dir_);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("invalid UTF-8 at line 1, column 5"));
  EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1);
}

// LibreOffice, where installed, must open what we write (its text export shows the numbering).
TEST_F(ToolTest, LibreOfficeOpensTheDocx) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "soffice is not installed";
  }
  const std::filesystem::path docx = dir_ / "patterns.docx";
  absl::StatusOr<std::string> bytes = WriteDocx(Lines(PlainText("p.txt", kAllPatterns)));
  ASSERT_TRUE(bytes.ok());
  std::ofstream(docx, std::ios::binary) << *bytes;
  const std::string command = "cd '" + dir_.string() +
                              "' && soffice --headless --convert-to txt:Text patterns.docx "
                              ">/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string exported = ReadFile(dir_ / "patterns.txt");
  EXPECT_THAT(exported, HasSubstr("Article 5 bis"));
  EXPECT_THAT(exported, HasSubstr("First paragraph."));
}

}  // namespace
}  // namespace tw::tools
