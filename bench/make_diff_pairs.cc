// make_diff_pairs OUT_DIR [SEED]: writes the benchmark pairs of the comparison — the same ones
// compare_bench times — as files for the peer tools (bench/diff_vs_peers.sh):
//   OUT_DIR/<size>/old.txt, new.txt   plain text the txt reader reads (and git, difflib, …)
//   OUT_DIR/<size>/truth.json         what was done (tests/compare/pair_generator.h):
//     {"words", "seed", "links":[[old,new]…] (1:1), "all_links":[[old,new]…] (1:1, split
//      parts, join members), "moved":[old…], "splits":[{"old","new":[…]}],
//      "joins":[{"old":[…],"new"}], "inserted", "deleted", "renumbered":[[old,new]…],
//      "edited":[new paths whose words were edited],
//      "brackets_removed":[{"text","old","new"}],
//      "old_articles"/"new_articles":[{"path","num","first_line","last_line"}] (0-based lines)}
// for <size> in 10k, 40k, 160k words.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/compare/pair_generator.h"

namespace {

namespace fs = std::filesystem;
using tw::compare::testing::ArticleLines;
using tw::compare::testing::ArticleLink;
using tw::compare::testing::PairTruth;

nlohmann::json Links(const std::vector<ArticleLink>& links) {
  nlohmann::json out = nlohmann::json::array();
  for (const ArticleLink& link : links) out.push_back({link.old_path, link.new_path});
  return out;
}

nlohmann::json Articles(const std::vector<ArticleLines>& articles) {
  nlohmann::json out = nlohmann::json::array();
  for (const ArticleLines& a : articles) {
    out.push_back({{"path", a.path},
                   {"num", a.num},
                   {"first_line", a.first_line},
                   {"last_line", a.last_line}});
  }
  return out;
}

nlohmann::json TruthJson(const PairTruth& truth, int words, std::uint64_t seed) {
  nlohmann::json out;
  out["words"] = words;
  out["seed"] = seed;
  out["links"] = Links(truth.links);
  out["all_links"] = Links(tw::compare::testing::AllLinks(truth));
  out["moved"] = truth.moved;
  out["splits"] = nlohmann::json::array();
  for (const auto& split : truth.splits) {
    out["splits"].push_back({{"old", split.old_path}, {"new", split.new_paths}});
  }
  out["joins"] = nlohmann::json::array();
  for (const auto& join : truth.joins) {
    out["joins"].push_back({{"old", join.old_paths}, {"new", join.new_path}});
  }
  out["inserted"] = truth.inserted;
  out["deleted"] = truth.deleted;
  out["renumbered"] = Links(truth.renumbered);
  out["edited"] = truth.edited;
  out["brackets_removed"] = nlohmann::json::array();
  for (const auto& removal : truth.brackets_removed) {
    out["brackets_removed"].push_back(
        {{"text", removal.text}, {"old", removal.old_path}, {"new", removal.new_path}});
  }
  out["old_articles"] = Articles(truth.old_articles);
  out["new_articles"] = Articles(truth.new_articles);
  return out;
}

// Compact values, one top-level key per line: small, and still readable with `less`.
std::string OneKeyPerLine(const nlohmann::json& object) {
  std::string out = "{";
  for (auto it = object.begin(); it != object.end(); ++it) {
    out += it == object.begin() ? "\n" : ",\n";
    out += nlohmann::json(it.key()).dump() + ": " + it.value().dump();
  }
  return out + "\n}\n";
}

bool WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  out.close();
  if (!out) std::cerr << "make_diff_pairs: cannot write " << path.string() << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: make_diff_pairs OUT_DIR [SEED]\n";
    return 2;
  }
  const fs::path root = argv[1];
  std::uint64_t seed = 1;
  if (argc == 3) {
    try {
      seed = std::stoull(argv[2]);
    } catch (const std::exception&) {
      std::cerr << "make_diff_pairs: SEED must be a number, got '" << argv[2] << "'\n";
      return 2;
    }
  }
  const struct {
    const char* name;
    int words;
  } sizes[] = {{"10k", 10000}, {"40k", 40000}, {"160k", 160000}};
  for (const auto& size : sizes) {
    absl::StatusOr<tw::compare::testing::GeneratedPair> pair =
        tw::compare::testing::GenerateBenchmarkPair(size.words, seed);
    if (!pair.ok()) {
      std::cerr << "make_diff_pairs: " << pair.status().message() << "\n";
      return 2;
    }
    const fs::path dir = root / size.name;
    std::error_code error;
    fs::create_directories(dir, error);
    if (error) {
      std::cerr << "make_diff_pairs: " << dir.string() << ": " << error.message() << "\n";
      return 2;
    }
    if (!WriteFile(dir / "old.txt", pair->old_text) ||
        !WriteFile(dir / "new.txt", pair->new_text) ||
        !WriteFile(dir / "truth.json", OneKeyPerLine(TruthJson(pair->truth, size.words, seed)))) {
      return 2;
    }
    std::cout << dir.string() << ": " << pair->truth.old_articles.size() << " -> "
              << pair->truth.new_articles.size() << " articles, " << pair->truth.moved.size()
              << " moved, " << pair->truth.splits.size() << " split, " << pair->truth.joins.size()
              << " joined, " << pair->truth.inserted.size() << " inserted, "
              << pair->truth.deleted.size() << " deleted\n";
  }
  return 0;
}
