// Document: one text of a negotiation (a draft, a proposal, a statement, a reference
// instrument) with its metadata, the stored normalised text and the structure parsed from it.
//
// Documents are values: analyses take them by const reference and never do I/O. The store
// persists them; `text` is the exact string every offset in the tree refers to.
#ifndef TREATYWATCH_DOC_DOCUMENT_H_
#define TREATYWATCH_DOC_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "doc/provision.h"
#include "doc/source_text.h"

namespace tw::doc {

// The kinds of text a negotiation produces.
inline constexpr std::string_view kDocumentKinds[] = {"draft",     "final",     "proposal",
                                                      "statement", "reference", "analysis"};
bool IsDocumentKind(std::string_view kind);

// A reference from inside the text to a provision ("article 24", "paragraph 2 of this
// article", "articles 7 to 11"). Targets are provision paths of this document, or of another
// instrument when `instrument` names one ("article 15 of the Budapest Convention").
struct CrossReference {
  std::string from_path;             // the provision whose text holds the reference
  std::size_t begin = 0, end = 0;    // document offsets of the reference words
  std::string text;                  // the words, e.g. "paragraph 2 of this article"
  std::vector<std::string> targets;  // resolved paths, e.g. {"art24.p2"}; empty if unresolved
  std::string instrument;            // empty: this document
};

// Something the parser or a reader found odd. Never fatal: documents are never refused.
struct ParseWarning {
  std::size_t offset = 0;  // document offset
  int line = 0;            // 1-based line of `text`
  std::string message;
  bool matters = true;  // false for purely informational notes (tests allow those)
};

struct DocumentMeta {
  std::int64_t id = 0;  // 0 until stored
  std::string symbol;   // "A/AC.291/22"; may be empty
  std::string title;
  std::string kind = "reference";
  std::string date;  // YYYY-MM-DD or empty
  std::string lang = "en";
  std::string instrument;  // name of the instrument this text belongs to; may be empty
  int version = 0;         // position in the instrument's version chain (1-based), 0 if none
  int session = 0;         // negotiating session number, 0 if unknown
  std::vector<std::string> authors;
  std::string source_name;  // file name as given at ingest
  std::string format;       // "txt", "md", "html", "docx", "pdf"
  std::string sha256;       // of the source file's bytes, lowercase hex
  int page_count = 0;
  std::string ingested_at;  // ISO 8601 UTC, set by the store
};

struct Document {
  DocumentMeta meta;
  std::string text;  // SourceText::text as ingested
  std::vector<SourceSpan> spans;
  Provision root;
  std::vector<CrossReference> references;
  std::vector<ParseWarning> warnings;

  // The printed name to cite: symbol, else title.
  std::string CiteName() const { return meta.symbol.empty() ? meta.title : meta.symbol; }
};

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_DOCUMENT_H_
