// TraceReuse end to end on real texts: passages of the UN Convention and the Budapest Convention
// planted in other text, verbatim and reworded, found where they were planted; attribution to
// the earliest source; a formula a source repeats is not evidence of reuse.
#include "reuse/reuse_trace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/reuse/reuse_test_documents.h"

namespace tw::reuse {
namespace {

std::string ReadCorpus(const std::string& name) {
  return testing::ReadCorpusText(TW_CORPUS_DIR, name);
}

using testing::MakeDocument;

// The `count` words of `text` starting at its word `first`, as they stand in it (a byte range).
std::string WordsOf(const std::string& text, int first, int count) {
  std::size_t at = 0;
  auto skip_space = [&] {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
  };
  auto skip_word = [&] {
    while (at < text.size() && !std::isspace(static_cast<unsigned char>(text[at]))) ++at;
  };
  skip_space();
  for (int k = 0; k < first; ++k) {
    skip_word();
    skip_space();
  }
  const std::size_t begin = at;
  for (int k = 0; k < count; ++k) {
    skip_word();
    if (k + 1 < count) skip_space();
  }
  return text.substr(begin, at - begin);
}

// Replaces every `every`-th word with a word no source has.
std::string Reword(const std::string& passage, int every) {
  std::istringstream words(passage);
  std::string word;
  std::string out;
  int k = 0;
  while (words >> word) {
    if (!out.empty()) out += ' ';
    out += (++k % every == 0) ? "zqxv" + std::to_string(k) : word;
  }
  return out;
}

// Share of [begin, end) covered by [found_begin, found_end).
double Covered(std::size_t begin, std::size_t end, std::size_t found_begin, std::size_t found_end) {
  const std::size_t lo = std::max(begin, found_begin);
  const std::size_t hi = std::min(end, found_end);
  return hi > lo ? double(hi - lo) / double(end - begin) : 0.0;
}

class ReuseTraceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    un_text_ = ReadCorpus("un-cybercrime-convention-2024.txt");
    budapest_text_ = ReadCorpus("budapest-convention-ets185.txt");
    // Words of a real resolution in a shuffled order: text that reads like the corpus word by
    // word but shares no run of words with any source (the resolution itself is quoted by the
    // UN Convention, which is real reuse).
    std::istringstream words(ReadCorpus("unga-resolution-74-247.txt"));
    std::vector<std::string> list;
    for (std::string word; words >> word;) list.push_back(word);
    std::shuffle(list.begin(), list.end(), std::mt19937(11));
    for (const std::string& word : list) filler_ += word + " ";
    ASSERT_GT(un_text_.size(), 100000u);
    ASSERT_GT(budapest_text_.size(), 50000u);
    ASSERT_GT(filler_.size(), 3000u);
  }

  std::string un_text_;
  std::string budapest_text_;
  std::string filler_;
};

TEST_F(ReuseTraceTest, PlantedPassagesAreFoundWhereTheyWerePlanted) {
  const std::string from_un = WordsOf(un_text_, 9000, 120);
  const std::string from_budapest = Reword(WordsOf(budapest_text_, 4000, 100), 10);
  const std::string part1 = WordsOf(filler_, 0, 150);
  const std::string part2 = WordsOf(filler_, 150, 150);
  const std::string part3 = WordsOf(filler_, 300, 100);
  const std::string text =
      part1 + "\n" + from_un + "\n" + part2 + "\n" + from_budapest + "\n" + part3 + "\n";
  const doc::Document draft = MakeDocument(text, "DRAFT", "2025-01-01");
  const doc::Document un = MakeDocument(un_text_, "UN", "2024-12-24");
  const doc::Document budapest = MakeDocument(budapest_text_, "ETS185", "2001-11-23");
  const ReuseTrace trace = TraceReuse(draft, {&un, &budapest});

  const std::size_t un_at = draft.text.find(from_un);
  const std::size_t budapest_at = draft.text.find(from_budapest);
  ASSERT_NE(un_at, std::string::npos);
  ASSERT_NE(budapest_at, std::string::npos);
  // A planted passage may be reported in pieces (a passage never crosses an article of the
  // draft, and the planted text has article headings): coverage is of all pieces together.
  std::vector<bool> by_un(draft.text.size(), false);
  std::vector<bool> by_budapest(draft.text.size(), false);
  for (const ReusePassage& passage : trace.passages) {
    const std::string words =
        draft.text.substr(passage.draft_start, passage.draft_end - passage.draft_start);
    const bool in_un =
        Covered(passage.draft_start, passage.draft_end, un_at, un_at + from_un.size()) > 0.99;
    const bool in_budapest = Covered(passage.draft_start, passage.draft_end, budapest_at,
                                     budapest_at + from_budapest.size()) > 0.99;
    ASSERT_TRUE(in_un || in_budapest) << "a passage nobody planted: " << words;
    const PassageSource& source = passage.attributed;
    if (in_un) {
      EXPECT_EQ(source.source, 0);
      // Verbatim: the source offsets hold the same words.
      EXPECT_EQ(un.text.substr(source.start, source.end - source.start), words);
      std::fill(by_un.begin() + passage.draft_start, by_un.begin() + passage.draft_end, true);
    } else {
      EXPECT_EQ(source.source, 1);
      EXPECT_GT(source.similarity, 0.75) << words;
      std::fill(by_budapest.begin() + passage.draft_start, by_budapest.begin() + passage.draft_end,
                true);
    }
  }
  const auto share = [](const std::vector<bool>& covered, std::size_t at, std::size_t size) {
    return double(std::count(covered.begin() + at, covered.begin() + at + size, true)) / size;
  };
  EXPECT_GT(share(by_un, un_at, from_un.size()), 0.97);
  EXPECT_GT(share(by_budapest, budapest_at, from_budapest.size()), 0.95);
}

TEST_F(ReuseTraceTest, TheEarliestSourceSharingAPassageGetsIt) {
  const std::string passage_text = WordsOf(budapest_text_, 6000, 80);
  const std::string later_text = WordsOf(filler_, 0, 200) + "\n" + passage_text + "\n";
  const std::string draft_text = WordsOf(filler_, 200, 100) + "\n" + passage_text + "\n";
  const doc::Document draft = MakeDocument(draft_text, "DRAFT", "2025-06-01");
  const doc::Document later = MakeDocument(later_text, "PROPOSAL", "2025-03-01");
  const doc::Document earlier = MakeDocument(budapest_text_, "ETS185", "2001-11-23");
  // The later one first: order of the sources must not matter.
  const ReuseTrace trace = TraceReuse(draft, {&later, &earlier});
  // The passage has a numbered paragraph inside; it is reported per paragraph of the draft.
  ASSERT_FALSE(trace.passages.empty());
  int words = 0;
  for (const ReusePassage& passage : trace.passages) {
    EXPECT_EQ(passage.attributed.source, 1);
    ASSERT_EQ(passage.candidates.size(), 2u);
    EXPECT_EQ(passage.candidates[0].source, 1);
    EXPECT_EQ(passage.candidates[1].source, 0);
    words += passage.draft_words;
  }
  EXPECT_GE(words, 78);
  EXPECT_GE(trace.reused_words, 78u);
}

TEST_F(ReuseTraceTest, AFormulaTheSourceRepeatsIsNotReuse) {
  const std::string formula =
      "Each State Party shall adopt such legislative and other measures as may be necessary to "
      "establish as criminal offences under its domestic law";
  std::string source_text;
  for (int k = 0; k < 5; ++k) {
    source_text += WordsOf(filler_, k * 40, 40) + "\n" + formula + " when committed.\n";
  }
  const std::string draft_text = WordsOf(budapest_text_, 100, 60) + "\n" + formula + "\n";
  const doc::Document draft = MakeDocument(draft_text, "DRAFT", "2025-06-01");
  const doc::Document source = MakeDocument(source_text, "SOURCE", "2025-01-01");
  const ReuseTrace trace = TraceReuse(draft, {&source});
  EXPECT_TRUE(trace.passages.empty()) << trace.passages.size() << " passages";
}

TEST_F(ReuseTraceTest, NothingSharedNothingFound) {
  const doc::Document draft = MakeDocument(WordsOf(filler_, 0, 300), "DRAFT", "");
  const doc::Document source = MakeDocument(WordsOf(budapest_text_, 0, 300), "SOURCE", "");
  const ReuseTrace trace = TraceReuse(draft, {&source});
  EXPECT_TRUE(trace.passages.empty());
  EXPECT_EQ(trace.reused_words, 0u);
  EXPECT_TRUE(TraceReuse(draft, {}).passages.empty());
}

}  // namespace
}  // namespace tw::reuse
