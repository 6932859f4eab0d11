// The structure parser on the real texts of the shared corpus (TW_CORPUS_DIR): the facts the
// corpus README lists, headings checked against a simple independent reading of the file, and
// no warning that matters on any corpus document.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "doc/structure_parser.h"
#include "parse_fixture.h"

namespace tw::doc {
namespace {

using testing::AllOfKind;
using testing::AncestorOfKind;
using testing::At;
using testing::ChildPaths;
using testing::MatteringWarnings;
using testing::ParseText;
using testing::ReadCorpusFile;
using testing::ReferencesFrom;

using Paths = std::vector<std::string>;

// The non-blank, trimmed lines of a file: the reference reading the assertions compare with.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

// "Article N" (or "Article N.") lines and the line after each: number -> heading.
std::map<int, std::string> ArticleHeadingsInFile(const std::string& text) {
  std::map<int, std::string> out;
  const std::vector<std::string> lines = Lines(text);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind("Article ", 0) != 0) continue;
    std::string number = line.substr(8);
    if (!number.empty() && number.back() == '.') number.pop_back();
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos) continue;
    out[std::stoi(number)] = lines[i + 1];
  }
  return out;
}

int OperativeParagraphsInFile(const std::string& text) {
  int count = 0;
  for (const std::string& line : Lines(text)) {
    const std::size_t dot = line.find(". ");
    if (dot > 0 && dot <= 2 && line.find_first_not_of("0123456789") == dot) ++count;
  }
  return count;
}

Paths Targets(const ParsedStructure& parsed, std::string_view from, std::string_view words) {
  const auto refs = ReferencesFrom(parsed, from, words);
  if (refs.size() != 1) return {"<" + std::to_string(refs.size()) + " references>"};
  return refs[0]->targets;
}

TEST(UnConvention, PreambleChaptersArticlesAndHeadings) {
  const std::string file = ReadCorpusFile("un-cybercrime-convention-2024.txt");
  const ParsedStructure parsed = ParseText(file);
  EXPECT_EQ(parsed.root.heading.rfind("United Nations Convention against Cybercrime; "
                                      "Strengthening International Cooperation",
                                      0),
            0u);
  const Provision& preamble = At(parsed, "preamble");
  EXPECT_EQ(preamble.label, "Preamble");
  EXPECT_EQ(preamble.text.rfind("The States Parties to the present Convention,", 0), 0u);
  EXPECT_EQ(ChildPaths(preamble, ProvisionKind::kUnnumbered).size(), 15u);

  const Paths chapters = ChildPaths(parsed.root, ProvisionKind::kChapter);
  EXPECT_EQ(chapters, (Paths{"ch1", "ch2", "ch3", "ch4", "ch5", "ch6", "ch7", "ch8", "ch9"}));
  EXPECT_EQ(At(parsed, "ch1").heading, "General provisions");

  const std::vector<const Provision*> articles = AllOfKind(parsed.root, ProvisionKind::kArticle);
  ASSERT_EQ(articles.size(), 68u);
  const std::map<int, std::string> headings = ArticleHeadingsInFile(file);
  ASSERT_EQ(headings.size(), 68u);
  for (int n = 1; n <= 68; ++n) {
    const Provision& article = *articles[static_cast<std::size_t>(n - 1)];
    EXPECT_EQ(article.path, "art" + std::to_string(n));
    EXPECT_EQ(article.num, std::to_string(n));
    EXPECT_EQ(article.heading, headings.at(n)) << article.path;
    EXPECT_NE(AncestorOfKind(parsed.root, article.path, ProvisionKind::kChapter), "")
        << article.path << " is outside every chapter";
  }
  EXPECT_EQ(At(parsed, "art6").heading, "Respect for human rights");
  EXPECT_EQ(At(parsed, "art24").heading, "Conditions and safeguards");
  EXPECT_EQ(At(parsed, "art13").label, "Article 13.");
  EXPECT_EQ(At(parsed, "art13").num, "13");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art24", ProvisionKind::kChapter), "ch4");
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(UnConvention, PointsSubpointsClosingAndFootnote) {
  const ParsedStructure parsed = ParseText(ReadCorpusFile("un-cybercrime-convention-2024.txt"));
  Paths expected_points;
  for (char c = 'a'; c <= 'o'; ++c) expected_points.push_back(std::string("art2.") + c);
  EXPECT_EQ(ChildPaths(At(parsed, "art2"), ProvisionKind::kPoint), expected_points);
  EXPECT_EQ(At(parsed, "art2").text, "For the purposes of this Convention:");
  EXPECT_EQ(ChildPaths(At(parsed, "art2.e"), ProvisionKind::kSubpoint),
            (Paths{"art2.e.i", "art2.e.ii"}));
  EXPECT_EQ(ChildPaths(At(parsed, "art2.f"), ProvisionKind::kSubpoint),
            (Paths{"art2.f.i", "art2.f.ii", "art2.f.iii"}));
  EXPECT_EQ(At(parsed, "art2.i").kind, ProvisionKind::kPoint);
  EXPECT_EQ(At(parsed, "art2.i").text.rfind("“Property” shall mean", 0), 0u);
  // "(a) (i) The conversion ...": two labels on one line.
  EXPECT_EQ(At(parsed, "art17.p1.a.i").text.rfind("The conversion or transfer", 0), 0u);
  EXPECT_EQ(At(parsed, "art23.p3.b.ii").kind, ProvisionKind::kSubpoint);
  // Chapeau text of an article without numbered paragraphs is the article's own text.
  EXPECT_EQ(ChildPaths(At(parsed, "art13"), ProvisionKind::kPoint),
            (Paths{"art13.a", "art13.b", "art13.c"}));

  const Provision& closing = At(parsed, "closing");
  EXPECT_EQ(closing.text.rfind("IN WITNESS WHEREOF", 0), 0u);
  EXPECT_EQ(At(parsed, "art68").text.find("IN WITNESS"), std::string::npos);
  EXPECT_EQ(At(parsed, "art68.p2").text.find("IN WITNESS"), std::string::npos);
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kFootnote), (Paths{"fn1"}));
  EXPECT_EQ(At(parsed, "fn1").text.rfind("It is noted that interpretative notes", 0), 0u);
  EXPECT_NE(closing.text.find("[1]"), std::string::npos) << "the marker stays in the text";
  EXPECT_TRUE(parsed.root.brackets.empty()) << "the final text has no disputed brackets";
}

TEST(UnConvention, CrossReferencesResolve) {
  const ParsedStructure parsed = ParseText(ReadCorpusFile("un-cybercrime-convention-2024.txt"));
  EXPECT_EQ(Targets(parsed, "art17.p2.a", "articles 7 to 16 of this Convention"),
            (Paths{"art7", "art8", "art9", "art10", "art11", "art12", "art13", "art14", "art15",
                   "art16"}));
  EXPECT_EQ(Targets(parsed, "art9.p2", "paragraph 1 of this article"), (Paths{"art9.p1"}));
  EXPECT_EQ(Targets(parsed, "art24.p5", "paragraph 2 of this article"), (Paths{"art24.p2"}));
  EXPECT_EQ(Targets(parsed, "art14.p4.b", "paragraph 2 (a) to (c) of this article"),
            (Paths{"art14.p2.a", "art14.p2.b", "art14.p2.c"}));
  EXPECT_EQ(Targets(parsed, "art14.p1.d", "subparagraphs (a) to (c) of this paragraph"),
            (Paths{"art14.p1.a", "art14.p1.b", "art14.p1.c"}));
  EXPECT_EQ(Targets(parsed, "art17.p2.c", "subparagraph (b) of this paragraph"),
            (Paths{"art17.p2.b"}));
  EXPECT_EQ(Targets(parsed, "art22.p3", "article 37, paragraph 11, of this Convention"),
            (Paths{"art37.p11"}));
  EXPECT_EQ(Targets(parsed, "art11.p3", "paragraph 1 (a) (ii) of this article"),
            (Paths{"art11.p1.a.ii"}));
  EXPECT_EQ(Targets(parsed, "fn1", "articles 2, 17, 23 and 35 of this Convention"),
            (Paths{"art2", "art17", "art23", "art35"}));
  EXPECT_GT(parsed.references.size(), 100u);
  for (const CrossReference& r : parsed.references) {
    EXPECT_FALSE(r.targets.empty()) << r.from_path << ": '" << r.text << "'";
    EXPECT_EQ(r.instrument, "") << r.text;
    for (const std::string& t : r.targets) {
      EXPECT_NE(FindProvision(parsed.root, t), nullptr) << r.text << " -> " << t;
    }
  }
}

TEST(BudapestConvention, ChaptersSectionsTitlesAndArticles) {
  const ParsedStructure parsed = ParseText(ReadCorpusFile("budapest-convention-ets185.txt"));
  EXPECT_EQ(parsed.root.heading, "Convention on Cybercrime");
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kChapter), (Paths{"ch1", "ch2", "ch3", "ch4"}));
  EXPECT_EQ(ChildPaths(At(parsed, "ch2"), ProvisionKind::kSection),
            (Paths{"ch2.sec1", "ch2.sec2", "ch2.sec3"}));
  EXPECT_EQ(ChildPaths(At(parsed, "ch3"), ProvisionKind::kSection),
            (Paths{"ch3.sec1", "ch3.sec2"}));
  EXPECT_EQ(At(parsed, "ch2.sec1.title1").heading,
            "OFFENCES AGAINST THE CONFIDENTIALITY, INTEGRITY AND AVAILABILITY OF COMPUTER DATA "
            "AND SYSTEMS");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art2", ProvisionKind::kTitle), "ch2.sec1.title1");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art16", ProvisionKind::kTitle), "ch2.sec2.title2");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art22", ProvisionKind::kSection), "ch2.sec3");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art22", ProvisionKind::kTitle), "");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art36", ProvisionKind::kChapter), "ch4");
  EXPECT_EQ(AncestorOfKind(parsed.root, "art36", ProvisionKind::kSection), "");

  const std::vector<const Provision*> articles = AllOfKind(parsed.root, ProvisionKind::kArticle);
  ASSERT_EQ(articles.size(), 48u);
  const std::map<int, std::string> headings =
      ArticleHeadingsInFile(ReadCorpusFile("budapest-convention-ets185.txt"));
  for (int n = 1; n <= 48; ++n) {
    EXPECT_EQ(articles[static_cast<std::size_t>(n - 1)]->path, "art" + std::to_string(n));
    EXPECT_EQ(articles[static_cast<std::size_t>(n - 1)]->heading, headings.at(n));
  }
  EXPECT_EQ(At(parsed, "art15").heading, "Conditions and safeguards");

  EXPECT_EQ(ChildPaths(At(parsed, "art1"), ProvisionKind::kPoint),
            (Paths{"art1.a", "art1.b", "art1.c", "art1.d"}));
  EXPECT_EQ(At(parsed, "art1.a").label, "a)");
  EXPECT_EQ(ChildPaths(At(parsed, "art1.c"), ProvisionKind::kSubpoint),
            (Paths{"art1.c.i", "art1.c.ii"}));
  EXPECT_EQ(At(parsed, "art1.c.i").label, "(i)");
  // "3." alone on its line, its points below.
  EXPECT_EQ(At(parsed, "art14.p3").text, "");
  EXPECT_EQ(ChildPaths(At(parsed, "art14.p3"), ProvisionKind::kPoint),
            (Paths{"art14.p3.a", "art14.p3.b"}));
  EXPECT_EQ(At(parsed, "preamble").text.rfind("The member States of the Council of Europe", 0), 0u);
  EXPECT_NE(At(parsed, "closing").text.find("DONE at Budapest"), std::string::npos);
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(BudapestConvention, PowersAreSubjectToArticles14And15) {
  const ParsedStructure parsed = ParseText(ReadCorpusFile("budapest-convention-ets185.txt"));
  for (int n = 16; n <= 21; ++n) {
    const std::string article = "art" + std::to_string(n);
    bool found = false;
    for (const CrossReference& r : parsed.references) {
      if (r.from_path.rfind(article + ".", 0) != 0 || r.text != "Articles 14 and 15") continue;
      found = true;
      EXPECT_EQ(r.targets, (Paths{"art14", "art15"})) << r.from_path;
      EXPECT_NE(FindProvision(parsed.root, r.from_path)
                    ->text.find("shall be subject to Articles 14 and 15"),
                std::string::npos);
    }
    EXPECT_TRUE(found) << article << " has no reference to Articles 14 and 15";
  }
  EXPECT_EQ(Targets(parsed, "art14.p2.a", "Articles 2 through 11 of this Convention").size(), 10u);
  EXPECT_EQ(Targets(parsed, "art40",
                    "Articles 2, 3, 6, paragraph 1.b, 7, 9 paragraph 3, and 27, "
                    "paragraph 9.e"),
            (Paths{"art2", "art3", "art6.p1.b", "art7", "art9.p3", "art27.p9.e"}));
}

TEST(BudapestProtocol, SixteenArticlesAndReferencesToTheConvention) {
  const ParsedStructure parsed =
      ParseText(ReadCorpusFile("budapest-additional-protocol-ets189.txt"));
  EXPECT_EQ(AllOfKind(parsed.root, ProvisionKind::kArticle).size(), 16u);
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kChapter).size(), 4u);
  EXPECT_EQ(At(parsed, "preamble").label, "");
  EXPECT_FALSE(ChildPaths(At(parsed, "preamble"), ProvisionKind::kUnnumbered).empty());
  const auto refs = ReferencesFrom(parsed, "art8.p1");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0]->instrument, "Convention");
  EXPECT_EQ(refs[0]->targets.size(), 8u);
  EXPECT_EQ(Targets(parsed, "art8.p2", "Articles 2 to 7 of this Protocol"),
            (Paths{"art2", "art3", "art4", "art5", "art6", "art7"}));
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

TEST(GeneralAssemblyResolutions, OperativeParagraphs) {
  struct Case {
    std::string file;
    std::string number;
    std::size_t operative;
    std::size_t footnotes;
  };
  for (const Case& c : {Case{"unga-resolution-74-247.txt", "74/247", 6, 5},
                        Case{"unga-resolution-79-243.txt", "79/243", 12, 0}}) {
    SCOPED_TRACE(c.file);
    const std::string file = ReadCorpusFile(c.file);
    const ParsedStructure parsed = ParseText(file);
    EXPECT_EQ(parsed.root.num, c.number);
    const Paths paragraphs = ChildPaths(parsed.root, ProvisionKind::kParagraph);
    EXPECT_EQ(paragraphs.size(), c.operative);
    EXPECT_EQ(paragraphs.size(), static_cast<std::size_t>(OperativeParagraphsInFile(file)));
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
      EXPECT_EQ(paragraphs[i], "p" + std::to_string(i + 1));
    }
    EXPECT_EQ(At(parsed, "preamble").text, "The General Assembly,");
    EXPECT_NE(At(parsed, "closing").text.find("plenary meeting"), std::string::npos);
    EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kFootnote).size(), c.footnotes);
    EXPECT_TRUE(AllOfKind(parsed.root, ProvisionKind::kArticle).empty());
    EXPECT_EQ(MatteringWarnings(parsed), "");
  }
  const ParsedStructure parsed = ParseText(ReadCorpusFile("unga-resolution-79-243.txt"));
  EXPECT_EQ(Targets(parsed, "p10", "paragraphs 5 and 6 above"), (Paths{"p5", "p6"}));
  const auto refs = ReferencesFrom(parsed, "p4", "article 56 of the Convention");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0]->instrument, "Convention");
  EXPECT_EQ(refs[0]->targets, (Paths{"art56"}));
  EXPECT_TRUE(parsed.root.brackets.empty())
      << "the editorial lines in brackets are not disputed text";
}

// Interpretative notes are notes ON articles: each "Article N" heading becomes an article of
// the notes document (art2, art17, art35; "Articles 23 and 35, with regard to ..." becomes
// art23_35 with that heading), and the numbered notes 1.-5., which run through the whole text,
// keep their numbers under the heading they follow (art17.p3).
TEST(InterpretativeNotes, NotesUnderTheArticlesTheyConcern) {
  const ParsedStructure parsed =
      ParseText(ReadCorpusFile("un-cybercrime-convention-2024-interpretative-notes.txt"));
  EXPECT_EQ(parsed.root.heading.rfind("Interpretative notes on specific articles", 0), 0u);
  EXPECT_EQ(ChildPaths(parsed.root, ProvisionKind::kArticle),
            (Paths{"art2", "art17", "art23_35", "art35"}));
  EXPECT_EQ(ChildPaths(At(parsed, "art2"), ProvisionKind::kParagraph),
            (Paths{"art2.p1", "art2.p2"}));
  EXPECT_EQ(ChildPaths(At(parsed, "art17"), ProvisionKind::kParagraph), (Paths{"art17.p3"}));
  EXPECT_EQ(At(parsed, "art23_35").heading, "with regard to the term “investigation”");
  EXPECT_EQ(ChildPaths(At(parsed, "art23_35"), ProvisionKind::kParagraph), (Paths{"art23_35.p4"}));
  EXPECT_EQ(ChildPaths(At(parsed, "art35"), ProvisionKind::kParagraph), (Paths{"art35.p5"}));
  const auto refs = ReferencesFrom(parsed, "art17.p3", "articles 7 to 16 of the convention");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0]->instrument, "convention");
  EXPECT_EQ(MatteringWarnings(parsed), "");
}

class CorpusDocumentTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusDocumentTest, NoWarningThatMattersAndConsistentOffsets) {
  const std::string file = ReadCorpusFile(GetParam());
  const SourceText source = testing::SourceFromText(file);
  const ParsedStructure parsed = ParseStructure(source);
  EXPECT_EQ(MatteringWarnings(parsed), "");
  std::set<std::string> paths;
  VisitProvisions(parsed.root, [&](const Provision& p, int) {
    EXPECT_TRUE(paths.insert(p.path).second) << "duplicate path " << p.path;
    EXPECT_LE(p.begin, p.end) << p.path;
    EXPECT_LE(p.end, source.text.size()) << p.path;
  });
}

INSTANTIATE_TEST_SUITE_P(AllTexts, CorpusDocumentTest,
                         ::testing::Values("un-cybercrime-convention-2024.txt",
                                           "budapest-convention-ets185.txt",
                                           "budapest-additional-protocol-ets189.txt",
                                           "unga-resolution-74-247.txt",
                                           "unga-resolution-79-243.txt",
                                           "un-cybercrime-convention-2024-interpretative-notes.txt",
                                           "human-rights-recommendations-key-points.txt"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace tw::doc
