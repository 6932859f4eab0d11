// Comparison speed on the benchmark pairs of 10k, 40k and 160k words (GenerateBenchmarkPair in
// tests/compare/pair_generator.h: the corpus treaties concatenated and numbered into one long
// convention, then articles moved, split, joined, inserted, deleted, reworded and brackets
// removed — the same pairs bench/make_diff_pairs writes for bench/diff_vs_peers.sh). Per size:
//   BM_Compare              CompareDocuments with redlines, as `treatywatch diff` runs it
//   BM_CompareMappingOnly   the alignment alone (redlines off), as crosswalks and chains run it
//   BM_ParsePair            the txt reader and the structure parser on OLD and NEW, the work a
//                           diff of two files does before comparing (reported separately)
//   BM_Baseline_HistogramWordDiff  baseline: a whole-text word diff of the same texts with git's
//                           histogram algorithm, in process — what `git diff --word-diff
//                           --histogram` computes, without process start, output or articles
// After the table: compare / baseline, compare / parse, and the time per word relative to the
// 10k pair (1.0 = linear scaling), wall time, one thread.
//
// Target (issue 3): the 160k-word pair compared in < 1 s.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compare/compare.h"
#include "tests/compare/pair_generator.h"

#include "summary_reporter.h"

namespace {

using tw::compare::testing::GeneratedPair;

constexpr std::uint64_t kSeed = 1;
constexpr int kSizes[] = {10000, 40000, 160000};

struct Prepared {
  GeneratedPair pair;
  tw::doc::Document old_doc;
  tw::doc::Document new_doc;
  std::string error;
};

const Prepared& PairOf(int words) {
  static std::map<int, Prepared>* pairs = new std::map<int, Prepared>;
  auto found = pairs->find(words);
  if (found != pairs->end()) return found->second;
  Prepared& prepared = (*pairs)[words];
  absl::StatusOr<GeneratedPair> pair = tw::compare::testing::GenerateBenchmarkPair(words, kSeed);
  if (!pair.ok()) {
    prepared.error = std::string(pair.status().message());
    return prepared;
  }
  prepared.pair = *std::move(pair);
  auto old_doc = tw::compare::testing::ParsePlainText("old.txt", prepared.pair.old_text);
  auto new_doc = tw::compare::testing::ParsePlainText("new.txt", prepared.pair.new_text);
  if (!old_doc.ok() || !new_doc.ok()) {
    prepared.error = std::string((old_doc.ok() ? new_doc.status() : old_doc.status()).message());
    return prepared;
  }
  prepared.old_doc = *std::move(old_doc);
  prepared.new_doc = *std::move(new_doc);
  return prepared;
}

void SetCounters(benchmark::State& state, const Prepared& prepared) {
  state.counters["articles"] = static_cast<double>(prepared.pair.truth.old_articles.size());
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations()) *
      static_cast<int64_t>(prepared.pair.old_text.size() + prepared.pair.new_text.size()));
}

void RunCompare(benchmark::State& state, bool redlines) {
  const Prepared& prepared = PairOf(static_cast<int>(state.range(0)));
  if (!prepared.error.empty()) return state.SkipWithError(prepared.error.c_str());
  tw::compare::CompareOptions options;
  options.redlines = redlines;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        tw::compare::CompareDocuments(prepared.old_doc, prepared.new_doc, options));
  }
  SetCounters(state, prepared);
}

void BM_Compare(benchmark::State& state) { RunCompare(state, true); }
void BM_CompareMappingOnly(benchmark::State& state) { RunCompare(state, false); }

void BM_ParsePair(benchmark::State& state) {
  const Prepared& prepared = PairOf(static_cast<int>(state.range(0)));
  if (!prepared.error.empty()) return state.SkipWithError(prepared.error.c_str());
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        tw::compare::testing::ParsePlainText("old.txt", prepared.pair.old_text));
    benchmark::DoNotOptimize(
        tw::compare::testing::ParsePlainText("new.txt", prepared.pair.new_text));
  }
  SetCounters(state, prepared);
}

// ---- Baseline: histogram word diff.

std::vector<int> WordIds(std::string_view text, std::unordered_map<std::string_view, int>& ids) {
  std::vector<int> out;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n')) ++at;
    std::size_t end = at;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    if (end > at) {
      out.push_back(
          ids.try_emplace(text.substr(at, end - at), static_cast<int>(ids.size())).first->second);
    }
    at = end;
  }
  return out;
}

// Gaps without a rare enough shared word are aligned by LCS only up to this many cells; beyond,
// their words count as changed (git falls back to Myers there).
constexpr long kMaxLcsCells = 4'000'000;

std::size_t LcsLength(const int* a, std::size_t na, const int* b, std::size_t nb) {
  std::vector<std::size_t> row(nb + 1, 0);
  for (std::size_t i = 0; i < na; ++i) {
    std::size_t diagonal = 0;
    for (std::size_t j = 1; j <= nb; ++j) {
      const std::size_t up = row[j];
      row[j] = a[i] == b[j - 1] ? diagonal + 1 : std::max(row[j], row[j - 1]);
      diagonal = up;
    }
  }
  return row[nb];
}

// Words occurring more often than this in a range are never anchors (git's MAX_CHAIN_LENGTH).
constexpr std::size_t kMaxChain = 64;

// Words a histogram diff keeps (aligns as equal) — git's algorithm (xdiff/xhistogram.c): in
// each range, the common run around the least frequent shared word (the longest such run on a
// tie) is kept, and the ranges left and right of it are diffed the same way; a range with no
// shared word rare enough falls back to LCS. Ranges sit on an explicit stack.
std::size_t HistogramKept(const std::vector<int>& a, const std::vector<int>& b) {
  struct Range {
    std::size_t a_lo, a_hi, b_lo, b_hi;
  };
  std::vector<Range> stack = {{0, a.size(), 0, b.size()}};
  std::unordered_map<int, std::vector<std::size_t>> where;  // word -> positions in a's range
  std::size_t kept = 0;
  while (!stack.empty()) {
    Range r = stack.back();
    stack.pop_back();
    while (r.a_lo < r.a_hi && r.b_lo < r.b_hi && a[r.a_lo] == b[r.b_lo]) ++r.a_lo, ++r.b_lo, ++kept;
    while (r.a_lo < r.a_hi && r.b_lo < r.b_hi && a[r.a_hi - 1] == b[r.b_hi - 1]) {
      --r.a_hi, --r.b_hi, ++kept;
    }
    if (r.a_lo == r.a_hi || r.b_lo == r.b_hi) continue;
    where.clear();
    for (std::size_t i = r.a_lo; i < r.a_hi; ++i) {
      std::vector<std::size_t>& positions = where[a[i]];
      if (positions.size() <= kMaxChain) positions.push_back(i);
    }
    std::size_t best_count = kMaxChain + 1;
    std::size_t best_length = 0;
    std::size_t best_a = 0;
    std::size_t best_b = 0;
    for (std::size_t j = r.b_lo; j < r.b_hi;) {
      std::size_t next = j + 1;
      const auto found = where.find(b[j]);
      if (found != where.end() && found->second.size() <= std::min(kMaxChain, best_count)) {
        const std::size_t count = found->second.size();
        for (std::size_t i : found->second) {
          std::size_t as = i, bs = j, ae = i + 1, be = j + 1;
          while (as > r.a_lo && bs > r.b_lo && a[as - 1] == b[bs - 1]) --as, --bs;
          while (ae < r.a_hi && be < r.b_hi && a[ae] == b[be]) ++ae, ++be;
          if (count < best_count || ae - as > best_length) {
            best_count = count;
            best_length = ae - as;
            best_a = as;
            best_b = bs;
          }
          next = std::max(next, be);
        }
      }
      j = next;
    }
    if (best_length == 0) {
      const std::size_t na = r.a_hi - r.a_lo;
      const std::size_t nb = r.b_hi - r.b_lo;
      if (static_cast<long>(na) * static_cast<long>(nb) <= kMaxLcsCells) {
        kept += LcsLength(a.data() + r.a_lo, na, b.data() + r.b_lo, nb);
      }
      continue;
    }
    kept += best_length;
    stack.push_back({r.a_lo, best_a, r.b_lo, best_b});
    stack.push_back({best_a + best_length, r.a_hi, best_b + best_length, r.b_hi});
  }
  return kept;
}

void BM_Baseline_HistogramWordDiff(benchmark::State& state) {
  const Prepared& prepared = PairOf(static_cast<int>(state.range(0)));
  if (!prepared.error.empty()) return state.SkipWithError(prepared.error.c_str());
  std::size_t kept = 0;
  std::size_t words = 0;
  for (auto _ : state) {
    std::unordered_map<std::string_view, int> ids;
    const std::vector<int> a = WordIds(prepared.pair.old_text, ids);
    const std::vector<int> b = WordIds(prepared.pair.new_text, ids);
    kept = HistogramKept(a, b);
    words = a.size();
    benchmark::DoNotOptimize(kept);
  }
  state.counters["kept_pct"] =
      words == 0 ? 0 : 100.0 * static_cast<double>(kept) / static_cast<double>(words);
  SetCounters(state, prepared);
}

void Sizes(benchmark::internal::Benchmark* b) {
  for (int words : kSizes) b->Arg(words);
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}

BENCHMARK(BM_Compare)->Apply(Sizes);
BENCHMARK(BM_CompareMappingOnly)->Apply(Sizes);
BENCHMARK(BM_ParsePair)->Apply(Sizes);
BENCHMARK(BM_Baseline_HistogramWordDiff)->Apply(Sizes);

// The ratios after Google Benchmark's own table.
void Summarise(const tw::bench::Timings& timings) {
  auto ms = [&](const char* name, int words) {
    return tw::bench::RealTime(timings, fmt::format("{}/{}", name, words));
  };
  // "-" for a benchmark that did not run (--benchmark_filter) or failed.
  auto time = [](double value) {
    return value > 0 ? fmt::format("{:.1f} ms", value) : std::string("-");
  };
  auto times = [](double a, double b) {
    return a > 0 && b > 0 ? fmt::format("{:.2f}x", a / b) : std::string("-");
  };
  const double compare_10k = ms("BM_Compare", kSizes[0]);
  std::cout << "\ncomparison of the benchmark pairs (wall time, one thread):\n"
            << fmt::format("{:>8} {:>11} {:>11} {:>9} {:>11} {:>13} {:>14} {:>16}\n", "words",
                           "compare", "mapping", "parse", "baseline", "compare/base",
                           "compare/parse", "per word vs 10k");
  for (int words : kSizes) {
    const double compare = ms("BM_Compare", words);
    const double base = ms("BM_Baseline_HistogramWordDiff", words);
    const double parse = ms("BM_ParsePair", words);
    std::cout << fmt::format("{:>8} {:>11} {:>11} {:>9} {:>11} {:>13} {:>14} {:>16}\n", words,
                             time(compare), time(ms("BM_CompareMappingOnly", words)), time(parse),
                             time(base), times(compare, base), times(compare, parse),
                             times(compare / words, compare_10k / kSizes[0]));
  }
  const double largest = ms("BM_Compare", kSizes[2]);
  if (largest > 0) {
    std::cout << fmt::format("target: 160k-word pair compared in < 1 s: {:.0f} ms, {}\n", largest,
                             largest < 1000 ? "met" : "NOT met");
  }
  std::cout << "(baseline: git's histogram word diff of the whole texts, in process, no "
               "article alignment; the peers as whole commands: bench/diff_vs_peers.sh)\n";
}

}  // namespace

int main(int argc, char** argv) { return tw::bench::RunBenchmarks(argc, argv, Summarise); }
