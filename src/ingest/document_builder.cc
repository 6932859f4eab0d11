#include "ingest/document_builder.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include <fmt/format.h>

#include "doc/structure_parser.h"

namespace tw::ingest {
namespace {

bool IsCalendarDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
  }
  const int year = std::stoi(std::string(date.substr(0, 4)));
  const unsigned month = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
  const unsigned day = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
  return std::chrono::year_month_day(std::chrono::year(year), std::chrono::month(month),
                                     std::chrono::day(day))
      .ok();
}

// A title line is the first line of the text when it reads like a title, not like a
// structural heading or a paragraph.
std::string TitleFromText(std::string_view text) {
  const std::string_view first = text.substr(0, text.find('\n'));
  constexpr std::size_t kMaxTitleBytes = 300;
  const bool looks_like_title = !first.empty() && first.size() <= kMaxTitleBytes &&
                                first.rfind("Article", 0) != 0 && first.rfind("Chapter", 0) != 0;
  if (!looks_like_title) return "";
  std::string title(first);
  while (!title.empty() && (title.back() == ';' || title.back() == ',')) title.pop_back();
  return title;
}

}  // namespace

absl::Status ValidateMeta(const doc::DocumentMeta& meta) {
  if (!meta.kind.empty() && !doc::IsDocumentKind(meta.kind)) {
    return absl::InvalidArgumentError(fmt::format(
        "--kind '{}' is not one of draft, final, proposal, statement, reference, analysis",
        meta.kind));
  }
  if (!meta.date.empty() && !IsCalendarDate(meta.date)) {
    return absl::InvalidArgumentError(
        fmt::format("--date '{}' is not a calendar date in the form YYYY-MM-DD", meta.date));
  }
  const bool lang_ok =
      meta.lang.empty() ||
      ((meta.lang.size() == 2 || meta.lang.size() == 3) &&
       std::all_of(meta.lang.begin(), meta.lang.end(),
                   [](unsigned char c) { return std::islower(c) != 0; }));
  if (!lang_ok) {
    return absl::InvalidArgumentError(
        fmt::format("--lang '{}' is not an ISO 639 language code such as en, fr, es, ru, zh, ar",
                    meta.lang));
  }
  if (meta.session < 0) {
    return absl::InvalidArgumentError(
        fmt::format("--session {} must be a positive session number", meta.session));
  }
  return absl::OkStatus();
}

doc::Document BuildDocumentFromSource(doc::SourceText source, const doc::DocumentMeta& meta) {
  doc::Document document;
  document.meta = meta;
  if (document.meta.kind.empty()) document.meta.kind = "reference";
  if (document.meta.lang.empty()) document.meta.lang = "en";
  document.meta.page_count = source.page_count;
  doc::ParsedStructure parsed = doc::ParseStructure(source);
  // The parser knows the title block ("79/243. United Nations Convention against ...");
  // a first line such as "Seventy-ninth session" is only the fallback.
  constexpr std::size_t kMaxTitleBytes = 300;
  if (document.meta.title.empty() && !parsed.root.heading.empty() &&
      parsed.root.heading.size() <= kMaxTitleBytes) {
    document.meta.title = parsed.root.heading;
    while (!document.meta.title.empty() &&
           (document.meta.title.back() == ';' || document.meta.title.back() == ',')) {
      document.meta.title.pop_back();
    }
  }
  if (document.meta.title.empty()) document.meta.title = TitleFromText(source.text);
  document.root = std::move(parsed.root);
  document.references = std::move(parsed.references);
  document.warnings = std::move(parsed.warnings);
  // Reader notes are informational: they say what clean-up decided, not what is wrong.
  for (std::string& note : source.notes) {
    document.warnings.push_back(doc::ParseWarning{0, 0, std::move(note), false});
  }
  document.text = std::move(source.text);
  document.spans = std::move(source.spans);
  return document;
}

absl::StatusOr<doc::Document> BuildDocument(const std::filesystem::path& path,
                                            const doc::DocumentMeta& meta,
                                            const ReadOptions& options) {
  if (absl::Status valid = ValidateMeta(meta); !valid.ok()) return valid;
  absl::StatusOr<LoadedSource> loaded = ReadSourceFile(path, options);
  if (!loaded.ok()) return loaded.status();
  doc::DocumentMeta full = meta;
  full.format = std::string(SourceFormatName(loaded->format));
  full.sha256 = loaded->sha256;
  full.source_name = path.filename().string();
  doc::Document document = BuildDocumentFromSource(std::move(loaded->text), full);
  if (document.meta.title.empty()) document.meta.title = path.stem().string();
  return document;
}

}  // namespace tw::ingest
