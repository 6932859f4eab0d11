// The DOCX reader on hand-written WordprocessingML: numbering as Word counts it, footnotes,
// tracked changes, tables, and every kind of bad package.
#include "ingest/docx_reader.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "docx_writer.h"

namespace tw::ingest {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string Part(std::string_view root, std::string_view content, std::string_view prefix = "w") {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<{0}:{1} xmlns:{0}=\"{2}\">{3}</{0}:{1}>",
      prefix, root, kW, content);
}

struct Docx {
  std::string body;
  std::string numbering;
  std::string styles;
  std::string footnotes;
  std::string prefix = "w";
};

std::string Build(const Docx& d) {
  std::vector<tools::DocxPart> parts = {
      {"word/document.xml",
       Part("document", fmt::format("<{0}:body>{1}</{0}:body>", d.prefix, d.body), d.prefix)}};
  if (!d.numbering.empty()) parts.push_back({"word/numbering.xml", Part("numbering", d.numbering)});
  if (!d.styles.empty()) parts.push_back({"word/styles.xml", Part("styles", d.styles)});
  if (!d.footnotes.empty()) parts.push_back({"word/footnotes.xml", Part("footnotes", d.footnotes)});
  absl::StatusOr<std::string> zip = tools::ZipParts(parts);
  EXPECT_TRUE(zip.ok()) << zip.status();
  return zip.ok() ? *zip : "";
}

std::string P(std::string_view text, std::string_view ppr = "") {
  return fmt::format("<w:p>{}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                     ppr.empty() ? "" : fmt::format("<w:pPr>{}</w:pPr>", ppr), text);
}

std::string NumP(std::string_view text, int num_id, int ilvl) {
  return P(text, fmt::format("<w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"{}\"/></w:numPr>",
                             ilvl, num_id));
}

std::string Lvl(int ilvl, std::string_view format, std::string_view text,
                std::string_view extra = "", int start = 1) {
  return fmt::format(
      "<w:lvl w:ilvl=\"{}\"><w:start w:val=\"{}\"/><w:numFmt w:val=\"{}\"/>"
      "<w:lvlText w:val=\"{}\"/>{}</w:lvl>",
      ilvl, start, format, text, extra);
}

doc::SourceText MustRead(const std::string& docx, TrackedChanges mode = TrackedChanges::kAccept) {
  ReadOptions options;
  options.tracked_changes = mode;
  absl::StatusOr<doc::SourceText> text = ReadDocx("test.docx", docx, options);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : doc::SourceText{};
}

// --- Text ------------------------------------------------------------------------------------

TEST(DocxReader, RunsTabsBreaksSymbolsAndFields) {
  Docx d;
  d.body =
      "<w:p><w:r><w:t>Article</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>"
      "<w:p><w:r><w:t xml:space=\"preserve\">non</w:t><w:noBreakHyphen/><w:t>binding "
      "in</w:t><w:softHyphen/><w:t>formation</w:t><w:br/><w:t>next</w:t></w:r>"
      "<w:r><w:sym w:font=\"Symbol\" w:char=\"00A7\"/></w:r></w:p>"
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText>"
      "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:rPr><w:vanish/></w:rPr>"
      "<w:t>hidden</w:t></w:r><w:hyperlink><w:r><w:t xml:space=\"preserve\"> link</w:t></w:r>"
      "</w:hyperlink><w:fldSimple w:instr=\"REF x\"><w:r><w:t xml:space=\"preserve\"> ref"
      "</w:t></w:r></w:fldSimple></w:p>"
      "<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>"
      "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>" +
      P("In a control") + "</w:sdtContent></w:sdt>";
  EXPECT_EQ(MustRead(Build(d)).text,
            "Article 1\nnon-binding information next\xC2\xA7\n7 link ref\nIn a control");
}

TEST(DocxReader, LineBreakInsideAHeadingStartsANewBlock) {
  Docx d;
  d.styles =
      "<w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:name w:val=\"heading 2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:basedOn w:val=\"H2\"/></w:style>";
  d.body =
      "<w:p><w:pPr><w:pStyle w:val=\"Mine\"/></w:pPr><w:r><w:t>Article 5</w:t><w:br/>"
      "<w:t>Scope</w:t></w:r></w:p><w:p><w:r><w:t>Body</w:t><w:br/><w:t>text</w:t></w:r></w:p>";
  EXPECT_EQ(MustRead(Build(d)).text, "Article 5\nScope\nBody text");
}

TEST(DocxReader, OtherNamespacePrefixAndDrawingsSkipped) {
  Docx d;
  d.prefix = "x";
  d.body =
      "<x:p><x:r><x:t>Prefixed</x:t></x:r><x:r><x:drawing><x:t>no</x:t></x:drawing></x:r></x:p>";
  EXPECT_EQ(MustRead(Build(d)).text, "Prefixed");
}

TEST(DocxReader, TablesOneBlockPerRow) {
  Docx d;
  d.body = P("Before") + "<w:tbl><w:tblPr/><w:tr><w:tc>" + P("State") + "</w:tc><w:tc>" +
           P("Vote") + "</w:tc></w:tr><w:tr><w:tc>" + P("Norway") + P("(observer)") +
           "</w:tc><w:tc>"
           "<w:tbl><w:tr><w:tc>" +
           P("in") + "</w:tc><w:tc>" + P("yes") + "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>" +
           P("After");
  EXPECT_EQ(MustRead(Build(d)).text, "Before\nState | Vote\nNorway (observer) | in | yes\nAfter");
}

TEST(DocxReader, SpansPointIntoDocumentXml) {
  Docx d;
  d.body = P("First paragraph") + P("Second &amp; last");
  const std::string docx = Build(d);
  const doc::SourceText text = MustRead(docx);
  ASSERT_EQ(text.text, "First paragraph\nSecond & last");
  const std::string xml = Part("document", "<w:body>" + d.body + "</w:body>");
  EXPECT_EQ(xml.substr(text.SourceOffsetAt(text.text.find("paragraph")), 9), "paragraph");
  EXPECT_EQ(xml.substr(text.SourceOffsetAt(text.text.find("Second")), 6), "Second");
}

// --- Numbering -------------------------------------------------------------------------------

// One abstractNum shaped like a treaty ("1." "(a)" "(i)"), used by two nums without overrides
// (they continue each other) and by one with a startOverride (a list of its own).
TEST(DocxNumbering, TreatyLevelsResetsAndSharedLists) {
  Docx d;
  d.numbering = "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "decimal", "%1.") +
                Lvl(1, "lowerLetter", "(%2)") + Lvl(2, "lowerRoman", "(%3)") +
                "</w:abstractNum>"
                "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
                "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
                "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\">"
                "<w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>";
  d.body = NumP("One", 1, 0) + NumP("point", 1, 1) + NumP("sub", 1, 2) + NumP("sub", 1, 2) +
           NumP("point", 1, 1) + P("unnumbered") + NumP("Two", 1, 0) + NumP("point", 1, 1) +
           NumP("Three (same list, other num)", 2, 0) + NumP("Five", 3, 0) + NumP("Six", 3, 0) +
           NumP("none", 0, 0) + NumP("undefined", 99, 0) + NumP("Four", 1, 0);
  EXPECT_EQ(MustRead(Build(d)).text,
            "1. One\n(a) point\n(i) sub\n(ii) sub\n(b) point\nunnumbered\n2. Two\n(a) point\n"
            "3. Three (same list, other num)\n5. Five\n6. Six\nnone\nundefined\n4. Four");
}

TEST(DocxNumbering, FormatsMultiLevelTextRestartAndLegal) {
  Docx d;
  d.numbering = "<w:abstractNum w:abstractNumId=\"1\">" + Lvl(0, "upperRoman", "Chapter %1") +
                Lvl(1, "decimal", "%1.%2", "<w:lvlRestart w:val=\"0\"/>") +
                Lvl(2, "upperLetter", "%3)", "", 25) + Lvl(3, "decimal", "%1.%2.%4", "<w:isLgl/>") +
                "</w:abstractNum>"
                "<w:abstractNum w:abstractNumId=\"2\">" +
                Lvl(0, "bullet", "\xEF\x82\xB7") + Lvl(1, "decimalZero", "%2") +
                Lvl(2, "ordinal", "%3") +
                "</w:abstractNum>"
                "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
                "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>";
  d.body = NumP("Intro", 1, 0) + NumP("a", 1, 1) + NumP("b", 1, 1) + NumP("y", 1, 2) +
           NumP("z", 1, 2) + NumP("aa", 1, 2) + NumP("legal", 1, 3) + NumP("Next", 1, 0) +
           // lvlRestart 0: level 1 goes on counting across chapters.
           NumP("c", 1, 1) + NumP("again y", 1, 2) + NumP("bullet", 2, 0) + NumP("zero", 2, 1) +
           NumP("first", 2, 2);
  EXPECT_EQ(MustRead(Build(d)).text,
            "Chapter I Intro\nI.1 a\nI.2 b\nY) y\nZ) z\nAA) aa\n1.2.1 legal\nChapter II Next\n"
            "II.3 c\nY) again y\nbullet\n01 zero\n1st first");
}

TEST(DocxNumbering, LvlRestartAfterChosenLevel) {
  Docx d;
  d.numbering = "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "decimal", "%1.") +
                Lvl(1, "decimal", "%2)") +
                Lvl(2, "lowerLetter", "%3.", "<w:lvlRestart w:val=\"1\"/>") +
                "</w:abstractNum><w:num w:numId=\"4\"><w:abstractNumId w:val=\"0\"/></w:num>";
  // Level 2 restarts only after level 0 (lvlRestart 1), not after level 1.
  d.body = NumP("A", 4, 0) + NumP("x", 4, 2) + NumP("B", 4, 1) + NumP("y", 4, 2) + NumP("C", 4, 0) +
           NumP("z", 4, 2);
  EXPECT_EQ(MustRead(Build(d)).text, "1. A\na. x\n1) B\nb. y\n2. C\na. z");
}

TEST(DocxNumbering, StyleLinkedNumberingWithBasedOnAndLevelOverride) {
  Docx d;
  d.styles =
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"ArticleHeading\"><w:name w:val=\"heading 2\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"ArticleHeadingBis\"><w:name w:val=\"Art bis\"/>"
      "<w:basedOn w:val=\"ArticleHeading\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Para\"><w:name w:val=\"Para\"/>"
      "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"numbering\" w:styleId=\"TreatyList\"><w:name w:val=\"Treaty\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:style>";
  d.numbering =
      "<w:abstractNum w:abstractNumId=\"3\"><w:styleLink w:val=\"TreatyList\"/>" +
      Lvl(0, "decimal", "Article %1", "<w:pStyle w:val=\"ArticleHeading\"/>") +
      Lvl(1, "decimal", "%2.") +
      "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"4\"><w:numStyleLink w:val=\"TreatyList\"/></w:abstractNum>"
      "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"3\"/></w:num>"
      "<w:num w:numId=\"8\"><w:abstractNumId w:val=\"4\"/><w:lvlOverride w:ilvl=\"1\">" +
      Lvl(1, "lowerLetter", "(%2)") + "</w:lvlOverride></w:num>";
  const auto styled = [](std::string_view text, std::string_view style) {
    return P(text, fmt::format("<w:pStyle w:val=\"{}\"/>", style));
  };
  d.body = styled("", "ArticleHeading") + styled("Scope", "Normal") + styled("First", "Para") +
           styled("Second", "Para") + styled("", "ArticleHeadingBis") + styled("Third", "Para") +
           // Direct numPr wins over the style; numId 0 switches numbering off.
           P("Own list",
             "<w:pStyle w:val=\"Para\"/><w:numPr><w:ilvl w:val=\"1\"/><w:numId "
             "w:val=\"8\"/></w:numPr>") +
           P("Off", "<w:pStyle w:val=\"Para\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>");
  EXPECT_EQ(MustRead(Build(d)).text,
            "Article 1\nScope\n1. First\n2. Second\nArticle 2\n1. Third\n(a) Own list\nOff");
}

// --- Footnotes -------------------------------------------------------------------------------

TEST(DocxReader, FootnotesFollowTheSeparatorInReferenceOrder) {
  Docx d;
  const auto ref = [](int id) {
    return fmt::format(
        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
        "<w:footnoteReference w:id=\"{}\"/></w:r>",
        id);
  };
  d.body = "<w:p><w:r><w:t>Text.</w:t></w:r>" + ref(5) +
           "<w:r><w:t xml:space=\"preserve\"> More</w:t></w:r>" + ref(2) + "</w:p>";
  d.footnotes =
      "<w:footnote w:type=\"separator\" "
      "w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
      "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/>"
      "</w:r></w:p></w:footnote>"
      "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> "
      "Second note.</w:t></w:r></w:p></w:footnote>"
      "<w:footnote w:id=\"5\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> "
      "First note,</w:t></w:r></w:p><w:p><w:r><w:t>two paragraphs.</w:t></w:r></w:p></w:footnote>";
  EXPECT_EQ(MustRead(Build(d)).text,
            "Text.[1] More[2]\n__________\n[1] First note, two paragraphs.\n[2] Second note.");
}

// --- Tracked changes -------------------------------------------------------------------------

TEST(DocxReader, TrackedChangesAcceptedOrRejected) {
  Docx d;
  d.numbering = "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "decimal", "%1.") +
                "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  const std::string num = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>";
  d.body =
      "<w:p><w:pPr>" + num +
      "</w:pPr><w:r><w:t xml:space=\"preserve\">States </w:t></w:r>"
      "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText xml:space=\"preserve\">may </w:delText>"
      "</w:r></w:del><w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t xml:space=\"preserve\">shall "
      "</w:t></w:r></w:ins><w:r><w:t>act.</w:t></w:r></w:p>"
      // A whole inserted paragraph (its mark too): gone when rejecting, and not counted.
      "<w:p><w:pPr>" +
      num +
      "<w:rPr><w:ins w:id=\"3\" w:author=\"a\"/></w:rPr></w:pPr>"
      "<w:ins w:id=\"4\" w:author=\"a\"><w:r><w:t>New paragraph.</w:t></w:r></w:ins></w:p>"
      // A deleted paragraph mark: accepting merges the text into the next paragraph.
      "<w:p><w:pPr>" +
      num +
      "<w:rPr><w:del w:id=\"5\" w:author=\"a\"/></w:rPr></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">Joined </w:t></w:r></w:p>"
      "<w:p><w:pPr>" +
      num +
      "</w:pPr><w:moveFrom w:id=\"6\" w:author=\"a\"><w:r><w:t xml:space=\"preserve\">"
      "old place </w:t></w:r></w:moveFrom><w:r><w:t>text</w:t></w:r><w:moveTo w:id=\"7\" "
      "w:author=\"a\"><w:r><w:t xml:space=\"preserve\"> new place</w:t></w:r></w:moveTo></w:p>"
      "<w:tbl><w:tr><w:trPr><w:del w:id=\"8\" w:author=\"a\"/></w:trPr><w:tc>" +
      P("Old row") + "</w:tc></w:tr></w:tbl>";
  const std::string docx = Build(d);
  const doc::SourceText accepted = MustRead(docx, TrackedChanges::kAccept);
  EXPECT_EQ(accepted.text, "1. States shall act.\n2. New paragraph.\n3. Joined text new place");
  EXPECT_THAT(accepted.notes,
              ::testing::Contains("tracked changes accepted: 4 insertions, 4 deletions"));
  const doc::SourceText rejected = MustRead(docx, TrackedChanges::kReject);
  EXPECT_EQ(rejected.text, "1. States may act.\n2. Joined\n3. old place text\nOld row");
  EXPECT_THAT(rejected.notes,
              ::testing::Contains("tracked changes rejected: 4 insertions, 4 deletions"));
}

// --- Bad packages ----------------------------------------------------------------------------

std::string Message(const std::string& bytes, const ReadOptions& options = {}) {
  absl::StatusOr<doc::SourceText> text = ReadDocx("draft.docx", bytes, options);
  EXPECT_FALSE(text.ok());
  return text.ok() ? "" : std::string(text.status().message());
}

TEST(DocxReaderErrors, PngBytesAreNotAZip) {
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02", 26);
  EXPECT_THAT(Message(png), HasSubstr("draft.docx: not a valid DOCX (zip) file"));
}

TEST(DocxReaderErrors, TruncatedZip) {
  Docx d;
  d.body = P("Some text that makes the archive long enough to cut in half.");
  const std::string docx = Build(d);
  EXPECT_THAT(Message(docx.substr(0, docx.size() / 2)), HasSubstr("draft.docx: not a valid DOCX"));
  EXPECT_THAT(Message(docx.substr(0, docx.size() - 10)), HasSubstr("draft.docx"));
}

TEST(DocxReaderErrors, ZipWithoutDocumentXml) {
  absl::StatusOr<std::string> zip = tools::ZipParts({{"word/other.xml", "<x/>"}});
  ASSERT_TRUE(zip.ok());
  EXPECT_EQ(Message(*zip), "draft.docx: not a Word document: word/document.xml is missing");
}

TEST(DocxReaderErrors, XmlErrorNamesMemberAndPosition) {
  absl::StatusOr<std::string> zip = tools::ZipParts(
      {{"word/document.xml", "<w:document xmlns:w=\"x\">\n<w:body><w:p>\n</w:body>"}});
  ASSERT_TRUE(zip.ok());
  EXPECT_THAT(Message(*zip),
              HasSubstr("draft.docx: word/document.xml: line 3, column 3 (offset 41): "
                        "Start-end tags mismatch"));
}

TEST(DocxReaderErrors, InvalidUtf8InDocumentXml) {
  absl::StatusOr<std::string> zip =
      tools::ZipParts({{"word/document.xml", "<w:document>\n<w:t>caf\xE9</w:t></w:document>"}});
  ASSERT_TRUE(zip.ok());
  EXPECT_EQ(Message(*zip),
            "draft.docx: word/document.xml: invalid UTF-8 at line 2, column 9 (byte 21)");
}

TEST(DocxReaderErrors, ZipBombOverTheLimitIsRefused) {
  Docx d;
  d.body = P(std::string(3u << 20, 'a'));  // 3 MB of text compresses to a few kilobytes
  const std::string docx = Build(d);
  ASSERT_LT(docx.size(), 100u << 10);
  ReadOptions options;
  options.limits.max_uncompressed_bytes = 1u << 20;
  absl::StatusOr<doc::SourceText> text = ReadDocx("bomb.docx", docx, options);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(text.status().message()),
              HasSubstr("bomb.docx: word/document.xml: inflates to 3.0 MB, over the 1.0 MB limit"));
}

TEST(DocxReaderErrors, NestingBeyondTheLimitIsAnError) {
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "<w:sdt><w:sdtContent>";
  nested += P("deep");
  for (int i = 0; i < 100000; ++i) nested += "</w:sdtContent></w:sdt>";
  Docx d;
  d.body = nested;
  const auto start = std::chrono::steady_clock::now();
  const std::string message = Message(Build(d));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_THAT(message, HasSubstr("draft.docx: word/document.xml: line 2, column"));
  EXPECT_THAT(message, HasSubstr("elements nested deeper than 256 levels"));
}

TEST(DocxReaderErrors, EmptyAndNoText) {
  EXPECT_EQ(Message(""), "draft.docx: the file is empty");
  Docx d;
  d.body = "<w:p/>";
  EXPECT_THAT(Message(Build(d)), HasSubstr("the document has no text"));
}

}  // namespace
}  // namespace tw::ingest
