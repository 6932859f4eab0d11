// The ground-truth generator on its own: deterministic for a seed, OLD reads back as the source,
// the truth accounts for every article exactly once and matches what the parser reads in NEW,
// moves are unambiguous, edits stay within their rate, brackets are removed and nothing else.
#include "tests/compare/pair_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "doc/provision.h"

namespace tw::compare::testing {
namespace {

using doc::Provision;
using doc::ProvisionKind;

class PairGeneratorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    for (std::string_view name : {kUnConvention, kBudapestConvention, kBudapestProtocol}) {
      absl::StatusOr<doc::Document> document = LoadCorpusDocument(name);
      ASSERT_TRUE(document.ok()) << document.status();
      documents_->emplace(std::string(name), *std::move(document));
    }
  }

  static const doc::Document& Get(std::string_view name) {
    return documents_->at(std::string(name));
  }
  // The other two treaty texts.
  static std::vector<const doc::Document*> DonorsFor(std::string_view name) {
    std::vector<const doc::Document*> donors;
    for (const auto& [other, document] : *documents_) {
      if (other != name) donors.push_back(&document);
    }
    return donors;
  }
  static GeneratedPair Generate(std::string_view name, const PairParams& params,
                                std::uint64_t seed) {
    absl::StatusOr<GeneratedPair> pair = GeneratePair(Get(name), DonorsFor(name), params, seed);
    EXPECT_TRUE(pair.ok()) << pair.status();
    return pair.ok() ? *std::move(pair) : GeneratedPair{};
  }

  static inline std::map<std::string, doc::Document>* documents_ =
      new std::map<std::string, doc::Document>;
};

struct Flat {
  std::string path;
  ProvisionKind kind;
  std::string num;
  std::string heading;
  std::string text;
  friend bool operator==(const Flat&, const Flat&) = default;
};

std::string WithoutBrackets(std::string text) {
  std::erase_if(text, [](char c) { return c == '[' || c == ']'; });
  return text;
}

std::vector<Flat> Flatten(const Provision& root, bool strip_brackets) {
  std::vector<Flat> out;
  doc::VisitProvisions(root, [&](const Provision& p, int depth) {
    if (depth == 0) return;
    out.push_back(
        {p.path, p.kind, p.num, p.heading, strip_brackets ? WithoutBrackets(p.text) : p.text});
  });
  return out;
}

std::string Describe(const Flat& flat) {
  return flat.path + " [" + std::string(doc::ProvisionKindName(flat.kind)) + " " + flat.num + "] " +
         flat.heading + " | " + flat.text.substr(0, 80);
}

// First difference between two flattened trees, "" when equal.
std::string FirstDifference(const std::vector<Flat>& expected, const std::vector<Flat>& actual) {
  for (std::size_t i = 0; i < std::min(expected.size(), actual.size()); ++i) {
    if (!(expected[i] == actual[i])) {
      return "expected " + Describe(expected[i]) + "\n  actual " + Describe(actual[i]);
    }
  }
  if (expected.size() != actual.size()) {
    return "expected " + std::to_string(expected.size()) + " provisions, got " +
           std::to_string(actual.size());
  }
  return "";
}

std::vector<std::string> ArticlePaths(const Provision& root) {
  std::vector<std::string> paths;
  doc::VisitProvisions(root, [&](const Provision& p, int) {
    if (p.kind == ProvisionKind::kArticle) paths.push_back(p.path);
  });
  return paths;
}

std::vector<std::string> Paths(const std::vector<ArticleLines>& articles) {
  std::vector<std::string> paths;
  for (const ArticleLines& a : articles) paths.push_back(a.path);
  return paths;
}

doc::Document Parse(const std::string& name, const std::string& text) {
  absl::StatusOr<doc::Document> document = ParsePlainText(name, text);
  EXPECT_TRUE(document.ok()) << document.status();
  return document.ok() ? *std::move(document) : doc::Document{};
}

std::vector<std::string> WordsOf(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::size_t CommonSubsequence(const std::vector<std::string>& a,
                              const std::vector<std::string>& b) {
  std::vector<std::size_t> row(b.size() + 1, 0);
  for (const std::string& x : a) {
    std::size_t diagonal = 0;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = x == b[j - 1] ? diagonal + 1 : std::max(row[j], row[j - 1]);
      diagonal = up;
    }
  }
  return row[b.size()];
}

// Words of a provision and its descendants, headings included.
std::vector<std::string> ProvisionWords(const Provision& node) {
  std::string text;
  doc::VisitProvisions(node, [&](const Provision& p, int) {
    text += p.label + " " + p.heading + " " + p.text + " ";
  });
  return WordsOf(text);
}

PairParams Everything() {
  PairParams params;
  params.moves = 3;
  params.splits = 2;
  params.joins = 2;
  params.insertions = 2;
  params.deletions = 2;
  params.bracket_phrases = 5;
  params.edit_probability = 0.7;
  params.max_edit_rate = 0.2;
  return params;
}

TEST_F(PairGeneratorTest, SameSeedSamePairOtherSeedOtherPair) {
  const GeneratedPair a = Generate(kUnConvention, Everything(), 42);
  const GeneratedPair b = Generate(kUnConvention, Everything(), 42);
  const GeneratedPair c = Generate(kUnConvention, Everything(), 43);
  EXPECT_EQ(a.old_text, b.old_text);
  EXPECT_EQ(a.new_text, b.new_text);
  EXPECT_EQ(AllLinks(a.truth), AllLinks(b.truth));
  EXPECT_EQ(a.truth.moved, b.truth.moved);
  EXPECT_NE(a.new_text, c.new_text);
}

TEST_F(PairGeneratorTest, OldReadsBackAsTheSourceTree) {
  PairParams params = Everything();
  for (std::string_view name : {kUnConvention, kBudapestConvention, kBudapestProtocol}) {
    SCOPED_TRACE(name);
    const std::vector<Flat> source = Flatten(Get(name).root, false);
    params.bracket_phrases = 0;
    const GeneratedPair plain = Generate(name, params, 7);
    EXPECT_EQ(FirstDifference(source, Flatten(Parse("old.txt", plain.old_text).root, false)), "");
    // With brackets added, the same tree once the brackets are taken out again.
    params.bracket_phrases = 8;
    const GeneratedPair bracketed = Generate(name, params, 7);
    EXPECT_EQ(FirstDifference(Flatten(Get(name).root, true),
                              Flatten(Parse("old.txt", bracketed.old_text).root, true)),
              "");
    EXPECT_EQ(bracketed.truth.brackets_removed.size(), 8u);
  }
}

// Every old article is linked, deleted, split or joined exactly once; every new one linked,
// inserted, a split part or a join exactly once; the parser reads the paths the truth names.
TEST_F(PairGeneratorTest, TruthAccountsForEveryArticleOnce) {
  int checked = 0;
  for (std::string_view name : {kUnConvention, kBudapestConvention, kBudapestProtocol}) {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
      SCOPED_TRACE(std::string(name) + " seed " + std::to_string(seed));
      PairParams params = Everything();
      params.renumber = seed % 3 != 0;
      const GeneratedPair pair = Generate(name, params, seed);
      const PairTruth& truth = pair.truth;
      const doc::Document old_doc = Parse("old.txt", pair.old_text);
      const doc::Document new_doc = Parse("new.txt", pair.new_text);
      EXPECT_EQ(ArticlePaths(old_doc.root), Paths(truth.old_articles));
      ASSERT_EQ(ArticlePaths(new_doc.root), Paths(truth.new_articles));

      std::map<std::string, int> old_uses;
      std::map<std::string, int> new_uses;
      for (const ArticleLink& link : truth.links) {
        ++old_uses[link.old_path];
        ++new_uses[link.new_path];
      }
      for (const std::string& path : truth.deleted) ++old_uses[path];
      for (const std::string& path : truth.inserted) ++new_uses[path];
      for (const SplitTruth& split : truth.splits) {
        ++old_uses[split.old_path];
        EXPECT_EQ(split.new_paths.size(), 2u);
        for (const std::string& path : split.new_paths) ++new_uses[path];
      }
      for (const JoinTruth& join : truth.joins) {
        EXPECT_EQ(join.old_paths.size(), 2u);
        for (const std::string& path : join.old_paths) ++old_uses[path];
        ++new_uses[join.new_path];
      }
      std::map<std::string, int> expected_old;
      std::map<std::string, int> expected_new;
      for (const ArticleLines& a : truth.old_articles) expected_old[a.path] = 1;
      for (const ArticleLines& a : truth.new_articles) expected_new[a.path] = 1;
      EXPECT_EQ(old_uses, expected_old);
      EXPECT_EQ(new_uses, expected_new);

      // Requested operations happened (the corpus texts have room for all of them).
      EXPECT_EQ(truth.splits.size(), 2u);
      EXPECT_EQ(truth.joins.size(), 2u);
      EXPECT_EQ(truth.deleted.size(), 2u);
      EXPECT_EQ(truth.moved.size(), name == kBudapestProtocol ? truth.moved.size() : 3u);
      EXPECT_GE(truth.moved.size(), 1u);
      EXPECT_EQ(truth.inserted.size(), 2u);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 36);
}

// Stationary articles keep their order; each moved one lands at least 3 stationary articles
// away from where it stood and next to no other moved article.
TEST_F(PairGeneratorTest, MovesAreUnambiguous) {
  for (std::string_view name : {kUnConvention, kBudapestConvention, kBudapestProtocol}) {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      SCOPED_TRACE(std::string(name) + " seed " + std::to_string(seed));
      PairParams params = Everything();
      params.moves = 5;
      const GeneratedPair pair = Generate(name, params, seed);
      const PairTruth& truth = pair.truth;
      std::map<std::string, int> old_at;
      std::map<std::string, int> new_at;
      for (std::size_t i = 0; i < truth.old_articles.size(); ++i) {
        old_at[truth.old_articles[i].path] = static_cast<int>(i);
      }
      for (std::size_t i = 0; i < truth.new_articles.size(); ++i) {
        new_at[truth.new_articles[i].path] = static_cast<int>(i);
      }
      const std::set<std::string> moved(truth.moved.begin(), truth.moved.end());
      // (old position, new position) of every stationary link, split part and join.
      std::vector<std::pair<int, int>> stationary;
      for (const ArticleLink& link : AllLinks(truth)) {
        if (!moved.contains(link.old_path)) {
          stationary.emplace_back(old_at[link.old_path], new_at[link.new_path]);
        }
      }
      std::sort(stationary.begin(), stationary.end());
      for (std::size_t i = 1; i < stationary.size(); ++i) {
        EXPECT_LE(stationary[i - 1].second, stationary[i].second);
      }
      for (const ArticleLink& link : truth.links) {
        if (!moved.contains(link.old_path)) continue;
        const int from = old_at[link.old_path];
        const int to = new_at[link.new_path];
        int between = 0;
        for (auto [o, n] : stationary) {
          between += (o < from) != (n < to);
        }
        EXPECT_GE(between, 3) << link.old_path << " -> " << link.new_path;
        for (const std::string& other : truth.moved) {
          if (other == link.old_path) continue;
          EXPECT_NE(std::abs(old_at[other] - from), 1) << other << " next to " << link.old_path;
        }
      }
      for (std::size_t i = 1; i < truth.new_articles.size(); ++i) {
        const auto is_moved_new = [&](const std::string& path) {
          for (const ArticleLink& link : truth.links) {
            if (link.new_path == path) return moved.contains(link.old_path);
          }
          return false;
        };
        EXPECT_FALSE(is_moved_new(truth.new_articles[i - 1].path) &&
                     is_moved_new(truth.new_articles[i].path))
            << truth.new_articles[i].path;
      }
    }
  }
}

// A linked article keeps at least (1 - max rate) of its words in order; with a rate of 0 its
// words are the same.
TEST_F(PairGeneratorTest, EditsStayWithinTheirRate) {
  for (double rate : {0.0, 0.1, 0.2}) {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      SCOPED_TRACE("rate " + std::to_string(rate) + " seed " + std::to_string(seed));
      PairParams params;
      params.edit_probability = 1.0;
      params.min_edit_rate = rate;
      params.max_edit_rate = rate;
      params.bracket_phrases = 0;
      const GeneratedPair pair = Generate(kUnConvention, params, seed);
      const doc::Document old_doc = Parse("old.txt", pair.old_text);
      const doc::Document new_doc = Parse("new.txt", pair.new_text);
      int edited = 0;
      for (const ArticleLink& link : pair.truth.links) {
        const Provision* before = doc::FindProvision(old_doc.root, link.old_path);
        const Provision* after = doc::FindProvision(new_doc.root, link.new_path);
        ASSERT_NE(before, nullptr);
        ASSERT_NE(after, nullptr);
        std::vector<std::string> a = ProvisionWords(*before);
        std::vector<std::string> b = ProvisionWords(*after);
        a.erase(a.begin(), a.begin() + 2);  // "Article N"
        b.erase(b.begin(), b.begin() + 2);
        const std::size_t kept = CommonSubsequence(a, b);
        EXPECT_GE(static_cast<double>(kept) + 1.0, (1.0 - rate) * static_cast<double>(a.size()))
            << link.old_path;
        if (rate == 0.0) {
          EXPECT_EQ(a, b) << link.old_path;
        }
        edited += a != b;
      }
      if (rate > 0) {
        EXPECT_GT(edited, static_cast<int>(pair.truth.links.size()) / 2);
      }
      EXPECT_EQ(pair.truth.edited.empty(), rate == 0);
    }
  }
}

TEST_F(PairGeneratorTest, BracketsAreRemovedAndTheWordsKept) {
  PairParams params = Everything();
  params.bracket_phrases = 10;
  const GeneratedPair pair = Generate(kBudapestConvention, params, 11);
  const doc::Document old_doc = Parse("old.txt", pair.old_text);
  const doc::Document new_doc = Parse("new.txt", pair.new_text);
  ASSERT_EQ(pair.truth.brackets_removed.size(), 10u);
  for (const BracketRemoval& removal : pair.truth.brackets_removed) {
    SCOPED_TRACE(removal.old_path + ": " + removal.text);
    const Provision* before = doc::FindProvision(old_doc.root, removal.old_path);
    const Provision* after = doc::FindProvision(new_doc.root, removal.new_path);
    ASSERT_NE(before, nullptr);
    ASSERT_NE(after, nullptr);
    EXPECT_NE(before->text.find("[" + removal.text + "]"), std::string::npos) << before->text;
    EXPECT_NE(after->text.find(removal.text), std::string::npos) << after->text;
    EXPECT_FALSE(before->brackets.empty());
  }
  EXPECT_EQ(pair.new_text.find('['), std::string::npos);
}

TEST_F(PairGeneratorTest, NumbersAreSequentialOrKeptWithBis) {
  PairParams params = Everything();
  const GeneratedPair renumbered = Generate(kUnConvention, params, 5);
  for (std::size_t i = 0; i < renumbered.truth.new_articles.size(); ++i) {
    EXPECT_EQ(renumbered.truth.new_articles[i].num, std::to_string(i + 1));
  }
  EXPECT_FALSE(renumbered.truth.renumbered.empty());

  params.renumber = false;
  const GeneratedPair kept = Generate(kUnConvention, params, 5);
  EXPECT_TRUE(kept.truth.renumbered.empty());
  for (const ArticleLink& link : kept.truth.links) EXPECT_EQ(link.old_path, link.new_path);
  int suffixed = 0;
  for (const ArticleLines& a : kept.truth.new_articles) {
    suffixed += a.num.find(" bis") != std::string::npos || a.num.find(" ter") != std::string::npos;
  }
  // One per inserted article and one per second part of a split.
  EXPECT_EQ(suffixed, static_cast<int>(kept.truth.inserted.size() + kept.truth.splits.size()));
}

TEST_F(PairGeneratorTest, InsertedArticlesComeFromTheDonors) {
  const GeneratedPair pair = Generate(kUnConvention, Everything(), 3);
  const doc::Document new_doc = Parse("new.txt", pair.new_text);
  std::set<std::string> donor_headings;
  for (const doc::Document* donor : DonorsFor(kUnConvention)) {
    doc::VisitProvisions(donor->root, [&](const Provision& p, int) {
      if (p.kind == ProvisionKind::kArticle) donor_headings.insert(p.heading);
    });
  }
  ASSERT_EQ(pair.truth.inserted.size(), 2u);
  for (const std::string& path : pair.truth.inserted) {
    const Provision* inserted = doc::FindProvision(new_doc.root, path);
    ASSERT_NE(inserted, nullptr);
    EXPECT_TRUE(donor_headings.contains(inserted->heading)) << inserted->heading;
  }
}

TEST_F(PairGeneratorTest, LargeDocumentReachesItsSizeAndParses) {
  std::vector<const doc::Document*> sources;
  for (std::string_view name : {kUnConvention, kBudapestConvention, kBudapestProtocol}) {
    sources.push_back(&Get(name));
  }
  const std::string text = BuildLargeDocumentText(sources, 40000, 9);
  EXPECT_EQ(text, BuildLargeDocumentText(sources, 40000, 9));
  const doc::Document document = Parse("large.txt", text);
  const std::vector<std::string> paths = ArticlePaths(document.root);
  ASSERT_GT(paths.size(), 150u);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(paths[i], "art" + std::to_string(i + 1));
  }
  const std::size_t words = WordsOf(text).size();
  EXPECT_GT(words, 39000u);
  EXPECT_LT(words, 41000u);
  for (const doc::ParseWarning& warning : document.warnings) {
    EXPECT_FALSE(warning.matters) << "line " << warning.line << ": " << warning.message;
  }
  // Repeats are not copies: no two articles have the same words.
  std::set<std::string> bodies;
  doc::VisitProvisions(document.root, [&](const Provision& p, int) {
    if (p.kind != ProvisionKind::kArticle) return;
    std::string body;
    doc::VisitProvisions(p, [&](const Provision& q, int) { body += q.text + "\n"; });
    if (body.size() > 200) {
      EXPECT_TRUE(bodies.insert(body).second) << p.path;
    }
  });
}

TEST_F(PairGeneratorTest, BenchmarkPairHasEveryOperation) {
  absl::StatusOr<GeneratedPair> pair = GenerateBenchmarkPair(10000, 1);
  ASSERT_TRUE(pair.ok()) << pair.status();
  EXPECT_GE(pair->truth.moved.size(), 1u);
  EXPECT_GE(pair->truth.splits.size(), 1u);
  EXPECT_GE(pair->truth.joins.size(), 1u);
  EXPECT_GE(pair->truth.inserted.size(), 1u);
  EXPECT_GE(pair->truth.deleted.size(), 1u);
  const doc::Document new_doc = Parse("new.txt", pair->new_text);
  EXPECT_EQ(ArticlePaths(new_doc.root), Paths(pair->truth.new_articles));
}

TEST(PairGeneratorErrors, SourceWithoutArticlesIsAnError) {
  absl::StatusOr<doc::Document> document =
      ParsePlainText("resolution.txt", "The General Assembly,\n\n1. Decides to act.\n");
  ASSERT_TRUE(document.ok());
  const absl::StatusOr<GeneratedPair> pair = GeneratePair(*document, {}, PairParams{}, 1);
  EXPECT_FALSE(pair.ok());
  EXPECT_NE(pair.status().message().find("resolution.txt"), std::string_view::npos);
}

}  // namespace
}  // namespace tw::compare::testing
