// Shortens text for one-line displays (terminal lines, report sentences) without cutting a UTF-8 character in half.
#ifndef TREATYWATCH_TEXT_TEXT_CLIP_H_
#define TREATYWATCH_TEXT_TEXT_CLIP_H_

#include <string>
#include <string_view>

namespace tw::text {

// `text` if it fits in `width` bytes, else its first bytes up to a character boundary + "…".
inline std::string ClipUtf8(std::string_view text, std::size_t width) {
  if (text.size() <= width) return std::string(text);
  std::size_t cut = width > 0 ? width - 1 : 0;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace tw::text

#endif  // TREATYWATCH_TEXT_TEXT_CLIP_H_
