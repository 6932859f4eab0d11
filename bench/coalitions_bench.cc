// Coalition analysis on a full membership: 195 actors × 500 provisions (positions from a
// fixed-seed generator: six blocs, each with a line per provision that its members follow 80% of
// the time, ~70% of cells filled, some actors revising once) and 50 recorded votes of 195
// ballots (bloc lines again, ~5% absent).
//   BM_Analysis          the whole analysis as `treatywatch coalitions` runs it: BuildStanceMatrix,
//                        ComputeAgreement, ClusterActors, SwingActors and ProjectVote on one
//                        provision
//   BM_StanceMatrix, BM_Agreement, BM_Clustering   its three heavy steps alone, for reference
//   BM_Baseline_Naive    the same analysis written the obvious way: latest positions in a
//                        std::map, agreement by std::map lookups per pair per item, and UPGMA
//                        recomputing every cluster pair's average linkage from the member pairs at
//                        each step (swing actors and the projection are the library's: they are
//                        cheap either way). Its blocs are checked against BM_Analysis's
//                        (counter same_blocs).
// After the table: the times and the ratio analysis / baseline, wall time, one thread.
//
// Target (issue 5): the whole analysis in < 200 ms.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "negotiation/coalitions.h"
#include "summary_reporter.h"

namespace {

using tw::negotiation::AgreementMatrix;
using tw::negotiation::Ballot;
using tw::negotiation::Bloc;
using tw::negotiation::Clustering;
using tw::negotiation::Position;
using tw::negotiation::RecordedVote;
using tw::negotiation::Stance;
using tw::negotiation::StanceMatrix;

constexpr int kActors = 195;
constexpr int kProvisions = 500;
constexpr int kVotes = 50;
constexpr int kBlocs = 6;
constexpr int kMembers = 193;
constexpr double kMinAgreement = 0.6;
constexpr std::uint32_t kSeed = 2024;
const std::string kSubject = "art250";

struct Workload {
  std::vector<std::string> actors;
  std::vector<Position> positions;
  std::vector<RecordedVote> votes;
};

const Workload& Load() {
  static const Workload* workload = [] {
    auto* w = new Workload;
    std::mt19937 random(kSeed);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int a = 0; a < kActors; ++a) {
      // Three letters, like the ISO codes of the real membership.
      w->actors.push_back(std::string{static_cast<char>('A' + a / 26 % 26),
                                      static_cast<char>('A' + a % 26),
                                      static_cast<char>('A' + (a * 7) % 26)});
    }
    std::sort(w->actors.begin(), w->actors.end());
    std::vector<int> bloc_of(kActors);
    for (int& bloc : bloc_of) bloc = static_cast<int>(random() % kBlocs);
    std::int64_t id = 0;
    for (int p = 0; p < kProvisions; ++p) {
      const std::string subject = "art" + std::to_string(p);
      std::vector<Stance> line(kBlocs);
      for (Stance& stance : line) stance = static_cast<Stance>(random() % 5);
      for (int a = 0; a < kActors; ++a) {
        if (unit(random) >= 0.7) continue;
        const int revisions = unit(random) < 0.1 ? 2 : 1;
        for (int r = 0; r < revisions; ++r) {
          Position position;
          position.id = ++id;
          position.actor = w->actors[a];
          position.subject = subject;
          position.stance =
              unit(random) < 0.8 ? line[bloc_of[a]] : static_cast<Stance>(random() % 5);
          position.date = fmt::format("2024-{:02}-{:02}", 1 + random() % 12, 1 + random() % 28);
          position.source_kind = "statement";
          w->positions.push_back(std::move(position));
        }
      }
    }
    for (int v = 0; v < kVotes; ++v) {
      RecordedVote vote;
      vote.symbol = fmt::format("A/RES/79/{}", 100 + v);
      std::vector<Ballot> line(kBlocs);
      for (Ballot& ballot : line) ballot = static_cast<Ballot>(random() % 3);
      for (int a = 0; a < kActors; ++a) {
        Ballot ballot = unit(random) < 0.85 ? line[bloc_of[a]] : static_cast<Ballot>(random() % 3);
        if (unit(random) < 0.05) ballot = Ballot::kAbsent;
        vote.ballots.push_back({w->actors[a], ballot});
      }
      w->votes.push_back(std::move(vote));
    }
    return w;
  }();
  return *workload;
}

struct Result {
  Clustering clustering;
  std::size_t swing = 0;
  int flip_switches = 0;
};

Result Analyse(const Workload& w) {
  const StanceMatrix stances = tw::negotiation::BuildStanceMatrix(w.positions);
  const AgreementMatrix agreement = tw::negotiation::ComputeAgreement(stances, w.votes);
  Result result;
  result.clustering = tw::negotiation::ClusterActors(agreement, kMinAgreement);
  result.swing = tw::negotiation::SwingActors(stances, agreement, kSubject).size();
  const tw::negotiation::VoteProjection projection =
      tw::negotiation::ProjectVote(stances, agreement, kSubject, w.actors, kMembers);
  result.flip_switches = projection.outcomes.front().switches_needed;
  return result;
}

void SetCounters(benchmark::State& state, const Result& result) {
  state.counters["blocs"] = static_cast<double>(result.clustering.blocs.size());
  state.counters["swing"] = static_cast<double>(result.swing);
}

void BM_Analysis(benchmark::State& state) {
  const Workload& w = Load();
  Result result;
  for (auto _ : state) {
    result = Analyse(w);
    benchmark::DoNotOptimize(result);
  }
  SetCounters(state, result);
}

void BM_StanceMatrix(benchmark::State& state) {
  const Workload& w = Load();
  for (auto _ : state) benchmark::DoNotOptimize(tw::negotiation::BuildStanceMatrix(w.positions));
}

void BM_Agreement(benchmark::State& state) {
  const Workload& w = Load();
  const StanceMatrix stances = tw::negotiation::BuildStanceMatrix(w.positions);
  for (auto _ : state) {
    benchmark::DoNotOptimize(tw::negotiation::ComputeAgreement(stances, w.votes));
  }
}

void BM_Clustering(benchmark::State& state) {
  const Workload& w = Load();
  const AgreementMatrix agreement =
      tw::negotiation::ComputeAgreement(tw::negotiation::BuildStanceMatrix(w.positions), w.votes);
  for (auto _ : state) {
    benchmark::DoNotOptimize(tw::negotiation::ClusterActors(agreement, kMinAgreement));
  }
}

// ---- Baseline: the analysis written the obvious way.

double StanceValue(Stance stance) {
  switch (stance) {
    case Stance::kSupport:
      return 1;
    case Stance::kAmend:
      return 0.5;
    case Stance::kNeutral:
      return 0;
    case Stance::kReserve:
      return -0.5;
    case Stance::kOppose:
      return -1;
  }
  return 0;
}

StanceMatrix NaiveStanceMatrix(const std::vector<Position>& positions) {
  std::map<std::pair<std::string, std::string>, const Position*> latest;
  for (const Position& position : positions) {
    const Position*& held = latest[{position.actor, position.subject}];
    if (held == nullptr || std::tie(position.date, position.id) >= std::tie(held->date, held->id)) {
      held = &position;
    }
  }
  std::map<std::string, std::size_t> actors;
  std::map<std::string, std::size_t> subjects;
  for (const auto& [key, position] : latest) {
    actors[key.first];
    subjects[key.second];
  }
  StanceMatrix matrix;
  for (auto& [name, index] : actors) {
    index = matrix.actors.size();
    matrix.actors.push_back(name);
  }
  for (auto& [name, index] : subjects) {
    index = matrix.subjects.size();
    matrix.subjects.push_back(name);
  }
  matrix.cells.resize(matrix.actors.size() * matrix.subjects.size());
  for (const auto& [key, position] : latest) {
    matrix.cells[actors[key.first] * matrix.subjects.size() + subjects[key.second]] =
        position->stance;
  }
  return matrix;
}

// Per actor, item → value; every pair looks every item up in both maps.
AgreementMatrix NaiveAgreement(const StanceMatrix& stances,
                               const std::vector<RecordedVote>& votes) {
  std::map<std::string, std::map<std::string, double>> items;
  std::vector<std::string> item_names;
  for (const std::string& subject : stances.subjects) item_names.push_back("s:" + subject);
  for (std::size_t v = 0; v < votes.size(); ++v) item_names.push_back("v:" + std::to_string(v));
  for (std::size_t a = 0; a < stances.actors.size(); ++a) {
    std::map<std::string, double>& row = items[stances.actors[a]];
    for (std::size_t s = 0; s < stances.subjects.size(); ++s) {
      if (stances.at(a, s)) row["s:" + stances.subjects[s]] = StanceValue(*stances.at(a, s));
    }
  }
  for (std::size_t v = 0; v < votes.size(); ++v) {
    for (const auto& cast : votes[v].ballots) {
      std::map<std::string, double>& row = items[cast.actor];
      if (cast.ballot == Ballot::kAbsent) continue;
      row["v:" + std::to_string(v)] = cast.ballot == Ballot::kYes  ? 1.0
                                      : cast.ballot == Ballot::kNo ? -1.0
                                                                   : 0.0;
    }
  }
  AgreementMatrix matrix;
  for (const auto& [actor, row] : items) matrix.actors.push_back(actor);
  const std::size_t n = matrix.actors.size();
  matrix.agreement.assign(n * n, 1.0);
  matrix.common.assign(n * n, 0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      if (a == b) continue;
      const auto& row_a = items[matrix.actors[a]];
      const auto& row_b = items[matrix.actors[b]];
      double sum = 0;
      int common = 0;
      for (const std::string& item : item_names) {
        const auto found_a = row_a.find(item);
        const auto found_b = row_b.find(item);
        if (found_a == row_a.end() || found_b == row_b.end()) continue;
        sum += 1 - std::abs(found_a->second - found_b->second) / 2;
        ++common;
      }
      matrix.agreement[a * n + b] = common == 0 ? std::nan("") : sum / common;
      matrix.common[a * n + b] = common;
    }
  }
  return matrix;
}

// UPGMA with every cluster pair's linkage recomputed from the member pairs at each step.
Clustering NaiveClustering(const AgreementMatrix& agreement, double min_agreement) {
  const std::size_t n = agreement.actors.size();
  auto distance = [&](std::size_t a, std::size_t b) {
    const double value = agreement.at(a, b);
    return std::isnan(value) ? 0.5 : 1 - value;
  };
  std::vector<std::vector<std::size_t>> clusters;
  for (std::size_t a = 0; a < n; ++a) clusters.push_back({a});
  std::vector<std::vector<std::size_t>> blocs;
  bool cut = false;
  while (clusters.size() > 1) {
    double best = 2;
    std::size_t best_i = 0;
    std::size_t best_j = 0;
    for (std::size_t i = 0; i < clusters.size(); ++i) {
      for (std::size_t j = i + 1; j < clusters.size(); ++j) {
        double sum = 0;
        for (std::size_t x : clusters[i]) {
          for (std::size_t y : clusters[j]) sum += distance(x, y);
        }
        const double linkage = sum / static_cast<double>(clusters[i].size() * clusters[j].size());
        if (linkage < best) {
          best = linkage;
          best_i = i;
          best_j = j;
        }
      }
    }
    if (!cut && 1 - best < min_agreement - 1e-9) {
      blocs = clusters;
      cut = true;
    }
    clusters[best_i].insert(clusters[best_i].end(), clusters[best_j].begin(),
                            clusters[best_j].end());
    clusters.erase(clusters.begin() + static_cast<std::ptrdiff_t>(best_j));
  }
  if (!cut) blocs = clusters;
  Clustering result;
  for (std::size_t leaf : clusters.front()) result.order.push_back(agreement.actors[leaf]);
  for (std::vector<std::size_t>& members : blocs) {
    std::sort(members.begin(), members.end());
    Bloc bloc;
    for (std::size_t m : members) bloc.actors.push_back(agreement.actors[m]);
    result.blocs.push_back(std::move(bloc));
  }
  std::sort(result.blocs.begin(), result.blocs.end(), [](const Bloc& a, const Bloc& b) {
    if (a.actors.size() != b.actors.size()) return a.actors.size() > b.actors.size();
    return a.actors.front() < b.actors.front();
  });
  return result;
}

void BM_Baseline_Naive(benchmark::State& state) {
  const Workload& w = Load();
  Result result;
  for (auto _ : state) {
    const StanceMatrix stances = NaiveStanceMatrix(w.positions);
    const AgreementMatrix agreement = NaiveAgreement(stances, w.votes);
    result.clustering = NaiveClustering(agreement, kMinAgreement);
    result.swing = tw::negotiation::SwingActors(stances, agreement, kSubject).size();
    result.flip_switches =
        tw::negotiation::ProjectVote(stances, agreement, kSubject, w.actors, kMembers)
            .outcomes.front()
            .switches_needed;
    benchmark::DoNotOptimize(result);
  }
  SetCounters(state, result);
  const Result ours = Analyse(w);
  bool same = ours.clustering.blocs.size() == result.clustering.blocs.size() &&
              ours.swing == result.swing && ours.flip_switches == result.flip_switches;
  for (std::size_t b = 0; same && b < ours.clustering.blocs.size(); ++b) {
    same = ours.clustering.blocs[b].actors == result.clustering.blocs[b].actors;
  }
  state.counters["same_blocs"] = same ? 1 : 0;
}

BENCHMARK(BM_Analysis)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_StanceMatrix)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Agreement)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Clustering)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Baseline_Naive)->Unit(benchmark::kMillisecond)->UseRealTime();

void Summarise(const tw::bench::Timings& timings) {
  auto ms = [&](const char* name) { return tw::bench::RealTime(timings, name); };
  auto time = [](double value) {
    return value > 0 ? fmt::format("{:.1f} ms", value) : std::string("-");
  };
  const double analysis = ms("BM_Analysis");
  const double baseline = ms("BM_Baseline_Naive");
  std::cout << fmt::format(
      "\ncoalition analysis, {} actors × {} provisions + {} votes (wall time, one thread):\n"
      "  whole analysis       {}  (stance matrix {}, agreement {}, clustering {})\n"
      "  naive baseline       {}\n"
      "  ratio baseline / analysis = {}\n",
      kActors, kProvisions, kVotes, time(analysis), time(ms("BM_StanceMatrix")),
      time(ms("BM_Agreement")), time(ms("BM_Clustering")), time(baseline),
      analysis > 0 && baseline > 0 ? fmt::format("{:.1f}x", baseline / analysis)
                                   : std::string("-"));
  if (analysis > 0) {
    std::cout << fmt::format("target: whole analysis in < 200 ms: {:.1f} ms, {}\n", analysis,
                             analysis < 200 ? "met" : "NOT met");
  }
}

}  // namespace

int main(int argc, char** argv) { return tw::bench::RunBenchmarks(argc, argv, Summarise); }
