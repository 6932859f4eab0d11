// Runs every tests/golden/*.test case (format in tests/golden/README.md) against the real
// treatywatch binary.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace tw::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct GoldenDocument {
  std::string name;
  std::string content;
};

struct GoldenRun {
  std::vector<std::string> args;
  int exit_code = 0;
  std::string expected;
  int line = 0;
};

struct GoldenCase {
  std::vector<GoldenDocument> documents;
  std::vector<GoldenRun> runs;
};

std::vector<std::string> SplitArgs(const std::string& line) {
  // Shell-like: whitespace separates, double quotes group.
  std::vector<std::string> args;
  std::string current;
  bool quoted = false;
  bool have = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      have = true;
    } else if (!quoted && (c == ' ' || c == '\t')) {
      if (have) args.push_back(current);
      current.clear();
      have = false;
    } else {
      current.push_back(c);
      have = true;
    }
  }
  if (have) args.push_back(current);
  return args;
}

GoldenCase ParseCase(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  GoldenCase result;
  std::size_t i = 0;
  auto read_block = [&](std::string& into) {
    while (i < lines.size() && lines[i] != "----") into += lines[i++] + "\n";
    if (i < lines.size()) ++i;  // the separator
  };
  while (i < lines.size()) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] == '#') {
      ++i;
    } else if (line.rfind("document ", 0) == 0) {
      GoldenDocument document{line.substr(9), ""};
      ++i;
      read_block(document.content);
      result.documents.push_back(std::move(document));
    } else if (line.rfind("run: ", 0) == 0) {
      GoldenRun run;
      run.line = static_cast<int>(i) + 1;
      run.args = SplitArgs(line.substr(5));
      ++i;
      if (i < lines.size() && lines[i].rfind("exit: ", 0) == 0) {
        run.exit_code = std::stoi(lines[i].substr(6));
        ++i;
      }
      if (i < lines.size() && lines[i] == "----") ++i;
      read_block(run.expected);
      result.runs.push_back(std::move(run));
    } else {
      ADD_FAILURE() << file << ":" << i + 1 << ": expected 'document NAME' or 'run: ARGS'";
      ++i;
    }
  }
  return result;
}

// Every key in `expected` is in `actual` with an equal (subset-equal) value.
std::string SubsetDifference(const json& expected, const json& actual, const std::string& where) {
  if (expected.is_object()) {
    if (!actual.is_object()) return where + ": expected an object";
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) return fmt::format("{}.{}: missing", where, key);
      std::string diff = SubsetDifference(value, actual[key], where + "." + key);
      if (!diff.empty()) return diff;
    }
    return "";
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) {
      return fmt::format("{}: expected {} items, got {}", where, expected.size(),
                         actual.is_array() ? actual.size() : 0);
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      std::string diff = SubsetDifference(expected[i], actual[i], fmt::format("{}[{}]", where, i));
      if (!diff.empty()) return diff;
    }
    return "";
  }
  if (expected != actual) {
    return fmt::format("{}: expected {}, got {}", where, expected.dump(), actual.dump());
  }
  return "";
}

std::string TrimLines(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    line.erase(line.find_last_not_of(" \t\r") + 1);
    out += line + "\n";
  }
  while (out.size() >= 2 && out.substr(out.size() - 2) == "\n\n") out.pop_back();
  if (out == "\n") out.clear();
  return out;
}

std::vector<fs::path> GoldenFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(SourceDir() / "tests" / "golden")) {
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class GoldenTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(GoldenTest, MatchesExpectedOutput) {
  const fs::path& file = GetParam();
  const GoldenCase golden = ParseCase(file);
  ASSERT_FALSE(golden.runs.empty()) << file << ": no 'run:' lines";
  TempDir dir;
  const fs::path db = dir / "golden.db";
  for (const GoldenDocument& document : golden.documents) {
    WriteFile(dir / document.name, document.content);
    RunResult ingest = Tw(db, {"ingest", (dir / document.name).string()});
    ASSERT_EQ(ingest.exit_code, 0) << file << ": ingest " << document.name << ": " << ingest.err;
  }
  for (const GoldenRun& run : golden.runs) {
    RunResult result = Tw(db, run.args);
    const std::string where = fmt::format("{}:{}", file.filename().string(), run.line);
    EXPECT_EQ(result.exit_code, run.exit_code) << where << "\n" << result.err;
    const std::string& actual = run.exit_code == 0 ? result.out : result.err;
    json expected_json = json::parse(run.expected, nullptr, false);
    if (!expected_json.is_discarded() && (expected_json.is_object() || expected_json.is_array())) {
      json actual_json = json::parse(actual, nullptr, false);
      ASSERT_FALSE(actual_json.is_discarded()) << where << ": output is not JSON:\n" << actual;
      EXPECT_EQ(SubsetDifference(expected_json, actual_json, "$"), "") << where;
    } else {
      EXPECT_EQ(TrimLines(actual), TrimLines(run.expected)) << where;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, ::testing::ValuesIn(GoldenFiles()),
                         [](const auto& info) {
                           std::string name = info.param.stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace tw::testing
