#include "compare/printable_text.h"

#include <cstddef>
#include <optional>

#include "text/utf8.h"

namespace tw::compare {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool Printable(char32_t cp) {
  if (cp == '\t' || cp == '\n') return true;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
  return (cp & 0xFFFE) != 0xFFFE;
}

// Length of the well-formed UTF-8 sequence starting with lead byte `c` (checked before).
std::size_t SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  return 4;
}

// Appends the code points of well-formed UTF-8 `valid` that Printable() accepts.
void AppendPrintable(std::string_view valid, std::string& out) {
  std::size_t i = 0;
  while (i < valid.size()) {
    const auto lead = static_cast<unsigned char>(valid[i]);
    const std::size_t length = SequenceLength(lead);
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(valid[i + k]) & 0x3F);
    }
    if (Printable(cp)) out.append(valid.substr(i, length));
    i += length;
  }
}

}  // namespace

std::string PrintableText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::optional<std::size_t> bad = tw::text::FindInvalidUtf8(text);
    if (!bad) {
      AppendPrintable(text, out);
      break;
    }
    AppendPrintable(text.substr(0, *bad), out);
    out += kReplacement;
    text.remove_prefix(*bad + 1);
  }
  return out;
}

std::string EscapeMarkup(std::string_view text) {
  const std::string printable = PrintableText(text);
  std::string out;
  out.reserve(printable.size() + printable.size() / 8);
  for (char c : printable) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace tw::compare
