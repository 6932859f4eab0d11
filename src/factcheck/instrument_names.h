// InstrumentNames: where a text names one of the instruments a cybercrime negotiation invokes,
// under which canonical name. The built-in list knows each instrument's usual names, acronyms
// and treaty-series numbers ("Budapest Convention", "Convention on Cybercrime", "ETS No. 185");
// callers add the names their store holds (InstrumentInfo::name, document titles), matched the
// same way. A name matches as whole words, ignoring ASCII case and how the words are spaced or
// broken across lines; where names overlap the longest wins ("Council of Europe Convention on
// Cybercrime" over "Convention on Cybercrime").
//
// Pure; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_INSTRUMENT_NAMES_H_
#define TREATYWATCH_FACTCHECK_INSTRUMENT_NAMES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tw::factcheck {

// Caller-supplied names beyond these counts or lengths are ignored: they come from a store
// anyone can fill, and each one is searched for in every text.
inline constexpr std::size_t kMaxKnownInstruments = 1000;
inline constexpr std::size_t kMaxInstrumentNameBytes = 200;
// A caller-supplied name shorter than this ("UN", "EU") would match far too much.
inline constexpr std::size_t kMinKnownInstrumentNameBytes = 4;

struct InstrumentMention {
  std::size_t begin = 0;  // byte offsets of the name in the text
  std::size_t end = 0;
  std::string canonical;  // "Budapest Convention"
};

// The mentions in `text`, in text order, not overlapping. A known name that spells a built-in
// instrument's name maps to the built-in canonical name; any other known name is its own.
std::vector<InstrumentMention> FindInstrumentMentions(
    std::string_view text, const std::vector<std::string>& known_instruments);

// The canonical name of an instrument named exactly by `name` (as the cross-reference
// extractor prints it after "of the": "Budapest Convention"), or the one a mention inside it
// names; empty when none.
std::string CanonicalInstrumentName(std::string_view name,
                                    const std::vector<std::string>& known_instruments);

// Every name the built-in list knows `canonical` by, the canonical name first; empty for an
// instrument it does not know.
std::vector<std::string> InstrumentNames(std::string_view canonical);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_INSTRUMENT_NAMES_H_
