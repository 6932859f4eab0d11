// BuildDocument: one source file -> a complete doc::Document (text, spans, provision tree,
// cross-references, warnings) ready to be stored. The step every front end (CLI, server)
// shares between "a file arrived" and Store::PutDocument.
//
// Pure apart from reading the file through ReadSourceFile. Metadata the user gave is
// validated here so that a bad --date or --kind is reported before anything is read.
#ifndef TREATYWATCH_INGEST_DOCUMENT_BUILDER_H_
#define TREATYWATCH_INGEST_DOCUMENT_BUILDER_H_

#include <filesystem>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "doc/document.h"
#include "ingest/reader.h"

namespace tw::ingest {

// Checks kind, date (a real calendar date, YYYY-MM-DD), language (2–3 letter code) and
// session. Empty fields are allowed; they are filled in or left unknown.
absl::Status ValidateMeta(const doc::DocumentMeta& meta);

// Reads and parses `path`. `meta` supplies what the user said; the result's meta adds format,
// sha256, page_count, source_name, and a title taken from the text when none was given.
absl::StatusOr<doc::Document> BuildDocument(const std::filesystem::path& path,
                                            const doc::DocumentMeta& meta,
                                            const ReadOptions& options);

// The same from a SourceText already read (tests, uploads held in memory).
doc::Document BuildDocumentFromSource(doc::SourceText source, const doc::DocumentMeta& meta);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_DOCUMENT_BUILDER_H_
