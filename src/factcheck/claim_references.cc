// Two readers meet here. The cross-reference extractor finds "article 15 of the Budapest
// Convention" and says the instrument as printed; the instrument-name list says which
// instrument a name means. A reference belongs to another instrument when the extractor names
// one, or when an instrument's name stands right beside it without the extractor's "of the"
// ("article 15 of UNTOC", "the Budapest Convention's article 15", "ICCPR article 19"). Those
// references are blanked out of the text the draft's provisions are read from, so "article 15
// of UNTOC" never becomes the draft's article 15. The UN Convention against Cybercrime named
// by its name is such an instrument too: a claim about "article 24 of the UN Convention
// against Cybercrime" cites that instrument's article 24 wherever the draft stands.
#include "factcheck/claim_references.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "doc/cross_reference_extractor.h"
#include "factcheck/instrument_names.h"
#include "negotiation/cited_provisions.h"

namespace tw::factcheck {
namespace {

// Another instrument's provisions exist by assumption: the store may not hold its text.
class AnyProvision : public doc::ProvisionLookup {
 public:
  bool Exists(std::string_view /*path*/) const override { return true; }
  const std::vector<std::string>& ArticleNumbers(std::string_view /*prefix*/) const override {
    static const std::vector<std::string> kNone;
    return kNone;
  }
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Lowercase ASCII comparison of `text` at `at` with `word`.
bool WordAt(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = text[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  const std::size_t end = at + word.size();
  return end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
}

std::size_t SkipSpaces(std::string_view text, std::size_t at) {
  while (at < text.size() && IsSpace(text[at])) ++at;
  return at;
}

// The mention that follows a reference ending at `end` ("… of UNTOC", "… of the ICCPR", "…
// UNCAC"), or null.
const InstrumentMention* MentionAfter(std::string_view text, std::size_t end,
                                      const std::vector<InstrumentMention>& mentions) {
  std::size_t at = SkipSpaces(text, end);
  if (at < text.size() && text[at] == ',') at = SkipSpaces(text, at + 1);
  if (WordAt(text, at, "of")) at = SkipSpaces(text, at + 2);
  if (WordAt(text, at, "the")) at = SkipSpaces(text, at + 3);
  for (const InstrumentMention& mention : mentions) {
    if (mention.begin == at) return &mention;
  }
  return nullptr;
}

// The mention that stands right before a reference beginning at `begin` ("the ICCPR's
// article 19", "Budapest Convention article 15", "UNTOC, article 5"), or null.
const InstrumentMention* MentionBefore(std::string_view text, std::size_t begin,
                                       const std::vector<InstrumentMention>& mentions) {
  for (const InstrumentMention& mention : mentions) {
    if (mention.end > begin) break;
    std::size_t at = mention.end;
    for (std::string_view possessive : {"'s", "\u2019s"}) {
      if (text.substr(at, possessive.size()) == possessive) {
        at += possessive.size();
        break;
      }
    }
    at = SkipSpaces(text, at);
    if (at < text.size() && text[at] == ',') at = SkipSpaces(text, at + 1);
    if (at == begin) return &mention;
  }
  return nullptr;
}

void SortUnique(std::vector<std::string>* values) {
  std::sort(values->begin(), values->end());
  values->erase(std::unique(values->begin(), values->end()), values->end());
}

}  // namespace

ClaimReferences ResolveClaimReferences(std::string_view text, const doc::Document* draft,
                                       const std::vector<std::string>& known_instruments) {
  ClaimReferences result;
  const std::vector<InstrumentMention> mentions = FindInstrumentMentions(text, known_instruments);
  for (const InstrumentMention& mention : mentions) result.instruments.push_back(mention.canonical);

  std::string draft_words(text);
  doc::ReferenceContext context;  // another instrument's references name articles only
  const AnyProvision any;
  for (const doc::RawReference& reference : doc::FindReferences(text, 0)) {
    if (reference.base != doc::ReferenceBase::kArticles) continue;
    std::string instrument;
    doc::RawReference words = reference;
    if (reference.scope == doc::InstrumentScope::kNamed) {
      instrument = CanonicalInstrumentName(reference.instrument, known_instruments);
      // A name the lists do not know ("the draft convention", "resolution 74/247") stays with
      // the draft reader, which knows which of them mean the draft.
      if (instrument.empty()) continue;
    } else if (reference.scope == doc::InstrumentScope::kUnqualified) {
      const InstrumentMention* mention = MentionAfter(text, reference.end, mentions);
      if (mention == nullptr) mention = MentionBefore(text, reference.begin, mentions);
      if (mention == nullptr) continue;
      instrument = mention->canonical;
      words.scope = doc::InstrumentScope::kNamed;
      words.instrument = instrument;
    } else {
      continue;
    }
    result.instruments.push_back(instrument);
    for (const std::string& path : doc::ResolveReference(words, context, any).targets) {
      result.instrument_paths.push_back(instrument + "#" + path);
    }
    std::fill(draft_words.begin() + static_cast<std::ptrdiff_t>(reference.begin),
              draft_words.begin() + static_cast<std::ptrdiff_t>(reference.end), ' ');
  }
  result.cited_paths = negotiation::CitedProvisions(draft_words, draft);
  SortUnique(&result.cited_paths);
  SortUnique(&result.instruments);
  SortUnique(&result.instrument_paths);
  return result;
}

}  // namespace tw::factcheck
