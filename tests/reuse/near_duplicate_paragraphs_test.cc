// Near-duplicate paragraphs: how text is cut into paragraphs, what the MinHash estimate says of
// copies and of unrelated articles, and the case they exist for: a paragraph reworded so densely
// that no five words in a row survive is still traced to its source.
#include "reuse/near_duplicate_paragraphs.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "reuse/reuse_trace.h"
#include "tests/reuse/reuse_test_documents.h"

namespace tw::reuse {
namespace {

std::string ReadCorpus(const std::string& name) {
  return testing::ReadCorpusText(TW_CORPUS_DIR, name);
}

using testing::MakeDocument;

// The line of `text` that starts with `opening`.
std::string LineStartingWith(const std::string& text, const std::string& opening) {
  const std::size_t at = text.find("\n" + opening);
  if (at == std::string::npos) return "";
  const std::size_t end = text.find('\n', at + 1);
  return text.substr(at + 1, end - at - 1);
}

// Every `every`-th word replaced by a word no source has.
std::string Reword(const std::string& passage, int every) {
  std::istringstream words(passage);
  std::string out;
  int k = 0;
  for (std::string word; words >> word;) {
    if (!out.empty()) out += ' ';
    out += (++k % every == 0) ? "zqxv" + std::to_string(k) : word;
  }
  return out;
}

class NearDuplicateParagraphsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    un_text_ = ReadCorpus("un-cybercrime-convention-2024.txt");
    // Two long paragraphs of different articles, both written in treaty formulae.
    mutual_assistance_ = LineStartingWith(
        un_text_, "1. States Parties shall afford one another the widest measure of mutual");
    extradition_ = LineStartingWith(un_text_, "1. This article shall apply to the criminal");
    ASSERT_GT(mutual_assistance_.size(), 200u);
    ASSERT_GT(extradition_.size(), 200u);
  }

  WordSequence Words(const std::string& text) { return ReadWords(text, table_); }

  compare::TokenTable table_;
  std::string un_text_;
  std::string mutual_assistance_;
  std::string extradition_;
};

TEST_F(NearDuplicateParagraphsTest, ShortLinesAreJoinedLongOnesCutUnitsRespected) {
  std::string text = "Article 1\n";
  for (int k = 0; k < 5; ++k) text += "(a) one two three four five;\n";  // 6 words each
  std::string long_line;
  for (int k = 0; k < 70; ++k) long_line += "word ";
  text += long_line + "\n";
  const WordSequence words = Words(text);
  ParagraphOptions options;
  options.min_words = 20;
  options.max_words = 50;
  const std::vector<ParagraphSpan> spans = SplitParagraphs(words, text, options);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].begin, 0);
  EXPECT_EQ(spans[0].end, 2 + 6 * 3);  // lines joined until they hold 20 words
  EXPECT_EQ(spans[1].end - spans[1].begin, 50);
  EXPECT_EQ(spans[2].end, static_cast<std::int32_t>(words.size()));

  std::vector<std::int32_t> units(words.size(), 0);
  for (std::size_t k = 10; k < units.size(); ++k) units[k] = 1;
  const std::vector<ParagraphSpan> by_unit = SplitParagraphs(words, text, options, units);
  EXPECT_EQ(by_unit[0].end, 10);
}

TEST_F(NearDuplicateParagraphsTest, SimilarityEstimatesCopiesAndUnrelatedArticles) {
  const WordSequence original = Words(mutual_assistance_);
  const WordSequence copy = Words(mutual_assistance_);
  const WordSequence reworded = Words(Reword(mutual_assistance_, 4));
  const WordSequence other = Words(extradition_);
  auto signature = [](const WordSequence& words) {
    return SignatureOf(words, {0, static_cast<std::int32_t>(words.size())});
  };
  EXPECT_EQ(EstimatedSimilarity(signature(original), signature(copy)), 1.0);
  // A quarter of the words changed leaves about 3/5 of the bigrams: Jaccard ≈ 0.4.
  EXPECT_GT(EstimatedSimilarity(signature(original), signature(reworded)), 0.25);
  EXPECT_LT(EstimatedSimilarity(signature(original), signature(other)), 0.15);
}

TEST_F(NearDuplicateParagraphsTest, ADenselyRewordedParagraphIsTracedOnlyThroughIt) {
  // Every fourth word changed: no five words in a row are left for a 5-gram seed.
  const std::string reworded = Reword(mutual_assistance_, 4);
  const doc::Document draft = MakeDocument(
      "Preamble of a new draft, in words of its own.\n" + reworded + "\n", "DRAFT", "2025-06-01");
  const doc::Document un = MakeDocument(un_text_, "UN", "2024-12-24");

  TraceOptions seeds_only;
  seeds_only.near_duplicate_paragraphs = false;
  EXPECT_TRUE(TraceReuse(draft, {&un}, seeds_only).passages.empty());

  const ReuseTrace trace = TraceReuse(draft, {&un});
  EXPECT_GE(trace.near_duplicate_windows, 1);
  ASSERT_EQ(trace.passages.size(), 1u);
  const ReusePassage& passage = trace.passages[0];
  const std::size_t planted = draft.text.find(reworded);
  EXPECT_LE(passage.draft_start, planted + 40);
  EXPECT_GE(passage.draft_end, planted + reworded.size() - 40);
  const std::size_t in_un = un.text.find(mutual_assistance_);
  EXPECT_LE(passage.attributed.start, in_un + 40);
  EXPECT_GE(passage.attributed.end, in_un + mutual_assistance_.size() - 40);
  EXPECT_GT(passage.attributed.similarity, 0.6);
}

TEST_F(NearDuplicateParagraphsTest, AParagraphTheSourceRepeatsIsAFormula) {
  const std::string formula =
      "Each State Party shall adopt such legislative and other measures as may be necessary to "
      "establish as criminal offences under its domestic law, when committed intentionally and "
      "without right, the conduct described in this article";
  std::string source_text;
  for (int k = 0; k < 4; ++k) {
    source_text += "Article " + std::to_string(k + 1) + "\n" + formula + ".\n";
  }
  const std::string reworded = Reword(formula, 4);
  const doc::Document draft = MakeDocument(reworded + "\n", "DRAFT", "2025-06-01");
  const doc::Document source = MakeDocument(source_text, "SOURCE", "2025-01-01");
  EXPECT_TRUE(TraceReuse(draft, {&source}).passages.empty());

  // Said once, the same paragraph is evidence.
  const doc::Document once = MakeDocument("Article 1\n" + formula + ".\n", "ONCE", "2025-01-01");
  EXPECT_EQ(TraceReuse(draft, {&once}).passages.size(), 1u);
}

}  // namespace
}  // namespace tw::reuse
