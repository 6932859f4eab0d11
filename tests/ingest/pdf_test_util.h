// Helpers shared by the PDF reader tests: files, line splitting and an LCS line comparison
// that reports what differs.
#ifndef TREATYWATCH_TESTS_INGEST_PDF_TEST_UTIL_H_
#define TREATYWATCH_TESTS_INGEST_PDF_TEST_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace tw::ingest::testing {

inline std::string ReadFileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Collapses runs of white space, trims, and writes any footnote separator line (five or
// more underscores) as the contract's "__________".
inline std::string NormaliseLine(std::string_view line) {
  std::string out;
  for (char c : line) {
    const bool space = c == ' ' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() >= 5 && out.find_first_not_of('_') == std::string::npos) out = "__________";
  return out;
}

// Non-empty lines, normalised.
inline std::vector<std::string> NonEmptyLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = NormaliseLine(text.substr(start, end - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

struct LineComparison {
  std::size_t matched = 0;  // lines in the longest common subsequence
  std::string differences;  // "- expected" / "+ actual" lines, for failure messages
};

// Longest common subsequence of lines (O(n*m); the documents have < 2000 lines).
inline LineComparison CompareLines(const std::vector<std::string>& expected,
                                   const std::vector<std::string>& actual) {
  const std::size_t n = expected.size(), m = actual.size();
  std::vector<std::vector<std::uint16_t>> table(n + 1, std::vector<std::uint16_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      table[i][j] = expected[i] == actual[j] ? static_cast<std::uint16_t>(table[i + 1][j + 1] + 1)
                                             : std::max(table[i + 1][j], table[i][j + 1]);
    }
  }
  LineComparison result;
  result.matched = table[0][0];
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] == actual[j]) {
      ++i;
      ++j;
    } else if (j < m && (i == n || table[i][j + 1] >= table[i + 1][j])) {
      result.differences += "+ " + actual[j++].substr(0, 300) + "\n";
    } else {
      result.differences += "- " + expected[i++].substr(0, 300) + "\n";
    }
  }
  return result;
}

}  // namespace tw::ingest::testing

#endif  // TREATYWATCH_TESTS_INGEST_PDF_TEST_UTIL_H_
