// Readers: one source file (txt, md, html, docx, pdf) -> SourceText (see doc/source_text.h
// for the contract every reader meets).
//
// Readers take the file's bytes, not a path, so tests drive them from memory; ReadSourceFile
// is the one place that touches the file system. Every failure is an absl::Status whose
// message names the file and, where known, the position ("draft.docx: word/document.xml:
// line 3, column 7: ...") — it is printed to users as is.
#ifndef TREATYWATCH_INGEST_READER_H_
#define TREATYWATCH_INGEST_READER_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "doc/source_text.h"

namespace tw::ingest {

// Limits that untrusted files control. Exceeding one is a ResourceExhausted error.
struct IngestLimits {
  std::size_t max_file_bytes = 64u << 20;          // a treaty text is < 2 MB; a 200 MB file is a mistake
  std::size_t max_uncompressed_bytes = 256u << 20;  // DOCX zip members (zip bombs)
  int max_xml_depth = 256;                          // DOCX/HTML nesting
  int max_pdf_pages = 5000;
};

enum class TrackedChanges { kAccept, kReject };

struct ReadOptions {
  IngestLimits limits;
  TrackedChanges tracked_changes = TrackedChanges::kAccept;
};

enum class SourceFormat { kText, kMarkdown, kHtml, kDocx, kPdf };
std::string_view SourceFormatName(SourceFormat format);  // "txt", "md", "html", "docx", "pdf"

// Decides the format from the extension, checked against the content's magic bytes: a
// ".docx" that is really a PNG is an error naming both, not a garbled document.
absl::StatusOr<SourceFormat> DetectFormat(std::string_view name, std::string_view bytes);

// The checks every reader makes before looking at the bytes: not empty, not over the
// document size limit. Errors name the file.
absl::Status CheckDocumentBytes(std::string_view name, std::string_view bytes,
                                const IngestLimits& limits);

// `name` is used in messages only.
absl::StatusOr<doc::SourceText> ReadSource(std::string_view name, std::string_view bytes,
                                           SourceFormat format, const ReadOptions& options);

// Reads the file (size-checked before reading), detects the format and reads it.
struct LoadedSource {
  doc::SourceText text;
  SourceFormat format;
  std::string sha256;  // of the file's bytes, lowercase hex
};
absl::StatusOr<LoadedSource> ReadSourceFile(const std::filesystem::path& path,
                                            const ReadOptions& options);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_READER_H_
