// Markdown (.md, CommonMark + GFM via cmark-gfm): headings, paragraphs and list items become blocks; emphasis and links are reduced to their text; ordered-list numbers are materialised as printed ("1."), and footnotes ([^1]) follow the SourceText footnote convention.
// Meets the SourceText contract of doc/source_text.h; errors name the file (`name`) and the
// position. Pure: reads only `bytes`.
#ifndef TREATYWATCH_INGEST_MARKDOWN_READER_H_
#define TREATYWATCH_INGEST_MARKDOWN_READER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "doc/source_text.h"
#include "ingest/reader.h"

namespace tw::ingest {

absl::StatusOr<doc::SourceText> ReadMarkdown(std::string_view name, std::string_view bytes,
                                    const ReadOptions& options);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_MARKDOWN_READER_H_
