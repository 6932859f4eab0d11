// CheckEvidence: how the automatic checks (auto_checks.h) cite what they rest on — anchors to
// exact words of stored documents (built by reanchor.h's MakeAnchor and AnchorQuote, so they
// re-anchor like any analyst's evidence) and the short citations of their one-sentence
// findings.
//
// Pure; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_CHECK_EVIDENCE_H_
#define TREATYWATCH_FACTCHECK_CHECK_EVIDENCE_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "factcheck/evidence_anchor.h"

namespace tw::factcheck {

// The longest quote a check anchors as a whole: ReanchorOptions::max_fuzzy_bytes, beyond which
// a quote can only be found again word for word.
inline constexpr std::size_t kMaxProvisionAnchorBytes = 1200;
// Words quoted in a finding sentence are clipped to this.
inline constexpr std::size_t kMaxQuotedBytes = 80;

// The words of provision `path` (label and heading included): the whole provision when it fits
// in kMaxProvisionAnchorBytes, else its beginning up to the last line break (else space) that
// fits. nullopt when the path is absent or holds no text.
std::optional<EvidenceAnchor> ProvisionAnchor(const doc::Document& document, std::string_view path);

// `words` found (whitespace-insensitively) once inside provision `path`; nullopt when absent
// or found more than once (an automatic check never picks one occurrence silently).
std::optional<EvidenceAnchor> QuoteAnchor(const doc::Document& document, std::string_view path,
                                          std::string_view words);

// text[begin, end) of the document, trimmed of surrounding white space; nullopt when empty or
// not on UTF-8 boundaries.
std::optional<EvidenceAnchor> RangeAnchor(const doc::Document& document, std::size_t begin,
                                          std::size_t end);

// Appends `anchor` unless it is empty or the same range of the same document is there.
void AddAnchor(std::vector<EvidenceAnchor>& anchors, std::optional<EvidenceAnchor> anchor);

// How findings name a document: its symbol, else its instrument, else its title up to the
// first ';' (clipped).
std::string ShortCite(const doc::Document& document);

// "Art. 24(2)"; "Whole text" for the empty path.
std::string Cite(const doc::Document& document, std::string_view path);

// {"document_id", "cite", "version", "path", "citation", "heading"} of a provision ("path"
// empty: the document).
nlohmann::json ProvisionJson(const doc::Document& document, std::string_view path);

// “words”, white space runs as one space, clipped to kMaxQuotedBytes.
std::string Quoted(std::string_view words);

// Two decimals ("0.71") and a percentage with one ("40.9%").
std::string Decimal2(double value);
std::string Percent(double share);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_CHECK_EVIDENCE_H_
