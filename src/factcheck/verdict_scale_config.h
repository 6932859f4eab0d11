// The verdict scale a treatywatch run uses: a coalition's own file (factcheck/verdict_scale.h
// Parse) given explicitly, else the file named by $TREATYWATCH_VERDICTS, else the default
// scale. The command line (--verdicts) and the web server (started with the same environment)
// read it here, so both judge with one scale.
#ifndef TREATYWATCH_FACTCHECK_VERDICT_SCALE_CONFIG_H_
#define TREATYWATCH_FACTCHECK_VERDICT_SCALE_CONFIG_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "factcheck/verdict_scale.h"

namespace tw::factcheck {

// A scale file larger than this is not a list of verdicts.
inline constexpr std::size_t kMaxVerdictFileBytes = 64u << 10;

// Errors name the file (unreadable, too large, or a bad line).
absl::StatusOr<VerdictScale> ConfiguredVerdictScale(const std::string& file);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_VERDICT_SCALE_CONFIG_H_
