// Meeting transcripts: who spoke, in every form records name a speaker, and what they cited.
#include "negotiation/transcript_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "doc/cross_reference_extractor.h"
#include "doc/structure_parser.h"

namespace tw::negotiation {
namespace {

using testing::ElementsAre;
using testing::HasSubstr;
using Cited = std::pair<std::string, std::vector<std::string>>;

const ActorRegistry& Registry() {
  static const ActorRegistry* registry = new ActorRegistry(ActorRegistry::Default());
  return *registry;
}

std::vector<Cited> ActorsAndCitations(const std::vector<Statement>& statements) {
  std::vector<Cited> out;
  for (const Statement& s : statements) out.emplace_back(s.actor, s.cited_paths);
  return out;
}

// A summary record in the style of the Ad Hoc Committee's, every speaker form in it; some
// paragraphs are hard-wrapped.
constexpr std::string_view kSummaryRecord = R"(The meeting was called to order at 10.05 a.m.

Agenda item 4: Consideration of the draft convention (continued)

The Chair: I invite delegations to continue the consideration of article 24
of the draft convention.

Brazil: Brazil supports article 24 as drafted, and in particular paragraph 2 of article 24,
which protects proportionality.

We also wish to see articles 7 to 9 aligned with it.

The representative of the Russian Federation said that the safeguards of article 24 went
beyond what States could accept and proposed deleting paragraph 3 of article 24.

The representative of the United Kingdom of Great Britain and Northern Ireland stated that
article 24 was the foundation of the chapter and should be retained, as should article 40.

Mr. Ramos (Brazil): On a point of clarification, our proposal concerns article 17 only.

Ms. Tanaka (Japan) said that her delegation shared the concerns about articles 23 to 25, and
recalled article 15 of the Budapest Convention.

Egypt, speaking on behalf of the Group of Arab States, said that the Group could support
article 24 only if paragraph 4 of article 5 were retained.

The observer for the Holy See said that human dignity must remain at the centre.

The representative of the Islamic Republic of Iran said that article 6 should refer to the
sovereignty of States.

BRAZIL: We stand ready to work on article 36.

The representative of Côte d'Ivoire, speaking on behalf of the Group of African States,
stated that article 53 on asset recovery was essential.

The representative of the Democratic Republic of the Congo said that technical assistance
under article 54 needed resources.

Guinea-Bissau: We align ourselves with the African Group.

The representative of the Bolivarian Republic of Venezuela said that unilateral measures
were contrary to article 5.

Türkiye said that it could accept articles 7, 8 and 10.

It added that article 9 needed more work. Finally: it thanked the Chair.

The Chair said that the Committee would revert to article 24 in the afternoon.

The meeting rose at 1 p.m.
)";

TEST(TranscriptTest, SummaryRecordSpeakersAndCitations) {
  TranscriptOptions options;
  options.session = 6;
  options.date = "2023-08-23";
  options.agenda_item = "Item 4";
  options.source_url = "https://example.org/summary";
  std::vector<std::string> warnings;
  absl::StatusOr<std::vector<Statement>> statements =
      ReadTranscript(kSummaryRecord, "record.txt", Registry(), options, &warnings);
  ASSERT_TRUE(statements.ok()) << statements.status();
  using P = std::vector<std::string>;
  EXPECT_THAT(
      ActorsAndCitations(*statements),
      ElementsAre(Cited{"chair", P{"art24"}},
                  Cited{"BRA", P{"art24", "art24.p2", "art7", "art8", "art9"}},
                  Cited{"RUS", P{"art24", "art24.p3"}}, Cited{"GBR", P{"art24", "art40"}},
                  Cited{"BRA", P{"art17"}}, Cited{"JPN", P{"art23", "art24", "art25"}},
                  Cited{"EGY", P{"art24", "art5.p4"}}, Cited{"VAT", P{}}, Cited{"IRN", P{"art6"}},
                  Cited{"BRA", P{"art36"}}, Cited{"CIV", P{"art53"}}, Cited{"COD", P{"art54"}},
                  Cited{"GNB", P{}}, Cited{"VEN", P{"art5"}},
                  Cited{"TUR", P{"art10", "art7", "art8", "art9"}}, Cited{"chair", P{"art24"}}));
  EXPECT_THAT(warnings,
              ElementsAre("record.txt: line 1: a procedural paragraph, not a statement; skipped",
                          "record.txt: line 3: a procedural paragraph, not a statement; skipped",
                          "record.txt: line 51: a procedural paragraph, not a statement; skipped"));

  const Statement& chair = statements->front();
  EXPECT_EQ(chair.session, 6);
  EXPECT_EQ(chair.date, "2023-08-23");
  EXPECT_EQ(chair.agenda_item, "Item 4");
  EXPECT_EQ(chair.source_url, "https://example.org/summary");
  // A bare label is cut; hard-wrapped lines are joined; continuations join the turn.
  EXPECT_EQ(chair.text,
            "I invite delegations to continue the consideration of article 24 of the draft "
            "convention.");
  EXPECT_EQ((*statements)[1].text,
            "Brazil supports article 24 as drafted, and in particular paragraph 2 of article 24, "
            "which protects proportionality.\n\nWe also wish to see articles 7 to 9 aligned with "
            "it.");
  // Prose is kept as written, and so is the group spoken for.
  EXPECT_THAT((*statements)[6].text,
              testing::StartsWith("Egypt, speaking on behalf of the Group of Arab States, said"));
  EXPECT_EQ((*statements)[4].text,
            "On a point of clarification, our proposal concerns article 17 "
            "only.");
}

TEST(TranscriptTest, OneParagraphPerLine) {
  const std::string text =
      "CHAIR: The floor is open on article 2.\n"
      "Mexico: We support article 2.\n"
      "We also support article 3.\n"
      "Mr. Ali (Iran (Islamic Republic of)): Article 4 is a concern.\n"
      "Iran (Islamic Republic of): Article 5 too.\n"
      "Ms. Dubois (France, on behalf of the European Union): Article 6.\n"
      "US: article 7.\n";
  absl::StatusOr<std::vector<Statement>> statements =
      ReadTranscript(text, "notes.txt", Registry(), {});
  ASSERT_TRUE(statements.ok()) << statements.status();
  using P = std::vector<std::string>;
  EXPECT_THAT(ActorsAndCitations(*statements),
              ElementsAre(Cited{"chair", P{"art2"}}, Cited{"MEX", P{"art2", "art3"}},
                          Cited{"IRN", P{"art4"}}, Cited{"IRN", P{"art5"}}, Cited{"FRA", P{"art6"}},
                          Cited{"USA", P{"art7"}}));
  EXPECT_EQ((*statements)[1].text, "We support article 2.\n\nWe also support article 3.");
  // A label that says more than the speaker is kept.
  EXPECT_EQ((*statements)[4].text,
            "Ms. Dubois (France, on behalf of the European Union): Article 6.");
}

TEST(TranscriptTest, CitationsResolveAgainstTheDraft) {
  doc::SourceText source;
  source.text = "Article 1\nScope\n1. Text.\n2. More.\nArticle 2\nTerms\nText.";
  source.spans.push_back({0, 0, 0});
  doc::Document draft;
  draft.text = source.text;
  draft.root = doc::ParseStructure(source).root;
  TranscriptOptions options;
  options.draft = &draft;
  absl::StatusOr<std::vector<Statement>> statements = ReadTranscript(
      "Chile: paragraph 2 of article 1, paragraph 5 of article 1, and articles 1 to 3.", "t.txt",
      Registry(), options);
  ASSERT_TRUE(statements.ok()) << statements.status();
  ASSERT_EQ(statements->size(), 1u);
  EXPECT_THAT((*statements)[0].cited_paths, ElementsAre("art1", "art1.p2", "art2"));
}

struct UnknownCase {
  const char* name;
  const char* text;
  const char* message;
};

class UnknownSpeakerTest : public testing::TestWithParam<UnknownCase> {};

TEST_P(UnknownSpeakerTest, ErrorNamesFileLineAndSuggestions) {
  absl::StatusOr<std::vector<Statement>> statements =
      ReadTranscript(GetParam().text, "t.txt", Registry(), {});
  ASSERT_FALSE(statements.ok());
  EXPECT_EQ(std::string(statements.status().message()), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UnknownSpeakerTest,
    testing::Values(
        UnknownCase{"colon", "Brazil: Yes.\n\nNarnia: We object.",
                    "t.txt: line 3: unknown actor \"Narnia\"; no actor has a similar name"},
        UnknownCase{"representative", "Brazil: Yes.\nThe representative of Brazl said no.",
                    "t.txt: line 2: unknown actor \"Brazl\"; did you mean Brazil?"},
        UnknownCase{"person", "Mr. Ramos (Brasil) said no.",
                    "t.txt: line 1: unknown actor \"Brasil\"; did you mean Brazil?"}),
    [](const testing::TestParamInfo<UnknownCase>& info) { return std::string(info.param.name); });

TEST(TranscriptTest, SkipUnknownReportsTheTurnAndItsContinuations) {
  TranscriptOptions options;
  options.skip_unknown = true;
  std::vector<std::string> warnings;
  absl::StatusOr<std::vector<Statement>> statements = ReadTranscript(
      "Opening remarks without a speaker.\n\nNarnia: We object to article 3.\n\nStrongly.\n\n"
      "Chile: We support article 3.",
      "t.txt", Registry(), options, &warnings);
  ASSERT_TRUE(statements.ok()) << statements.status();
  ASSERT_EQ(statements->size(), 1u);
  EXPECT_EQ((*statements)[0].actor, "CHL");
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_EQ(warnings[0], "t.txt: line 1: no speaker named yet; skipped");
  EXPECT_THAT(warnings[1], testing::StartsWith("t.txt: line 3: unknown actor \"Narnia\""));
  EXPECT_THAT(warnings[1], testing::EndsWith("; the turn is skipped"));
  EXPECT_EQ(warnings[2], "t.txt: line 5: continues an unknown speaker's turn; skipped");
}

TEST(TranscriptTest, OrdinarySentencesAreNotSpeakers) {
  // "It" is not Italy, "Finally:" and "Note:" are not speakers, "He said" is not a name.
  absl::StatusOr<std::vector<Statement>> statements = ReadTranscript(
      "Chile: First point.\n\nIt said more.\n\nNote: nothing.\n\nFinally: done.\n\n"
      "He said that article 4 matters.\n\nThe delegation also said so.",
      "t.txt", Registry(), {});
  ASSERT_TRUE(statements.ok()) << statements.status();
  ASSERT_EQ(statements->size(), 1u);
  EXPECT_EQ((*statements)[0].actor, "CHL");
  EXPECT_THAT((*statements)[0].text, HasSubstr("\n\nThe delegation also said so."));
  EXPECT_THAT((*statements)[0].cited_paths, ElementsAre("art4"));
}

TEST(TranscriptTest, Limits) {
  const std::string huge(kMaxTranscriptBytes + 1, 'a');
  EXPECT_EQ(ReadTranscript(huge, "t.txt", Registry(), {}).status().code(),
            absl::StatusCode::kResourceExhausted);
  // A very long "name" is read only so far.
  const std::string long_name = "Chile: x\n\n" + std::string(100000, 'A') + ": y";
  absl::StatusOr<std::vector<Statement>> statements =
      ReadTranscript(long_name, "t.txt", Registry(), {});
  ASSERT_TRUE(statements.ok()) << statements.status();
  EXPECT_EQ(statements->size(), 1u);
}

// Generated text made of the pieces the speaker reader looks at: it must never crash, and every
// statement it returns must name a known actor.
TEST(TranscriptTest, GeneratedInputNeverBreaksTheReader) {
  const std::vector<std::string> pieces = {"The representative of ",
                                           "Brazil",
                                           "the Chair",
                                           "(",
                                           ")",
                                           ":",
                                           ",",
                                           " ",
                                           "\n",
                                           "\n\n",
                                           "said",
                                           "Mr. ",
                                           "speaking on behalf of ",
                                           "article 24",
                                           "articles 1 to 99999",
                                           "\xC3",
                                           "Narnia",
                                           "It",
                                           "US",
                                           "The Chair",
                                           "of",
                                           "d'",
                                           "\r\n",
                                           "BRAZIL",
                                           "Iran (Islamic Republic of)"};
  std::mt19937 random(20240229);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    TranscriptOptions options;
    options.skip_unknown = (round % 2) == 0;
    std::vector<std::string> warnings;
    absl::StatusOr<std::vector<Statement>> statements =
        ReadTranscript(text, "gen.txt", Registry(), options, &warnings);
    if (!statements.ok()) {
      EXPECT_FALSE(options.skip_unknown) << text;
      continue;
    }
    for (const Statement& s : *statements) {
      EXPECT_NE(Registry().FindById(s.actor), nullptr) << text;
      EXPECT_LE(s.cited_paths.size(), 2 * doc::kMaxTargetsPerReference) << text;
    }
  }
}

}  // namespace
}  // namespace tw::negotiation
