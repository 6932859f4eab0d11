#include "audit/pattern_matcher.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <utility>

#include "absl/status/status.h"

namespace tw::audit {

struct PatternMatcher::Set {
  explicit Set(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
};

namespace {

RE2::Options MatcherOptions(std::int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);  // failures come back as Status / ErrorInfo
  options.set_never_capture(true);  // only the whole match is ever asked for
  options.set_max_mem(max_mem);
  return options;
}

// Ordinary treaty prose, to tell patterns that match almost everywhere from the rest.
constexpr std::string_view kProbeProse =
    "Each State Party shall adopt such legislative and other measures as may be necessary to "
    "establish as criminal offences under its domestic law, when committed intentionally, the "
    "access to the whole or any part of an information and communications technology system "
    "without right.";
// Dense: a match starting in more than one in eight positions of the probe. Phrases match a
// few times at most; "\\S" or "\\w" match at most positions.
constexpr std::size_t kDenseMatchesPerByte = 8;

bool IsDense(const RE2& regex) {
  const std::size_t limit = kProbeProse.size() / kDenseMatchesPerByte;
  std::size_t matches = 0;
  std::size_t at = 0;
  re2::StringPiece match;
  while (at <= kProbeProse.size() &&
         regex.Match(kProbeProse, at, kProbeProse.size(), RE2::UNANCHORED, &match, 1)) {
    if (++matches > limit) return true;
    const auto end = static_cast<std::size_t>(match.data() - kProbeProse.data()) + match.size();
    at = std::max(end, at + 1);
  }
  return false;
}

}  // namespace

absl::StatusOr<PatternMatcher> PatternMatcher::Compile(const std::vector<RegexToCompile>& regexes,
                                                       const PatternMatcherOptions& options) {
  std::vector<std::unique_ptr<RE2>> alone;
  alone.reserve(regexes.size());
  for (const RegexToCompile& regex : regexes) {
    auto compiled = std::make_unique<RE2>(regex.regex, MatcherOptions(options.pattern_max_mem));
    if (!compiled->ok()) {
      return absl::InvalidArgumentError(
          fmt::format("{}: pattern does not compile: {}", regex.where, compiled->error()));
    }
    alone.push_back(std::move(compiled));
  }
  std::unique_ptr<Set> set;
  std::vector<std::size_t> in_set;
  std::vector<std::size_t> dense;
  for (std::size_t i = 0; i < alone.size() && options.use_set; ++i) {
    (IsDense(*alone[i]) ? dense : in_set).push_back(i);
  }
  if (!in_set.empty()) {
    set = std::make_unique<Set>(MatcherOptions(options.set_max_mem));
    for (std::size_t i : in_set) {
      const RegexToCompile& regex = regexes[i];
      std::string error;
      if (set->set.Add(regex.regex, &error) < 0) {
        return absl::InvalidArgumentError(
            fmt::format("{}: pattern does not compile: {}", regex.where, error));
      }
    }
    if (!set->set.Compile()) {
      return absl::ResourceExhaustedError(fmt::format(
          "{}: the pack's {} patterns together need more than {} MiB (RE2::Set); split the "
          "pack or simplify its patterns",
          regexes.front().where, regexes.size(), options.set_max_mem >> 20));
    }
  }
  return PatternMatcher(std::move(set), std::move(in_set), std::move(dense), std::move(alone));
}

PatternMatcher::PatternMatcher(std::unique_ptr<Set> set, std::vector<std::size_t> in_set,
                               std::vector<std::size_t> dense,
                               std::vector<std::unique_ptr<RE2>> alone)
    : set_(std::move(set)),
      in_set_(std::move(in_set)),
      dense_(std::move(dense)),
      alone_(std::move(alone)) {}
PatternMatcher::PatternMatcher(PatternMatcher&&) noexcept = default;
PatternMatcher& PatternMatcher::operator=(PatternMatcher&&) noexcept = default;
PatternMatcher::~PatternMatcher() = default;

bool PatternMatcher::MatchSegments(const ProvisionIndex& index, BitRows* found) const {
  const std::vector<TextSegment>& segments = index.segments();
  *found = BitRows(segments.size(), alone_.size());
  if (alone_.empty()) return true;
  // With use_set off every pattern is in neither list: all run alone.
  bool all_alone = set_ == nullptr && dense_.empty();
  bool out_of_memory = false;
  std::vector<int> matched;
  for (std::size_t s = 0; s < segments.size(); ++s) {
    const std::string_view text = index.SegmentText(segments[s]);
    if (!all_alone && set_ != nullptr) {
      RE2::Set::ErrorInfo error{RE2::Set::kNoError};
      if (set_->set.Match(text, &matched, &error)) {
        for (int i : matched) found->Set(s, in_set_[static_cast<std::size_t>(i)]);
      } else if (error.kind != RE2::Set::kNoError) {
        // Out of memory: it would likely fail again on the next segment after scanning part
        // of it, so the rest of the document runs pattern by pattern.
        all_alone = out_of_memory = true;
      }
    }
    if (all_alone) {
      MatchAlone(text, s, found);
      continue;
    }
    for (std::size_t pattern : dense_) {
      if (RE2::PartialMatch(text, *alone_[pattern])) found->Set(s, pattern);
    }
  }
  return !out_of_memory;
}

void PatternMatcher::MatchAlone(std::string_view text, std::size_t row, BitRows* found) const {
  for (std::size_t pattern = 0; pattern < alone_.size(); ++pattern) {
    if (RE2::PartialMatch(text, *alone_[pattern])) found->Set(row, pattern);
  }
}

bool PatternMatcher::Occurs(std::size_t pattern, std::string_view text) const {
  return RE2::PartialMatch(text, *alone_[pattern]);
}

bool PatternMatcher::FirstMatch(std::size_t pattern, std::string_view text,
                                std::string_view* match) const {
  re2::StringPiece piece;
  if (!alone_[pattern]->Match(text, 0, text.size(), RE2::UNANCHORED, &piece, 1)) return false;
  *match = std::string_view(piece.data(), piece.size());
  return true;
}

}  // namespace tw::audit
