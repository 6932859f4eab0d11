#include "factcheck/reanchor.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "factcheck/fuzzy_quote.h"
#include "factcheck/provision_alignment.h"
#include "factcheck/quote_search.h"
#include "text/text_clip.h"
#include "text/utf8.h"

namespace tw::factcheck {
namespace {

// A quote more common than this is ranked only where it is inside its aligned provision or
// article (a one-word quote occurs thousands of times; ranking every place buys nothing).
constexpr std::size_t kMaxExactCandidates = 4096;
// Places listed for an ambiguous anchor.
constexpr std::size_t kMaxAlternatives = 8;
// An aligned provision longer than this is searched fuzzily only this much around the expected
// place (the window covers the rest of the neighbourhood).
constexpr std::size_t kMaxFuzzyRegionBytes = 64 * 1024;

bool IsUtf8Boundary(std::string_view text, std::size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

std::size_t Distance(std::size_t a, std::size_t b) { return a > b ? a - b : b - a; }

// The deepest provision whose range holds [start, end); null when only the root does. A loop,
// not recursion: trees come from untrusted documents.
const doc::Provision* DeepestContaining(const doc::Provision& root, std::size_t start,
                                        std::size_t end) {
  const doc::Provision* deepest = nullptr;
  const doc::Provision* node = &root;
  while (true) {
    const doc::Provision* next = nullptr;
    for (const doc::Provision& child : node->children) {
      if (child.begin <= start && end <= child.end) {
        next = &child;
        break;
      }
    }
    if (next == nullptr) return deepest;
    deepest = next;
    node = next;
  }
}

// The selectors of a range already known to be valid.
EvidenceAnchor BuildAnchor(const doc::Document& doc, std::size_t start, std::size_t end) {
  const std::string_view text = doc.text;
  EvidenceAnchor anchor;
  anchor.document_id = doc.meta.id;
  anchor.start = start;
  anchor.end = end;
  anchor.exact = std::string(text.substr(start, end - start));
  std::size_t before = start > kAnchorContextBytes ? start - kAnchorContextBytes : 0;
  while (before < start && !IsUtf8Boundary(text, before)) ++before;
  anchor.prefix = std::string(text.substr(before, start - before));
  std::size_t after = std::min(text.size(), end + kAnchorContextBytes);
  while (after > end && !IsUtf8Boundary(text, after)) --after;
  anchor.suffix = std::string(text.substr(end, after - end));
  if (const doc::Provision* provision = DeepestContaining(doc.root, start, end)) {
    anchor.path = provision->path;
  }
  return anchor;
}

std::string Where(const doc::Document& doc, std::size_t offset) {
  const text::LineColumn at = text::LineColumnAt(doc.text, std::min(offset, doc.text.size()));
  return fmt::format("{}: line {}, column {}", doc.CiteName(), at.line, at.column);
}

bool Contains(const doc::Provision& provision, std::size_t begin, std::size_t end) {
  return provision.begin <= begin && end <= provision.end;
}

}  // namespace

absl::StatusOr<EvidenceAnchor> MakeAnchor(const doc::Document& doc, std::size_t start,
                                          std::size_t end) {
  const std::string_view text = doc.text;
  if (start >= end) {
    return absl::InvalidArgumentError(
        fmt::format("{}: empty quote (bytes {} to {})", Where(doc, start), start, end));
  }
  if (end > text.size()) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: the quote ends at byte {}, past the text ({} bytes)", doc.CiteName(), end,
        text.size()));
  }
  if (!IsUtf8Boundary(text, start) || !IsUtf8Boundary(text, end)) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: bytes {} to {} cut a UTF-8 character in half", Where(doc, start), start, end));
  }
  return BuildAnchor(doc, start, end);
}

absl::StatusOr<EvidenceAnchor> AnchorQuote(const doc::Document& doc, std::string_view path,
                                           std::string_view exact) {
  std::size_t begin = 0;
  std::size_t end = doc.text.size();
  if (!path.empty()) {
    const doc::Provision* provision = doc::FindProvision(doc.root, path);
    if (provision == nullptr) {
      return absl::NotFoundError(fmt::format("{}: no provision {}", doc.CiteName(), path));
    }
    begin = std::min(provision->begin, doc.text.size());
    end = std::clamp(provision->end, begin, doc.text.size());
  }
  const std::string quote = FoldQuote(exact);
  const std::string where =
      path.empty() ? doc.CiteName() : fmt::format("{}#{}", doc.CiteName(), path);
  if (quote.empty()) {
    return absl::InvalidArgumentError(fmt::format("{}: the quote has no words", where));
  }
  const FoldedText folded(std::string_view(doc.text).substr(begin, end - begin));
  const std::vector<std::size_t> hits = FindAllIn(folded.folded(), 0, folded.size(), quote);
  if (hits.empty()) {
    return absl::NotFoundError(
        fmt::format("{}: \"{}\" is not in the text", where, text::ClipUtf8(exact, 80)));
  }
  if (hits.size() > 1) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: \"{}\" occurs {} times; quote more words so that it occurs once", where,
        text::ClipUtf8(exact, 80), hits.size()));
  }
  const std::size_t start = begin + folded.Original(hits.front());
  const std::size_t stop = begin + folded.Original(hits.front() + quote.size());
  return MakeAnchor(doc, start, stop);
}

struct Reanchorer::State {
  State(const doc::Document& old_document, const doc::Document& new_document,
        const compare::Comparison* compared, const ReanchorOptions& reanchor_options)
      : old_doc(old_document),
        new_doc(new_document),
        comparison(compared),
        options(reanchor_options),
        folded(new_document.text),
        index(folded.folded()) {}

  const doc::Document& old_doc;
  const doc::Document& new_doc;
  const compare::Comparison* comparison;
  ReanchorOptions options;
  FoldedText folded;
  QuoteIndex index;  // borrows folded
  std::optional<FuzzyQuoteFinder> fuzzy;
  absl::flat_hash_map<std::string, ProvisionAlignment> alignments;

  // One anchor's search.
  struct Quote {
    const EvidenceAnchor* anchor = nullptr;
    std::string folded;         // trimmed
    std::string before;         // folded old context up to the quote's first byte
    std::string after;          // from its last byte
    const ProvisionAlignment* alignment = nullptr;
    std::size_t expected = 0;   // where in the new text the quote should start
  };
  struct Place {
    std::size_t begin = 0;  // new-text offsets
    std::size_t end = 0;
    int tier = 3;  // 1: aligned provision, 2: aligned article, 3: elsewhere
    std::size_t context = 0;
    std::size_t distance = 0;
  };

  const ProvisionAlignment& AlignmentOf(const std::string& path) {
    auto it = alignments.find(path);
    if (it == alignments.end()) {
      it = alignments.emplace(path, AlignProvision(comparison, old_doc, new_doc, path)).first;
    }
    return it->second;
  }

  std::size_t ExpectedPlace(const EvidenceAnchor& anchor, const ProvisionAlignment& alignment) {
    const std::size_t old_size = old_doc.text.size();
    const std::size_t new_size = new_doc.text.size();
    const std::size_t old_start = std::min(anchor.start, old_size);
    const auto relative = [&](const doc::Provision* from,
                              const doc::Provision* to) -> std::optional<std::size_t> {
      if (from == nullptr || to == nullptr || old_start < from->begin || to->end < to->begin) {
        return std::nullopt;
      }
      return std::min(new_size, to->begin + std::min(old_start - from->begin, to->end - to->begin));
    };
    if (!alignment.provisions.empty()) {
      if (auto at = relative(alignment.old_provision, alignment.provisions.front())) return *at;
    }
    if (!alignment.units.empty()) {
      if (auto at = relative(alignment.old_unit, alignment.units.front())) return *at;
    }
    if (old_size == 0) return 0;
    return static_cast<std::size_t>(static_cast<long double>(old_start) * new_size / old_size);
  }

  int TierOf(const Quote& quote, std::size_t begin, std::size_t end) const {
    if (quote.anchor->path.empty()) {
      // A quote outside every provision (a title): it stays in place while it stays outside.
      return DeepestContaining(new_doc.root, begin, end) == nullptr ? 1 : 3;
    }
    for (const doc::Provision* provision : quote.alignment->provisions) {
      if (Contains(*provision, begin, end)) return 1;
    }
    for (const doc::Provision* unit : quote.alignment->units) {
      if (Contains(*unit, begin, end)) return 2;
    }
    return 3;
  }

  // Bytes of the old context that agree with the folded new text around folded[at, at + size).
  std::size_t ContextAgreement(const Quote& quote, std::size_t at, std::size_t size) const {
    const std::string& text = folded.folded();
    std::size_t agree = 0;
    for (std::size_t k = 0; k < quote.before.size() && k < at; ++k) {
      if (quote.before[quote.before.size() - 1 - k] != text[at - 1 - k]) break;
      ++agree;
    }
    for (std::size_t k = 0; k < quote.after.size() && at + size + k < text.size(); ++k) {
      if (quote.after[k] != text[at + size + k]) break;
      ++agree;
    }
    return agree;
  }

  std::vector<std::size_t> StartsInAlignment(const Quote& quote) const {
    std::vector<std::size_t> starts;
    const auto search = [&](const doc::Provision* provision) {
      const std::size_t begin = folded.FoldedAt(provision->begin);
      const std::size_t end = folded.FoldedAt(provision->end);
      for (std::size_t at : FindAllIn(folded.folded(), begin, end, quote.folded)) {
        if (starts.size() < kMaxExactCandidates) starts.push_back(at);
      }
    };
    for (const doc::Provision* provision : quote.alignment->provisions) search(provision);
    for (const doc::Provision* unit : quote.alignment->units) search(unit);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    return starts;
  }

  // Whether an occurrence outside the aligned provision and article can be the quote itself.
  // Not when the comparison placed the provision and the words are not there: they were edited
  // in place, and the same words elsewhere are another passage (treaties repeat whole
  // paragraphs). Otherwise — the provision has no counterpart, or there is no comparison —
  // only when enough of its old context came along.
  static bool MayHaveLeft(const ProvisionAlignment& alignment, std::size_t context,
                          std::size_t needed_context) {
    if (alignment.placed && !alignment.provisions.empty()) return false;
    return context >= needed_context;
  }

  EvidenceAnchor AnchorAt(std::size_t begin, std::size_t end) const {
    return BuildAnchor(new_doc, begin, end);
  }

  bool Exact(const Quote& quote, ReanchorResult& result) {
    const QuoteIndex::Hits hits = index.Find(quote.folded, kMaxExactCandidates);
    if (hits.count == 0) return false;
    std::vector<std::size_t> starts(hits.starts.begin(), hits.starts.end());
    if (hits.count > kMaxExactCandidates) starts = StartsInAlignment(quote);
    const std::size_t needed_context =
        std::min(kMinMovedContextBytes, quote.before.size() + quote.after.size());
    std::vector<Place> places;
    for (std::size_t at : starts) {
      Place place;
      place.begin = folded.Original(at);
      place.end = folded.Original(at + quote.folded.size());
      // A quote that is not valid UTF-8 may match inside a character: not a place to anchor.
      if (!IsUtf8Boundary(new_doc.text, place.begin) || !IsUtf8Boundary(new_doc.text, place.end)) {
        continue;
      }
      place.tier = TierOf(quote, place.begin, place.end);
      place.context = ContextAgreement(quote, at, quote.folded.size());
      if (place.tier == 3 && !MayHaveLeft(*quote.alignment, place.context, needed_context)) {
        continue;
      }
      place.distance = Distance(place.begin, quote.expected);
      places.push_back(place);
    }
    if (places.empty()) return false;
    std::sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
      return std::make_tuple(a.tier, b.context, a.distance, a.begin) <
             std::make_tuple(b.tier, a.context, b.distance, b.begin);
    });
    const Place& best = places.front();
    std::vector<const Place*> tied;
    for (const Place& place : places) {
      if (place.tier != best.tier || place.context != best.context) break;
      // In the aligned provision or article the nearer place wins; elsewhere nothing does.
      if (best.tier < 3 && place.distance != best.distance) break;
      tied.push_back(&place);
    }
    result.similarity = 1.0;
    if (tied.size() > 1) {
      result.status = AnchorStatus::kAmbiguous;
      for (const Place* place : tied) {
        if (result.alternatives.size() == kMaxAlternatives) break;
        result.alternatives.push_back(AnchorAt(place->begin, place->end));
      }
      result.found = result.alternatives.front();
      return true;
    }
    result.status = best.tier == 1 && !quote.alignment->moved ? AnchorStatus::kIntact
                                                               : AnchorStatus::kMoved;
    result.found = AnchorAt(best.begin, best.end);
    return true;
  }

  void Fuzzy(const Quote& quote, ReanchorResult& result) {
    if (!fuzzy) fuzzy.emplace(new_doc.text);
    const std::size_t size = new_doc.text.size();
    std::vector<ByteRange> ranges;
    const auto add_clipped = [&](const doc::Provision& provision) {
      ByteRange range{std::min(provision.begin, size), std::min(provision.end, size)};
      if (range.end - std::min(range.end, range.begin) > kMaxFuzzyRegionBytes) {
        const std::size_t center = std::clamp(quote.expected, range.begin, range.end);
        range.begin = std::max(range.begin, center - std::min(center, kMaxFuzzyRegionBytes / 2));
        range.end = std::min(range.end, range.begin + kMaxFuzzyRegionBytes);
      }
      ranges.push_back(range);
    };
    const ProvisionAlignment& alignment = *quote.alignment;
    for (const doc::Provision* provision :
         alignment.provisions.empty() ? alignment.units : alignment.provisions) {
      add_clipped(*provision);
    }
    const std::size_t window = options.window_bytes;
    ranges.push_back({quote.expected - std::min(quote.expected, window),
                      std::min(size, quote.expected + std::min(window, size))});
    const double floor = std::max(0.0, options.min_similarity - options.ambiguity_margin);
    const std::vector<FuzzyMatch> matches =
        fuzzy->Find(quote.anchor->exact, std::move(ranges), floor, quote.expected,
                    kMaxAlternatives + 1);
    if (matches.empty()) return;
    const FuzzyMatch& best = matches.front();
    result.similarity = best.similarity;
    if (best.similarity < options.min_similarity) return;  // lost; the score says how close
    constexpr double kEpsilon = 1e-9;
    for (const FuzzyMatch& match : matches) {
      if (match.similarity + options.ambiguity_margin + kEpsilon < best.similarity) break;
      if (result.alternatives.size() == kMaxAlternatives) break;
      result.alternatives.push_back(AnchorAt(match.begin, match.end));
    }
    result.found = result.alternatives.front();
    if (result.alternatives.size() > 1) {
      result.status = AnchorStatus::kAmbiguous;
    } else {
      result.status = AnchorStatus::kChanged;
      result.alternatives.clear();
    }
  }

  ReanchorResult Run(const EvidenceAnchor& anchor) {
    ReanchorResult result;
    Quote quote;
    quote.anchor = &anchor;
    quote.folded = FoldQuote(anchor.exact);
    if (quote.folded.empty()) return result;
    // The context is folded with the quote's own edge whitespace, so " shall" after "State
    // Party" compares as "State Party shall".
    const std::string folded_exact = Fold(anchor.exact);
    quote.before = Fold(anchor.prefix);
    if (folded_exact.front() == ' ' && (quote.before.empty() || quote.before.back() != ' ')) {
      quote.before += ' ';
    }
    quote.after = Fold(anchor.suffix);
    if (folded_exact.back() == ' ' && (quote.after.empty() || quote.after.front() != ' ')) {
      quote.after.insert(quote.after.begin(), ' ');
    }
    quote.alignment = &AlignmentOf(anchor.path);
    quote.expected = ExpectedPlace(anchor, *quote.alignment);
    if (Exact(quote, result)) return result;
    if (anchor.exact.size() <= options.max_fuzzy_bytes) Fuzzy(quote, result);
    return result;
  }
};

Reanchorer::Reanchorer(const doc::Document& old_doc, const doc::Document& new_doc,
                       const compare::Comparison* comparison, const ReanchorOptions& options)
    : state_(std::make_unique<State>(old_doc, new_doc, comparison, options)) {}

Reanchorer::~Reanchorer() = default;
Reanchorer::Reanchorer(Reanchorer&&) noexcept = default;
Reanchorer& Reanchorer::operator=(Reanchorer&&) noexcept = default;

ReanchorResult Reanchorer::Reanchor(const EvidenceAnchor& anchor) { return state_->Run(anchor); }

ReanchorResult Reanchor(const EvidenceAnchor& anchor, const doc::Document& old_doc,
                        const doc::Document& new_doc, const compare::Comparison* comparison,
                        const ReanchorOptions& options) {
  Reanchorer reanchorer(old_doc, new_doc, comparison, options);
  return reanchorer.Reanchor(anchor);
}

}  // namespace tw::factcheck
