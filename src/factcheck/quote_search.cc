#include "factcheck/quote_search.h"

#include <algorithm>
#include <utility>

namespace tw::factcheck {
namespace {

// How one character of the text folds: `length` bytes of the source become `folded` (' ' for
// whitespace), or stay as they are when `folded` is 0.
struct Folding {
  std::size_t length = 1;
  char folded = 0;
};

Folding Classify(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t k) {
    return at + k < text.size() ? static_cast<unsigned char>(text[at + k]) : 0u;
  };
  const unsigned lead = byte(0);
  switch (lead) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f':
      return {1, ' '};
    case 0xC2:
      if (byte(1) == 0xA0) return {2, ' '};  // no-break space
      return {};
    case 0xE2: {
      const unsigned second = byte(1);
      const unsigned third = byte(2);
      if (second == 0x80) {
        if (third >= 0x80 && third <= 0x8A) return {3, ' '};  // en quad .. hair space
        if (third == 0xA8 || third == 0xA9 || third == 0xAF) return {3, ' '};  // separators, NNBSP
        if (third >= 0x90 && third <= 0x95) return {3, '-'};  // hyphen .. horizontal bar
        if (third >= 0x98 && third <= 0x9B) return {3, '\''};  // single quotes
        if (third >= 0x9C && third <= 0x9F) return {3, '"'};   // double quotes
        if (third == 0xB2) return {3, '\''};                   // prime
        if (third == 0xB3) return {3, '"'};                    // double prime
      } else if (second == 0x81 && third == 0x9F) {
        return {3, ' '};  // medium mathematical space
      } else if (second == 0x88 && third == 0x92) {
        return {3, '-'};  // minus sign
      }
      return {};
    }
    case 0xE3:
      if (byte(1) == 0x80 && byte(2) == 0x80) return {3, ' '};  // ideographic space
      return {};
    default:
      return {};
  }
}

// Calls emit(folded_byte, source_offset) for every byte of the folded form of `text`.
template <typename Emit>
void FoldInto(std::string_view text, Emit&& emit) {
  bool in_space = false;
  std::size_t at = 0;
  while (at < text.size()) {
    const Folding folding = Classify(text, at);
    if (folding.folded == ' ') {
      if (!in_space) emit(' ', at);
      in_space = true;
    } else if (folding.folded != 0) {
      emit(folding.folded, at);
      in_space = false;
    } else {
      emit(text[at], at);
      in_space = false;
    }
    at += folding.length;
  }
}

// Prefix doubling (Manber and Myers) with two stable counting passes per round: after the round
// for k, suffixes are sorted by their first 2k bytes and `rank` numbers the distinct prefixes.
// Stops as soon as every rank is distinct, so ordinary text needs few rounds; at most log2(n).
std::vector<std::uint32_t> BuildSuffixArray(std::string_view text) {
  const std::size_t n = text.size();
  std::vector<std::uint32_t> suffixes(n);
  if (n == 0) return suffixes;
  std::vector<std::uint32_t> rank(n), next_rank(n), by_second(n);
  std::vector<std::uint32_t> count(std::max<std::size_t>(256, n) + 1);
  for (std::size_t i = 0; i < n; ++i) {
    rank[i] = static_cast<unsigned char>(text[i]);
    ++count[rank[i] + 1];
  }
  for (std::size_t c = 1; c <= 256; ++c) count[c] += count[c - 1];
  for (std::size_t i = 0; i < n; ++i) suffixes[count[rank[i]]++] = static_cast<std::uint32_t>(i);
  std::size_t classes = 256;
  for (std::size_t k = 1; k < n; k <<= 1) {
    // Ordered by the second half: suffixes without one first, then the others in the order of
    // the suffix k bytes further on.
    std::size_t filled = 0;
    for (std::size_t i = n - k; i < n; ++i) by_second[filled++] = static_cast<std::uint32_t>(i);
    for (std::size_t j = 0; j < n; ++j) {
      if (suffixes[j] >= k) by_second[filled++] = static_cast<std::uint32_t>(suffixes[j] - k);
    }
    // Stable by the first half.
    std::fill(count.begin(), count.begin() + static_cast<std::ptrdiff_t>(classes) + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++count[rank[i] + 1];
    for (std::size_t c = 1; c <= classes; ++c) count[c] += count[c - 1];
    for (std::size_t j = 0; j < n; ++j) suffixes[count[rank[by_second[j]]]++] = by_second[j];
    const auto second = [&](std::uint32_t i) -> std::int64_t {
      return i + k < n ? static_cast<std::int64_t>(rank[i + k]) : -1;
    };
    next_rank[suffixes[0]] = 0;
    for (std::size_t j = 1; j < n; ++j) {
      const std::uint32_t a = suffixes[j - 1];
      const std::uint32_t b = suffixes[j];
      const bool same = rank[a] == rank[b] && second(a) == second(b);
      next_rank[b] = next_rank[a] + (same ? 0 : 1);
    }
    rank.swap(next_rank);
    classes = rank[suffixes[n - 1]] + 1;
    if (classes == n) break;
  }
  return suffixes;
}

}  // namespace

std::string Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  FoldInto(text, [&out](char c, std::size_t) { out += c; });
  return out;
}

std::string FoldQuote(std::string_view quote) {
  std::string folded = Fold(quote);
  const std::size_t first = folded.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const std::size_t last = folded.find_last_not_of(' ');
  return folded.substr(first, last - first + 1);
}

FoldedText::FoldedText(std::string_view text) {
  folded_.reserve(text.size());
  original_.reserve(text.size() + 1);
  FoldInto(text, [this](char c, std::size_t at) {
    folded_ += c;
    original_.push_back(static_cast<std::uint32_t>(at));
  });
  original_.push_back(static_cast<std::uint32_t>(text.size()));
}

std::size_t FoldedText::FoldedAt(std::size_t original) const {
  const auto it = std::lower_bound(original_.begin(), original_.end(), original);
  if (it == original_.end()) return folded_.size();
  return static_cast<std::size_t>(it - original_.begin());
}

QuoteIndex::QuoteIndex(std::string_view folded) : folded_(folded) {
  if (folded_.size() <= kMaxIndexedBytes) suffixes_ = BuildSuffixArray(folded_);
}

QuoteIndex::Hits QuoteIndex::Find(std::string_view folded_quote, std::size_t limit) const {
  Hits hits;
  if (folded_quote.empty() || folded_quote.size() > folded_.size()) return hits;
  if (suffixes_.size() != folded_.size()) {
    std::vector<std::size_t> all = FindAllIn(folded_, 0, folded_.size(), folded_quote);
    hits.count = all.size();
    if (hits.count <= limit) {
      for (std::size_t at : all) hits.starts.push_back(static_cast<std::uint32_t>(at));
    }
    return hits;
  }
  const std::size_t m = folded_quote.size();
  const auto head = [&](std::uint32_t at) { return folded_.substr(at, m); };
  const auto lo = std::partition_point(suffixes_.begin(), suffixes_.end(), [&](std::uint32_t at) {
    return head(at) < folded_quote;
  });
  const auto hi = std::partition_point(lo, suffixes_.end(), [&](std::uint32_t at) {
    return head(at) == folded_quote;
  });
  hits.count = static_cast<std::size_t>(hi - lo);
  if (hits.count <= limit) {
    hits.starts.assign(lo, hi);
    std::sort(hits.starts.begin(), hits.starts.end());
  }
  return hits;
}

// Knuth-Morris-Pratt: linear in the region and the quote whatever they hold (std::string_view
// ::find is quadratic on "aaa…ab" in "aaa…a", and both strings may come from users).
std::vector<std::size_t> FindAllIn(std::string_view folded, std::size_t begin, std::size_t end,
                                   std::string_view folded_quote) {
  std::vector<std::size_t> starts;
  end = std::min(end, folded.size());
  const std::size_t m = folded_quote.size();
  if (m == 0 || begin >= end || end - begin < m) return starts;
  std::vector<std::size_t> border(m, 0);  // longest proper border of quote[0, i]
  for (std::size_t i = 1, k = 0; i < m; ++i) {
    while (k > 0 && folded_quote[i] != folded_quote[k]) k = border[k - 1];
    if (folded_quote[i] == folded_quote[k]) ++k;
    border[i] = k;
  }
  for (std::size_t at = begin, k = 0; at < end; ++at) {
    while (k > 0 && folded[at] != folded_quote[k]) k = border[k - 1];
    if (folded[at] == folded_quote[k]) ++k;
    if (k == m) {
      starts.push_back(at + 1 - m);
      k = border[k - 1];
    }
  }
  return starts;
}

}  // namespace tw::factcheck
