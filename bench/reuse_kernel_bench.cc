// The text-reuse alignment kernel (issue 8): giga cell updates per second (GCUPS) of the
// batched local alignment on one core, scalar reference against the AVX2 and AVX-512BW kernels,
// on the same pairs: 3,200 candidate windows of 100-400 words, a third of them holding a reused
// passage. The kernels' scores are checked equal to the scalar ones before timing.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

#include "reuse/alignment_kernel.h"
#include "summary_reporter.h"

namespace {

using tw::reuse::AlignmentPair;
using tw::reuse::KernelIsa;

struct Workload {
  std::vector<std::vector<std::uint32_t>> texts;
  std::vector<AlignmentPair> pairs;
  double cells = 0;
};

const Workload& TheWorkload() {
  static const Workload workload = [] {
    Workload w;
    std::mt19937 random(42);
    constexpr int kPairs = 3200;
    w.texts.reserve(2 * kPairs);
    for (int k = 0; k < kPairs; ++k) {
      const int a_length = std::uniform_int_distribution<int>(100, 400)(random);
      const int b_length = std::uniform_int_distribution<int>(100, 400)(random);
      std::vector<std::uint32_t> a(a_length);
      std::vector<std::uint32_t> b(b_length);
      for (auto& id : a) id = random() % 5000;  // a treaty's working vocabulary
      for (auto& id : b) id = random() % 5000;
      if (k % 3 == 0) {
        const int length = std::min(60, std::min(a_length, b_length) / 2);
        std::copy(a.begin() + 10, a.begin() + 10 + length, b.begin() + 20);
      }
      w.cells += double(a_length) * b_length;
      w.texts.push_back(std::move(a));
      w.texts.push_back(std::move(b));
    }
    for (int k = 0; k < kPairs; ++k) w.pairs.push_back({w.texts[2 * k], w.texts[2 * k + 1]});
    return w;
  }();
  return workload;
}

void BM_Kernel(benchmark::State& state, KernelIsa isa) {
  if (!tw::reuse::CpuSupports(isa)) {
    state.SkipWithError("not supported by this CPU");
    return;
  }
  const Workload& w = TheWorkload();
  static const std::vector<std::int32_t> reference =
      tw::reuse::ScorePairs(w.pairs, KernelIsa::kScalar);
  if (tw::reuse::ScorePairs(w.pairs, isa) != reference) {
    state.SkipWithError("scores differ from the scalar reference");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(tw::reuse::ScorePairs(w.pairs, isa));
  }
  state.counters["GCUPS"] =
      benchmark::Counter(w.cells * 1e-9 * double(state.iterations()), benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(BM_Kernel, scalar, KernelIsa::kScalar)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Kernel, avx2, KernelIsa::kAvx2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Kernel, avx512, KernelIsa::kAvx512)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  return tw::bench::RunBenchmarks(argc, argv, [](const tw::bench::Timings& timings) {
    const double cells = TheWorkload().cells;
    const double scalar = tw::bench::RealTime(timings, "BM_Kernel/scalar");
    std::printf("\nalignment kernel, %.0f million cells per run (one core):\n", cells * 1e-6);
    for (const char* name : {"scalar", "avx2", "avx512"}) {
      const double ms = tw::bench::RealTime(timings, std::string("BM_Kernel/") + name);
      if (ms <= 0) continue;
      std::printf("  %-7s %8.1f ms  %5.2f GCUPS  %5.1fx the scalar path\n", name, ms,
                  cells / (ms * 1e-3) * 1e-9, scalar > 0 ? scalar / ms : 0.0);
    }
    const double best = tw::bench::RealTime(timings, "BM_Kernel/avx512") > 0
                            ? tw::bench::RealTime(timings, "BM_Kernel/avx512")
                            : tw::bench::RealTime(timings, "BM_Kernel/avx2");
    if (best > 0) {
      const double gcups = cells / (best * 1e-3) * 1e-9;
      std::printf("  target >= 5 GCUPS per core: %s (%.2f)\n", gcups >= 5 ? "met" : "NOT met",
                  gcups);
    }
  });
}
