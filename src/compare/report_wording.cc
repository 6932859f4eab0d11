#include "compare/report_wording.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "compare/change_description.h"
#include "compare/old_places.h"

namespace tw::compare {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

bool AllOf(std::string_view s, bool (*predicate)(char)) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!predicate(c)) return false;
  }
  return true;
}

// The number after a path segment's prefix ("p" of "p12"), or "" when the segment is not that
// prefix followed by digits.
std::string_view NumberAfter(std::string_view segment, std::string_view prefix) {
  if (segment.substr(0, prefix.size()) != prefix) return {};
  const std::string_view rest = segment.substr(prefix.size());
  return AllOf(rest, IsDigit) ? rest : std::string_view{};
}

// "5bis" → "5 bis", "12" → "12"; "" when it does not start with a digit.
std::string Designation(std::string_view s) {
  std::size_t digits = 0;
  while (digits < s.size() && IsDigit(s[digits])) ++digits;
  if (digits == 0) return "";
  if (digits == s.size()) return std::string(s);
  return fmt::format("{} {}", s.substr(0, digits), s.substr(digits));
}

std::string JoinAnd(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out += k + 1 == items.size() ? " and " : ", ";
    out += items[k];
  }
  return out;
}

}  // namespace

std::string_view KindLabel(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kUnchanged:
      return "Unchanged";
    case ChangeKind::kRenumbering:
      return "Renumbered";
    case ChangeKind::kSubstitution:
      return "Amended";
    case ChangeKind::kMove:
      return "Moved";
    case ChangeKind::kSplit:
      return "Split";
    case ChangeKind::kJoin:
      return "Merged";
    case ChangeKind::kInsertion:
      return "New";
    case ChangeKind::kRepeal:
      return "Deleted";
  }
  return "Unchanged";
}

std::vector<ChangeKind> Facets(const ArticleChange& change) {
  std::vector<ChangeKind> facets = {change.kind};
  if (change.kind == ChangeKind::kInsertion || change.kind == ChangeKind::kRepeal) return facets;
  if (change.moved && change.kind != ChangeKind::kMove) facets.push_back(ChangeKind::kMove);
  if (change.renumbered && change.kind != ChangeKind::kRenumbering) {
    facets.push_back(ChangeKind::kRenumbering);
  }
  if (change.text_changed && change.kind != ChangeKind::kSubstitution) {
    facets.push_back(ChangeKind::kSubstitution);
  }
  return facets;
}

bool CitationChanged(const ArticleChange& change) {
  return !change.old_citation.empty() && !change.new_citation.empty() &&
         change.old_citation != change.new_citation;
}

std::string ChangeTitle(const ArticleChange& change) {
  if (CitationChanged(change)) {
    return fmt::format("{} \u2192 {}", change.old_citation, change.new_citation);
  }
  return change.new_citation.empty() ? change.old_citation : change.new_citation;
}

bool ListedCompactly(const ArticleChange& change) {
  if (change.kind == ChangeKind::kUnchanged) return true;
  return change.kind == ChangeKind::kRenumbering && !change.moved &&
         (!change.text_changed || change.references_renumbered);
}

std::string ChapterNote(const ArticleChange& change) {
  if (change.old_citation.empty() || change.new_citation.empty() ||
      change.old_chapter == change.new_chapter) {
    return "";
  }
  if (change.old_chapter.empty()) return fmt::format("Now in {}", change.new_chapter);
  if (change.new_chapter.empty()) return fmt::format("No longer in {}", change.old_chapter);
  return fmt::format("Moved from {} to {}", change.old_chapter, change.new_chapter);
}

std::string PartsNote(const ArticleChange& change) {
  if (change.kind == ChangeKind::kSplit) {
    return fmt::format("Split into {}", change.new_citation.empty()
                                            ? ProvisionCitations(change.new_paths)
                                            : change.new_citation);
  }
  if (change.kind == ChangeKind::kJoin) {
    return fmt::format("Merged from {}", change.old_citation.empty()
                                             ? ProvisionCitations(change.old_paths)
                                             : change.old_citation);
  }
  return "";
}

std::string FormerPlace(const Comparison& comparison, const ArticleChange& change) {
  if (change.old_position < 0) return "";
  const ArticleChange* before = UnitAtOldPosition(comparison, change.old_position - 1);
  const ArticleChange* after = UnitAtOldPosition(comparison, change.old_position + 1);
  if (before && after) {
    return fmt::format("between {} and {}", before->old_citation, after->old_citation);
  }
  if (before) return fmt::format("after {}", before->old_citation);
  if (after) return fmt::format("before {}", after->old_citation);
  return "";
}

std::vector<std::string> ChangeNotes(const Comparison& comparison, const ArticleChange& change) {
  std::vector<std::string> notes = {DescribeChange(change) + "."};
  // The story of a move names its chapters already.
  if (const std::string note = ChapterNote(change);
      !note.empty() && change.kind != ChangeKind::kMove) {
    notes.push_back(note + ".");
  }
  if (change.moved) {
    if (const std::string place = FormerPlace(comparison, change); !place.empty()) {
      notes.push_back(fmt::format("Formerly {} in the earlier text.", place));
    }
  }
  if (!change.old_heading.empty() && !change.new_heading.empty() &&
      change.old_heading != change.new_heading) {
    notes.push_back(fmt::format("Heading was \u201C{}\u201D.", change.old_heading));
  }
  const bool one_sided =
      change.kind == ChangeKind::kInsertion || change.kind == ChangeKind::kRepeal;
  notes.push_back(
      one_sided ? WordsNote(change) + "."
                : fmt::format("Similarity {}; {}.", Percent(change.similarity), WordsNote(change)));
  return notes;
}

std::string WordsNote(const ArticleChange& change) {
  if (change.kind == ChangeKind::kInsertion) {
    return fmt::format("{} words, all new", change.words_new);
  }
  if (change.kind == ChangeKind::kRepeal) {
    return fmt::format("{} words, all deleted", change.words_old);
  }
  return fmt::format("{} \u2192 {} words", change.words_old, change.words_new);
}

std::string_view BracketChangeLabel(BracketChangeKind kind) {
  switch (kind) {
    case BracketChangeKind::kAgreed:
      return "Brackets removed (agreed)";
    case BracketChangeKind::kDisputed:
      return "Brackets added (disputed)";
    case BracketChangeKind::kDropped:
      return "Bracketed text deleted";
    case BracketChangeKind::kAdded:
      return "New bracketed text";
  }
  return "Brackets removed (agreed)";
}

std::string ProvisionCitation(std::string_view path) {
  std::string annex;
  std::string result;
  bool in_article = false;  // after "Art. N", paragraphs and points print as (2)(b)
  std::size_t start = 0;
  while (start <= path.size() && !path.empty()) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    const std::string_view segment = path.substr(start, dot - start);
    std::string_view n;
    if (segment == "preamble") {
      result = "Preamble";
    } else if (segment == "closing") {
      result = "Final clause";
    } else if (segment.substr(0, 5) == "annex" &&
               (segment.size() == 5 || AllOf(segment.substr(5), IsDigit))) {
      annex = segment.size() == 5 ? "Annex" : fmt::format("Annex {}", segment.substr(5));
    } else if (segment.substr(0, 3) == "art" && !Designation(segment.substr(3)).empty()) {
      result = fmt::format("Art. {}", Designation(segment.substr(3)));
      in_article = true;
    } else if (!(n = NumberAfter(segment, "part")).empty()) {
      result = fmt::format("Part {}", n);
    } else if (!(n = NumberAfter(segment, "ch")).empty()) {
      result = fmt::format("Chapter {}", n);
    } else if (!(n = NumberAfter(segment, "sec")).empty()) {
      result = fmt::format("{}{}Section {}", result, result.empty() ? "" : ", ", n);
    } else if (!(n = NumberAfter(segment, "title")).empty()) {
      result = fmt::format("{}{}Title {}", result, result.empty() ? "" : ", ", n);
    } else if (!(n = NumberAfter(segment, "fn")).empty()) {
      result = fmt::format("Footnote {}", n);
    } else if (!(n = NumberAfter(segment, "opt")).empty()) {
      result = fmt::format("{}{}Option {}", result, result.empty() ? "" : ", ", n);
    } else if (!(n = NumberAfter(segment, "p")).empty()) {
      result = in_article ? fmt::format("{}({})", result, n)
                          : fmt::format("{}{}ara. {}", result, result.empty() ? "P" : ", p", n);
    } else if (!(n = NumberAfter(segment, "u")).empty()) {
      result = fmt::format("{}{}nnumbered para. {}", result, result.empty() ? "U" : ", u", n);
    } else if (!result.empty() && (AllOf(segment, IsLower) || AllOf(segment, IsDigit))) {
      result = fmt::format("{}({})", result, segment);
    } else {
      return std::string(path);
    }
    if (dot == path.size()) break;
    start = dot + 1;
  }
  if (annex.empty()) return result.empty() ? std::string(path) : result;
  return result.empty() ? annex : fmt::format("{}, {}", annex, result);
}

std::string ProvisionCitations(const std::vector<std::string>& paths) {
  std::vector<std::string> citations;
  citations.reserve(paths.size());
  for (const std::string& path : paths) citations.push_back(ProvisionCitation(path));
  return JoinAnd(citations);
}

std::string ProvisionTitle(const ProvisionChange& change) {
  const std::string before = ProvisionCitations(change.old_paths);
  const std::string after = ProvisionCitations(change.new_paths);
  if (before.empty() || before == after) return after.empty() ? before : after;
  if (after.empty()) return before;
  return fmt::format("{} \u2192 {}", before, after);
}

std::string Percent(double share) {
  if (!std::isfinite(share)) return "\u2013";
  if (share >= 1) return "100%";
  if (share <= 0) return "0%";
  const long rounded = std::lround(share * 100);
  if (rounded < 1) return "<1%";
  if (rounded > 99) return "99%";
  return fmt::format("{}%", rounded);
}

bool IsIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !AllOf(date.substr(0, 4), IsDigit) ||
      !AllOf(date.substr(5, 2), IsDigit) || !AllOf(date.substr(8, 2), IsDigit)) {
    return false;
  }
  const std::string_view month = date.substr(5, 2);
  const std::string_view day = date.substr(8, 2);
  return month >= "01" && month <= "12" && day >= "01" && day <= "31";
}

std::string DisplayDate(std::string_view iso_date) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (!IsIsoDate(iso_date)) return std::string(iso_date);
  const int month = (iso_date[5] - '0') * 10 + (iso_date[6] - '0');
  const int day = (iso_date[8] - '0') * 10 + (iso_date[9] - '0');
  return fmt::format("{} {} {}", day, kMonths[static_cast<std::size_t>(month - 1)],
                     iso_date.substr(0, 4));
}

std::string ShortName(const ComparedDocument& document) {
  if (!document.cite.empty()) return document.cite;
  return document.title.empty() ? "(unnamed text)" : document.title;
}

std::string DocumentLine(const ComparedDocument& document) {
  std::string line = ShortName(document);
  if (!document.date.empty()) line += fmt::format(" of {}", DisplayDate(document.date));
  if (document.version > 0) line += fmt::format(" (version {})", document.version);
  return line;
}

namespace {

// words_changed_pct as a percentage can be: 0..100, NaN read as 0.
double WordsChangedPercent(const ComparisonSummary& s) {
  const double pct = std::isfinite(s.words_changed_pct) ? s.words_changed_pct : 0;
  return std::min(100.0, std::max(0.0, pct));
}

}  // namespace

std::string SummarySentence(const ComparisonSummary& summary) {
  ComparisonSummary held = summary;
  held.words_changed_pct = WordsChangedPercent(summary);
  return DescribeSummary(held) + ".";
}

std::vector<SummaryRow> SummaryRows(const ComparisonSummary& s) {
  auto row = [](std::string_view label, int value) {
    return SummaryRow{std::string(label), std::to_string(value)};
  };
  return {row("Articles in the earlier text", s.articles_old),
          row("Articles in the later text", s.articles_new),
          row("Unchanged (same number, same wording)", s.unchanged),
          row("Amended (wording changed)", s.modified),
          row("Renumbered", s.renumbered),
          row("Moved to another place", s.moved),
          row("New articles", s.inserted),
          row("Deleted articles", s.deleted),
          row("Earlier articles split into several", s.split),
          row("Later articles merged from several", s.merged),
          row("Square-bracketed (unagreed) passages, earlier text", s.brackets_old),
          row("Square-bracketed (unagreed) passages, later text", s.brackets_new),
          SummaryRow{"Words deleted or inserted", fmt::format("{:.1f}%", WordsChangedPercent(s))}};
}

}  // namespace tw::compare
