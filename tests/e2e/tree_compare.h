// Helpers for comparing the provision trees that `show --json` prints.
#ifndef TREATYWATCH_TESTS_E2E_TREE_COMPARE_H_
#define TREATYWATCH_TESTS_E2E_TREE_COMPARE_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tw::testing {

struct FlatProvision {
  std::string path;
  std::string kind;
  std::string num;
  std::string heading;
  std::string text;  // whitespace collapsed
  int page_first = 0;
  int page_last = 0;
};

// Document order; `strip_prefix` is removed from the front of every path ("annex.").
std::vector<FlatProvision> Flatten(const nlohmann::json& provisions,
                                   const std::string& strip_prefix = "");

std::string CollapseWhitespace(const std::string& text);

// First difference between two trees ("" when equal), for readable failures.
// `ignore_spaces` compares text with all white space removed: the corpus text file has a
// stray space inside a word ("th e") that the PDF it was made from does not have.
std::string FirstDifference(const std::vector<FlatProvision>& expected,
                            const std::vector<FlatProvision>& actual, bool compare_text = true,
                            bool ignore_spaces = false);

int CountKind(const std::vector<FlatProvision>& flat, const std::string& kind);

const nlohmann::json* FindByPath(const nlohmann::json& provisions, const std::string& path);

}  // namespace tw::testing

#endif  // TREATYWATCH_TESTS_E2E_TREE_COMPARE_H_
