#include "factcheck/own_record.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tw::factcheck {
namespace {

using ::testing::HasSubstr;
using Kind = OwnRecordMatch::Kind;

negotiation::Statement StatementOf(std::int64_t id, std::string actor, std::string date,
                                   std::string text) {
  negotiation::Statement statement;
  statement.id = id;
  statement.actor = std::move(actor);
  statement.date = std::move(date);
  statement.text = std::move(text);
  return statement;
}

negotiation::Position PositionOf(std::int64_t id, std::string actor, std::string subject,
                                 negotiation::Stance stance, std::string date,
                                 std::string note = "") {
  negotiation::Position position;
  position.id = id;
  position.actor = std::move(actor);
  position.subject = std::move(subject);
  position.stance = stance;
  position.date = std::move(date);
  position.note = std::move(note);
  return position;
}

Claim ClaimOf(std::string actor, std::string text, std::vector<std::string> cited = {}) {
  Claim claim;
  claim.actor = std::move(actor);
  claim.text = std::move(text);
  claim.cited_paths = std::move(cited);
  return claim;
}

const OwnRecordMatch* Find(const std::vector<OwnRecordMatch>& matches, Kind kind, std::int64_t id) {
  for (const OwnRecordMatch& match : matches) {
    if (match.kind == kind && match.id == id) return &match;
  }
  return nullptr;
}

TEST(OwnRecordTest, AnEarlierStatementLeaningTheOtherWayIsFlagged) {
  const Claim claim = ClaimOf("BRA", "The broad scope has always been our position.");
  const std::vector<negotiation::Statement> statements = {
      StatementOf(1, "BRA", "2022-06-01",
                  "Thank you, Chair. We support a narrow scope limited to cyber-dependent "
                  "crimes. We thank the secretariat for the documents."),
      StatementOf(2, "BRA", "2023-01-10",
                  "Capacity building must respond to the needs of developing countries."),
      StatementOf(3, "EGY", "2022-06-01", "We support a narrow scope."),
  };
  const std::vector<OwnRecordMatch> matches = FindOwnRecord(claim, statements, {});
  ASSERT_EQ(matches.size(), 1u) << "unrelated and other actors' statements are left out";
  const OwnRecordMatch& match = matches[0];
  EXPECT_EQ(match.kind, Kind::kStatement);
  EXPECT_EQ(match.id, 1);
  EXPECT_EQ(match.date, "2022-06-01");
  EXPECT_EQ(match.text, "We support a narrow scope limited to cyber-dependent crimes.");
  EXPECT_GE(match.similarity, 0.3);
  EXPECT_TRUE(match.contradicts);
  EXPECT_THAT(match.reason, HasSubstr("narrow"));
  EXPECT_THAT(match.reason, HasSubstr("broad"));
}

struct StatementCase {
  std::string_view claim;
  std::string_view earlier;
  bool listed;
  bool contradicts;
};

constexpr StatementCase kStatementCases[] = {
    // Negation turns a stance around.
    {"We have consistently supported the inclusion of article 17.",
     "We do not support the inclusion of article 17.", true, true},
    {"We have consistently supported the inclusion of article 17.",
     "We support the inclusion of article 17 in the convention.", true, false},
    // Keeping versus deleting.
    {"We always wanted article 24 retained.", "Article 24 should be deleted.", true, true},
    // Opposing a narrow scope is supporting a broad one: no contradiction.
    {"We support a broad scope.", "We oppose a narrow scope.", true, false},
    {"We support a broad scope.", "We support a narrow scope.", true, true},
    // Strength.
    {"We proposed to strengthen the safeguards in article 24.",
     "The safeguards in article 24 should be weakened.", true, true},
    // Unrelated: not listed.
    {"We support a broad scope.", "Technical assistance should be voluntary.", false, false},
    // Related without any leaning: listed, not flagged.
    {"Article 24 contains the safeguards of the Budapest Convention.",
     "The safeguards of article 24 come from the Budapest Convention.", true, false},
};

TEST(OwnRecordTest, StatementCases) {
  for (const StatementCase& c : kStatementCases) {
    const Claim claim = ClaimOf("USA", std::string(c.claim));
    const std::vector<OwnRecordMatch> matches =
        FindOwnRecord(claim, {StatementOf(9, "USA", "2021-01-01", std::string(c.earlier))}, {});
    ASSERT_EQ(matches.size(), c.listed ? 1u : 0u) << c.claim << " | " << c.earlier;
    if (!c.listed) continue;
    EXPECT_EQ(matches[0].contradicts, c.contradicts)
        << c.claim << " | " << c.earlier << ": " << matches[0].reason;
    EXPECT_EQ(matches[0].reason.empty(), !c.contradicts);
  }
}

TEST(OwnRecordTest, TheCurrentPositionOnACitedProvisionIsCompared) {
  using negotiation::Stance;
  const Claim claim = ClaimOf("CHN", "We have always supported article 24 as drafted.", {"art24"});
  const std::vector<negotiation::Position> positions = {
      PositionOf(1, "CHN", "art24", Stance::kSupport, "2022-03-01"),
      PositionOf(2, "CHN", "art24.p2", Stance::kOppose, "2024-01-31", "too narrow"),
      PositionOf(3, "CHN", "art24", Stance::kOppose, "2024-02-15"),
      PositionOf(4, "CHN", "art5", Stance::kOppose, "2024-02-15"),
      PositionOf(5, "RUS", "art24", Stance::kOppose, "2024-02-15"),
  };
  const std::vector<OwnRecordMatch> matches = FindOwnRecord(claim, {}, positions);
  ASSERT_EQ(matches.size(), 3u) << "art5 is not cited; RUS is another actor";
  const OwnRecordMatch* earlier = Find(matches, Kind::kPosition, 1);
  const OwnRecordMatch* paragraph = Find(matches, Kind::kPosition, 2);
  const OwnRecordMatch* current = Find(matches, Kind::kPosition, 3);
  ASSERT_NE(earlier, nullptr);
  ASSERT_NE(paragraph, nullptr);
  ASSERT_NE(current, nullptr);
  EXPECT_FALSE(earlier->contradicts) << "superseded";
  EXPECT_TRUE(current->contradicts);
  EXPECT_TRUE(paragraph->contradicts) << "current on art24.p2, inside the cited art24";
  EXPECT_EQ(current->similarity, 1.0);
  EXPECT_EQ(current->text, "art24: oppose");
  EXPECT_EQ(paragraph->text, "art24.p2: oppose (too narrow)");
  EXPECT_THAT(current->reason, HasSubstr("art24 is oppose (2024-02-15)"));
  EXPECT_THAT(current->reason, HasSubstr("supported"));
  // Contradictions before the rest at equal similarity.
  EXPECT_TRUE(matches[0].contradicts);
  EXPECT_TRUE(matches[1].contradicts);
  EXPECT_FALSE(matches[2].contradicts);
}

TEST(OwnRecordTest, ProposingToDeleteASupportedProvisionIsFlagged) {
  const Claim claim = ClaimOf("IND", "We proposed the deletion of article 24.", {"art24"});
  const std::vector<OwnRecordMatch> supported = FindOwnRecord(
      claim, {}, {PositionOf(1, "IND", "art24", negotiation::Stance::kSupport, "2024-01-01")});
  ASSERT_EQ(supported.size(), 1u);
  EXPECT_TRUE(supported[0].contradicts) << supported[0].reason;
  const std::vector<OwnRecordMatch> opposed = FindOwnRecord(
      claim, {}, {PositionOf(1, "IND", "art24", negotiation::Stance::kOppose, "2024-01-01")});
  ASSERT_EQ(opposed.size(), 1u);
  EXPECT_FALSE(opposed[0].contradicts) << opposed[0].reason;
}

TEST(OwnRecordTest, TopicPositionsShareAWordWithTheClaim) {
  using negotiation::Stance;
  const Claim claim = ClaimOf("BRA", "The broad scope has always been our position.");
  const std::vector<negotiation::Position> positions = {
      PositionOf(1, "BRA", "scope: narrow", Stance::kSupport, "2023-02-01"),
      PositionOf(2, "BRA", "technical assistance", Stance::kSupport, "2023-02-01"),
      PositionOf(3, "BRA", "scope: broad", Stance::kOppose, "2022-02-01"),
  };
  const std::vector<OwnRecordMatch> matches = FindOwnRecord(claim, {}, positions);
  ASSERT_EQ(matches.size(), 2u) << "technical assistance shares no word";
  const OwnRecordMatch* narrow = Find(matches, Kind::kPosition, 1);
  const OwnRecordMatch* broad = Find(matches, Kind::kPosition, 3);
  ASSERT_NE(narrow, nullptr);
  ASSERT_NE(broad, nullptr);
  EXPECT_TRUE(narrow->contradicts) << narrow->reason;
  EXPECT_THAT(narrow->reason, HasSubstr("'narrow' where the claim says 'broad'"));
  EXPECT_TRUE(broad->contradicts) << broad->reason;
  EXPECT_GT(narrow->similarity, 0.0);
  EXPECT_LE(narrow->similarity, 1.0);
  // An actor whose current topic position agrees is not flagged.
  const std::vector<OwnRecordMatch> agreeing = FindOwnRecord(
      claim, {}, {PositionOf(4, "BRA", "scope: broad", Stance::kSupport, "2024-01-01")});
  ASSERT_EQ(agreeing.size(), 1u);
  EXPECT_FALSE(agreeing[0].contradicts) << agreeing[0].reason;
}

TEST(OwnRecordTest, NothingOnRecordIsEmptyAndLongStatementsAreBounded) {
  const Claim claim = ClaimOf("FRA", "We support a broad scope.");
  EXPECT_TRUE(FindOwnRecord(claim, {}, {}).empty());
  std::string long_text;
  while (long_text.size() < (std::size_t{1} << 20)) long_text += "We support a narrow scope. ";
  const std::vector<OwnRecordMatch> matches =
      FindOwnRecord(claim, {StatementOf(1, "FRA", "2020-01-01", long_text)}, {});
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_TRUE(matches[0].contradicts);
}

}  // namespace
}  // namespace tw::factcheck
