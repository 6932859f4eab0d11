#include <algorithm>
#include <cctype>
#include <string>

#include <fmt/format.h>
#include "ingest/reader.h"

namespace tw::ingest {
namespace {

std::string LowerExtension(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  const std::size_t slash = name.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// What the first bytes say the file is, for naming the mismatch in an error.
std::string_view SniffMagic(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts("%PDF-")) return "PDF";
  if (starts("PK\x03\x04")) return "ZIP";
  if (starts("\x89PNG\r\n\x1a\n")) return "PNG";
  if (starts("\xFF\xD8\xFF")) return "JPEG";
  if (starts("GIF8")) return "GIF";
  if (starts("\xD0\xCF\x11\xE0")) return "legacy MS Office (OLE)";
  if (starts("{\\rtf")) return "RTF";
  if (starts("\x1F\x8B")) return "gzip";
  return "";
}

}  // namespace

std::string_view SourceFormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::kText: return "txt";
    case SourceFormat::kMarkdown: return "md";
    case SourceFormat::kHtml: return "html";
    case SourceFormat::kDocx: return "docx";
    case SourceFormat::kPdf: return "pdf";
  }
  return "txt";
}

absl::StatusOr<SourceFormat> DetectFormat(std::string_view name, std::string_view bytes) {
  const std::string ext = LowerExtension(name);
  const std::string_view magic = SniffMagic(bytes);
  auto mismatch = [&](std::string_view expected) {
    return absl::InvalidArgumentError(
        fmt::format("{}: not a {} file (its content is {})", name, expected,
                    magic.empty() ? std::string_view("something else") : magic));
  };
  if (ext == "pdf") {
    if (magic != "PDF") return mismatch("PDF");
    return SourceFormat::kPdf;
  }
  if (ext == "docx") {
    if (magic != "ZIP") return mismatch("DOCX (zip)");
    return SourceFormat::kDocx;
  }
  SourceFormat text_format;
  if (ext == "txt" || ext == "text" || ext.empty()) {
    text_format = SourceFormat::kText;
  } else if (ext == "md" || ext == "markdown") {
    text_format = SourceFormat::kMarkdown;
  } else if (ext == "html" || ext == "htm" || ext == "xhtml") {
    text_format = SourceFormat::kHtml;
  } else if (ext == "doc") {
    return absl::InvalidArgumentError(
        fmt::format("{}: legacy Word .doc is not supported; save it as .docx or PDF", name));
  } else {
    return absl::InvalidArgumentError(fmt::format(
        "{}: unknown file type '.{}' (expected .txt, .md, .html, .docx or .pdf)", name, ext));
  }
  if (!magic.empty()) return mismatch(SourceFormatName(text_format));
  return text_format;
}

}  // namespace tw::ingest
