// The changes the fact-check routes make, whatever form the request came in (JSON under
// /api/v1/, a page's form, the reader's evidence panel): recording a claim, starting a
// fact-check, saving a revision, moving it through the workflow. Each validates its input with
// named limits, saves as ctx.user, and writes the audit log after the change succeeded.
//
// Who may do what beyond the route's own role: a published fact-check changes only by an
// editor's correction with a note; returning and publishing are the editor's (their routes
// require kEditor).
//
// Thread safety: one request per thread, with that thread's store.
#ifndef TREATYWATCH_SERVER_FACTCHECK_ACTIONS_H_
#define TREATYWATCH_SERVER_FACTCHECK_ACTIONS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "factcheck/claim.h"
#include "factcheck/claim_matcher.h"
#include "factcheck/evidence_anchor.h"
#include "factcheck/fact_check.h"
#include "server/request_context.h"
#include "store/store.h"

namespace tw::server {

inline constexpr std::size_t kMaxClaimTextBytes = 4000;
inline constexpr std::size_t kMaxShortFieldBytes = 300;  // actor, date, grade, path
inline constexpr std::size_t kMaxNoteBytes = 4000;       // evidence notes, change notes
inline constexpr std::size_t kMaxUrlBytes = 2000;
inline constexpr int kMaxSession = 10000;

struct ClaimRequest {
  std::string text;
  std::string actor;  // a name, alias or id; may be empty when `statement_id` names one
  std::int64_t statement_id = 0;
  int session = 0;
  std::string date;  // YYYY-MM-DD or empty
  std::string grade;  // factcheck::SourceGradeName; empty: official-record
  std::string source_url;  // an http(s) URL or empty
};

struct RecordedClaim {
  factcheck::Claim claim;  // as stored, with its id
  std::vector<factcheck::ClaimMatch> similar;  // earlier claims that say the same
};

absl::StatusOr<RecordedClaim> RecordClaim(RequestContext& ctx, store::Store& store,
                                          ClaimRequest request);

// A quote to anchor: `document` an id or symbol, `path` a provision path or empty.
struct EvidenceRequest {
  std::string document;
  std::string path;
  std::string quote;
  std::string note;
};

// The quote anchored exactly as `--evidence 'DOC#PATH: words'` is (factcheck/evidence_quote.h):
// NotFound when absent, InvalidArgument with the count when it occurs more than once.
absl::StatusOr<factcheck::Evidence> QuoteRequested(store::Store& store,
                                                   const EvidenceRequest& request);

struct FactCheckFields {
  std::string verdict;
  std::string summary;
  std::string rationale;
};

// A new draft fact-check of claim `claim_id` by ctx.user; returns it as stored.
absl::StatusOr<factcheck::FactCheck> StartFactCheck(RequestContext& ctx, store::Store& store,
                                                    std::int64_t claim_id,
                                                    const FactCheckFields& fields,
                                                    std::vector<factcheck::Evidence> evidence);

struct FactCheckEdit {
  // The revision the user edited: the save is refused (409) when another was saved since.
  // 0: the current one (the workflow buttons of a page that just loaded it).
  int expected_revision = 0;
  std::optional<std::string> verdict;
  std::optional<std::string> summary;
  std::optional<std::string> rationale;
  std::vector<factcheck::Evidence> add_evidence;
  std::vector<std::int64_t> remove_evidence;
  std::vector<std::int64_t> accept_proposal;
  std::optional<factcheck::FactCheckStatus> move_to;
  std::string note;  // what changed and why; required for a correction
};

// Saves a new revision of fact-check `id` by ctx.user; returns it as stored. The audit action
// names the kind of change: factcheck.revise, .submit, .return, .publish, .correct.
absl::StatusOr<factcheck::FactCheck> ReviseFactCheck(RequestContext& ctx, store::Store& store,
                                                     std::int64_t id, const FactCheckEdit& edit);

// The claim's newest fact-check still in draft, else a new draft (by ctx.user); `created` says
// which. Used to attach evidence found in the reader.
absl::StatusOr<factcheck::FactCheck> DraftOfClaim(RequestContext& ctx, store::Store& store,
                                                  std::int64_t claim_id, bool* created);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_FACTCHECK_ACTIONS_H_
