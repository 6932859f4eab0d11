// Re-anchoring evidence quotes: hand cases for each status and for hostile anchors, the quote
// search helpers, and the acceptance test on generated version pairs of the real treaty texts
// (tests/compare/pair_generator.h): an anchor whose words survive in the article the truth
// aligns its article to is found again (intact or moved) in >= 99 % of cases, and an anchor
// whose words did not survive is never reported intact.
#include "factcheck/reanchor.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compare/compare.h"
#include "doc/provision.h"
#include "factcheck/fuzzy_quote.h"
#include "factcheck/quote_search.h"
#include "tests/compare/pair_generator.h"
#include "text/utf8.h"

namespace tw::factcheck {
namespace {

using compare::testing::GeneratedPair;
using compare::testing::PairParams;

doc::Document Parse(std::string_view name, std::string_view text, std::int64_t id) {
  absl::StatusOr<doc::Document> parsed = compare::testing::ParsePlainText(name, text);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  doc::Document document = parsed.ok() ? *std::move(parsed) : doc::Document{};
  document.meta.id = id;
  return document;
}

// Replaces the one occurrence of `from` (the test's own texts, so a miss is a test bug).
std::string Replace(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Inserts bytes into a parsed document's text, moving the tree's offsets after them.
void InsertBytes(doc::Document& document, std::size_t at, std::string_view bytes) {
  document.text.insert(at, bytes);
  std::vector<doc::Provision*> stack = {&document.root};
  while (!stack.empty()) {
    doc::Provision* node = stack.back();
    stack.pop_back();
    if (node->begin >= at) node->begin += bytes.size();
    if (node->end > at) node->end += bytes.size();
    for (doc::Provision& child : node->children) stack.push_back(&child);
  }
}

EvidenceAnchor Quote(const doc::Document& document, std::string_view path, std::string_view exact) {
  absl::StatusOr<EvidenceAnchor> anchor = AnchorQuote(document, path, exact);
  EXPECT_TRUE(anchor.ok()) << anchor.status();
  return anchor.ok() ? *anchor : EvidenceAnchor{};
}

// A found anchor must point at the real bytes of the new text.
void ExpectConsistent(const doc::Document& document, const EvidenceAnchor& anchor) {
  ASSERT_LE(anchor.end, document.text.size());
  EXPECT_EQ(document.text.substr(anchor.start, anchor.end - anchor.start), anchor.exact);
  EXPECT_EQ(anchor.document_id, document.meta.id);
  EXPECT_FALSE(text::FindInvalidUtf8(anchor.prefix).has_value());
  EXPECT_FALSE(text::FindInvalidUtf8(anchor.suffix).has_value());
}

constexpr std::string_view kOld = R"(Test Convention on Cooperation

Preamble

The States Parties to the present Convention,

Have agreed as follows:

Chapter I
General provisions

Article 1
Statement of purpose
1. The purposes of this Convention are to promote and strengthen measures to prevent and combat cybercrime more efficiently and effectively.
2. To promote, facilitate and support international cooperation in preventing and combating cybercrime.

Article 2
Use of terms
For the purposes of this Convention, "electronic data" shall mean any representation of facts, information or concepts in a form suitable for processing in a computer system.

Article 3
Scope of application
This Convention shall apply to the prevention, investigation and prosecution of the criminal offences established in accordance with this Convention.

Chapter II
Criminalization

Article 4
Illegal access
1. Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the access to the whole or any part of a computer system without right.
2. A State Party may require that the offence be committed by infringing security measures, with the intent of obtaining electronic data.

Article 5
Protection of witnesses
1. Each State Party shall take appropriate measures within its means to provide effective protection from potential retaliation or intimidation for witnesses and experts who give testimony.
2. The parrot registry of the lighthouse keepers shall be kept in a sealed orange envelope until the comet returns.

Article 6
Liability of legal persons
1. Each State Party shall adopt such measures as may be necessary to establish the liability of legal persons for participation in the offences established in accordance with this Convention.
2. Such liability shall be without prejudice to the criminal liability of the natural persons who have committed the offences.

Chapter III
Final provisions

Article 7
Signature
This Convention shall be open to all States for signature.
)";

const std::string_view kArt4Quote =
    "adopt such legislative and other measures as may be necessary to establish";

class ReanchorHandTest : public ::testing::Test {
 protected:
  void SetUp() override { old_ = Parse("old.txt", kOld, 1); }

  ReanchorResult Run(const EvidenceAnchor& anchor, const std::string& new_text,
                     bool compare = true) {
    return RunOn(anchor, Parse("new.txt", new_text, 2), compare);
  }

  ReanchorResult RunOn(const EvidenceAnchor& anchor, doc::Document new_doc, bool compare = true) {
    new_ = std::move(new_doc);
    comparison_ = compare::CompareDocuments(old_, new_);
    ReanchorResult result = Reanchor(anchor, old_, new_, compare ? &comparison_ : nullptr);
    if (result.found) ExpectConsistent(new_, *result.found);
    for (const EvidenceAnchor& alternative : result.alternatives) {
      ExpectConsistent(new_, alternative);
    }
    return result;
  }

  doc::Document old_;
  doc::Document new_;
  compare::Comparison comparison_;
};

TEST_F(ReanchorHandTest, MakeAnchorCutsSelectorsAndFindsDeepestPath) {
  const std::size_t start = old_.text.find(kArt4Quote);
  absl::StatusOr<EvidenceAnchor> anchor = MakeAnchor(old_, start, start + kArt4Quote.size());
  ASSERT_TRUE(anchor.ok()) << anchor.status();
  EXPECT_EQ(anchor->path, "art4.p1");
  EXPECT_EQ(anchor->exact, kArt4Quote);
  EXPECT_EQ(anchor->prefix, old_.text.substr(start - kAnchorContextBytes, kAnchorContextBytes));
  EXPECT_EQ(anchor->suffix, old_.text.substr(start + kArt4Quote.size(), kAnchorContextBytes));
  EXPECT_EQ(anchor->document_id, 1);
  // Across two paragraphs: the article holds it.
  const std::size_t across = old_.text.find("without right.");
  anchor = MakeAnchor(old_, across, old_.text.find("infringing"));
  ASSERT_TRUE(anchor.ok());
  EXPECT_EQ(anchor->path, "art4");
}

TEST_F(ReanchorHandTest, MakeAnchorRefusesBadRanges) {
  const std::size_t size = old_.text.size();
  EXPECT_EQ(MakeAnchor(old_, 10, 10).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MakeAnchor(old_, 20, 10).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MakeAnchor(old_, size - 1, size + 1).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MakeAnchor(old_, std::size_t{1} << 62, std::size_t{1} << 63).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(MakeAnchor(old_, 0, size).ok());
}

TEST(MakeAnchorUtf8Test, RefusesSplitCharactersAndCutsContextOnBoundaries) {
  // "é" is 2 bytes, "€" 3: context cut 32 bytes away lands inside them.
  std::string text = "Article 1\nHeading\n1. ";
  for (int i = 0; i < 20; ++i) text += "é€";
  text += "QUOTE";
  for (int i = 0; i < 20; ++i) text += "€é";
  text += "\n";
  const doc::Document document = Parse("utf8.txt", text, 5);
  const std::size_t start = document.text.find("QUOTE");
  ASSERT_NE(start, std::string::npos);
  absl::StatusOr<EvidenceAnchor> anchor = MakeAnchor(document, start, start + 5);
  ASSERT_TRUE(anchor.ok()) << anchor.status();
  EXPECT_FALSE(text::FindInvalidUtf8(anchor->prefix).has_value());
  EXPECT_FALSE(text::FindInvalidUtf8(anchor->suffix).has_value());
  EXPECT_LE(anchor->prefix.size(), kAnchorContextBytes);
  EXPECT_GE(anchor->prefix.size(), kAnchorContextBytes - 2);
  EXPECT_LE(anchor->suffix.size(), kAnchorContextBytes);
  EXPECT_GE(anchor->suffix.size(), kAnchorContextBytes - 2);
  // Inside "€" (start), inside "é" (end).
  const std::size_t euro = document.text.find("€");
  EXPECT_EQ(MakeAnchor(document, euro + 1, euro + 6).status().code(),
            absl::StatusCode::kInvalidArgument);
  const std::size_t e_acute = document.text.find("é");
  EXPECT_EQ(MakeAnchor(document, e_acute - 3, e_acute + 1).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ReanchorHandTest, AnchorQuoteFindsOnceRefusesAbsentAndRepeated) {
  const EvidenceAnchor anchor = Quote(old_, "art4", kArt4Quote);
  EXPECT_EQ(anchor.path, "art4.p1");
  EXPECT_EQ(anchor.exact, kArt4Quote);

  // Spacing and typography of the quote do not matter; the anchor holds the text's bytes.
  absl::StatusOr<EvidenceAnchor> loose =
      AnchorQuote(old_, "", "“electronic   data”\nshall  mean any representation");
  ASSERT_TRUE(loose.ok()) << loose.status();
  EXPECT_EQ(loose->exact, "\"electronic data\" shall mean any representation");
  EXPECT_EQ(loose->path, "art2");

  absl::StatusOr<EvidenceAnchor> absent = AnchorQuote(old_, "", "no such words in the text");
  EXPECT_EQ(absent.status().code(), absl::StatusCode::kNotFound);

  // "Each State Party shall" is in articles 4, 5 and 6.
  absl::StatusOr<EvidenceAnchor> repeated = AnchorQuote(old_, "", "Each State Party shall");
  EXPECT_EQ(repeated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(repeated.status().message().find("3 times"), std::string_view::npos)
      << repeated.status();
  // Inside one provision it occurs once.
  EXPECT_TRUE(AnchorQuote(old_, "art5", "Each State Party shall").ok());
  // Words of another provision are not in this one.
  EXPECT_EQ(AnchorQuote(old_, "art5", kArt4Quote).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(AnchorQuote(old_, "art99", kArt4Quote).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(AnchorQuote(old_, "", "  \n ").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ReanchorHandTest, SameTextIsIntactAtTheSameOffsets) {
  const EvidenceAnchor anchor = Quote(old_, "art4", kArt4Quote);
  const ReanchorResult result = Run(anchor, std::string(kOld));
  EXPECT_EQ(result.status, AnchorStatus::kIntact);
  ASSERT_TRUE(result.found);
  EXPECT_EQ(result.found->start, anchor.start);
  EXPECT_EQ(result.found->path, "art4.p1");
  EXPECT_EQ(result.similarity, 1.0);
}

TEST_F(ReanchorHandTest, RenumberedArticleIsIntactAtItsNewPath) {
  // A new Article 1 shifts every number by one.
  std::string text = Replace(std::string(kOld), "Article 1\nStatement of purpose",
                             "Article 1\nDefinitions of the obligations of the depositary\n"
                             "The Secretary-General shall be the depositary of this "
                             "Convention and shall notify every signatory of each act.\n\n"
                             "Article 1a\nStatement of purpose");
  for (int n = 7; n >= 1; --n) {
    const std::string from = "Article " + std::to_string(n) + "\n";
    const std::string to = "Article " + std::to_string(n + 1) + "\n";
    const std::size_t at = text.rfind(from);
    text.replace(at, from.size(), to);
  }
  text = Replace(text, "Article 1a\n", "Article 2\n");
  // Now "Article 2" twice: undo the first replacement chain for the new article.
  text = Replace(text, "Article 2\nDefinitions", "Article 1\nDefinitions");
  const EvidenceAnchor anchor = Quote(old_, "art4", kArt4Quote);
  const ReanchorResult result = Run(anchor, text);
  EXPECT_EQ(result.status, AnchorStatus::kIntact) << AnchorStatusName(result.status);
  ASSERT_TRUE(result.found);
  EXPECT_EQ(result.found->path, "art5.p1");
  EXPECT_EQ(result.found->exact, kArt4Quote);
  EXPECT_GT(result.found->start, anchor.start);
  // Without a comparison the same path holds other words: the quote is found elsewhere with
  // its context, so it moved.
  const ReanchorResult blind = Run(anchor, text, /*compare=*/false);
  EXPECT_EQ(blind.status, AnchorStatus::kMoved);
  ASSERT_TRUE(blind.found);
  EXPECT_EQ(blind.found->path, "art5.p1");
}

TEST_F(ReanchorHandTest, ArticleMovedToAnotherChapterIsMoved) {
  // Article 2 leaves Chapter I for the end of Chapter II (numbers kept, order changed).
  const std::string article2 =
      "Article 2\nUse of terms\nFor the purposes of this Convention, \"electronic data\" shall "
      "mean any representation of facts, information or concepts in a form suitable for "
      "processing in a computer system.\n\n";
  std::string text = Replace(std::string(kOld), article2, "");
  text = Replace(text, "Chapter III\n", article2 + "Chapter III\n");
  const EvidenceAnchor anchor =
      Quote(old_, "art2", "any representation of facts, information or concepts");
  const ReanchorResult result = Run(anchor, text);
  EXPECT_EQ(result.status, AnchorStatus::kMoved) << AnchorStatusName(result.status);
  ASSERT_TRUE(result.found);
  EXPECT_EQ(result.found->path, "art2");
  EXPECT_GT(result.found->start, anchor.start);
  // Other anchors in unmoved articles stay intact.
  const ReanchorResult other = Run(Quote(old_, "art4", kArt4Quote), text);
  EXPECT_EQ(other.status, AnchorStatus::kIntact);
}

TEST_F(ReanchorHandTest, OneCorrectedWordIsChangedWithSimilarityAndNotApplied) {
  const std::string text = Replace(std::string(kOld), "when committed intentionally, the access",
                                   "when committed deliberately, the access");
  // 10 words, one substituted.
  const EvidenceAnchor anchor =
      Quote(old_, "art4.p1", "under its domestic law, when committed intentionally, the access to");
  const ReanchorResult result = Run(anchor, text);
  EXPECT_EQ(result.status, AnchorStatus::kChanged) << AnchorStatusName(result.status);
  EXPECT_DOUBLE_EQ(result.similarity, 0.9);
  ASSERT_TRUE(result.found);
  EXPECT_EQ(result.found->exact,
            "under its domestic law, when committed deliberately, the access to");
  EXPECT_EQ(result.found->path, "art4.p1");
  EXPECT_TRUE(result.alternatives.empty());
  // Demanding more than 0.9 loses it.
  ReanchorOptions strict;
  strict.min_similarity = 0.95;
  const ReanchorResult lost = Reanchor(anchor, old_, new_, &comparison_, strict);
  EXPECT_EQ(lost.status, AnchorStatus::kLost);
  EXPECT_FALSE(lost.found);
  EXPECT_DOUBLE_EQ(lost.similarity, 0.9);
}

TEST_F(ReanchorHandTest, DeletedWordsAreLost) {
  const std::string text = Replace(
      std::string(kOld),
      "2. The parrot registry of the lighthouse keepers shall be kept in a sealed orange envelope "
      "until the comet returns.\n",
      "");
  const EvidenceAnchor anchor = Quote(old_, "art5", "parrot registry of the lighthouse keepers");
  const ReanchorResult result = Run(anchor, text);
  EXPECT_EQ(result.status, AnchorStatus::kLost) << AnchorStatusName(result.status);
  EXPECT_FALSE(result.found);
  // A deleted article: its words are gone too.
  const std::string without_article = Replace(
      std::string(kOld),
      "Article 3\nScope of application\nThis Convention shall apply to the prevention, "
      "investigation and prosecution of the criminal offences established in accordance with "
      "this Convention.\n\n",
      "");
  const ReanchorResult gone = Run(
      Quote(old_, "art3", "apply to the prevention, investigation and prosecution"),
      without_article);
  EXPECT_EQ(gone.status, AnchorStatus::kLost) << AnchorStatusName(gone.status);
}

TEST_F(ReanchorHandTest, ShortQuoteLeftInItsProvisionButFoundElsewhereIsNotAnExactRefind) {
  // "Each State Party shall" left art5.p1 (the sentence was rewritten) but stands in articles
  // 4 and 6 with other context: not a move of the quote.
  const std::string text = Replace(std::string(kOld),
                                   "1. Each State Party shall take appropriate measures",
                                   "1. States Parties are to take appropriate measures");
  const EvidenceAnchor anchor = Quote(old_, "art5", "Each State Party shall");
  const ReanchorResult result = Run(anchor, text);
  EXPECT_FALSE(AnchorHolds(result.status)) << AnchorStatusName(result.status);
}

TEST_F(ReanchorHandTest, QuoteTwiceElsewhereIsAmbiguous) {
  // Article 5 is deleted; its first paragraph's phrase now stands in Articles 4 and 6 with the
  // same context. Without a comparison nothing ties either place to the quote.
  constexpr std::string_view kSentence =
      "provide effective protection from potential retaliation or intimidation for witnesses";
  std::string text = std::string(kOld);
  const std::size_t art5 = text.find("Article 5\n");
  const std::size_t art6 = text.find("Article 6\n");
  text.erase(art5, art6 - art5);
  const std::string added =
      "3. Each State Party shall take appropriate measures within its means to " +
      std::string(kSentence) + " and experts who give testimony.\n\n";
  text = Replace(text, "Article 6\n", added + "Article 6\n");
  text = Replace(text, "Chapter III\n", added + "Chapter III\n");
  const EvidenceAnchor anchor = Quote(old_, "art5.p1", kSentence);
  const ReanchorResult result = Run(anchor, text, /*compare=*/false);
  EXPECT_EQ(result.status, AnchorStatus::kAmbiguous) << AnchorStatusName(result.status);
  ASSERT_EQ(result.alternatives.size(), 2u);
  ASSERT_TRUE(result.found);
  EXPECT_EQ(result.found->start, result.alternatives[0].start);
  EXPECT_EQ(result.alternatives[0].path, "art4.p3");
  EXPECT_EQ(result.alternatives[1].path, "art6.p3");
}

TEST_F(ReanchorHandTest, CorrectedQuoteMatchingTwoPlacesIsAmbiguous) {
  // The quote's paragraph is rewritten, and two new paragraphs each hold the quote with one
  // word changed: equally close, so a person must choose.
  std::string text = Replace(std::string(kOld),
                             "2. The parrot registry of the lighthouse keepers shall be kept in a "
                             "sealed orange envelope until the comet returns.\n",
                             "2. The parrot registry of the lighthouse guards shall be kept.\n\n"
                             "3. Copies of the parrot registry of the lighthouse wardens shall "
                             "be kept.\n");
  const EvidenceAnchor anchor =
      Quote(old_, "art5.p2", "The parrot registry of the lighthouse keepers shall be kept");
  const ReanchorResult result = Run(anchor, text);
  EXPECT_EQ(result.status, AnchorStatus::kAmbiguous) << AnchorStatusName(result.status);
  EXPECT_GE(result.alternatives.size(), 2u);
  EXPECT_GE(result.similarity, 0.7);
  EXPECT_LT(result.similarity, 1.0);
}

TEST_F(ReanchorHandTest, WhitespaceAndTypographicVariantsAreIntact) {
  // The new draft prints curly quotes and an en dash, and puts a blank line between two
  // paragraphs; the quotes were typed with straight quotes, a hyphen, tabs and line breaks.
  std::string text = Replace(std::string(kOld), "Convention, \"electronic data\" shall mean",
                             "Convention, “electronic data” shall mean");
  text = Replace(text, "facts, information or concepts", "facts, information \u2013 or concepts");
  text = Replace(text, "without right.\n2. A State Party", "without right.\n\n2. A State Party");
  EvidenceAnchor anchor = Quote(old_, "art2", "\"electronic data\" shall mean any");
  anchor.exact = "\"electronic\tdata\"\n shall  mean any";
  ReanchorResult result = Run(anchor, text);
  EXPECT_EQ(result.status, AnchorStatus::kIntact) << AnchorStatusName(result.status);
  ASSERT_TRUE(result.found);
  EXPECT_EQ(result.found->exact, "“electronic data” shall mean any");

  anchor.exact = "information - or concepts";
  result = Run(anchor, text);
  EXPECT_EQ(result.status, AnchorStatus::kIntact) << AnchorStatusName(result.status);
  ASSERT_TRUE(result.found);
  EXPECT_EQ(result.found->exact, "information \u2013 or concepts");

  // Across two paragraphs: a blank line and spaces in the stored text (which the txt reader
  // would have normalised, so they are put in by hand) are whitespace like the old line break.
  anchor = Quote(old_, "art4", "without right.\n2. A State Party may");
  EXPECT_EQ(anchor.path, "art4");
  doc::Document spaced = Parse("new.txt", text, 2);
  InsertBytes(spaced, spaced.text.find("2. A State Party"), "\n \t");
  result = RunOn(anchor, std::move(spaced));
  EXPECT_EQ(result.status, AnchorStatus::kIntact) << AnchorStatusName(result.status);
  ASSERT_TRUE(result.found);
  EXPECT_EQ(result.found->exact, "without right.\n\n \t2. A State Party may");
}

TEST_F(ReanchorHandTest, HostileAnchorsNeverCrash) {
  const std::string text(kOld);
  EvidenceAnchor anchor = Quote(old_, "art4", kArt4Quote);
  // Offsets past the end of both texts, a path that does not exist.
  anchor.start = std::size_t{1} << 62;
  anchor.end = ~std::size_t{0};
  anchor.path = "art999.p7.zz";
  ReanchorResult result = Run(anchor, text);
  EXPECT_TRUE(AnchorHolds(result.status));
  ASSERT_TRUE(result.found);
  EXPECT_EQ(result.found->path, "art4.p1");

  // Empty and blank quotes.
  anchor.exact.clear();
  EXPECT_EQ(Run(anchor, text).status, AnchorStatus::kLost);
  anchor.exact = " \n\t ";
  EXPECT_EQ(Run(anchor, text).status, AnchorStatus::kLost);

  // 1 MB of words: no exact match, too long for the fuzzy step, answered at once.
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "measures necessary to establish ";
  anchor = Quote(old_, "art4", kArt4Quote);
  anchor.exact = huge;
  anchor.prefix = huge;
  const auto begin = std::chrono::steady_clock::now();
  result = Run(anchor, text);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  EXPECT_EQ(result.status, AnchorStatus::kLost);
  EXPECT_LT(seconds, 5.0);

  // A fuzzy-sized quote of one repeated common word, and invalid UTF-8.
  anchor.exact = std::string(1100, 'e');
  EXPECT_FALSE(AnchorHolds(Run(anchor, text).status));
  anchor.exact = "\x80\xbf the \xff";
  EXPECT_FALSE(AnchorHolds(Run(anchor, text).status));
  anchor.exact = "\xa9";  // the tail of a UTF-8 character: never an anchor inside one
  EXPECT_EQ(Run(anchor, std::string(kOld) + "©\n").status, AnchorStatus::kLost);

  // A new version with no text at all, and one whose tree points past its text.
  anchor = Quote(old_, "art4", kArt4Quote);
  doc::Document empty;
  empty.meta.id = 2;
  EXPECT_EQ(RunOn(anchor, empty).status, AnchorStatus::kLost);
  doc::Document broken = Parse("new.txt", text, 2);
  for (doc::Provision& child : broken.root.children) {
    child.begin += 1000000;
    child.end += 2000000;
  }
  EXPECT_FALSE(RunOn(anchor, broken).found.has_value() &&
               RunOn(anchor, broken).found->end > broken.text.size());
}

TEST_F(ReanchorHandTest, ReanchorerGivesTheSameAnswersAsTheFreeFunction) {
  const std::string text = Replace(std::string(kOld), "when committed intentionally, the access",
                                   "when committed deliberately, the access");
  new_ = Parse("new.txt", text, 2);
  comparison_ = compare::CompareDocuments(old_, new_);
  Reanchorer reanchorer(old_, new_, &comparison_);
  const std::vector<EvidenceAnchor> anchors = {
      Quote(old_, "art4", kArt4Quote), Quote(old_, "art4", "committed intentionally, the access"),
      Quote(old_, "art7", "open to all States"), Quote(old_, "art5", "parrot registry")};
  for (int round = 0; round < 2; ++round) {
    for (const EvidenceAnchor& anchor : anchors) {
      const ReanchorResult once = Reanchor(anchor, old_, new_, &comparison_);
      const ReanchorResult reused = reanchorer.Reanchor(anchor);
      EXPECT_EQ(once.status, reused.status);
      EXPECT_EQ(once.similarity, reused.similarity);
      EXPECT_EQ(once.found.has_value(), reused.found.has_value());
      if (once.found && reused.found) {
        EXPECT_EQ(once.found->start, reused.found->start);
      }
    }
  }
}

// ---- The pieces.

TEST(QuoteSearchTest, FoldsSpacingQuotesAndDashesAndMapsBack) {
  const std::string text = "a\u00a0 \n“b”\u2014c  \u2019d\u2019\t";
  const FoldedText folded(text);
  EXPECT_EQ(folded.folded(), "a \"b\"-c 'd' ");
  EXPECT_EQ(FoldQuote("  “b”\u2014c \n"), "\"b\"-c");
  // Every folded byte maps to the start of what it stands for.
  EXPECT_EQ(folded.Original(0), 0u);
  EXPECT_EQ(folded.Original(2), text.find("“"));
  EXPECT_EQ(folded.Original(folded.size()), text.size());
  EXPECT_EQ(folded.FoldedAt(text.find("c")), folded.folded().find('c'));
}

TEST(QuoteSearchTest, SuffixArrayFindsWhatLinearSearchFinds) {
  std::mt19937_64 random(7);
  const std::string alphabet = "ab ";
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const std::size_t size = 1 + random() % 300;
    for (std::size_t i = 0; i < size; ++i) text += alphabet[random() % alphabet.size()];
    const QuoteIndex index(text);
    for (int q = 0; q < 20; ++q) {
      std::string quote;
      const std::size_t length = 1 + random() % 6;
      for (std::size_t i = 0; i < length; ++i) quote += alphabet[random() % alphabet.size()];
      std::vector<std::size_t> expected;
      for (std::size_t at = 0; at + quote.size() <= text.size(); ++at) {
        if (text.compare(at, quote.size(), quote) == 0) expected.push_back(at);
      }
      EXPECT_EQ(FindAllIn(text, 0, text.size(), quote), expected) << text << " / " << quote;
      const QuoteIndex::Hits hits = index.Find(quote, 1000);
      ASSERT_EQ(hits.count, expected.size()) << text << " / " << quote;
      ASSERT_EQ(hits.starts.size(), expected.size());
      for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(hits.starts[i], expected[i]);
    }
  }
  // One repeated byte (the worst case for naive suffix sorting and naive search) is indexed
  // and searched quickly.
  const auto begin = std::chrono::steady_clock::now();
  const std::string same(1 << 20, 'a');
  const QuoteIndex index(same);
  EXPECT_EQ(index.Find("aaaa", 0).count, same.size() - 3);
  const std::string almost = std::string(100000, 'a') + "b";
  EXPECT_EQ(index.Find(almost, 10).count, 0u);
  EXPECT_TRUE(FindAllIn(same, 0, same.size(), almost).empty());
  EXPECT_EQ(FindAllIn(same, 10, 20, "aaa").size(), 8u);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count(), 5.0);
}

TEST(FuzzyQuoteTest, CountsWordEditsAndKeepsPlacesApart) {
  const std::string text =
      "The State Party shall notify the depositary. Later, the State Party must notify the "
      "depositary in writing.";
  FuzzyQuoteFinder finder(text);
  const std::vector<FuzzyMatch> matches =
      finder.Find("the State Party shall notify the depositary", {{0, text.size()}}, 0.5, 0, 5);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].edits, 0);
  EXPECT_EQ(text.substr(matches[0].begin, matches[0].end - matches[0].begin),
            "The State Party shall notify the depositary");
  EXPECT_EQ(matches[1].edits, 1);
  EXPECT_NEAR(matches[1].similarity, 6.0 / 7.0, 1e-12);
  // Only the given ranges are searched.
  EXPECT_TRUE(finder.Find("notify the depositary in writing", {{0, 40}}, 0.6, 0, 5).empty());
}

// ---- Acceptance on generated pairs.

struct Tally {
  std::map<AnchorStatus, int> by_status;
  int total = 0;
  void Add(AnchorStatus status) {
    ++by_status[status];
    ++total;
  }
  int Holds() const {
    const auto count = [&](AnchorStatus s) {
      const auto it = by_status.find(s);
      return it == by_status.end() ? 0 : it->second;
    };
    return count(AnchorStatus::kIntact) + count(AnchorStatus::kMoved);
  }
  int Of(AnchorStatus status) const {
    const auto it = by_status.find(status);
    return it == by_status.end() ? 0 : it->second;
  }
};

std::string Rates(const Tally& tally) {
  std::string out = std::to_string(tally.total) + " anchors:";
  for (AnchorStatus status : {AnchorStatus::kIntact, AnchorStatus::kMoved, AnchorStatus::kChanged,
                              AnchorStatus::kAmbiguous, AnchorStatus::kLost}) {
    const double share = tally.total ? 100.0 * tally.Of(status) / tally.total : 0;
    char line[64];
    std::snprintf(line, sizeof line, " %s %.2f%%", std::string(AnchorStatusName(status)).c_str(),
                  share);
    out += line;
  }
  return out;
}

// Word spans of 3 to 40 words inside one body line (paragraph, point or article text) of an
// article of `document`, drawn with `random`.
struct Sample {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string article;  // old article path
};

bool IsLabel(std::string_view word) {
  return !word.empty() && word.size() <= 6 && (word.back() == '.' || word.back() == ')');
}

std::vector<Sample> SampleSpans(const doc::Document& document,
                                const std::vector<compare::testing::ArticleLines>& articles,
                                int count, std::mt19937_64& random) {
  std::vector<Sample> samples;
  if (articles.empty()) return samples;
  const std::string_view text = document.text;
  for (int attempt = 0; attempt < 50 * count && static_cast<int>(samples.size()) < count;
       ++attempt) {
    const std::string& path = articles[random() % articles.size()].path;
    const doc::Provision* article = doc::FindProvision(document.root, path);
    if (article == nullptr) continue;
    // Body lines: after the label line and the heading line.
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    std::size_t at = article->begin;
    while (at < article->end) {
      std::size_t stop = text.find('\n', at);
      if (stop == std::string_view::npos || stop > article->end) stop = article->end;
      const std::string_view line = text.substr(at, stop - at);
      if (!line.empty() && at != article->begin && line != article->heading) {
        lines.emplace_back(at, stop);
      }
      at = stop + 1;
    }
    if (lines.empty()) continue;
    const auto [line_begin, line_end] = lines[random() % lines.size()];
    std::vector<std::pair<std::size_t, std::size_t>> words;
    for (std::size_t w = line_begin; w < line_end;) {
      while (w < line_end && text[w] == ' ') ++w;
      std::size_t e = w;
      while (e < line_end && text[e] != ' ') ++e;
      if (e > w) words.emplace_back(w, e);
      w = e;
    }
    if (!words.empty() && IsLabel(text.substr(words[0].first, words[0].second - words[0].first))) {
      words.erase(words.begin());
    }
    if (words.size() < 3) continue;
    const std::size_t most = std::min<std::size_t>(40, words.size());
    const std::size_t length = 3 + random() % (most - 2);
    const std::size_t first = random() % (words.size() - length + 1);
    samples.push_back({words[first].first, words[first + length - 1].second, path});
  }
  return samples;
}

TEST(ReanchorAcceptanceTest, GeneratedPairsKeepUnchangedWordsAndNeverKeepDeletedOnes) {
  using compare::testing::LoadCorpusDocument;
  std::vector<doc::Document> sources;
  for (std::string_view name : {compare::testing::kUnConvention,
                                compare::testing::kBudapestConvention,
                                compare::testing::kBudapestProtocol}) {
    absl::StatusOr<doc::Document> document = LoadCorpusDocument(name);
    ASSERT_TRUE(document.ok()) << document.status();
    sources.push_back(*std::move(document));
  }
  std::vector<doc::Document> donor_documents;
  for (std::string_view name : {compare::testing::kResolution79, compare::testing::kResolution74}) {
    absl::StatusOr<doc::Document> document = LoadCorpusDocument(name);
    ASSERT_TRUE(document.ok()) << document.status();
    donor_documents.push_back(*std::move(document));
  }
  std::vector<const doc::Document*> donors;
  for (const doc::Document& d : donor_documents) donors.push_back(&d);

  std::vector<PairParams> variants(5);
  variants[1].edit_probability = 0.9;  // heavy rewording
  variants[1].max_edit_rate = 0.35;
  variants[2].renumber = false;  // "bis" numbering
  variants[2].moves = 4;
  variants[3].edit_probability = 0;  // only structure changes
  variants[3].deletions = 3;
  variants[4].splits = 3;
  variants[4].joins = 3;
  variants[4].min_edit_rate = 0.05;

  constexpr int kSeeds = 6;
  constexpr int kAnchorsPerPair = 150;
  Tally unchanged, edited, deleted_article;
  Tally in_place;  // words unchanged in an article that was neither moved, split nor joined
  int changed_proposals = 0, changed_in_place = 0;
  int pairs = 0;
  double reanchor_seconds = 0;
  std::mt19937_64 random(20240806);
  for (std::size_t s = 0; s < sources.size(); ++s) {
    for (std::size_t v = 0; v < variants.size(); ++v) {
      for (int seed = 1; seed <= kSeeds; ++seed) {
        const std::uint64_t pair_seed = 1000 * s + 100 * v + static_cast<std::uint64_t>(seed);
        absl::StatusOr<GeneratedPair> pair =
            compare::testing::GeneratePair(sources[s], donors, variants[v], pair_seed);
        ASSERT_TRUE(pair.ok()) << pair.status();
        doc::Document old_doc = Parse("old.txt", pair->old_text, 10);
        doc::Document new_doc = Parse("new.txt", pair->new_text, 11);
        const compare::Comparison comparison = compare::CompareDocuments(old_doc, new_doc);
        ++pairs;

        // Truth: old article → new articles.
        std::map<std::string, std::vector<std::string>> targets;
        for (const auto& link : pair->truth.links) targets[link.old_path].push_back(link.new_path);
        for (const auto& split : pair->truth.splits) targets[split.old_path] = split.new_paths;
        for (const auto& join : pair->truth.joins) {
          for (const std::string& old_path : join.old_paths) {
            targets[old_path].push_back(join.new_path);
          }
        }
        std::set<std::string> reshaped(pair->truth.moved.begin(), pair->truth.moved.end());
        for (const auto& split : pair->truth.splits) reshaped.insert(split.old_path);
        for (const auto& join : pair->truth.joins) {
          reshaped.insert(join.old_paths.begin(), join.old_paths.end());
        }

        const std::vector<Sample> samples =
            SampleSpans(old_doc, pair->truth.old_articles, kAnchorsPerPair, random);
        std::vector<EvidenceAnchor> anchors;
        for (const Sample& sample : samples) {
          absl::StatusOr<EvidenceAnchor> anchor = MakeAnchor(old_doc, sample.start, sample.end);
          ASSERT_TRUE(anchor.ok()) << anchor.status();
          anchors.push_back(*std::move(anchor));
        }
        const auto begin = std::chrono::steady_clock::now();
        Reanchorer reanchorer(old_doc, new_doc, &comparison);
        std::vector<ReanchorResult> results;
        for (const EvidenceAnchor& anchor : anchors) results.push_back(reanchorer.Reanchor(anchor));
        reanchor_seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();

        for (std::size_t k = 0; k < anchors.size(); ++k) {
          const EvidenceAnchor& anchor = anchors[k];
          const ReanchorResult& result = results[k];
          if (result.found) ExpectConsistent(new_doc, *result.found);
          const auto it = targets.find(samples[k].article);
          bool survives = false;
          bool proposal_in_place = false;  // the proposal lies in a truth-aligned article
          if (it != targets.end()) {
            const std::string quote = FoldQuote(anchor.exact);
            for (const std::string& path : it->second) {
              const doc::Provision* article = doc::FindProvision(new_doc.root, path);
              ASSERT_NE(article, nullptr) << path;
              const std::string body = Fold(std::string_view(new_doc.text).substr(
                  article->begin, article->end - article->begin));
              survives = survives || body.find(quote) != std::string::npos;
              proposal_in_place = proposal_in_place ||
                                  (result.found && article->begin <= result.found->start &&
                                   result.found->end <= article->end);
            }
          }
          const std::string where =
              fmt::format("pair source {} variant {} seed {}: {} \"{}\" → {}", s, v, seed,
                          anchor.path, anchor.exact, AnchorStatusName(result.status));
          if (survives) {
            unchanged.Add(result.status);
            if (!reshaped.contains(samples[k].article)) in_place.Add(result.status);
            if (!AnchorHolds(result.status)) std::cout << "  not found again: " << where << "\n";
          } else {
            (it == targets.end() ? deleted_article : edited).Add(result.status);
            if (it != targets.end() && result.status == AnchorStatus::kChanged) {
              ++changed_proposals;
              changed_in_place += proposal_in_place;
            }
            EXPECT_NE(result.status, AnchorStatus::kIntact) << where;
          }
        }
      }
    }
  }
  const int anchors_total = unchanged.total + edited.total + deleted_article.total;
  std::cout << std::fixed << std::setprecision(2) << "re-anchoring on " << pairs
            << " generated pairs, " << anchors_total << " anchors ("
            << 1e6 * reanchor_seconds / std::max(1, anchors_total)
            << " us per anchor, index builds included)\n"
            << "  words unchanged:        " << Rates(unchanged) << "\n"
            << "    article not moved, split or joined: " << Rates(in_place) << "\n"
            << "  words edited:           " << Rates(edited) << "\n"
            << "  article deleted:        " << Rates(deleted_article) << "\n"
            << "  changed proposals inside the article the truth aligns: "
            << 100.0 * changed_in_place / std::max(1, changed_proposals) << "% of "
            << changed_proposals << "\n";
  ASSERT_GT(unchanged.total, 1000);
  ASSERT_GT(edited.total, 100);
  ASSERT_GT(deleted_article.total, 20);
  const double found_again = static_cast<double>(unchanged.Holds()) / unchanged.total;
  std::cout << "  unchanged found again (intact or moved): " << 100 * found_again
            << "% (target >= 99%)\n"
            << "  deleted words reported intact: "
            << edited.Of(AnchorStatus::kIntact) + deleted_article.Of(AnchorStatus::kIntact)
            << " (target 0); reported moved: "
            << edited.Of(AnchorStatus::kMoved) + deleted_article.Of(AnchorStatus::kMoved) << "\n";
  EXPECT_GE(found_again, 0.99);
  // A renumbering alone keeps anchors intact (not merely moved).
  EXPECT_GE(static_cast<double>(in_place.Of(AnchorStatus::kIntact)) / in_place.total, 0.97);
}


}  // namespace
}  // namespace tw::factcheck
