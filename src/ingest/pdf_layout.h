// Page geometry for the PDF reader: poppler's text boxes -> words -> lines.
//
// poppler splits text into "words" by its own spacing rule, which is wrong for many Word-made
// PDFs: justified lines carry kerning pieces that poppler reports as words ("parti" "cular",
// "Secretary" "-General"). BuildPageLines glues boxes whose gap is far below a word space,
// groups words into rows by vertical overlap, and splits a row into separate lines where a gap
// is wider than any word space (a masthead "United Nations ... A/RES/79/243", a footer
// "2/46 ... 24-24621"). Superscripts (small, raised) become words of their own so that footnote
// marks can be recognised later.
//
// Font sizes are estimated from box heights: poppler-cpp only reports them with
// text_list_include_font, which costs ~40% more time than the rest of the extraction.
//
// Pure functions over values; thread-compatible.
#ifndef TREATYWATCH_INGEST_PDF_LAYOUT_H_
#define TREATYWATCH_INGEST_PDF_LAYOUT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tw::ingest {

// One text box as poppler reports it. Coordinates in points, origin top-left, y downwards.
struct PdfTextBox {
  std::string text;  // UTF-8, as extracted
  double left = 0, top = 0, right = 0, bottom = 0;
  // Offset of the box's text in the reader's decoded stream (see pdf_reader.cc).
  std::size_t source_offset = 0;
};

struct PdfPage {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<PdfTextBox> boxes;
};

// Where a piece of a word's text came from: `text_begin` is a byte offset into the word.
struct PieceSource {
  std::size_t text_begin = 0;
  std::size_t source_offset = 0;
};

struct LayoutWord {
  std::string text;  // cleaned: no ligature code points, no soft hyphens, no control characters
  std::size_t source_offset = 0;   // of the word's first box
  std::vector<PieceSource> glued;  // boxes glued on after the first, in order
  double left = 0, top = 0, right = 0, bottom = 0;
  bool superscript = false;
  bool space_before = true;      // false when it touches the previous word (e.g. a footnote mark)
  bool soft_hyphen_end = false;  // the box ended with U+00AD: a discretionary line-end break

  double Height() const { return bottom - top; }
  double Width() const { return right - left; }
};

// A run of words on one row with no gap wider than a word space.
struct LayoutLine {
  std::vector<LayoutWord> words;  // left to right, never empty
  double left = 0, top = 0, right = 0, bottom = 0;
  double height = 0;  // typical height of its non-superscript words
  int row = 0;        // lines of one row share it; rows count from the top of the page

  double Em() const;         // estimated font size
  std::string Text() const;  // words joined as they will be printed (for matching, tests)
};

struct PageLayout {
  int number = 0;
  double width = 0, height = 0;
  std::vector<LayoutLine> lines;  // by row, then left to right
};

// Glue and split thresholds in ems, measured on A/RES/79/243 (Word, Times 10pt): kerning
// gaps inside words reach 0.15 em, the narrowest real word space is 0.18 em; tab gaps after
// "(a)" are ~1.6 em, while the gaps between a header's columns are > 10 em.
inline constexpr double kGlueGapEm = 0.16;
inline constexpr double kColumnGapEm = 4.0;
// Box height over font size for common text fonts (Times 1.11, DejaVu 1.16).
inline constexpr double kBoxHeightPerEm = 1.13;

PageLayout BuildPageLines(const PdfPage& page);

// Cleans one box's text: ligatures expanded, no-break and odd spaces to ' ', controls and
// interior soft hyphens removed. Sets `soft_hyphen_end` when the text ended with U+00AD.
std::string CleanBoxText(std::string_view raw, bool* soft_hyphen_end);

// The words of a layout line (runs between spaces), as views into `text`.
std::vector<std::string_view> SplitOnSpaces(std::string_view text);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_PDF_LAYOUT_H_
