// Word tokens: the units every comparison works on. A token is a word (a run of letters and
// digits, with inner apostrophes and hyphens), one punctuation character, a line break, or a
// run of spaces; concatenating the tokens gives the text back exactly, so a redline rebuilds
// both texts to the byte. All space runs share one id: spacing never counts as a change.
//
// Tokens are compared by id. Ids are interned in a TokenTable shared by both texts of a
// comparison, after case folding (ICU full case folding for non-ASCII words), so "State" and
// "state" compare equal while the redline still shows the words as printed.
//
// Thread-compatible: a TokenTable is used by one thread. Ids are dense (0, 1, 2, … in order of
// first appearance), so callers may index arrays by id.
#ifndef TREATYWATCH_COMPARE_WORD_TOKENS_H_
#define TREATYWATCH_COMPARE_WORD_TOKENS_H_

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace tw::compare {

enum class TokenClass : std::uint8_t {
  kWord,
  kPunctuation,
  kOpenBracket,
  kCloseBracket,
  kLineBreak,
  kSpace,
};

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the tokenized text
  std::uint32_t end = 0;
  std::uint32_t id = 0;     // interned folded form
  TokenClass cls = TokenClass::kWord;
};

class TokenTable {
 public:
  TokenTable();
  std::uint32_t Intern(std::string_view folded);
  std::size_t size() const { return ids_.size(); }
  // Interns every spelling of `other` here, so tokens of a text tokenized on another thread
  // with a table of its own can join this table: the result maps each id of `other` to its
  // id here (RenumberTokens).
  std::vector<std::uint32_t> Absorb(const TokenTable& other);

 private:
  // Interning is the innermost step of every comparison (one lookup per token), so the table is
  // an open-addressing map keyed by views into `spellings_` (a deque: its strings never move),
  // hashed with XXH3; single-byte tokens (spaces, punctuation: half of all tokens) skip the map.
  struct Hash {
    std::size_t operator()(std::string_view text) const;
  };
  static constexpr std::uint32_t kNoId = ~std::uint32_t{0};
  absl::flat_hash_map<std::string_view, std::uint32_t, Hash> ids_;
  std::deque<std::string> spellings_;
  std::array<std::uint32_t, 256> byte_ids_;
};

// Splits `text` into tokens interned in `table`. Offsets are relative to `text`.
std::vector<Token> Tokenize(std::string_view text, TokenTable& table);

// Gives each token its id in the table that absorbed the one it was tokenized with.
void RenumberTokens(std::vector<Token>& tokens, const std::vector<std::uint32_t>& new_id_of);

// The ids of the word tokens only (punctuation, brackets and line breaks dropped): what
// similarity scoring looks at.
std::vector<std::uint32_t> WordIds(const std::vector<Token>& tokens);

int CountWords(const std::vector<Token>& tokens);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_WORD_TOKENS_H_
