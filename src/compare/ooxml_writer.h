// Writing Office Open XML (DOCX) packages: text made safe for XML 1.0, and the zip container with
// its content types and relationships, assembled in memory.
//
// The package is deterministic: members keep the given order and carry a fixed timestamp, so the
// same parts always give the same bytes (reports are compared and cached by hash). Shared by the
// comparison reports (compare/report_docx.h) and the DOCX fixture writer (tools/docx_writer.h).
// Pure functions; thread-safe.
#ifndef TREATYWATCH_COMPARE_OOXML_WRITER_H_
#define TREATYWATCH_COMPARE_OOXML_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "compare/printable_text.h"  // EscapeMarkup: the escaping of every part

namespace tw::compare {

// A member of the zip: its name ("word/document.xml") and bytes.
struct DocxPart {
  std::string name;
  std::string bytes;
};

// Bundles named parts into a zip, in the given order — also used by tests to build hand-written
// documents.
absl::StatusOr<std::string> ZipParts(const std::vector<DocxPart>& parts);

// A part the main document refers to, named after its relationship type: kind "styles" is
// word/styles.xml with content type ...wordprocessingml.styles+xml and relationship type
// .../relationships/styles. The pattern holds for styles, numbering, footnotes, endnotes, settings,
// fontTable and webSettings.
struct WordPart {
  std::string kind;
  std::string xml;
};

// A complete DOCX: [Content_Types].xml, the package and document relationships, word/document.xml
// and the given parts (relationship ids rId1, rId2, ... in their order).
absl::StatusOr<std::string> WriteDocxPackage(const std::string& document_xml,
                                             const std::vector<WordPart>& parts);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_OOXML_WRITER_H_
