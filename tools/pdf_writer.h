// UN-style PDF fixtures from canonical text (one block per line, as the corpus .txt files and
// SourceText are written), so the PDF reader can be tested on documents whose right text is
// known.
//
// The layout imitates a UN document: A4 pages; body paragraphs left-aligned with a first-line
// indent; "Article 5" / "Chapter II" / "Annex" / "Preamble" headings and the title line after
// them centred in bold with space before; on every page but the first a running header with the
// title (wrapped, up to three lines) and the document symbol on its last line; on every page a
// footer with the job number "25-01234 (E)" and the page number "n/N", on the first page also
// the job barcode "*2501234*". "[n]" marks in the text whose bodies are in the trailing
// "__________" block become superscript numbers, and the bodies are set at the bottom of the
// page in a smaller font below a separator line.
//
// Words that do not fit at a line end are broken with a hyphen where the reader can tell the
// break from a real hyphen without a dictionary (see ingest/layout_hyphenation.h): a compound
// breaks after its own hyphen when one of its parts is a word of the document or the second
// part is capitalised; any other word of eight letters or more breaks between letters when
// neither fragment is itself a word of the document. Everything else moves to the next line.
//
// Uses cairo's PDF surface and toy text API with DejaVu Serif (fonts-dejavu-core).
// Not thread-safe (cairo's toy font API shares caches); one call at a time.
#ifndef TREATYWATCH_TOOLS_PDF_WRITER_H_
#define TREATYWATCH_TOOLS_PDF_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace tw::tools {

struct UnPdfOptions {
  std::string symbol = "TW/DOC/1";
  std::string job = "25-01234";
  std::string title;  // running header title; empty: the text's first line
};

// Where one non-empty line of the input ended up: its first and last page (1-based).
struct LinePages {
  int first = 0;
  int last = 0;
};

// `name` is used in messages only. The result is the PDF file's bytes. When `line_pages` is
// given, it receives one entry per non-empty input line, in order (the footnote separator and
// each footnote are on the page of the footnote's first reference).
absl::StatusOr<std::string> WriteUnStylePdf(std::string_view name, std::string_view text,
                                            const UnPdfOptions& options,
                                            std::vector<LinePages>* line_pages = nullptr);

}  // namespace tw::tools

#endif  // TREATYWATCH_TOOLS_PDF_WRITER_H_
