#include "doc/bracket_scanner.h"

#include <algorithm>

namespace tw::doc {
namespace {

constexpr int kMaxMarkerDigits = 3;

// Length of an editorial ellipsis starting at `at` ("[…]", "[...]", "[. . .]"), 0 if none.
std::size_t EllipsisLength(std::string_view text, std::size_t at) {
  for (std::string_view e :
       {std::string_view("[…]"), std::string_view("[...]"), std::string_view("[. . .]")}) {
    if (text.substr(at, e.size()) == e) return e.size();
  }
  return 0;
}

// "[12]" at `at`: its number, and its length through `*length`; 0 if not digits in brackets.
int BracketedNumber(std::string_view text, std::size_t at, std::size_t* length) {
  std::size_t i = at + 1;
  int value = 0;
  while (i < text.size() && i - at - 1 < kMaxMarkerDigits + 1 && text[i] >= '0' && text[i] <= '9') {
    value = value * 10 + (text[i] - '0');
    ++i;
  }
  const std::size_t digits = i - at - 1;
  if (digits == 0 || digits > kMaxMarkerDigits || i >= text.size() || text[i] != ']') return 0;
  *length = i + 1 - at;
  return value;
}

class Scanner {
 public:
  Scanner(std::string_view text, const std::vector<TextRange>& skips,
          const std::function<bool(int)>& footnote_exists, const BracketScanOptions& options,
          BracketScan* out)
      : text_(text),
        skips_(skips),
        footnote_exists_(footnote_exists),
        options_(options),
        out_(out) {}

  void ScanSegment(TextRange segment) {
    const std::size_t end = std::min(segment.end, text_.size());
    std::size_t i = segment.begin;
    while (i < end) {
      const char c = text_[i];
      if (c != '[' && c != ']') {
        ++i;
        continue;
      }
      // Skip ranges are consulted only at brackets: most bytes are neither.
      while (skip_ < skips_.size() && skips_[skip_].end <= i) ++skip_;
      if (skip_ < skips_.size() && skips_[skip_].begin <= i) {
        i = skips_[skip_].end;
        continue;
      }
      if (c == '[') {
        i = Open(i, end);
        continue;
      }
      if (c == ']') Close(i);
      ++i;
    }
    for (std::size_t open : stack_) Problem(BracketProblem::Kind::kUnclosed, open);
    stack_.clear();
    overflow_ = 0;
  }

 private:
  std::size_t Open(std::size_t i, std::size_t end) {
    if (const std::size_t n = EllipsisLength(text_, i); n > 0 && i + n <= end) return i + n;
    std::size_t length = 0;
    const int number = BracketedNumber(text_, i, &length);
    if (number > 0 && i + length <= end) {
      const bool glued =
          i > 0 && text_[i - 1] != ' ' && text_[i - 1] != '\n' && text_[i - 1] != '[';
      if (glued || (footnote_exists_ && footnote_exists_(number))) {
        out_->markers.push_back({i, i + length, number});
        return i + length;
      }
    }
    if (static_cast<int>(stack_.size()) >= options_.max_depth) {
      if (overflow_ == 0) Problem(BracketProblem::Kind::kTooDeep, i);
      ++overflow_;
    } else {
      stack_.push_back(i);
    }
    return i + 1;
  }

  void Close(std::size_t i) {
    if (overflow_ > 0) {
      --overflow_;
      return;
    }
    if (stack_.empty()) {
      Problem(BracketProblem::Kind::kUnopened, i);
      return;
    }
    const std::size_t begin = stack_.back();
    const int depth = static_cast<int>(stack_.size());
    stack_.pop_back();
    out_->spans.push_back({begin, i + 1, depth});
  }

  void Problem(BracketProblem::Kind kind, std::size_t offset) {
    if (out_->problems.size() < options_.max_problems) {
      out_->problems.push_back({kind, offset});
    } else {
      ++out_->problems_dropped;
    }
  }

  std::string_view text_;
  const std::vector<TextRange>& skips_;
  const std::function<bool(int)>& footnote_exists_;
  const BracketScanOptions& options_;
  BracketScan* out_;
  std::vector<std::size_t> stack_;
  std::size_t overflow_ = 0;
  std::size_t skip_ = 0;
};

}  // namespace

BracketScan ScanBrackets(std::string_view text, const std::vector<TextRange>& segments,
                         const std::vector<TextRange>& skips,
                         const std::function<bool(int)>& footnote_exists,
                         const BracketScanOptions& options) {
  BracketScan out;
  Scanner scanner(text, skips, footnote_exists, options, &out);
  for (const TextRange& segment : segments) scanner.ScanSegment(segment);
  // Spans close inner-first; order them by where they open, outer before inner.
  std::sort(out.spans.begin(), out.spans.end(), [](const BracketSpan& a, const BracketSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.depth < b.depth;
  });
  std::sort(out.problems.begin(), out.problems.end(),
            [](const BracketProblem& a, const BracketProblem& b) { return a.offset < b.offset; });
  return out;
}

}  // namespace tw::doc
