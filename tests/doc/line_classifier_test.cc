// What a single line is: headings in six languages, labels, formulae, plain text.
#include "doc/line_classifier.h"

#include <gtest/gtest.h>

#include <string>

namespace tw::doc {
namespace {

struct LineCase {
  std::string_view line;
  LineKind kind;
  std::string_view label;  // checked when the kind is not kText
  std::string_view num;
  int value;
  std::string_view rest;  // text after the label (heading or own text)
  bool rest_is_heading = false;
};

std::string_view Slice(std::string_view s, std::size_t b, std::size_t e) {
  return b <= e && e <= s.size() ? s.substr(b, e - b) : std::string_view("<bad range>");
}

class LineClassifierTest : public ::testing::TestWithParam<LineCase> {};

TEST_P(LineClassifierTest, Classifies) {
  const LineCase& c = GetParam();
  const LineInfo info = ClassifyLine(c.line);
  ASSERT_EQ(static_cast<int>(info.kind), static_cast<int>(c.kind)) << c.line;
  if (c.kind == LineKind::kText || c.kind == LineKind::kDash || c.kind == LineKind::kClosing ||
      c.kind == LineKind::kMeeting || c.kind == LineKind::kEnacting) {
    return;
  }
  EXPECT_EQ(Slice(c.line, info.label_begin, info.label_end), c.label) << c.line;
  EXPECT_EQ(Slice(c.line, info.num_begin, info.num_end), c.num) << c.line;
  if (c.kind != LineKind::kLabelled) {
    EXPECT_EQ(info.value, c.value) << c.line;
  }
  EXPECT_EQ(c.line.substr(std::min(info.rest, c.line.size())), c.rest) << c.line;
  EXPECT_EQ(info.rest_is_heading, c.rest_is_heading) << c.line;
}

INSTANTIATE_TEST_SUITE_P(
    Headings, LineClassifierTest,
    ::testing::Values(
        LineCase{"Article 5", LineKind::kArticle, "Article 5", "5", 5, ""},
        LineCase{"Article 5 bis", LineKind::kArticle, "Article 5 bis", "5 bis", 5, ""},
        LineCase{"Article 13.", LineKind::kArticle, "Article 13.", "13", 13, ""},
        LineCase{"[Article 5]", LineKind::kArticle, "Article 5", "5", 5, ""},
        LineCase{"[Article 12", LineKind::kArticle, "Article 12", "12", 12, ""},
        LineCase{"Article 5. Criminalisation", LineKind::kArticle, "Article 5.", "5", 5,
                 "Criminalisation", true},
        LineCase{"Article 5 – Use of terms", LineKind::kArticle, "Article 5", "5", 5,
                 "Use of terms", true},
        LineCase{"Article 5: Scope", LineKind::kArticle, "Article 5", "5", 5, "Scope", true},
        LineCase{"Article 5. Each State Party shall adopt such measures.", LineKind::kArticle,
                 "Article 5.", "5", 5, "Each State Party shall adopt such measures.", false},
        LineCase{"Art. 7", LineKind::kArticle, "Art. 7", "7", 7, ""},
        LineCase{"ARTICLE 9", LineKind::kArticle, "ARTICLE 9", "9", 9, ""},
        LineCase{"Article premier", LineKind::kArticle, "Article premier", "premier", 1, ""},
        LineCase{"Article 2 (proposed)", LineKind::kArticle, "Article 2 (proposed)", "2", 2, ""},
        LineCase{"Artículo 5", LineKind::kArticle, "Artículo 5", "5", 5, ""},
        LineCase{"Статья 5", LineKind::kArticle, "Статья 5", "5", 5, ""},
        LineCase{"第五条", LineKind::kArticle, "第五条", "五", 5, ""},
        LineCase{"第5条", LineKind::kArticle, "第5条", "5", 5, ""},
        LineCase{"第六十八条", LineKind::kArticle, "第六十八条", "六十八", 68, ""},
        LineCase{"المادة 5", LineKind::kArticle, "المادة 5", "5", 5, ""},
        LineCase{"المادة ٥", LineKind::kArticle, "المادة ٥", "٥", 5, ""},
        LineCase{"Articles 23 and 35, with regard to the term “investigation”",
                 LineKind::kArticleGroup, "Articles 23 and 35", "23 and 35", 23,
                 "with regard to the term “investigation”", true},
        LineCase{"Chapter I", LineKind::kChapter, "Chapter I", "I", 1, ""},
        LineCase{"CHAPTER II", LineKind::kChapter, "CHAPTER II", "II", 2, ""},
        LineCase{"Chapter I – Use of terms", LineKind::kChapter, "Chapter I", "I", 1,
                 "Use of terms", true},
        LineCase{"Capítulo IV", LineKind::kChapter, "Capítulo IV", "IV", 4, ""},
        LineCase{"Глава 2", LineKind::kChapter, "Глава 2", "2", 2, ""},
        LineCase{"第三章", LineKind::kChapter, "第三章", "三", 3, ""},
        LineCase{"الفصل الأول", LineKind::kChapter, "الفصل الأول", "الأول", 1, ""},
        LineCase{"SECTION 1", LineKind::kSection, "SECTION 1", "1", 1, ""},
        LineCase{"TITLE 1", LineKind::kTitle, "TITLE 1", "1", 1, ""},
        LineCase{"Part One", LineKind::kPart, "Part One", "One", 1, ""},
        LineCase{"PART III", LineKind::kPart, "PART III", "III", 3, ""},
        LineCase{"Annex", LineKind::kAnnex, "Annex", "", 0, ""},
        LineCase{"Annex II", LineKind::kAnnex, "Annex II", "II", 2, ""},
        LineCase{"ANNEX", LineKind::kAnnex, "ANNEX", "", 0, ""},
        LineCase{"Preamble", LineKind::kPreambleHeading, "Preamble", "", 0, ""},
        LineCase{"Préambule", LineKind::kPreambleHeading, "Préambule", "", 0, ""},
        LineCase{"序言", LineKind::kPreambleHeading, "序言", "", 0, ""},
        LineCase{"Option 1", LineKind::kOption, "Option 1", "1", 1, ""},
        LineCase{"[Option 2", LineKind::kOption, "Option 2", "2", 2, ""},
        LineCase{"Alt. 1", LineKind::kOption, "Alt. 1", "1", 1, ""},
        LineCase{"Alternative 2", LineKind::kOption, "Alternative 2", "2", 2, ""},
        LineCase{"Option A: Delete the article.", LineKind::kOption, "Option A", "A", 1,
                 "Delete the article."}));

INSTANTIATE_TEST_SUITE_P(
    Labels, LineClassifierTest,
    ::testing::Values(LineCase{"1.", LineKind::kNumbered, "1.", "1", 1, ""},
                      LineCase{"1. Each State Party", LineKind::kNumbered, "1.", "1", 1,
                               "Each State Party"},
                      LineCase{"1 bis. Each State Party", LineKind::kNumbered, "1 bis.", "1 bis", 1,
                               "Each State Party"},
                      LineCase{"12. Decides", LineKind::kNumbered, "12.", "12", 12, "Decides"},
                      LineCase{"[2. Text]", LineKind::kNumbered, "2.", "2", 2, "Text]"},
                      LineCase{"(a) Text", LineKind::kLabelled, "(a)", "a", 0, "Text"},
                      LineCase{"a) text", LineKind::kLabelled, "a)", "a", 0, "text"},
                      LineCase{"(ii) Text", LineKind::kLabelled, "(ii)", "ii", 0, "Text"},
                      LineCase{"i) text", LineKind::kLabelled, "i)", "i", 0, "text"},
                      LineCase{"(aa) Text", LineKind::kLabelled, "(aa)", "aa", 0, "Text"},
                      LineCase{"(a) (i) Text", LineKind::kLabelled, "(a)", "a", 0, "(i) Text"}));

INSTANTIATE_TEST_SUITE_P(
    Plain, LineClassifierTest,
    ::testing::Values(
        LineCase{"Article 5 applies to all offences.", LineKind::kText, "", "", 0, ""},
        LineCase{"Part of the text", LineKind::kText, "", "", 0, ""},
        LineCase{"Annex to resolution 79/243", LineKind::kText, "", "", 0, ""},
        LineCase{"2024. A year", LineKind::kText, "", "", 0, ""},
        LineCase{"(see above) text", LineKind::kText, "", "", 0, ""},
        LineCase{"1.5 per cent", LineKind::kText, "", "", 0, ""},
        LineCase{"Option 1 is preferred by my delegation.", LineKind::kText, "", "", 0, ""},
        LineCase{"– the European Convention", LineKind::kDash, "", "", 0, ""},
        LineCase{"IN WITNESS WHEREOF, the undersigned", LineKind::kClosing, "", "", 0, ""},
        LineCase{"DONE at Budapest, this 23rd day", LineKind::kClosing, "", "", 0, ""},
        LineCase{"55th (resumed) plenary meeting 24 December 2024", LineKind::kMeeting, "", "", 0,
                 ""},
        LineCase{"Have agreed as follows:", LineKind::kEnacting, "", "", 0, ""},
        LineCase{"Han convenido en lo siguiente:", LineKind::kEnacting, "", "", 0, ""}));

TEST(LineClassifierFlags, TitlesOpenersAndResolutionNumbers) {
  EXPECT_TRUE(ClassifyLine("The States Parties to the present Convention,").opener_like);
  EXPECT_TRUE(ClassifyLine("The General Assembly,").opener_like);
  EXPECT_TRUE(ClassifyLine("The member States of the Council of Europe and the other States "
                           "signatory hereto,")
                  .opener_like);
  EXPECT_FALSE(ClassifyLine("The purposes of this Convention are to:").opener_like);
  EXPECT_TRUE(
      ClassifyLine("79/243. United Nations Convention against Cybercrime;").resolution_number);
  EXPECT_TRUE(ClassifyLine("United Nations Convention against Cybercrime;").title_like);
  EXPECT_FALSE(ClassifyLine("Each State Party shall adopt such measures.").title_like);
  EXPECT_TRUE(ClassifyLine("Use of terms").heading_like);
  EXPECT_FALSE(ClassifyLine("For the purposes of this Convention:").heading_like);
  EXPECT_FALSE(ClassifyLine("shall apply mutatis mutandis").heading_like);
  EXPECT_TRUE(ClassifyLine("Article 5(2)").structural_looking);
  EXPECT_FALSE(ClassifyLine("Articles of association are filed.").structural_looking);
}

TEST(Footnotes, SeparatorAndBodies) {
  EXPECT_TRUE(IsFootnoteSeparator("__________"));
  EXPECT_TRUE(IsFootnoteSeparator("_____"));
  EXPECT_FALSE(IsFootnoteSeparator("____"));
  EXPECT_FALSE(IsFootnoteSeparator("___ text ___"));
  std::size_t body = 0;
  EXPECT_EQ(FootnoteBodyNumber("[12] See A/74/130.", &body), 12);
  EXPECT_EQ(body, 5u);
  EXPECT_EQ(FootnoteBodyNumber("[a] not a footnote", &body), 0);
  EXPECT_EQ(FootnoteBodyNumber("Text [1]", &body), 0);
}

}  // namespace
}  // namespace tw::doc
