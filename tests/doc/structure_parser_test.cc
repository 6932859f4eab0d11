// The structure parser on synthetic texts: one test (or one table) per pattern a treaty lawyer
// meets in drafts, final texts and resolutions.
#include "doc/structure_parser.h"

#include <gtest/gtest.h>

#include "parse_fixture.h"

namespace tw::doc {
namespace {

using testing::AllOfKind;
using testing::AncestorOfKind;
using testing::At;
using testing::ChildPaths;
using testing::MatteringWarnings;
using testing::ParseText;
using testing::ReferencesFrom;
using testing::SourceFromText;

using Paths = std::vector<std::string>;

bool HasWarning(const ParsedStructure& parsed, std::string_view fragment, bool matters) {
  for (const ParseWarning& w : parsed.warnings) {
    if (w.matters == matters && w.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

std::string BracketText(const ParsedStructure& parsed, const SourceText& source,
                        const BracketSpan& span) {
  (void)parsed;
  return source.text.substr(span.begin, span.end - span.begin);
}

// ---- articles, headings, numbering --------------------------------------------------------------

constexpr std::string_view kNumbering = R"(Article 1
Use of terms
For the purposes of this Convention:
(a) "Computer system" means any device;
(b) "Computer data" means any representation of facts;
(c) "Service provider" means:
(i) any public or private entity that provides communication; and
(ii) any other entity that stores data;
(d) "Traffic data" means data about a communication;
(e) "Content data" means the content of a communication;
(f) "Subscriber information" means data held by a provider;
(g) "Child" means any person under the age of 18;
(h) "Property" means assets of every kind;
(i) "Proceeds of crime" means property derived from an offence;
(j) "Freezing" means temporarily prohibiting transfer.
Article 5 bis
Jurisdiction
1. Each State Party shall establish its jurisdiction over the offences.
2. Each State Party may also establish its jurisdiction when:
(a) the offence is committed against a national; or
(b) the offence is committed by a stateless person.
Article 6. Respect for human rights
States Parties shall ensure that the implementation of their obligations is consistent with human rights.
)";

TEST(StructureParser, ArticlesPointsAndSubpoints) {
  const ParsedStructure parsed = ParseText(kNumbering);
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kArticle), (Paths{"art1", "art5bis", "art6"}));
  const Provision& art1 = At(parsed, "art1");
  EXPECT_EQ(art1.label, "Article 1");
  EXPECT_EQ(art1.num, "1");
  EXPECT_EQ(art1.heading, "Use of terms");
  EXPECT_EQ(art1.text, "For the purposes of this Convention:");
  EXPECT_EQ(ChildPaths(art1, ProvisionKind::kPoint),
            (Paths{"art1.a", "art1.b", "art1.c", "art1.d", "art1.e", "art1.f", "art1.g", "art1.h",
                   "art1.i", "art1.j"}));
  EXPECT_EQ(ChildPaths(At(parsed, "art1.c"), ProvisionKind::kSubpoint),
            (Paths{"art1.c.i", "art1.c.ii"}));
  EXPECT_EQ(At(parsed, "art1.c").text, "\"Service provider\" means:");
  EXPECT_EQ(At(parsed, "art1.c.i").label, "(i)");
  EXPECT_EQ(At(parsed, "art1.i").kind, ProvisionKind::kPoint);
  EXPECT_EQ(At(parsed, "art1.i").text,
            "\"Proceeds of crime\" means property derived from an offence;");
  const Provision& art5bis = At(parsed, "art5bis");
  EXPECT_EQ(art5bis.num, "5 bis");
  EXPECT_EQ(art5bis.heading, "Jurisdiction");
  EXPECT_EQ(ChildPaths(art5bis, ProvisionKind::kParagraph), (Paths{"art5bis.p1", "art5bis.p2"}));
  EXPECT_EQ(At(parsed, "art5bis.p1").label, "1.");
  EXPECT_EQ(At(parsed, "art5bis.p1").text,
            "Each State Party shall establish its jurisdiction over the offences.");
  EXPECT_EQ(ChildPaths(At(parsed, "art5bis.p2"), ProvisionKind::kPoint),
            (Paths{"art5bis.p2.a", "art5bis.p2.b"}));
  EXPECT_EQ(At(parsed, "art6").label, "Article 6.");
  EXPECT_EQ(At(parsed, "art6").heading, "Respect for human rights");
  // Articles 2 to 4 are missing, which a reader must be told.
  EXPECT_EQ(MatteringWarnings(parsed), "line 16: article numbering jumps from 1 to 5\n");
}

struct HeadingCase {
  const char* name;
  std::string_view text;
  std::string path;
  std::string label;
  std::string num;
  std::string heading;
  std::string own_text;
};

class ArticleHeadingTest : public ::testing::TestWithParam<HeadingCase> {};

TEST_P(ArticleHeadingTest, ReadsLabelNumberHeadingAndText) {
  const HeadingCase& c = GetParam();
  const ParsedStructure parsed = ParseText(c.text);
  const Provision& article = At(parsed, c.path);
  EXPECT_EQ(article.kind, ProvisionKind::kArticle);
  EXPECT_EQ(article.label, c.label);
  EXPECT_EQ(article.num, c.num);
  EXPECT_EQ(article.heading, c.heading);
  EXPECT_EQ(article.text, c.own_text);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, ArticleHeadingTest,
    ::testing::Values(
        HeadingCase{"plain", "Article 5\nCriminalisation\nText.", "art5", "Article 5", "5",
                    "Criminalisation", "Text."},
        HeadingCase{"full_stop", "Article 13.\nTheft or fraud\nText.", "art13", "Article 13.", "13",
                    "Theft or fraud", "Text."},
        HeadingCase{"same_line_stop", "Article 5. Criminalisation\nText.", "art5", "Article 5.",
                    "5", "Criminalisation", "Text."},
        HeadingCase{"same_line_dash", "Article 5 – Title\nText.", "art5", "Article 5", "5", "Title",
                    "Text."},
        HeadingCase{"same_line_colon", "Article 5: Title\nText.", "art5", "Article 5", "5", "Title",
                    "Text."},
        HeadingCase{"abbreviated", "Art. 5\nTitle\nText.", "art5", "Art. 5", "5", "Title", "Text."},
        HeadingCase{"bis", "Article 5 bis\nTitle\nText.", "art5bis", "Article 5 bis", "5 bis",
                    "Title", "Text."},
        HeadingCase{"bracketed", "[Article 5]\nTitle\nText.", "art5", "Article 5", "5", "Title",
                    "Text."},
        HeadingCase{"next_line_is_text_when_it_ends_with_a_stop",
                    "Article 5\nEach State Party shall act.", "art5", "Article 5", "5", "",
                    "Each State Party shall act."},
        HeadingCase{"next_line_is_not_a_heading_when_structural", "Article 5\n1. Text.", "art5",
                    "Article 5", "5", "", ""},
        HeadingCase{"text_on_the_heading_line", "Article 5. Each State Party shall act.", "art5",
                    "Article 5.", "5", "", "Each State Party shall act."},
        HeadingCase{"spanish", "Artículo 1\nFinalidad\nTexto.", "art1", "Artículo 1", "1",
                    "Finalidad", "Texto."},
        HeadingCase{"french", "Article premier\nObjet\nTexte.", "art1", "Article premier",
                    "premier", "Objet", "Texte."},
        HeadingCase{"russian", "Статья 1\nЦели\nТекст.", "art1", "Статья 1", "1", "Цели", "Текст."},
        HeadingCase{"chinese", "第五条\n宗旨\n本公约的宗旨是促进合作。", "art5", "第五条", "五",
                    "宗旨", "本公约的宗旨是促进合作。"},
        HeadingCase{"chinese_digits", "第5条\n宗旨\n文本。", "art5", "第5条", "5", "宗旨",
                    "文本。"},
        HeadingCase{"arabic", "المادة 1\nبيان الغرض\nنص.", "art1", "المادة 1", "1", "بيان الغرض",
                    "نص."},
        HeadingCase{"arabic_indic_digits", "المادة ١٢\nبيان الغرض\nنص.", "art12", "المادة ١٢", "١٢",
                    "بيان الغرض", "نص."}),
    [](const ::testing::TestParamInfo<HeadingCase>& info) { return std::string(info.param.name); });

TEST(StructureParser, DivisionsNest) {
  const ParsedStructure parsed = ParseText(R"(Part One
General
Chapter I – Use of terms
Article 1
Definitions
Text.
CHAPTER II
MEASURES TO BE TAKEN AT THE NATIONAL LEVEL
SECTION 1
SUBSTANTIVE CRIMINAL LAW
TITLE 1
OFFENCES AGAINST COMPUTER DATA
Article 2
Illegal access
Text.
TITLE 2
COMPUTER-RELATED OFFENCES
Article 3
Forgery
Text.
SECTION 2
PROCEDURAL LAW
Article 4
Scope
Text.
Part Two
Final provisions
Chapter III
Final clauses
Article 5
Signature
Text.
)");
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kPart), (Paths{"part1", "part2"}));
  EXPECT_EQ(At(parsed, "part1").heading, "General");
  EXPECT_EQ(At(parsed, "part1").num, "One");
  EXPECT_EQ(ChildPaths(At(parsed, "part1"), ProvisionKind::kChapter), (Paths{"ch1", "ch2"}));
  EXPECT_EQ(At(parsed, "ch1").heading, "Use of terms");
  EXPECT_EQ(At(parsed, "ch2").heading, "MEASURES TO BE TAKEN AT THE NATIONAL LEVEL");
  EXPECT_EQ(ChildPaths(At(parsed, "ch2"), ProvisionKind::kSection),
            (Paths{"ch2.sec1", "ch2.sec2"}));
  EXPECT_EQ(ChildPaths(At(parsed, "ch2.sec1"), ProvisionKind::kTitle),
            (Paths{"ch2.sec1.title1", "ch2.sec1.title2"}));
  EXPECT_EQ(AncestorOfKind(parsed.root, "art2", ProvisionKind::kTitle), "ch2.sec1.title1");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art3", ProvisionKind::kTitle), "ch2.sec1.title2");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art4", ProvisionKind::kSection), "ch2.sec2");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art4", ProvisionKind::kTitle), "");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art5", ProvisionKind::kPart), "part2");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art5", ProvisionKind::kChapter), "ch3");
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(StructureParser, ChineseAndArabicDivisions) {
  const ParsedStructure parsed = ParseText(
      "第一章\n总则\n第一条\n宗旨\n文本。\n第二章\n刑事定罪\n第二条\n"
      "非法访问\n文本。");
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kChapter), (Paths{"ch1", "ch2"}));
  EXPECT_EQ(At(parsed, "ch2").heading, "刑事定罪");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art2", ProvisionKind::kChapter), "ch2");
  const ParsedStructure arabic = ParseText("الفصل الأول\nأحكام عامة\nالمادة 1\nبيان الغرض\nنص.");
  EXPECT_EQ(At(arabic, "ch1").heading, "أحكام عامة");
  EXPECT_EQ(AncestorOfKind(arabic.root, "art1", ProvisionKind::kChapter), "ch1");
}

// ---- preamble, title, closing, footnotes -----------------------------------------------------

constexpr std::string_view kConvention = R"(Draft Convention on Cooperation
Zero draft prepared by the Chair
Preamble
The States Parties to the present Convention,
Bearing in mind the purposes and principles of the Charter,
[Reaffirming the principles of sovereign equality,]
Have agreed as follows:
Chapter I
General provisions
Article 1
Statement of purpose
The purposes of this Convention are to promote cooperation.[1]
Article 2
Depositary
The Secretary-General is the depositary.
IN WITNESS WHEREOF, the undersigned have signed this Convention.
DONE at New York, in a single copy.
__________
[1] Delegations did not agree on this paragraph.
[2] A second note, cited nowhere.
)";

TEST(StructureParser, TitlePreambleClosingAndFootnotes) {
  const SourceText source = SourceFromText(kConvention);
  const ParsedStructure parsed = ParseStructure(source);
  EXPECT_EQ(parsed.root.heading, "Draft Convention on Cooperation");
  EXPECT_EQ(parsed.root.text, "Zero draft prepared by the Chair");
  const Provision& preamble = At(parsed, "preamble");
  EXPECT_EQ(preamble.label, "Preamble");
  EXPECT_EQ(preamble.text,
            "The States Parties to the present Convention,\nHave agreed as follows:");
  EXPECT_EQ(ChildPaths(preamble, ProvisionKind::kUnnumbered),
            (Paths{"preamble.u1", "preamble.u2"}));
  EXPECT_EQ(At(parsed, "preamble.u2").text, "[Reaffirming the principles of sovereign equality,]");
  ASSERT_EQ(At(parsed, "preamble.u2").brackets.size(), 1u);
  EXPECT_EQ(At(parsed, "art1").text,
            "The purposes of this Convention are to promote cooperation.[1]");
  EXPECT_TRUE(At(parsed, "art1").brackets.empty()) << "a footnote marker is not disputed text";
  const Provision& closing = At(parsed, "closing");
  EXPECT_EQ(closing.kind, ProvisionKind::kClosing);
  EXPECT_EQ(closing.text,
            "IN WITNESS WHEREOF, the undersigned have signed this Convention.\n"
            "DONE at New York, in a single copy.");
  EXPECT_EQ(At(parsed, "art2").text, "The Secretary-General is the depositary.");
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kFootnote), (Paths{"fn1", "fn2"}));
  EXPECT_EQ(At(parsed, "fn1").text, "Delegations did not agree on this paragraph.");
  EXPECT_EQ(At(parsed, "fn1").label, "[1]");
  EXPECT_EQ(At(parsed, "fn1").num, "1");
  EXPECT_TRUE(HasWarning(parsed, "footnote 2 is not cited", false));
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(StructureParser, PreambleWithoutHeadingStartsAtItsOpeningWords) {
  const ParsedStructure parsed = ParseText(R"(Convention on Cybercrime
The member States of the Council of Europe and the other States signatory hereto,
Considering that the aim of the Council of Europe is to achieve a greater unity;
Have agreed as follows:
Article 1
Definitions
Text.
)");
  const Provision& preamble = At(parsed, "preamble");
  EXPECT_EQ(preamble.label, "");
  EXPECT_EQ(ChildPaths(preamble, ProvisionKind::kUnnumbered), (Paths{"preamble.u1"}));
  EXPECT_EQ(parsed.root.heading, "Convention on Cybercrime");
}

// ---- resolutions and annexes -----------------------------------------------------------------

constexpr std::string_view kResolution = R"(United Nations A/RES/79/243
Resolution adopted by the General Assembly on 24 December 2024
[on the report of the Third Committee (A/79/460, para. 15)]
79/243. United Nations Convention against Cybercrime;
Strengthening International Cooperation
The General Assembly,
Recalling its resolution 74/247,
Expressing its appreciation to the Government of Viet Nam,
1. Takes note of the report;
2. Adopts the Convention annexed to the present resolution;
3. Decides that the account referred to in article 2 of the Convention will be operated;
4. Requests the Secretary-General to support the work pursuant to paragraphs 2 and 3 above;
55th (resumed) plenary meeting 24 December 2024
Annex
United Nations Convention against Cybercrime;
Strengthening International Cooperation
Preamble
The States Parties to the present Convention,
Bearing in mind the purposes of the Charter,
Have agreed as follows:
Chapter I
General provisions
Article 1
Statement of purpose
The purposes of this Convention are to promote cooperation, as provided in article 2.
Article 2
Use of terms
1. For the purposes of this Convention, terms have the meaning in paragraph 2 of this article.
2. Terms are defined here.
IN WITNESS WHEREOF, the undersigned have signed this Convention.[1]
Annex
Interpretative notes on specific articles of the Convention
Article 2
1. The definition in article 2 of the convention includes entities.
Article 1
2. The purposes in article 2 are broad.
__________
[1] Interpretative notes on article 2 of this Convention were annexed.
)";

TEST(StructureParser, ResolutionOperativeParagraphsAndAnnexes) {
  const SourceText source = SourceFromText(kResolution);
  const ParsedStructure parsed = ParseStructure(source);
  EXPECT_EQ(parsed.root.num, "79/243");
  EXPECT_EQ(parsed.root.heading,
            "United Nations Convention against Cybercrime; Strengthening International "
            "Cooperation");
  EXPECT_EQ(ChildPaths(At(parsed, "preamble"), ProvisionKind::kUnnumbered),
            (Paths{"preamble.u1", "preamble.u2"}));
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kParagraph), (Paths{"p1", "p2", "p3", "p4"}));
  EXPECT_EQ(At(parsed, "closing").text, "55th (resumed) plenary meeting 24 December 2024");
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kAnnex), (Paths{"annex", "annex2"}));
  const Provision& annex = At(parsed, "annex");
  EXPECT_EQ(annex.heading,
            "United Nations Convention against Cybercrime; Strengthening International "
            "Cooperation");
  EXPECT_EQ(ChildPaths(annex, ProvisionKind::kPreamble), (Paths{"annex.preamble"}));
  EXPECT_EQ(ChildPaths(annex, ProvisionKind::kChapter), (Paths{"annex.ch1"}));
  EXPECT_EQ(ChildPaths(At(parsed, "annex.ch1"), ProvisionKind::kArticle),
            (Paths{"annex.art1", "annex.art2"}));
  EXPECT_EQ(At(parsed, "annex.closing").kind, ProvisionKind::kClosing);
  // The footnote belongs to the annex whose text cites it.
  EXPECT_EQ(ChildPaths(annex, ProvisionKind::kFootnote), (Paths{"annex.fn1"}));
  EXPECT_EQ(At(parsed, "annex2").heading,
            "Interpretative notes on specific articles of the Convention");
  EXPECT_EQ(At(parsed, "annex2.art2.p1").kind, ProvisionKind::kParagraph);

  // References resolve within their annex, and a resolution's "the Convention" is the annex.
  auto targets = [&](std::string_view from, std::string_view words) {
    const auto refs = ReferencesFrom(parsed, from, words);
    return refs.size() == 1 ? refs[0]->targets : Paths{"<" + std::to_string(refs.size()) + ">"};
  };
  EXPECT_EQ(targets("p3", "article 2 of the Convention"), (Paths{"annex.art2"}));
  EXPECT_EQ(targets("p4", "paragraphs 2 and 3 above"), (Paths{"p2", "p3"}));
  EXPECT_EQ(targets("annex.art1", "article 2"), (Paths{"annex.art2"}));
  EXPECT_EQ(targets("annex.art2.p1", "paragraph 2 of this article"), (Paths{"annex.art2.p2"}));
  EXPECT_EQ(targets("annex.fn1", "article 2 of this Convention"), (Paths{"annex.art2"}));
  EXPECT_EQ(targets("annex2.art2.p1", "article 2 of the convention"), (Paths{"annex.art2"}));
  // Notes numbered through their article headings annotate the convention beside them.
  EXPECT_EQ(targets("annex2.art1.p2", "article 2"), (Paths{"annex.art2"}));
  EXPECT_EQ(MatteringWarnings(parsed), "");
  // Front matter is editorial: its brackets are not disputed text.
  const std::size_t body = source.text.find("The General Assembly,");
  for (const BracketSpan& span : parsed.root.brackets) {
    EXPECT_GT(span.begin, body) << "front matter bracket recorded";
  }
}

// ---- paragraphs, points and unnumbered text --------------------------------------------------

TEST(StructureParser, RomanOrLetterByContext) {
  const ParsedStructure parsed = ParseText(R"(Article 1
Terms
1. For this Convention:
(a) "A" means:
(i) one; and
(ii) two;
(iii) three;
(iv) four;
(v) five;
(b) "B" means b;
(c) "C" means c;
(d) "D";
(e) "E";
(f) "F";
(g) "G";
(h) "H" means:
(i) first; or
(ii) second;
(i) "I" means i;
(j) "J" means j.
)");
  EXPECT_EQ(ChildPaths(At(parsed, "art1.p1.a"), ProvisionKind::kSubpoint),
            (Paths{"art1.p1.a.i", "art1.p1.a.ii", "art1.p1.a.iii", "art1.p1.a.iv", "art1.p1.a.v"}));
  EXPECT_EQ(ChildPaths(At(parsed, "art1.p1.h"), ProvisionKind::kSubpoint),
            (Paths{"art1.p1.h.i", "art1.p1.h.ii"}));
  EXPECT_EQ(At(parsed, "art1.p1.i").kind, ProvisionKind::kPoint);
  EXPECT_EQ(At(parsed, "art1.p1.i").text, "\"I\" means i;");
  EXPECT_EQ(ChildPaths(At(parsed, "art1.p1"), ProvisionKind::kPoint).size(), 10u);
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(StructureParser, DoubledLettersAndHalfParenthesisLabels) {
  std::string text = "Article 1\nTerms\nFor this Convention:\n";
  for (char c = 'a'; c <= 'z'; ++c) text += std::string(1, c) + ") term;\n";
  text += "aa) term;\nbb) term;\n";
  const ParsedStructure parsed = ParseText(text);
  const Paths points = ChildPaths(At(parsed, "art1"), ProvisionKind::kPoint);
  ASSERT_EQ(points.size(), 28u);
  EXPECT_EQ(points[8], "art1.i");
  EXPECT_EQ(points[21], "art1.v");
  EXPECT_EQ(points[23], "art1.x");
  EXPECT_EQ(points[26], "art1.aa");
  EXPECT_EQ(At(parsed, "art1.aa").label, "aa)");
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(StructureParser, RomanListDirectlyUnderAParagraph) {
  const ParsedStructure parsed =
      ParseText("Article 1\nTerms\n1. Each State Party shall:\n(i) act;\n(ii) report.\n");
  EXPECT_EQ(ChildPaths(At(parsed, "art1.p1"), ProvisionKind::kSubpoint),
            (Paths{"art1.p1.i", "art1.p1.ii"}));
}

TEST(StructureParser, StackedLabelsOnOneLine) {
  const ParsedStructure parsed = ParseText(R"(Article 23
Scope
3. (a) Each State Party may reserve the right:
(i) to act; and
(ii) to report;
(b) Where a State Party cannot act.
4. [(a) Disputed point.]
)");
  EXPECT_EQ(At(parsed, "art23.p3").text, "");
  EXPECT_EQ(At(parsed, "art23.p3.a").text, "Each State Party may reserve the right:");
  EXPECT_EQ(ChildPaths(At(parsed, "art23.p3.a"), ProvisionKind::kSubpoint),
            (Paths{"art23.p3.a.i", "art23.p3.a.ii"}));
  EXPECT_EQ(At(parsed, "art23.p3.b").kind, ProvisionKind::kPoint);
  EXPECT_EQ(At(parsed, "art23.p4.a").text, "[Disputed point.]");
}

TEST(StructureParser, UnnumberedTextChapeauAndFlushText) {
  const ParsedStructure parsed = ParseText(R"(Article 7
Illegal access
Each State Party shall criminalize, when committed intentionally:
(a) access; or
(b) interception,
if the conduct is without right.
A State Party may require dishonest intent.
Article 8
Effects
1. This Convention supplements:
– the European Convention on Extradition;
– the European Convention on Mutual Assistance.
2. Nothing affects other rights.
)");
  EXPECT_EQ(At(parsed, "art7").text,
            "Each State Party shall criminalize, when committed intentionally:");
  EXPECT_EQ(ChildPaths(At(parsed, "art7"), ProvisionKind::kUnnumbered),
            (Paths{"art7.u1", "art7.u2"}));
  EXPECT_EQ(At(parsed, "art7.u1").text, "if the conduct is without right.");
  EXPECT_EQ(At(parsed, "art8.p1").text,
            "This Convention supplements:\n– the European Convention on Extradition;\n"
            "– the European Convention on Mutual Assistance.");
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(StructureParser, ParagraphNumberingBisRestartsAndGaps) {
  const ParsedStructure parsed = ParseText(R"(Article 1
Scope
1. One.
1 bis. One bis.
2. Two.
4. Four.
1. One again.
Article 2
Scope
Text.
Article 4
Scope
Text.
Article 4
Scope again
Text.
)");
  EXPECT_EQ(ChildPaths(At(parsed, "art1"), ProvisionKind::kParagraph),
            (Paths{"art1.p1", "art1.p1bis", "art1.p2", "art1.p4", "art1.p1-2"}));
  EXPECT_EQ(At(parsed, "art1.p1bis").num, "1 bis");
  EXPECT_TRUE(HasWarning(parsed, "paragraph numbering jumps from 2 to 4", true));
  EXPECT_TRUE(HasWarning(parsed, "paragraph numbering restarts at 1 after 4", true));
  EXPECT_TRUE(HasWarning(parsed, "article numbering jumps from 2 to 4", true));
  EXPECT_TRUE(HasWarning(parsed, "article 4 appears twice", true));
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kArticle),
            (Paths{"art1", "art2", "art4", "art4-2"}));
  for (const ParseWarning& w : parsed.warnings) {
    if (w.message.find("restarts") != std::string::npos) {
      EXPECT_EQ(w.line, 7);
    }
  }
}

// ---- options and brackets ----------------------------------------------------------------------

TEST(StructureParser, OptionsInsideAnArticle) {
  const ParsedStructure parsed = ParseText(R"(Article 5
Illegal access
Option 1
1. Each State Party shall criminalize access.
2. A State Party may require intent.
[Option 2
Each State Party shall criminalize access with dishonest intent.]
Alt. 3: Delete the article.
Article 6
Interception
Text.
)");
  EXPECT_EQ(ChildPaths(At(parsed, "art5"), ProvisionKind::kOption),
            (Paths{"art5.opt1", "art5.opt2", "art5.opt3"}));
  EXPECT_EQ(ChildPaths(At(parsed, "art5.opt1"), ProvisionKind::kParagraph),
            (Paths{"art5.opt1.p1", "art5.opt1.p2"}));
  EXPECT_EQ(At(parsed, "art5.opt2").label, "Option 2");
  EXPECT_EQ(At(parsed, "art5.opt2").text,
            "Each State Party shall criminalize access with dishonest intent.]");
  ASSERT_EQ(At(parsed, "art5.opt2").brackets.size(), 1u);
  EXPECT_EQ(At(parsed, "art5.opt3").text, "Delete the article.");
  EXPECT_EQ(At(parsed, "art6").text, "Text.");
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(StructureParser, OptionsAroundWholeArticles) {
  const ParsedStructure parsed = ParseText(R"(Article 4
Scope
Text.
Option 1
Article 5
Illegal access
Text one.
Option 2
Article 5
Illegal access
Text two.
Article 6
Interception
Text.
)");
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kOption), (Paths{"opt1", "opt2"}));
  EXPECT_EQ(ChildPaths(At(parsed, "opt1"), ProvisionKind::kArticle), (Paths{"opt1.art5"}));
  EXPECT_EQ(ChildPaths(At(parsed, "opt2"), ProvisionKind::kArticle), (Paths{"opt2.art5"}));
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kArticle), (Paths{"art4", "art6"}));
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(StructureParser, BracketsNestCrossLinesAndWrapWholeArticles) {
  const SourceText source = SourceFromText(R"(Article 3
Scope of application
1. This Convention shall apply to [[serious] crime].
2. [This Convention applies to evidence
3. of any offence.]
[Article 4
Dissemination of false information
Each State Party shall consider establishing the offence.]
Article 5
Illegal access
Text.
)");
  const ParsedStructure parsed = ParseStructure(source);
  const Provision& p1 = At(parsed, "art3.p1");
  ASSERT_EQ(p1.brackets.size(), 2u);
  EXPECT_EQ(BracketText(parsed, source, p1.brackets[0]), "[[serious] crime]");
  EXPECT_EQ(p1.brackets[0].depth, 1);
  EXPECT_EQ(BracketText(parsed, source, p1.brackets[1]), "[serious]");
  EXPECT_EQ(p1.brackets[1].depth, 2);
  // A span across two paragraphs belongs to both, and to their article.
  ASSERT_EQ(At(parsed, "art3.p2").brackets.size(), 1u);
  ASSERT_EQ(At(parsed, "art3.p3").brackets.size(), 1u);
  EXPECT_EQ(At(parsed, "art3.p2").brackets[0].begin, At(parsed, "art3.p3").brackets[0].begin);
  EXPECT_EQ(At(parsed, "art3").brackets.size(), 3u);
  // "[Article 4 ... ]": the whole article is disputed.
  const Provision& art4 = At(parsed, "art4");
  EXPECT_EQ(art4.heading, "Dissemination of false information");
  ASSERT_EQ(art4.brackets.size(), 1u);
  EXPECT_EQ(art4.brackets[0].begin, art4.begin);
  EXPECT_EQ(art4.brackets[0].end, art4.end);
  EXPECT_TRUE(At(parsed, "art5").brackets.empty());
  EXPECT_EQ(parsed.root.brackets.size(), 4u);
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(StructureParser, UnbalancedBracketsWarnWithTheirLine) {
  const ParsedStructure parsed = ParseText("Article 1\nScope\n1. Text [open.\n2. Text] closed].\n");
  ASSERT_EQ(At(parsed, "art1.p1").brackets.size(), 1u);
  bool found = false;
  for (const ParseWarning& w : parsed.warnings) {
    if (w.message.find("closes no open bracket") != std::string::npos) {
      found = true;
      EXPECT_EQ(w.line, 4);
      EXPECT_TRUE(w.matters);
    }
  }
  EXPECT_TRUE(found) << MatteringWarnings(parsed);
}

// ---- cross-references --------------------------------------------------------------------------

TEST(StructureParser, CrossReferencesResolveToPaths) {
  const ParsedStructure parsed = ParseText(R"(Article 1
Criminalization
Each State Party shall establish the offences set forth in articles 2 to 4.
Article 2
Illegal access
1. Each State Party shall criminalize illegal access.
2. A State Party may require that the offence in paragraph 1 of this article be committed with dishonest intent.
Article 3
Illegal interception
Interception shall be criminalized, subject to article 5 and paragraph 2 of article 2.
Article 4
Data interference
Data interference shall be criminalized, see article 99.
Article 5
Conditions and safeguards
The powers in articles 2, 3 and 4 are subject to article 17 of the International Covenant on Civil and Political Rights.
)");
  struct Expected {
    std::string from;
    std::string text;
    Paths targets;
    std::string instrument;
  };
  const std::vector<Expected> expected = {
      {"art1", "articles 2 to 4", {"art2", "art3", "art4"}, ""},
      {"art2.p2", "paragraph 1 of this article", {"art2.p1"}, ""},
      {"art3", "article 5", {"art5"}, ""},
      {"art3", "paragraph 2 of article 2", {"art2.p2"}, ""},
      {"art4", "article 99", {}, ""},
      {"art5", "articles 2, 3 and 4", {"art2", "art3", "art4"}, ""},
      {"art5",
       "article 17 of the International Covenant on Civil and Political Rights",
       {"art17"},
       "International Covenant on Civil and Political Rights"},
  };
  ASSERT_EQ(parsed.references.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const CrossReference& r = parsed.references[i];
    EXPECT_EQ(r.from_path, expected[i].from) << i;
    EXPECT_EQ(r.text, expected[i].text) << i;
    EXPECT_EQ(r.targets, expected[i].targets) << i;
    EXPECT_EQ(r.instrument, expected[i].instrument) << i;
  }
  EXPECT_TRUE(HasWarning(parsed, "'article 99' names art99", false));
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

// ---- offsets and pages -------------------------------------------------------------------------

TEST(StructureParser, RangesNestAndPagesComeFromSpans) {
  SourceText source = SourceFromText(kConvention);
  // Pretend the text came from two pages, the second starting at "Article 2".
  const std::size_t page2 = source.text.find("Article 2");
  source.spans = {{0, 0, 1}, {page2, page2, 2}};
  source.page_count = 2;
  const ParsedStructure parsed = ParseStructure(source);
  EXPECT_EQ(parsed.root.begin, 0u);
  EXPECT_EQ(parsed.root.end, source.text.size());
  EXPECT_EQ(At(parsed, "art1").page_first, 1);
  EXPECT_EQ(At(parsed, "art1").page_last, 1);
  EXPECT_EQ(At(parsed, "art2").page_first, 2);
  EXPECT_EQ(At(parsed, "ch1").page_first, 1);
  EXPECT_EQ(At(parsed, "ch1").page_last, 2);
  const Provision& art1 = At(parsed, "art1");
  EXPECT_EQ(source.text.substr(art1.begin, 9), "Article 1");
  EXPECT_EQ(source.text.substr(art1.end - 4, 4), ".[1]");
  VisitProvisions(parsed.root, [&](const Provision& p, int) {
    for (const Provision& c : p.children) {
      EXPECT_LE(p.begin, c.begin) << c.path;
      EXPECT_GE(p.end, c.end) << c.path;
    }
  });
}

TEST(StructureParser, EmptyAndStructurelessTexts) {
  const ParsedStructure empty = ParseText("");
  EXPECT_TRUE(empty.root.children.empty());
  EXPECT_EQ(empty.root.end, 0u);
  const ParsedStructure statement = ParseText(
      "Statement by Norway\nThank you, Chair. We support article 5.\nWe oppose article 12.");
  EXPECT_EQ(statement.root.heading, "Statement by Norway");
  EXPECT_EQ(ChildPaths(statement.root, ProvisionKind::kUnnumbered), (Paths{"u1", "u2"}));
  ASSERT_EQ(statement.references.size(), 2u);
  EXPECT_TRUE(statement.references[0].targets.empty());
  EXPECT_EQ(MatteringWarnings(statement), "");
}

TEST(StructureParser, NotesOnArticlesNumberParagraphsThroughTheText) {
  const ParsedStructure parsed = ParseText(R"(Interpretative notes on specific articles
Article 2
1. A note.
2. Another note.
Article 17
3. A note on article 17.
Articles 23 and 35, with regard to the term “investigation”
4. A note on two articles.
Article 35
5. A last note.
)");
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kArticle),
            (Paths{"art2", "art17", "art23_35", "art35"}));
  EXPECT_EQ(At(parsed, "art23_35").num, "23 and 35");
  EXPECT_EQ(At(parsed, "art23_35").heading, "with regard to the term “investigation”");
  EXPECT_EQ(At(parsed, "art17.p3").num, "3");
  EXPECT_EQ(MatteringWarnings(parsed), "");
  EXPECT_TRUE(HasWarning(parsed, "paragraphs are numbered through the text", false));
}

TEST(StructureParser, ExcerptsOfProposedArticlesMayStartAnywhere) {
  const ParsedStructure parsed = ParseText(R"(Proposal submitted by Brazil
Article 2 (proposed)
Use of terms
Add the following new subparagraph after subparagraph (g):
(h) “Serious crime” shall mean conduct punishable by four years;
Article 24 (proposed)
Preservation
Replace paragraph 2 with the following:
2. Where a State Party gives effect to paragraph 1 of this article.
)");
  EXPECT_EQ(At(parsed, "art2").label, "Article 2 (proposed)");
  EXPECT_EQ(At(parsed, "art2.h").kind, ProvisionKind::kPoint);
  EXPECT_EQ(At(parsed, "art24.p2").kind, ProvisionKind::kParagraph);
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(StructureParser, StructuralLookingLinesWarn) {
  const ParsedStructure parsed = ParseText("Article 1\nScope\nText.\nArticle 5(2)\nMore text.");
  EXPECT_TRUE(HasWarning(parsed, "looks like a heading", true));
}

}  // namespace
}  // namespace tw::doc
