// Case-insensitive comparison of ASCII words (keywords, column names, enum spellings typed by
// hand): no locale, no allocation. Non-ASCII bytes compare exactly.
#ifndef TREATYWATCH_TEXT_ASCII_CASE_H_
#define TREATYWATCH_TEXT_ASCII_CASE_H_

#include <cstddef>
#include <string_view>

namespace tw::text {

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

}  // namespace tw::text

#endif  // TREATYWATCH_TEXT_ASCII_CASE_H_
