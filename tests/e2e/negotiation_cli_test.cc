// End to end: the negotiation commands run as a user runs them — actors, sessions, statements
// from a transcript, positions, the real recorded vote on General Assembly resolution 74/247,
// coalitions and a projection — and bad input refused with one line and nothing written.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace tw::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

std::string Vote74247() { return (CorpusDir() / "unga-74-247-recorded-vote.csv").string(); }

TEST(NegotiationCliTest, RealVoteTallyFollowsTheContract) {
  TempDir dir;
  RunResult imported = Tw(dir / "t.db", {"vote", "import", Vote74247(), "--symbol", "A/RES/74/247",
                                         "--body", "General Assembly", "--date", "2019-12-27"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  RunResult shown = Tw(dir / "t.db", {"vote", "show", "A/RES/74/247", "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const json vote = json::parse(shown.out);
  EXPECT_EQ(vote["yes"], 79);
  EXPECT_EQ(vote["no"], 60);
  EXPECT_EQ(vote["abstain"], 33);
  EXPECT_EQ(vote["absent"], 21);
  EXPECT_EQ(vote["members"], 193);
  EXPECT_EQ(vote["present_and_voting"], 139);
  EXPECT_NEAR(vote["yes_share_of_present_and_voting"].get<double>(), 79.0 / 139, 1e-9);
  EXPECT_NEAR(vote["yes_share_of_membership"].get<double>(), 79.0 / 193, 1e-9);
  EXPECT_EQ(vote["adopted_simple_majority"], true);
  EXPECT_EQ(vote["adopted_two_thirds"], false);
  ASSERT_EQ(vote["ballots"].size(), 193u);
  bool russia = false;
  for (const json& ballot : vote["ballots"]) {
    ASSERT_TRUE(ballot.contains("actor") && ballot.contains("iso3") && ballot.contains("ballot"));
    if (ballot["iso3"] == "RUS") russia = ballot["ballot"] == "yes";
  }
  EXPECT_TRUE(russia);
  RunResult text = Tw(dir / "t.db", {"vote", "show", "A/RES/74/247"});
  EXPECT_THAT(text.out, HasSubstr("40.9% of the membership"));
  EXPECT_THAT(text.out, HasSubstr("minority of the membership"));
}

struct BadVote {
  std::string name;
  std::string csv;
  std::string message;  // expected in the one-line error
};

class BadVoteTest : public ::testing::TestWithParam<BadVote> {};

TEST_P(BadVoteTest, OneLineNamingFileAndLineAndNothingWritten) {
  TempDir dir;
  const auto file = dir / "vote.csv";
  WriteFile(file, GetParam().csv);
  RunResult run = Tw(dir / "t.db", {"vote", "import", file.string(), "--symbol", "X/1"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr(file.string() + ": line "));
  EXPECT_THAT(run.err, HasSubstr(GetParam().message));
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  RunResult shown = Tw(dir / "t.db", {"vote", "show", "X/1"});
  EXPECT_EQ(shown.exit_code, 2);
  EXPECT_THAT(shown.err, HasSubstr("no recorded vote X/1"));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadVoteTest,
    ::testing::Values(
        BadVote{"UnknownActor", "actor,ballot\nBrazil,yes\nBrazl,no\n", "unknown actor \"Brazl\""},
        BadVote{"BadBallot", "actor,ballot\nBrazil,maybe\n", "maybe"},
        BadVote{"DuplicateBallot", "actor,ballot\nBrazil,yes\nBRA,no\n", "line 3"},
        BadVote{"MissingColumn", "actor\nBrazil\n", "ballot"}),
    [](const ::testing::TestParamInfo<BadVote>& info) { return info.param.name; });

TEST(NegotiationCliTest, DemoPositionsCoalitionsAndProjection) {
  TempDir dir;
  ASSERT_EQ(Tw(dir / "t.db", {"position", "import", DemoFile("negotiation/positions.csv")}).exit_code, 0);
  ASSERT_EQ(Tw(dir / "t.db", {"vote", "import", DemoFile("negotiation/vote-l2-amend1.csv"),
                              "--symbol", "A/AC.999/L.2/Amend.1"})
                .exit_code,
            0);
  RunResult matrix = Tw(dir / "t.db", {"--json", "position", "matrix"});
  ASSERT_EQ(matrix.exit_code, 0) << matrix.err;
  const json stances = json::parse(matrix.out);
  EXPECT_EQ(stances["actors"].size(), 46u);
  EXPECT_EQ(stances["subjects"].size(), 6u);
  // Egypt's latest stance on art22 is the session 5 one, not the session 1 or 3 ones.
  for (const json& row : stances["actors"]) {
    if (row["actor"] == "EGY") {
      EXPECT_EQ(row["stances"]["art22"], "oppose");
    }
  }
  RunResult coalitions = Tw(dir / "t.db", {"--json", "coalitions"});
  ASSERT_EQ(coalitions.exit_code, 0) << coalitions.err;
  const json blocs = json::parse(coalitions.out)["blocs"];
  ASSERT_GE(blocs.size(), 2u);
  auto bloc_of = [&blocs](const std::string& id) {
    for (std::size_t b = 0; b < blocs.size(); ++b) {
      for (const json& actor : blocs[b]["actors"]) {
        if (actor == id) return static_cast<int>(b);
      }
    }
    return -1;
  };
  EXPECT_EQ(bloc_of("NOR"), bloc_of("SWE"));
  EXPECT_EQ(bloc_of("EGY"), bloc_of("RUS"));
  EXPECT_NE(bloc_of("NOR"), bloc_of("EGY"));
  RunResult projection = Tw(dir / "t.db", {"--json", "project-vote", "art22"});
  ASSERT_EQ(projection.exit_code, 0) << projection.err;
  const json projected = json::parse(projection.out);
  EXPECT_EQ(projected["outcomes"].size(), 3u);
  EXPECT_EQ(projected["members"], 193);
  RunResult unknown_subject = Tw(dir / "t.db", {"project-vote", "art999"});
  EXPECT_EQ(unknown_subject.exit_code, 2);
}

TEST(NegotiationCliTest, TranscriptStatementsCiteTheDraft) {
  TempDir dir;
  RunResult imported = Tw(dir / "t.db", {"--json", "statement", "import",
                                         DemoFile("statements/session3-transcript.txt"),
                                         "--session", "3", "--date", "2025-09-01"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const json statements = json::parse(imported.out);
  ASSERT_GE(statements.size(), 5u);
  RunResult norway = Tw(dir / "t.db", {"--json", "statement", "list", "--actor", "Norway"});
  ASSERT_EQ(norway.exit_code, 0) << norway.err;
  const json listed = json::parse(norway.out);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["session"], 3);
  RunResult cites = Tw(dir / "t.db", {"--json", "statement", "list", "--cites", "art16"});
  ASSERT_EQ(cites.exit_code, 0) << cites.err;
  EXPECT_GE(json::parse(cites.out).size(), 3u);
  TempDir fresh;
  RunResult resolved = Tw(fresh / "never-created.db", {"--json", "actors", "Russia", "Türkiye"});
  ASSERT_EQ(resolved.exit_code, 0) << resolved.err;
  EXPECT_EQ(json::parse(resolved.out)[1]["iso3"], "TUR");
  EXPECT_FALSE(std::filesystem::exists(fresh / "never-created.db"));
  RunResult unknown = Tw(dir / "t.db", {"actors", "Atlantis"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("unknown actor \"Atlantis\""));
}

}  // namespace
}  // namespace tw::testing
