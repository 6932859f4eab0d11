#include "factcheck/briefing_content.h"

#include <fmt/format.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>

namespace tw::factcheck {
namespace {

bool Included(const BriefingInput& input, const ReviewedClaim& item) {
  if (!input.include_unpublished && item.fact_check.status != FactCheckStatus::kPublished) {
    return false;
  }
  return input.session == 0 || item.claim.session == input.session;
}

// Claims by date said, undated last; ties by claim id, then fact-check id.
bool SaidBefore(const ReviewedClaim* a, const ReviewedClaim* b) {
  const bool a_dated = !a->claim.date.empty();
  const bool b_dated = !b->claim.date.empty();
  if (a_dated != b_dated) return a_dated;
  if (a->claim.date != b->claim.date) return a->claim.date < b->claim.date;
  if (a->claim.id != b->claim.id) return a->claim.id < b->claim.id;
  return a->fact_check.id < b->fact_check.id;
}

// Orders display names as a reader looks them up; bytewise when ICU cannot make a collator.
class NameOrder {
 public:
  NameOrder() {
    UErrorCode status = U_ZERO_ERROR;
    collator_.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) collator_.reset();
  }

  bool Before(const std::string& a, const std::string& b) const {
    if (collator_ != nullptr) {
      UErrorCode status = U_ZERO_ERROR;
      const UCollationResult order = collator_->compare(icu::UnicodeString::fromUTF8(a),
                                                        icu::UnicodeString::fromUTF8(b), status);
      if (U_SUCCESS(status) && order != UCOL_EQUAL) return order == UCOL_LESS;
    }
    return a < b;
  }

 private:
  std::unique_ptr<icu::Collator> collator_;
};

}  // namespace

std::vector<BriefingActor> BriefingActors(const BriefingInput& input) {
  // Grouped by actor id: two actors may share a display name, and are still two.
  std::map<std::string, BriefingActor> by_id;
  for (const ReviewedClaim& item : input.items) {
    if (!Included(input, item)) continue;
    BriefingActor& actor = by_id[item.claim.actor];
    if (actor.name.empty())
      actor.name = item.actor_name.empty() ? item.claim.actor : item.actor_name;
    actor.items.push_back(&item);
  }
  std::vector<std::pair<std::string, BriefingActor>> actors(by_id.begin(), by_id.end());
  const NameOrder order;
  std::stable_sort(actors.begin(), actors.end(), [&order](const auto& a, const auto& b) {
    if (a.second.name != b.second.name) return order.Before(a.second.name, b.second.name);
    return a.first < b.first;
  });
  std::vector<BriefingActor> result;
  result.reserve(actors.size());
  for (auto& [id, actor] : actors) {
    std::stable_sort(actor.items.begin(), actor.items.end(), SaidBefore);
    actor.anchor = fmt::format("actor-{}", result.size() + 1);
    result.push_back(std::move(actor));
  }
  return result;
}

std::string EvidenceCitationText(const BriefingInput& input, const Evidence& evidence) {
  std::string provision;
  std::string document;
  if (auto found = input.citations.find(evidence.id); found != input.citations.end()) {
    provision = found->second.provision;
    document = found->second.document;
  }
  if (document.empty()) {
    if (provision.empty()) provision = evidence.anchor.path;
    document = fmt::format("document {}", evidence.anchor.document_id);
  }
  return provision.empty() ? document : fmt::format("{}, {}", provision, document);
}

std::vector<std::size_t> VerdictCounts(const std::vector<BriefingActor>& actors,
                                       const VerdictScale& scale) {
  const std::size_t size = scale.verdicts().size();
  std::vector<std::size_t> counts(size + 1, 0);
  for (const BriefingActor& actor : actors) {
    for (const ReviewedClaim* item : actor.items) {
      const int rating = scale.Rating(item->fact_check.verdict);
      // Rating counts from the worst (1); the scale lists the best first.
      ++counts[rating == 0 ? size : size - static_cast<std::size_t>(rating)];
    }
  }
  return counts;
}

std::string SessionLine(const BriefingInput& input) {
  if (!input.session_label.empty()) return input.session_label;
  if (input.session != 0) return fmt::format("Session {}", input.session);
  return {};
}

std::string BriefingLede(const std::vector<BriefingActor>& actors, const BriefingInput& input) {
  std::size_t claims = 0;
  std::size_t stale = 0;
  for (const BriefingActor& actor : actors) {
    claims += actor.items.size();
    for (const ReviewedClaim* item : actor.items) stale += NeedsReview(item->fact_check) ? 1 : 0;
  }
  if (claims == 0) {
    return input.include_unpublished ? "No fact-checks yet." : "No published fact-checks yet.";
  }
  std::string lede = fmt::format(
      "{} {} by {} {}, checked by {} against the texts and the "
      "record; the evidence quotes their exact words.",
      claims, claims == 1 ? "claim" : "claims", actors.size(),
      actors.size() == 1 ? "actor" : "actors",
      input.publisher.name.empty() ? "observers" : input.publisher.name);
  if (stale > 0) {
    lede += fmt::format(" {} {} review: {} evidence changed in a newer draft.", stale,
                        stale == 1 ? "needs" : "need", stale == 1 ? "its" : "their");
  }
  return lede;
}

std::string StatusLabel(FactCheckStatus status) {
  switch (status) {
    case FactCheckStatus::kDraft: return "Draft";
    case FactCheckStatus::kInReview: return "In review";
    case FactCheckStatus::kPublished: return "Published";
  }
  return "Draft";
}

}  // namespace tw::factcheck
