#include "ingest/html_charset.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>

#include "text/utf8.h"

namespace tw::ingest {
namespace {

constexpr std::size_t kPrescanBytes = 1024;  // as the HTML standard's prescan

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Value of the first "charset=" in `tag` (a whole <meta ...> tag, lowercased).
std::string CharsetIn(std::string_view tag) {
  const std::size_t at = tag.find("charset");
  if (at == std::string_view::npos) return "";
  std::size_t i = at + 7;
  while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
  if (i >= tag.size() || tag[i] != '=') return CharsetIn(tag.substr(at + 7));
  ++i;
  while (i < tag.size() &&
         (std::isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '"' || tag[i] == '\'')) {
    ++i;
  }
  std::size_t end = i;
  while (end < tag.size() &&
         (std::isalnum(static_cast<unsigned char>(tag[end])) || tag[end] == '-' ||
          tag[end] == '_' || tag[end] == '.' || tag[end] == ':')) {
    ++end;
  }
  return std::string(tag.substr(i, end - i));
}

bool IsUtf8Label(std::string_view label) {
  return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8";
}

bool MeansWindows1252(std::string_view label) {
  for (std::string_view alias :
       {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii",
        "windows-1252", "cp1252", "x-cp1252", "iso-ir-100", "csisolatin1", "ibm819", "cp819"}) {
    if (label == alias) return true;
  }
  return false;
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

absl::StatusOr<std::string> ConvertToUtf8(std::string_view name, std::string_view bytes,
                                          const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(charset, &status));
  if (U_FAILURE(status) || !converter) {
    return absl::InvalidArgumentError(
        fmt::format("{}: unsupported character encoding '{}'", name, charset));
  }
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX / 2)) {
    return absl::ResourceExhaustedError(fmt::format("{}: too large to convert", name));
  }
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                             status);
  if (U_FAILURE(status)) {
    return absl::InvalidArgumentError(
        fmt::format("{}: cannot decode as {}: {}", name, charset, u_errorName(status)));
  }
  std::string utf8;
  unicode.toUTF8String(utf8);
  return utf8;
}

}  // namespace

std::string PrescanHtmlCharset(std::string_view bytes) {
  const std::string head = Lower(bytes.substr(0, kPrescanBytes));
  std::size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    const std::size_t end = head.find('>', at);
    const std::string_view tag =
        std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::string charset = CharsetIn(tag);
    if (!charset.empty()) return charset;
    at += 5;
  }
  return "";
}

absl::StatusOr<DecodedHtml> DecodeHtmlBytes(std::string_view name, std::string_view bytes) {
  DecodedHtml out;
  const char* convert_from = nullptr;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out.base = 3;
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    convert_from = "UTF-16LE";
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    convert_from = "UTF-16BE";
    bytes.remove_prefix(2);
  } else {
    const std::string label = PrescanHtmlCharset(bytes);
    // A meta tag claiming UTF-16 cannot be right (it was read as ASCII): browsers use UTF-8.
    if (!label.empty() && !IsUtf8Label(label) && label.rfind("utf-16", 0) != 0) {
      const bool ascii = std::all_of(bytes.begin(), bytes.end(),
                                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      if (!ascii) convert_from = MeansWindows1252(label) ? "windows-1252" : nullptr;
      if (!ascii && !convert_from) {
        absl::StatusOr<std::string> converted = ConvertToUtf8(name, bytes, label.c_str());
        if (!converted.ok()) return converted.status();
        out.converted = *std::move(converted);
        out.note = fmt::format("converted from {}; source offsets refer to its UTF-8 form", label);
        return out;
      }
    }
  }
  if (convert_from) {
    absl::StatusOr<std::string> converted = ConvertToUtf8(name, bytes, convert_from);
    if (!converted.ok()) return converted.status();
    out.converted = *std::move(converted);
    out.note =
        fmt::format("converted from {}; source offsets refer to its UTF-8 form", convert_from);
    return out;
  }
  out.input = bytes.substr(out.base);
  if (const auto bad = text::FindInvalidUtf8(out.input)) {
    const text::LineColumn lc = text::LineColumnAt(out.input, *bad);
    return absl::InvalidArgumentError(
        fmt::format("{}: invalid UTF-8 at line {}, column {} (byte {}); declare the encoding with "
                    "<meta charset=...> if it is not UTF-8",
                    name, lc.line, lc.column, out.base + *bad));
  }
  return out;
}

}  // namespace tw::ingest
