#include "compare/change_description.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "compare/report_wording.h"
#include "text/text_clip.h"

namespace tw::compare {
namespace {

std::string Where(const std::string& path) {
  return path.empty() ? "" : " in " + ProvisionCitation(path);
}

std::string Words(int count) { return fmt::format("{} word{}", count, count == 1 ? "" : "s"); }

std::string WordCounts(const ArticleChange& change) {
  if (change.words_deleted == 0 && change.words_inserted == 0) return "brackets only";
  return fmt::format("{} deleted, {} inserted", Words(change.words_deleted), Words(change.words_inserted));
}

}  // namespace

std::string DescribeChange(const ArticleChange& change) {
  const std::string& from = change.old_citation;
  const std::string& to = change.new_citation;
  std::string sentence;
  switch (change.kind) {
    case ChangeKind::kInsertion:
      return fmt::format("{} was inserted{}", to,
                         change.new_heading.empty() ? "" : fmt::format(" (“{}”)", change.new_heading));
    case ChangeKind::kRepeal:
      return fmt::format("{} was deleted{}", from,
                         change.old_heading.empty() ? "" : fmt::format(" (“{}”)", change.old_heading));
    case ChangeKind::kSplit:
      sentence = fmt::format("{} was split into {}", from, to);
      break;
    case ChangeKind::kJoin:
      sentence = fmt::format("{} were joined into {}", from, to);
      break;
    case ChangeKind::kMove:
      sentence = from == to ? fmt::format("{} moved", from)
                            : fmt::format("{} moved and became {}", from, to);
      if (change.old_chapter != change.new_chapter && !change.new_chapter.empty()) {
        sentence += fmt::format(" (from {} to {})", change.old_chapter.empty() ? "no chapter" : change.old_chapter,
                                change.new_chapter);
      }
      break;
    case ChangeKind::kRenumbering:
      sentence = fmt::format("{} became {} (renumbered", from, to);
      sentence += change.references_renumbered ? "; only its cross-references follow the new numbers)"
                                               : ", same words)";
      return sentence;
    case ChangeKind::kSubstitution:
      sentence = from == to ? fmt::format("{} was amended", from)
                            : fmt::format("{} became {} and was amended", from, to);
      break;
    case ChangeKind::kUnchanged:
      return fmt::format("{} is unchanged", from);
  }
  if (change.text_changed && change.kind != ChangeKind::kSubstitution && !change.references_renumbered) {
    sentence += "; " + WordCounts(change);
  } else if (change.kind == ChangeKind::kSubstitution) {
    sentence += fmt::format(" ({})", WordCounts(change));
  }
  return sentence;
}

std::string DescribeBracketChange(const BracketChange& change) {
  const std::string words = text::ClipUtf8(change.text, 81);
  switch (change.kind) {
    case BracketChangeKind::kAgreed:
      return fmt::format("brackets around “{}” removed — agreed{}", words, Where(change.new_path));
    case BracketChangeKind::kDisputed:
      return fmt::format("“{}” put in brackets — disputed{}", words, Where(change.new_path));
    case BracketChangeKind::kDropped:
      return fmt::format("bracketed “{}” deleted{}", words, Where(change.old_path));
    case BracketChangeKind::kAdded:
      return fmt::format("new bracketed text “{}”{}", words, Where(change.new_path));
  }
  return words;
}

std::string DescribeProvisionChange(const ProvisionChange& change) {
  const std::string from = change.old_paths.empty() ? "" : ProvisionCitation(change.old_paths.front());
  const std::string to = change.new_paths.empty() ? "" : ProvisionCitation(change.new_paths.front());
  switch (change.kind) {
    case ChangeKind::kInsertion: return fmt::format("{} inserted", to);
    case ChangeKind::kRepeal: return fmt::format("{} deleted", from);
    case ChangeKind::kMove: return fmt::format("{} moved to {}", from, to);
    case ChangeKind::kRenumbering: return fmt::format("{} became {} (same words)", from, to);
    case ChangeKind::kSubstitution:
      return from == to ? fmt::format("{} amended", from)
                        : fmt::format("{} became {} and was amended", from, to);
    default: return fmt::format("{} → {}", from, to);
  }
}

std::string DescribeSummary(const ComparisonSummary& s) {
  std::vector<std::string> parts;
  auto add = [&parts](int count, const char* what) {
    if (count > 0) parts.push_back(fmt::format("{} {}", count, what));
  };
  add(s.unchanged, "unchanged");
  add(s.modified, "amended");
  add(s.renumbered, "renumbered");
  add(s.moved, "moved");
  add(s.inserted, "inserted");
  add(s.deleted, "deleted");
  add(s.split, "split");
  add(s.merged, "made by joining");
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : ", ") + part;
  return fmt::format("{} articles → {}: {}; brackets {} → {}; {:.1f} % of words changed",
                     s.articles_old, s.articles_new, joined.empty() ? "no articles" : joined,
                     s.brackets_old, s.brackets_new, std::clamp(s.words_changed_pct, 0.0, 100.0));
}

}  // namespace tw::compare
