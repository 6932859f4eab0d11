#include "tree_compare.h"

#include <fmt/format.h>

namespace tw::testing {

std::string CollapseWhitespace(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<FlatProvision> Flatten(const nlohmann::json& provisions,
                                   const std::string& strip_prefix) {
  std::vector<FlatProvision> out;
  std::vector<const nlohmann::json*> stack;
  for (auto it = provisions.rbegin(); it != provisions.rend(); ++it) stack.push_back(&*it);
  while (!stack.empty()) {
    const nlohmann::json& node = *stack.back();
    stack.pop_back();
    FlatProvision flat;
    flat.path = node.value("path", "");
    if (!strip_prefix.empty() && flat.path.rfind(strip_prefix, 0) == 0) {
      flat.path = flat.path.substr(strip_prefix.size());
    }
    flat.kind = node.value("kind", "");
    flat.num = node.value("num", "");
    flat.heading = node.value("heading", "");
    flat.text = CollapseWhitespace(node.value("text", ""));
    if (node.contains("pages") && node["pages"].size() == 2) {
      flat.page_first = node["pages"][0].get<int>();
      flat.page_last = node["pages"][1].get<int>();
    }
    out.push_back(std::move(flat));
    const nlohmann::json& children = node["children"];
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(&*it);
  }
  return out;
}

std::string FirstDifference(const std::vector<FlatProvision>& expected,
                            const std::vector<FlatProvision>& actual, bool compare_text,
                            bool ignore_spaces) {
  auto squeeze = [&](std::string text) {
    if (ignore_spaces) std::erase(text, ' ');
    return text;
  };
  const std::size_t n = std::min(expected.size(), actual.size());
  for (std::size_t i = 0; i < n; ++i) {
    const FlatProvision& e = expected[i];
    const FlatProvision& a = actual[i];
    if (e.path != a.path || e.kind != a.kind || e.num != a.num || e.heading != a.heading) {
      return fmt::format("#{}: expected {} {} '{}' '{}', got {} {} '{}' '{}'", i, e.path, e.kind,
                         e.num, e.heading, a.path, a.kind, a.num, a.heading);
    }
    if (compare_text && squeeze(e.text) != squeeze(a.text)) {
      return fmt::format("#{} {}: text differs:\n  expected: {}\n  actual:   {}", i, e.path,
                         e.text.substr(0, 400), a.text.substr(0, 400));
    }
  }
  if (expected.size() != actual.size()) {
    return fmt::format("expected {} provisions, got {} (next: {})", expected.size(), actual.size(),
                       expected.size() > n ? expected[n].path : actual[n].path);
  }
  return "";
}

int CountKind(const std::vector<FlatProvision>& flat, const std::string& kind) {
  int count = 0;
  for (const FlatProvision& p : flat) count += p.kind == kind;
  return count;
}

const nlohmann::json* FindByPath(const nlohmann::json& provisions, const std::string& path) {
  std::vector<const nlohmann::json*> stack;
  for (const auto& p : provisions) stack.push_back(&p);
  while (!stack.empty()) {
    const nlohmann::json* node = stack.back();
    stack.pop_back();
    if (node->value("path", "") == path) return node;
    for (const auto& child : (*node)["children"]) stack.push_back(&child);
  }
  return nullptr;
}

}  // namespace tw::testing
