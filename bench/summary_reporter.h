// The ratio line every benchmark prints after Google Benchmark's own table: a console reporter
// that keeps each successful run's adjusted times and hands them to the benchmark's summary.
#ifndef TREATYWATCH_BENCH_SUMMARY_REPORTER_H_
#define TREATYWATCH_BENCH_SUMMARY_REPORTER_H_

#include <benchmark/benchmark.h>

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tw::bench {

// Times in the benchmark's own unit (every benchmark here uses milliseconds).
struct Timing {
  double real = 0;
  double cpu = 0;
};

// Keyed by "BM_Name" or, for a benchmark with an argument, "BM_Name/ARG".
using Timings = std::map<std::string, Timing>;

class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  explicit SummaryReporter(std::function<void(const Timings&)> summarise)
      : summarise_(std::move(summarise)) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (!run.aggregate_name.empty() || run.error_occurred) continue;
      std::string name = run.run_name.function_name;
      if (!run.run_name.args.empty()) name += "/" + run.run_name.args;
      timings_[name] = {run.GetAdjustedRealTime(), run.GetAdjustedCPUTime()};
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    summarise_(timings_);
  }

 private:
  std::function<void(const Timings&)> summarise_;
  Timings timings_;
};

// A run's time, or 0 when it did not run (filtered out) or failed.
inline double RealTime(const Timings& timings, const std::string& name) {
  const auto found = timings.find(name);
  return found == timings.end() ? 0.0 : found->second.real;
}

// The whole main() of a benchmark binary.
inline int RunBenchmarks(int argc, char** argv, std::function<void(const Timings&)> summarise) {
  benchmark::Initialize(&argc, argv);
  SummaryReporter reporter(std::move(summarise));
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}

}  // namespace tw::bench

#endif  // TREATYWATCH_BENCH_SUMMARY_REPORTER_H_
