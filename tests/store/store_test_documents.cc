#include "store_test_documents.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <utility>
#include <vector>

namespace tw::store::testing {
namespace {

using doc::Provision;
using doc::ProvisionKind;

Provision Node(std::string path, ProvisionKind kind, std::string num, std::string label,
               std::string heading, std::string text, std::vector<Provision> children = {}) {
  Provision node;
  node.path = std::move(path);
  node.kind = kind;
  node.num = std::move(num);
  node.label = std::move(label);
  node.heading = std::move(heading);
  node.text = std::move(text);
  node.children = std::move(children);
  return node;
}

void AppendLine(std::string& text, std::string_view line) {
  if (line.empty()) return;
  if (!text.empty()) text.push_back('\n');
  text.append(line);
}

// Writes the tree into `text` the way a reader would (label, heading, own text, one per line)
// and sets offsets, pages (a page per 2000 bytes) and bracket spans to match.
void Layout(Provision& node, std::string& text) {
  node.begin = text.empty() ? 0 : text.size() + 1;
  AppendLine(text, node.label);
  AppendLine(text, node.heading);
  AppendLine(text, node.text);
  const std::size_t own_begin = text.size() - node.text.size();
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < node.text.size(); ++i) {
    if (node.text[i] == '[' && !(i + 2 < node.text.size() && node.text[i + 2] == ']')) {
      open.push_back(own_begin + i);
    } else if (node.text[i] == ']' && !open.empty()) {
      node.brackets.push_back({open.back(), own_begin + i + 1, static_cast<int>(open.size())});
      open.pop_back();
    }
  }
  node.page_first = static_cast<int>(node.begin / 2000) + 1;
  for (Provision& child : node.children) Layout(child, text);
  node.end = text.size();
  node.page_last = static_cast<int>(node.end / 2000) + 1;
}

constexpr std::array<std::string_view, 24> kWords = {
    "state",     "party",    "shall",        "measures", "data",        "computer",
    "offence",   "domestic", "law",          "access",   "authorities", "cooperation",
    "request",   "evidence", "information",  "system",   "traffic",     "content",
    "procedure", "provider", "jurisdiction", "criminal", "legislative", "necessary"};

std::string Sentence(std::uint32_t& seed, int words) {
  std::string out;
  for (int i = 0; i < words; ++i) {
    seed = seed * 1664525u + 1013904223u;
    if (!out.empty()) out.push_back(' ');
    out.append(kWords[(seed >> 16) % kWords.size()]);
  }
  out.push_back('.');
  return out;
}

void ExpectSameProvision(const Provision& expected, const Provision& actual) {
  SCOPED_TRACE(fmt::format("provision '{}'", expected.path));
  EXPECT_EQ(expected.path, actual.path);
  EXPECT_EQ(expected.kind, actual.kind);
  EXPECT_EQ(expected.num, actual.num);
  EXPECT_EQ(expected.label, actual.label);
  EXPECT_EQ(expected.heading, actual.heading);
  EXPECT_EQ(expected.text, actual.text);
  EXPECT_EQ(expected.begin, actual.begin);
  EXPECT_EQ(expected.end, actual.end);
  EXPECT_EQ(expected.page_first, actual.page_first);
  EXPECT_EQ(expected.page_last, actual.page_last);
  ASSERT_EQ(expected.brackets.size(), actual.brackets.size());
  for (std::size_t i = 0; i < expected.brackets.size(); ++i) {
    EXPECT_EQ(expected.brackets[i].begin, actual.brackets[i].begin) << "bracket " << i;
    EXPECT_EQ(expected.brackets[i].end, actual.brackets[i].end) << "bracket " << i;
    EXPECT_EQ(expected.brackets[i].depth, actual.brackets[i].depth) << "bracket " << i;
  }
  ASSERT_EQ(expected.children.size(), actual.children.size());
  for (std::size_t i = 0; i < expected.children.size(); ++i) {
    ExpectSameProvision(expected.children[i], actual.children[i]);
  }
}

}  // namespace

std::string FakeSha256(std::string_view seed) {
  const std::size_t a = std::hash<std::string_view>()(seed);
  const std::size_t b = std::hash<std::string>()(std::string(seed) + "#2");
  return fmt::format("{:016x}{:016x}{:016x}{:016x}", a, b, a ^ b, seed.size());
}

doc::Document MakeSampleConvention(std::string_view symbol, std::string_view sha_seed) {
  doc::Document document;
  doc::DocumentMeta& meta = document.meta;
  meta.id = 99;                               // ignored by the store
  meta.version = 42;                          // ignored: the chain decides
  meta.ingested_at = "1999-01-01T00:00:00Z";  // ignored: the store stamps it
  meta.symbol = std::string(symbol);
  meta.title = "Draft United Nations convention against cybercrime";
  meta.kind = "draft";
  meta.date = "2024-08-07";
  meta.lang = "en";
  meta.instrument = "UN Convention against Cybercrime";
  meta.session = 7;
  meta.authors = {"Chair", "Brazil", "Côte d’Ivoire"};
  meta.source_name = "draft-convention.pdf";
  meta.format = "pdf";
  meta.sha256 = FakeSha256(sha_seed);
  meta.page_count = 3;

  document.root = Node(
      "", ProvisionKind::kDocument, "", "", "", "",
      {Node("preamble", ProvisionKind::kPreamble, "", "", "",
            "The States Parties to this Convention,",
            {Node("preamble.u1", ProvisionKind::kUnnumbered, "", "", "",
                  "Concerned about the increasing use of information and communications "
                  "technology for cybercrime,"),
             Node("preamble.u2", ProvisionKind::kUnnumbered, "", "", "",
                  "Recognizing the need to protect human rights,")}),
       Node("ch1", ProvisionKind::kChapter, "I", "Chapter I", "General provisions", "",
            {Node("art1", ProvisionKind::kArticle, "1", "Article 1", "Statement of purpose",
                  "The purposes of this Convention are to promote and strengthen measures to "
                  "prevent and combat cybercrime more efficiently and effectively."),
             Node("art2", ProvisionKind::kArticle, "2", "Article 2", "Use of terms", "",
                  {Node("art2.u1", ProvisionKind::kUnnumbered, "", "", "",
                        "For the purposes of this Convention:"),
                   Node("art2.a", ProvisionKind::kPoint, "a", "(a)", "",
                        "\"Information and communications technology system\" shall mean any "
                        "device or group of interconnected devices;")})}),
       Node("ch4", ProvisionKind::kChapter, "IV", "Chapter IV",
            "Procedural measures and law enforcement", "",
            {Node("art24", ProvisionKind::kArticle, "24", "Article 24.",
                  "Conditions and safeguards", "",
                  {Node("art24.p1", ProvisionKind::kParagraph, "1", "1.", "",
                        "Each State Party shall ensure that the establishment, implementation and "
                        "application of the powers and procedures provided for in this chapter "
                        "are subject to conditions and safeguards provided for under its domestic "
                        "law, consistent with article 15 of the Budapest Convention."),
                   Node("art24.p2", ProvisionKind::kParagraph, "2", "2.", "",
                        "Such conditions and safeguards shall, as appropriate in view of the "
                        "nature of the procedure or power concerned, include, inter alia:",
                        {Node("art24.p2.a", ProvisionKind::kPoint, "a", "(a)", "",
                              "judicial or other independent review;"),
                         Node("art24.p2.b", ProvisionKind::kPoint, "b", "(b)", "",
                              "the right to an effective remedy, including:",
                              {Node("art24.p2.b.i", ProvisionKind::kSubpoint, "i", "(i)", "",
                                    "grounds justifying application;")})})}),
             Node("art25", ProvisionKind::kArticle, "25", "Article 25", "Coopération", "",
                  {Node("art25.p1", ProvisionKind::kParagraph, "1", "1.", "",
                        "Les États parties coopèrent [dans toute la mesure possible] aux fins "
                        "des enquêtes.")}),
             Node("art29", ProvisionKind::kArticle, "29", "Article 29",
                  "Interception of content data", "",
                  {Node("art29.opt1", ProvisionKind::kOption, "1", "Option 1", "",
                        "Each State Party shall adopt [such legislative measures [as may be "
                        "necessary]] to empower its competent authorities regarding interception "
                        "of content data [1], in accordance with article 24."),
                   Node("art29.opt2", ProvisionKind::kOption, "2", "Option 2", "",
                        "[Delete the article.]")})}),
       Node("fn1", ProvisionKind::kFootnote, "1", "[1]", "",
            "The interception of content data is subject to the safeguards of article 24.")});
  Layout(document.root, document.text);

  const std::size_t budapest = document.text.find("article 15 of the Budapest Convention");
  const std::size_t art24 = document.text.find("article 24.");
  document.references = {
      {"art24.p1",
       budapest,
       budapest + 37,
       "article 15 of the Budapest Convention",
       {"art15"},
       "Budapest Convention"},
      {"art29.opt1", art24, art24 + 10, "article 24", {"art24", "art24.p1"}, ""},
      {"fn1", 0, 4, "this", {}, ""},
  };
  document.warnings = {
      {12, 2, "unclosed bracket near \"[dans\"", true},
      {0, 1, "2 tracked insertions accepted", false},
  };
  document.spans = {{0, 0, 1}, {100, 130, 2}, {document.text.size() / 2, 4096, 3}};
  return document;
}

doc::Document MakeConventionSizedDocument(std::string_view sha_seed) {
  doc::Document document;
  document.meta.symbol = "A/AC.291/L.15";
  document.meta.title = "Convention-sized synthetic draft";
  document.meta.kind = "draft";
  document.meta.sha256 = FakeSha256(sha_seed);
  document.meta.source_name = "synthetic.txt";
  document.meta.format = "txt";
  std::uint32_t seed = 7;
  int article = 0;
  for (int c = 1; c <= 9; ++c) {
    Provision chapter = Node(fmt::format("ch{}", c), ProvisionKind::kChapter, std::to_string(c),
                             fmt::format("Chapter {}", c), Sentence(seed, 4), "");
    const int articles = c <= 5 ? 8 : 7;  // 5 * 8 + 4 * 7 = 68
    for (int a = 0; a < articles; ++a) {
      ++article;
      const std::string art = fmt::format("art{}", article);
      Provision node = Node(art, ProvisionKind::kArticle, std::to_string(article),
                            fmt::format("Article {}", article), Sentence(seed, 3), "");
      for (int p = 1; p <= 4; ++p) {
        const std::string para = fmt::format("{}.p{}", art, p);
        Provision paragraph = Node(para, ProvisionKind::kParagraph, std::to_string(p),
                                   fmt::format("{}.", p), "", Sentence(seed, 14));
        for (char point = 'a'; point <= 'c'; ++point) {
          paragraph.children.push_back(Node(fmt::format("{}.{}", para, point),
                                            ProvisionKind::kPoint, std::string(1, point),
                                            fmt::format("({})", point), "", Sentence(seed, 14)));
        }
        node.children.push_back(std::move(paragraph));
      }
      chapter.children.push_back(std::move(node));
    }
    document.root.children.push_back(std::move(chapter));
  }
  Layout(document.root, document.text);
  return document;
}

doc::Document MakeCountedDocument(int provisions, std::string_view sha_seed) {
  doc::Document document;
  document.meta.title = fmt::format("n={}", provisions);
  document.meta.kind = "proposal";
  document.meta.sha256 = FakeSha256(sha_seed);
  std::uint32_t seed = static_cast<std::uint32_t>(provisions) * 31u + 1u;
  int made = 0;
  int article = 0;
  while (made < provisions) {
    ++article;
    const std::string art = fmt::format("art{}", article);
    Provision node =
        Node(art, ProvisionKind::kArticle, std::to_string(article), "", "", Sentence(seed, 8));
    ++made;
    for (int p = 1; p <= 3 && made < provisions; ++p, ++made) {
      node.children.push_back(Node(fmt::format("{}.p{}", art, p), ProvisionKind::kParagraph,
                                   std::to_string(p), "", "", Sentence(seed, 10)));
    }
    document.root.children.push_back(std::move(node));
  }
  Layout(document.root, document.text);
  return document;
}

int CountProvisions(const doc::Provision& root) {
  int count = 0;
  doc::VisitProvisions(root, [&](const doc::Provision&, int) { ++count; });
  return count;
}

void ExpectSameDocument(const doc::Document& expected, const doc::Document& actual) {
  EXPECT_EQ(expected.meta.symbol, actual.meta.symbol);
  EXPECT_EQ(expected.meta.title, actual.meta.title);
  EXPECT_EQ(expected.meta.kind, actual.meta.kind);
  EXPECT_EQ(expected.meta.date, actual.meta.date);
  EXPECT_EQ(expected.meta.lang, actual.meta.lang);
  EXPECT_EQ(expected.meta.instrument, actual.meta.instrument);
  EXPECT_EQ(expected.meta.session, actual.meta.session);
  EXPECT_EQ(expected.meta.authors, actual.meta.authors);
  EXPECT_EQ(expected.meta.source_name, actual.meta.source_name);
  EXPECT_EQ(expected.meta.format, actual.meta.format);
  EXPECT_EQ(expected.meta.sha256, actual.meta.sha256);
  EXPECT_EQ(expected.meta.page_count, actual.meta.page_count);
  EXPECT_EQ(expected.text, actual.text);
  ASSERT_EQ(expected.spans.size(), actual.spans.size());
  for (std::size_t i = 0; i < expected.spans.size(); ++i) {
    EXPECT_EQ(expected.spans[i].text_begin, actual.spans[i].text_begin) << "span " << i;
    EXPECT_EQ(expected.spans[i].source_begin, actual.spans[i].source_begin) << "span " << i;
    EXPECT_EQ(expected.spans[i].page, actual.spans[i].page) << "span " << i;
  }
  ExpectSameProvision(expected.root, actual.root);
  ASSERT_EQ(expected.references.size(), actual.references.size());
  for (std::size_t i = 0; i < expected.references.size(); ++i) {
    SCOPED_TRACE(fmt::format("cross-reference {}", i));
    EXPECT_EQ(expected.references[i].from_path, actual.references[i].from_path);
    EXPECT_EQ(expected.references[i].begin, actual.references[i].begin);
    EXPECT_EQ(expected.references[i].end, actual.references[i].end);
    EXPECT_EQ(expected.references[i].text, actual.references[i].text);
    EXPECT_EQ(expected.references[i].targets, actual.references[i].targets);
    EXPECT_EQ(expected.references[i].instrument, actual.references[i].instrument);
  }
  ASSERT_EQ(expected.warnings.size(), actual.warnings.size());
  for (std::size_t i = 0; i < expected.warnings.size(); ++i) {
    SCOPED_TRACE(fmt::format("warning {}", i));
    EXPECT_EQ(expected.warnings[i].offset, actual.warnings[i].offset);
    EXPECT_EQ(expected.warnings[i].line, actual.warnings[i].line);
    EXPECT_EQ(expected.warnings[i].message, actual.warnings[i].message);
    EXPECT_EQ(expected.warnings[i].matters, actual.warnings[i].matters);
  }
}

}  // namespace tw::store::testing
