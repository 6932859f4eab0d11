// HTML nesting guard: bounds how deep an HTML file can make the parser nest, before gumbo
// sees it.
//
// Why: gumbo builds its tree without recursion, but checks such as "is there a <p> in button
// scope" walk the whole stack of open elements for every start tag, and it frees its tree
// recursively. 100,000 nested <div>s therefore take minutes and may overflow the stack. A
// tree deeper than a few hundred levels is never a real document, so the guard cuts the tags
// that would open element number `max_depth` + 1 and beyond (and their end tags) out of the
// input: their text stays, as text of the deepest element kept.
//
// The guard tokenises like a browser's tokenizer in the ways that matter for counting (comments,
// doctype, quoted attributes, raw-text elements such as <script>, void elements) and models the
// implied end tags of p, li, dt/dd, tr, td/th and option, so ordinary pages lose no tags.
// Formatting elements (<b>, <a>, <font>, ...) count until their own end tag, however other end
// tags close them, because gumbo keeps reopening them ("reconstruct the active formatting
// elements") — that is how "<p><b id=1></p><p><b id=2></p>..." would otherwise explode; at
// most a small fixed number of them stay open, the rest are cut as well.
//
// Pure; linear in the input size (every search is bounded by `max_depth`).
#ifndef TREATYWATCH_INGEST_HTML_NESTING_GUARD_H_
#define TREATYWATCH_INGEST_HTML_NESTING_GUARD_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tw::ingest {

class GuardedHtml {
 public:
  // The input with over-deep tags removed (the input itself when nothing was removed).
  const std::string& text() const { return text_; }
  // Number of tags removed.
  std::size_t cut_tags() const { return cut_tags_; }
  // Offset in the original input of `offset` in text().
  std::size_t OriginalOffset(std::size_t offset) const;
  // The first offset after `offset` in text() where a tag was cut (SIZE_MAX if none): up to
  // there, text() is a copy of the input.
  std::size_t SegmentEnd(std::size_t offset) const;

 private:
  friend GuardedHtml LimitHtmlNesting(std::string_view html, int max_depth);
  struct Segment {
    std::size_t guarded_begin;
    std::size_t original_begin;
  };
  std::string text_;
  std::vector<Segment> segments_;  // sorted; each starts a run copied unchanged
  std::size_t cut_tags_ = 0;
};

GuardedHtml LimitHtmlNesting(std::string_view html, int max_depth);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_HTML_NESTING_GUARD_H_
