#include "compare/bracket_changes.h"

#include <algorithm>

namespace tw::compare {
namespace {

struct Pair {
  int open;
  int close;
};

bool IsFootnoteMarker(const std::vector<Token>& tokens, std::string_view text, int open,
                      int close) {
  if (close != open + 2) return false;
  const Token& inside = tokens[static_cast<std::size_t>(open + 1)];
  const std::string_view word = text.substr(inside.begin, inside.end - inside.begin);
  return !word.empty() && std::all_of(word.begin(), word.end(),
                                      [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<Pair> BracketPairs(const std::vector<Token>& tokens, std::string_view text) {
  std::vector<Pair> pairs;
  std::vector<int> open;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (tokens[k].cls == TokenClass::kOpenBracket) {
      open.push_back(static_cast<int>(k));
    } else if (tokens[k].cls == TokenClass::kCloseBracket && !open.empty()) {
      const int begin = open.back();
      open.pop_back();
      if (!IsFootnoteMarker(tokens, text, begin, static_cast<int>(k))) {
        pairs.push_back({begin, static_cast<int>(k)});
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.open < b.open; });
  return pairs;
}

std::string Inside(const std::vector<Token>& tokens, std::string_view text, const Pair& pair) {
  const std::size_t from = tokens[static_cast<std::size_t>(pair.open)].end;
  const std::size_t to = tokens[static_cast<std::size_t>(pair.close)].begin;
  std::string inside(text.substr(from, to - from));
  while (!inside.empty() && (inside.back() == ' ' || inside.back() == '\n')) inside.pop_back();
  return inside;
}

// Share of the words inside the pair that have a counterpart on the other side.
double KeptShare(const std::vector<Token>& tokens, const Pair& pair,
                 const std::vector<bool>& has_counterpart) {
  int words = 0;
  int kept = 0;
  for (int k = pair.open + 1; k < pair.close; ++k) {
    if (tokens[static_cast<std::size_t>(k)].cls != TokenClass::kWord) continue;
    ++words;
    kept += has_counterpart[static_cast<std::size_t>(k)];
  }
  return words == 0 ? 0.0 : static_cast<double>(kept) / words;
}

}  // namespace

std::vector<BracketChange> FindBracketChanges(const Unit& old_unit,
                                              const std::vector<Token>& old_tokens,
                                              const Unit& new_unit,
                                              const std::vector<Token>& new_tokens,
                                              const std::vector<int>& new_of_old) {
  std::vector<bool> old_kept(old_tokens.size(), false);
  std::vector<bool> new_kept(new_tokens.size(), false);
  for (std::size_t k = 0; k < new_of_old.size(); ++k) {
    if (new_of_old[k] < 0) continue;
    old_kept[k] = true;
    new_kept[static_cast<std::size_t>(new_of_old[k])] = true;
  }
  std::vector<BracketChange> changes;
  for (const Pair& pair : BracketPairs(old_tokens, old_unit.text)) {
    if (old_kept[static_cast<std::size_t>(pair.open)] ||
        old_kept[static_cast<std::size_t>(pair.close)]) {
      continue;
    }
    BracketChange change;
    change.kind = KeptShare(old_tokens, pair, old_kept) >= kBracketWordsKept
                      ? BracketChangeKind::kAgreed
                      : BracketChangeKind::kDropped;
    change.text = Inside(old_tokens, old_unit.text, pair);
    change.old_path =
        ProvisionAt(old_unit, old_tokens[static_cast<std::size_t>(pair.open)].begin)->path;
    if (change.kind == BracketChangeKind::kAgreed) {
      // Where the kept words are now.
      for (int k = pair.open + 1; k < pair.close; ++k) {
        const int counterpart = new_of_old[static_cast<std::size_t>(k)];
        if (counterpart < 0) continue;
        change.new_path =
            ProvisionAt(new_unit, new_tokens[static_cast<std::size_t>(counterpart)].begin)->path;
        break;
      }
    }
    changes.push_back(std::move(change));
  }
  for (const Pair& pair : BracketPairs(new_tokens, new_unit.text)) {
    if (new_kept[static_cast<std::size_t>(pair.open)] ||
        new_kept[static_cast<std::size_t>(pair.close)]) {
      continue;
    }
    BracketChange change;
    change.kind = KeptShare(new_tokens, pair, new_kept) >= kBracketWordsKept
                      ? BracketChangeKind::kDisputed
                      : BracketChangeKind::kAdded;
    change.text = Inside(new_tokens, new_unit.text, pair);
    change.new_path =
        ProvisionAt(new_unit, new_tokens[static_cast<std::size_t>(pair.open)].begin)->path;
    changes.push_back(std::move(change));
  }
  return changes;
}

int CountBracketPairs(const std::vector<Token>& tokens, std::string_view text) {
  return static_cast<int>(BracketPairs(tokens, text).size());
}

}  // namespace tw::compare
