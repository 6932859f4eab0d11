#include "factcheck/claim_references.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "factcheck/instrument_names.h"
#include "ingest/document_builder.h"

namespace tw::factcheck {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

struct ReferenceCase {
  std::string_view text;
  std::vector<std::string> cited_paths;
  std::vector<std::string> instruments;
  std::vector<std::string> instrument_paths;
};

const std::vector<ReferenceCase>& Cases() {
  static const auto* cases = new std::vector<ReferenceCase>{
      {"Article 28 already contains all the safeguards of the Budapest Convention.",
       {"art28"},
       {"Budapest Convention"},
       {}},
      {"Article 7 mirrors article 2 of the Budapest Convention.",
       {"art7"},
       {"Budapest Convention"},
       {"Budapest Convention#art2"}},
      {"article 15 of the Budapest Convention",
       {},
       {"Budapest Convention"},
       {"Budapest Convention#art15"}},
      {"Article 24, paragraph 2, is weaker than article 15, paragraph 1, of the Convention on "
       "Cybercrime.",
       {"art24.p2"},
       {"Budapest Convention"},
       {"Budapest Convention#art15.p1"}},
      // Acronyms and names without "of the".
      {"Article 40 is consistent with article 18 of UNTOC.",
       {"art40"},
       {"UN Convention against Transnational Organized Crime"},
       {"UN Convention against Transnational Organized Crime#art18"}},
      {"The Palermo Convention's article 5 and ICCPR article 17 differ.",
       {},
       {"International Covenant on Civil and Political Rights",
        "UN Convention against Transnational Organized Crime"},
       {"International Covenant on Civil and Political Rights#art17",
        "UN Convention against Transnational Organized Crime#art5"}},
      {"Articles 7 to 9 of the UNCAC and the UDHR.",
       {},
       {"UN Convention against Corruption", "Universal Declaration of Human Rights"},
       {"UN Convention against Corruption#art7", "UN Convention against Corruption#art8",
        "UN Convention against Corruption#art9"}},
      {"Neither the ECHR nor the Malabo Convention nor the Arab Convention nor the CIS "
       "Agreement says so.",
       {},
       {"Arab Convention on Combating Information Technology Offences",
        "CIS Agreement on Cooperation in Combating Offences related to Computer Information",
        "European Convention on Human Rights", "Malabo Convention"},
       {}},
      {"ETS No. 185 and the Council of Europe Convention on Cybercrime are one treaty.",
       {},
       {"Budapest Convention"},
       {}},
      // The instrument under negotiation, by its own name.
      {"Article 24 of the UN Convention against Cybercrime is weaker.",
       {},
       {"UN Convention against Cybercrime"},
       {"UN Convention against Cybercrime#art24"}},
      // The draft, not another instrument.
      {"Article 24 of the draft convention and article 5 of this Convention.",
       {"art24", "art5"},
       {},
       {}},
      {"No reference at all.", {}, {}, {}},
      // Spaced and wrapped names, any case.
      {"the  budapest\nCONVENTION, article 9",
       {},
       {"Budapest Convention"},
       {"Budapest Convention#art9"}},
      // Not a name: a word that merely contains one.
      {"The UNTOCK committee met.", {}, {}, {}},
  };
  return *cases;
}

TEST(ClaimReferencesTest, Cases) {
  for (const ReferenceCase& c : Cases()) {
    const ClaimReferences references = ResolveClaimReferences(c.text, nullptr, {});
    EXPECT_THAT(references.cited_paths, ElementsAreArray(c.cited_paths)) << c.text;
    EXPECT_THAT(references.instruments, ElementsAreArray(c.instruments)) << c.text;
    EXPECT_THAT(references.instrument_paths, ElementsAreArray(c.instrument_paths)) << c.text;
  }
}

TEST(ClaimReferencesTest, KnownInstrumentsFromTheStoreExtendTheList) {
  const std::vector<std::string> known = {"Riyadh Guidelines", "Convention on Cybercrime", "UN",
                                          "  Council of Europe Data Protection Convention  "};
  const ClaimReferences references = ResolveClaimReferences(
      "Article 9 of the riyadh guidelines, article 5 of the Council of Europe Data Protection "
      "Convention and the Convention on Cybercrime, said the UN.",
      nullptr, known);
  EXPECT_THAT(references.instruments,
              ElementsAre("Budapest Convention", "Council of Europe Data Protection Convention",
                          "Riyadh Guidelines"));
  EXPECT_THAT(
      references.instrument_paths,
      ElementsAre("Council of Europe Data Protection Convention#art5", "Riyadh Guidelines#art9"));
  EXPECT_THAT(references.cited_paths, IsEmpty());
}

TEST(ClaimReferencesTest, StoredTitlesAreKnownByTheirShortForm) {
  const std::vector<std::string> known = {"Regional Convention on Computer-Related Offences"};
  const ClaimReferences references = ResolveClaimReferences(
      "Article 7 mirrors article 2 of the Regional Convention", nullptr, known);
  EXPECT_THAT(references.instruments,
              ElementsAre("Regional Convention on Computer-Related Offences"));
  EXPECT_THAT(references.instrument_paths,
              ElementsAre("Regional Convention on Computer-Related Offences#art2"));
  // Two stored conventions with the same short form: the short form names neither.
  const std::vector<std::string> twins = {"Regional Convention on Computer-Related Offences",
                                          "Regional Convention on Mutual Assistance"};
  EXPECT_THAT(ResolveClaimReferences("the Regional Convention", nullptr, twins).instruments,
              IsEmpty());
}

TEST(ClaimReferencesTest, DraftPathsResolveAgainstTheDraft) {
  const std::filesystem::path path =
      std::filesystem::path(TW_CORPUS_DIR) / "un-cybercrime-convention-2024.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is missing";
  absl::StatusOr<doc::Document> draft = ingest::BuildDocument(path, {}, ingest::ReadOptions{});
  ASSERT_TRUE(draft.ok()) << draft.status();
  const ClaimReferences references = ResolveClaimReferences(
      "Article 24(2) mirrors article 15 of the Budapest Convention; article 99 does not exist.",
      &*draft, {});
  ASSERT_EQ(references.cited_paths.size(), 1u);
  EXPECT_NE(references.cited_paths[0].find("art24"), std::string::npos)
      << references.cited_paths[0];
  EXPECT_THAT(references.instrument_paths, ElementsAre("Budapest Convention#art15"));
}

TEST(InstrumentNamesTest, MentionsAreLongestFirstWithOffsets) {
  const std::string text = "See the Second Additional Protocol to the Convention on Cybercrime.";
  const std::vector<InstrumentMention> mentions = FindInstrumentMentions(text, {});
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].canonical, "Second Additional Protocol to the Budapest Convention");
  EXPECT_EQ(text.substr(mentions[0].begin, mentions[0].end - mentions[0].begin),
            "Second Additional Protocol to the Convention on Cybercrime");
  EXPECT_EQ(CanonicalInstrumentName("the Palermo Convention", {}),
            "UN Convention against Transnational Organized Crime");
  EXPECT_EQ(CanonicalInstrumentName("Unknown Treaty", {}), "");
}

TEST(InstrumentNamesTest, UntrustedKnownNamesAreBounded) {
  std::vector<std::string> known(5000, std::string(300, 'x'));
  known.push_back("Short");
  EXPECT_TRUE(FindInstrumentMentions("xxxx Short", known).empty())
      << "past kMaxKnownInstruments names are ignored";
  EXPECT_EQ(FindInstrumentMentions("a Short b", {"Short"}).size(), 1u);
  const std::string invalid = "\xFF\xFE Budapest Convention \xC3";
  EXPECT_EQ(FindInstrumentMentions(invalid, {}).size(), 1u);
}

}  // namespace
}  // namespace tw::factcheck
