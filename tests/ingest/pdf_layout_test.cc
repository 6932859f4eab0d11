// Unit tests of the PDF reader's layout stages on hand-made boxes: word gluing, rows,
// superscripts, furniture patterns, hyphenation decisions, headings and list markers.
#include "ingest/pdf_layout.h"

#include <gtest/gtest.h>

#include "ingest/layout_footnotes.h"
#include "ingest/layout_hyphenation.h"
#include "ingest/layout_paragraphs.h"
#include "ingest/layout_running_text.h"

namespace tw::ingest {
namespace {

// A box of 10 pt Times-like text (box height 11) on the baseline row starting at `top`.
PdfTextBox Box(std::string text, double left, double right, double top = 100, double height = 11) {
  return PdfTextBox{std::move(text), left, top, right, top + height, 0};
}

PdfPage PageOf(std::vector<PdfTextBox> boxes, double height = 792) {
  PdfPage page;
  page.number = 1;
  page.width = 612;
  page.height = height;
  std::size_t offset = 0;
  for (PdfTextBox& box : boxes) {
    box.source_offset = offset;
    offset += box.text.size() + 1;
  }
  page.boxes = std::move(boxes);
  return page;
}

TEST(PdfLayoutTest, GluesKerningPiecesAndKeepsWordSpaces) {
  // "parti" "cular" 1.06 pt apart (0.1 em), then a 5.9 pt word space: as in A/RES/79/243.
  const PageLayout layout =
      BuildPageLines(PageOf({Box("in", 365.45, 373.42), Box("parti", 379.33, 398.85),
                             Box("cular", 399.91, 421.07), Box("the", 426.96, 439.76)}));
  ASSERT_EQ(layout.lines.size(), 1u);
  EXPECT_EQ(layout.lines[0].Text(), "in particular the");
  // The glued word remembers where its second piece came from.
  const LayoutWord& word = layout.lines[0].words[1];
  ASSERT_EQ(word.glued.size(), 1u);
  EXPECT_EQ(word.glued[0].text_begin, 5u);
  EXPECT_EQ(word.glued[0].source_offset, 9u);  // "in " + "parti " before it
}

TEST(PdfLayoutTest, SplitsRowsAtColumnGaps) {
  const PageLayout layout =
      BuildPageLines(PageOf({Box("2/46", 60, 80, 750, 7), Box("24-24621", 524, 552, 750, 7)}));
  ASSERT_EQ(layout.lines.size(), 2u);
  EXPECT_EQ(layout.lines[0].Text(), "2/46");
  EXPECT_EQ(layout.lines[1].Text(), "24-24621");
  EXPECT_EQ(layout.lines[0].row, layout.lines[1].row);
}

TEST(PdfLayoutTest, OrdersRowsTopToBottomWhateverTheBoxOrder) {
  const PageLayout layout = BuildPageLines(PageOf(
      {Box("second", 100, 130, 112), Box("first", 100, 125, 100), Box("line", 133, 150, 100)}));
  ASSERT_EQ(layout.lines.size(), 2u);
  EXPECT_EQ(layout.lines[0].Text(), "first line");
  EXPECT_EQ(layout.lines[1].Text(), "second");
}

TEST(PdfLayoutTest, MarksRaisedSmallBoxesAsSuperscripts) {
  // "Convention." then a 6.5 pt "1" raised above the baseline, as in A/RES/79/243 p. 45.
  const PageLayout layout =
      BuildPageLines(PageOf({Box("signed", 373.2, 400.8, 438.08, 11.02),
                             Box("Convention.", 422.39, 474.69, 438.08, 11.02),
                             PdfTextBox{"1", 475.42, 439.04, 478.66, 444.88, 0}}));
  ASSERT_EQ(layout.lines.size(), 1u);
  const LayoutLine& line = layout.lines[0];
  ASSERT_EQ(line.words.size(), 3u);
  EXPECT_TRUE(line.words[2].superscript);
  EXPECT_FALSE(line.words[2].space_before);
  EXPECT_FALSE(line.words[1].superscript);
  EXPECT_NEAR(line.height, 11.02, 0.01);
}

TEST(PdfLayoutTest, CleansBoxText) {
  struct Case {
    const char* raw;
    const char* clean;
    bool soft_end;
  };
  const Case cases[] = {
      {"plain", "plain", false},
      {"\xEF\xAC\x81nal", "final", false},  // U+FB01 ligature
      {"article\xC2\xA0"
       "17",
       "article 17", false},                          // no-break space
      {"infor\xC2\xADmation", "information", false},  // interior soft hyphen
      {"informa\xC2\xAD", "informa", true},           // soft hyphen at the end
      {"tab\there", "tab here", false},
      {"zero\xE2\x80\x8Bwidth", "zerowidth", false},
      {"bad\xFF", "bad\xEF\xBF\xBD", false},  // malformed byte -> U+FFFD
  };
  for (const Case& c : cases) {
    bool soft = false;
    EXPECT_EQ(CleanBoxText(c.raw, &soft), c.clean) << c.raw;
    EXPECT_EQ(soft, c.soft_end) << c.raw;
  }
}

TEST(RunningTextTest, RecognisesFurnitureTokens) {
  struct Case {
    const char* text;
    bool furniture;
  };
  const Case cases[] = {
      {"A/RES/79/243", true},
      {"A/AC.291/22/Rev.1", true},
      {"CTOC/COP/2020/3", true},
      {"E/CN.15/2024/L.3", true},
      {"24-24621", true},
      {"24-24621 (E)", true},
      {"V.23-12345", true},
      {"*2424621*", true},
      {"(E)", true},
      {"3/46", true},
      {"12", true},
      {"- 3 -", true},
      {"\xE2\x80\x93 3 \xE2\x80\x93", true},
      {"Page 3", true},
      {"Page 3 of 46", true},
      {"iv", true},
      {"United Nations", false},
      {"Article 5", false},
      {"3.", false},
      {"31 December 2024", false},
      {"Page three", false},
      {"and/or", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsFurnitureText(c.text), c.furniture) << c.text;
}

// Pages with a running title and symbol at the top, a page number and job number at the
// bottom, and one body line; page 1 has the symbol beside a masthead.
std::vector<PageLayout> FurnishedPages(int count) {
  std::vector<PageLayout> pages;
  for (int p = 1; p <= count; ++p) {
    std::vector<PdfTextBox> boxes;
    if (p == 1) {
      boxes = {Box("United", 123, 160, 45, 15), Box("Nations", 164, 206, 45, 15),
               Box("A/RES/79/243", 482, 552, 40, 20)};
    } else {
      boxes = {Box("Convention", 300, 350, 24, 8), Box("against", 353, 380, 24, 8),
               Box("Cybercrime", 383, 420, 24, 8), Box("A/RES/79/243", 60, 110, 33, 10)};
    }
    boxes.push_back(Box("Article", 123, 160, 300));
    boxes.push_back(Box(std::to_string(p), 163, 170, 300));
    boxes.push_back(Box(std::to_string(p) + "/" + std::to_string(count), 60, 80, 750, 7));
    boxes.push_back(Box("24-24621", 524, 552, 750, 7));
    PdfPage page = PageOf(std::move(boxes));
    page.number = p;
    pages.push_back(BuildPageLines(page));
  }
  return pages;
}

TEST(RunningTextTest, RemovesHeadersFootersAndMasthead) {
  std::vector<PageLayout> pages = FurnishedPages(4);
  const std::vector<std::string> notes = RemoveRunningText(pages);
  for (const PageLayout& page : pages) {
    ASSERT_EQ(page.lines.size(), 1u) << "page " << page.number;
    EXPECT_EQ(page.lines[0].Text(), "Article " + std::to_string(page.number));
  }
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("A/RES/79/243"), std::string::npos) << notes[0];
}

TEST(RunningTextTest, TwoPagesAreEnoughWhenTheTitleSitsBesideTheSymbol) {
  std::vector<PageLayout> pages = FurnishedPages(2);
  RemoveRunningText(pages);
  EXPECT_EQ(pages[1].lines.size(), 1u);
}

TEST(FootnotesTest, SplitsTheAreaBelowTheSeparator) {
  PdfPage page =
      PageOf({Box("Body", 123, 150, 300), Box("text.", 153, 170, 300),
              Box("__________________", 100, 170, 680, 7),
              PdfTextBox{"1", 117, 694.25, 119.8, 699.2, 0}, Box("It", 123.4, 128.9, 693.4, 9.4),
              Box("is", 131.5, 137.6, 693.4, 9.4), Box("noted.", 140.4, 160.7, 693.4, 9.4)});
  std::vector<PageLayout> pages = {BuildPageLines(page)};
  const std::vector<std::vector<LayoutLine>> areas = SplitFootnoteAreas(pages);
  ASSERT_EQ(pages[0].lines.size(), 1u);
  EXPECT_EQ(pages[0].lines[0].Text(), "Body text.");
  ASSERT_EQ(areas[0].size(), 1u);
  EXPECT_EQ(FootnoteLabelAt(areas[0][0], true), "1");
  EXPECT_TRUE(IsFootnoteSeparatorText("__________"));
  EXPECT_FALSE(IsFootnoteSeparatorText("___"));
  EXPECT_FALSE(IsFootnoteSeparatorText("Article_5"));
}

TEST(HyphenationTest, DecidesWithTheDocumentAsDictionary) {
  HyphenationVocabulary vocabulary;
  for (const char* word : {"money-laundering", "information", "seventy", "particular,",
                           "“capacity-building”", "cybercrime"}) {
    vocabulary.AddWord(word);
  }
  struct Case {
    const char* before;
    const char* after;
    bool soft;
    HyphenJoin expected;
  };
  const Case cases[] = {
      {"money-", "laundering,", false, HyphenJoin::kKeepHyphen},  // compound seen elsewhere
      {"(capacity-", "building)", false, HyphenJoin::kKeepHyphen},
      {"informa-", "tion", false, HyphenJoin::kDropHyphen},  // joined word seen elsewhere
      {"parti-", "cular", false, HyphenJoin::kDropHyphen},
      {"Secretary-", "General", false, HyphenJoin::kKeepHyphen},  // capital after the break
      {"1990-", "1995", false, HyphenJoin::kKeepHyphen},
      {"seventy-", "eighth", false, HyphenJoin::kKeepHyphen},     // a part is a word
      {"extrater-", "ritorial", false, HyphenJoin::kDropHyphen},  // neither part is a word
      {"seventy-", "eighth", true, HyphenJoin::kDropHyphen},      // soft hyphen in the PDF
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DecideHyphenJoin(c.before, c.after, c.soft, vocabulary), c.expected)
        << c.before << c.after;
  }
  EXPECT_TRUE(EndsWithBreakHyphen("money-"));
  EXPECT_FALSE(EndsWithBreakHyphen("-"));
  EXPECT_FALSE(EndsWithBreakHyphen("rights"));
  EXPECT_EQ(WordCore("“Capacity-Building”,"), "capacity-building");
}

TEST(ParagraphsTest, HeadingsAndListMarkers) {
  for (const char* heading : {"Article 5", "Article 13.", "Chapter IV", "Annex", "Annex II",
                              "Preamble", "Part 2", "Section 3", "TITLE 1", "Article 5 bis"}) {
    EXPECT_TRUE(IsHeadingLineText(heading)) << heading;
  }
  for (const char* text : {"Article", "Article 5 shall apply", "article 5", "Chapter one",
                           "Statement of purpose", "Annex to the report"}) {
    EXPECT_FALSE(IsHeadingLineText(text)) << text;
  }
  for (const char* marker : {"(a)", "(iv)", "(12)", "1.", "12.", "a)", "\xE2\x80\xA2"}) {
    EXPECT_TRUE(IsListMarker(marker)) << marker;
  }
  for (const char* word : {"a", "(abc)", "1990.", "Article", "(A/79/460,"}) {
    EXPECT_FALSE(IsListMarker(word)) << word;
  }
}

}  // namespace
}  // namespace tw::ingest
