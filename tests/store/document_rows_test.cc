// Flattening a document into rows and rebuilding it, the shared row codecs, and lookup keys:
// the backend-independent half of every store.
#include "store/document_rows.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "store/document_codec.h"
#include "store/document_lookup.h"
#include "store_test_documents.h"

namespace tw::store {
namespace {

using testing::CountProvisions;
using testing::ExpectSameDocument;
using ::testing::HasSubstr;
using testing::MakeConventionSizedDocument;
using testing::MakeSampleConvention;

// Rebuilds the tree from the flattened rows, as a backend does when reading them back.
absl::StatusOr<doc::Provision> Rebuild(const std::vector<FlatProvision>& rows) {
  ProvisionTreeBuilder builder("test document");
  for (const FlatProvision& row : rows) {
    doc::Provision node = *row.node;
    node.children.clear();
    std::optional<std::string_view> parent;
    if (row.parent != nullptr) parent = row.parent->path;
    if (absl::Status s = builder.Add(parent, row.depth, std::move(node)); !s.ok()) return s;
  }
  return builder.Finish();
}

TEST(DocumentRowsTest, FlattensInDocumentOrderAndRebuildsTheSameTree) {
  const doc::Document document = MakeSampleConvention("A/AC.291/22", "rows");
  absl::StatusOr<std::vector<FlatProvision>> rows = FlattenProvisions(document);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(static_cast<int>(rows->size()), CountProvisions(document.root));
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    EXPECT_EQ((*rows)[i].ordinal, static_cast<int>(i));
    paths.push_back((*rows)[i].node->path);
  }
  EXPECT_EQ(paths[0], "");
  EXPECT_EQ((*rows)[0].depth, 0);
  EXPECT_EQ((*rows)[0].parent, nullptr);
  EXPECT_THAT(std::vector<std::string>(paths.begin() + 1, paths.begin() + 6),
              ::testing::ElementsAre("preamble", "preamble.u1", "preamble.u2", "ch1", "art1"));

  absl::StatusOr<doc::Provision> rebuilt = Rebuild(*rows);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status();
  doc::Document copy = document;
  copy.root = *std::move(rebuilt);
  ExpectSameDocument(document, copy);
}

TEST(DocumentRowsTest, CitationsEqualCitationLabelOnTheWholeTree) {
  for (const doc::Document& document :
       {MakeSampleConvention("A/AC.291/22", "citations"), MakeConventionSizedDocument("big")}) {
    absl::StatusOr<std::vector<FlatProvision>> rows = FlattenProvisions(document);
    ASSERT_TRUE(rows.ok()) << rows.status();
    for (const FlatProvision& row : *rows) {
      EXPECT_EQ(row.citation,
                CitationOf(doc::CitationLabel(document.root, row.node->path), document.CiteName()))
          << row.node->path;
    }
  }
  const doc::Document sample = MakeSampleConvention("A/AC.291/22", "citations");
  const std::vector<FlatProvision> rows = *FlattenProvisions(sample);
  auto citation = [&](std::string_view path) {
    for (const FlatProvision& row : rows) {
      if (row.node->path == path) return row.citation;
    }
    return std::string("(missing)");
  };
  EXPECT_EQ(citation(""), "A/AC.291/22");
  EXPECT_EQ(citation("art24"), "Art. 24, A/AC.291/22");
  EXPECT_EQ(citation("art24.p2.b.i"), "Art. 24(2)(b)(i), A/AC.291/22");
  EXPECT_EQ(citation("ch4"), "Chapter IV, A/AC.291/22");
  EXPECT_EQ(citation("art29.opt1"), "Art. 29, Option 1, A/AC.291/22");
}

TEST(DocumentRowsTest, PathsThatAreNotAncestorsStillGetTheFullTreeCitation) {
  // "art7.p1" sits under "ch2" but not under an "art7": the citation falls back to the whole tree.
  doc::Document document;
  document.meta.symbol = "S/1";
  doc::Provision chapter;
  chapter.path = "ch2";
  chapter.kind = doc::ProvisionKind::kChapter;
  doc::Provision article;
  article.path = "art7";
  article.kind = doc::ProvisionKind::kArticle;
  doc::Provision paragraph;
  paragraph.path = "art7.p1";
  paragraph.kind = doc::ProvisionKind::kParagraph;
  paragraph.num = "1";
  chapter.children = {paragraph};
  document.root.children = {article, chapter};
  const std::vector<FlatProvision> rows = *FlattenProvisions(document);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[3].node->path, "art7.p1");
  EXPECT_EQ(rows[3].citation, CitationOf(doc::CitationLabel(document.root, "art7.p1"), "S/1"));
}

TEST(DocumentRowsTest, BoundsTheTree) {
  doc::Document deep;
  deep.meta.title = "deep";
  doc::Provision* at = &deep.root;
  for (int depth = 1; depth <= kMaxProvisionDepth + 1; ++depth) {
    at->children.emplace_back();
    at = &at->children.back();
    at->path = "n" + std::to_string(depth);
  }
  absl::StatusOr<std::vector<FlatProvision>> rows = FlattenProvisions(deep);
  EXPECT_EQ(rows.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(rows.status().message()), HasSubstr("deep"));
}

TEST(DocumentRowsTest, DamagedRowsAreDataLossNotAWrongTree) {
  struct Row {
    std::optional<std::string> parent;
    int depth;
    std::string path;
  };
  const std::vector<std::vector<Row>> damaged = {
      {},                                                    // no root
      {{std::nullopt, 1, "art1"}},                           // first row is not a root
      {{std::nullopt, 0, ""}, {std::string(""), 2, "x"}},    // skips a level
      {{std::nullopt, 0, ""}, {std::string("zz"), 1, "x"}},  // wrong parent
      {{std::nullopt, 0, ""}, {std::nullopt, 1, "x"}},       // parent missing
      {{std::nullopt, 0, ""}, {std::nullopt, 0, "x"}},       // a second root
  };
  for (std::size_t i = 0; i < damaged.size(); ++i) {
    ProvisionTreeBuilder builder("document 7");
    absl::Status status;
    for (const Row& row : damaged[i]) {
      doc::Provision node;
      node.path = row.path;
      std::optional<std::string_view> parent;
      if (row.parent) parent = *row.parent;
      status = builder.Add(parent, row.depth, std::move(node));
      if (!status.ok()) break;
    }
    if (status.ok()) status = builder.Finish().status();
    EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << "case " << i << ": " << status;
    EXPECT_THAT(std::string(status.message()), HasSubstr("document 7")) << "case " << i;
  }
}

TEST(DocumentRowsTest, ValidatesWhatTheStoreNeeds) {
  doc::Document document = MakeSampleConvention("S/1", "valid");
  EXPECT_TRUE(ValidateForPut(document).ok());
  document.meta.kind = "memo";
  EXPECT_EQ(ValidateForPut(document).code(), absl::StatusCode::kInvalidArgument);
  document.meta.kind = "final";
  document.meta.sha256.clear();
  EXPECT_EQ(ValidateForPut(document).code(), absl::StatusCode::kInvalidArgument);
}

TEST(DocumentRowsTest, ChainsAndTimestamps) {
  EXPECT_EQ(NextChainVersion(0), 1);
  EXPECT_EQ(NextChainVersion(3), 4);
  EXPECT_EQ(FormatIngestedAt(std::chrono::system_clock::time_point(std::chrono::seconds(0))),
            "1970-01-01T00:00:00Z");
  EXPECT_EQ(
      FormatIngestedAt(std::chrono::system_clock::time_point(std::chrono::seconds(1735043400))),
      "2024-12-24T12:30:00Z");
}

TEST(DocumentCodecTest, RoundTripsAndRejectsDamage) {
  const std::vector<doc::SourceSpan> spans = {{0, 0, 1}, {10, 250, 2}, {99, 1u << 31, 0}};
  absl::StatusOr<std::vector<doc::SourceSpan>> decoded = DecodeSpans(EncodeSpans(spans), "spans");
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  ASSERT_EQ(decoded->size(), 3u);
  EXPECT_EQ((*decoded)[2].source_begin, std::size_t{1} << 31);
  EXPECT_EQ((*decoded)[1].page, 2);

  const std::vector<doc::BracketSpan> brackets = {{5, 20, 1}, {8, 12, 2}};
  EXPECT_EQ(EncodeBrackets(brackets), "[[5,20,1],[8,12,2]]");
  ASSERT_TRUE(DecodeBrackets("[]", "b").ok());
  EXPECT_EQ(DecodeBrackets("[[5,20,1],[8,12,2]]", "b")->at(1).depth, 2);

  const std::vector<std::string> targets = {"art24", "art24.p1", "annex.art7"};
  EXPECT_EQ(*DecodeTargets(EncodeTargets(targets), "t"), targets);

  for (std::string_view damaged : {"", "{", "{}", "[1]", "[[1,2]]", "[[-1,2,3]]", "[[1,2,\"x\"]]",
                                   "[[1,2,99999999999]]", "[[1.5,2,3]]"}) {
    EXPECT_EQ(DecodeSpans(damaged, "document 3 spans").status().code(), absl::StatusCode::kDataLoss)
        << damaged;
    EXPECT_EQ(DecodeBrackets(damaged, "b").status().code(), absl::StatusCode::kDataLoss) << damaged;
  }
  EXPECT_THAT(std::string(DecodeSpans("{", "document 3 spans").status().message()),
              HasSubstr("document 3 spans"));
  EXPECT_EQ(DecodeTargets("[1]", "t").status().code(), absl::StatusCode::kDataLoss);
}

TEST(DocumentLookupTest, NumbersAreIdsAndEverythingIsASymbol) {
  EXPECT_EQ(ParseDocumentKey("42").id, 42);
  EXPECT_EQ(ParseDocumentKey("42").symbol, "42");
  EXPECT_FALSE(ParseDocumentKey("A/AC.291/22").id.has_value());
  EXPECT_FALSE(ParseDocumentKey("-1").id.has_value());
  EXPECT_FALSE(ParseDocumentKey("").id.has_value());
  EXPECT_FALSE(ParseDocumentKey("1234567890123456789").id.has_value());
  EXPECT_EQ(ParseDocumentKey("123456789012345678").id, 123456789012345678);
  EXPECT_EQ(DocumentNotFoundError("X/1").message(), "no document 'X/1' (try `treatywatch list`)");
  EXPECT_EQ(NormalizeSha256("ABCdef09"), "abcdef09");
}

}  // namespace
}  // namespace tw::store
