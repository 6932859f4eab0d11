// BlockWriter: the last step every non-PDF reader shares. A reader hands it the text of one
// block as runs with their source offsets; BlockWriter cleans the block into the SourceText
// form (see doc/source_text.h) and appends it with its spans.
//
// Clean-up, per block: every kind of white space (tabs, line breaks, no-break and other
// Unicode spaces) becomes one ' ' and runs of them collapse; soft hyphens, zero-width spaces,
// byte order marks, word joiners and control characters are dropped; the block is trimmed and
// NFC-normalised; a block made only of five or more '_' becomes the canonical footnote
// separator "__________". An empty block adds nothing, so readers may end blocks freely.
//
// Spans stay exact for runs added with AddText (each kept byte maps to its own source byte,
// also after a dropped character); AddSynthetic text (labels, separators, decoded entities)
// maps to one source offset. When NFC changes a block, its spans map each run to its start.
//
// Not thread-safe; one writer per read. Input runs should be valid UTF-8; an invalid byte is
// replaced by U+FFFD rather than trusted.
#ifndef TREATYWATCH_INGEST_BLOCK_WRITER_H_
#define TREATYWATCH_INGEST_BLOCK_WRITER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "doc/source_text.h"

namespace tw::ingest {

// The separator line SourceText puts before footnote bodies.
inline constexpr std::string_view kFootnoteSeparator = "__________";

class BlockWriter {
 public:
  // Text whose bytes are a copy of the source from `source_begin` on.
  void AddText(std::string_view text, std::size_t source_begin);
  // Text the reader made (a list label, "[3]", an entity's expansion): all of it maps to
  // `source_at`.
  void AddSynthetic(std::string_view text, std::size_t source_at);
  // A word separator (collapses with neighbouring white space; dropped at block edges).
  void AddSpace(std::size_t source_at);
  // Ends the current block; a block with no visible character adds nothing.
  void EndBlock();
  // True when the current block has no visible character yet.
  bool BlockEmpty() const { return pieces_.empty(); }
  // Number of blocks written so far.
  std::size_t block_count() const { return block_count_; }
  void AddNote(std::string note) { builder_.AddNote(std::move(note)); }
  // Ends the current block and returns the text (page_count 0). The writer is reset.
  doc::SourceText Finish();

 private:
  struct Piece {
    std::string text;
    std::size_t source_begin = 0;
    bool exact = false;
  };
  void Add(std::string_view text, std::size_t source_begin, bool exact);
  void Emit(std::string_view bytes, std::size_t source, bool exact);

  doc::SourceTextBuilder builder_;
  std::vector<Piece> pieces_;
  bool pending_space_ = false;
  std::size_t pending_space_source_ = 0;
  std::size_t block_count_ = 0;
};

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_BLOCK_WRITER_H_
