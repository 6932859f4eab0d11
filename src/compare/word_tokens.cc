#include "compare/word_tokens.h"

#include <algorithm>

#include <unicode/unistr.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace tw::compare {
namespace {

bool IsAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Bytes of multi-byte UTF-8 sequences count as word characters except for the typographic
// punctuation treaties are full of (quotes, dashes), which must not glue onto words.
std::size_t TypographicPunctuationLength(std::string_view text, std::size_t at) {
  static constexpr std::string_view kMarks[] = {
      "\u2018", "\u2019", "\u201C", "\u201D", "\u2013", "\u2014", "\u2026", "\u00AB",
      "\u00BB", "\u00A0", "\u3001", "\u3002", "\uFF0C", "\uFF1B", "\uFF1A", "\u060C",
      "\u061B"};
  for (std::string_view mark : kMarks) {
    if (text.substr(at, mark.size()) == mark) return mark.size();
  }
  return 0;
}

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Case-folded form of a word, in `buffer` (reused across calls).
std::string_view Fold(std::string_view word, std::string& buffer) {
  // Most words are lower-case ASCII already: those are their own folded form.
  const bool folded = std::none_of(word.begin(), word.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  });
  if (folded) return word;
  buffer.assign(word);
  for (char& c : buffer) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      buffer.clear();
      icu::UnicodeString::fromUTF8(
          icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
          .foldCase()
          .toUTF8String(buffer);
      return buffer;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return buffer;
}

}  // namespace

std::size_t TokenTable::Hash::operator()(std::string_view text) const {
  return static_cast<std::size_t>(XXH3_64bits(text.data(), text.size()));
}

TokenTable::TokenTable() { byte_ids_.fill(kNoId); }

std::uint32_t TokenTable::Intern(std::string_view folded) {
  std::uint32_t* byte_id = nullptr;
  if (folded.size() == 1) {
    byte_id = &byte_ids_[static_cast<unsigned char>(folded[0])];
    if (*byte_id != kNoId) return *byte_id;
  }
  auto it = ids_.find(folded);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(ids_.size());
  ids_.emplace(spellings_.emplace_back(folded), id);
  if (byte_id != nullptr) *byte_id = id;
  return id;
}

std::vector<std::uint32_t> TokenTable::Absorb(const TokenTable& other) {
  std::vector<std::uint32_t> new_id_of;
  new_id_of.reserve(other.spellings_.size());
  for (const std::string& spelling : other.spellings_) new_id_of.push_back(Intern(spelling));
  return new_id_of;
}

void RenumberTokens(std::vector<Token>& tokens, const std::vector<std::uint32_t>& new_id_of) {
  for (Token& token : tokens) token.id = new_id_of[token.id];
}

std::vector<Token> Tokenize(std::string_view text, TokenTable& table) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 3);
  std::string folded;
  std::size_t at = 0;
  while (at < text.size()) {
    Token token;
    token.begin = static_cast<std::uint32_t>(at);
    const auto c = static_cast<unsigned char>(text[at]);
    std::size_t typographic = 0;
    if (IsSpace(c)) {
      token.cls = TokenClass::kSpace;
      while (at < text.size() && IsSpace(static_cast<unsigned char>(text[at]))) ++at;
    } else if (c == '\n') {
      token.cls = TokenClass::kLineBreak;
      ++at;
    } else if (c == '[' || c == ']') {
      token.cls = c == '[' ? TokenClass::kOpenBracket : TokenClass::kCloseBracket;
      ++at;
    } else if (c >= 0x80 && (typographic = TypographicPunctuationLength(text, at)) > 0) {
      token.cls = TokenClass::kPunctuation;
      at += typographic;
    } else if (IsAsciiWordByte(c) || c >= 0x80) {
      token.cls = TokenClass::kWord;
      while (at < text.size()) {
        const auto b = static_cast<unsigned char>(text[at]);
        if (IsAsciiWordByte(b)) {
          ++at;
        } else if (b >= 0x80 && TypographicPunctuationLength(text, at) == 0) {
          ++at;
        } else if ((b == '-' || b == '\'') && at + 1 < text.size() &&
                   IsAsciiWordByte(static_cast<unsigned char>(text[at + 1]))) {
          ++at;  // "cyber-enabled", "State's" are one word
        } else {
          break;
        }
      }
    } else {
      token.cls = TokenClass::kPunctuation;
      ++at;
    }
    token.end = static_cast<std::uint32_t>(at);
    const std::string_view surface = text.substr(token.begin, token.end - token.begin);
    switch (token.cls) {
      case TokenClass::kWord: token.id = table.Intern(Fold(surface, folded)); break;
      case TokenClass::kSpace: token.id = table.Intern(" "); break;
      default: token.id = table.Intern(surface); break;
    }
    tokens.push_back(token);
  }
  return tokens;
}

std::vector<std::uint32_t> WordIds(const std::vector<Token>& tokens) {
  std::vector<std::uint32_t> ids;
  ids.reserve(tokens.size());
  for (const Token& token : tokens) {
    if (token.cls == TokenClass::kWord) ids.push_back(token.id);
  }
  return ids;
}

int CountWords(const std::vector<Token>& tokens) {
  int words = 0;
  for (const Token& token : tokens) words += token.cls == TokenClass::kWord;
  return words;
}

}  // namespace tw::compare
