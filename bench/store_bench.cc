// The store on SQLite and on PostgreSQL, side by side in one run, on the real documents: the
// shared corpus (its texts and the official PDF, read and parsed once, before timing) stored
// ×20 with a distinct SHA-256 per copy, then search latency over a fixed list of queries
// against the stored ×20 corpus. Prints docs/s, MB/s, p50 and p99 per backend and the ratio
// PostgreSQL / SQLite for each.
//
// The PostgreSQL half runs when TW_TEST_POSTGRES_URL names a server (bench/run wraps this in
// scripts/with-postgres: a local cluster with fsync=off, so its commits cost about what
// SQLite's WAL commits at synchronous=NORMAL do — neither waits for the disk per document).
// Each ingest round writes into a fresh store: a temporary SQLite file, a fresh PostgreSQL
// schema.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ingest/document_builder.h"
#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using tw::store::Store;

constexpr int kCopies = 20;

// Phrases, words, prefixes, OR, exclusions: what observers type (see search_syntax.h).
const std::vector<std::string> kQueries = {
    "safeguards",
    "\"conditions and safeguards\"",
    "human rights",
    "judicial review",
    "\"content data\"",
    "interception",
    "extradition",
    "\"dual criminality\"",
    "mutual legal assistance",
    "traffic data",
    "child sexual abuse",
    "confiscat*",
    "jurisdiction",
    "personal data protection",
    "cybercrime -terrorism",
    "intercept* OR surveillance",
    "preservation",
    "\"24/7 network\"",
    "proportionality",
    "freedom of expression",
};

struct Corpus {
  std::vector<tw::doc::Document> documents;  // kCopies copies of every corpus document
  std::size_t bytes = 0;                     // of their texts
};

const Corpus& LoadCorpus() {
  static const Corpus corpus = [] {
    std::vector<tw::doc::Document> originals;
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(TW_CORPUS_DIR)) {
      const std::string ext = entry.path().extension().string();
      if (ext == ".txt" || ext == ".pdf") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      tw::doc::DocumentMeta meta;
      meta.kind = "reference";
      if (file.filename().string().starts_with("un-cybercrime-convention-2024.")) {
        meta.instrument = "United Nations Convention against Cybercrime";
      }
      absl::StatusOr<tw::doc::Document> built =
          tw::ingest::BuildDocument(file, meta, tw::ingest::ReadOptions{});
      if (!built.ok()) {
        std::cerr << "store_bench: " << built.status().message() << "\n";
        std::exit(2);
      }
      originals.push_back(*std::move(built));
    }
    Corpus out;
    for (int copy = 0; copy < kCopies; ++copy) {
      for (const tw::doc::Document& original : originals) {
        tw::doc::Document document = original;
        // Distinct bytes, distinct digest: each copy is a new document to the store.
        document.meta.sha256 = fmt::format("{}{:02x}", original.meta.sha256.substr(0, 62), copy);
        out.bytes += document.text.size();
        out.documents.push_back(std::move(document));
      }
    }
    return out;
  }();
  return corpus;
}

std::optional<std::string> PostgresUrl() {
  const char* url = std::getenv("TW_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

// A fresh store of each kind, removed when the object dies.
class ScratchStore {
 public:
  virtual ~ScratchStore() = default;
  virtual absl::StatusOr<std::unique_ptr<Store>> Open() = 0;
};

class ScratchSqlite : public ScratchStore {
 public:
  ScratchSqlite() {
    static int counter = 0;
    folder_ = fs::temp_directory_path() / fmt::format("tw-store-bench-{}-{}", getpid(), counter++);
    fs::create_directories(folder_);
  }
  ~ScratchSqlite() override {
    std::error_code ignored;  // a leftover temp folder must not fail the benchmark
    fs::remove_all(folder_, ignored);
  }
  absl::StatusOr<std::unique_ptr<Store>> Open() override {
    return tw::store::OpenStore((folder_ / "bench.db").string());
  }

 private:
  fs::path folder_;
};

class ScratchPostgres : public ScratchStore {
 public:
  explicit ScratchPostgres(std::string server) : server_(std::move(server)) {
    static int counter = 0;
    schema_ = fmt::format("tw_bench_{}_{}", getpid(), counter++);
    Admin("CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public");
    Admin(fmt::format("CREATE SCHEMA {}", schema_));  // our own name: letters, digits, _
  }
  ~ScratchPostgres() override { Admin(fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", schema_)); }
  absl::StatusOr<std::unique_ptr<Store>> Open() override {
    return tw::store::OpenStore(fmt::format("{}{}options=-csearch_path%3D{}", server_,
                                            server_.find('?') == std::string::npos ? '?' : '&',
                                            schema_));
  }

 private:
  void Admin(const std::string& sql) {
    absl::StatusOr<std::unique_ptr<tw::store::PgConnection>> admin =
        tw::store::PgConnection::Open(server_);
    if (admin.ok()) {
      absl::Status done = (*admin)->Execute(sql);
      if (!done.ok()) std::cerr << "store_bench: " << done.message() << "\n";
    }
  }

  std::string server_;
  std::string schema_;
};

std::unique_ptr<ScratchStore> NewScratch(bool postgres) {
  if (postgres) return std::make_unique<ScratchPostgres>(*PostgresUrl());
  return std::make_unique<ScratchSqlite>();
}

void BM_Ingest(benchmark::State& state, bool postgres) {
  if (postgres && !PostgresUrl()) {
    state.SkipWithError("TW_TEST_POSTGRES_URL is not set (run under scripts/with-postgres)");
    return;
  }
  const Corpus& corpus = LoadCorpus();
  for (auto _ : state) {
    state.PauseTiming();
    std::unique_ptr<ScratchStore> scratch = NewScratch(postgres);
    absl::StatusOr<std::unique_ptr<Store>> store = scratch->Open();
    if (!store.ok()) {
      state.SkipWithError(std::string(store.status().message()).c_str());
      return;
    }
    state.ResumeTiming();
    for (const tw::doc::Document& document : corpus.documents) {
      absl::StatusOr<tw::store::PutResult> put = (*store)->PutDocument(document);
      if (!put.ok() || put->already_present) {
        state.SkipWithError(put.ok() ? "a copy was taken for a duplicate"
                                     : std::string(put.status().message()).c_str());
        return;
      }
    }
    state.PauseTiming();
    store->reset();
    scratch.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
  state.SetItemsProcessed(
      static_cast<std::int64_t>(state.iterations() * corpus.documents.size()));
  state.counters["documents"] = static_cast<double>(corpus.documents.size());
}

// The ×20 corpus, stored once per backend for all search iterations.
Store* SearchStore(bool postgres, std::string* error) {
  struct Loaded {
    std::unique_ptr<ScratchStore> scratch;
    std::unique_ptr<Store> store;
  };
  static std::map<bool, Loaded> loaded;
  auto found = loaded.find(postgres);
  if (found != loaded.end()) return found->second.store.get();
  Loaded entry;
  entry.scratch = NewScratch(postgres);
  absl::StatusOr<std::unique_ptr<Store>> store = entry.scratch->Open();
  if (!store.ok()) {
    *error = std::string(store.status().message());
    return nullptr;
  }
  for (const tw::doc::Document& document : LoadCorpus().documents) {
    absl::StatusOr<tw::store::PutResult> put = (*store)->PutDocument(document);
    if (!put.ok()) {
      *error = std::string(put.status().message());
      return nullptr;
    }
  }
  entry.store = *std::move(store);
  return loaded.emplace(postgres, std::move(entry)).first->second.store.get();
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(at, values.size() - 1)];
}

void BM_Search(benchmark::State& state, bool postgres) {
  if (postgres && !PostgresUrl()) {
    state.SkipWithError("TW_TEST_POSTGRES_URL is not set (run under scripts/with-postgres)");
    return;
  }
  std::string error;
  Store* store = SearchStore(postgres, &error);
  if (store == nullptr) {
    state.SkipWithError(error.c_str());
    return;
  }
  std::vector<double> latencies_ms;
  std::size_t next = 0;
  std::size_t hits = 0;
  for (auto _ : state) {
    const std::string& query = kQueries[next++ % kQueries.size()];
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<std::vector<tw::store::SearchHit>> found =
        store->Search({query, std::nullopt, 20});
    latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    if (!found.ok()) {
      state.SkipWithError(std::string(found.status().message()).c_str());
      return;
    }
    hits += found->size();
  }
  state.counters["p50_ms"] = Percentile(latencies_ms, 0.50);
  state.counters["p99_ms"] = Percentile(latencies_ms, 0.99);
  const std::size_t queries = std::max<std::size_t>(1, latencies_ms.size());
  state.counters["hits_per_query"] = static_cast<double>(hits) / static_cast<double>(queries);
}

// Prints, after Google Benchmark's table, each measure on both backends and their ratio.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred || !run.aggregate_name.empty()) continue;
      const std::string name = run.run_name.function_name;
      const auto counter = [&](const char* key) {
        const auto it = run.counters.find(key);
        return it == run.counters.end() ? 0.0 : static_cast<double>(it->second);
      };
      if (name.starts_with("Ingest/")) {
        // Real time per iteration, in the benchmark's unit (seconds).
        measures_[name] = {{"ingest_s", run.GetAdjustedRealTime()}};
      } else {
        measures_[name] = {{"p50_ms", counter("p50_ms")}, {"p99_ms", counter("p99_ms")}};
      }
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    const Corpus& corpus = LoadCorpus();
    std::cout << fmt::format("\nstore on the real corpus x{} ({} documents, {:.1f} MB of text):\n",
                             kCopies, corpus.documents.size(),
                             static_cast<double>(corpus.bytes) / 1e6);
    Line("ingest", "Ingest/Sqlite", "Ingest/Postgres", "ingest_s", "s", corpus);
    Line("search p50", "Search/Sqlite", "Search/Postgres", "p50_ms", "ms", corpus);
    Line("search p99", "Search/Sqlite", "Search/Postgres", "p99_ms", "ms", corpus);
  }

 private:
  void Line(const char* label, const std::string& sqlite, const std::string& postgres,
            const char* key, const char* unit, const Corpus& corpus) {
    const double a = Get(sqlite, key);
    const double b = Get(postgres, key);
    std::string line = fmt::format("  {:<11} SQLite {:8.3f} {}", label, a, unit);
    if (std::string_view(key) == "ingest_s" && a > 0) {
      line += fmt::format(" ({:.0f} docs/s)",
                          static_cast<double>(corpus.documents.size()) / a);
    }
    if (b > 0) {
      line += fmt::format("   PostgreSQL {:8.3f} {}", b, unit);
      if (std::string_view(key) == "ingest_s") {
        line += fmt::format(" ({:.0f} docs/s)", static_cast<double>(corpus.documents.size()) / b);
      }
      if (a > 0) line += fmt::format("   ratio PG/SQLite = {:.2f}x", b / a);
    } else {
      line += "   PostgreSQL not run (TW_TEST_POSTGRES_URL unset)";
    }
    std::cout << line << "\n";
  }

  double Get(const std::string& name, const std::string& key) const {
    const auto run = measures_.find(name);
    if (run == measures_.end()) return 0;
    const auto value = run->second.find(key);
    return value == run->second.end() ? 0 : value->second;
  }

  std::map<std::string, std::map<std::string, double>> measures_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  for (const bool postgres : {false, true}) {
    const char* backend = postgres ? "Postgres" : "Sqlite";
    benchmark::RegisterBenchmark(
        fmt::format("Ingest/{}", backend).c_str(),
        [postgres](benchmark::State& state) { BM_Ingest(state, postgres); })
        ->Unit(benchmark::kSecond)
        ->UseRealTime()
        ->Iterations(2);
    benchmark::RegisterBenchmark(
        fmt::format("Search/{}", backend).c_str(),
        [postgres](benchmark::State& state) { BM_Search(state, postgres); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(static_cast<benchmark::IterationCount>(kQueries.size() * 25));
  }
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
