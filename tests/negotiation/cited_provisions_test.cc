// Provisions a statement cites: the foundation's cross-reference reader, resolved against the
// draft under discussion or, without one, built from the numbers.
#include "negotiation/cited_provisions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "doc/structure_parser.h"

namespace tw::negotiation {
namespace {

using Paths = std::vector<std::string>;

doc::Document ParseDraft(std::string_view text) {
  doc::SourceText source;
  source.text = std::string(text);
  source.spans.push_back({0, 0, 0});
  doc::ParsedStructure parsed = doc::ParseStructure(source);
  doc::Document draft;
  draft.text = source.text;
  draft.root = std::move(parsed.root);
  return draft;
}

constexpr std::string_view kDraft = R"(Article 5
Scope
1. This Convention applies to the offences it establishes.
2. It also applies to:
(a) the collection of evidence; and
(b) the proceeds of crime.
Article 5 bis
Jurisdiction
Each State Party shall establish its jurisdiction.
Article 6
Respect for human rights
1. States Parties shall respect human rights.
2. The powers shall be subject to safeguards.
Article 7
Final provision
Text.)";

struct CitedCase {
  const char* text;
  Paths want;
};

class WithoutDraftTest : public testing::TestWithParam<CitedCase> {};

TEST_P(WithoutDraftTest, PathsFromTheNumbers) {
  EXPECT_EQ(CitedProvisions(GetParam().text, nullptr), GetParam().want) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, WithoutDraftTest,
    testing::Values(CitedCase{"We support article 24.", {"art24"}},
                    CitedCase{"We propose deleting paragraph 2 of article 24.", {"art24.p2"}},
                    CitedCase{"Articles 7 to 11 go too far.",
                              {"art10", "art11", "art7", "art8", "art9"}},
                    CitedCase{"articles 7, 8 and 10", {"art10", "art7", "art8"}},
                    CitedCase{"See Art. 24(2)(b).", {"art24.p2.b"}},
                    CitedCase{"article 24 and, once more, article 24", {"art24"}},
                    CitedCase{"article 6 of this Convention and article 40 of the Convention",
                              {"art40", "art6"}},
                    CitedCase{"article 24 of the draft convention", {"art24"}},
                    CitedCase{"paragraph 1 of article 3 of the revised draft text", {"art3.p1"}},
                    // Nothing to be relative to, and another instrument is not the draft.
                    CitedCase{"paragraph 2 of this article", {}},
                    CitedCase{"article 15 of the Budapest Convention", {}},
                    CitedCase{"No provision is named here.", {}}));

class WithDraftTest : public testing::TestWithParam<CitedCase> {};

TEST_P(WithDraftTest, ResolvedAgainstTheDraft) {
  static const doc::Document draft = ParseDraft(kDraft);
  EXPECT_EQ(CitedProvisions(GetParam().text, &draft), GetParam().want) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, WithDraftTest,
    testing::Values(
        // Document order: 5 bis sits inside "5 to 6".
        CitedCase{"articles 5 to 6", {"art5", "art5bis", "art6"}},
        CitedCase{"paragraph 2 (b) of article 5", {"art5.p2.b"}},
        // A point the draft lacks falls back to its paragraph.
        CitedCase{"Art. 6(2)(c)", {"art6.p2"}},
        // What the draft does not have is not cited.
        CitedCase{"article 99", {}}, CitedCase{"paragraph 3 of article 6", {}},
        CitedCase{"article 6 of the Convention and article 24 of the Convention", {"art6"}},
        CitedCase{"article 7 of the Budapest Convention", {}}));

}  // namespace
}  // namespace tw::negotiation
