// Coalition analysis (negotiation/coalitions.h): agreement on hand-computed cases and against a
// map-based reference on generated data, blocs recovered from generated positions, swing
// actors, vote projections with their flippers checked by hand and against exhaustive search,
// and the same output for shuffled input.
#include "negotiation/coalitions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace tw::negotiation {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Position At(std::string actor, std::string subject, Stance stance, std::string date = "2024-01-01",
            std::int64_t id = 0) {
  Position position;
  position.id = id;
  position.actor = std::move(actor);
  position.subject = std::move(subject);
  position.stance = stance;
  position.date = std::move(date);
  return position;
}

RecordedVote Vote(std::string symbol, std::vector<BallotCast> ballots) {
  RecordedVote vote;
  vote.symbol = std::move(symbol);
  vote.ballots = std::move(ballots);
  return vote;
}

// An agreement matrix written by hand: `fill` everywhere off the diagonal, then `pairs`.
AgreementMatrix HandAgreement(std::vector<std::string> actors, double fill,
                              const std::map<std::pair<std::string, std::string>, double>& pairs) {
  AgreementMatrix matrix;
  matrix.actors = std::move(actors);
  const std::size_t n = matrix.actors.size();
  matrix.agreement.assign(n * n, fill);
  matrix.common.assign(n * n, 1);
  for (std::size_t a = 0; a < n; ++a) matrix.agreement[a * n + a] = 1;
  auto index = [&](const std::string& id) {
    return static_cast<std::size_t>(
        std::find(matrix.actors.begin(), matrix.actors.end(), id) - matrix.actors.begin());
  };
  for (const auto& [pair, value] : pairs) {
    const std::size_t a = index(pair.first);
    const std::size_t b = index(pair.second);
    matrix.agreement[a * n + b] = matrix.agreement[b * n + a] = value;
  }
  return matrix;
}

// ---- BuildStanceMatrix

TEST(StanceMatrixTest, LatestByDateThenIdThenInputOrder) {
  const std::vector<Position> positions = {
      At("FRA", "art2", Stance::kSupport, "2024-02-01", 5),
      At("FRA", "art2", Stance::kOppose, "2024-01-15", 9),  // earlier date loses
      At("BRA", "art2", Stance::kAmend, "2024-03-01", 7),
      At("BRA", "art2", Stance::kReserve, "2024-03-01", 3),  // same date, lower id loses
      At("ARG", "art1", Stance::kNeutral, "2024-03-01", 1),
      At("ARG", "art1", Stance::kOppose, "2024-03-01", 1),  // full tie: later input wins
      At("ARG", "scope: narrow", Stance::kSupport, "2024-05-01", 2),
  };
  const StanceMatrix matrix = BuildStanceMatrix(positions);
  EXPECT_THAT(matrix.actors, ElementsAre("ARG", "BRA", "FRA"));
  EXPECT_THAT(matrix.subjects, ElementsAre("art1", "art2", "scope: narrow"));
  ASSERT_EQ(matrix.cells.size(), 9u);
  EXPECT_EQ(matrix.at(0, 0), Stance::kOppose);
  EXPECT_EQ(matrix.at(0, 1), std::nullopt);
  EXPECT_EQ(matrix.at(0, 2), Stance::kSupport);
  EXPECT_EQ(matrix.at(1, 1), Stance::kAmend);
  EXPECT_EQ(matrix.at(2, 1), Stance::kSupport);
  EXPECT_EQ(matrix.at(2, 2), std::nullopt);
}

TEST(StanceMatrixTest, AsOfIgnoresLaterPositions) {
  const std::vector<Position> positions = {
      At("FRA", "art2", Stance::kSupport, "2024-01-10", 1),
      At("FRA", "art2", Stance::kOppose, "2024-02-01", 2),
      At("BRA", "art9", Stance::kOppose, "2024-02-02", 3),
  };
  const StanceMatrix matrix = BuildStanceMatrix(positions, "2024-01-31");
  EXPECT_THAT(matrix.actors, ElementsAre("FRA"));
  EXPECT_THAT(matrix.subjects, ElementsAre("art2"));
  EXPECT_EQ(matrix.at(0, 0), Stance::kSupport);
  // The day itself counts.
  EXPECT_EQ(BuildStanceMatrix(positions, "2024-02-01").at(0, 0), Stance::kOppose);
  EXPECT_TRUE(BuildStanceMatrix({}, "2024-01-01").cells.empty());
}

// ---- ComputeAgreement

// A supports art1, amends art2, opposes art3; B supports art1, opposes art2; C reserves art1,
// opposes art3. Vote v1: A yes, B no, C absent, D yes. Vote v2: A and B abstain, C yes, D absent.
//   A–B: art1 1, art2 1 − 1.5/2 = 0.25, v1 0, v2 1          → 2.25 / 4 = 0.5625
//   A–C: art1 1 − 1.5/2 = 0.25, art3 1, v2 1 − 1/2 = 0.5    → 1.75 / 3
//   B–C: art1 0.25, v2 0.5                                  → 0.375
//   A–D: v1 1; B–D: v1 0; C–D: nothing in common            → NaN
TEST(AgreementTest, HandComputedExample) {
  const StanceMatrix stances = BuildStanceMatrix({
      At("A", "art1", Stance::kSupport), At("A", "art2", Stance::kAmend),
      At("A", "art3", Stance::kOppose), At("B", "art1", Stance::kSupport),
      At("B", "art2", Stance::kOppose), At("C", "art1", Stance::kReserve),
      At("C", "art3", Stance::kOppose),
  });
  const std::vector<RecordedVote> votes = {
      Vote("v1", {{"A", Ballot::kYes}, {"B", Ballot::kNo}, {"C", Ballot::kAbsent},
                  {"D", Ballot::kYes}}),
      Vote("v2", {{"A", Ballot::kAbstain}, {"B", Ballot::kAbstain}, {"C", Ballot::kYes},
                  {"D", Ballot::kAbsent}}),
  };
  const AgreementMatrix matrix = ComputeAgreement(stances, votes);
  ASSERT_THAT(matrix.actors, ElementsAre("A", "B", "C", "D"));
  const double expected[4][4] = {{1, 0.5625, 1.75 / 3, 1},
                                 {0.5625, 1, 0.375, 0},
                                 {1.75 / 3, 0.375, 1, kNaN},
                                 {1, 0, kNaN, 1}};
  const int expected_common[4][4] = {{5, 4, 3, 1}, {4, 4, 2, 1}, {3, 2, 3, 0}, {1, 1, 0, 1}};
  for (std::size_t a = 0; a < 4; ++a) {
    for (std::size_t b = 0; b < 4; ++b) {
      SCOPED_TRACE(matrix.actors[a] + "-" + matrix.actors[b]);
      if (std::isnan(expected[a][b])) {
        EXPECT_TRUE(std::isnan(matrix.at(a, b)));
      } else {
        EXPECT_NEAR(matrix.at(a, b), expected[a][b], 1e-12);
      }
      EXPECT_EQ(matrix.common[a * 4 + b], expected_common[a][b]);
    }
  }
}

// Random stances and ballots; each pair recomputed from per-actor maps.
TEST(AgreementTest, MatchesMapReferenceOnGeneratedData) {
  std::mt19937 random(7);
  std::vector<Position> positions;
  std::vector<std::string> actors;
  for (int a = 0; a < 23; ++a) actors.push_back("S" + std::to_string(a));
  for (const std::string& actor : actors) {
    for (int s = 0; s < 70; ++s) {
      if (random() % 3 == 0) continue;
      positions.push_back(At(actor, "p" + std::to_string(s), static_cast<Stance>(random() % 5)));
    }
  }
  std::vector<RecordedVote> votes;
  for (int v = 0; v < 9; ++v) {
    RecordedVote vote;
    for (const std::string& actor : actors) {
      vote.ballots.push_back({actor, static_cast<Ballot>(random() % 4)});
    }
    vote.ballots.push_back({"only-votes", static_cast<Ballot>(random() % 4)});
    votes.push_back(vote);
  }
  const StanceMatrix stances = BuildStanceMatrix(positions);
  const AgreementMatrix matrix = ComputeAgreement(stances, votes);

  auto stance_value = [](Stance stance) {
    switch (stance) {
      case Stance::kSupport: return 1.0;
      case Stance::kAmend: return 0.5;
      case Stance::kNeutral: return 0.0;
      case Stance::kReserve: return -0.5;
      case Stance::kOppose: return -1.0;
    }
    return 0.0;
  };
  std::map<std::string, std::map<std::string, double>> items;  // actor → item → value
  for (const Position& position : positions) {
    items[position.actor]["s:" + position.subject] = stance_value(position.stance);
  }
  for (std::size_t v = 0; v < votes.size(); ++v) {
    for (const BallotCast& cast : votes[v].ballots) {
      if (cast.ballot == Ballot::kAbsent) continue;
      items[cast.actor]["v:" + std::to_string(v)] =
          cast.ballot == Ballot::kYes ? 1.0 : cast.ballot == Ballot::kNo ? -1.0 : 0.0;
    }
  }
  ASSERT_EQ(matrix.actors.size(), actors.size() + 1);
  for (std::size_t a = 0; a < matrix.actors.size(); ++a) {
    for (std::size_t b = 0; b < matrix.actors.size(); ++b) {
      if (a == b) continue;
      double sum = 0;
      int common = 0;
      for (const auto& [item, value] : items[matrix.actors[a]]) {
        const auto other = items[matrix.actors[b]].find(item);
        if (other == items[matrix.actors[b]].end()) continue;
        sum += 1 - std::abs(value - other->second) / 2;
        ++common;
      }
      ASSERT_EQ(matrix.common[a * matrix.actors.size() + b], common);
      ASSERT_NEAR(matrix.at(a, b), sum / common, 1e-12) << matrix.actors[a] << matrix.actors[b];
    }
  }
}

// ---- ClusterActors

struct HandClusterCase {
  const char* name;
  std::map<std::pair<std::string, std::string>, double> pairs;  // others 0.1
  double min_agreement;
  std::vector<std::vector<std::string>> blocs;
  std::vector<double> cohesion;
  std::vector<std::string> order;
};

// A–C 0.9 then B–D 0.8; between the pairs (0.3 + 0.5 + 0.1 + 0.1) / 4 = 0.25.
const std::map<std::pair<std::string, std::string>, double> kTwoPairs = {
    {{"A", "C"}, 0.9}, {{"B", "D"}, 0.8}, {{"A", "B"}, 0.3}, {{"C", "D"}, 0.5}};

TEST(ClusteringTest, HandCheckedCases) {
  const std::vector<HandClusterCase> cases = {
      {"two pairs", kTwoPairs, 0.6, {{"A", "C"}, {"B", "D"}}, {0.9, 0.8}, {"A", "C", "B", "D"}},
      {"cut below the pairs", kTwoPairs, 0.85, {{"A", "C"}, {"B"}, {"D"}}, {0.9, 1, 1},
       {"A", "C", "B", "D"}},
      {"cut at exactly the last merge", kTwoPairs, 0.25, {{"A", "B", "C", "D"}},
       {(0.9 + 0.8 + 0.3 + 0.5 + 0.1 + 0.1) / 6}, {"A", "C", "B", "D"}},
      // All pairs alike: ties merge the smallest ids first, A–B, then AB–C, then ABC–D.
      {"ties by smallest id", {}, 0.05, {{"A", "B", "C", "D"}}, {0.1}, {"A", "B", "C", "D"}},
      // UPGMA, not single linkage: D–{A, B} averages (0.7 + 0.1) / 2 = 0.4 < C–D 0.6.
      {"average linkage",
       {{{"A", "B"}, 0.95}, {{"A", "D"}, 0.7}, {{"C", "D"}, 0.6}},
       0.5, {{"A", "B"}, {"C", "D"}}, {0.95, 0.6}, {"A", "B", "C", "D"}},
  };
  for (const HandClusterCase& test : cases) {
    SCOPED_TRACE(test.name);
    const AgreementMatrix agreement = HandAgreement({"A", "B", "C", "D"}, 0.1, test.pairs);
    const Clustering clustering = ClusterActors(agreement, test.min_agreement);
    ASSERT_EQ(clustering.blocs.size(), test.blocs.size());
    for (std::size_t b = 0; b < test.blocs.size(); ++b) {
      EXPECT_EQ(clustering.blocs[b].actors, test.blocs[b]);
      EXPECT_NEAR(clustering.blocs[b].cohesion, test.cohesion[b], 1e-12);
    }
    EXPECT_EQ(clustering.order, test.order);
  }
}

TEST(ClusteringTest, NothingInCommonIsHalfWayApart) {
  AgreementMatrix agreement = HandAgreement({"A", "B", "C"}, 0.9, {});
  agreement.agreement[0 * 3 + 2] = agreement.agreement[2 * 3 + 0] = kNaN;
  agreement.agreement[1 * 3 + 2] = agreement.agreement[2 * 3 + 1] = kNaN;
  const Clustering clustering = ClusterActors(agreement, 0.6);
  ASSERT_EQ(clustering.blocs.size(), 2u);
  EXPECT_THAT(clustering.blocs[0].actors, ElementsAre("A", "B"));
  EXPECT_THAT(clustering.blocs[1].actors, ElementsAre("C"));
  EXPECT_THAT(clustering.order, ElementsAre("A", "B", "C"));
  // At 0.5 the NaN pairs merge: (0.5 + 0.5) / 2.
  EXPECT_EQ(ClusterActors(agreement, 0.5).blocs.size(), 1u);
  EXPECT_TRUE(ClusterActors(AgreementMatrix{}).blocs.empty());
}

// 60 actors in three blocs of 20 (ids interleaved so that id order says nothing): A supports
// provisions 1–100, B opposes them, C supports 1–50 and opposes 51–100; 5% of cells replaced by
// a random stance, 10% left empty. Expected agreement: inside a bloc ≈ 0.95, A–B ≈ 0,
// A–C and B–C ≈ 0.5.
struct GeneratedBlocs {
  std::vector<Position> positions;
  std::vector<std::vector<std::string>> blocs;  // A, B, C, each sorted
};

GeneratedBlocs ThreeBlocs(unsigned seed) {
  GeneratedBlocs generated;
  generated.blocs.resize(3);
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::int64_t id = 0;
  for (int a = 0; a < 60; ++a) {
    const int bloc = a % 3;
    const std::string actor = "X" + std::to_string(100 + a);
    generated.blocs[bloc].push_back(actor);
    for (int s = 1; s <= 100; ++s) {
      if (unit(random) < 0.1) continue;
      const bool support = bloc == 0 || (bloc == 2 && s <= 50);
      Stance stance = support ? Stance::kSupport : Stance::kOppose;
      if (unit(random) < 0.05) stance = static_cast<Stance>(random() % 5);
      generated.positions.push_back(At(actor, "art" + std::to_string(s), stance, "2024-01-01",
                                       ++id));
    }
  }
  for (auto& bloc : generated.blocs) std::sort(bloc.begin(), bloc.end());
  return generated;
}

TEST(ClusteringTest, RecoversThreeGeneratedBlocs) {
  const GeneratedBlocs generated = ThreeBlocs(42);
  const AgreementMatrix agreement = ComputeAgreement(BuildStanceMatrix(generated.positions), {});
  const Clustering clustering = ClusterActors(agreement, 0.6);
  ASSERT_EQ(clustering.blocs.size(), 3u);
  // Equal sizes: ordered by first actor (X100 is in A, X101 in B, X102 in C).
  EXPECT_EQ(clustering.blocs[0].actors, generated.blocs[0]);
  EXPECT_EQ(clustering.blocs[1].actors, generated.blocs[1]);
  EXPECT_EQ(clustering.blocs[2].actors, generated.blocs[2]);
  for (const Bloc& bloc : clustering.blocs) {
    EXPECT_GT(bloc.cohesion, 0.85);
    EXPECT_LT(bloc.cohesion, 1.0);
  }
  // Every actor once in the order, and each bloc a contiguous run of it.
  ASSERT_EQ(clustering.order.size(), 60u);
  EXPECT_EQ(std::set<std::string>(clustering.order.begin(), clustering.order.end()).size(), 60u);
  for (const Bloc& bloc : clustering.blocs) {
    std::vector<std::size_t> at;
    for (const std::string& actor : bloc.actors) {
      at.push_back(static_cast<std::size_t>(
          std::find(clustering.order.begin(), clustering.order.end(), actor) -
          clustering.order.begin()));
    }
    std::sort(at.begin(), at.end());
    EXPECT_EQ(at.back() - at.front() + 1, at.size()) << bloc.actors.front();
  }
  // A bar high enough splits the blocs; a low one joins them.
  EXPECT_GT(ClusterActors(agreement, 0.99).blocs.size(), 3u);
  EXPECT_EQ(ClusterActors(agreement, 0.2).blocs.size(), 1u);
}

// ---- SwingActors

// On art1: S1, S2 support, O1 opposes; X neutral, Z amends, Y has a stance only on art2, W none.
//   X: supporters (0.8 + 0.6) / 2 = 0.7, opponents 0.3          → lean 0.4
//   Y: 0.5 and 0.5                                               → lean 0
//   Z: supporters 0.2 (S2 unknown), opponents 0.9                → lean −0.7
//   W: nothing known                                             → NaN, NaN, lean 0
TEST(SwingActorsTest, RankedByEvenSplit) {
  const StanceMatrix stances = BuildStanceMatrix({
      At("S1", "art1", Stance::kSupport), At("S2", "art1", Stance::kSupport),
      At("O1", "art1", Stance::kOppose), At("X", "art1", Stance::kNeutral),
      At("Z", "art1", Stance::kAmend), At("Y", "art2", Stance::kSupport),
  });
  AgreementMatrix agreement =
      HandAgreement({"O1", "S1", "S2", "W", "X", "Y", "Z"}, 0.5,
                    {{{"X", "S1"}, 0.8}, {{"X", "S2"}, 0.6}, {{"X", "O1"}, 0.3},
                     {{"Z", "S1"}, 0.2}, {{"Z", "S2"}, kNaN}, {{"Z", "O1"}, 0.9},
                     {{"W", "S1"}, kNaN}, {{"W", "S2"}, kNaN}, {{"W", "O1"}, kNaN}});
  const std::vector<SwingActor> swing = SwingActors(stances, agreement, "art1");
  ASSERT_EQ(swing.size(), 4u);
  EXPECT_EQ(swing[0].actor, "W");
  EXPECT_EQ(swing[0].stance, std::nullopt);
  EXPECT_TRUE(std::isnan(swing[0].agreement_with_supporters));
  EXPECT_TRUE(std::isnan(swing[0].agreement_with_opponents));
  EXPECT_DOUBLE_EQ(swing[0].lean, 0);
  EXPECT_EQ(swing[1].actor, "Y");
  EXPECT_EQ(swing[1].stance, std::nullopt);
  EXPECT_DOUBLE_EQ(swing[1].lean, 0);
  EXPECT_EQ(swing[2].actor, "X");
  EXPECT_EQ(swing[2].stance, Stance::kNeutral);
  EXPECT_NEAR(swing[2].agreement_with_supporters, 0.7, 1e-12);
  EXPECT_NEAR(swing[2].agreement_with_opponents, 0.3, 1e-12);
  EXPECT_NEAR(swing[2].lean, 0.4, 1e-12);
  EXPECT_EQ(swing[3].actor, "Z");
  EXPECT_EQ(swing[3].stance, Stance::kAmend);
  EXPECT_NEAR(swing[3].agreement_with_supporters, 0.2, 1e-12);
  EXPECT_NEAR(swing[3].lean, -0.7, 1e-12);
}

TEST(SwingActorsTest, OneSidedSubjectCountsTheMissingSideAsHalf) {
  const StanceMatrix stances = BuildStanceMatrix(
      {At("S1", "art1", Stance::kSupport), At("X", "art1", Stance::kReserve)});
  const AgreementMatrix agreement = HandAgreement({"S1", "X"}, 0.9, {});
  const std::vector<SwingActor> swing = SwingActors(stances, agreement, "art1");
  ASSERT_EQ(swing.size(), 1u);
  EXPECT_TRUE(std::isnan(swing[0].agreement_with_opponents));
  EXPECT_NEAR(swing[0].lean, 0.4, 1e-12);
}

// ---- ProjectVote

// On art5: P1–P4 support, Q1–Q2 oppose, N1 neutral, R1 reserves, U1–U3 have no stance.
// Agreement with every supporter / opponent (others 0.5):
//   P: 0.9 / 0.1 (lean 0.8)   Q: 0.1 / 0.9 (−0.8)   N1: 0.6 / 0.5 (0.1)   R1: 0.3 / 0.7 (−0.4)
//   U1: 0.8 / 0.3 (0.5 → yes)   U2: 0.5 / 0.6 (−0.1 → abstain)   U3: 0.2 / 0.8 (−0.6 → no)
struct ProjectionFixture {
  StanceMatrix stances;
  AgreementMatrix agreement;
};

ProjectionFixture MakeProjectionFixture() {
  ProjectionFixture fixture;
  fixture.stances = BuildStanceMatrix({
      At("P1", "art5", Stance::kSupport), At("P2", "art5", Stance::kSupport),
      At("P3", "art5", Stance::kSupport), At("P4", "art5", Stance::kSupport),
      At("Q1", "art5", Stance::kOppose), At("Q2", "art5", Stance::kOppose),
      At("N1", "art5", Stance::kNeutral), At("R1", "art5", Stance::kReserve),
      At("U1", "art6", Stance::kSupport),
  });
  const std::vector<std::string> supporters = {"P1", "P2", "P3", "P4"};
  const std::vector<std::string> opponents = {"Q1", "Q2"};
  const std::map<std::string, std::pair<double, double>> leaning = {
      {"P1", {0.9, 0.1}}, {"P2", {0.9, 0.1}}, {"P3", {0.9, 0.1}}, {"P4", {0.9, 0.1}},
      {"Q1", {0.1, 0.9}}, {"Q2", {0.1, 0.9}}, {"N1", {0.6, 0.5}}, {"R1", {0.3, 0.7}},
      {"U1", {0.8, 0.3}}, {"U2", {0.5, 0.6}}, {"U3", {0.2, 0.8}}};
  std::map<std::pair<std::string, std::string>, double> pairs;
  for (const auto& [actor, with] : leaning) {
    for (const std::string& s : supporters) {
      if (s != actor) pairs[{actor, s}] = with.first;
    }
    for (const std::string& o : opponents) {
      if (o != actor) pairs[{actor, o}] = with.second;
    }
  }
  fixture.agreement = HandAgreement(
      {"N1", "P1", "P2", "P3", "P4", "Q1", "Q2", "R1", "U1", "U2", "U3"}, 0.5, pairs);
  return fixture;
}

TEST(ProjectVoteTest, BallotsFromStancesAndLeans) {
  const ProjectionFixture fixture = MakeProjectionFixture();
  const VoteProjection projection =
      ProjectVote(fixture.stances, fixture.agreement, "art5",
                  {"U3", "P1", "Q1", "N1", "R1", "U1", "U2", "ZZZ", "P1"}, 12);
  EXPECT_EQ(projection.subject, "art5");
  struct Expected {
    const char* actor;
    Ballot ballot;
    bool inferred;
  };
  const std::vector<Expected> expected = {
      {"N1", Ballot::kAbstain, false}, {"P1", Ballot::kYes, false},
      {"Q1", Ballot::kNo, false},      {"R1", Ballot::kAbstain, false},
      {"U1", Ballot::kYes, true},      {"U2", Ballot::kAbstain, true},
      {"U3", Ballot::kNo, true},       {"ZZZ", Ballot::kAbstain, true}};
  ASSERT_EQ(projection.ballots.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(projection.ballots[i].actor, expected[i].actor);
    EXPECT_EQ(projection.ballots[i].ballot, expected[i].ballot) << expected[i].actor;
    EXPECT_EQ(projection.ballots[i].inferred, expected[i].inferred) << expected[i].actor;
  }
  EXPECT_EQ(projection.tally.yes, 2);
  EXPECT_EQ(projection.tally.no, 2);
  EXPECT_EQ(projection.tally.abstain, 4);
  EXPECT_EQ(projection.tally.absent, 4);
  // A higher threshold leaves U1 (0.5) and U3 (−0.6) abstaining.
  const VoteProjection strict =
      ProjectVote(fixture.stances, fixture.agreement, "art5", {"U1", "U3"}, 12, 0.7);
  EXPECT_EQ(strict.tally.abstain, 2);
}

struct RuleExpectation {
  bool adopted;
  std::vector<std::string> flippers;  // switches_needed is their number
};

struct ProjectionCase {
  const char* name;
  std::vector<std::string> voters;
  int members;
  int yes, no, abstain, absent;
  RuleExpectation simple, two_thirds, membership;
};

TEST(ProjectVoteTest, OutcomesAndFlippersUnderEachRule) {
  const std::vector<std::string> all = {"P1", "P2", "P3", "P4", "Q1", "Q2",
                                        "N1", "R1", "U1", "U2", "U3"};
  const std::vector<ProjectionCase> cases = {
      // 5 yes (P1–P4, U1), 3 no, 3 abstain. Simple: 5 > 3; one yes voting no gives 4–4, and the
      // likeliest yes voter is U1 (inferred); an abstainer voting no (5–4) would not do.
      // Two-thirds: 15 < 16, one switch to yes: the abstainer N1 (6 ≥ 2 · 3) suffices and leans
      // most toward yes. Membership: 5 of 12, needs 7: two more yes, N1 then U2.
      {"all eleven", all, 12, 5, 3, 3, 1,
       {true, {"U1"}}, {false, {"N1"}}, {false, {"N1", "U2"}}},
      // 30 members: even all eleven voting yes are not a majority of the membership.
      {"membership out of reach", all, 30, 5, 3, 3, 19,
       {true, {"U1"}}, {false, {"N1"}}, {false, {}}},
      // Without Q2: 5 yes, 2 no. Simple needs two switches: one abstainer to no is allowed with
      // one yes voter (4–4), so R1 (leaning furthest to no) then U1. Two-thirds: 15 ≥ 14; one
      // abstainer to no suffices (15 < 16): R1. Membership: 5 of 12, N1 and U2 voting yes.
      {"odd margin", {"P1", "P2", "P3", "P4", "Q1", "N1", "R1", "U1", "U2", "U3"}, 12,
       5, 2, 3, 2,
       {true, {"R1", "U1"}}, {true, {"R1"}}, {false, {"N1", "U2"}}},
      // 2 yes (P1, P2), 3 no (Q1, Q2, U3), 3 abstain. Simple: one no voter to yes (3–2) — an
      // abstainer would only tie — U3 before the stated opponents. Two-thirds: needs
      // 3a + b ≥ 4 in two switches, so one abstainer at most: N1 then U3. Membership needs five
      // more yes: the three abstainers, U3, then Q1 (stated; before Q2 by id).
      {"rejected", {"P1", "P2", "Q1", "Q2", "U3", "N1", "R1", "U2"}, 12, 2, 3, 3, 4,
       {false, {"U3"}}, {false, {"N1", "U3"}}, {false, {"N1", "U2", "R1", "U3", "Q1"}}},
      // Only stated opponents and supporters: 1 yes, 2 no. Simple needs one opponent (2–1).
      {"only stated", {"P1", "Q1", "Q2"}, 3, 1, 2, 0, 0,
       {false, {"Q1"}}, {false, {"Q1"}}, {false, {"Q1"}}},
      // Nobody votes: nothing can flip.
      {"no voters", {}, 12, 0, 0, 0, 12, {false, {}}, {false, {}}, {false, {}}},
      // Everyone abstains: one yes adopts under simple and two-thirds (1 ≥ 2/3 · 1).
      {"all abstain", {"N1", "R1", "U2"}, 5, 0, 0, 3, 2,
       {false, {"N1"}}, {false, {"N1"}}, {false, {"N1", "U2", "R1"}}},
  };
  const ProjectionFixture fixture = MakeProjectionFixture();
  for (const ProjectionCase& test : cases) {
    SCOPED_TRACE(test.name);
    const VoteProjection projection =
        ProjectVote(fixture.stances, fixture.agreement, "art5", test.voters, test.members);
    EXPECT_EQ(projection.tally.yes, test.yes);
    EXPECT_EQ(projection.tally.no, test.no);
    EXPECT_EQ(projection.tally.abstain, test.abstain);
    EXPECT_EQ(projection.tally.absent, test.absent);
    ASSERT_EQ(projection.outcomes.size(), 3u);
    const RuleExpectation* expected[] = {&test.simple, &test.two_thirds, &test.membership};
    const MajorityRule rules[] = {MajorityRule::kSimple, MajorityRule::kTwoThirds,
                                  MajorityRule::kMembership};
    for (int r = 0; r < 3; ++r) {
      SCOPED_TRACE(std::string(MajorityRuleName(rules[r])));
      const VoteProjection::Outcome& outcome = projection.outcomes[r];
      EXPECT_EQ(outcome.rule, rules[r]);
      EXPECT_EQ(outcome.adopted, expected[r]->adopted);
      EXPECT_EQ(outcome.switches_needed, static_cast<int>(expected[r]->flippers.size()));
      EXPECT_THAT(outcome.flippers, ElementsAreArray(expected[r]->flippers));
    }
  }
}

// Against exhaustive search on random small votes: switches_needed is the size of the smallest
// set of voters who, each voting for the losing side, flip the result; the flippers do flip it.
TEST(ProjectVoteTest, FlippersMatchExhaustiveSearch) {
  std::mt19937 random(11);
  for (int round = 0; round < 300; ++round) {
    const int voters = 1 + static_cast<int>(random() % 10);
    std::vector<Position> positions;
    std::vector<std::string> ids;
    for (int v = 0; v < voters; ++v) {
      ids.push_back("V" + std::to_string(v));
      const int pick = static_cast<int>(random() % 6);
      if (pick < 5) positions.push_back(At(ids.back(), "art1", static_cast<Stance>(pick)));
    }
    const StanceMatrix stances = BuildStanceMatrix(positions);
    const AgreementMatrix agreement = ComputeAgreement(stances, {});
    const int members = voters + static_cast<int>(random() % 6);
    const VoteProjection projection =
        ProjectVote(stances, agreement, "art1", ids, members);
    for (const VoteProjection::Outcome& outcome : projection.outcomes) {
      const Ballot target = outcome.adopted ? Ballot::kNo : Ballot::kYes;
      auto flips = [&](unsigned subset) {
        RecordedVote vote;
        for (int v = 0; v < voters; ++v) {
          vote.ballots.push_back(
              {ids[v], (subset >> v) & 1 ? target : projection.ballots[v].ballot});
        }
        return Adopted(TallyVote(vote, members), outcome.rule) != outcome.adopted;
      };
      int fewest = 0;
      for (unsigned subset = 1; subset < (1u << voters); ++subset) {
        const int size = __builtin_popcount(subset);
        if (flips(subset) && (fewest == 0 || size < fewest)) fewest = size;
      }
      ASSERT_EQ(outcome.switches_needed, fewest) << "round " << round;
      ASSERT_EQ(outcome.flippers.size(), static_cast<std::size_t>(fewest));
      unsigned chosen = 0;
      for (const std::string& flipper : outcome.flippers) {
        chosen |= 1u << (std::find(ids.begin(), ids.end(), flipper) - ids.begin());
      }
      if (fewest > 0) {
        EXPECT_TRUE(flips(chosen)) << "round " << round;
      }
    }
  }
}

// ---- Determinism

TEST(CoalitionsTest, ShuffledInputGivesTheSameAnalysis) {
  GeneratedBlocs generated = ThreeBlocs(5);
  std::vector<RecordedVote> votes;
  std::mt19937 random(3);
  for (int v = 0; v < 4; ++v) {
    RecordedVote vote;
    for (const auto& bloc : generated.blocs) {
      for (const std::string& actor : bloc) {
        vote.ballots.push_back({actor, static_cast<Ballot>(random() % 4)});
      }
    }
    std::sort(vote.ballots.begin(), vote.ballots.end(),
              [](const BallotCast& a, const BallotCast& b) { return a.actor < b.actor; });
    votes.push_back(vote);
  }
  std::vector<std::string> voters;
  for (const auto& bloc : generated.blocs) voters.insert(voters.end(), bloc.begin(), bloc.end());

  auto analyse = [&](const std::vector<Position>& positions,
                     const std::vector<std::string>& voting) {
    const StanceMatrix stances = BuildStanceMatrix(positions);
    const AgreementMatrix agreement = ComputeAgreement(stances, votes);
    const Clustering clustering = ClusterActors(agreement, 0.6);
    std::vector<std::string> out = clustering.order;
    for (const Bloc& bloc : clustering.blocs) {
      out.push_back("bloc " + std::to_string(bloc.cohesion));
      out.insert(out.end(), bloc.actors.begin(), bloc.actors.end());
    }
    for (const SwingActor& swing : SwingActors(stances, agreement, "art7")) {
      out.push_back(swing.actor + " " + std::to_string(swing.lean));
    }
    const VoteProjection projection = ProjectVote(stances, agreement, "art7", voting, 61);
    for (const ProjectedBallot& ballot : projection.ballots) {
      out.push_back(ballot.actor + std::string(BallotName(ballot.ballot)));
    }
    for (const VoteProjection::Outcome& outcome : projection.outcomes) {
      out.push_back(std::to_string(outcome.adopted) + std::to_string(outcome.switches_needed));
      out.insert(out.end(), outcome.flippers.begin(), outcome.flippers.end());
    }
    return out;
  };
  const std::vector<std::string> first = analyse(generated.positions, voters);
  ASSERT_GT(first.size(), 120u);
  for (unsigned seed = 1; seed <= 3; ++seed) {
    std::mt19937 shuffler(seed);
    std::shuffle(generated.positions.begin(), generated.positions.end(), shuffler);
    std::shuffle(voters.begin(), voters.end(), shuffler);
    EXPECT_EQ(analyse(generated.positions, voters), first) << "shuffle " << seed;
  }
}

}  // namespace
}  // namespace tw::negotiation
