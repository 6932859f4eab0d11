#include "store_test_negotiation.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include "store/negotiation_rows.h"

namespace tw::store::testing {

using negotiation::ActorKind;
using negotiation::Ballot;
using negotiation::Stance;

negotiation::Session SampleSession(std::string_view instrument, int number) {
  negotiation::Session session;
  session.number = number;
  session.instrument = std::string(instrument);
  session.title = fmt::format("Session {}", number);
  session.start_date = fmt::format("2023-0{}-09", number);
  session.end_date = fmt::format("2023-0{}-20", number);
  session.venue = number % 2 == 1 ? "New York" : "Vienne";
  session.agenda_items = {"Item 1: opening", "Item 4: débat général", "Пункт 5"};
  return session;
}

std::vector<negotiation::Statement> SampleStatements(std::int64_t document_id) {
  std::vector<negotiation::Statement> statements(4);
  statements[0].actor = "BRA";
  statements[0].session = 1;
  statements[0].agenda_item = "Item 4";
  statements[0].date = "2023-01-10";
  statements[0].text = "Brazil supports safeguards in article 24(2).";
  statements[0].source_url = "https://example.org/bra";
  statements[0].document_id = document_id;
  statements[0].cited_paths = {"art24.p2", "art5"};

  statements[1].actor = "RUS";
  statements[1].session = 1;
  statements[1].date = "2023-01-09";
  statements[1].text = "Российская Федерация: статья 240.";
  statements[1].document_id = document_id;
  statements[1].cited_paths = {"art240"};

  statements[2].actor = "group:eu";
  statements[2].session = 2;
  statements[2].agenda_item = "Item 5";
  statements[2].date = "2023-02-11";
  statements[2].text = "L'Union européenne soutient l'article 24.";
  statements[2].cited_paths = {"art24"};

  statements[3].actor = "org:eff";
  statements[3].session = 0;
  statements[3].text = "Undated statement citing article 2.";
  statements[3].cited_paths = {"art2"};
  return statements;
}

std::vector<negotiation::Position> SamplePositions() {
  std::vector<negotiation::Position> positions(5);
  positions[0] = {0, "BRA", "art24", Stance::kOppose, "2023-01-10", "statement", "1", "first"};
  positions[1] = {0, "BRA", "art24", Stance::kAmend, "2023-02-11", "proposal", "A/AC.291/L.5", ""};
  positions[2] = {0,
                  "BRA",
                  "art24",
                  Stance::kSupport,
                  "2023-08-01",
                  "note",
                  "corridor talk",
                  "moved after the compromise"};
  positions[3] = {0, "RUS", "scope: narrow", Stance::kReserve, "2023-01-09", "statement", "2", ""};
  positions[4] = {0, "group:eu", "art24", Stance::kNeutral, "", "", "", "undated"};
  return positions;
}

negotiation::RecordedVote SampleVote(std::string_view symbol) {
  negotiation::RecordedVote vote;
  vote.symbol = std::string(symbol);
  vote.body = "General Assembly";
  vote.date = "2019-12-27";
  vote.question = "Draft resolution A/C.3/74/L.11/Rev.1 as a whole";
  vote.ballots = {{"BRA", Ballot::kAbstain},
                  {"DEU", Ballot::kNo},
                  {"GHA", Ballot::kAbsent},
                  {"RUS", Ballot::kYes}};
  return vote;
}

negotiation::Actor SampleGroup() {
  negotiation::Actor actor;
  actor.id = "group:eu";
  actor.kind = ActorKind::kGroup;
  actor.name = "European Union";
  actor.aliases = {"EU", "Union européenne"};
  actor.members = {"AUT", "BEL", "DEU", "FRA"};
  return actor;
}

negotiation::Actor SampleOrganisation() {
  negotiation::Actor actor;
  actor.id = "org:eff";
  actor.kind = ActorKind::kOrganisation;
  actor.name = "Electronic Frontier Foundation";
  actor.aliases = {"EFF"};
  return actor;
}

void PutSampleRecord(Store& store, std::int64_t document_id) {
  for (const negotiation::Session& session :
       {SampleSession("UN Convention against Cybercrime", 1),
        SampleSession("UN Convention against Cybercrime", 2), SampleSession("", 1)}) {
    absl::Status put = store.PutSession(session);
    EXPECT_TRUE(put.ok()) << put;
  }
  absl::StatusOr<std::vector<std::int64_t>> statements =
      store.PutStatements(SampleStatements(document_id));
  EXPECT_TRUE(statements.ok()) << statements.status();
  absl::StatusOr<std::vector<std::int64_t>> positions = store.PutPositions(SamplePositions());
  EXPECT_TRUE(positions.ok()) << positions.status();
  for (std::string_view symbol : {"A/RES/74/247", "A/AC.291/VOTE/1"}) {
    absl::Status put = store.PutVote(SampleVote(symbol), false);
    EXPECT_TRUE(put.ok()) << put;
  }
  for (const negotiation::Actor& actor : {SampleGroup(), SampleOrganisation()}) {
    absl::Status put = store.PutActor(actor);
    EXPECT_TRUE(put.ok()) << put;
  }
}

std::string Describe(const negotiation::Session& session) {
  return fmt::format("session {} of '{}': '{}' {}..{} at '{}', agenda [{}]", session.number,
                     session.instrument, session.title, session.start_date, session.end_date,
                     session.venue, fmt::join(session.agenda_items, " | "));
}

std::string Describe(const negotiation::Statement& statement) {
  return fmt::format(
      "statement {} by {} (session {}, item '{}', {}, document {}, url '{}', cites [{}]): {}",
      statement.id, statement.actor, statement.session, statement.agenda_item, statement.date,
      statement.document_id, statement.source_url, fmt::join(statement.cited_paths, " "),
      statement.text);
}

std::string Describe(const negotiation::Position& position) {
  return fmt::format("position {}: {} on '{}' {} at {} ({} '{}') note '{}'", position.id,
                     position.actor, position.subject, StoredStance(position.stance), position.date,
                     position.source_kind, position.source, position.note);
}

std::string Describe(const negotiation::RecordedVote& vote) {
  std::vector<std::string> ballots;
  for (const negotiation::BallotCast& cast : vote.ballots) {
    ballots.push_back(fmt::format("{}={}", cast.actor, StoredBallot(cast.ballot)));
  }
  return fmt::format("vote '{}' by '{}' on {}: '{}' [{}]", vote.symbol, vote.body, vote.date,
                     vote.question, fmt::join(ballots, " "));
}

std::string Describe(const negotiation::Actor& actor) {
  return fmt::format("actor '{}' ({}) '{}' iso {}/{} group '{}' aliases [{}] members [{}]",
                     actor.id, StoredActorKind(actor.kind), actor.name, actor.iso3, actor.iso2,
                     actor.regional_group, fmt::join(actor.aliases, " | "),
                     fmt::join(actor.members, " "));
}

}  // namespace tw::store::testing
