#include "doc/numbering.h"

#include <array>
#include <cctype>

namespace tw::doc {
namespace {

// Sub-point lists never run past (xxxix); larger roman values are letters ("c", "d", "l").
constexpr int kMaxSubpointRoman = 39;
constexpr std::size_t kMaxRomanLength = 15;

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool AtBoundary(std::string_view s, std::size_t at) {
  return at >= s.size() || !IsAsciiAlnum(s[at]);
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithIgnoringCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

int RomanDigit(char c) {
  switch (Lower(c)) {
    case 'i':
      return 1;
    case 'v':
      return 5;
    case 'x':
      return 10;
    case 'l':
      return 50;
    case 'c':
      return 100;
    case 'd':
      return 500;
    case 'm':
      return 1000;
    default:
      return 0;
  }
}



// English cardinal and ordinal words up to twenty ("Part One", "Part First" is rare but seen).
constexpr std::array<std::string_view, 20> kCardinals = {
    "one",     "two",     "three",     "four",     "five",     "six",      "seven",
    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
constexpr std::array<std::string_view, 20> kOrdinals = {
    "first",     "second",    "third",       "fourth",     "fifth",      "sixth",      "seventh",
    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};

// Arabic ordinal words, masculine then feminine, first to tenth ("الفصل الأول", "المادة الأولى").
constexpr std::array<std::string_view, 10> kArabicOrdinalsMasculine = {
    "الأول",  "الثاني", "الثالث", "الرابع", "الخامس",
    "السادس", "السابع", "الثامن", "التاسع", "العاشر"};
constexpr std::array<std::string_view, 10> kArabicOrdinalsFeminine = {
    "الأولى",  "الثانية", "الثالثة", "الرابعة", "الخامسة",
    "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة"};

constexpr std::array<std::string_view, 10> kLatinSuffixes = {
    "bis",     "ter",    "quater", "quinquies", "sexies",
    "septies", "octies", "novies", "nonies",    "decies"};

ParsedNumber ParseWordNumber(std::string_view s) {
  // Longest match first matters for "seventeen" vs "seven": compare whole words.
  std::size_t word = 0;
  while (word < s.size() && std::isalpha(static_cast<unsigned char>(s[word]))) ++word;
  if (word == 0) return {};
  const std::string_view w = s.substr(0, word);
  auto equal = [&](std::string_view candidate) {
    return candidate.size() == w.size() && StartsWithIgnoringCase(w, candidate);
  };
  for (std::size_t i = 0; i < kCardinals.size(); ++i) {
    if (equal(kCardinals[i]) || equal(kOrdinals[i])) return {word, static_cast<int>(i) + 1};
  }
  if (equal("premier")) return {word, 1};
  return {};
}

ParsedNumber ParseNonAsciiWordNumber(std::string_view s) {
  if (StartsWithIgnoringCase(s, "premi\xc3\xa8re")) return {8, 1};  // "première"
  // Feminine forms extend the masculine ones, so try them first.
  for (std::size_t i = 0; i < kArabicOrdinalsFeminine.size(); ++i) {
    if (s.substr(0, kArabicOrdinalsFeminine[i].size()) == kArabicOrdinalsFeminine[i]) {
      return {kArabicOrdinalsFeminine[i].size(), static_cast<int>(i) + 1};
    }
  }
  for (std::size_t i = 0; i < kArabicOrdinalsMasculine.size(); ++i) {
    if (s.substr(0, kArabicOrdinalsMasculine[i].size()) == kArabicOrdinalsMasculine[i]) {
      return {kArabicOrdinalsMasculine[i].size(), static_cast<int>(i) + 1};
    }
  }
  return {};
}

// Value of one Chinese numeral character at the start of `s` (3 bytes in UTF-8), -1 if none.
// Units are returned as 10, 100, 1000 with `unit` set.
int ChineseDigit(std::string_view s, bool* unit) {
  static constexpr std::array<std::pair<std::string_view, int>, 14> kDigits = {{
      {"〇", 0},
      {"零", 0},
      {"一", 1},
      {"二", 2},
      {"两", 2},
      {"三", 3},
      {"四", 4},
      {"五", 5},
      {"六", 6},
      {"七", 7},
      {"八", 8},
      {"九", 9},
      {"十", 10},
      {"百", 100},
  }};
  *unit = false;
  if (s.size() < 3) return -1;
  const std::string_view head = s.substr(0, 3);
  if (head == "千") {
    *unit = true;
    return 1000;
  }
  for (const auto& [text, value] : kDigits) {
    if (head == text) {
      *unit = value >= 10;
      return value;
    }
  }
  return -1;
}

}  // namespace

ParsedNumber ParseDigits(std::string_view s) {
  ParsedNumber out;
  std::size_t i = 0;
  int digits = 0;
  int script = -1;  // 0 ASCII, 1 Arabic-Indic, 2 Extended Arabic-Indic
  while (i < s.size() && digits < 5) {
    int digit = -1;
    int this_script = -1;
    std::size_t width = 1;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') {
      digit = c - '0';
      this_script = 0;
    } else if (i + 1 < s.size() && (c == 0xD9 || c == 0xDB)) {
      const auto c2 = static_cast<unsigned char>(s[i + 1]);
      const unsigned char zero = c == 0xD9 ? 0xA0 : 0xB0;
      if (c2 >= zero && c2 <= zero + 9) {
        digit = c2 - zero;
        this_script = c == 0xD9 ? 1 : 2;
        width = 2;
      }
    }
    if (digit < 0 || (script >= 0 && this_script != script)) break;
    script = this_script;
    out.value = out.value * 10 + digit;
    i += width;
    ++digits;
  }
  if (digits == 0 || digits > 4 || out.value > kMaxDesignationValue) return {};
  out.length = i;
  return out;
}

ParsedNumber ParseRoman(std::string_view s) {
  std::size_t n = 0;
  const bool upper = !s.empty() && std::isupper(static_cast<unsigned char>(s[0]));
  while (n < s.size() && n < kMaxRomanLength && RomanDigit(s[n]) > 0 &&
         (std::isupper(static_cast<unsigned char>(s[n])) != 0) == upper) {
    ++n;
  }
  if (n == 0) return {};
  int value = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int d = RomanDigit(s[i]);
    const int next = i + 1 < n ? RomanDigit(s[i + 1]) : 0;
    value += d < next ? -d : d;
  }
  if (value <= 0 || value > 3999) return {};
  const std::string canonical = FormatRoman(value);
  if (canonical.size() != n) return {};
  for (std::size_t i = 0; i < n; ++i) {
    if (Lower(s[i]) != canonical[i]) return {};
  }
  return {n, value};
}

ParsedNumber ParseChineseNumber(std::string_view s) {
  ParsedNumber ascii = ParseDigits(s);
  if (ascii.length > 0) return ascii;
  int total = 0;
  int section = 0;
  int digit = -1;  // pending digit, -1 when none
  std::size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    bool unit = false;
    const int v = ChineseDigit(s.substr(i), &unit);
    if (v < 0) break;
    any = true;
    if (unit) {
      // "十二" is 12: a unit without a digit before it counts once.
      section += (digit < 0 ? 1 : digit) * v;
      digit = -1;
    } else {
      digit = v;
    }
    i += 3;
    if (section > kMaxDesignationValue) return {};
  }
  if (!any) return {};
  total = section + (digit < 0 ? 0 : digit);
  if (total <= 0 || total > kMaxDesignationValue) return {};
  return {i, total};
}

Designation ParseDesignation(std::string_view s) {
  Designation out;
  bool digits_used = false;
  ParsedNumber number = ParseDigits(s);
  if (number.length > 0) {
    digits_used = true;
  } else {
    number = ParseRoman(s);
    if (number.length == 0 || !AtBoundary(s, number.length)) number = ParseWordNumber(s);
    if (number.length == 0) number = ParseNonAsciiWordNumber(s);
  }
  if (number.length == 0 || number.value <= 0) return {};
  std::size_t at = number.length;
  std::string_view suffix;
  if (digits_used && number.value == 1 && s.substr(at, 2) == "er" && AtBoundary(s, at + 2)) {
    at += 2;  // French "1er"
  } else if (digits_used && at < s.size() && std::isupper(static_cast<unsigned char>(s[at])) &&
             AtBoundary(s, at + 1)) {
    static constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz";
    suffix = kLetters.substr(static_cast<std::size_t>(Lower(s[at]) - 'a'), 1);
    ++at;
  } else {
    std::size_t probe = at;
    if (probe < s.size() && s[probe] == ' ') ++probe;
    for (std::string_view latin : kLatinSuffixes) {
      if (StartsWithIgnoringCase(s.substr(probe), latin) && AtBoundary(s, probe + latin.size())) {
        suffix = latin;
        at = probe + latin.size();
        break;
      }
    }
  }
  // Arabic words end at a space; everything else at a non-alphanumeric ASCII byte.
  if (!AtBoundary(s, at)) return {};
  out.length = at;
  out.value = number.value;
  out.suffix = suffix;
  return out;
}

std::string PathNumber(int value, std::string_view suffix) {
  std::string out = std::to_string(value);
  out += suffix;
  return out;
}

int LetterValue(std::string_view token) {
  if (token.size() == 1 && token[0] >= 'a' && token[0] <= 'z') return token[0] - 'a' + 1;
  if (token.size() == 2 && token[0] == token[1] && token[0] >= 'a' && token[0] <= 'z') {
    return 26 + token[0] - 'a' + 1;
  }
  return 0;
}

int RomanValue(std::string_view token) {
  if (token.empty()) return 0;
  for (char c : token) {
    if (c < 'a' || c > 'z') return 0;
  }
  const ParsedNumber roman = ParseRoman(token);
  return roman.length == token.size() ? roman.value : 0;
}

LabelKind ChooseLabelKind(std::string_view token, const LabelContext& context) {
  const int letter = LetterValue(token);
  const int roman_raw = RomanValue(token);
  const int roman = roman_raw <= kMaxSubpointRoman ? roman_raw : 0;
  if (roman == 0) return LabelKind::kLetter;
  if (letter == 0) return LabelKind::kRoman;
  // Ambiguous: "i", "v", "x", "ii", "xx".
  const bool continues_letters = letter == context.last_letter + 1;
  // A roman list may start under an open point, or directly under a paragraph whose list has
  // no letters yet ("1. ...: (i) ..., (ii) ...").
  const bool roman_list_possible =
      context.inside_point || context.last_letter == 0 || context.last_roman > 0;
  const bool continues_romans = roman_list_possible && roman == context.last_roman + 1;
  if (continues_romans && !continues_letters) return LabelKind::kRoman;
  if (continues_letters && !continues_romans) return LabelKind::kLetter;
  if (continues_letters && continues_romans) {
    const std::string_view next = context.next_token;
    if (!next.empty()) {
      if (RomanValue(next) == roman + 1) return LabelKind::kRoman;
      if (LetterValue(next) == letter + 1) return LabelKind::kLetter;
    }
    return context.point_introduces_list ? LabelKind::kRoman : LabelKind::kLetter;
  }
  return context.inside_point ? LabelKind::kRoman : LabelKind::kLetter;
}

std::string FormatRoman(int value, bool upper) {
  static constexpr std::array<std::pair<int, std::string_view>, 13> kParts = {
      {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
       {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  std::string out;
  for (const auto& [v, text] : kParts) {
    while (value >= v) {
      out += text;
      value -= v;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace tw::doc
