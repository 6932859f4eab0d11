// UTF-8 validation and NFC normalisation: every byte that enters treatywatch passes here, so
// that offsets, search and comparison all see one canonical form.
#ifndef TREATYWATCH_TEXT_UTF8_H_
#define TREATYWATCH_TEXT_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace tw::text {

// Position of the first byte that is not part of well-formed UTF-8 (overlongs, surrogates
// and code points above U+10FFFF are ill-formed), or nullopt if all of `bytes` is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes);

// 1-based line and column (in code points) of byte `offset`, for error messages.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn LineColumnAt(std::string_view text, std::size_t offset);

// NFC form of valid UTF-8. InvalidArgument naming the byte offset if `utf8` is not valid.
absl::StatusOr<std::string> ToNfc(std::string_view utf8);

// True when `utf8` is already NFC (cheap check; lets readers keep their offset maps exact).
bool IsNfc(std::string_view utf8);

// Appends code point `cp` as UTF-8.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace tw::text

#endif  // TREATYWATCH_TEXT_UTF8_H_
