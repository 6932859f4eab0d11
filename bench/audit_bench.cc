// Audit throughput: the default rule pack (rules/cybercrime.yaml) evaluated over every text of
// the shared corpus, parsed once (outside the timing).
//   BM_Evaluate        RuleEngine::Evaluate on every corpus document, 100 times each (the corpus
//                      ×100, about 24 MB): one RE2::Set pass over the text, rules on bit sets
//   BM_EvaluateAlone   the same with the set off: every pattern runs alone on every segment
//                      (the engine's out-of-memory path), reported for reference
//   BM_Baseline_StdRegex  what a quick script does: for every rule, every provision, every
//                      pattern of the rule, std::regex_search (ECMAScript, icase) over the
//                      provision's own text (and its article's heading for heading patterns).
//                      Far slower, so it covers the corpus once per iteration; MB/s make the two
//                      comparable.
// After the table: MB/s of each (CPU time, one thread) and the ratio engine / baseline.
//
// Targets (issue 4): ≥ 100 MB/s on one core and ≥ 20× the baseline.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <iostream>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "audit/rule_engine.h"
#include "audit/rule_pack_loader.h"
#include "doc/document.h"
#include "ingest/document_builder.h"

#include "summary_reporter.h"

namespace {

namespace fs = std::filesystem;
using tw::audit::Pattern;
using tw::audit::Rule;
using tw::audit::RulePack;

constexpr int kCopies = 100;

struct Workload {
  std::vector<tw::doc::Document> documents;
  std::size_t bytes = 0;  // of one copy of the corpus
  RulePack pack;
  std::string error;  // set when the corpus or the pack could not be read
};

const Workload& Load() {
  static const Workload* workload = [] {
    auto* w = new Workload;
    for (const auto& entry : fs::directory_iterator(TW_CORPUS_DIR)) {
      if (entry.path().extension() != ".txt") continue;
      absl::StatusOr<tw::doc::Document> document =
          tw::ingest::BuildDocument(entry.path(), {}, tw::ingest::ReadOptions{});
      if (!document.ok()) {
        w->error = std::string(document.status().message());
        return w;
      }
      w->bytes += document->text.size();
      w->documents.push_back(*std::move(document));
    }
    const std::string pack_path = std::string(TW_SOURCE_DIR) + "/rules/cybercrime.yaml";
    absl::StatusOr<RulePack> pack = tw::audit::LoadRulePackFile(pack_path);
    if (!pack.ok()) {
      w->error = "the default pack: " + std::string(pack.status().message());
      return w;
    }
    w->pack = *std::move(pack);
    return w;
  }();
  return *workload;
}

void RunEngine(benchmark::State& state, bool use_set) {
  const Workload& w = Load();
  if (!w.error.empty()) return state.SkipWithError(w.error.c_str());
  tw::audit::EngineLimits limits;
  limits.use_set = use_set;
  absl::StatusOr<tw::audit::RuleEngine> engine = tw::audit::RuleEngine::Compile(w.pack, limits);
  if (!engine.ok()) return state.SkipWithError(std::string(engine.status().message()).c_str());
  const int copies = use_set ? kCopies : 1;
  std::size_t findings = 0;
  for (auto _ : state) {
    findings = 0;
    for (int copy = 0; copy < copies; ++copy) {
      for (const tw::doc::Document& document : w.documents) {
        const tw::audit::AuditResult result = engine->Evaluate(document);
        findings += result.findings.size();
        benchmark::DoNotOptimize(result);
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * copies *
                          static_cast<int64_t>(w.bytes));
  state.counters["findings"] = static_cast<double>(findings / copies);
  state.counters["rules"] = static_cast<double>(w.pack.rules.size());
}

void BM_Evaluate(benchmark::State& state) { RunEngine(state, true); }
BENCHMARK(BM_Evaluate)->Unit(benchmark::kMillisecond);

void BM_EvaluateAlone(benchmark::State& state) { RunEngine(state, false); }
BENCHMARK(BM_EvaluateAlone)->Unit(benchmark::kMillisecond);

// ---- Baseline: std::regex, pattern by pattern, provision by provision.

// RE2 syntax the pack's phrases use, in the nearest ECMAScript: Unicode classes become \w or
// \s (the corpus is English), and the leading case-folding flag becomes `icase`.
std::string ToEcmaScript(std::string_view regex) {
  std::string out(regex);
  if (out.rfind("(?i)", 0) == 0) out.erase(0, 4);
  const std::pair<std::string_view, std::string_view> replacements[] = {
      {"\\p{Z}", "\\s"}, {"\\pL", "\\w"}, {"\\pM", "\\w"}, {"\\pN", "\\w"}, {"\\z", "$"},
      {"\\A", "^"}};
  for (const auto& [from, to] : replacements) {
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at)) {
      out.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return out;
}

struct NaivePattern {
  std::regex regex;
  bool ok = false;
};

struct NaiveRule {
  std::vector<NaivePattern> heading;  // selector heading and exclude_heading
  std::vector<NaivePattern> text;     // every other pattern of the rule
};

NaivePattern Naive(const Pattern& pattern, int* refused) {
  NaivePattern naive;
  try {
    naive.regex = std::regex(ToEcmaScript(pattern.regex),
                             std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
    naive.ok = true;
  } catch (const std::regex_error&) {
    ++*refused;
  }
  return naive;
}

std::vector<NaiveRule> NaiveRules(const RulePack& pack, int* refused) {
  std::vector<NaiveRule> rules;
  for (const Rule& rule : pack.rules) {
    NaiveRule naive;
    auto add = [&](const std::vector<Pattern>& patterns, std::vector<NaivePattern>* to) {
      for (const Pattern& pattern : patterns) to->push_back(Naive(pattern, refused));
    };
    add(rule.select.heading, &naive.heading);
    add(rule.select.exclude_heading, &naive.heading);
    add(rule.select.text, &naive.text);
    add(rule.select.chapter, &naive.text);
    add(rule.select.exclude_text, &naive.text);
    if (rule.test) {
      add(rule.test->require_any, &naive.text);
      add(rule.test->require_all, &naive.text);
      add(rule.test->forbid, &naive.text);
    }
    rules.push_back(std::move(naive));
  }
  return rules;
}

void BM_Baseline_StdRegex(benchmark::State& state) {
  const Workload& w = Load();
  if (!w.error.empty()) return state.SkipWithError(w.error.c_str());
  int refused = 0;
  const std::vector<NaiveRule> rules = NaiveRules(w.pack, &refused);
  std::size_t hits = 0;
  for (auto _ : state) {
    hits = 0;
    for (const tw::doc::Document& document : w.documents) {
      for (const NaiveRule& rule : rules) {
        tw::doc::VisitProvisions(document.root, [&](const tw::doc::Provision& provision, int) {
          for (const NaivePattern& pattern : rule.heading) {
            hits += pattern.ok && !provision.heading.empty() &&
                    std::regex_search(provision.heading, pattern.regex);
          }
          for (const NaivePattern& pattern : rule.text) {
            hits += pattern.ok && std::regex_search(provision.text, pattern.regex);
          }
        });
      }
    }
    benchmark::DoNotOptimize(hits);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(w.bytes));
  state.counters["hits"] = static_cast<double>(hits);
  state.counters["refused"] = static_cast<double>(refused);
}
BENCHMARK(BM_Baseline_StdRegex)->Unit(benchmark::kMillisecond)->Iterations(2);

void Summarise(const tw::bench::Timings& timings) {
  const Workload& w = Load();
  if (!w.error.empty()) {
    std::cout << "\naudit bench FAILED: " << w.error << "\n";
    return;
  }
  auto rate = [&](const std::string& name, int copies) {
    const auto found = timings.find(name);
    if (found == timings.end() || found->second.cpu <= 0) return 0.0;
    return static_cast<double>(w.bytes) * copies / (found->second.cpu / 1e3) / 1e6;
  };
  const double engine = rate("BM_Evaluate", kCopies);
  const double alone = rate("BM_EvaluateAlone", 1);
  const double base = rate("BM_Baseline_StdRegex", 1);
  std::cout << "\naudit of the corpus (" << w.documents.size() << " texts, " << w.bytes / 1000
            << " kB) with rules/cybercrime.yaml (" << w.pack.rules.size() << " rules):\n"
            << "  engine (RE2::Set)      " << engine << " MB/s  (target >= 100 MB/s: "
            << (engine >= 100 ? "met" : "NOT met") << ")\n"
            << "  patterns one by one    " << alone << " MB/s  (the out-of-memory path)\n"
            << "  baseline (std::regex)  " << base << " MB/s\n"
            << "  ratio engine / baseline = " << (base > 0 ? engine / base : 0)
            << "x  (target >= 20x: " << (base > 0 && engine / base >= 20 ? "met" : "NOT met")
            << ")\n"
            << "  (MB/s from CPU time on one core)\n";
}

}  // namespace

int main(int argc, char** argv) { return tw::bench::RunBenchmarks(argc, argv, Summarise); }
