// PublicationText: the words and values that every published form of a fact-check shares —
// ClaimReview JSON-LD (claim_review.h) and the briefings (briefing.h) — so that a search engine,
// a reader of the HTML page and a spreadsheet see the same verdict, the same dates and the same
// correction. Pure functions; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_PUBLICATION_TEXT_H_
#define TREATYWATCH_FACTCHECK_PUBLICATION_TEXT_H_

#include <string>
#include <string_view>

#include "factcheck/claim.h"
#include "factcheck/evidence_anchor.h"
#include "factcheck/fact_check.h"

namespace tw::factcheck {

// A verdict as readers see it: "misstates-the-text" → "Misstates the text".
std::string VerdictLabel(std::string_view verdict);

// Where a verdict sits on its scale, for the colour of its badge (the badge always says the
// verdict in words too): the best fifth of the scale is kGood, the worst third kBad, the rest
// kMixed; kUnknown when the verdict is not on the scale.
enum class VerdictTone { kGood, kMixed, kBad, kUnknown };
VerdictTone ToneOf(int rating, int scale_size);      // rating: VerdictScale::Rating
std::string_view VerdictToneName(VerdictTone tone);  // "good", "mixed", "bad", "unknown"

// True when the current revision corrects a published fact-check: it is published, carries a
// change note, and was saved after the first publication (a first publication's own note is not
// a correction).
bool IsCorrected(const FactCheck& fact_check);

// "YYYY-MM-DD" from an ISO 8601 date or timestamp ("2023-01-10T09:30:00Z"); empty when the
// text does not start with a real calendar date.
std::string DatePart(std::string_view iso);

// "10 January 2023" for a date DatePart accepts; otherwise the text as given.
std::string LongDate(std::string_view iso);

// An absolute http(s) URL that can be written into an attribute, a Markdown link or JSON-LD as
// is: a host, and no space, control character, quote, angle bracket or backslash.
bool IsWebUrl(std::string_view url);

// What a claim was said in, when no URL names it: "Statement by Brazil, session 4,
// 10 January 2023 (official record)". The parts not known are left out.
std::string StatementRecordName(const Claim& claim, std::string_view actor_name);

// One sentence on a piece of evidence whose quote no longer holds word for word in the newest
// version of its document; empty for intact and moved evidence.
std::string AnchorStateSentence(const Evidence& evidence);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_PUBLICATION_TEXT_H_
