// PDF (poppler-cpp): text with page numbers kept, and the clean-up UN documents need: running headers and footers, page numbers ("3/46"), document symbols and job numbers repeated on pages ("A/RES/79/243", "24-24621", "V.23-12345") are dropped; lines wrapped by the layout are re-joined into paragraphs; hyphenation at line ends is undone.
// Meets the SourceText contract of doc/source_text.h; errors name the file (`name`) and the
// position. Pure: reads only `bytes`.
#ifndef TREATYWATCH_INGEST_PDF_READER_H_
#define TREATYWATCH_INGEST_PDF_READER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "doc/source_text.h"
#include "ingest/reader.h"

namespace tw::ingest {

absl::StatusOr<doc::SourceText> ReadPdf(std::string_view name, std::string_view bytes,
                                    const ReadOptions& options);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_PDF_READER_H_
