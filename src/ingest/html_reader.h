// HTML (gumbo, walked with an explicit stack): block elements become blocks, inline elements are joined, script/style/nav/header/footer are dropped, entities decoded, ordered-list numbers materialised.
// Meets the SourceText contract of doc/source_text.h; errors name the file (`name`) and the
// position. Pure: reads only `bytes`.
#ifndef TREATYWATCH_INGEST_HTML_READER_H_
#define TREATYWATCH_INGEST_HTML_READER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "doc/source_text.h"
#include "ingest/reader.h"

namespace tw::ingest {

absl::StatusOr<doc::SourceText> ReadHtml(std::string_view name, std::string_view bytes,
                                    const ReadOptions& options);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_HTML_READER_H_
