// HTML bytes -> UTF-8 text for the HTML parser. The encoding comes from a byte order mark,
// else from a <meta charset> or <meta http-equiv="Content-Type"> in the first 1024 bytes (the
// HTML prescan), else UTF-8 is assumed and checked. Labels map as browsers map them
// (iso-8859-1, latin1 and us-ascii mean windows-1252); anything else ICU knows is converted
// with ucnv. Text that needed converting has offsets in its UTF-8 form (a note says so);
// UTF-8 input keeps exact source offsets.
// Pure; thread-safe.
#ifndef TREATYWATCH_INGEST_HTML_CHARSET_H_
#define TREATYWATCH_INGEST_HTML_CHARSET_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace tw::ingest {

struct DecodedHtml {
  std::string converted;   // owns the text when it was converted
  std::string_view input;  // else the UTF-8 text, a view of the input bytes
  std::size_t base = 0;    // source offset of text() [0] when not converted (after a BOM)
  std::string note;        // what was converted, for SourceText::notes; empty if nothing was
  // The UTF-8 text (a view taken on demand: a stored view of `converted` would dangle once
  // the struct moves).
  std::string_view text() const { return note.empty() ? input : std::string_view(converted); }
  bool was_converted() const { return !note.empty(); }
};

// The charset label a <meta> tag declares in the first 1024 bytes, lowercased; "" if none.
std::string PrescanHtmlCharset(std::string_view bytes);

// `name` is used in messages. Invalid UTF-8 (when UTF-8 is in force) is an error naming the
// line, column and byte.
absl::StatusOr<DecodedHtml> DecodeHtmlBytes(std::string_view name, std::string_view bytes);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_HTML_CHARSET_H_
