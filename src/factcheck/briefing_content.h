// BriefingContent: what a briefing shows and in which order, shared by its three renderers
// (briefing_html.cc, briefing_markdown.cc, briefing.cc for CSV) so the HTML page, the Markdown
// and the spreadsheet list the same fact-checks the same way.
//
// Which: published fact-checks only, unless the input asks for the internal draft; only the
// input's session when it names one. Order: actors alphabetically by display name (ICU root
// collation, so "Côte d'Ivoire" sits between "Costa Rica" and "Croatia"), each actor's claims
// by the date they were said (undated last), then by claim and fact-check id.
// Pure functions; thread-safe. The result borrows from the input.
#ifndef TREATYWATCH_FACTCHECK_BRIEFING_CONTENT_H_
#define TREATYWATCH_FACTCHECK_BRIEFING_CONTENT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "factcheck/briefing.h"
#include "factcheck/verdict_scale.h"

namespace tw::factcheck {

struct BriefingActor {
  std::string name;    // display name: ReviewedClaim::actor_name, else the actor id
  std::string anchor;  // "actor-1", "actor-2", ... in display order
  std::vector<const ReviewedClaim*> items;
};

std::vector<BriefingActor> BriefingActors(const BriefingInput& input);

// The citation of one piece of evidence: "Art. 28(1), A/RES/79/243" from input.citations;
// without an entry, the provision path and the document id ("art28.p1, document 12").
std::string EvidenceCitationText(const BriefingInput& input, const Evidence& evidence);

// How many of the briefing's fact-checks got each verdict of the scale, in scale order, and
// how many got a verdict not on it (last element).
std::vector<std::size_t> VerdictCounts(const std::vector<BriefingActor>& actors,
                                       const VerdictScale& scale);

// "Fourth session, New York, 9–20 January 2023", or "Session 4", or empty.
std::string SessionLine(const BriefingInput& input);

// The sentence under the title: how many claims by how many actors, and how many need review.
std::string BriefingLede(const std::vector<BriefingActor>& actors, const BriefingInput& input);

// The banner of a briefing that includes unpublished fact-checks.
inline constexpr const char* kInternalDraftBanner = "Internal draft — not for publication.";
inline constexpr const char* kInternalDraftExplanation =
    "This briefing includes fact-checks that are still drafts or in review; quote only the "
    "published ones.";

// "Draft" / "In review" / "Published".
std::string StatusLabel(FactCheckStatus status);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_BRIEFING_CONTENT_H_
