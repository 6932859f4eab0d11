#include "factcheck/fuzzy_quote.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace tw::factcheck {

FuzzyQuoteFinder::FuzzyQuoteFinder(std::string_view text) : text_(text) {
  for (const compare::Token& token : compare::Tokenize(text_, table_)) {
    if (token.cls != compare::TokenClass::kWord) continue;
    ids_.push_back(token.id);
    begins_.push_back(token.begin);
    ends_.push_back(token.end);
  }
}

std::vector<std::uint32_t> FuzzyQuoteFinder::QuoteIds(std::string_view quote) {
  std::vector<std::uint32_t> ids;
  for (const compare::Token& token : compare::Tokenize(quote, table_)) {
    if (token.cls == compare::TokenClass::kWord) ids.push_back(token.id);
  }
  if (slot_of_id_.size() < table_.size()) slot_of_id_.resize(table_.size(), -1);
  return ids;
}

std::size_t FuzzyQuoteFinder::CountWords(std::string_view quote) { return QuoteIds(quote).size(); }

void FuzzyQuoteFinder::Prefilter(const std::vector<std::uint32_t>& quote, WordRange range,
                                 int max_edits, std::vector<WordRange>& out) {
  const std::size_t m = quote.size();
  const std::size_t span = m + static_cast<std::size_t>(max_edits);
  const int need = static_cast<int>(m) - max_edits;
  int shared = 0;  // words the window shares with the quote, as multisets
  const auto add = [&](std::size_t w) {
    const std::int32_t slot = slot_of_id_[ids_[w]];
    if (slot < 0) return;
    const auto k = static_cast<std::size_t>(slot);
    if (window_counts_[k]++ < quote_counts_[k]) ++shared;
  };
  const auto remove = [&](std::size_t w) {
    const std::int32_t slot = slot_of_id_[ids_[w]];
    if (slot < 0) return;
    const auto k = static_cast<std::size_t>(slot);
    if (--window_counts_[k] < quote_counts_[k]) --shared;
  };
  for (std::size_t w = range.begin; w < std::min(range.end, range.begin + span); ++w) add(w);
  bool open = false;
  WordRange current;
  for (std::size_t s = range.begin; s < range.end; ++s) {
    const std::size_t window_end = std::min(range.end, s + span);
    if (shared >= need) {
      if (open && s <= current.end) {
        current.end = std::max(current.end, window_end);
      } else {
        if (open) out.push_back(current);
        open = true;
        current = {s, window_end};
      }
    }
    remove(s);
    if (s + span < range.end) add(s + span);
  }
  if (open) out.push_back(current);
}

// Sellers: cost_[i] is the fewest edits turning quote[0, i) into a stretch of text ending at
// the current word, start_[i] where that stretch begins. Row 0 is free (the stretch may start
// anywhere); ties keep the diagonal, so stretches stay tight.
void FuzzyQuoteFinder::Align(const std::vector<std::uint32_t>& quote, WordRange range,
                             int max_edits, std::vector<Candidate>& out) {
  const std::size_t m = quote.size();
  cost_.resize(m + 1);
  start_.resize(m + 1);
  for (std::size_t i = 0; i <= m; ++i) {
    cost_[i] = static_cast<int>(i);
    start_[i] = range.begin;
  }
  for (std::size_t p = range.begin; p < range.end; ++p) {
    const std::uint32_t word = ids_[p];
    int diagonal_cost = cost_[0];
    std::size_t diagonal_start = start_[0];
    cost_[0] = 0;
    start_[0] = p + 1;
    for (std::size_t i = 1; i <= m; ++i) {
      const int left_cost = cost_[i];
      const std::size_t left_start = start_[i];
      int best = diagonal_cost + (quote[i - 1] == word ? 0 : 1);
      std::size_t best_start = diagonal_start;
      if (cost_[i - 1] + 1 < best) {
        best = cost_[i - 1] + 1;
        best_start = start_[i - 1];
      }
      if (left_cost + 1 < best) {
        best = left_cost + 1;
        best_start = left_start;
      }
      diagonal_cost = left_cost;
      diagonal_start = left_start;
      cost_[i] = best;
      start_[i] = best_start;
    }
    if (cost_[m] <= max_edits && start_[m] < p + 1) out.push_back({cost_[m], start_[m], p + 1});
  }
}

std::vector<FuzzyMatch> FuzzyQuoteFinder::Find(std::string_view quote,
                                               std::vector<ByteRange> ranges, double floor,
                                               std::size_t near, std::size_t max_matches) {
  std::vector<FuzzyMatch> matches;
  const std::vector<std::uint32_t> quote_ids = QuoteIds(quote);
  const std::size_t m = quote_ids.size();
  if (m == 0 || m > kMaxQuoteWords || max_matches == 0 || ids_.empty()) return matches;
  floor = std::clamp(floor, 0.0, 1.0);
  // A stretch must share at least one word with the quote to count as a place at all.
  const double allowed = std::floor((1.0 - floor) * static_cast<double>(m) + 1e-9);
  const int max_edits = std::min(static_cast<int>(m) - 1, static_cast<int>(allowed));

  // Byte ranges → word ranges holding whole words, merged.
  std::vector<WordRange> words;
  for (const ByteRange& range : ranges) {
    const std::size_t begin = std::min(range.begin, text_.size());
    const std::size_t end = std::min(range.end, text_.size());
    if (begin >= end) continue;
    const std::size_t first = static_cast<std::size_t>(
        std::lower_bound(begins_.begin(), begins_.end(), begin) - begins_.begin());
    const std::size_t last = static_cast<std::size_t>(
        std::upper_bound(ends_.begin(), ends_.end(), end) - ends_.begin());
    if (first < last) words.push_back({first, last});
  }
  std::sort(words.begin(), words.end(),
            [](const WordRange& a, const WordRange& b) { return a.begin < b.begin; });
  std::vector<WordRange> merged;
  for (const WordRange& range : words) {
    if (!merged.empty() && range.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, range.end);
    } else {
      merged.push_back(range);
    }
  }

  // The quote's words as slots with their counts.
  quote_counts_.clear();
  for (std::uint32_t id : quote_ids) {
    if (slot_of_id_[id] < 0) {
      slot_of_id_[id] = static_cast<std::int32_t>(quote_counts_.size());
      quote_counts_.push_back(0);
    }
    ++quote_counts_[static_cast<std::size_t>(slot_of_id_[id])];
  }
  window_counts_.assign(quote_counts_.size(), 0);
  std::vector<WordRange> promising;
  for (const WordRange& range : merged) Prefilter(quote_ids, range, max_edits, promising);
  for (std::uint32_t id : quote_ids) slot_of_id_[id] = -1;

  std::vector<Candidate> candidates;
  for (const WordRange& range : promising) Align(quote_ids, range, max_edits, candidates);
  const auto key = [&](const Candidate& c) {
    const std::size_t length = c.last - c.first;
    const std::size_t from_quote = length > m ? length - m : m - length;
    const std::size_t begin = begins_[c.first];
    const std::size_t distance = begin > near ? begin - near : near - begin;
    return std::make_tuple(c.edits, from_quote, distance, c.first);
  };
  std::sort(candidates.begin(), candidates.end(),
            [&](const Candidate& a, const Candidate& b) { return key(a) < key(b); });
  std::vector<Candidate> chosen;
  for (const Candidate& candidate : candidates) {
    const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const Candidate& c) {
      return candidate.first < c.last && c.first < candidate.last;
    });
    if (overlaps) continue;
    chosen.push_back(candidate);
    if (chosen.size() == max_matches) break;
  }
  for (const Candidate& c : chosen) {
    FuzzyMatch match;
    match.begin = begins_[c.first];
    match.end = ends_[c.last - 1];
    match.edits = c.edits;
    match.similarity = 1.0 - static_cast<double>(c.edits) / static_cast<double>(m);
    matches.push_back(match);
  }
  return matches;
}

}  // namespace tw::factcheck
