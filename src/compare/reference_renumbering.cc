#include "compare/reference_renumbering.h"

#include <algorithm>

namespace tw::compare {
namespace {

bool IsNumber(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view Surface(std::string_view text, const Token& token) {
  return text.substr(token.begin, token.end - token.begin);
}

}  // namespace

bool OnlyReferencesRenumbered(std::string_view old_text, const std::vector<Token>& old_tokens,
                              std::string_view new_text, const std::vector<Token>& new_tokens,
                              const RenumberingMap& renumbering) {
  if (old_tokens.size() != new_tokens.size()) return false;
  bool renumbered = false;
  for (std::size_t k = 0; k < old_tokens.size(); ++k) {
    const Token& old_token = old_tokens[k];
    const Token& new_token = new_tokens[k];
    if (old_token.id == new_token.id) continue;
    if (old_token.cls != TokenClass::kWord || new_token.cls != TokenClass::kWord) return false;
    const std::string_view old_word = Surface(old_text, old_token);
    const std::string_view new_word = Surface(new_text, new_token);
    if (!IsNumber(old_word) || !IsNumber(new_word)) return false;
    auto it = renumbering.find(std::string(old_word));
    if (it == renumbering.end() || it->second.count(std::string(new_word)) == 0) return false;
    renumbered = true;
  }
  return renumbered;
}

}  // namespace tw::compare
