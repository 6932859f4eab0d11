#include "ingest/structure_cues.h"

#include <array>
#include <cctype>
#include <cstddef>

namespace tw::ingest {
namespace {

// Longest heading line, in bytes: "Article 27 bis – Conditions and safeguards" fits; a line of
// running text starting with "Article 5" and going on does not look like a heading anyway.
constexpr std::size_t kMaxHeadingBytes = 160;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsRomanLetter(char c) {
  return std::string_view("ivxlcdmIVXLCDM").find(c) != std::string_view::npos;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const auto a = static_cast<unsigned char>(s[i]);
    const auto b = static_cast<unsigned char>(prefix[i]);
    if (a < 0x80 && b < 0x80) {
      if (std::tolower(a) != std::tolower(b)) return false;
    } else if (a != b) {
      return false;
    }
  }
  return true;
}

// Heading keywords of Latin and Cyrillic scripts, followed by a space and a number. Non-ASCII
// keywords are listed in the cases drafts print them (title case and capitals).
constexpr std::array<std::string_view, 22> kNumberedKeywords = {
    "Article", "Chapter",  "Section",  "Part",     "Annex",    "Appendix", "Chapitre", "Titre",
    "Annexe",  "Artículo", "ARTÍCULO", "Capítulo", "CAPÍTULO", "Sección",  "SECCIÓN",  "Anexo",
    "Статья",  "СТАТЬЯ",   "Глава",    "ГЛАВА",    "Раздел",   "РАЗДЕЛ"};

constexpr std::array<std::string_view, 4> kBareHeadings = {"Preamble", "Préambule", "Preámbulo",
                                                           "Преамбула"};

constexpr std::array<std::string_view, 3> kArabicKeywords = {"المادة", "الفصل", "الباب"};

// After a heading number: nothing, a full stop, "bis"/"ter"/..., or a separator and a title.
bool HeadingTailOk(std::string_view rest) {
  rest = TrimLeft(rest);
  for (std::string_view suffix : {"bis", "ter", "quater", "quinquies", "sexies"}) {
    if (rest.substr(0, suffix.size()) == suffix &&
        (rest.size() == suffix.size() || !IsAsciiAlpha(rest[suffix.size()]))) {
      rest = TrimLeft(rest.substr(suffix.size()));
      break;
    }
  }
  if (rest.empty() || rest == "." || rest == "]" || rest == ".]") return true;
  for (std::string_view separator : {"- ", "\xE2\x80\x93 ", "\xE2\x80\x94 ", ": ", ". "}) {
    if (rest.substr(0, separator.size()) == separator) return true;
  }
  return false;
}

// A number token as headings print it: digits, a Roman numeral, or one capital letter.
std::size_t HeadingNumberLength(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && IsAsciiDigit(s[n])) ++n;
  if (n > 0) return n;
  while (n < s.size() && IsRomanLetter(s[n])) ++n;
  if (n > 0 && (n == s.size() || !IsAsciiAlpha(s[n]))) return n;
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && (s.size() == 1 || !IsAsciiAlpha(s[1]))) return 1;
  return 0;
}

bool IsChineseHeading(std::string_view s) {
  constexpr std::string_view kDi = "\xE7\xAC\xAC";  // 第
  if (s.substr(0, kDi.size()) != kDi) return false;
  // Up to eight numerals (ASCII digits or CJK numerals, 3 bytes each), then 条/章/节/部分.
  std::size_t i = kDi.size();
  int numerals = 0;
  while (i < s.size() && numerals < 8) {
    for (std::string_view end :
         {"\xE6\x9D\xA1", "\xE7\xAB\xA0", "\xE8\x8A\x82", "\xE9\x83\xA8\xE5\x88\x86"}) {
      if (numerals > 0 && s.substr(i, end.size()) == end) return true;
    }
    if (IsAsciiDigit(s[i])) {
      ++i;
    } else if (static_cast<unsigned char>(s[i]) >= 0xE0 && i + 3 <= s.size()) {
      i += 3;
    } else {
      return false;
    }
    ++numerals;
  }
  return false;
}

bool IsItemLabel(std::string_view s) {
  auto followed_by_space = [&](std::size_t n) {
    return n == s.size() || s[n] == ' ' || s[n] == '\t';
  };
  // "1." "12." "1.2." — not a decimal number like "1.5 per cent".
  std::size_t n = 0;
  while (n < s.size() && n < 3 && IsAsciiDigit(s[n])) ++n;
  if (n > 0 && n < s.size() && s[n] == '.' && followed_by_space(n + 1)) return true;
  // "(a)" "(iv)" "(1)" "(aa)".
  if (s.size() >= 3 && s[0] == '(') {
    std::size_t k = 1;
    while (k < s.size() && k <= 6 && (IsAsciiAlpha(s[k]) || IsAsciiDigit(s[k]))) ++k;
    if (k > 1 && k < s.size() && s[k] == ')' && followed_by_space(k + 1)) {
      const std::string_view inner = s.substr(1, k - 1);
      bool roman = true, digits = true;
      for (char c : inner) {
        roman = roman && IsRomanLetter(c);
        digits = digits && IsAsciiDigit(c);
      }
      if (inner.size() <= 2 || roman || (digits && inner.size() <= 3)) return true;
    }
  }
  // "a)".
  if (s.size() >= 2 && IsAsciiAlpha(s[0]) && s[1] == ')' && followed_by_space(2)) return true;
  // "Option 1".
  if (StartsWithNoCase(s, "Option ") && s.size() > 7 && IsAsciiDigit(s[7])) return true;
  // Bullets.
  for (std::string_view bullet : {"\xE2\x80\xA2 ", "- ", "* ", "\xE2\x80\x93 "}) {
    if (s.substr(0, bullet.size()) == bullet) return true;
  }
  return false;
}

}  // namespace

bool IsHeadingLine(std::string_view line) {
  line = TrimLeft(line);
  if (!line.empty() && line.front() == '[') line.remove_prefix(1);
  if (line.empty() || line.size() > kMaxHeadingBytes) return false;
  for (std::string_view keyword : kBareHeadings) {
    if (StartsWithNoCase(line, keyword) && HeadingTailOk(line.substr(keyword.size()))) return true;
  }
  for (std::string_view keyword : kNumberedKeywords) {
    if (!StartsWithNoCase(line, keyword) || line.size() <= keyword.size() ||
        line[keyword.size()] != ' ') {
      continue;
    }
    const std::string_view rest = TrimLeft(line.substr(keyword.size()));
    const std::size_t number = HeadingNumberLength(rest);
    if (number > 0 && HeadingTailOk(rest.substr(number))) return true;
  }
  for (std::string_view keyword : kArabicKeywords) {
    if (line.substr(0, keyword.size()) == keyword) return true;
  }
  return IsChineseHeading(line);
}

bool StartsStructuralElement(std::string_view line) {
  line = TrimLeft(line);
  if (IsHeadingLine(line)) return true;
  if (!line.empty() && line.front() == '[') line.remove_prefix(1);
  return IsItemLabel(line);
}

}  // namespace tw::ingest
