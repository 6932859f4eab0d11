#include "compare/report_docx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "compare/printable_text.h"
#include "report_samples.h"

namespace tw::compare {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// --- Reading the package ---------------------------------------------------------------------

std::optional<std::string> ReadMember(const std::string& zip_bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  if (!source) return std::nullopt;
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(source);
    return std::nullopt;
  }
  std::optional<std::string> bytes;
  zip_stat_t stat;
  if (zip_stat(archive, name, 0, &stat) == 0) {
    if (zip_file_t* file = zip_fopen(archive, name, 0)) {
      std::string data(stat.size, '\0');
      if (zip_fread(file, data.data(), stat.size) == static_cast<zip_int64_t>(stat.size)) {
        bytes = std::move(data);
      }
      zip_fclose(file);
    }
  }
  zip_close(archive);
  return bytes;
}

struct Package {
  std::string bytes;
  pugi::xml_document document;
  pugi::xml_document comments;
  std::string content_types;
  std::string document_rels;
};

// Renders and parses; fails the test when a part is missing or is not well-formed XML.
void Load(const Comparison& comparison, Package& package) {
  absl::StatusOr<std::string> bytes = RenderDocx(comparison);
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  package.bytes = *bytes;
  for (auto [name, target] : {std::pair{"word/document.xml", &package.document},
                              std::pair{"word/comments.xml", &package.comments}}) {
    const std::optional<std::string> xml = ReadMember(package.bytes, name);
    ASSERT_TRUE(xml) << name;
    // Whitespace-only runs (" " between two revisions) are text: keep them.
    const pugi::xml_parse_result parsed =
        target->load_string(xml->c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
    ASSERT_TRUE(parsed) << name << ": " << parsed.description() << " at " << parsed.offset;
  }
  package.content_types = ReadMember(package.bytes, "[Content_Types].xml").value_or("");
  package.document_rels = ReadMember(package.bytes, "word/_rels/document.xml.rels").value_or("");
}

// --- Accepting and rejecting every change, as Word does ------------------------------------

enum class Side { kBoth, kNewOnly, kOldOnly };

Side SideOf(pugi::xml_node node) {
  for (; node && std::string_view(node.name()) != "w:p"; node = node.parent()) {
    const std::string_view name = node.name();
    if (name == "w:ins" || name == "w:moveTo") return Side::kNewOnly;
    if (name == "w:del" || name == "w:moveFrom") return Side::kOldOnly;
  }
  return Side::kBoth;
}

bool InsideDeletion(pugi::xml_node node) {
  for (; node; node = node.parent()) {
    if (std::string_view(node.name()) == "w:del") return true;
  }
  return false;
}

struct Views {
  std::string accepted;  // every change accepted
  std::string rejected;  // every change rejected
};

void CollectRuns(pugi::xml_node node, Views& views) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = child.name();
    if (name == "w:pPr") continue;
    std::string text;
    if (name == "w:t" || name == "w:delText") {
      // Word shows w:t inside a deletion as nothing, and w:delText outside one likewise.
      EXPECT_EQ(name == "w:delText", InsideDeletion(child)) << name << ": " << child.text().get();
      text = child.text().get();
    } else if (name == "w:tab") {
      text = "\t";
    } else {
      CollectRuns(child, views);
      continue;
    }
    const Side side = SideOf(child);
    if (side != Side::kOldOnly) views.accepted += text;
    if (side != Side::kNewOnly) views.rejected += text;
  }
}

// The text between the "TrackedText" bookmarks, one line per paragraph that the view keeps.
Views TrackedText(const pugi::xml_document& document) {
  Views views;
  const pugi::xml_node body = document.child("w:document").child("w:body");
  std::string bookmark_id;
  for (pugi::xml_node node : body.children()) {
    if (node.type() != pugi::node_element) continue;  // line breaks between paragraphs
    const std::string_view name = node.name();
    if (name == "w:bookmarkStart" &&
        std::string_view(node.attribute("w:name").value()) == "TrackedText") {
      bookmark_id = node.attribute("w:id").value();
      continue;
    }
    if (bookmark_id.empty()) continue;
    if (name == "w:bookmarkEnd" && bookmark_id == node.attribute("w:id").value()) return views;
    EXPECT_EQ(name, "w:p");
    CollectRuns(node, views);
    const pugi::xml_node mark = node.child("w:pPr").child("w:rPr");
    const bool new_only = mark.child("w:ins") || mark.child("w:moveTo");
    const bool old_only = mark.child("w:del") || mark.child("w:moveFrom");
    if (!old_only) views.accepted += '\n';
    if (!new_only) views.rejected += '\n';
  }
  ADD_FAILURE() << "no TrackedText bookmark range";
  return views;
}

// --- What the views must be ------------------------------------------------------------------

std::string NumberLine(const std::string& citation) {
  if (citation.rfind("Arts.", 0) == 0) return "Articles" + citation.substr(5);
  if (citation.rfind("Art.", 0) == 0) return "Article" + citation.substr(4);
  return citation;
}

std::string SideText(const std::vector<DiffOp>& ops, OpKind side) {
  std::string text;
  for (const DiffOp& op : ops) {
    if (op.op == OpKind::kEqual || op.op == side) text += op.text;
  }
  return PrintableText(text);
}

// The later text: units in the order of the changes, deleted ones skipped; the earlier text:
// units by old position, new ones skipped. Each is its number line and its canonical lines.
Views Expected(const Comparison& comparison) {
  Views views;
  std::vector<const ArticleChange*> old_order;
  for (const ArticleChange& change : comparison.changes) {
    if (change.kind != ChangeKind::kRepeal) {
      views.accepted += NumberLine(change.new_citation) + "\n";
      if (!change.ops.empty()) views.accepted += SideText(change.ops, OpKind::kInsert) + "\n";
    }
    if (change.kind != ChangeKind::kInsertion) old_order.push_back(&change);
  }
  std::stable_sort(old_order.begin(), old_order.end(),
                   [](const ArticleChange* a, const ArticleChange* b) {
                     return a->old_position < b->old_position;
                   });
  for (const ArticleChange* change : old_order) {
    views.rejected += NumberLine(change->old_citation) + "\n";
    if (!change->ops.empty()) views.rejected += SideText(change->ops, OpKind::kDelete) + "\n";
  }
  return views;
}

std::vector<std::string> NumberLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("Article", 0) == 0 || line == "Preamble" || line == "Final clause") {
      lines.push_back(line);
    }
  }
  return lines;
}

std::vector<std::string> Attributes(const pugi::xml_document& document, const char* xpath,
                                    const char* attribute) {
  std::vector<std::string> values;
  for (const pugi::xpath_node& node : document.select_nodes(xpath)) {
    values.push_back(node.node().attribute(attribute).value());
  }
  return values;
}

// --- Tests -----------------------------------------------------------------------------------

TEST(ReportDocxTest, TrackedChangesOfEveryKindExist) {
  Package package;
  ASSERT_NO_FATAL_FAILURE(Load(testing::SampleComparison(), package));
  const pugi::xml_document& doc = package.document;
  for (const char* element :
       {"//w:ins", "//w:del", "//w:moveFrom", "//w:moveTo", "//w:del/w:r/w:delText",
        "//w:pPr/w:rPr/w:del", "//w:pPr/w:rPr/w:ins", "//w:pPr/w:rPr/w:moveTo"}) {
    EXPECT_FALSE(doc.select_nodes(element).empty()) << element;
  }
  // A move's two ends carry the same name, each range its end.
  const std::vector<std::string> from = Attributes(doc, "//w:moveFromRangeStart", "w:name");
  const std::vector<std::string> to = Attributes(doc, "//w:moveToRangeStart", "w:name");
  EXPECT_EQ(from, std::vector<std::string>{"move1"});
  EXPECT_EQ(to, std::vector<std::string>{"move1"});
  for (const char* range : {"moveFromRange", "moveToRange"}) {
    const std::string start = std::string("//w:") + range + "Start";
    const std::string end = std::string("//w:") + range + "End";
    EXPECT_EQ(Attributes(doc, start.c_str(), "w:id"), Attributes(doc, end.c_str(), "w:id"));
  }
  // Every revision is by treatywatch, dated by the later text, with an id of its own.
  std::set<std::string> ids;
  std::size_t annotations = 0;
  for (const char* xpath : {"//w:ins", "//w:del", "//w:moveFrom", "//w:moveTo",
                            "//w:moveFromRangeStart", "//w:moveToRangeStart"}) {
    for (const pugi::xpath_node& node : doc.select_nodes(xpath)) {
      EXPECT_STREQ(node.node().attribute("w:author").value(), "treatywatch");
      EXPECT_STREQ(node.node().attribute("w:date").value(), "2023-11-06T00:00:00Z");
      ids.insert(node.node().attribute("w:id").value());
      ++annotations;
    }
  }
  for (const std::string& id : Attributes(doc, "//w:commentRangeStart", "w:id")) {
    ids.insert(id);
    ++annotations;
  }
  EXPECT_EQ(ids.size(), annotations);
  // The renumbering of Art. 3 as Art. 2, on its number line.
  EXPECT_FALSE(doc.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='TwArticle'][w:r/w:t='Article ']"
                                "[w:del/w:r/w:delText='3'][w:ins/w:r/w:t='2']")
                   .empty());
}

TEST(ReportDocxTest, AcceptingGivesTheNewTextAndRejectingTheOld) {
  for (const Comparison& comparison :
       {testing::SampleComparison(), testing::HostileComparison(), testing::ShuffledComparison()}) {
    Package package;
    ASSERT_NO_FATAL_FAILURE(Load(comparison, package));
    const Views views = TrackedText(package.document);
    const Views expected = Expected(comparison);
    EXPECT_EQ(views.accepted, expected.accepted);
    EXPECT_EQ(views.rejected, expected.rejected);
  }
  Package package;
  ASSERT_NO_FATAL_FAILURE(Load(testing::SampleComparison(), package));
  const Views views = TrackedText(package.document);
  EXPECT_EQ(
      NumberLines(views.rejected),
      (std::vector<std::string>{"Preamble", "Article 1", "Article 2", "Article 3", "Article 4",
                                "Article 5", "Articles 6 and 7", "Final clause"}));
  EXPECT_EQ(
      NumberLines(views.accepted),
      (std::vector<std::string>{"Preamble", "Article 1", "Article 2", "Article 3",
                                "Articles 4 and 5", "Article 6", "Article 7", "Final clause"}));
  // The moved article's earlier words stand at its old place when changes are rejected.
  EXPECT_THAT(views.rejected,
              HasSubstr("Article 3\nArticle 4\nJurisdiction\n1. Each State Party shall adopt such "
                        "measures as may be necessary to establish its jurisdiction over the "
                        "offences established in accordance with this Convention when the "
                        "offence is committed in its territory.\nArticle 5\n"));
  EXPECT_THAT(views.accepted,
              HasSubstr("Article 7\nJurisdiction\n1. Each State Party shall adopt such measures "
                        "as may be necessary to establish its jurisdiction over the offences "
                        "established in accordance with articles 4 to 6 [when the offence is "
                        "committed in its territory] or on board a vessel flying its flag.\n"));
  // Paragraph breaks inside runs: joined in one view, split in the other.
  EXPECT_THAT(views.accepted, HasSubstr("under articles 4 and 5, or of a password"));
  EXPECT_THAT(views.rejected, HasSubstr("under articles 4 and 5.\nOffences relating to passwords\n"
                                        "1. Each State Party"));
}

TEST(ReportDocxTest, SeveralMovesKeepTheirNamesAndTheOldOrder) {
  Package package;
  ASSERT_NO_FATAL_FAILURE(Load(testing::ShuffledComparison(), package));
  const std::vector<std::string> names = {"move1", "move2", "move3"};
  std::vector<std::string> from = Attributes(package.document, "//w:moveFromRangeStart", "w:name");
  std::vector<std::string> to = Attributes(package.document, "//w:moveToRangeStart", "w:name");
  // New order Art. 5, 2, 1; old places: Arts. 1 and 2 before everything, Art. 5 at the end.
  EXPECT_EQ(to, names);
  EXPECT_EQ(from, (std::vector<std::string>{"move3", "move2", "move1"}));
  const Views views = TrackedText(package.document);
  EXPECT_EQ(
      NumberLines(views.rejected),
      (std::vector<std::string>{"Article 1", "Article 2", "Article 3", "Article 4", "Article 5"}));
  EXPECT_EQ(
      NumberLines(views.accepted),
      (std::vector<std::string>{"Article 5", "Article 2", "Article 1", "Article 3", "Article 4"}));
}

TEST(ReportDocxTest, CommentsExplainTheChanges) {
  Package package;
  ASSERT_NO_FATAL_FAILURE(Load(testing::SampleComparison(), package));
  std::set<std::string> comment_ids;
  std::string text;
  for (const pugi::xpath_node& comment : package.comments.select_nodes("//w:comment")) {
    comment_ids.insert(comment.node().attribute("w:id").value());
    for (const pugi::xpath_node& t : comment.node().select_nodes(".//w:t")) {
      text += t.node().text().get();
    }
    text += "\n";
  }
  const std::vector<std::string> references =
      Attributes(package.document, "//w:commentReference", "w:id");
  EXPECT_EQ(std::set<std::string>(references.begin(), references.end()), comment_ids);
  EXPECT_EQ(comment_ids.size(), 7u);  // six changed units and the moved one's old place
  EXPECT_THAT(text, HasSubstr("Art. 4 moved and became Art. 7 (from Chapter I General "
                              "provisions to Chapter III Jurisdiction)"));
  EXPECT_THAT(text, HasSubstr("Formerly between Art. 3 and Art. 5 in the earlier text."));
  EXPECT_THAT(text, HasSubstr("Brackets removed (agreed): \u201CSerious crime\u201D (Art. 1(b))."));
  EXPECT_THAT(text, HasSubstr("Art. 4 stood here in the earlier text \u2014 moved to Art. 7."));
  EXPECT_THAT(package.content_types, HasSubstr("/word/comments.xml"));
  EXPECT_THAT(package.document_rels, HasSubstr("relationships/comments\" Target=\"comments.xml\""));
  // The summary is plain text in a table before the tracked text.
  EXPECT_FALSE(
      package.document.select_nodes("//w:tbl//w:t[.='Earlier articles split into several']")
          .empty());
  EXPECT_TRUE(package.document.select_nodes("//w:tbl//w:ins | //w:tbl//w:del").empty());
}

TEST(ReportDocxTest, DeterministicBytesAndFixedZipTimes) {
  absl::StatusOr<std::string> first = RenderDocx(testing::SampleComparison());
  absl::StatusOr<std::string> second = RenderDocx(testing::SampleComparison());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, *second);
  // Local file header: signature, version, flags, method, DOS time, DOS date (2001-01-01).
  ASSERT_GT(first->size(), 14u);
  EXPECT_EQ(first->substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(first->substr(10, 4), std::string("\x00\x00\x21\x2A", 4));
  // An undated later text: revisions carry the fixed date.
  Comparison undated = testing::SampleComparison();
  undated.new_doc.date.clear();
  Package package;
  ASSERT_NO_FATAL_FAILURE(Load(undated, package));
  for (const std::string& date : Attributes(package.document, "//w:ins", "w:date")) {
    EXPECT_EQ(date, "2000-01-01T00:00:00Z");
  }
}

struct PrintableCase {
  std::string raw;
  std::string printable;
};

// Test names for ctest: the word the case starts with, not its bytes.
void PrintTo(const PrintableCase& c, std::ostream* os) {
  *os << c.raw.substr(0, c.raw.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789"));
}

class PrintableTextTest : public ::testing::TestWithParam<PrintableCase> {};

TEST_P(PrintableTextTest, Cleans) {
  EXPECT_EQ(PrintableText(GetParam().raw), GetParam().printable);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PrintableTextTest,
    ::testing::Values(
        PrintableCase{"plain \u00E9 \u4E2D \U0001F600", "plain \u00E9 \u4E2D \U0001F600"},
        PrintableCase{"tab\tand\nline", "tab\tand\nline"},
        PrintableCase{std::string("nul\0x", 5), "nulx"},
        PrintableCase{"c0\x01\x08\x0b\x0c\x1b\x1f\r|", "c0|"},
        PrintableCase{"del\x7f c1\xC2\x80\xC2\x9F|", "del c1|"},
        PrintableCase{"bad\xff\xfe|", "bad\xEF\xBF\xBD\xEF\xBF\xBD|"},
        PrintableCase{"overlong\xC0\xAF|", "overlong\xEF\xBF\xBD\xEF\xBF\xBD|"},
        PrintableCase{"surrogate\xED\xA0\x80|", "surrogate\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|"},
        PrintableCase{"truncated\xE2\x82", "truncated\xEF\xBF\xBD\xEF\xBF\xBD"},
        PrintableCase{"nonchar\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xB7\x90\xF0\x9F\xBF\xBF|", "nonchar|"}));

// The paragraphs of an ODT body from the one holding the "TrackedText" bookmark to the end
// line, as LibreOffice keeps them: tracked deletions live apart (text:tracked-changes) and
// insertions inline, so the body reads as if every change had been accepted.
std::string OdtAcceptedText(const pugi::xml_document& content) {
  std::string text;
  bool inside = false;
  auto text_of = [](pugi::xml_node paragraph) {
    std::string line;
    auto walk = [&line](auto&& self, pugi::xml_node node) -> void {
      for (pugi::xml_node child : node.children()) {
        const std::string_view name = child.name();
        if (child.type() == pugi::node_pcdata) {
          line += child.value();
        } else if (name == "text:s") {
          line.append(std::max(1, child.attribute("text:c").as_int()), ' ');
        } else if (name == "text:tab") {
          line += '\t';
        } else if (name != "office:annotation") {
          self(self, child);
        }
      }
    };
    walk(walk, paragraph);
    return line;
  };
  auto visit = [&](auto&& self, pugi::xml_node node) -> bool {
    for (pugi::xml_node child : node.children()) {
      const std::string_view name = child.name();
      if (name == "text:tracked-changes" || name == "table:table") continue;
      if (name != "text:p" && name != "text:h") {
        if (!self(self, child)) return false;
        continue;
      }
      const std::string line = text_of(child);
      if (inside && line == "End of the tracked text") return false;
      inside = inside || child.select_node(".//text:bookmark-start[@text:name='TrackedText']");
      if (inside) text += line + "\n";
    }
    return true;
  };
  visit(visit, content.child("office:document-content").child("office:body").child("office:text"));
  return text;
}

// LibreOffice must open the file, print it, and read the tracked changes as we mean them.
TEST(ReportDocxTest, LibreOfficeConvertsItToPdfAndAcceptsTheChanges) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "soffice not found: LibreOffice is not installed (Debian package "
                    "libreoffice-writer-nogui, see scripts/install-deps)";
  }
  const fs::path out = fs::path(TW_BINARY_DIR) / "report-docx";
  fs::create_directories(out);
  std::vector<fs::path> inputs;
  for (const auto& [name, comparison] :
       {std::pair{"comparison_report", testing::SampleComparison()},
        std::pair{"hostile_report", testing::HostileComparison()}}) {
    absl::StatusOr<std::string> bytes = RenderDocx(comparison);
    ASSERT_TRUE(bytes.ok()) << bytes.status();
    inputs.push_back(out / (std::string(name) + ".docx"));
    std::ofstream(inputs.back(), std::ios::binary) << *bytes;
    fs::remove(out / (std::string(name) + ".pdf"));
  }
  // A private profile, so that parallel runs do not share (and lock) one.
  std::string profile = (fs::temp_directory_path() / "tw-soffice-XXXXXX").string();
  ASSERT_NE(mkdtemp(profile.data()), nullptr);
  const std::string command = "timeout 300 soffice -env:UserInstallation=file://" + profile +
                              " --headless --norestore --convert-to pdf --outdir '" + out.string() +
                              "' '" + inputs[0].string() + "' '" + inputs[1].string() + "' > '" +
                              (out / "soffice.log").string() + "' 2>&1";
  const int status = std::system(command.c_str());
  // The same files as OpenDocument, where LibreOffice shows what it made of the revisions.
  std::string odt_command = command;
  odt_command.replace(odt_command.find("--convert-to pdf"), 16, "--convert-to odt");
  odt_command.replace(odt_command.rfind("soffice.log"), 11, "soffice-odt.log");
  const int odt_status = std::system(odt_command.c_str());
  fs::remove_all(profile);
  std::ifstream log(out / "soffice.log");
  const std::string log_text((std::istreambuf_iterator<char>(log)), {});
  ASSERT_EQ(status, 0) << command << "\n" << log_text;
  for (const char* name : {"comparison_report.pdf", "hostile_report.pdf"}) {
    const fs::path pdf = out / name;
    ASSERT_TRUE(fs::exists(pdf)) << pdf << "\n" << log_text;
    EXPECT_GT(fs::file_size(pdf), 2000u) << pdf;
    std::ifstream in(pdf, std::ios::binary);
    std::string magic(5, '\0');
    in.read(magic.data(), 5);
    EXPECT_EQ(magic, "%PDF-") << pdf;
  }
  ASSERT_EQ(odt_status, 0) << odt_command;
  for (const auto& [name, comparison] :
       {std::pair{"comparison_report.odt", testing::SampleComparison()},
        std::pair{"hostile_report.odt", testing::HostileComparison()}}) {
    const fs::path odt = out / name;
    std::ifstream in(odt, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    const std::optional<std::string> xml = ReadMember(bytes, "content.xml");
    ASSERT_TRUE(xml) << odt;
    pugi::xml_document content;
    ASSERT_TRUE(content.load_string(xml->c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    EXPECT_EQ(OdtAcceptedText(content), Expected(comparison).accepted) << odt;
  }
}

}  // namespace
}  // namespace tw::compare
