#include "store/search_syntax.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace tw::store {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Ill-formed UTF-8 and control characters (NUL included) become spaces, so that everything
// after this point is valid, printable text.
std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t at = 0;
  while (at < length) {
    const std::int32_t start = at;
    UChar32 c = 0;
    U8_NEXT(bytes, at, length, c);
    if (c < 0x20 || c == 0x7f) {
      out.push_back(' ');
    } else {
      out.append(
          text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(at - start)));
    }
  }
  return out;
}

// True when the full-text tokenizers would find a word in `text`: the same categories
// (letters, numbers, private use) that SQLite's unicode61 tokenizer treats as token characters.
bool HasWordCharacter(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t at = 0;
  while (at < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, at, length, c);
    if (c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_CO_MASK)) != 0) {
      return true;
    }
  }
  return false;
}

struct Item {
  SearchTerm term;
  bool is_or = false;
  bool negated = false;
};

}  // namespace

absl::StatusOr<SearchExpression> ParseSearchText(std::string_view raw) {
  if (raw.size() > kMaxSearchQueryBytes) {
    return absl::InvalidArgumentError(
        fmt::format("search: the query is {} bytes long; at most {} are allowed", raw.size(),
                    kMaxSearchQueryBytes));
  }
  const std::string text = ReplaceInvalidUtf8(raw);
  const std::size_t n = text.size();
  std::vector<Item> items;
  std::size_t terms = 0;
  std::size_t at = 0;
  while (at < n) {
    if (IsSpace(text[at])) {
      ++at;
      continue;
    }
    Item item;
    if (text[at] == '-' && at + 1 < n && !IsSpace(text[at + 1])) {
      item.negated = true;
      ++at;
    }
    if (text[at] == '"') {
      const std::size_t close = text.find('"', at + 1);
      const std::size_t stop = close == std::string::npos ? n : close;
      item.term.text = text.substr(at + 1, stop - at - 1);
      item.term.phrase = true;
      at = close == std::string::npos ? n : close + 1;
      while (at < n && text[at] == '*') {
        item.term.prefix = true;
        ++at;
      }
    } else {
      std::size_t stop = at;
      while (stop < n && !IsSpace(text[stop]) && text[stop] != '"') ++stop;
      std::string_view word = std::string_view(text).substr(at, stop - at);
      at = stop;
      while (!word.empty() && word.back() == '*') {
        item.term.prefix = true;
        word.remove_suffix(1);
      }
      if (!item.negated && !item.term.prefix && word == "OR") {
        item.is_or = true;
        items.push_back(std::move(item));
        continue;
      }
      item.term.text = std::string(word);
    }
    if (!HasWordCharacter(item.term.text)) continue;
    if (++terms > kMaxSearchTerms) {
      return absl::InvalidArgumentError(
          fmt::format("search: the query has more than {} terms", kMaxSearchTerms));
    }
    items.push_back(std::move(item));
  }

  SearchExpression expression;
  bool last_was_required = false;
  bool or_pending = false;
  for (Item& item : items) {
    if (item.is_or) {
      // OR joins two required terms; at the start, or after an exclusion, it means nothing.
      or_pending = last_was_required;
    } else if (item.negated) {
      expression.none_of.push_back(std::move(item.term));
      last_was_required = false;
      or_pending = false;
    } else {
      if (or_pending) {
        expression.all_of.back().any_of.push_back(std::move(item.term));
      } else {
        expression.all_of.push_back(SearchClause{{std::move(item.term)}});
      }
      last_was_required = true;
      or_pending = false;
    }
  }
  return expression;
}

}  // namespace tw::store
