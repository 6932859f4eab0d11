// Record importers: the real recorded vote on A/RES/74/247 and what it shows, vote files that
// must be refused (with their exact messages), positions written and read back, statements.
#include "negotiation/record_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "negotiation/vote_tally.h"

namespace tw::negotiation {
namespace {

using testing::ElementsAre;

const ActorRegistry& Registry() {
  static const ActorRegistry* registry = new ActorRegistry(ActorRegistry::Default());
  return *registry;
}

std::string ReadCorpus(const std::string& name) {
  std::ifstream in(std::string(TW_CORPUS_DIR) + "/" + name, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Ballot BallotOf(const RecordedVote& vote, const std::string& id) {
  for (const BallotCast& cast : vote.ballots) {
    if (cast.actor == id) return cast.ballot;
  }
  ADD_FAILURE() << "no ballot for " << id;
  return Ballot::kAbsent;
}

// ---- votes ------------------------------------------------------------------------------------

TEST(VoteCsvTest, RealVoteOnResolution74_247) {
  const std::string csv = ReadCorpus("unga-74-247-recorded-vote.csv");
  ASSERT_FALSE(csv.empty());
  VoteMeta meta;
  meta.symbol = "A/RES/74/247";
  meta.body = "General Assembly";
  meta.date = "2019-12-27";
  absl::StatusOr<RecordedVote> vote =
      ReadVoteCsv(csv, "unga-74-247-recorded-vote.csv", Registry(), meta);
  ASSERT_TRUE(vote.ok()) << vote.status();
  EXPECT_EQ(vote->symbol, "A/RES/74/247");
  EXPECT_EQ(vote->date, "2019-12-27");
  // Every member state once, sorted by id.
  ASSERT_EQ(vote->ballots.size(), 193u);
  for (std::size_t i = 1; i < vote->ballots.size(); ++i) {
    EXPECT_LT(vote->ballots[i - 1].actor, vote->ballots[i].actor);
  }
  // Names as the public dataset spells them.
  EXPECT_EQ(BallotOf(*vote, "ATG"), Ballot::kYes);  // "Antigua & Barbuda"
  EXPECT_EQ(BallotOf(*vote, "RUS"), Ballot::kYes);
  EXPECT_EQ(BallotOf(*vote, "CHN"), Ballot::kYes);
  EXPECT_EQ(BallotOf(*vote, "USA"), Ballot::kNo);
  EXPECT_EQ(BallotOf(*vote, "BRA"), Ballot::kAbstain);

  const VoteTally tally = TallyVote(*vote, 193);
  EXPECT_EQ(tally.yes, 79);
  EXPECT_EQ(tally.no, 60);
  EXPECT_EQ(tally.abstain, 33);
  EXPECT_EQ(tally.absent, 21);
  EXPECT_EQ(tally.present_and_voting, 139);
  EXPECT_NEAR(tally.yes_share_of_membership, 0.409, 0.0005);          // 79 / 193
  EXPECT_NEAR(tally.yes_share_of_present_and_voting, 0.568, 0.0005);  // 79 / 139
  // "Adopted with the support of a minority of the membership": both halves are true.
  EXPECT_TRUE(Adopted(tally, MajorityRule::kSimple));
  EXPECT_LT(tally.yes_share_of_membership, 0.5);
  EXPECT_FALSE(Adopted(tally, MajorityRule::kMembership));
  EXPECT_FALSE(Adopted(tally, MajorityRule::kTwoThirds));
}

TEST(VoteCsvTest, UnlistedMembersAreAbsentAndColumnsAreFoundByName) {
  // Any column order, extra columns ignored, BOM and CRLF, codes and aliases, any case.
  const std::string csv =
      "\xEF\xBB\xBF"
      "Ballot,Country code,Actor\r\n"
      "YES,BR,Brazil\r\n"
      "no, FR ,FRA\r\n"
      " Abstain ,IR,Iran\r\n"
      "yes,VA,Holy See\r\n";
  absl::StatusOr<RecordedVote> vote = ReadVoteCsv(csv, "small.csv", Registry(), {});
  ASSERT_TRUE(vote.ok()) << vote.status();
  ASSERT_EQ(vote->ballots.size(), 194u);  // 193 members and the observer listed
  EXPECT_EQ(BallotOf(*vote, "BRA"), Ballot::kYes);
  EXPECT_EQ(BallotOf(*vote, "FRA"), Ballot::kNo);
  EXPECT_EQ(BallotOf(*vote, "IRN"), Ballot::kAbstain);
  EXPECT_EQ(BallotOf(*vote, "VAT"), Ballot::kYes);
  EXPECT_EQ(BallotOf(*vote, "DEU"), Ballot::kAbsent);
  const VoteTally tally = TallyVote(*vote, 193);
  EXPECT_EQ(tally.yes, 2);
  EXPECT_EQ(tally.absent, 190);
}

struct BadVote {
  const char* name;
  const char* csv;
  const char* message;
};

class BadVoteTest : public testing::TestWithParam<BadVote> {};

TEST_P(BadVoteTest, RefusedWithExactMessage) {
  absl::StatusOr<RecordedVote> vote = ReadVoteCsv(GetParam().csv, "vote.csv", Registry(), {});
  ASSERT_FALSE(vote.ok());
  EXPECT_EQ(vote.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(vote.status().message()), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadVoteTest,
    testing::Values(
        BadVote{"unknown_actor", "actor,ballot\nBrazil,yes\nBrazl,no\n",
                "vote.csv: line 3: unknown actor \"Brazl\"; did you mean Brazil?"},
        BadVote{"bad_ballot", "actor,ballot\nBrazil,maybe\n",
                "vote.csv: line 2: ballot \"maybe\" for Brazil is not one of yes, no, abstain, "
                "absent"},
        BadVote{"duplicate", "actor,ballot\nBrazil,yes\nFrance,no\nBRA,abstain\n",
                "vote.csv: line 4: a second ballot for Brazil (the first is on line 2)"},
        BadVote{"missing_column", "actor,vote\nBrazil,yes\n",
                "vote.csv: line 1: missing column 'ballot' (the header must name actor, "
                "ballot)"},
        BadVote{"too_few_fields", "actor,ballot\nBrazil,yes\nFrance\n",
                "vote.csv: line 3: 1 field where the header has 2 (actor,ballot)"},
        BadVote{"empty_file", "", "vote.csv: line 1: the file is empty; it needs a header line"},
        BadVote{"not_a_state", "actor,ballot\nChair,yes\n",
                "vote.csv: line 2: \"Chair\" is Chair (chair), not a member or observer state; a "
                "recorded vote lists states"},
        BadVote{"empty_actor", "actor,ballot\n,yes\n", "vote.csv: line 2: the actor is empty"}),
    [](const testing::TestParamInfo<BadVote>& info) { return std::string(info.param.name); });

// ---- positions --------------------------------------------------------------------------------

TEST(PositionsCsvTest, RoundTrip) {
  std::vector<Position> positions(4);
  positions[0] = {0,
                  "BRA",
                  "art24",
                  Stance::kSupport,
                  "2023-08-21",
                  "statement",
                  "17",
                  "Supports \"proportionality\", with conditions"};
  positions[1] = {0,
                  "RUS",
                  "scope: narrow",
                  Stance::kOppose,
                  "2023-08-22",
                  "proposal",
                  "A/AC.291/CRP.1",
                  "line one\nline two"};
  positions[2] = {
      0, "CIV", "art5bis", Stance::kAmend, "2024-01-29", "note", "", "=HYPERLINK(\"http://evil\")"};
  positions[3] = {0, "chair", "art40", Stance::kNeutral, "2024-02-09", "", "-1", "'=kept"};
  const std::string csv = WritePositionsCsv(positions, Registry());
  EXPECT_THAT(csv,
              testing::StartsWith("actor,subject,stance,date,source_kind,source,note\r\n"
                                  "Brazil,art24,support,2023-08-21,statement,17,"
                                  "\"Supports \"\"proportionality\"\", with conditions\"\r\n"));
  // The formula is neutralised for spreadsheets.
  EXPECT_THAT(csv, testing::HasSubstr(",\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n"));
  EXPECT_THAT(csv, testing::HasSubstr("Chair,art40,neutral,2024-02-09,,'-1,''=kept\r\n"));

  absl::StatusOr<std::vector<Position>> back = ReadPositionsCsv(csv, "positions.csv", Registry());
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_EQ(back->size(), positions.size());
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const Position& a = positions[i];
    const Position& b = (*back)[i];
    EXPECT_EQ(b.actor, a.actor);
    EXPECT_EQ(b.subject, a.subject);
    EXPECT_EQ(b.stance, a.stance);
    EXPECT_EQ(b.date, a.date);
    EXPECT_EQ(b.source_kind, a.source_kind);
    EXPECT_EQ(b.source, a.source);
    EXPECT_EQ(b.note, a.note);
  }
}

TEST(PositionsCsvTest, OptionalColumnsAndErrors) {
  absl::StatusOr<std::vector<Position>> ok = ReadPositionsCsv(
      "date,stance,subject,actor\n2024-02-29,Reserve,art7,Turkey\n", "p.csv", Registry());
  ASSERT_TRUE(ok.ok()) << ok.status();
  ASSERT_EQ(ok->size(), 1u);
  EXPECT_EQ((*ok)[0].actor, "TUR");
  EXPECT_EQ((*ok)[0].stance, Stance::kReserve);
  EXPECT_EQ((*ok)[0].note, "");

  const auto message = [](const char* csv) {
    return std::string(ReadPositionsCsv(csv, "p.csv", Registry()).status().message());
  };
  EXPECT_EQ(message("actor,subject,stance,date\nBrazil,art7,maybe,2024-01-01\n"),
            "p.csv: line 2: stance \"maybe\" is not one of support, oppose, amend, reserve, "
            "neutral");
  EXPECT_EQ(message("actor,subject,stance,date\nBrazil,art7,support,2023-02-29\n"),
            "p.csv: line 2: date \"2023-02-29\" is not a date written YYYY-MM-DD");
  EXPECT_EQ(message("actor,subject,stance,date\nBrazil,,support,2024-01-01\n"),
            "p.csv: line 2: the subject is empty");
  EXPECT_EQ(message("actor,subject,stance\nBrazil,art7,support\n"),
            "p.csv: line 1: missing column 'date' (the header must name actor, subject, "
            "stance, date)");
}

// ---- statements -------------------------------------------------------------------------------

TEST(StatementsCsvTest, ReadsColumnsAndCitedProvisions) {
  const std::string csv =
      "actor,session,agenda_item,date,text,source_url\n"
      "Russian Federation,3,Item 4,2022-09-01,\"We cannot accept article 24, nor articles 7 "
      "to 9.\",https://example.org/s/1\n"
      "Holy See,,,,Human dignity first.,\n";
  absl::StatusOr<std::vector<Statement>> statements = ReadStatementsCsv(csv, "s.csv", Registry());
  ASSERT_TRUE(statements.ok()) << statements.status();
  ASSERT_EQ(statements->size(), 2u);
  const Statement& s = (*statements)[0];
  EXPECT_EQ(s.actor, "RUS");
  EXPECT_EQ(s.session, 3);
  EXPECT_EQ(s.agenda_item, "Item 4");
  EXPECT_EQ(s.date, "2022-09-01");
  EXPECT_EQ(s.text, "We cannot accept article 24, nor articles 7 to 9.");
  EXPECT_EQ(s.source_url, "https://example.org/s/1");
  EXPECT_THAT(s.cited_paths, ElementsAre("art24", "art7", "art8", "art9"));
  EXPECT_EQ((*statements)[1].actor, "VAT");
  EXPECT_EQ((*statements)[1].session, 0);
  EXPECT_TRUE((*statements)[1].cited_paths.empty());

  EXPECT_EQ(ReadStatementsCsv("actor,session,text\nBrazil,third,Hello\n", "s.csv", Registry())
                .status()
                .message(),
            "s.csv: line 2: session \"third\" is not a session number (1, 2, ...)");
  EXPECT_EQ(
      ReadStatementsCsv("actor,date\nBrazil,2024-01-01\n", "s.csv", Registry()).status().message(),
      "s.csv: line 1: missing column 'text' (the header must name actor, text)");
}

TEST(StatementsJsonTest, ReadsObjects) {
  const std::string json = R"([
    {"actor": "Côte d'Ivoire", "session": 2, "agenda_item": "Item 3", "date": "2022-05-30",
     "text": "Paragraph 2 of article 24 must stay.", "source_url": "https://example.org/2",
     "speaker_note": "ignored"},
    {"actor": "EGY", "text": "We support the Chair's text.", "session": null}
  ])";
  absl::StatusOr<std::vector<Statement>> statements =
      ReadStatementsJson(json, "s.json", Registry());
  ASSERT_TRUE(statements.ok()) << statements.status();
  ASSERT_EQ(statements->size(), 2u);
  EXPECT_EQ((*statements)[0].actor, "CIV");
  EXPECT_EQ((*statements)[0].session, 2);
  EXPECT_EQ((*statements)[0].agenda_item, "Item 3");
  EXPECT_EQ((*statements)[0].date, "2022-05-30");
  EXPECT_EQ((*statements)[0].source_url, "https://example.org/2");
  EXPECT_THAT((*statements)[0].cited_paths, ElementsAre("art24.p2"));
  EXPECT_EQ((*statements)[1].actor, "EGY");
  EXPECT_EQ((*statements)[1].session, 0);
}

TEST(StatementsJsonTest, Errors) {
  const auto message = [](const std::string& json) {
    return std::string(ReadStatementsJson(json, "s.json", Registry()).status().message());
  };
  EXPECT_EQ(message(R"({"actor": "Brazil"})"), "s.json: expected an array of statement objects");
  EXPECT_EQ(message("[{\"actor\": \"Brazil\", \"text\": \"x\"},"),
            "s.json: byte 35: not valid JSON");
  EXPECT_EQ(message(R"([{"actor": "Brazil", "text": "x"}, 7])"),
            "s.json: statement 2: not an object");
  EXPECT_EQ(message(R"([{"actor": "Brazil", "text": "x", "session": "3"}])"),
            "s.json: statement 1: 'session' must be a session number (1, 2, ...)");
  EXPECT_EQ(message(R"([{"actor": 76, "text": "x"}])"),
            "s.json: statement 1: 'actor' must be a string");
  EXPECT_EQ(message(R"([{"actor": "Brazil"}])"), "s.json: statement 1: the text is empty");
  EXPECT_EQ(message(R"([{"actor": "Narnia", "text": "x"}])").substr(0, 43),
            "s.json: statement 1: unknown actor \"Narnia\"");
  EXPECT_EQ(message(std::string(10000, '[') + std::string(10000, ']')),
            "s.json: nested more than 16 levels deep");
}

// Generated files made of CSV's delicate pieces: refused or read, never a crash, and a vote
// read always holds every member state once.
TEST(VoteCsvTest, GeneratedInputNeverBreaksTheReader) {
  const std::vector<std::string> pieces = {"actor", "ballot", ",",   "\"", "\n",     "\r\n",
                                           " ",     "Brazil", "yes", "no", "absent", "\xEF\xBB\xBF",
                                           "Chad",  "\"\"",   "x",   "\r"};
  std::mt19937 random(74247);
  int read = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string csv = round % 3 == 0 ? "actor,ballot\n" : "";
    const int length = static_cast<int>(random() % 30);
    for (int i = 0; i < length; ++i) csv += pieces[random() % pieces.size()];
    absl::StatusOr<RecordedVote> vote = ReadVoteCsv(csv, "gen.csv", Registry(), {});
    if (!vote.ok()) {
      EXPECT_THAT(std::string(vote.status().message()), testing::StartsWith("gen.csv: ")) << csv;
      continue;
    }
    ++read;
    EXPECT_EQ(vote->ballots.size(), 193u) << csv;
  }
  EXPECT_GT(read, 0);
}

}  // namespace
}  // namespace tw::negotiation
