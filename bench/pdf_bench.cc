// PDF reading against pdftotext, same file, same run: ReadSourceFile (poppler text, UN clean-up,
// de-hyphenation, paragraph re-joining) in-process vs the pdftotext command writing to
// /dev/null (its process start is part of its cost, as it is of any tool a user would run).
// The whole `treatywatch ingest` (read + parse + store) is timed by bench/pdf_vs_pdftotext.sh.
#include <benchmark/benchmark.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iostream>

#include "ingest/reader.h"
#include "summary_reporter.h"

namespace {

const std::string kPdf = std::string(TW_CORPUS_DIR) + "/A-RES-79-243.pdf";

void BM_ReadPdf(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = tw::ingest::ReadSourceFile(kPdf, tw::ingest::ReadOptions{});
    if (!loaded.ok()) {
      state.SkipWithError(std::string(loaded.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(BM_ReadPdf)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);

void BM_Baseline_Pdftotext(benchmark::State& state) {
  for (auto _ : state) {
    const pid_t pid = fork();
    if (pid == 0) {
      execlp("pdftotext", "pdftotext", kPdf.c_str(), "/dev/null", static_cast<char*>(nullptr));
      _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      state.SkipWithError("pdftotext failed (is poppler-utils installed?)");
      return;
    }
  }
}
BENCHMARK(BM_Baseline_Pdftotext)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);

// The ratio line after Google Benchmark's own table.
void Summarise(const tw::bench::Timings& timings) {
  const double ours = tw::bench::RealTime(timings, "BM_ReadPdf");
  const double base = tw::bench::RealTime(timings, "BM_Baseline_Pdftotext");
  std::cout << "\nA-RES-79-243.pdf (46 pages): ReadPdf " << ours << " ms, pdftotext " << base
            << " ms, ratio " << (base > 0 ? ours / base : 0)
            << "x (target <= 1.3x: " << (base > 0 && ours / base <= 1.3 ? "met" : "NOT met")
            << ")\n";
}

}  // namespace

int main(int argc, char** argv) { return tw::bench::RunBenchmarks(argc, argv, Summarise); }
