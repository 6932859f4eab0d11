#include "briefing_samples.h"

#include <string>
#include <utility>
#include <vector>

namespace tw::factcheck::testing {
namespace {

constexpr std::int64_t kUnDocument = 3;
constexpr std::int64_t kBudapestDocument = 5;

Evidence Quote(std::int64_t id, std::int64_t document, std::string path, std::string exact,
               std::string note = {}) {
  Evidence evidence;
  evidence.id = id;
  evidence.anchor.document_id = document;
  evidence.anchor.path = std::move(path);
  evidence.anchor.exact = std::move(exact);
  evidence.note = std::move(note);
  evidence.checked_against = document;
  return evidence;
}

ReviewedClaim Item(std::int64_t claim_id, std::string actor, std::string actor_name, bool state,
                   std::string date, int session, std::string text, std::int64_t fact_check_id,
                   std::string verdict, FactCheckStatus status) {
  ReviewedClaim item;
  item.claim.id = claim_id;
  item.claim.actor = std::move(actor);
  item.claim.date = std::move(date);
  item.claim.session = session;
  item.claim.text = std::move(text);
  item.actor_name = std::move(actor_name);
  item.actor_is_state = state;
  item.fact_check.id = fact_check_id;
  item.fact_check.claim_id = claim_id;
  item.fact_check.verdict = std::move(verdict);
  item.fact_check.status = status;
  item.fact_check.author = "analyst";
  item.fact_check.created_at = "2023-01-20T09:00:00Z";
  item.fact_check.updated_at = "2023-01-25T16:30:00Z";
  if (status == FactCheckStatus::kPublished) item.fact_check.published_at = "2023-01-25T16:30:00Z";
  return item;
}

}  // namespace

BriefingInput SampleBriefing() {
  BriefingInput input;
  input.title = "Fact-checks: fourth session";
  input.session = 0;
  input.session_label = "Fourth session of the Ad Hoc Committee, Vienna, 9–20 January 2023";
  input.publisher.name = "Cyber Rights Observatory";
  input.publisher.url = "https://observatory.example.org";
  input.publisher.base_url = "https://observatory.example.org/";

  ReviewedClaim safeguards =
      Item(102, "BRA", "Brazil", true, "2023-01-12", 4,
           "Article 24 already contains all the safeguards of the Budapest Convention.", 12,
           "omits-a-safeguard", FactCheckStatus::kPublished);
  safeguards.claim.source_url = "https://webtv.example.org/session4/2023-01-12#t=01:12:40";
  safeguards.claim.source_grade = SourceGrade::kWebcast;
  safeguards.fact_check.summary =
      "Article 24 leaves out the Budapest Convention's reference to the human rights treaties "
      "the safeguards must protect.";
  safeguards.fact_check.rationale =
      "Both articles make the procedural powers subject to conditions and safeguards under "
      "domestic law and name proportionality.\n\nOnly the Budapest Convention ties the "
      "safeguards to the European Convention on Human Rights and the ICCPR.";
  safeguards.fact_check.evidence = {
      Quote(31, kUnDocument, "art24.p1",
            "subject to conditions and safeguards provided for under its domestic law, which "
            "shall provide for the protection of human rights"),
      Quote(32, kBudapestDocument, "art15.p1",
            "the adequate protection of human rights and liberties, including rights arising "
            "pursuant to obligations it has undertaken under the 1950 Council of Europe "
            "Convention for the Protection of Human Rights and Fundamental Freedoms",
            "The treaties named here are missing from Article 24."),
  };
  input.items.push_back(safeguards);

  ReviewedClaim mirrors = Item(101, "BRA", "Brazil", true, "2023-01-10", 4,
                               "Illegal access in Article 7 mirrors Article 2 of the Budapest "
                               "Convention.",
                               11, "mostly-accurate", FactCheckStatus::kPublished);
  mirrors.fact_check.summary =
      "The offence is the same; the UN text speaks of ICT systems where Budapest says computer "
      "systems.";
  mirrors.fact_check.evidence = {
      Quote(33, kUnDocument, "art7.p1",
            "the access to the whole or any part of an information and communications technology "
            "system without right"),
  };
  mirrors.fact_check.evidence.back().origin = "mirrors";
  input.items.push_back(mirrors);

  ReviewedClaim objection = Item(103, "EU", "European Union", false, "2023-01-11", 4,
                                 "No delegation objected to paragraph 3 of Article 24.", 13,
                                 "unsupported", FactCheckStatus::kPublished);
  objection.claim.source_grade = SourceGrade::kOfficialRecord;
  objection.fact_check.summary = "The record of the meeting shows two delegations objecting.";
  objection.fact_check.evidence = {
      Quote(34, kUnDocument, "art24.p3", "the impact of the powers and procedures"),
  };
  objection.fact_check.published_at = "2023-01-25T16:30:00Z";
  objection.fact_check.updated_at = "2023-02-03T09:00:00Z";
  objection.fact_check.revision = 5;
  objection.fact_check.change_note =
      "The first version cited the meeting of 10 January; the objections were made on 11 January.";
  input.items.push_back(objection);

  ReviewedClaim majority = Item(104, "CIV", "Côte d'Ivoire", true, "2023-01-13", 4,
                                "A majority of states support the broad scope of Article 4.", 14,
                                "misleading", FactCheckStatus::kPublished);
  majority.fact_check.summary =
      "The recorded positions show support from 41 of 193 members; most took no position.";
  Evidence changed = Quote(35, kUnDocument, "art4.p1",
                           "offences established in accordance with other applicable "
                           "international conventions and protocols");
  changed.status = AnchorStatus::kChanged;
  changed.similarity = 0.82;
  majority.fact_check.evidence = {changed};
  input.items.push_back(majority);

  ReviewedClaim proportionality = Item(105, "CRI", "Costa Rica", true, "2023-01-13", 4,
                                       "Article 24 names the principle of proportionality.", 15,
                                       "accurate", FactCheckStatus::kPublished);
  proportionality.fact_check.summary = "It does, in paragraph 1.";
  proportionality.fact_check.evidence = {
      Quote(36, kUnDocument, "art24.p1",
            "which shall incorporate the principle of proportionality"),
  };
  input.items.push_back(proportionality);

  ReviewedClaim in_review = Item(106, "HRV", "Croatia", true, "2023-01-16", 5,
                                 "The convention has no clause on respect for human rights.", 16,
                                 "false", FactCheckStatus::kInReview);
  in_review.fact_check.summary = "Article 6 is titled “Respect for human rights”.";
  in_review.fact_check.evidence = {
      Quote(37, kUnDocument, "art6.p1",
            "in a manner consistent with their obligations under international human rights "
            "law"),
  };
  input.items.push_back(in_review);

  ReviewedClaim draft = Item(107, "BRA", "Brazil", true, "2023-01-17", 5,
                             "Two thirds of the articles are unchanged since the last draft.", 17,
                             "unsupported", FactCheckStatus::kDraft);
  draft.fact_check.summary = "To be checked against the compare result.";
  input.items.push_back(draft);

  input.citations = {
      {31, {"A/RES/79/243", "Art. 24(1)"}}, {32, {"Budapest Convention", "Art. 15(1)"}},
      {33, {"A/RES/79/243", "Art. 7(1)"}},  {34, {"A/RES/79/243", "Art. 24(3)"}},
      {35, {"A/RES/79/243", "Art. 4(1)"}},  {36, {"A/RES/79/243", "Art. 24(1)"}},
      {37, {"A/RES/79/243", "Art. 6(1)"}},
  };
  return input;
}

BriefingInput HostileBriefing() {
  BriefingInput input;
  input.title = "<script>alert('title')</script> | *briefing*";
  input.session_label = "# Session <b>4</b> = 1+1";
  input.publisher.name = "Observers & <i>friends</i>";
  input.publisher.url = "javascript:alert(1)";
  input.publisher.base_url = "https://observatory.example.org";

  ReviewedClaim markup =
      Item(201, "XSS", "<img src=x onerror=alert(1)>Delegation", false, "2023-01-10", 4,
           "<script>alert(\"claim\")</script> a | b * c _d_ [link](x)", 21, "false",
           FactCheckStatus::kPublished);
  markup.claim.source_url = "javascript:alert('source')";
  markup.fact_check.summary = "**bold** & <i>italic</i> | cell";
  markup.fact_check.rationale =
      "# Not a heading\n\n- not a list\n\n1. not numbered\n\n<div>raw</div>";
  Evidence evidence = Quote(41, kUnDocument, "art1", "</blockquote><script>alert(2)</script>",
                            "[click](javascript:alert(3)) > quote");
  markup.fact_check.evidence = {evidence};
  input.items.push_back(markup);

  ReviewedClaim formulas =
      Item(202, "=cmd", "=HYPERLINK(\"http://evil.example\",\"x\")", false, "2023-01-11", 4,
           "-2+3 is what they said", 22, "misleading", FactCheckStatus::kPublished);
  formulas.fact_check.summary = "@SUM(A1:A2)";
  formulas.fact_check.evidence = {Quote(42, kUnDocument, "", "+1 word")};
  input.items.push_back(formulas);

  input.citations = {{41, {"A/RES/79/243\"><script>alert(4)</script>", "Art. 1"}}};
  return input;
}

}  // namespace tw::factcheck::testing
