#include "factcheck/claim_review.h"

#include <fmt/format.h>

#include <string_view>

#include "compare/printable_text.h"
#include "factcheck/publication_text.h"

namespace tw::factcheck {
namespace {

using nlohmann::json;

// Words from the store reach JSON only as well-formed UTF-8 without control characters:
// nlohmann's dump throws on ill-formed UTF-8, and a search engine shows what we write.
std::string Clean(std::string_view raw) { return compare::PrintableText(raw); }

void PutDate(json& object, const char* key, std::string_view iso) {
  const std::string date = DatePart(iso);
  if (!date.empty()) object[key] = date;
}

std::string FactCheckUrl(std::string_view base_url, std::int64_t id) {
  while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
  if (id <= 0 || !IsWebUrl(base_url)) return {};
  return fmt::format("{}/factchecks/{}", base_url, id);
}

json ClaimAuthor(const ReviewedClaim& item) {
  const std::string name = Clean(item.actor_name.empty() ? item.claim.actor : item.actor_name);
  if (name.empty()) return nullptr;
  return {{"@type", item.actor_is_state ? "GovernmentOrganization" : "Organization"},
          {"name", name}};
}

// Where the claim was said: the source when it has a URL, else the session record by name.
json Appearance(const ReviewedClaim& item) {
  json work = {{"@type", "CreativeWork"}};
  const std::string actor = Clean(item.actor_name.empty() ? item.claim.actor : item.actor_name);
  work["name"] = Clean(StatementRecordName(item.claim, actor));
  if (IsWebUrl(item.claim.source_url)) work["url"] = item.claim.source_url;
  PutDate(work, "datePublished", item.claim.date);
  return work;
}

json ReviewRating(const FactCheck& fact_check, const VerdictScale& scale) {
  json rating = {{"@type", "Rating"}, {"alternateName", Clean(VerdictLabel(fact_check.verdict))}};
  // A verdict no longer on the scale (the scale was changed after publication) keeps its words
  // but gets no number: a number would sit on a scale that does not say what it means.
  if (const int value = scale.Rating(fact_check.verdict); value > 0) {
    rating["ratingValue"] = value;
    rating["bestRating"] = static_cast<int>(scale.verdicts().size());
    rating["worstRating"] = 1;
  }
  if (!fact_check.summary.empty()) rating["ratingExplanation"] = Clean(fact_check.summary);
  return rating;
}

}  // namespace

nlohmann::json ClaimReviewJsonLd(const ReviewedClaim& item, const VerdictScale& scale,
                                 const Publisher& publisher) {
  const FactCheck& fact_check = item.fact_check;
  json review = {{"@context", "https://schema.org"}, {"@type", "ClaimReview"}};
  if (std::string url = FactCheckUrl(publisher.base_url, fact_check.id); !url.empty()) {
    review["url"] = url;
  }
  review["claimReviewed"] = Clean(item.claim.text);
  PutDate(review, "datePublished", fact_check.published_at);

  if (std::string name = Clean(publisher.name); !name.empty()) {
    json author = {{"@type", "Organization"}, {"name", name}};
    if (IsWebUrl(publisher.url)) author["url"] = publisher.url;
    review["author"] = author;
  }

  review["reviewRating"] = ReviewRating(fact_check, scale);

  json claim = {{"@type", "Claim"}};
  if (json claim_author = ClaimAuthor(item); !claim_author.is_null()) {
    claim["author"] = claim_author;
  }
  PutDate(claim, "datePublished", item.claim.date);
  // The statement is where the claim was first made, and the only appearance we record.
  const json appearance = Appearance(item);
  claim["appearance"] = appearance;
  claim["firstAppearance"] = appearance;
  review["itemReviewed"] = claim;

  if (IsCorrected(fact_check)) {
    json correction = {{"@type", "CorrectionComment"}, {"text", Clean(fact_check.change_note)}};
    PutDate(correction, "datePublished", fact_check.updated_at);
    review["correction"] = correction;
    PutDate(review, "dateModified", fact_check.updated_at);
  }
  return review;
}

nlohmann::json ClaimReviewArray(const std::vector<ReviewedClaim>& items, const VerdictScale& scale,
                                const Publisher& publisher) {
  json array = json::array();
  for (const ReviewedClaim& item : items) {
    if (item.fact_check.status != FactCheckStatus::kPublished) continue;
    array.push_back(ClaimReviewJsonLd(item, scale, publisher));
  }
  return array;
}

}  // namespace tw::factcheck
