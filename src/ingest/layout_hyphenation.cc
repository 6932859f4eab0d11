#include "ingest/layout_hyphenation.h"

#include <cctype>

namespace tw::ingest {
namespace {

bool IsAsciiAlnum(unsigned char c) { return std::isalnum(c) != 0; }

// Length of a punctuation code point at the front of `s`, 0 if it does not start with one.
// Non-ASCII code points count as letters except general punctuation (U+2010..U+2027,
// U+2030..U+205E), guillemets and the inverted marks.
std::size_t LeadingPunctuation(std::string_view s) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return IsAsciiAlnum(c) ? 0 : 1;
  if (c == 0xC2 && s.size() >= 2) {
    const auto d = static_cast<unsigned char>(s[1]);
    return (d == 0xAB || d == 0xBB || d == 0xA1 || d == 0xBF) ? 2 : 0;
  }
  if (c == 0xE2 && s.size() >= 3) {
    const auto d = static_cast<unsigned char>(s[1]);
    const auto e = static_cast<unsigned char>(s[2]);
    if (d == 0x80 && e >= 0x90) return 3;  // U+2010..U+203F
    if (d == 0x81 && e <= 0x9E) return 3;  // U+2040..U+205E
  }
  return 0;
}

// Length of a punctuation code point at the end of `s`, 0 if it does not end with one.
std::size_t TrailingPunctuation(std::string_view s) {
  if (s.empty()) return 0;
  const auto last = static_cast<unsigned char>(s.back());
  if (last < 0x80) return IsAsciiAlnum(last) ? 0 : 1;
  std::size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  const std::size_t length = s.size() - start;
  return LeadingPunctuation(s.substr(start)) == length ? length : 0;
}

std::string_view StripPunctuation(std::string_view s) {
  while (std::size_t n = LeadingPunctuation(s)) s.remove_prefix(n);
  while (std::size_t n = TrailingPunctuation(s)) s.remove_suffix(n);
  return s;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string WordCore(std::string_view word) { return AsciiLower(StripPunctuation(word)); }

void HyphenationVocabulary::AddWord(std::string_view word) {
  std::string core = WordCore(word);
  if (core.empty()) return;
  std::size_t start = 0;
  if (core.find('-') != std::string::npos) {
    while (start <= core.size()) {
      const std::size_t dash = core.find('-', start);
      const std::size_t end = dash == std::string::npos ? core.size() : dash;
      if (end > start) words_.insert(core.substr(start, end - start));
      if (dash == std::string::npos) break;
      start = dash + 1;
    }
  }
  words_.insert(std::move(core));
}

bool HyphenationVocabulary::Contains(std::string_view word) const {
  const std::string core = WordCore(word);
  return !core.empty() && words_.count(core) > 0;
}

bool EndsWithBreakHyphen(std::string_view word) {
  std::size_t hyphen = 0;
  if (word.size() >= 2 && word.back() == '-') {
    hyphen = 1;
  } else if (word.size() >= 4 && word.substr(word.size() - 3) == "\u2010") {
    hyphen = 3;
  } else {
    return false;
  }
  const auto before = static_cast<unsigned char>(word[word.size() - hyphen - 1]);
  return IsAsciiAlnum(before) || before >= 0x80;
}

HyphenJoin DecideHyphenJoin(std::string_view before, std::string_view after, bool soft,
                            const HyphenationVocabulary& vocabulary) {
  if (soft) return HyphenJoin::kDropHyphen;
  std::string_view a = before;
  if (!a.empty() && a.back() == '-') {
    a.remove_suffix(1);
  } else if (a.size() >= 3 && a.substr(a.size() - 3) == "\u2010") {
    a.remove_suffix(3);
  }
  while (std::size_t n = LeadingPunctuation(a)) a.remove_prefix(n);
  std::string_view b = after;
  while (std::size_t n = LeadingPunctuation(b)) b.remove_prefix(n);
  const std::string_view b_core = StripPunctuation(b);
  if (a.empty() || b_core.empty()) return HyphenJoin::kKeepHyphen;
  const auto b_first = static_cast<unsigned char>(b_core.front());
  if (std::isupper(b_first) || std::isdigit(b_first)) return HyphenJoin::kKeepHyphen;
  if (a.find('-') != std::string_view::npos || std::isdigit(static_cast<unsigned char>(a.back()))) {
    return HyphenJoin::kKeepHyphen;
  }
  const std::string a_lower = AsciiLower(a);
  const std::string b_lower = AsciiLower(b_core);
  if (vocabulary.Contains(a_lower + "-" + b_lower)) return HyphenJoin::kKeepHyphen;
  if (vocabulary.Contains(a_lower + b_lower)) return HyphenJoin::kDropHyphen;
  if ((a_lower.size() >= 2 && vocabulary.Contains(a_lower)) ||
      (b_lower.size() >= 2 && vocabulary.Contains(b_lower))) {
    return HyphenJoin::kKeepHyphen;
  }
  return HyphenJoin::kDropHyphen;
}

}  // namespace tw::ingest
