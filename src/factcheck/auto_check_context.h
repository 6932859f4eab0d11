// AutoCheckContext: what every automatic check (auto_checks.h) reads — the claim and its
// wording, the draft under discussion, the provisions the claim cites in it, and the other
// instruments it names, looked up in the store. RunAutoChecks builds it once; each check (one
// file each: mirrors_check.cc, safeguard_check.cc, support_check.cc, changed_since_check.cc)
// reads it and returns its results, or nothing when it does not apply.
//
// The draft under discussion is the version of the instrument that was current when the claim
// was made (the last version dated on or before the claim's date, else the last of the
// claim's session or earlier), else the latest: article numbers in a statement refer to the
// draft on the table then, and a claim checked after the next draft arrived must not be read
// against it. The instrument is AutoCheckOptions::instrument, else the instrument of the
// claim's session (through its statement or its session number), else the only instrument in
// the store, else the instrument of the latest draft.
//
// Internal to tw_factcheck_auto. Not thread-safe: holds the store it reads.
#ifndef TREATYWATCH_FACTCHECK_AUTO_CHECK_CONTEXT_H_
#define TREATYWATCH_FACTCHECK_AUTO_CHECK_CONTEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "doc/document.h"
#include "factcheck/auto_checks.h"
#include "factcheck/claim.h"
#include "factcheck/claim_references.h"
#include "factcheck/claim_wording.h"
#include "store/store.h"

namespace tw::factcheck {

// Another instrument the claim names, as the store holds it (or does not).
struct NamedInstrument {
  std::string canonical;                  // "Budapest Convention"
  std::optional<doc::Document> document;  // its latest stored version; nullopt: not stored
  std::vector<std::string> paths;         // provisions the claim cites in it, present there
  std::vector<std::string> absent_paths;  // cited but not in the stored version
};

struct AutoCheckContext {
  const Claim* claim = nullptr;
  store::Store* store = nullptr;
  std::string folded;  // FoldClaimText(claim->text)
  ClaimWording wording;

  std::optional<doc::Document> draft;  // the draft under discussion
  std::string draft_instrument;        // its version chain; empty for a lone document
  std::string draft_canonical;         // the instrument's name as claims name it
  std::string no_draft_reason;         // set when `draft` is empty
  // Provisions of the draft the claim cites (by number, by the draft's own name, or by an
  // article heading: "the illegal-access article"), sorted, once each.
  std::vector<std::string> draft_paths;
  bool draft_paths_from_headings = false;
  // Articles cited by number that the draft does not have ("Art. 99").
  std::vector<std::string> absent_draft_paths;
  // What the claim cites by number alone, draft or not ("art15"): lets a check say what it
  // would have looked at when there is no draft.
  std::vector<std::string> numbered_paths;
  std::vector<NamedInstrument> others;  // in the order the references list them
};

// The article part of a path: "art24" of "art24.p2", "annex.art7" of "annex.art7.p1"; the
// path itself when no part is an article.
std::string ArticleOf(std::string_view path);

// Reads the store (documents, instruments, sessions, statements). Errors only from the store.
absl::StatusOr<AutoCheckContext> BuildAutoCheckContext(const Claim& claim, store::Store& store,
                                                       const AutoCheckOptions& options);

// Articles of `document` whose heading the claim names beside "article", "provision" or
// "clause" ("the illegal-access article", "the provision on illegal access"). Sorted paths.
std::vector<std::string> ArticlesNamedByHeading(const doc::Document& document,
                                                std::string_view folded_claim);

// The default audit pack's category titles and ids (hyphens as spaces) of two words or more,
// lower case: words that name a safeguard in a claim beside the fixed list of claim_wording.h.
const std::vector<std::string>& SafeguardCategoryTerms();

// The checks. Each returns no result when its wording or references do not apply; errors are
// store failures only.
std::vector<AutoCheckResult> RunMirrorsCheck(const AutoCheckContext& context);
absl::StatusOr<std::vector<AutoCheckResult>> RunSafeguardCheck(const AutoCheckContext& context);
absl::StatusOr<std::vector<AutoCheckResult>> RunSupportCheck(const AutoCheckContext& context);
absl::StatusOr<std::vector<AutoCheckResult>> RunChangedSinceCheck(const AutoCheckContext& context);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_AUTO_CHECK_CONTEXT_H_
