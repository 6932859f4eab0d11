#include "reuse/near_duplicate_paragraphs.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

namespace tw::reuse {
namespace {

// Murmur3's finaliser: the bits of a 32-bit value spread over all of them, so that the top bits
// of a bigram's hash choose its bin evenly.
constexpr std::uint32_t Mix32(std::uint32_t x) {
  x ^= x >> 16;
  x *= 0x85ebca6bu;
  x ^= x >> 13;
  x *= 0xc2b2ae35u;
  x ^= x >> 16;
  return x;
}

std::uint64_t BandKey(int band, const MinHashSignature& signature) {
  std::uint64_t key = static_cast<std::uint64_t>(band) << 56;
  for (int row = 0; row < kLshRows; ++row) {
    key = (key ^ signature[band * kLshRows + row]) * 0x100000001b3ull;
    key ^= key >> 31;
  }
  return key;
}

bool LineBreakBetween(std::string_view text, std::uint32_t from, std::uint32_t to) {
  return text.substr(from, to - from).find('\n') != std::string_view::npos;
}

}  // namespace

std::vector<ParagraphSpan> SplitParagraphs(const WordSequence& words, std::string_view text,
                                           const ParagraphOptions& options,
                                           const std::vector<std::int32_t>& units) {
  std::vector<ParagraphSpan> paragraphs;
  const std::int32_t count = static_cast<std::int32_t>(words.size());
  std::int32_t begin = 0;
  for (std::int32_t word = 1; word <= count; ++word) {
    const std::int32_t length = word - begin;
    bool cut = word == count || length >= options.max_words;
    if (!cut && !units.empty() && units[word] != units[word - 1]) cut = true;
    if (!cut && length >= options.min_words &&
        LineBreakBetween(text, words.end[word - 1], words.begin[word])) {
      cut = true;
    }
    if (cut) {
      paragraphs.push_back({begin, word});
      begin = word;
    }
  }
  return paragraphs;
}

MinHashSignature SignatureOf(const WordSequence& words, ParagraphSpan span) {
  // One-permutation MinHash: each bigram is hashed once, its top bits choose one of the
  // kMinHashValues bins and the bin keeps its smallest hash (instead of kMinHashValues hash
  // functions applied to every bigram of every paragraph). Bins no
  // bigram fell into borrow from the next filled bin to their right, offset by the distance
  // (densification by rotation, Shrivastava and Li, ICML 2014), so two sets agree on a bin with
  // probability close to their Jaccard similarity either way.
  constexpr int kBinBits = std::countr_zero(static_cast<unsigned>(kMinHashValues));
  constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  MinHashSignature signature;
  signature.fill(kEmpty);
  for (std::int32_t word = span.begin; word + 1 < span.end; ++word) {
    const std::uint32_t hash = Mix32(words.ids[word] * 0x9e3779b1u + words.ids[word + 1]);
    std::uint32_t& bin = signature[hash >> (32 - kBinBits)];
    bin = std::min(bin, hash);
  }
  int filled = -1;
  for (int k = 0; k < kMinHashValues; ++k) {
    if (signature[k] != kEmpty) filled = k;
  }
  if (filled < 0) return signature;  // no bigram: nothing to borrow
  // Right to left from the last filled bin, wrapping around: the last filled bin passed is the
  // nearest one on the right of each empty bin.
  std::uint32_t borrowed = signature[filled];
  std::uint32_t distance = 0;
  for (int step = 1; step < kMinHashValues; ++step) {
    std::uint32_t& bin = signature[(filled - step + kMinHashValues) % kMinHashValues];
    if (bin == kEmpty) {
      bin = borrowed + ++distance * (1u << (32 - kBinBits));
    } else {
      borrowed = bin;
      distance = 0;
    }
  }
  return signature;
}

double EstimatedSimilarity(const MinHashSignature& a, const MinHashSignature& b) {
  int equal = 0;
  for (int k = 0; k < kMinHashValues; ++k) equal += a[k] == b[k];
  return static_cast<double>(equal) / kMinHashValues;
}

ParagraphLsh::ParagraphLsh(const std::vector<const WordSequence*>& sources,
                           const std::vector<std::string_view>& texts,
                           const ParagraphOptions& options, const WindowOptions& formulae)
    : sources_(sources), options_(options) {
  for (std::size_t s = 0; s < sources_.size(); ++s) {
    for (const ParagraphSpan& span : SplitParagraphs(*sources_[s], texts[s], options_)) {
      if (span.end - span.begin < 2) continue;  // no bigram, no signature
      paragraphs_.push_back({static_cast<std::int32_t>(s), span, SignatureOf(*sources_[s], span)});
    }
  }
  // Every (band value, paragraph) pair sorted by value: a bucket is a run of equal values. (A
  // hash map of vectors, one allocation per distinct band value, cost more than all the rest.)
  std::vector<std::pair<std::uint64_t, std::int32_t>> pairs;
  pairs.reserve(paragraphs_.size() * kLshBands);
  for (std::size_t p = 0; p < paragraphs_.size(); ++p) {
    for (int band = 0; band < kLshBands; ++band) {
      pairs.push_back({BandKey(band, paragraphs_[p].signature), static_cast<std::int32_t>(p)});
    }
  }
  std::sort(pairs.begin(), pairs.end());
  // A band value shared by more paragraphs than the document-frequency band allows is a pair
  // of common bigrams ("of the", "State Party") that happened to be the minimum in both bins,
  // not evidence: its bucket would make every paragraph holding it a candidate of every other.
  const std::size_t max_bucket =
      2 * static_cast<std::size_t>(DocumentFrequencyBand(formulae, sources_.size()));
  for (std::size_t run = 0, run_end = 0; run < pairs.size(); run = run_end) {
    while (run_end < pairs.size() && pairs[run_end].first == pairs[run].first) ++run_end;
    if (run_end - run > max_bucket) continue;
    buckets_.emplace(pairs[run].first, static_cast<std::uint32_t>(bucket_starts_.size()));
    bucket_starts_.push_back(static_cast<std::uint32_t>(bucket_paragraphs_.size()));
    for (std::size_t k = run; k < run_end; ++k) {
      bucket_paragraphs_.push_back(pairs[k].second);
      // Only a paragraph sharing a bucket can have a copy among the sources.
      if (run_end - run > 1) paragraphs_[pairs[k].second].shares_a_bucket = true;
    }
  }
  bucket_starts_.push_back(static_cast<std::uint32_t>(bucket_paragraphs_.size()));
  MarkFormulae(formulae);
}

template <typename Visit>
void ParagraphLsh::ForEachCandidate(const MinHashSignature& signature,
                                    std::vector<std::int32_t>& scratch, Visit visit) const {
  scratch.clear();
  for (int band = 0; band < kLshBands; ++band) {
    const auto bucket = buckets_.find(BandKey(band, signature));
    if (bucket == buckets_.end()) continue;
    scratch.insert(scratch.end(), bucket_paragraphs_.begin() + bucket_starts_[bucket->second],
                   bucket_paragraphs_.begin() + bucket_starts_[bucket->second + 1]);
  }
  std::sort(scratch.begin(), scratch.end());
  scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
  for (const std::int32_t p : scratch) visit(p);
}

void ParagraphLsh::MarkFormulae(const WindowOptions& formulae) {
  const int band = DocumentFrequencyBand(formulae, sources_.size());
  std::vector<std::int32_t> scratch;
  std::vector<std::int32_t> holding_sources;
  for (std::size_t p = 0; p < paragraphs_.size(); ++p) {
    IndexedParagraph& paragraph = paragraphs_[p];
    if (!paragraph.shares_a_bucket) continue;
    int copies_in_source = 0;  // itself included
    holding_sources.clear();
    ForEachCandidate(paragraph.signature, scratch, [&](std::int32_t other) {
      const IndexedParagraph& copy = paragraphs_[other];
      if (EstimatedSimilarity(paragraph.signature, copy.signature) < options_.copy_similarity) {
        return;
      }
      if (copy.source == paragraph.source) ++copies_in_source;
      holding_sources.push_back(copy.source);
    });
    std::sort(holding_sources.begin(), holding_sources.end());
    const auto distinct = std::unique(holding_sources.begin(), holding_sources.end());
    paragraph.formula = copies_in_source > formulae.max_occurrences_in_document ||
                        distinct - holding_sources.begin() > band;
  }
}

std::vector<CandidateWindow> ParagraphLsh::Windows(
    const WordSequence& draft, std::string_view draft_text,
    const std::vector<std::int32_t>& draft_units) const {
  std::vector<CandidateWindow> windows;
  std::vector<std::int32_t> candidates;
  for (const ParagraphSpan& span : SplitParagraphs(draft, draft_text, options_, draft_units)) {
    if (span.end - span.begin < 2) continue;
    const MinHashSignature signature = SignatureOf(draft, span);
    ForEachCandidate(signature, candidates, [&](std::int32_t p) {
      const IndexedParagraph& paragraph = paragraphs_[p];
      if (paragraph.formula) return;
      if (EstimatedSimilarity(signature, paragraph.signature) < options_.min_similarity) return;
      const std::int32_t source_words =
          static_cast<std::int32_t>(sources_[paragraph.source]->size());
      CandidateWindow window;
      window.source = paragraph.source;
      window.draft_begin = span.begin;
      window.draft_end = span.end;
      window.source_begin = std::max(0, paragraph.span.begin - options_.margin);
      window.source_end = std::min(source_words, paragraph.span.end + options_.margin);
      windows.push_back(window);
    });
  }
  std::sort(windows.begin(), windows.end(), [](const CandidateWindow& x, const CandidateWindow& y) {
    return std::tuple(x.source, x.draft_begin, x.source_begin) <
           std::tuple(y.source, y.draft_begin, y.source_begin);
  });
  return windows;
}

}  // namespace tw::reuse
