// Cross-references: the words (FindReferences) and the paths they resolve to
// (ResolveReference), table-driven over the phrasings treaties use.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <unordered_map>

#include "doc/cross_reference_extractor.h"

namespace tw::doc {
namespace {

struct ReferenceCase {
  std::string_view sentence;
  std::vector<std::string> texts;  // the reference words found, in order
};

class FindReferencesTest : public ::testing::TestWithParam<ReferenceCase> {};

TEST_P(FindReferencesTest, FindsTheWords) {
  const ReferenceCase& c = GetParam();
  std::vector<std::string> found;
  for (const RawReference& r : FindReferences(c.sentence, 100)) {
    ASSERT_GE(r.begin, 100u);
    found.emplace_back(c.sentence.substr(r.begin - 100, r.end - r.begin));
  }
  EXPECT_EQ(found, c.texts) << c.sentence;
}

INSTANTIATE_TEST_SUITE_P(
    Phrasings, FindReferencesTest,
    ::testing::Values(
        ReferenceCase{"as set out in article 24.", {"article 24"}},
        ReferenceCase{"Article 24 applies", {"Article 24"}},
        ReferenceCase{"offences in articles 7 to 11 of this Convention;",
                      {"articles 7 to 11 of this Convention"}},
        ReferenceCase{"articles 7, 8 and 10", {"articles 7, 8 and 10"}},
        ReferenceCase{"in article 2 (e) includes", {"article 2 (e)"}},
        ReferenceCase{"under article 24, paragraph 2, each", {"article 24, paragraph 2"}},
        ReferenceCase{"referred to in paragraph 2 of this article.",
                      {"paragraph 2 of this article"}},
        ReferenceCase{"paragraphs 1 and 2 of this article", {"paragraphs 1 and 2 of this article"}},
        ReferenceCase{"paragraph 1 (a) of this article", {"paragraph 1 (a) of this article"}},
        ReferenceCase{"subparagraph (b) of this paragraph", {"subparagraph (b) of this paragraph"}},
        ReferenceCase{"pursuant to paragraph 3 above,", {"paragraph 3 above"}},
        ReferenceCase{"shall be subject to Articles 14 and 15.", {"Articles 14 and 15"}},
        ReferenceCase{"articles 16 and 17 of the Budapest Convention",
                      {"articles 16 and 17 of the Budapest Convention"}},
        ReferenceCase{"article 17 of the International Covenant on Civil and Political Rights.",
                      {"article 17 of the International Covenant on Civil and Political Rights"}},
        ReferenceCase{"subject to article 5 and paragraph 2 of article 2.",
                      {"article 5", "paragraph 2 of article 2"}},
        ReferenceCase{"Art. 24(2)(b) and art. 5", {"Art. 24(2)(b)", "art. 5"}},
        ReferenceCase{"articles 57, paragraph 5 (g), 61 and 62 of the Convention",
                      {"articles 57, paragraph 5 (g), 61 and 62 of the Convention"}},
        ReferenceCase{"the particles of the parties and the article", {}},
        ReferenceCase{"paragraphs a.i or ii above", {}}));

// A lookup over a fixed set of paths, articles in the order given.
class FakeLookup : public ProvisionLookup {
 public:
  FakeLookup(std::set<std::string> paths,
             std::unordered_map<std::string, std::vector<std::string>> articles)
      : paths_(std::move(paths)), articles_(std::move(articles)) {}
  bool Exists(std::string_view path) const override { return paths_.count(std::string(path)) > 0; }
  const std::vector<std::string>& ArticleNumbers(std::string_view prefix) const override {
    static const std::vector<std::string> kNone;
    const auto it = articles_.find(std::string(prefix));
    return it == articles_.end() ? kNone : it->second;
  }

 private:
  std::set<std::string> paths_;
  std::unordered_map<std::string, std::vector<std::string>> articles_;
};

FakeLookup Convention() {
  return FakeLookup(
      {"art7", "art7bis", "art8", "art9", "art10", "art11", "art14", "art15", "art24", "art24.p1",
       "art24.p2", "art24.p2.a", "art24.p2.b", "art2", "art2.e", "annex.art2", "annex.art56"},
      {{"", {"7", "7bis", "8", "9", "10", "11", "14", "15", "24", "2"}}, {"annex.", {"2", "56"}}});
}

ReferenceContext InArticle24Paragraph2() {
  ReferenceContext context;
  context.container_has_articles = true;
  context.paragraph_bases = {"art24."};
  context.list_path = "art24.p2";
  return context;
}

struct ResolveCase {
  const char* name;
  std::string_view sentence;
  std::vector<std::string> targets;
  std::string instrument;
  std::vector<std::string> missing;
};

class ResolveReferenceTest : public ::testing::TestWithParam<ResolveCase> {};

TEST_P(ResolveReferenceTest, ResolvesAgainstTheHoldingProvision) {
  const ResolveCase& c = GetParam();
  const std::vector<RawReference> raw = FindReferences(c.sentence, 0);
  ASSERT_EQ(raw.size(), 1u) << c.sentence;
  const FakeLookup lookup = Convention();
  const ResolvedReference resolved = ResolveReference(raw[0], InArticle24Paragraph2(), lookup);
  EXPECT_EQ(resolved.targets, c.targets) << c.sentence;
  EXPECT_EQ(resolved.instrument, c.instrument) << c.sentence;
  EXPECT_EQ(resolved.missing, c.missing) << c.sentence;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, ResolveReferenceTest,
    ::testing::Values(
        ResolveCase{"range_in_document_order",
                    "articles 7 to 10",
                    {"art7", "art7bis", "art8", "art9", "art10"},
                    "",
                    {}},
        ResolveCase{"list", "articles 7, 8 and 10", {"art7", "art8", "art10"}, "", {}},
        ResolveCase{"relative_paragraph", "paragraph 1 of this article", {"art24.p1"}, "", {}},
        ResolveCase{"relative_paragraphs",
                    "paragraphs 1 and 2 of this article",
                    {"art24.p1", "art24.p2"},
                    "",
                    {}},
        ResolveCase{"above", "paragraph 1 above", {"art24.p1"}, "", {}},
        ResolveCase{
            "point_of_paragraph", "paragraph 2 (b) of this article", {"art24.p2.b"}, "", {}},
        ResolveCase{"subparagraph_of_this_paragraph",
                    "subparagraph (a) of this paragraph",
                    {"art24.p2.a"},
                    "",
                    {}},
        ResolveCase{"subparagraphs_range",
                    "subparagraphs (a) to (b) of this paragraph",
                    {"art24.p2.a", "art24.p2.b"},
                    "",
                    {}},
        ResolveCase{"article_paragraph", "article 24, paragraph 2", {"art24.p2"}, "", {}},
        ResolveCase{"paragraph_of_article", "paragraph 1 of article 24", {"art24.p1"}, "", {}},
        ResolveCase{"point_of_article", "article 2 (e)", {"art2.e"}, "", {}},
        ResolveCase{"approximated_point", "article 15 (c)", {"art15"}, "", {}},
        ResolveCase{"other_instrument",
                    "articles 16 and 17 of the Budapest Convention",
                    {"art16", "art17"},
                    "Budapest Convention",
                    {}},
        ResolveCase{"covenant",
                    "article 17 of the International Covenant on Civil and "
                    "Political Rights",
                    {"art17"},
                    "International Covenant on Civil and Political Rights",
                    {}},
        ResolveCase{"missing", "article 99", {}, "", {"art99"}},
        ResolveCase{"missing_paragraph", "paragraph 7 of this article", {}, "", {"art24.p7"}},
        ResolveCase{"missing_in_range", "articles 10 to 12", {"art10", "art11"}, "", {"art12"}}),
    [](const ::testing::TestParamInfo<ResolveCase>& info) { return std::string(info.param.name); });

TEST(ResolveReference, TheConventionIsTheAnnexWhenTheDocumentAnnexesIt) {
  const FakeLookup lookup = Convention();
  ReferenceContext resolution;  // a resolution's operative paragraph: no articles of its own
  resolution.paragraph_bases = {""};
  resolution.generic_prefix = "annex.";
  resolution.has_generic = true;
  const std::vector<RawReference> raw = FindReferences("article 56 of the Convention", 0);
  ASSERT_EQ(raw.size(), 1u);
  const ResolvedReference resolved = ResolveReference(raw[0], resolution, lookup);
  EXPECT_EQ(resolved.targets, std::vector<std::string>{"annex.art56"});
  EXPECT_EQ(resolved.instrument, "");

  // Without an annex, "the Convention" is another instrument.
  resolution.has_generic = false;
  const ResolvedReference external = ResolveReference(raw[0], resolution, lookup);
  EXPECT_EQ(external.targets, std::vector<std::string>{"art56"});
  EXPECT_EQ(external.instrument, "Convention");
}

TEST(FindReferences, QualifierIsSharedAcrossAnd) {
  const std::vector<RawReference> raw =
      FindReferences("Articles 14 to 21 and Articles 23 to 35 of the Convention", 0);
  ASSERT_EQ(raw.size(), 2u);
  EXPECT_EQ(raw[0].scope, InstrumentScope::kGeneric);
  EXPECT_EQ(raw[0].instrument, "Convention");
  EXPECT_EQ(raw[1].instrument, "Convention");
}

TEST(FindReferences, HugeRangesAreCut) {
  const std::vector<RawReference> raw = FindReferences("paragraphs 1 to 9999", 0);
  ASSERT_EQ(raw.size(), 1u);
  EXPECT_TRUE(raw[0].truncated);
  EXPECT_LE(raw[0].items.size(), kMaxTargetsPerReference);
  const FakeLookup lookup = Convention();
  const std::vector<RawReference> articles = FindReferences("articles 1 to 9999", 0);
  ASSERT_EQ(articles.size(), 1u);
  const ResolvedReference resolved = ResolveReference(articles[0], InArticle24Paragraph2(), lookup);
  EXPECT_LE(resolved.targets.size() + resolved.missing.size(), 2 * kMaxTargetsPerReference);
}

}  // namespace
}  // namespace tw::doc
