// Numbering: how treaty texts number their provisions, and how to read those numbers back.
//
// A designation is printed in many ways: "5", "٥" (Arabic-Indic digits), "V", "One", "First",
// "premier", "五" (Chinese numerals), "الخامس" (Arabic ordinal words), optionally followed by a
// Latin suffix ("5 bis", "5ter") or a capital letter ("12A"). Paths use the arabic value and the
// suffix ("art5bis"); the printed form is kept as `num`.
//
// Points are lettered "(a)".."(z)", then "(aa)".."(zz)"; sub-points are roman "(i)", "(ii)"...
// Tokens such as "i", "v", "x", "ii" and "xx" are both, and only their context decides:
// ChooseLabelKind holds that policy (documented at its declaration).
//
// Pure functions over string views; thread-safe; no allocation except where a std::string is
// returned.
#ifndef TREATYWATCH_DOC_NUMBERING_H_
#define TREATYWATCH_DOC_NUMBERING_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace tw::doc {

// Largest value a designation may have; longer digit runs are not designations (years, sums).
inline constexpr int kMaxDesignationValue = 9999;

// A number read from the start of a string.
struct ParsedNumber {
  std::size_t length = 0;  // bytes consumed; 0 when nothing was read
  int value = 0;
};

// Decimal digits: ASCII, Arabic-Indic (U+0660..) or Extended Arabic-Indic (U+06F0..), one
// script per number, at most 4 digits.
ParsedNumber ParseDigits(std::string_view s);
// A roman numeral in one case ("XIV" or "xiv"), canonical form only ("IIII" is not one).
ParsedNumber ParseRoman(std::string_view s);
// Chinese numerals: 一 .. 九千九百九十九 (also 〇/零 and 两), or ASCII digits.
ParsedNumber ParseChineseNumber(std::string_view s);

// A whole designation at the start of `s` as printed after "Article ", "Chapter ", "Part ":
// digits, roman, English cardinal/ordinal words, French "premier", Arabic ordinal words, then
// an optional Latin suffix ("bis".."decies", with or without a space) or one capital letter
// glued to digits ("12A"). The designation must end at a word boundary.
struct Designation {
  std::size_t length = 0;  // bytes of `s` used, suffix included; 0 when none
  int value = 0;
  std::string_view suffix;  // canonical lowercase: "bis", "ter", "a"...; empty when none
};
Designation ParseDesignation(std::string_view s);

// "5" + "bis" -> "5bis"; the path segment after "art", "ch", "p".
std::string PathNumber(int value, std::string_view suffix);

// Letter sequence: "a"=1 .. "z"=26, "aa"=27 .. "zz"=52 (one repeated lowercase letter); 0 if not.
int LetterValue(std::string_view token);
// Roman numeral of `value` ("iv" for 4; upper case on request); "" for values below 1. The one
// formatter for every reader and writer that prints list labels.
std::string FormatRoman(int value, bool upper = false);

// Roman value of a lowercase token ("iv" = 4), 0 if not canonical roman.
int RomanValue(std::string_view token);

// Which sequence a point label continues.
enum class LabelKind { kLetter, kRoman };

// What the parser knows when it meets a label token such as "i".
struct LabelContext {
  int last_letter = 0;        // last lettered point in the current list (0: none yet)
  int last_roman = 0;         // last roman sub-point under the current point (0: none yet)
  bool inside_point = false;  // a lettered point is open, so a roman list may start under it
  // The next label after this one in the same list, if the parser looked ahead ("" if none).
  std::string_view next_token;
  // The open point's text ends with ':' or '—' (it introduces a list).
  bool point_introduces_list = false;
};

// Decides letter or roman for `token` (lowercase, without parentheses). Policy:
//   * a token that is only a letter ("a", "h", "aa") or only roman ("iii", "iv") is that;
//   * an ambiguous token ("i", "v", "x", "ii", "xx") is read as the sequence it continues:
//     "(i)" after "(h)" continues the letters, "(i)" as the first child under an open point
//     starts a roman list, "(v)" after "(iv)" is roman, "(ii)" after "(i)" is roman and after
//     "(hh)" is the doubled letter; "(i)" opening a list that has no letters is roman;
//   * when it continues both (the "(h)" then "(i)" case), the next label decides ("(ii)" or
//     "(j)"), then the open point's text: one ending in ':' introduces a roman list;
//   * when it continues neither, a roman reading wins inside a point, a letter reading outside.
LabelKind ChooseLabelKind(std::string_view token, const LabelContext& context);

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_NUMBERING_H_
