// FactCheck: an observer's verdict on a claim, with the evidence that backs it, and every
// revision of it kept with who made it and when.
//
// The workflow is draft → in-review → published. Every save is a new revision (1, 2, ...)
// holding the whole fact-check as it then was; revisions are never rewritten or deleted. Once
// published, a fact-check changes only by a correction: a new revision, still published, that
// must say what was corrected (`change_note`), so the public page shows it.
#ifndef TREATYWATCH_FACTCHECK_FACT_CHECK_H_
#define TREATYWATCH_FACTCHECK_FACT_CHECK_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "factcheck/evidence_anchor.h"

namespace tw::factcheck {

enum class FactCheckStatus { kDraft, kInReview, kPublished };

// "draft", "in-review", "published".
std::string_view FactCheckStatusName(FactCheckStatus status);
bool ParseFactCheckStatus(std::string_view name, FactCheckStatus* status);

struct FactCheck {
  std::int64_t id = 0;  // 0 until stored
  std::int64_t claim_id = 0;
  std::string verdict;    // one of the verdict scale's names (verdict_scale.h)
  std::string summary;    // one or two sentences, for the briefing and ClaimReview
  std::string rationale;  // the reasoning, may be long
  std::vector<Evidence> evidence;
  std::string author;     // who created it
  FactCheckStatus status = FactCheckStatus::kDraft;
  int revision = 0;       // current revision number; 0 until stored
  std::string updated_by;  // author of the current revision
  std::string created_at;  // ISO 8601 UTC, of revision 1
  std::string updated_at;  // of the current revision
  std::string published_at;  // of the first published revision; empty until then
  std::string change_note;   // of the current revision: what changed and why
};

// A fact-check whose evidence no longer quotes the current text word for word must be looked
// at again before anyone relies on it; its public page says so.
bool NeedsReview(const FactCheck& fact_check);

// The document versions the fact-check's evidence was last checked against: it is valid as of
// these (sorted ids, each once).
std::vector<std::int64_t> ValidAsOf(const FactCheck& fact_check);

// One stored revision: the fact-check as it was saved then.
struct FactCheckRevision {
  int revision = 0;
  FactCheck snapshot;  // snapshot.revision == revision
  std::string saved_by;
  std::string saved_at;     // ISO 8601 UTC
  std::string change_note;  // required for corrections of a published fact-check
};

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_FACT_CHECK_H_
