// Parse throughput on the real corpus concatenated ×100 (about 25 MB): the txt reader plus
// the structure parser, against a baseline that finds article headings line by line with
// std::regex (what a quick script would do). Prints MB/s for both and their ratio.
//
// Target (issue 2): ≥ 50 MB/s on one core for read + parse.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "doc/structure_parser.h"
#include "ingest/txt_reader.h"

namespace {

namespace fs = std::filesystem;

const std::string& Corpus() {
  static const std::string corpus = [] {
    std::string one;
    for (const auto& entry : fs::directory_iterator(TW_CORPUS_DIR)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream buffer;
      buffer << in.rdbuf();
      one += buffer.str() + "\n\n";
    }
    std::string all;
    all.reserve(one.size() * 100);
    for (int i = 0; i < 100; ++i) all += one;
    return all;
  }();
  return corpus;
}

void BM_ReadAndParse(benchmark::State& state) {
  const std::string& corpus = Corpus();
  tw::ingest::ReadOptions options;
  options.limits.max_file_bytes = corpus.size() + 1;
  std::size_t articles = 0;
  for (auto _ : state) {
    auto text = tw::ingest::ReadPlainText("corpus×100.txt", corpus, options);
    if (!text.ok()) {
      state.SkipWithError(std::string(text.status().message()).c_str());
      return;
    }
    tw::doc::ParsedStructure parsed = tw::doc::ParseStructure(*text);
    articles = 0;
    tw::doc::VisitProvisions(parsed.root, [&](const tw::doc::Provision& p, int) {
      articles += p.kind == tw::doc::ProvisionKind::kArticle;
    });
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
  state.counters["articles"] = static_cast<double>(articles);
}
BENCHMARK(BM_ReadAndParse)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ParseOnly(benchmark::State& state) {
  const std::string& corpus = Corpus();
  tw::ingest::ReadOptions options;
  options.limits.max_file_bytes = corpus.size() + 1;
  auto text = tw::ingest::ReadPlainText("corpus×100.txt", corpus, options);
  if (!text.ok()) {
    state.SkipWithError(std::string(text.status().message()).c_str());
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(tw::doc::ParseStructure(*text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text->text.size()));
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

// Baseline: only finds "Article N" headings, with std::regex per line.
void BM_Baseline_StdRegexHeadings(benchmark::State& state) {
  const std::string& corpus = Corpus();
  const std::regex heading(R"(^\s*\[?Article\s+(\d+)(\s+bis)?\.?\]?\s*$)");
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    std::size_t start = 0;
    while (start < corpus.size()) {
      std::size_t end = corpus.find('\n', start);
      if (end == std::string::npos) end = corpus.size();
      if (std::regex_match(corpus.begin() + static_cast<long>(start),
                           corpus.begin() + static_cast<long>(end), heading)) {
        ++found;
      }
      start = end + 1;
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
  state.counters["articles"] = static_cast<double>(found);
}
BENCHMARK(BM_Baseline_StdRegexHeadings)->Unit(benchmark::kMillisecond)->UseRealTime();

// Prints the ratio line after Google Benchmark's own table.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.aggregate_name != "" || run.error_occurred) continue;
      const double seconds = run.GetAdjustedRealTime() / 1e3;  // ms -> s
      const double mb_per_s = static_cast<double>(Corpus().size()) / seconds / 1e6;
      rates_[run.run_name.function_name] = mb_per_s;
    }
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    const double ours = rates_["BM_ReadAndParse"];
    const double parse = rates_["BM_ParseOnly"];
    const double base = rates_["BM_Baseline_StdRegexHeadings"];
    std::cout << "\nparse throughput on corpus x100 (" << Corpus().size() / 1000000 << " MB):\n"
              << "  read+parse  " << ours << " MB/s  (target >= 50 MB/s: "
              << (ours >= 50 ? "met" : "NOT met") << ")\n"
              << "  parse only  " << parse << " MB/s\n"
              << "  baseline    " << base << " MB/s  (std::regex heading scan)\n"
              << "  ratio read+parse / baseline = " << (base > 0 ? ours / base : 0) << "x\n";
  }

 private:
  std::map<std::string, double> rates_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
