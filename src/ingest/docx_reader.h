// DOCX (libzip + pugixml): paragraph text of word/document.xml with Word auto-numbering materialised from word/numbering.xml ("1.", "(a)", "(i)", "Article %1"), footnotes from word/footnotes.xml in the SourceText footnote convention, tracked changes accepted or rejected per ReadOptions.
// Meets the SourceText contract of doc/source_text.h; errors name the file (`name`) and the
// position. Pure: reads only `bytes`.
#ifndef TREATYWATCH_INGEST_DOCX_READER_H_
#define TREATYWATCH_INGEST_DOCX_READER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "doc/source_text.h"
#include "ingest/reader.h"

namespace tw::ingest {

absl::StatusOr<doc::SourceText> ReadDocx(std::string_view name, std::string_view bytes,
                                    const ReadOptions& options);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_DOCX_READER_H_
