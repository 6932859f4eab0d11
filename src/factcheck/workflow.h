// Workflow: which revision of a fact-check may follow which. Every path that saves a
// fact-check (the command line, the web server, a store import) asks here first, so a
// published fact-check cannot be edited silently by any of them.
//
// Allowed: draft → draft (editing), draft → in-review, in-review → draft (sent back),
// in-review → in-review, in-review → published, published → published only with a non-empty
// change note (a visible correction). Never: back from published, or draft → published.
// The verdict must be on the scale; a published revision needs a verdict, a summary and at
// least one piece of evidence.
// Pure; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_WORKFLOW_H_
#define TREATYWATCH_FACTCHECK_WORKFLOW_H_

#include <optional>

#include "absl/status/status.h"
#include "factcheck/fact_check.h"
#include "factcheck/verdict_scale.h"

namespace tw::factcheck {

// `previous` is the current stored revision; nullopt for a new fact-check (which must start
// as a draft). FailedPrecondition for a forbidden move, InvalidArgument for a bad value; the
// message says what is wrong in the user's words.
absl::Status CheckRevision(const std::optional<FactCheck>& previous, const FactCheck& next,
                           const VerdictScale& scale);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_WORKFLOW_H_
