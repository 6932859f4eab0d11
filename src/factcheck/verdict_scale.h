// VerdictScale: the ordered verdicts a CSO uses, best (the claim holds) to worst. Configurable:
// a coalition may load its own list; the default is the scale below. The order gives
// ClaimReview's ratingValue (the best verdict rates highest).
#ifndef TREATYWATCH_FACTCHECK_VERDICT_SCALE_H_
#define TREATYWATCH_FACTCHECK_VERDICT_SCALE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace tw::factcheck {

struct Verdict {
  std::string name;         // "misstates-the-text": lowercase letters, digits and '-'
  std::string description;  // one line shown beside the name
};

class VerdictScale {
 public:
  // accurate, mostly-accurate, misleading, misstates-the-text, omits-a-safeguard,
  // contradicts-own-position, unsupported, false.
  static const VerdictScale& Default();

  // Names must be unique and well formed; 2..20 verdicts. InvalidArgument names the entry.
  static absl::StatusOr<VerdictScale> Make(std::vector<Verdict> verdicts);

  // One verdict per line, "name: description" or "name"; '#' starts a comment. Errors name
  // `source` and the line.
  static absl::StatusOr<VerdictScale> Parse(std::string_view text, std::string_view source);

  const std::vector<Verdict>& verdicts() const { return verdicts_; }
  bool Contains(std::string_view name) const;
  // 1 for the worst verdict .. size() for the best; 0 when not on the scale.
  int Rating(std::string_view name) const;

 private:
  explicit VerdictScale(std::vector<Verdict> verdicts) : verdicts_(std::move(verdicts)) {}
  std::vector<Verdict> verdicts_;
};

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_VERDICT_SCALE_H_
