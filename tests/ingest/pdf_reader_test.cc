// The PDF reader on the official A/RES/79/243 PDF (46 pages, Word-made, UN page furniture),
// and on bad input.
#include "ingest/pdf_reader.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <regex>

#include "pdf_test_util.h"
#include "pdf_writer.h"
#include "text/utf8.h"

namespace tw::ingest {
namespace {

using testing::CompareLines;
using testing::NonEmptyLines;
using testing::ReadFileBytes;

const std::filesystem::path kCorpus = TW_CORPUS_DIR;

// Reading the 46-page PDF takes ~0.15 s; read it once for all tests.
const absl::StatusOr<doc::SourceText>& OfficialPdf() {
  static const auto* text = new absl::StatusOr<doc::SourceText>(
      ReadPdf("A-RES-79-243.pdf", ReadFileBytes(kCorpus / "A-RES-79-243.pdf"), ReadOptions{}));
  return *text;
}

struct Line {
  std::string text;
  std::size_t begin = 0;  // offset in SourceText::text
};

std::vector<Line> LinesOf(const std::string& text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back({text.substr(start, end - start), start});
    start = end + 1;
  }
  return lines;
}

int FindLine(const std::vector<Line>& lines, std::string_view prefix, std::size_t from = 0) {
  for (std::size_t i = from; i < lines.size(); ++i) {
    if (lines[i].text.rfind(prefix, 0) == 0) return static_cast<int>(i);
  }
  return -1;
}

TEST(PdfReaderTest, OfficialPdfMeetsTheSourceTextContract) {
  const auto& read = OfficialPdf();
  ASSERT_TRUE(read.ok()) << read.status();
  const doc::SourceText& st = *read;
  EXPECT_EQ(st.page_count, 46);
  EXPECT_FALSE(text::FindInvalidUtf8(st.text).has_value());
  EXPECT_TRUE(text::IsNfc(st.text));
  for (const Line& line : LinesOf(st.text)) {
    ASSERT_FALSE(line.text.empty()) << "empty line at " << line.begin;
    EXPECT_NE(line.text.front(), ' ') << line.text;
    EXPECT_NE(line.text.back(), ' ') << line.text;
    EXPECT_EQ(line.text.find_first_of("\t\f\r"), std::string::npos) << line.text;
    EXPECT_EQ(line.text.find("\xC2\xAD"), std::string::npos) << line.text;  // soft hyphen
  }
  ASSERT_FALSE(st.spans.empty());
  EXPECT_EQ(st.spans.front().text_begin, 0u);
  for (std::size_t i = 0; i < st.spans.size(); ++i) {
    EXPECT_GE(st.spans[i].page, 1);
    EXPECT_LE(st.spans[i].page, 46);
    if (i > 0) {
      EXPECT_GT(st.spans[i].text_begin, st.spans[i - 1].text_begin);
    }
  }
}

// The corpus text was made from this PDF's text layer; from the convention's title on, our
// lines must be its lines. The PDF goes on with the interpretative notes (a second annex)
// that the text file leaves out, so the comparison covers the convention and the footnotes.
TEST(PdfReaderTest, OfficialPdfGivesTheConventionText) {
  const auto& read = OfficialPdf();
  ASSERT_TRUE(read.ok()) << read.status();
  const std::vector<Line> lines = LinesOf(read->text);
  const int title = FindLine(lines, "United Nations Convention against Cybercrime;");
  ASSERT_GE(title, 0);
  const int witness = FindLine(lines, "IN WITNESS WHEREOF", static_cast<std::size_t>(title));
  const int separator = FindLine(lines, "__________", static_cast<std::size_t>(title));
  ASSERT_GT(witness, title);
  ASSERT_GT(separator, witness);
  std::string ours;
  for (int i = title; i <= witness; ++i) ours += lines[static_cast<std::size_t>(i)].text + "\n";
  for (std::size_t i = static_cast<std::size_t>(separator); i < lines.size(); ++i) {
    ours += lines[i].text + "\n";
  }
  const std::vector<std::string> expected =
      NonEmptyLines(ReadFileBytes(kCorpus / "un-cybercrime-convention-2024.txt"));
  const std::vector<std::string> actual = NonEmptyLines(ours);
  const testing::LineComparison comparison = CompareLines(expected, actual);
  // The text file itself keeps one glyph-spacing artefact ("participation in th e offences");
  // we read "the" there, so one line differs.
  EXPECT_GE(comparison.matched * 100, expected.size() * 99)
      << comparison.matched << " of " << expected.size() << " lines match\n"
      << comparison.differences;
  EXPECT_GE(comparison.matched * 100, actual.size() * 99)
      << comparison.matched << " of our " << actual.size() << " lines match\n"
      << comparison.differences;
  std::cout << "[ convention lines ] " << comparison.matched << " of " << expected.size()
            << " identical\n"
            << comparison.differences;
}

TEST(PdfReaderTest, OfficialPdfDropsPageFurniture) {
  const auto& read = OfficialPdf();
  ASSERT_TRUE(read.ok()) << read.status();
  const std::regex page_number(R"((^|\s)\d{1,2}/46(\s|$))");
  for (const Line& line : LinesOf(read->text)) {
    EXPECT_EQ(line.text.find("A/RES/79/243"), std::string::npos) << line.text;
    EXPECT_EQ(line.text.find("24-24621"), std::string::npos) << line.text;
    EXPECT_EQ(line.text.find("*2424621*"), std::string::npos) << line.text;
    EXPECT_FALSE(std::regex_search(line.text, page_number)) << line.text;
    // Glyph-spacing artefacts that pdftotext leaves in this file.
    EXPECT_EQ(line.text.find("parti cular"), std::string::npos) << line.text;
    EXPECT_EQ(line.text.find("Secretary -General"), std::string::npos) << line.text;
    EXPECT_EQ(line.text.find("seventy -"), std::string::npos) << line.text;
  }
  EXPECT_NE(read->text.find("in particular the work"), std::string::npos);
  EXPECT_NE(read->text.find("at its seventy-eighth session"), std::string::npos);
  ASSERT_FALSE(read->notes.empty());
  EXPECT_NE(read->notes[0].find("A/RES/79/243"), std::string::npos) << read->notes[0];
}

TEST(PdfReaderTest, OfficialPdfKeepsTheResolutionsOwnParagraphs) {
  const auto& read = OfficialPdf();
  ASSERT_TRUE(read.ok()) << read.status();
  const std::vector<Line> lines = LinesOf(read->text);
  const int annex = FindLine(lines, "Annex");
  ASSERT_GT(annex, 0);
  int previous = -1;
  for (int n = 1; n <= 12; ++n) {
    const int at = FindLine(lines, std::to_string(n) + ". ");
    EXPECT_GT(at, previous) << "paragraph " << n;
    EXPECT_LT(at, annex) << "paragraph " << n;
    previous = at;
  }
}

// Pages checked by eye with `pdftotext -f N -l N`.
TEST(PdfReaderTest, OfficialPdfCitesTheRightPages) {
  const auto& read = OfficialPdf();
  ASSERT_TRUE(read.ok()) << read.status();
  const std::vector<Line> lines = LinesOf(read->text);
  struct Expected {
    const char* line;
    int page;
  };
  const Expected cases[] = {
      {"1. Takes note", 2}, {"12. Decides", 3},      {"Annex", 3},       {"Preamble", 3},
      {"Chapter I", 5},     {"Article 1", 5},        {"Article 13.", 9}, {"Article 24", 15},
      {"Article 40", 23},   {"Chapter IX", 42},      {"Article 68", 45}, {"IN WITNESS WHEREOF", 45},
      {"__________", 45},   {"[1] It is noted", 45},
  };
  for (const Expected& c : cases) {
    const int at = FindLine(lines, c.line);
    ASSERT_GE(at, 0) << c.line;
    EXPECT_EQ(read->PageAt(lines[static_cast<std::size_t>(at)].begin), c.page) << c.line;
  }
  // A paragraph that runs over a page break is one block whose spans change page.
  const int across = FindLine(lines, "Strongly convinced also that");
  ASSERT_GE(across, 0);
  const Line& line = lines[static_cast<std::size_t>(across)];
  EXPECT_EQ(read->PageAt(line.begin), 1);
  EXPECT_EQ(read->PageAt(line.begin + line.text.size() - 1), 2);
  EXPECT_NE(line.text.find("Certain Crimes Committed by Means"), std::string::npos) << line.text;
}

double BestMilliseconds(int runs, const std::function<void()>& work) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    const auto end = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(end - start).count());
  }
  return best;
}

// Target: ReadPdf within 1.3x of pdftotext on the same file. Timing on a shared 2-core machine
// is noisy, so the test prints both and fails only at 3x (a quadratic pass would).
TEST(PdfReaderTest, OfficialPdfReadsAboutAsFastAsPdftotext) {
  const std::string bytes = ReadFileBytes(kCorpus / "A-RES-79-243.pdf");
  const double ours = BestMilliseconds(
      3, [&] { ASSERT_TRUE(ReadPdf("A-RES-79-243.pdf", bytes, ReadOptions{}).ok()); });
  if (std::system("command -v pdftotext > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "pdftotext not installed; ReadPdf took " << ours << " ms";
  }
  const std::filesystem::path out =
      std::filesystem::temp_directory_path() / ("tw_pdftotext_" + std::to_string(getpid()));
  const std::string command =
      "pdftotext '" + (kCorpus / "A-RES-79-243.pdf").string() + "' '" + out.string() + "'";
  const double reference = BestMilliseconds(3, [&] { ASSERT_EQ(std::system(command.c_str()), 0); });
  std::filesystem::remove(out);
  std::cout << "[ timing ] ReadPdf " << ours << " ms, pdftotext " << reference << " ms, ratio "
            << ours / reference << "\n";
  EXPECT_LT(ours, 3 * reference);
}

// Bad input: one clear line naming the file, no crash, nothing on stderr.
struct BadPdf {
  const char* name;
  std::string (*make)();
  absl::StatusCode code;
  const char* expect;
};

std::string EmptyBytes() { return ""; }
std::string Garbage() { return "%PDF-1.7\n1 0 obj\n<< /Type /Catalog garbage"; }
std::string NotAPdf() { return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16); }
std::string Truncated() { return ReadFileBytes(kCorpus / "A-RES-79-243.pdf").substr(0, 20000); }

// A standard-security /Encrypt dictionary whose /U does not match the empty password: poppler
// cannot open the file without the user password.
std::string Encrypted() {
  const std::string key(64, 'a');
  return "%PDF-1.4\n"
         "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
         "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
         "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n"
         "4 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <" +
         key + "> /U <" + key +
         "> /P -4 >>\nendobj\n"
         "trailer\n<< /Root 1 0 R /Size 5 /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef>"
         " <0123456789abcdef0123456789abcdef>] >>\n%%EOF\n";
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Two pages with a painted image and shapes but no text: what a scanner produces.
std::string ImageOnly() {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendBytes, &pdf, 595, 842);
  cairo_t* cr = cairo_create(surface);
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 64, 64);
  for (int page = 0; page < 2; ++page) {
    cairo_set_source_surface(cr, image, 100, 100);
    cairo_paint(cr);
    cairo_rectangle(cr, 90, 300, 400, 20);
    cairo_fill(cr);
    cairo_show_page(cr);
  }
  cairo_surface_destroy(image);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pdf;
}

void PrintTo(const BadPdf& bad, std::ostream* out) { *out << bad.name; }

class BadPdfTest : public ::testing::TestWithParam<BadPdf> {};

TEST_P(BadPdfTest, OneClearLineNamingTheFile) {
  const BadPdf& bad = GetParam();
  const std::string bytes = bad.make();
  ::testing::internal::CaptureStderr();
  const absl::StatusOr<doc::SourceText> read = ReadPdf(bad.name, bytes, ReadOptions{});
  const std::string stderr_output = ::testing::internal::GetCapturedStderr();
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), bad.code) << read.status();
  const std::string message(read.status().message());
  EXPECT_EQ(message.rfind(std::string(bad.name) + ": ", 0), 0u) << message;
  EXPECT_NE(message.find(bad.expect), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_EQ(stderr_output, "") << "poppler wrote to stderr";
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadPdfTest,
    ::testing::Values(
        BadPdf{"empty.pdf", EmptyBytes, absl::StatusCode::kInvalidArgument, "empty"},
        BadPdf{"garbage.pdf", Garbage, absl::StatusCode::kInvalidArgument, "not a readable PDF"},
        BadPdf{"picture.pdf", NotAPdf, absl::StatusCode::kInvalidArgument, "not a PDF"},
        BadPdf{"truncated.pdf", Truncated, absl::StatusCode::kInvalidArgument,
               "damaged or truncated"},
        BadPdf{"locked.pdf", Encrypted, absl::StatusCode::kPermissionDenied, "encrypted"},
        BadPdf{"scan.pdf", ImageOnly, absl::StatusCode::kFailedPrecondition,
               "no text layer; run OCR first"}),
    [](const auto& info) {
      std::string name = info.param.name;
      return name.substr(0, name.find('.'));
    });

// A page whose text is set at an angle (a landscape table printed sideways) reads in order.
std::string RotatedText(double degrees) {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendBytes, &pdf, 595, 842);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 10);
  cairo_translate(cr, 297, 421);
  cairo_rotate(cr, degrees * 3.14159265358979 / 180);
  const char* lines[] = {"Article 1", "The first paragraph of a page set sideways, which",
                         "wraps onto a second line here.", "Article 2", "Another paragraph."};
  for (int i = 0; i < 5; ++i) {
    cairo_move_to(cr, -200, -100 + 14 * i + (i >= 3 ? 10 : 0));
    cairo_show_text(cr, lines[i]);
  }
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pdf;
}

TEST(PdfReaderTest, ReadsTextSetAtAnAngle) {
  for (double degrees : {0.0, 90.0, 180.0, 270.0}) {
    const auto read = ReadPdf("rotated.pdf", RotatedText(degrees), ReadOptions{});
    ASSERT_TRUE(read.ok()) << read.status();
    EXPECT_EQ(read->text,
              "Article 1\nThe first paragraph of a page set sideways, which wraps onto a second "
              "line here.\nArticle 2\nAnother paragraph.")
        << degrees;
  }
}

TEST(PdfReaderTest, PageLimitIsEnforced) {
  std::string text;
  for (int i = 1; i <= 150; ++i) text += "Paragraph " + std::to_string(i) + " of some length.\n";
  const absl::StatusOr<std::string> pdf = tools::WriteUnStylePdf("many.txt", text, {});
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  ReadOptions options;
  options.limits.max_pdf_pages = 2;
  const auto read = ReadPdf("many.pdf", *pdf, options);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(read.status().message().find("many.pdf: the PDF has"), std::string::npos)
      << read.status();
  options.limits.max_pdf_pages = 100;
  EXPECT_TRUE(ReadPdf("many.pdf", *pdf, options).ok());
}

}  // namespace
}  // namespace tw::ingest
