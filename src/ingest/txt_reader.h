// Plain text (.txt): UTF-8 (a BOM is dropped; UTF-16 with a BOM is decoded), CRLF/CR normalised; blank-line separated paragraphs whose lines are hard-wrapped are re-joined, while files with one paragraph per line (and heading lines like "Article 1" directly followed by a title line) keep their lines.
// Meets the SourceText contract of doc/source_text.h; errors name the file (`name`) and the
// position. Pure: reads only `bytes`.
#ifndef TREATYWATCH_INGEST_TXT_READER_H_
#define TREATYWATCH_INGEST_TXT_READER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "doc/source_text.h"
#include "ingest/reader.h"

namespace tw::ingest {

absl::StatusOr<doc::SourceText> ReadPlainText(std::string_view name, std::string_view bytes,
                                    const ReadOptions& options);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_TXT_READER_H_
