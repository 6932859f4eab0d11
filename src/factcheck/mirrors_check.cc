// The mirrors check: "Art. X mirrors / is the same as / is based on Art. Y of Z". X is the
// first provision the claim cites in the draft; Y the first it cites in another instrument
// (or a second one in the draft), else Z's best match for X. Both are measured as the
// crosswalk measures articles (provision_similarity.h), with the redline and the words only
// one of them has.
//
// How alike is alike enough depends on the claim's verb (claim_wording.h); the measure is the
// mutual containment (the smaller share of either text found in the other), except for "is
// based on" and its kin, which claim only that X took Y's words: there the share of Y found
// in X.
//
//   strength    supports    partly       contradicts
//   identical   ≥ 0.95      0.80–0.95    < 0.80
//   close       ≥ 0.80      0.50–0.80    < 0.50
//   loose       ≥ 0.50      0.30–0.50    < 0.30
//
// A claim that the texts differ reads the close row backwards.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "factcheck/auto_check_context.h"
#include "factcheck/check_evidence.h"
#include "factcheck/provision_similarity.h"

namespace tw::factcheck {
namespace {

// Words only in one text, quoted in the finding and anchored, at most.
constexpr std::size_t kMaxQuotedRuns = 3;

struct Thresholds {
  double supports = 0.8;
  double partly = 0.5;
};

Thresholds ThresholdsFor(MirrorStrength strength) {
  switch (strength) {
    case MirrorStrength::kIdentical:
      return {0.95, 0.8};
    case MirrorStrength::kClose:
      return {0.8, 0.5};
    case MirrorStrength::kLoose:
      return {0.5, 0.3};
  }
  return {};
}

// A provision of a stored document the claim names.
struct Side {
  const doc::Document* document = nullptr;
  std::string path;  // empty: the document's best match for the other side
};

bool HasLetters(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
}

// The runs of `op` kind, longest first, at most kMaxQuotedRuns.
std::vector<std::string> Runs(const std::vector<compare::DiffOp>& ops, compare::OpKind kind) {
  std::vector<std::string> runs;
  std::vector<std::string> seen;  // case-folded, spaces trimmed: "State" twice is one run
  for (const compare::DiffOp& op : ops) {
    if (op.op != kind || !HasLetters(op.text)) continue;
    std::string key = FoldClaimText(op.text);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(std::move(key));
    runs.push_back(op.text);
  }
  std::stable_sort(runs.begin(), runs.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  if (runs.size() > kMaxQuotedRuns) runs.resize(kMaxQuotedRuns);
  return runs;
}

std::string QuotedList(const std::vector<std::string>& runs) {
  std::string list;
  for (const std::string& run : runs) list += (list.empty() ? "" : ", ") + Quoted(run);
  return list;
}

// Where the claim first names the article of `path` by its number ("7" of "art7", "5 bis" of
// "art5bis"); npos when it does not (a heading named it).
std::size_t MentionOffset(std::string_view text, std::string_view path) {
  const std::size_t dot = path.find('.');
  std::string_view article = path.substr(0, dot);
  if (article.rfind("art", 0) != 0) return std::string_view::npos;
  article.remove_prefix(3);
  std::size_t digits = 0;
  while (digits < article.size() && std::isdigit(static_cast<unsigned char>(article[digits]))) {
    ++digits;
  }
  if (digits == 0) return std::string_view::npos;
  const std::string_view number = article.substr(0, digits);
  for (std::size_t at = text.find(number); at != std::string_view::npos;
       at = text.find(number, at + 1)) {
    const bool starts = at == 0 || !std::isdigit(static_cast<unsigned char>(text[at - 1]));
    const std::size_t end = at + number.size();
    const bool ends = end == text.size() || !std::isdigit(static_cast<unsigned char>(text[end]));
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

AutoCheckResult Inconclusive(std::string finding, nlohmann::json details) {
  AutoCheckResult result;
  result.check = "mirrors";
  result.finding = std::move(finding);
  result.details = std::move(details);
  return result;
}

nlohmann::json OpsJson(const std::vector<compare::DiffOp>& ops) {
  nlohmann::json json = nlohmann::json::array();
  for (const compare::DiffOp& op : ops) {
    json.push_back({{"op", std::string(compare::OpKindName(op.op))}, {"text", op.text}});
  }
  return json;
}

}  // namespace

std::vector<AutoCheckResult> RunMirrorsCheck(const AutoCheckContext& context) {
  const MirrorsWording& wording = context.wording.mirrors;
  if (!wording.applies) return {};
  // Both sides, in the order the header gives; the draft's in the order the claim names them.
  std::vector<Side> sides;
  if (context.draft) {
    std::vector<std::string> paths = context.draft_paths;
    std::stable_sort(
        paths.begin(), paths.end(), [&context](const std::string& a, const std::string& b) {
          return MentionOffset(context.claim->text, a) < MentionOffset(context.claim->text, b);
        });
    for (const std::string& path : paths) sides.push_back({&*context.draft, path});
  }
  const NamedInstrument* missing = nullptr;
  const NamedInstrument* absent = nullptr;
  const NamedInstrument* whole = nullptr;  // named without a provision
  for (const NamedInstrument& other : context.others) {
    if (!other.document) {
      if (missing == nullptr) missing = &other;
      continue;
    }
    if (!other.absent_paths.empty() && absent == nullptr) absent = &other;
    for (const std::string& path : other.paths) sides.push_back({&*other.document, path});
    if (other.paths.empty() && other.absent_paths.empty() && whole == nullptr) whole = &other;
  }
  const bool another_text = !context.others.empty();
  if (sides.empty() && !another_text) return {};
  if (sides.size() < 2 && !another_text && context.absent_draft_paths.empty()) return {};

  nlohmann::json details = {{"strength", std::string(MirrorStrengthName(wording.strength))},
                            {"claim_says", wording.differs ? "different" : "alike"},
                            {"phrase", wording.phrase}};
  if (missing != nullptr) {
    details["missing_instrument"] = missing->canonical;
    return {Inconclusive(fmt::format("No stored version of '{}': ingest it (with --instrument "
                                     "\"{}\") to compare it with the draft.",
                                     missing->canonical, missing->canonical),
                         std::move(details))};
  }
  if (absent != nullptr) {
    details["instrument"] = absent->canonical;
    details["absent_paths"] = absent->absent_paths;
    return {Inconclusive(fmt::format("{} has no provision {} that the claim cites.",
                                     ShortCite(*absent->document), absent->absent_paths.front()),
                         std::move(details))};
  }
  if (!context.draft && sides.size() < 2) {
    return {Inconclusive(fmt::format("No draft to compare: {}.", context.no_draft_reason),
                         std::move(details))};
  }
  if (sides.empty() || (sides.size() == 1 && whole == nullptr)) {
    if (!context.absent_draft_paths.empty() && context.draft) {
      details["absent_paths"] = context.absent_draft_paths;
      return {
          Inconclusive(fmt::format("{} has no provision {} that the claim cites.",
                                   ShortCite(*context.draft), context.absent_draft_paths.front()),
                       std::move(details))};
    }
    return {Inconclusive("The claim names no provision to compare.", std::move(details))};
  }
  // The object: the first provision cited in another text, else the second in the same text,
  // else the other text's best match.
  const Side subject = sides[0];
  std::optional<Side> object;
  for (std::size_t i = 1; i < sides.size() && !object; ++i) {
    if (sides[i].document != subject.document) object = sides[i];
  }
  if (!object && whole != nullptr) object = Side{&*whole->document, ""};
  if (!object) object = sides[1];

  const std::optional<ProvisionComparison> compared =
      CompareProvisions(*subject.document, subject.path, *object->document, object->path);
  if (!compared || (!compared->claimed && !compared->best)) {
    return {Inconclusive(
        fmt::format("{} has no provision to compare with {}.", ShortCite(*object->document),
                    Cite(*subject.document, subject.path)),
        std::move(details))};
  }
  const ProvisionMatch& measured = compared->claimed ? *compared->claimed : *compared->best;
  const bool loose = wording.strength == MirrorStrength::kLoose && !wording.differs;
  const double score = loose ? measured.b_in_a : measured.similarity;
  const Thresholds thresholds =
      ThresholdsFor(wording.differs ? MirrorStrength::kClose : wording.strength);

  AutoCheckResult result;
  result.check = "mirrors";
  if (score >= thresholds.supports) {
    result.assessment = wording.differs ? Assessment::kContradicts : Assessment::kSupports;
  } else if (score >= thresholds.partly) {
    result.assessment = Assessment::kPartly;
  } else {
    result.assessment = wording.differs ? Assessment::kSupports : Assessment::kContradicts;
  }

  const std::string x = Cite(*subject.document, subject.path);
  const std::string y = Cite(*object->document, measured.path);
  const std::string x_doc = ShortCite(*subject.document);
  const std::string y_doc = ShortCite(*object->document);
  const std::vector<std::string> only_x = Runs(compared->ops, compare::OpKind::kDelete);
  const std::vector<std::string> only_y = Runs(compared->ops, compare::OpKind::kInsert);

  std::string sentence =
      fmt::format("{} of {} and {} of {} are {} similar ({} of {} is found in {}, {} of {} in {})",
                  x, x_doc, y, y_doc, Decimal2(measured.similarity), Decimal2(measured.a_in_b), x,
                  y, Decimal2(measured.b_in_a), y, x);
  if (compared->claimed && compared->best) {
    if (compared->best->path == measured.path) {
      sentence += fmt::format("; it is {}'s best match in {}", x, y_doc);
    } else {
      sentence += fmt::format("; {}'s best match in {} is {} ({})", x, y_doc,
                              Cite(*object->document, compared->best->path),
                              Decimal2(compared->best->similarity));
    }
  } else if (!compared->claimed) {
    sentence += fmt::format(", the best match in {}", y_doc);
  }
  if (compared->ops.empty()) {
    sentence += "; the words are the same";
  } else {
    if (!only_x.empty()) sentence += fmt::format("; only in {}: {}", x, QuotedList(only_x));
    if (!only_y.empty()) sentence += fmt::format("; only in {}: {}", y, QuotedList(only_y));
  }
  result.finding = sentence + ".";

  AddAnchor(result.anchors, ProvisionAnchor(*subject.document, subject.path));
  AddAnchor(result.anchors, ProvisionAnchor(*object->document, measured.path));
  for (const std::string& run : only_x) {
    AddAnchor(result.anchors, QuoteAnchor(*subject.document, subject.path, run));
  }
  for (const std::string& run : only_y) {
    AddAnchor(result.anchors, QuoteAnchor(*object->document, measured.path, run));
  }

  details["subject"] = ProvisionJson(*subject.document, subject.path);
  details["object"] = ProvisionJson(*object->document, measured.path);
  details["object_claimed"] = compared->claimed.has_value();
  details["similarity"] = measured.similarity;
  details["subject_in_object"] = measured.a_in_b;
  details["object_in_subject"] = measured.b_in_a;
  details["measure"] = loose ? "object_in_subject" : "mutual";
  details["score"] = score;
  details["thresholds"] = {{"supports", thresholds.supports}, {"partly", thresholds.partly}};
  if (compared->best) {
    nlohmann::json best = ProvisionJson(*object->document, compared->best->path);
    best["similarity"] = compared->best->similarity;
    details["best_match"] = std::move(best);
  }
  details["words_only_in_subject"] = compared->words_deleted;
  details["words_only_in_object"] = compared->words_inserted;
  details["only_in_subject"] = only_x;
  details["only_in_object"] = only_y;
  details["redline"] = OpsJson(compared->ops);
  if (context.draft_paths_from_headings) details["subject_from_heading"] = true;
  result.details = std::move(details);
  return {std::move(result)};
}

}  // namespace tw::factcheck
