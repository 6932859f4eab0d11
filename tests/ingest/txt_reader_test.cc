#include "ingest/txt_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/structure_cues.h"

namespace tw::ingest {
namespace {

using ::testing::HasSubstr;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

doc::SourceText MustRead(std::string_view bytes) {
  absl::StatusOr<doc::SourceText> text = ReadPlainText("test.txt", bytes, ReadOptions{});
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : doc::SourceText{};
}

std::string Error(std::string_view name, std::string_view bytes) {
  absl::StatusOr<doc::SourceText> text = ReadPlainText(name, bytes, ReadOptions{});
  EXPECT_FALSE(text.ok());
  return text.ok() ? "" : std::string(text.status().message());
}

// --- The corpus: one paragraph per line ------------------------------------------------------

class CorpusLineForLineTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusLineForLineTest, NonBlankLinesComeOutUnchanged) {
  const std::string bytes = ReadFile(GetParam());
  ASSERT_FALSE(bytes.empty()) << GetParam();
  std::vector<std::string> expected;
  for (std::string line : Lines(bytes)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    // The footnote separator is canonicalised to the SourceText form.
    if (line.find_first_not_of('_') == std::string::npos && line.size() >= 5) line = "__________";
    expected.push_back(line);
  }
  const doc::SourceText text = MustRead(bytes);
  EXPECT_EQ(Lines(text.text), expected);
  EXPECT_TRUE(text.notes.empty()) << text.notes.front();
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, CorpusLineForLineTest,
    ::testing::Values(std::string(TW_CORPUS_DIR) + "/un-cybercrime-convention-2024.txt",
                      std::string(TW_CORPUS_DIR) +
                          "/un-cybercrime-convention-2024-interpretative-notes.txt",
                      std::string(TW_CORPUS_DIR) + "/unga-resolution-79-243.txt",
                      std::string(TW_CORPUS_DIR) + "/unga-resolution-74-247.txt",
                      std::string(TW_CORPUS_DIR) + "/budapest-convention-ets185.txt",
                      std::string(TW_CORPUS_DIR) + "/budapest-additional-protocol-ets189.txt",
                      std::string(TW_SOURCE_DIR) + "/demo/draft1.txt",
                      std::string(TW_SOURCE_DIR) + "/demo/draft2.txt",
                      std::string(TW_SOURCE_DIR) + "/demo/draft3.txt"),
    [](const auto& info) {
      std::string name = std::filesystem::path(info.param).stem().string();
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(TxtReader, UnConventionKeepsHeadingPairsAndFootnote) {
  const doc::SourceText text =
      MustRead(ReadFile(std::string(TW_CORPUS_DIR) + "/un-cybercrime-convention-2024.txt"));
  EXPECT_THAT(text.text, HasSubstr("\nArticle 24\nConditions and safeguards\n1. "));
  EXPECT_THAT(text.text, HasSubstr("\nArticle 13.\n"));
  EXPECT_THAT(text.text, HasSubstr("Convention.[1]\n__________\n[1] It is noted that"));
}

// The one corpus file that is hard-wrapped (a compiler's notes at about 90 columns).
TEST(TxtReader, KeyPointsFileIsRecognisedAsWrappedAndRejoined) {
  const doc::SourceText text = MustRead(
      ReadFile(std::string(TW_CORPUS_DIR) + "/human-rights-recommendations-key-points.txt"));
  ASSERT_FALSE(text.notes.empty());
  EXPECT_THAT(text.notes.front(), HasSubstr("hard-wrapped"));
  EXPECT_THAT(text.text,
              HasSubstr("\n- Whole text: the Convention should comply fully with international "
                        "law, including international human rights law. OHCHR warns against"));
  // Rules and underlines stay apart from the text around them.
  EXPECT_THAT(text.text, HasSubstr("\nREAD THIS FIRST\n- These are short summaries"));
}

// --- Hard-wrapped text -----------------------------------------------------------------------

constexpr std::string_view kWrapped =
    "Draft convention on cooperation against computer crime, as revised by the\n"
    "Chair after the informal consultations held during the second session\n"
    "\n"
    "Article 1\n"
    "Scope of application\n"
    "\n"
    "1. This Convention shall apply to the prevention, investigation and\n"
    "prosecution of the offences established in accordance with it, and to the\n"
    "transnational collection of evidence in electronic form of any offence.\n"
    "2. It shall also apply, in accordance with its own terms, to the trans-\n"
    "national cooperation of States Parties and to the predicate offences of money-\n"
    "laundering as defined in article 6 of the Convention against Transnational\n"
    "Organized Crime, whenever the offence is committed in whole or in part by\n"
    "(a) means of a computer system operated from the territory of one State Party\n"
    "in the sense of this article, including any such system used remotely; or\n"
    "(b) Any other means.\n"
    "Option 1: States Parties may exclude offences of a minor nature from the\n"
    "scope of this Convention, by a declaration deposited with the depositary.\n"
    "\n"
    "Article 2 bis\n"
    "Use of terms\n"
    "\n"
    "For the purposes of this Convention, the terms set out below have the meaning\n"
    "given to them here, unless the context requires otherwise:\n"
    "Статья 3\n"
    "第三条\n"
    "المادة 4\n";

TEST(TxtReader, WrappedParagraphsAreRejoinedAtStructure) {
  const doc::SourceText text = MustRead(kWrapped);
  const std::vector<std::string> expected = {
      "Draft convention on cooperation against computer crime, as revised by the Chair after "
      "the informal consultations held during the second session",
      "Article 1", "Scope of application",
      "1. This Convention shall apply to the prevention, investigation and prosecution of the "
      "offences established in accordance with it, and to the transnational collection of "
      "evidence in electronic form of any offence.",
      // "transnational" occurs elsewhere: the break hyphen goes; "money-laundering" has no
      // evidence and keeps its hyphen.
      "2. It shall also apply, in accordance with its own terms, to the transnational cooperation "
      "of States Parties and to the "
      "predicate offences of money-laundering as defined in article 6 of the Convention "
      "against Transnational Organized Crime, whenever the offence is committed in whole or "
      "in part by",
      "(a) means of a computer system operated from the territory of one State Party in the "
      "sense of this article, including any such system used remotely; or",
      "(b) Any other means.",
      "Option 1: States Parties may exclude offences of a minor nature from the scope of this "
      "Convention, by a declaration deposited with the depositary.",
      "Article 2 bis", "Use of terms",
      "For the purposes of this Convention, the terms set out below have the meaning given to "
      "them here, unless the context requires otherwise:",
      "Статья 3", "第三条", "المادة 4"};
  EXPECT_EQ(Lines(text.text), expected);
  EXPECT_THAT(text.notes, ::testing::Contains(HasSubstr("hard-wrapped")));
  EXPECT_THAT(text.notes, ::testing::Contains("1 line-end hyphens removed"));
}

TEST(TxtReader, WrappedSpansMapToExactSourceBytes) {
  const doc::SourceText text = MustRead(kWrapped);
  for (std::string_view word : {"prosecution", "national cooperation", "laundering", "(b) Any",
                                "Статья", "المادة", "remotely; or"}) {
    const std::size_t at = text.text.find(word);
    ASSERT_NE(at, std::string::npos) << word;
    const std::size_t source = text.SourceOffsetAt(at);
    EXPECT_EQ(kWrapped.substr(source, word.size()), word) << word;
  }
}

// Shape (a) without blank lines: short lines are not mistaken for wrapped prose.
TEST(TxtReader, ShortLinesWithoutBlankLinesStayLines) {
  const std::string_view bytes =
      "Article 1\nScope\nThis Convention applies to computer crime.\nArticle 2\nTerms\n"
      "(a) Computer system means a device.\n(b) Data means information.\n";
  EXPECT_EQ(MustRead(bytes).text,
            "Article 1\nScope\nThis Convention applies to computer crime.\nArticle 2\nTerms\n"
            "(a) Computer system means a device.\n(b) Data means information.");
}

// --- Normalisation ---------------------------------------------------------------------------

struct NormalisationCase {
  const char* name;
  std::string input;
  std::string expected;
};

class TxtNormalisationTest : public ::testing::TestWithParam<NormalisationCase> {};

TEST_P(TxtNormalisationTest, Normalises) {
  EXPECT_EQ(MustRead(GetParam().input).text, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TxtNormalisationTest,
    ::testing::Values(
        NormalisationCase{"Bom",
                          "\xEF\xBB\xBF"
                          "Article 1\nScope\n",
                          "Article 1\nScope"},
        NormalisationCase{"Crlf", "Article 1\r\nScope\r\n\r\nText.\r\n", "Article 1\nScope\nText."},
        NormalisationCase{"OldMacCr", "Article 1\rScope\r\rText.\r", "Article 1\nScope\nText."},
        NormalisationCase{"TabsAndOddSpaces",
                          "  Article\t1  \n\xC2\xA0Scope\xE2\x80\x83of\xE2\x80\xAF"
                          "application \n",
                          "Article 1\nScope of application"},
        NormalisationCase{"SoftHyphenAndZeroWidthDropped",
                          "infor\xC2\xADmation\xE2\x80\x8B system\n", "information system"},
        NormalisationCase{"FormFeedIsSpace", "Page one\x0C\nPage two\n", "Page one\nPage two"},
        NormalisationCase{"Nfc", "re\xCC\x81sume\xCC\x81\n", "r\xC3\xA9sum\xC3\xA9"},
        NormalisationCase{"FootnoteSeparatorCanonical", "Text.[1]\n\n_____\n\n[1] Note.\n",
                          "Text.[1]\n__________\n[1] Note."},
        NormalisationCase{"Utf16Le",
                          std::string("\xFF\xFE"
                                      "A\0r\0t\0.\0\n\0\xE9\0",
                                      14),
                          "Art.\n\xC3\xA9"},
        NormalisationCase{"Utf16Be", std::string("\xFE\xFF\0A\0r\0t\0.\0\n\0\xE9", 14),
                          "Art.\n\xC3\xA9"},
        NormalisationCase{"Utf16Surrogates", std::string("\xFF\xFE\x3D\xD8\x00\xDE", 6),
                          "\xF0\x9F\x98\x80"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(TxtReader, SpansSkipBomAndCarriageReturns) {
  const std::string bytes =
      "\xEF\xBB\xBF"
      "Article 1\r\n\tScope of application\r\n";
  const doc::SourceText text = MustRead(bytes);
  ASSERT_EQ(text.text, "Article 1\nScope of application");
  EXPECT_EQ(text.SourceOffsetAt(0), 3u);
  const std::size_t scope = text.text.find("Scope");
  EXPECT_EQ(bytes.substr(text.SourceOffsetAt(scope), 5), "Scope");
  const std::size_t application = text.text.find("application");
  EXPECT_EQ(bytes.substr(text.SourceOffsetAt(application), 11), "application");
}

TEST(TxtReader, SpansAreSortedAndStartAtZero) {
  const doc::SourceText text = MustRead(kWrapped);
  ASSERT_FALSE(text.spans.empty());
  EXPECT_EQ(text.spans.front().text_begin, 0u);
  for (std::size_t i = 1; i < text.spans.size(); ++i) {
    EXPECT_LT(text.spans[i - 1].text_begin, text.spans[i].text_begin);
  }
}

// --- Errors ----------------------------------------------------------------------------------

TEST(TxtReaderErrors, EmptyFile) { EXPECT_EQ(Error("e.txt", ""), "e.txt: the file is empty"); }

TEST(TxtReaderErrors, OnlyBlankLines) {
  EXPECT_EQ(Error("b.txt", " \n\t\n\r\n\xC2\xA0\n"), "b.txt: no text (only blank lines)");
}

TEST(TxtReaderErrors, InvalidUtf8NamesLineColumnAndByte) {
  // Line 3, after "bad " and a two-byte "é": column 6 (code points), byte 22.
  EXPECT_EQ(Error("latin1.txt", "Article 1\nScope\nbad \xC3\xA9\xFF here\n"),
            "latin1.txt: invalid UTF-8 at line 3, column 6 (byte 22)");
  EXPECT_EQ(Error("bom.txt",
                  "\xEF\xBB\xBF"
                  "ab\xE9"),
            "bom.txt: invalid UTF-8 at line 1, column 3 (byte 5)");
}

TEST(TxtReaderErrors, OverlongAndSurrogateEncodingsAreInvalid) {
  EXPECT_THAT(Error("o.txt", "a\xC0\xAF"), HasSubstr("invalid UTF-8 at line 1, column 2 (byte 1)"));
  EXPECT_THAT(Error("s.txt", "a\xED\xA0\x80"), HasSubstr("invalid UTF-8"));
}

TEST(TxtReaderErrors, NulByteMeansBinary) {
  const std::string binary("PK\x03\x04\0\0\x14\0text", 12);
  EXPECT_EQ(Error("x.txt", binary),
            "x.txt: binary content (NUL byte) at line 1, column 5 (byte 4); not a text file");
  EXPECT_THAT(Error("png.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), HasSubstr("NUL"));
}

TEST(TxtReaderErrors, BrokenUtf16) {
  EXPECT_THAT(Error("odd.txt", std::string("\xFF\xFE"
                                           "A\0B",
                                           5)),
              HasSubstr("odd number of bytes"));
  EXPECT_THAT(Error("sur.txt", std::string("\xFF\xFE"
                                           "A\0\x00\xDC",
                                           6)),
              HasSubstr("invalid UTF-16LE at byte 4 (unpaired surrogate)"));
  EXPECT_THAT(Error("u32.txt", std::string("\xFF\xFE\0\0"
                                           "A\0\0\0",
                                           8)),
              HasSubstr("UTF-32"));
}

TEST(TxtReaderErrors, OverTheSizeLimit) {
  ReadOptions options;
  options.limits.max_file_bytes = 10;
  absl::StatusOr<doc::SourceText> text = ReadPlainText("big.txt", "0123456789ab", options);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), absl::StatusCode::kResourceExhausted);
}

// --- Structure cues --------------------------------------------------------------------------

struct CueCase {
  const char* line;
  bool heading;
  bool structural;
};

class StructureCuesTest : public ::testing::TestWithParam<CueCase> {};

TEST_P(StructureCuesTest, Classifies) {
  EXPECT_EQ(IsHeadingLine(GetParam().line), GetParam().heading) << GetParam().line;
  EXPECT_EQ(StartsStructuralElement(GetParam().line), GetParam().structural) << GetParam().line;
}

INSTANTIATE_TEST_SUITE_P(
    Lines, StructureCuesTest,
    ::testing::Values(
        CueCase{"Article 5", true, true}, CueCase{"Article 5 bis", true, true},
        CueCase{"Article 13.", true, true}, CueCase{"[Article 12", true, true},
        CueCase{"ARTICLE 7 - Scope", true, true}, CueCase{"CHAPTER II", true, true},
        CueCase{"Chapter IV", true, true}, CueCase{"Part 3", true, true},
        CueCase{"Annex A", true, true}, CueCase{"Preamble", true, true},
        CueCase{"Chapitre III", true, true}, CueCase{"Artículo 12", true, true},
        CueCase{"Статья 24", true, true}, CueCase{"Глава I", true, true},
        CueCase{"第二十四条", true, true}, CueCase{"第3章", true, true},
        CueCase{"المادة 24", true, true},
        CueCase{"Article 5 of this Convention shall apply", false, false},
        CueCase{"Part II of the report", false, false},
        CueCase{"1. States Parties shall", false, true}, CueCase{"12. The Conference", false, true},
        CueCase{"(a) Computer system", false, true}, CueCase{"(iv) any other", false, true},
        CueCase{"a) computer data", false, true}, CueCase{"Option 2: delete", false, true},
        CueCase{"[Option 1", false, true}, CueCase{"- a bullet", false, true},
        CueCase{"1.5 per cent of the budget", false, false},
        CueCase{"2024. It was adopted", false, false},
        CueCase{"the offences established", false, false},
        CueCase{"(2019) and resolution", false, false}),
    [](const auto& info) { return "Case" + std::to_string(info.index); });

}  // namespace
}  // namespace tw::ingest
