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

// The bracket pairs of one side whose two brackets have no counterpart on the other side:
// `kept_kind` when most of their words do, `lone_kind` when not.
struct LostPair {
  Pair pair;
  BracketChangeKind kind;
  std::string path;  // where the pair stood on its side
};

std::vector<LostPair> LostPairs(const Unit& unit, const std::vector<Token>& tokens,
                                const std::vector<bool>& kept, BracketChangeKind kept_kind,
                                BracketChangeKind lone_kind) {
  std::vector<LostPair> lost;
  for (const Pair& pair : BracketPairs(tokens, unit.text)) {
    if (kept[static_cast<std::size_t>(pair.open)] || kept[static_cast<std::size_t>(pair.close)]) {
      continue;
    }
    lost.push_back({pair, KeptShare(tokens, pair, kept) >= kBracketWordsKept ? kept_kind : lone_kind,
                    ProvisionAt(unit, tokens[static_cast<std::size_t>(pair.open)].begin)->path});
  }
  return lost;
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
  for (const LostPair& lost : LostPairs(old_unit, old_tokens, old_kept, BracketChangeKind::kAgreed,
                                        BracketChangeKind::kDropped)) {
    BracketChange change{lost.kind, Inside(old_tokens, old_unit.text, lost.pair), lost.path, ""};
    if (change.kind == BracketChangeKind::kAgreed) {
      // Where the kept words are now.
      for (int k = lost.pair.open + 1; k < lost.pair.close; ++k) {
        const int counterpart = new_of_old[static_cast<std::size_t>(k)];
        if (counterpart < 0) continue;
        change.new_path =
            ProvisionAt(new_unit, new_tokens[static_cast<std::size_t>(counterpart)].begin)->path;
        break;
      }
    }
    changes.push_back(std::move(change));
  }
  for (const LostPair& lost : LostPairs(new_unit, new_tokens, new_kept,
                                        BracketChangeKind::kDisputed, BracketChangeKind::kAdded)) {
    changes.push_back({lost.kind, Inside(new_tokens, new_unit.text, lost.pair), "", lost.path});
  }
  return changes;
}

}  // namespace tw::compare
