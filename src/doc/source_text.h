// SourceText: the plain text a reader extracted from one source file, in the one form the
// structure parser reads, with a map from every byte back to where it came from.
//
// Contract for every reader (txt, md, html, docx, pdf):
//   * `text` is valid UTF-8 in NFC, one block per line: a block is a heading line
//     ("Article 5", "Chapter II", a title line) or a whole paragraph, however it was wrapped
//     in the source. Lines are separated by a single '\n'; there are no empty lines, no
//     leading/trailing spaces on a line, no tabs, no form feeds, no soft hyphens.
//   * Footnote references stay inline as "[n]"; footnote bodies come last, after one line
//     "__________", each as a line "[n] body". The parser turns them into footnotes.
//   * `spans` is sorted by `text_begin`, starts at 0, and maps every text offset to the
//     source: offset t inside span s came from `s.source_begin + (t - s.text_begin)` (exact
//     for copied runs; a run that clean-up rewrote maps to its start) and from page `s.page`.
//   * Page numbers are 1-based; formats without pages use page 0 throughout.
// Value type; not thread-safe to mutate, safe to share once built.
#ifndef TREATYWATCH_DOC_SOURCE_TEXT_H_
#define TREATYWATCH_DOC_SOURCE_TEXT_H_

#include <cstddef>
#include <string>
#include <vector>

namespace tw::doc {

struct SourceSpan {
  std::size_t text_begin = 0;
  std::size_t source_begin = 0;
  int page = 0;
};

struct SourceText {
  std::string text;
  std::vector<SourceSpan> spans;
  int page_count = 0;
  // What a reader noticed and decided (e.g. "3 tracked insertions accepted"); shown by
  // `show --warnings`.
  std::vector<std::string> notes;

  // Page of the byte at `offset` (0 when the format has no pages).
  int PageAt(std::size_t offset) const;
  // Byte offset in the source file (or in the reader's decoded stream) of text `offset`.
  std::size_t SourceOffsetAt(std::size_t offset) const;
};

// Builds a SourceText block by block, keeping `spans` consistent with `text`.
class SourceTextBuilder {
 public:
  // Appends a run of text copied from `source_begin` on `page`. Does not insert separators.
  void Append(std::string_view run, std::size_t source_begin, int page);
  // Ends the current block (adds '\n' unless the text is empty or already ends a block).
  void EndBlock();
  std::size_t size() const { return result_.text.size(); }
  bool AtBlockStart() const { return result_.text.empty() || result_.text.back() == '\n'; }
  // Finishes: drops a trailing '\n', sets page_count. The builder is empty afterwards.
  SourceText Finish(int page_count);
  void AddNote(std::string note) { result_.notes.push_back(std::move(note)); }

 private:
  SourceText result_;
};

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_SOURCE_TEXT_H_
