// The HTML of a stored document as the reader and outline pages show it, rendered once per
// document (document_cache.h) because stored documents never change.
//
// The reader shows every provision in document order: id = its path, a "¶" permalink
// (/documents/ID/read#PATH, also copyable through data-copy), headings, and the provision's own
// text in an element carrying data-doc="ID" data-path="PATH" whose text content is exactly
// the stored own text (Provision::text), so a selection inside it gives the stored words.
// Square-bracketed spans — the document's BracketSpans, found by doc/bracket_scanner.h at
// ingest — are wrapped in <span class="bracket">, nested as they nest, without changing the
// text content. Every piece of document text is escaped (compare::EscapeMarkup).
//
// Pure; thread-safe.
#ifndef TREATYWATCH_SERVER_READER_VIEW_H_
#define TREATYWATCH_SERVER_READER_VIEW_H_

#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace tw::server {

// The provisions of `document`, as the reader's body.
std::string RenderReaderHtml(const doc::Document& document);

// The outline: nested lists of the structural divisions, articles and footnotes, each
// linking into the reader.
std::string RenderOutlineHtml(const doc::Document& document);

// Provision::text with the document's bracket spans marked: the byte ranges of `node.text`
// that lie inside each span (outermost first), found by locating the own text's lines in the
// document text. Exposed for tests.
struct TextRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<TextRange> BracketRangesInOwnText(const doc::Document& document,
                                              const doc::Provision& node);

// The permalink of a provision: /documents/ID/read#PATH.
std::string ProvisionPermalink(std::int64_t document_id, std::string_view path);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_READER_VIEW_H_
