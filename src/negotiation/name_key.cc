// NameKey folds a name in two stages.
//
// 1. Characters. Case and accents are folded with ICU: NFKD, then every nonspacing mark
//    dropped, then full case folding ("Türkiye" → "turkiye", "Côte" → "cote", "ß" → "ss").
//    This is what the transliterator "NFD; [:Nonspacing Mark:] Remove; NFC" does, but through
//    the Normalizer2 singletons, which are immutable and safe to share between threads, where a
//    Transliterator is costly to build and would need a lock or one instance per thread. A
//    collator at primary strength would compare equally well, but its sort keys are opaque
//    bytes: we need a readable key to hash, to show and to measure edit distance on. Pure ASCII
//    input — nearly every name a voting record holds — skips ICU altogether.
// 2. Words. Letters and digits make words. Apostrophes and full stops vanish inside a word
//    ("People's" → "peoples", "U.S.A." → "usa", "d’Ivoire" → "divoire"), "&" is the word
//    "and", everything else separates words. Then the UN's and ISO's inverted forms are put in
//    reading order: "Iran (Islamic Republic of)" and "Iran, Islamic Republic of" both become
//    "islamic republic of iran"; "Gambia, The" becomes "the gambia". "St" before another word
//    is "saint", and a leading "the" is dropped.
#include "negotiation/name_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdint>

#include "negotiation/actor_registry.h"

namespace tw::negotiation {
namespace {

// A token of the word stage: a word, or one of the structural marks "(", ")" and ",".
struct Token {
  std::string text;
  bool is_mark = false;
};

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Stage 1: the name as folded code points.
std::u32string FoldCharacters(std::string_view name) {
  std::u32string out;
  out.reserve(name.size());
  if (IsAscii(name)) {
    for (char c : name) {
      out.push_back(static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    return out;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString decomposed = nfkd->normalize(text, status);
    if (U_SUCCESS(status)) text = decomposed;
  }
  // Case folding can itself yield combining marks ("İ" → "i" + dot above), so the marks are
  // dropped after it, in one pass.
  text.foldCase(U_FOLD_CASE_DEFAULT);
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool IsJoiner(char32_t c) {
  switch (c) {
    case U'\'':
    case U'.':
    case U'`':
    case U'\u00B4':  // acute accent
    case U'\u02BC':  // modifier letter apostrophe
    case U'\u2018':
    case U'\u2019':
      return true;
    default:
      return false;
  }
}

// Stage 2a: words and marks.
std::vector<Token> Tokenize(const std::u32string& folded) {
  std::vector<Token> tokens;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) tokens.push_back({std::move(word), false});
    word.clear();
  };
  for (char32_t c : folded) {
    if (u_isalnum(static_cast<UChar32>(c))) {
      AppendUtf8(c, &word);
    } else if (IsJoiner(c)) {
      continue;
    } else if (c == U'&') {
      flush();
      tokens.push_back({"and", false});
    } else if (c == U'(' || c == U')' || c == U',') {
      flush();
      tokens.push_back({std::string(1, static_cast<char>(c)), true});
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

std::vector<std::string> Words(const std::vector<Token>& tokens, std::size_t begin,
                               std::size_t end) {
  std::vector<std::string> words;
  for (std::size_t i = begin; i < end; ++i) {
    if (!tokens[i].is_mark) words.push_back(tokens[i].text);
  }
  return words;
}

// "Y of", "Y of the" and "the" are the inverted tails the UN and ISO write after the name.
bool IsInvertedTail(const std::vector<std::string>& words) {
  return !words.empty() && (words.back() == "of" || words.back() == "the");
}

std::vector<std::string> Concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// A trailing "( ... )" group: the index of its "(" or npos.
std::size_t TrailingParenthesis(const std::vector<Token>& tokens) {
  if (tokens.empty() || !tokens.back().is_mark || tokens.back().text != ")") {
    return std::string::npos;
  }
  for (std::size_t i = tokens.size() - 1; i-- > 0;) {
    if (tokens[i].is_mark && tokens[i].text == "(") return i;
    if (tokens[i].is_mark && tokens[i].text == ")") return std::string::npos;
  }
  return std::string::npos;
}

// Stage 2b: the words in reading order.
std::vector<std::string> ReadingOrder(const std::vector<Token>& tokens) {
  std::size_t open = TrailingParenthesis(tokens);
  if (open != std::string::npos) {
    std::vector<std::string> outer = Words(tokens, 0, open);
    std::vector<std::string> inner = Words(tokens, open + 1, tokens.size() - 1);
    return IsInvertedTail(inner) ? Concat(inner, outer) : Concat(outer, inner);
  }
  std::size_t comma = std::string::npos;
  int commas = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].is_mark && tokens[i].text == ",") {
      comma = i;
      ++commas;
    }
  }
  if (commas == 1) {
    std::vector<std::string> head = Words(tokens, 0, comma);
    std::vector<std::string> tail = Words(tokens, comma + 1, tokens.size());
    if (IsInvertedTail(tail)) return Concat(tail, head);
  }
  return Words(tokens, 0, tokens.size());
}

std::string JoinKey(const std::vector<std::string>& words) {
  std::size_t first = 0;
  if (words.size() > 1 && words[0] == "the") first = 1;
  std::string key;
  for (std::size_t i = first; i < words.size(); ++i) {
    if (!key.empty()) key.push_back(' ');
    // "St" alone is a code (São Tomé and Príncipe's ISO alpha-2), not "Saint".
    key += (words[i] == "st" && i + 1 < words.size()) ? std::string("saint") : words[i];
  }
  return key;
}

}  // namespace

std::string NameKey(std::string_view name) {
  return JoinKey(ReadingOrder(Tokenize(FoldCharacters(name))));
}

std::string UnShortFormKey(std::string_view name) {
  std::vector<Token> tokens = Tokenize(FoldCharacters(name));
  std::size_t open = TrailingParenthesis(tokens);
  if (open == std::string::npos || open == 0) return {};
  if (!IsInvertedTail(Words(tokens, open + 1, tokens.size() - 1))) return {};
  return JoinKey(Words(tokens, 0, open));
}

std::vector<std::string_view> KeyWords(std::string_view key) {
  std::vector<std::string_view> words;
  while (!key.empty()) {
    std::size_t space = key.find(' ');
    words.push_back(key.substr(0, space));
    if (space == std::string_view::npos) break;
    key.remove_prefix(space + 1);
  }
  return words;
}

}  // namespace tw::negotiation
