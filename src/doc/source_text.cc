#include "doc/source_text.h"

#include <algorithm>

namespace tw::doc {
namespace {

const SourceSpan* SpanAt(const std::vector<SourceSpan>& spans, std::size_t offset) {
  if (spans.empty()) return nullptr;
  auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                             [](std::size_t o, const SourceSpan& s) { return o < s.text_begin; });
  if (it == spans.begin()) return &spans.front();
  return &*(it - 1);
}

}  // namespace

int SourceText::PageAt(std::size_t offset) const {
  const SourceSpan* span = SpanAt(spans, offset);
  return span ? span->page : 0;
}

std::size_t SourceText::SourceOffsetAt(std::size_t offset) const {
  const SourceSpan* span = SpanAt(spans, offset);
  if (!span) return offset;
  return span->source_begin + (offset - span->text_begin);
}

void SourceTextBuilder::Append(std::string_view run, std::size_t source_begin, int page) {
  if (run.empty()) return;
  const std::size_t at = result_.text.size();
  auto& spans = result_.spans;
  // Extend the previous span when the new run continues it exactly; keeps maps small.
  const bool continues = !spans.empty() && spans.back().page == page &&
                         spans.back().source_begin + (at - spans.back().text_begin) == source_begin;
  if (!continues) {
    if (!spans.empty() && spans.back().text_begin == at) spans.pop_back();
    spans.push_back({at, source_begin, page});
  }
  result_.text.append(run);
}

void SourceTextBuilder::EndBlock() {
  if (!AtBlockStart()) result_.text.push_back('\n');
}

SourceText SourceTextBuilder::Finish(int page_count) {
  while (!result_.text.empty() && result_.text.back() == '\n') result_.text.pop_back();
  while (!result_.spans.empty() && result_.spans.back().text_begin >= result_.text.size() &&
         result_.spans.size() > 1) {
    result_.spans.pop_back();
  }
  if (result_.spans.empty()) result_.spans.push_back({0, 0, page_count > 0 ? 1 : 0});
  result_.page_count = page_count;
  SourceText out = std::move(result_);
  result_ = SourceText{};
  return out;
}

}  // namespace tw::doc
